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
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
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
