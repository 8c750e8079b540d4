// Command swagger-merge merges many Swagger 2.0 (OpenAPI v2) documents, such
// as the *.swagger.json files written by protoc-gen-swagger, into a single
// document.
//
// The output is deterministic: inputs are processed in sorted path order and
// every object is written with sorted keys, so the same inputs always give a
// byte-identical document. Paths, definitions, top-level parameters, responses
// and security definitions are unioned; a name defined twice with different
// content is an error, as is a duplicate operationId or a $ref to a definition
// that no input defines. Two copies of a definition that differ only in
// documentation one copy lacks (protoc-gen-swagger leaves out the comments of
// messages from files a proto does not import directly) are merged into the
// documented one; copies documented differently are a conflict.
//
// Usage:
//
//	swagger-merge [flags] file-or-dir...
//
// Directories are walked recursively for *.json, *.yaml and *.yml files. With
// -base, each input's directory relative to base (for example
// cosmos/bank/v1beta1) names its operations' tag (cosmos.bank.v1beta1, with
// -tag-by-dir) and prefixes their operationIds (CosmosBankV1beta1Balance, with
// -prefix-operation-ids). The output format follows the -o extension (.json,
// .yaml or .yml); without -o, JSON goes to standard output.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Options controls a merge.
type Options struct {
	Title       string
	Description string
	Version     string
	// Base is the directory input paths are made relative to when deriving
	// tags and operationId prefixes. Empty means the inputs' own paths.
	Base string
	// TagByDir replaces each operation's tags with one tag derived from the
	// input file's directory (a/b/v1 -> a.b.v1).
	TagByDir bool
	// PrefixOperationIDs prefixes each operationId with the CamelCase form of
	// the input file's directory (cosmos/bank/v1beta1 -> CosmosBankV1beta1).
	PrefixOperationIDs bool
}

// Input is one parsed document with the name it is reported under.
type Input struct {
	// Name is the path used in error messages and for tag/prefix derivation
	// (relative to Options.Base when set, slash-separated).
	Name string
	Doc  map[string]any
}

func main() {
	var (
		out  = flag.String("o", "", "output file (.json, .yaml or .yml); standard output (JSON) if empty")
		opts Options
	)
	flag.StringVar(&opts.Title, "title", "TrustCity API", "info.title of the merged document")
	flag.StringVar(&opts.Description, "description", "", "info.description of the merged document")
	flag.StringVar(&opts.Version, "version", "1.0.0", "info.version of the merged document")
	flag.StringVar(&opts.Base, "base", "", "directory that input paths are made relative to for -tag-by-dir and -prefix-operation-ids")
	flag.BoolVar(&opts.TagByDir, "tag-by-dir", false, "tag each operation with its input's directory as a dotted name (cosmos/bank/v1beta1 -> cosmos.bank.v1beta1)")
	flag.BoolVar(&opts.PrefixOperationIDs, "prefix-operation-ids", false, "prefix each operationId with its input's directory in CamelCase (cosmos/bank/v1beta1 -> CosmosBankV1beta1)")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: %s [flags] file-or-dir...\n", os.Args[0])
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*out, opts, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "swagger-merge:", err)
		os.Exit(1)
	}
}

func run(out string, opts Options, args []string) error {
	files, err := collectFiles(args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return errors.New("no input files (*.json, *.yaml, *.yml) found")
	}
	inputs := make([]Input, 0, len(files))
	for _, f := range files {
		doc, err := readDoc(f)
		if err != nil {
			return err
		}
		name := filepath.ToSlash(f)
		if opts.Base != "" {
			rel, err := filepath.Rel(opts.Base, f)
			if err != nil || strings.HasPrefix(rel, "..") {
				return fmt.Errorf("%s is not under -base %s", f, opts.Base)
			}
			name = filepath.ToSlash(rel)
		}
		inputs = append(inputs, Input{Name: name, Doc: doc})
	}
	merged, err := Merge(opts, inputs)
	if err != nil {
		return err
	}
	format := "json"
	if ext := strings.ToLower(filepath.Ext(out)); ext == ".yaml" || ext == ".yml" {
		format = "yaml"
	}
	data, err := Encode(merged, format)
	if err != nil {
		return err
	}
	if out == "" {
		_, err = os.Stdout.Write(data)
		return err
	}
	return writeFileAtomic(out, data)
}

// collectFiles expands directories and returns a sorted, de-duplicated list.
func collectFiles(args []string) ([]string, error) {
	seen := map[string]bool{}
	var files []string
	add := func(p string) {
		p = filepath.Clean(p)
		if !seen[p] {
			seen[p] = true
			files = append(files, p)
		}
	}
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			add(a)
			continue
		}
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				return nil
			}
			switch strings.ToLower(filepath.Ext(p)) {
			case ".json", ".yaml", ".yml":
				add(p)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Strings(files)
	return files, nil
}

