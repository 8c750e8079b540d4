package e2e

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// binEnv names the environment variable that points at a prebuilt trustcityd.
const binEnv = "TRUSTCITYD_BIN"

// modulePath identifies the repository root while walking up from the test's
// working directory.
const modulePath = "github.com/trustcity/trustcity"

// buildTimeout bounds the one build TestMain does; a cold SDK build on two
// cores takes 10-25 minutes.
const buildTimeout = 40 * time.Minute

var (
	// nodeBinary is the absolute path of the trustcityd binary under test.
	nodeBinary string
	// skipReason, when set, makes every e2e test skip instead of running.
	skipReason string
)

func TestMain(m *testing.M) {
	flag.Parse()
	os.Exit(runMain(m))
}

// runMain resolves or builds the binary, runs the tests and removes the
// temporary build directory afterwards (os.Exit would skip deferred calls).
func runMain(m *testing.M) int {
	if testing.Short() {
		skipReason = "e2e tests start real nodes; skipped in -short mode"
		return m.Run()
	}

	if bin := os.Getenv(binEnv); bin != "" {
		abs, err := checkBinary(bin)
		if err != nil {
			fmt.Fprintf(os.Stderr, "e2e: %s=%q: %v\n", binEnv, bin, err)
			return 1
		}
		nodeBinary = abs
		return m.Run()
	}

	dir, err := os.MkdirTemp("", "trustcity-e2e-bin-")
	if err != nil {
		fmt.Fprintf(os.Stderr, "e2e: creating build dir: %v\n", err)
		return 1
	}
	defer os.RemoveAll(dir)

	bin, err := buildBinary(dir)
	if err != nil {
		fmt.Fprintf(os.Stderr, "e2e: building trustcityd failed: %v\n", err)
		return 1
	}
	nodeBinary = bin
	return m.Run()
}

// checkBinary returns the absolute path of bin after checking that it is an
// executable regular file.
func checkBinary(bin string) (string, error) {
	abs, err := filepath.Abs(bin)
	if err != nil {
		return "", err
	}
	info, err := os.Stat(abs)
	if err != nil {
		return "", err
	}
	if !info.Mode().IsRegular() || info.Mode().Perm()&0o111 == 0 {
		return "", errors.New("not an executable file")
	}
	return abs, nil
}

// buildBinary runs `go build -o <dir>/trustcityd ./cmd/trustcityd` from the
// repository root and returns the binary's path.
func buildBinary(dir string) (string, error) {
	root, err := findRepoRoot()
	if err != nil {
		return "", err
	}
	out := filepath.Join(dir, "trustcityd")

	ctx, cancel := context.WithTimeout(context.Background(), buildTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "go", "build", "-o", out, "./cmd/trustcityd")
	cmd.Dir = root
	cmd.WaitDelay = 10 * time.Second
	setChildAttrs(cmd)

	fmt.Fprintf(os.Stderr, "e2e: building trustcityd in %s (set %s to reuse a binary)\n", root, binEnv)
	start := time.Now()
	output, err := cmd.CombinedOutput()
	if err != nil {
		if ctx.Err() != nil {
			err = fmt.Errorf("%w (timed out after %s)", err, buildTimeout)
		}
		return "", fmt.Errorf("go build ./cmd/trustcityd: %w\n%s", err, output)
	}
	fmt.Fprintf(os.Stderr, "e2e: built trustcityd in %s\n", time.Since(start).Round(time.Second))
	return out, nil
}

// findRepoRoot walks up from the working directory to the directory whose
// go.mod declares this project's module.
func findRepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if isProjectRoot(filepath.Join(dir, "go.mod")) {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod for module %s above the working directory", modulePath)
		}
		dir = parent
	}
}

// isProjectRoot reports whether the go.mod at path declares modulePath.
func isProjectRoot(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 2 && fields[0] == "module" {
			return strings.Trim(fields[1], `"`) == modulePath
		}
	}
	return false
}

// requireBinary returns the binary under test, or skips the test when the
// suite runs in -short mode.
func requireBinary(t *testing.T) string {
	t.Helper()
	if skipReason != "" {
		t.Skip(skipReason)
	}
	// Inputs are only recorded while m.Run runs, so not from TestMain itself.
	recordInputsOnce.Do(func() {
		if root, err := findRepoRoot(); err == nil {
			recordSourceInputs(root)
		}
	})
	return nodeBinary
}

// recordInputsOnce guards recordSourceInputs: one walk per test process.
var recordInputsOnce sync.Once
