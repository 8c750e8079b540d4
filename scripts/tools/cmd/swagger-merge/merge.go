package main

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
)

// Merge merges the inputs, which must already be in the order they should be
// processed in (run sorts them by path).
func Merge(opts Options, inputs []Input) (map[string]any, error) {
	m := &merger{
		opts:       opts,
		paths:      map[string]any{},
		rawOps:     map[string]any{},
		pathOrigin: map[string]string{},
		opIDs:      map[string]string{},
		tags:       map[string]any{},
		tagOrigin:  map[string]string{},
		named: map[string]map[string]any{
			"definitions":         {},
			"parameters":          {},
			"responses":           {},
			"securityDefinitions": {},
		},
		namedOrigin: map[string]string{},
		stringSets:  map[string]map[string]bool{"consumes": {}, "produces": {}, "schemes": {}},
		other:       map[string]any{},
		otherOrigin: map[string]string{},
	}
	for _, in := range inputs {
		if err := m.add(in); err != nil {
			return nil, err
		}
	}
	return m.result()
}

type merger struct {
	opts        Options
	paths       map[string]any    // path -> path item (output)
	rawOps      map[string]any    // "path method" -> value as read, for duplicate detection
	pathOrigin  map[string]string // "path method" -> input name
	opIDs       map[string]string // operationId -> "input: METHOD path"
	tags        map[string]any    // tag name -> tag object
	tagOrigin   map[string]string
	named       map[string]map[string]any // definitions, parameters, ... -> name -> value
	namedOrigin map[string]string
	stringSets  map[string]map[string]bool
	other       map[string]any // any other top-level key
	otherOrigin map[string]string
}

func (m *merger) add(in Input) error {
	if v, _ := in.Doc["swagger"].(string); v != "2.0" {
		return fmt.Errorf("%s: not a Swagger 2.0 document (swagger: %v)", in.Name, in.Doc["swagger"])
	}
	dir := pathDir(in.Name)
	retag := m.opts.TagByDir && dir != ""
	for _, key := range sortedKeys(in.Doc) {
		val := in.Doc[key]
		switch key {
		case "swagger", "info":
			// Replaced by the merged document's own values.
		case "paths":
			p, ok := val.(map[string]any)
			if !ok {
				return fmt.Errorf("%s: paths is not an object", in.Name)
			}
			if err := m.addPaths(in.Name, dir, p); err != nil {
				return err
			}
		case "definitions", "parameters", "responses", "securityDefinitions":
			defs, ok := val.(map[string]any)
			if !ok {
				return fmt.Errorf("%s: %s is not an object", in.Name, key)
			}
			for _, name := range sortedKeys(defs) {
				def := defs[name]
				id := key + "/" + name
				if prev, exists := m.named[key][name]; exists {
					if reflect.DeepEqual(prev, def) {
						continue
					}
					// Definitions may differ in documentation only: protoc-gen-swagger
					// has no comments for a message whose file was not imported
					// directly (google.protobuf.Any in the default error response).
					if key == "definitions" {
						if merged, ok := mergeSchema(prev, def); ok {
							m.named[key][name] = merged
							continue
						}
					}
					return fmt.Errorf("conflicting %s %q: %s and %s define it differently", key, name, m.namedOrigin[id], in.Name)
				}
				m.named[key][name] = def
				m.namedOrigin[id] = in.Name
			}
		case "consumes", "produces", "schemes":
			list, ok := val.([]any)
			if !ok {
				return fmt.Errorf("%s: %s is not an array", in.Name, key)
			}
			for _, s := range list {
				str, ok := s.(string)
				if !ok {
					return fmt.Errorf("%s: %s contains a non-string", in.Name, key)
				}
				m.stringSets[key][str] = true
			}
		case "tags":
			list, ok := val.([]any)
			if !ok {
				return fmt.Errorf("%s: tags is not an array", in.Name)
			}
			if retag {
				// The operations' tags are replaced, so the input's own tag
				// list no longer applies.
				continue
			}
			for _, t := range list {
				tm, _ := t.(map[string]any)
				name, _ := tm["name"].(string)
				if name == "" {
					return fmt.Errorf("%s: tag without a name", in.Name)
				}
				if err := m.addTag(in.Name, name, tm); err != nil {
					return err
				}
			}
		default:
			if prev, exists := m.other[key]; exists {
				if !reflect.DeepEqual(prev, val) {
					return fmt.Errorf("conflicting top-level %q: %s and %s differ", key, m.otherOrigin[key], in.Name)
				}
				continue
			}
			m.other[key] = val
			m.otherOrigin[key] = in.Name
		}
	}
	if retag {
		name := dottedName(dir)
		if _, exists := m.tags[name]; !exists {
			m.tags[name] = map[string]any{"name": name}
			m.tagOrigin[name] = in.Name
		}
	}
	return nil
}

