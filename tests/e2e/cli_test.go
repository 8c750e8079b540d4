package e2e

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// cliTimeout bounds one ordinary CLI invocation (keys, genesis, tx, query).
const cliTimeout = 2 * time.Minute

// cliResult is what one trustcityd invocation produced.
type cliResult struct {
	args     []string
	stdout   string
	stderr   string
	code     int  // exit code; -1 when the process did not exit normally
	timedOut bool // killed because it outlived its deadline
}

// output returns stdout and stderr together, for substring checks.
func (r cliResult) output() string { return r.stdout + "\n" + r.stderr }

func (r cliResult) String() string {
	state := fmt.Sprintf("exit code %d", r.code)
	if r.timedOut {
		state = "timed out"
	}
	return fmt.Sprintf("trustcityd %s: %s\n--- stdout\n%s\n--- stderr\n%s",
		strings.Join(r.args, " "), state, tail(r.stdout, 4000), tail(r.stderr, 4000))
}

// runCLI runs the binary with args, killing it after timeout.
func runCLI(t testing.TB, timeout time.Duration, args ...string) cliResult {
	t.Helper()
	bin := nodeBinary
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()

	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = childEnv()
	cmd.WaitDelay = 5 * time.Second
	setChildAttrs(cmd)
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr

	err := cmd.Run()
	res := cliResult{args: args, stdout: stdout.String(), stderr: stderr.String()}
	var exitErr *exec.ExitError
	switch {
	case ctx.Err() != nil:
		res.code, res.timedOut = -1, true
	case err == nil:
		res.code = 0
	case errors.As(err, &exitErr):
		res.code = exitErr.ExitCode()
	default:
		t.Fatalf("running trustcityd %s: %v", strings.Join(args, " "), err)
	}
	return res
}

// mustCLI runs the binary and fails the test unless it exits with code 0.
func mustCLI(t testing.TB, args ...string) cliResult {
	t.Helper()
	res := runCLI(t, cliTimeout, args...)
	if res.code != 0 {
		t.Fatalf("command failed: %s", res)
	}
	return res
}

// childEnv is the test's environment without TRUSTCITYD_* variables: the
// node reads those as configuration overrides, which would make runs depend
// on the caller's shell.
func childEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "TRUSTCITYD_") {
			env = append(env, kv)
		}
	}
	return env
}

// tail returns at most the last n bytes of s.
func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "..." + s[len(s)-n:]
}
