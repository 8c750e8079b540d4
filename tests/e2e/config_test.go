package e2e

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// setTOML rewrites `key = ...` inside [section] of a TOML file (section ""
// is the top level) to `key = value`; value must already be TOML-encoded.
// It fails the test when the key is absent, so a renamed setting is noticed.
func setTOML(t testing.TB, path, section, key, value string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading %s: %v", path, err)
	}
	lines := strings.Split(string(b), "\n")
	current, found := "", false
	for i, line := range lines {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "[") && strings.HasSuffix(trimmed, "]") {
			current = strings.Trim(trimmed, "[] ")
			continue
		}
		if current != section {
			continue
		}
		name, _, ok := strings.Cut(trimmed, "=")
		if ok && strings.TrimSpace(name) == key {
			lines[i] = fmt.Sprintf("%s = %s", key, value)
			found = true
			break
		}
	}
	if !found {
		t.Fatalf("%s: no key %q in section [%s]", path, key, section)
	}
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatalf("writing %s: %v", path, err)
	}
}

// readTOML returns the raw (still TOML-encoded) value of key in [section],
// and whether it was present.
func readTOML(t testing.TB, path, section, key string) (string, bool) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading %s: %v", path, err)
	}
	current := ""
	for _, line := range strings.Split(string(b), "\n") {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "[") && strings.HasSuffix(trimmed, "]") {
			current = strings.Trim(trimmed, "[] ")
			continue
		}
		if current != section {
			continue
		}
		name, value, ok := strings.Cut(trimmed, "=")
		if ok && strings.TrimSpace(name) == key {
			return strings.TrimSpace(value), true
		}
	}
	return "", false
}
