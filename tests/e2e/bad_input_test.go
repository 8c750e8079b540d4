package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const (
	badChainID = "trustcity-e2e-bad"
	// failedStartTimeout bounds a start that must fail; a node that starts
	// despite bad input is killed then and the test fails.
	failedStartTimeout = 90 * time.Second
)

// garbage is neither valid JSON nor valid TOML.
const garbage = "\x00\x01 {{{ this is [not json = = nor toml\n]]] ~~~\n"

// TestBadInput checks that corrupt files and a malformed address make the
// binary exit non-zero with a message naming the problem, never a panic. A
// corrupt configuration file must be named, so an operator knows which of
// the home's files to fix.
func TestBadInput(t *testing.T) {
	requireBinary(t)

	t.Run("corrupt genesis", func(t *testing.T) {
		home := t.TempDir()
		initHome(t, home, badChainID)
		corrupt(t, filepath.Join(home, "config", "genesis.json"))
		res := startMustFail(t, home)
		requireMention(t, res, "genesis")
	})

	t.Run("corrupt config.toml", func(t *testing.T) {
		home := t.TempDir()
		initHome(t, home, badChainID)
		corrupt(t, filepath.Join(home, "config", "config.toml"))
		res := startMustFail(t, home)
		requireMention(t, res, "config.toml")
	})

	t.Run("corrupt app.toml", func(t *testing.T) {
		home := t.TempDir()
		initHome(t, home, badChainID)
		corrupt(t, filepath.Join(home, "config", "app.toml"))
		res := startMustFail(t, home)
		requireMention(t, res, "app.toml")
	})

	t.Run("invalid bech32 recipient", func(t *testing.T) {
		home := t.TempDir()
		initHome(t, home, badChainID)
		addKey(t, home, "alice")
		// Nothing listens on this port: the address must be refused before
		// any network access, and a hang would hit the timeout.
		unused := freePorts(t, 1)[0]
		res := runCLI(t, cliTimeout, "tx", "bank", "send", "alice", "tcity1notanaddress", "1"+denom,
			"--chain-id", badChainID, "--keyring-backend", "test", "--home", home,
			"--node", "tcp://"+loopback(unused), "--fees", "2000"+denom, "--yes", "--output", "json")
		if res.timedOut || res.code == 0 {
			t.Fatalf("want a non-zero exit: %s", res)
		}
		requireNoPanic(t, res)
		requireMention(t, res, "bech32")
	})
}

// corrupt overwrites path with garbage.
func corrupt(t testing.TB, path string) {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("expected %s after init: %v", path, err)
	}
	if err := os.WriteFile(path, []byte(garbage), 0o644); err != nil {
		t.Fatalf("writing %s: %v", path, err)
	}
}

// startMustFail runs `trustcityd start` on home (all listeners on free
// loopback ports) and requires a prompt non-zero exit without a panic.
func startMustFail(t testing.TB, home string) cliResult {
	t.Helper()
	args := append([]string{"start", "--home", home}, newNodePorts(t).startFlags()...)
	res := runCLI(t, failedStartTimeout, args...)
	if res.timedOut {
		t.Fatalf("start kept running for %s; want it to refuse to start: %s", failedStartTimeout, res)
	}
	if res.code == 0 {
		t.Fatalf("start exited 0; want a non-zero exit: %s", res)
	}
	requireNoPanic(t, res)
	return res
}

// requireMention fails unless the output mentions one of words
// (case-insensitive).
func requireMention(t testing.TB, res cliResult, words ...string) {
	t.Helper()
	out := strings.ToLower(res.output())
	for _, w := range words {
		if strings.Contains(out, strings.ToLower(w)) {
			return
		}
	}
	t.Fatalf("output mentions none of %q: %s", words, res)
}

// requireNoPanic fails when the output holds a Go panic or goroutine dump.
func requireNoPanic(t testing.TB, res cliResult) {
	t.Helper()
	out := res.output()
	for _, marker := range []string{"panic:", "goroutine "} {
		if strings.Contains(out, marker) {
			t.Fatalf("output contains %q (a crash, not an error message): %s", marker, res)
		}
	}
}
