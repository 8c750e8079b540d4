package main

import (
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

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