func (m *merger) addTag(inName, name string, tag map[string]any) error {
	if prev, exists := m.tags[name]; exists {
		if !reflect.DeepEqual(prev, tag) {
			return fmt.Errorf("conflicting tag %q: %s and %s describe it differently", name, m.tagOrigin[name], inName)
		}
		return nil
	}
	m.tags[name] = tag
	m.tagOrigin[name] = inName
	return nil
}

func (m *merger) addPaths(inName, dir string, in map[string]any) error {
	for _, p := range sortedKeys(in) {
		item, ok := in[p].(map[string]any)
		if !ok {
			return fmt.Errorf("%s: path %q is not an object", inName, p)
		}
		dst, _ := m.paths[p].(map[string]any)
		if dst == nil {
			dst = map[string]any{}
			m.paths[p] = dst
		}
		for _, method := range sortedKeys(item) {
			val := item[method]
			id := p + " " + method
			if prev, exists := m.rawOps[id]; exists {
				if reflect.DeepEqual(prev, val) {
					continue // the same operation from another input
				}
				return fmt.Errorf("conflicting %s %s: %s and %s define it differently", strings.ToUpper(method), p, m.pathOrigin[id], inName)
			}
			m.rawOps[id] = val
			m.pathOrigin[id] = inName
			if !httpMethods[method] {
				// "parameters" or an x- extension of the path item.
				dst[method] = val
				continue
			}
			op, ok := deepCopy(val).(map[string]any)
			if !ok {
				return fmt.Errorf("%s: %s %s is not an object", inName, method, p)
			}
			if m.opts.TagByDir && dir != "" {
				op["tags"] = []any{dottedName(dir)}
			}
			if opID, _ := op["operationId"].(string); opID != "" {
				if m.opts.PrefixOperationIDs && dir != "" {
					opID = camelName(dir) + opID
					op["operationId"] = opID
				}
				where := inName + ": " + strings.ToUpper(method) + " " + p
				if prev, exists := m.opIDs[opID]; exists {
					return fmt.Errorf("duplicate operationId %q (%s and %s)", opID, prev, where)
				}
				m.opIDs[opID] = where
			}
			dst[method] = op
		}
	}
	return nil
}

func (m *merger) result() (map[string]any, error) {
	out := map[string]any{}
	for k, v := range m.other {
		out[k] = v
	}
	out["swagger"] = "2.0"
	info := map[string]any{"title": m.opts.Title, "version": m.opts.Version}
	if m.opts.Description != "" {
		info["description"] = m.opts.Description
	}
	out["info"] = info
	out["paths"] = m.paths
	for key, defs := range m.named {
		if len(defs) > 0 || key == "definitions" {
			out[key] = defs
		}
	}
	for key, set := range m.stringSets {
		if len(set) == 0 {
			continue
		}
		list := make([]string, 0, len(set))
		for s := range set {
			list = append(list, s)
		}
		sort.Strings(list)
		anyList := make([]any, len(list))
		for i, s := range list {
			anyList[i] = s
		}
		out[key] = anyList
	}
	if len(m.tags) > 0 {
		names := sortedKeys(m.tags)
		list := make([]any, len(names))
		for i, n := range names {
			list[i] = m.tags[n]
		}
		out["tags"] = list
	}
	if err := checkRefs(out, m.named); err != nil {
		return nil, err
	}
	return out, nil
}

// schemaDocKeys are the keys of a schema object that only document it.
var schemaDocKeys = map[string]bool{"description": true, "title": true, "example": true, "externalDocs": true}
