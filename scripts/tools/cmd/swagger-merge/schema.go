package main

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
)

// mergeSchema merges two schema objects that are structurally identical and
// differ at most in documentation that one side lacks. It reports false if
// they differ in anything else, or if both document the same thing
// differently. The result does not depend on the argument order.
func mergeSchema(a, b any) (any, bool) {
	if reflect.DeepEqual(a, b) {
		return a, true
	}
	am, aok := a.(map[string]any)
	bm, bok := b.(map[string]any)
	if !aok || !bok {
		return nil, false
	}
	out := make(map[string]any, len(am))
	for _, k := range sortedKeys(union(am, bm)) {
		av, ina := am[k]
		bv, inb := bm[k]
		if schemaDocKeys[k] {
			switch {
			case !ina:
				out[k] = bv
			case !inb:
				out[k] = av
			case reflect.DeepEqual(av, bv):
				out[k] = av
			default:
				return nil, false
			}
			continue
		}
		if !ina || !inb {
			return nil, false
		}
		switch k {
		case "properties":
			ap, aok := av.(map[string]any)
			bp, bok := bv.(map[string]any)
			if !aok || !bok || len(ap) != len(bp) {
				return nil, false
			}
			props := make(map[string]any, len(ap))
			for name, as := range ap {
				bs, ok := bp[name]
				if !ok {
					return nil, false
				}
				merged, ok := mergeSchema(as, bs)
				if !ok {
					return nil, false
				}
				props[name] = merged
			}
			out[k] = props
		case "items", "additionalProperties":
			merged, ok := mergeSchema(av, bv)
			if !ok {
				return nil, false
			}
			out[k] = merged
		case "allOf":
			al, aok := av.([]any)
			bl, bok := bv.([]any)
			if !aok || !bok || len(al) != len(bl) {
				return nil, false
			}
			list := make([]any, len(al))
			for i := range al {
				merged, ok := mergeSchema(al[i], bl[i])
				if !ok {
					return nil, false
				}
				list[i] = merged
			}
			out[k] = list
		default:
			if !reflect.DeepEqual(av, bv) {
				return nil, false
			}
			out[k] = av
		}
	}
	return out, true
}

func union(a, b map[string]any) map[string]any {
	u := make(map[string]any, len(a)+len(b))
	for k := range a {
		u[k] = nil
	}
	for k := range b {
		u[k] = nil
	}
	return u
}

func deepCopy(v any) any {
	switch t := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(t))
		for k, val := range t {
			m[k] = deepCopy(val)
		}
		return m
	case []any:
		s := make([]any, len(t))
		for i, val := range t {
			s[i] = deepCopy(val)
		}
		return s
	default:
		return v
	}
}

// checkRefs fails if a local $ref points at something no input defines.
func checkRefs(doc map[string]any, named map[string]map[string]any) error {
	var missing []string
	seen := map[string]bool{}
	var walk func(v any)
	walk = func(v any) {
		switch t := v.(type) {
		case map[string]any:
			if ref, ok := t["$ref"].(string); ok && strings.HasPrefix(ref, "#/") {
				parts := strings.SplitN(strings.TrimPrefix(ref, "#/"), "/", 2)
				ok := len(parts) == 2
				if ok {
					m, known := named[parts[0]]
					_, defined := m[unescapePointer(parts[1])]
					ok = known && defined
				}
				if !ok && !seen[ref] {
					seen[ref] = true
					missing = append(missing, ref)
				}
			}
			for _, val := range t {
				walk(val)
			}
		case []any:
			for _, val := range t {
				walk(val)
			}
		}
	}
	walk(doc)
	if len(missing) > 0 {
		sort.Strings(missing)
		return fmt.Errorf("unresolved references: %s", strings.Join(missing, ", "))
	}
	return nil
}

func unescapePointer(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~1", "/"), "~0", "~")
}