// readDoc parses a JSON or YAML file into JSON-compatible values
// (map[string]any, []any, string, bool, nil and json.Number).
func readDoc(path string) (map[string]any, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc map[string]any
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml":
		doc, err = decodeYAML(data)
	default:
		doc, err = decodeJSON(data)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return doc, nil
}

func decodeJSON(data []byte) (map[string]any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var doc map[string]any
	if err := dec.Decode(&doc); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("trailing data after the JSON document")
	}
	if doc == nil {
		return nil, errors.New("document is not a JSON object")
	}
	return doc, nil
}

func decodeYAML(data []byte) (map[string]any, error) {
	var raw any
	if err := yaml.Unmarshal(data, &raw); err != nil {
		return nil, err
	}
	// Round-trip through JSON so YAML and JSON inputs compare equal.
	j, err := json.Marshal(jsonCompatible(raw))
	if err != nil {
		return nil, err
	}
	return decodeJSON(j)
}

// jsonCompatible converts yaml.v3 values (which may use map[any]any for
// non-string keys) into values encoding/json accepts.
func jsonCompatible(v any) any {
	switch t := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(t))
		for k, val := range t {
			m[k] = jsonCompatible(val)
		}
		return m
	case map[any]any:
		m := make(map[string]any, len(t))
		for k, val := range t {
			m[fmt.Sprint(k)] = jsonCompatible(val)
		}
		return m
	case []any:
		s := make([]any, len(t))
		for i, val := range t {
			s[i] = jsonCompatible(val)
		}
		return s
	default:
		return v
	}
}

var httpMethods = map[string]bool{
	"get": true, "put": true, "post": true, "delete": true,
	"options": true, "head": true, "patch": true,
}

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

// pathDir returns the slash-separated directory of name, or "" for none.
func pathDir(name string) string {
	d := filepath.ToSlash(filepath.Dir(filepath.FromSlash(name)))
	if d == "." || d == "/" {
		return ""
	}
	return strings.TrimPrefix(d, "./")
}

// dottedName turns cosmos/bank/v1beta1 into cosmos.bank.v1beta1.
func dottedName(dir string) string {
	return strings.ReplaceAll(strings.Trim(dir, "/"), "/", ".")
}

// camelName turns ibc/applications/transfer/v1 into IbcApplicationsTransferV1.
func camelName(dir string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(dir, func(r rune) bool {
		return r == '/' || r == '.' || r == '_' || r == '-'
	}) {
		r, size := utf8.DecodeRuneInString(part)
		b.WriteRune(unicode.ToUpper(r))
		b.WriteString(part[size:])
	}
	return b.String()
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Encode renders the document as indented JSON or YAML with sorted keys and a
// trailing newline.
func Encode(doc map[string]any, format string) ([]byte, error) {
	var buf bytes.Buffer
	switch format {
	case "json":
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(doc); err != nil {
			return nil, err
		}
	case "yaml":
		node, err := yamlNode(doc)
		if err != nil {
			return nil, err
		}
		enc := yaml.NewEncoder(&buf)
		enc.SetIndent(2)
		if err := enc.Encode(node); err != nil {
			return nil, err
		}
		if err := enc.Close(); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("unknown output format %q", format)
	}
	return buf.Bytes(), nil
}

// yamlNode builds a yaml.Node tree with sorted mapping keys and numbers kept
// exactly as they were written.
func yamlNode(v any) (*yaml.Node, error) {
	switch t := v.(type) {
	case map[string]any:
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		for _, k := range sortedKeys(t) {
			val, err := yamlNode(t[k])
			if err != nil {
				return nil, err
			}
			n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: k}, val)
		}
		return n, nil
	case []any:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, e := range t {
			val, err := yamlNode(e)
			if err != nil {
				return nil, err
			}
			n.Content = append(n.Content, val)
		}
		return n, nil
	case string:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: t}, nil
	case json.Number:
		tag := "!!int"
		if strings.ContainsAny(t.String(), ".eE") {
			tag = "!!float"
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: t.String()}, nil
	case bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: fmt.Sprint(t)}, nil
	case nil:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}, nil
	default:
		return nil, fmt.Errorf("unsupported value of type %T", v)
	}
}

// writeFileAtomic writes data to path through a temporary file in the same
// directory, so a failed run never leaves a truncated document behind.
func writeFileAtomic(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".swagger-merge-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
