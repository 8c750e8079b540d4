package e2e

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// recordSourceInputs stats every Go source and module file of the repository.
// `go test` caches a passing result keyed on the test binary plus the files
// and environment variables the test touched inside the module; the node's
// sources are not part of this package's binary, so without this a changed
// app/ or cmd/ would be answered with a stale "(cached)" pass. Walking the
// tree also records each directory's listing, so added files count too.
// Errors are ignored: at worst a result is cached when it should not be.
func recordSourceInputs(root string) {
	_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (strings.HasPrefix(name, ".") || name == "node_modules" || name == "build") {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(name, ".go") || name == "go.mod" || name == "go.sum" {
			_, _ = os.Stat(path)
		}
		return nil
	})
}
