package schema

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// HardMaxComplexity bounds the complexity of any document Compile accepts;
// chains set a lower limit of their own (Schema.Complexity tells the value).
const HardMaxComplexity = 1 << 16

// valueKeywords hold instance data, not subschemas: "$ref" inside them is
// data and is not followed.
var valueKeywords = []string{"const", "enum", "default", "examples"}

// refusedKeywords would let validation work grow beyond what the document's
// expanded size shows (dynamic and recursive references) or change how
// "#/..." references resolve (anchors, nested "$id").
var refusedKeywords = []string{"$dynamicRef", "$recursiveRef", "$dynamicAnchor", "$recursiveAnchor", "$anchor"}

// complexity measures a document as the number of JSON values it holds with
// every "$ref" replaced by the value it points to. Validation visits each
// expanded subschema at most once per instance value, so the work of
// validating a record is bounded by complexity × record size. References
// must be local JSON pointers ("#" or "#/..."), may not form a cycle, and
// the dynamic-reference keywords, anchors and nested "$id" are refused: a
// cycle or a dynamic reference can make validation work exponential in a
// small document.
func complexity(doc any) (int, error) {
	c := &counter{doc: doc, memo: map[string]int{}, active: map[string]bool{}}
	n, err := c.count(doc, "", true)
	if err != nil {
		return 0, err
	}
	if n > HardMaxComplexity {
		return 0, fmt.Errorf("expanded size exceeds %d", HardMaxComplexity)
	}
	return n, nil
}

type counter struct {
	doc    any
	memo   map[string]int  // expanded size of the value at a pointer
	active map[string]bool // pointers being expanded (cycle detection)
}

func saturate(n int) int { return min(n, HardMaxComplexity+1) }

// count returns the expanded size of v, found at pointer ptr. schemaPos is
// false inside value keywords.
func (c *counter) count(v any, ptr string, schemaPos bool) (int, error) {
	if n, ok := c.memo[ptr]; ok {
		return n, nil
	}
	if c.active[ptr] {
		return 0, fmt.Errorf("recursive reference through %q: recursion is not supported", "#"+ptr)
	}
	c.active[ptr] = true
	defer delete(c.active, ptr)
	n := 1
	switch v := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			if schemaPos {
				if err := checkKeyword(k, v[k], ptr); err != nil {
					return 0, err
				}
			}
			childSchema := schemaPos && !slices.Contains(valueKeywords, k)
			m, err := c.count(v[k], ptr+"/"+escape(k), childSchema)
			if err != nil {
				return 0, err
			}
			n = saturate(n + m)
		}
		if ref, ok := v["$ref"].(string); ok && schemaPos {
			m, err := c.followRef(ref)
			if err != nil {
				return 0, err
			}
			n = saturate(n + m)
		}
	case []any:
		for i, e := range v {
			m, err := c.count(e, ptr+"/"+strconv.Itoa(i), schemaPos)
			if err != nil {
				return 0, err
			}
			n = saturate(n + m)
		}
	}
	c.memo[ptr] = n
	return n, nil
}

func checkKeyword(k string, val any, ptr string) error {
	switch {
	case slices.Contains(refusedKeywords, k):
		return fmt.Errorf("%q at %q is not supported (references must be local JSON pointers)", k, "#"+ptr)
	case k == "$id" && ptr != "":
		return fmt.Errorf("\"$id\" at %q is not supported: only the root may have one", "#"+ptr)
	case k == "$ref":
		if _, ok := val.(string); !ok {
			return fmt.Errorf("\"$ref\" at %q must be a string", "#"+ptr)
		}
	}
	return nil
}

// followRef returns the expanded size of a reference's target.
func (c *counter) followRef(ref string) (int, error) {
	if ref != "#" && !strings.HasPrefix(ref, "#/") {
		return 0, fmt.Errorf("reference %q is not a local JSON pointer (\"#\" or \"#/...\")", ref)
	}
	frag, err := url.PathUnescape(ref[1:])
	if err != nil {
		return 0, fmt.Errorf("reference %q: %v", ref, err)
	}
	target, ptr, err := resolve(c.doc, frag)
	if err != nil {
		return 0, fmt.Errorf("reference %q: %v", ref, err)
	}
	return c.count(target, ptr, true)
}

// resolve follows a JSON pointer (RFC 6901) and returns the value with the
// pointer in the escaped form count uses.
func resolve(doc any, pointer string) (any, string, error) {
	if pointer == "" {
		return doc, "", nil
	}
	cur, out := doc, ""
	for _, tok := range strings.Split(pointer[1:], "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		switch v := cur.(type) {
		case map[string]any:
			next, ok := v[tok]
			if !ok {
				return nil, "", errors.New("no such location")
			}
			cur = next
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(v) || strconv.Itoa(i) != tok {
				return nil, "", errors.New("no such location")
			}
			cur = v[i]
		default:
			return nil, "", errors.New("no such location")
		}
		out += "/" + escape(tok)
	}
	return cur, out, nil
}

func escape(tok string) string {
	return strings.ReplaceAll(strings.ReplaceAll(tok, "~", "~0"), "/", "~1")
}
