package e2e

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

const (
	// stopTimeout bounds a graceful SIGTERM shutdown before SIGKILL.
	stopTimeout = 45 * time.Second
	// logTailBytes is how much of a node's log a failing test prints.
	logTailBytes = 12000
)

// endpoints are the loopback host:port pairs a node serves.
type endpoints struct {
	rpc  string // CometBFT RPC
	api  string // REST API (grpc-gateway)
	grpc string // gRPC
}

// node is one `trustcityd start` child process and the home it runs from.
type node struct {
	name  string
	home  string
	addrs endpoints
	flags []string // extra flags after `start --home H`
	log   string   // stdout and stderr, appended across restarts

	mu   sync.Mutex
	cmd  *exec.Cmd
	done chan struct{} // closed when the current process has exited
	err  error         // the current process's exit status, once done
}

// newNode describes a node; it does not start it. Cleanup stops the node and,
// if the test failed, prints the tail of its log.
func newNode(t *testing.T, name, home string, addrs endpoints, flags ...string) *node {
	t.Helper()
	n := &node{
		name:  name,
		home:  home,
		addrs: addrs,
		flags: flags,
		log:   filepath.Join(home, "node.log"),
	}
	t.Cleanup(func() {
		n.stop(t)
		if t.Failed() {
			t.Logf("--- tail of %s log (%s)\n%s", n.name, n.log, n.logTail())
		}
	})
	return n
}

// rpcURL is the CometBFT RPC base URL.
func (n *node) rpcURL() string { return "http://" + n.addrs.rpc }

// nodeFlag is the value for the CLI's --node flag.
func (n *node) nodeFlag() string { return "tcp://" + n.addrs.rpc }

// apiURL is the REST API base URL.
func (n *node) apiURL() string { return "http://" + n.addrs.api }

// start launches `trustcityd start --home H <flags>` in the background.
func (n *node) start(t testing.TB) {
	t.Helper()
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.cmd != nil {
		t.Fatalf("%s: start called while already running", n.name)
	}
	logFile, err := os.OpenFile(n.log, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		t.Fatalf("%s: opening log: %v", n.name, err)
	}
	args := append([]string{"start", "--home", n.home}, n.flags...)
	cmd := exec.Command(nodeBinary, args...)
	cmd.Env = childEnv()
	cmd.Stdout = logFile
	cmd.Stderr = logFile
	setChildAttrs(cmd)
	if err := cmd.Start(); err != nil {
		_ = logFile.Close()
		t.Fatalf("%s: starting trustcityd: %v", n.name, err)
	}
	done := make(chan struct{})
	n.cmd, n.done = cmd, done
	go func() {
		err := cmd.Wait()
		_ = logFile.Close()
		n.mu.Lock()
		n.err = err
		n.mu.Unlock()
		close(done)
	}()
	t.Logf("%s: started pid %d: trustcityd %s", n.name, cmd.Process.Pid, strings.Join(args, " "))
}

// exited reports whether the current process has exited, and its status.
func (n *node) exited() (bool, error) {
	n.mu.Lock()
	done := n.done
	n.mu.Unlock()
	if done == nil {
		return true, nil
	}
	select {
	case <-done:
		n.mu.Lock()
		defer n.mu.Unlock()
		return true, n.err
	default:
		return false, nil
	}
}

// stop sends SIGTERM, waits up to stopTimeout, then SIGKILLs. It is a no-op
// when the node is not running. A non-zero exit after SIGTERM is logged.
func (n *node) stop(t testing.TB) {
	t.Helper()
	n.mu.Lock()
	cmd, done := n.cmd, n.done
	n.cmd = nil
	n.mu.Unlock()
	if cmd == nil {
		return
	}
	select {
	case <-done:
		n.mu.Lock()
		err := n.err
		n.mu.Unlock()
		t.Logf("%s: had already exited: %v", n.name, err)
		n.clearDone()
		return
	default:
	}

	_ = cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-done:
	case <-time.After(stopTimeout):
		t.Errorf("%s: still running %s after SIGTERM; sending SIGKILL", n.name, stopTimeout)
		_ = cmd.Process.Kill()
		select {
		case <-done:
		case <-time.After(15 * time.Second):
			t.Errorf("%s: pid %d did not exit after SIGKILL", n.name, cmd.Process.Pid)
			return
		}
	}
	n.mu.Lock()
	err := n.err
	n.mu.Unlock()
	var exitErr *exec.ExitError
	if err != nil && !(errors.As(err, &exitErr) && exitErr.ExitCode() == 0) {
		t.Logf("%s: exit after SIGTERM: %v", n.name, err)
	} else {
		t.Logf("%s: stopped", n.name)
	}
	n.clearDone()
}

func (n *node) clearDone() {
	n.mu.Lock()
	n.done, n.err = nil, nil
	n.mu.Unlock()
}

// logTail returns the last logTailBytes of the node's log.
func (n *node) logTail() string {
	b, err := os.ReadFile(n.log)
	if err != nil {
		return "(no log: " + err.Error() + ")"
	}
	return tail(string(b), logTailBytes)
}

// failIfExited fails the test at once when the node died, instead of
// letting a wait run into its deadline.
func (n *node) failIfExited(t testing.TB) {
	t.Helper()
	n.mu.Lock()
	running := n.cmd != nil
	n.mu.Unlock()
	if !running {
		return
	}
	if gone, err := n.exited(); gone {
		// The test's cleanup prints the log tail.
		t.Fatalf("%s exited unexpectedly (%v)", n.name, err)
	}
}
