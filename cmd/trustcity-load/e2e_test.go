package main

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// binEnv names the prebuilt trustcityd the end-to-end test runs (`make test`
// sets it); without it the test is skipped.
const binEnv = "TRUSTCITYD_BIN"

// TestLoadAgainstARealNode starts a one-validator chain with one-second
// blocks in a temporary home on free loopback ports, runs the tool twice
// (the second run reuses the funded accounts and their advanced sequences)
// and checks the figures against what was sent.
func TestLoadAgainstARealNode(t *testing.T) {
	bin := os.Getenv(binEnv)
	if testing.Short() || bin == "" {
		t.Skipf("needs a trustcityd binary in $%s and no -short", binEnv)
	}
	bin, err := filepath.Abs(bin)
	require.NoError(t, err)
	home := t.TempDir()
	const chainID = "trustcity-load-e2e"
	cli := func(args ...string) string {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, bin, args...)
		cmd.Env = nodeEnv()
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "trustcityd %s:\n%s", strings.Join(args, " "), out)
		return string(out)
	}
	kr := []string{"--keyring-backend", "test", "--home", home}
	cli("init", "load", "--chain-id", chainID, "--default-denom", "utcity", "--home", home)
	cli("config", "set", "comet", "consensus.timeout_commit", `"1s"`, "--home", home)
	for _, key := range []string{"validator", "alice"} {
		cli(append([]string{"keys", "add", key, "--output", "json"}, kr...)...)
		cli(append([]string{"genesis", "add-genesis-account", key, "1000000000000utcity"}, kr...)...)
	}
	cli(append([]string{"genesis", "gentx", "validator", "100000000000utcity", "--chain-id", chainID}, kr...)...)
	cli("genesis", "collect-gentxs", "--home", home)

	ports := freeLoopbackPorts(t, 4)
	rpc := fmt.Sprintf("127.0.0.1:%d", ports[0])
	startNode(t, bin, home,
		"--p2p.laddr", fmt.Sprintf("tcp://127.0.0.1:%d", ports[1]),
		"--rpc.laddr", "tcp://"+rpc,
		"--rpc.pprof_laddr", "",
		"--grpc.address", fmt.Sprintf("127.0.0.1:%d", ports[2]),
		"--proxy_app", fmt.Sprintf("tcp://127.0.0.1:%d", ports[3]),
		"--minimum-gas-prices", "0utcity")

	n, err := dialNode("http://"+rpc, false, 1)
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	require.Eventually(t, func() bool {
		h, err := n.height(ctx)
		return err == nil && h >= 2
	}, 2*time.Minute, 250*time.Millisecond, "node did not reach height 2")

	load := func(args ...string) (result, error) {
		t.Helper()
		base := []string{"-node", "http://" + rpc, "-home", home, "-accounts", "20", "-seed", "e2e", "-senders", "4", "-drain-blocks", "15"}
		cfg, err := parseFlags(append(base, args...), &bytes.Buffer{})
		require.NoError(t, err)
		var log bytes.Buffer
		r, err := run(ctx, cfg, &log)
		t.Logf("trustcity-load %s:\n%s", strings.Join(args, " "), log.String())
		if err == nil {
			var table bytes.Buffer
			require.NoError(t, r.markdown(&table))
			t.Log("\n" + table.String())
		}
		return r, err
	}

	_, err = load("-from", "nobody", "-duration", "1s")
	require.ErrorContains(t, err, `key "nobody" not found in the test keyring of `+home)

	r, err := load("-rate", "50", "-duration", "8s", "-warmup-blocks", "1", "-cooldown-blocks", "1", "-gas-price", "0.001utcity")
	require.NoError(t, err)
	c := r.Counts
	require.Equal(t, 400, c.Presigned)
	require.Equal(t, c.Presigned, c.Submitted, "every transaction is sent within the duration")
	require.Zero(t, c.Rejected, c.TopRejection)
	require.Zero(t, c.FailedInBlock, c.TopFailure)
	require.Zero(t, c.NotIncluded)
	require.Equal(t, c.Submitted, c.CommittedOK)
	require.Equal(t, chainID, r.ChainID)
	require.GreaterOrEqual(t, r.BlocksMeasured, 3)
	require.InDelta(t, 50, r.TPS, 15, "committed TPS at a 50 tx/s offered rate")
	require.Greater(t, r.LatencyP50Ms, 0.0)
	require.Less(t, r.LatencyP99Ms, 5000.0)

	// The same seed again: accounts are funded already and their sequences
	// have moved on; the run must read them from the chain.
	r, err = load("-rate", "40", "-duration", "4s", "-warmup-blocks", "0", "-cooldown-blocks", "0")
	require.NoError(t, err)
	require.Equal(t, 160, r.Counts.CommittedOK)
	require.Zero(t, r.Counts.Rejected, r.Counts.TopRejection)
}

// startNode runs `trustcityd start` in the background until the test ends.
func startNode(t *testing.T, bin, home string, flags ...string) {
	t.Helper()
	logPath := filepath.Join(home, "node.log")
	logFile, err := os.Create(logPath)
	require.NoError(t, err)
	cmd := exec.Command(bin, append([]string{"start", "--home", home}, flags...)...)
	cmd.Env = nodeEnv()
	cmd.Stdout, cmd.Stderr = logFile, logFile
	setChildAttrs(cmd)
	require.NoError(t, cmd.Start())
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			_ = cmd.Process.Kill()
			<-done
		}
		_ = logFile.Close()
		if t.Failed() {
			if b, err := os.ReadFile(logPath); err == nil {
				t.Logf("node log tail:\n%s", b[max(0, len(b)-8000):])
			}
		}
	})
}

// nodeEnv is the environment without TRUSTCITYD_* variables, which the node
// would read as configuration.
func nodeEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "TRUSTCITYD_") {
			env = append(env, kv)
		}
	}
	return env
}

// freeLoopbackPorts returns n distinct loopback ports that were free a
// moment ago.
func freeLoopbackPorts(t *testing.T, n int) []int {
	t.Helper()
	var ports []int
	for range n {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		require.NoError(t, err)
		defer l.Close()
		ports = append(ports, l.Addr().(*net.TCPAddr).Port)
	}
	return ports
}

func TestRunFailsClearlyWhenTheNodeIsDown(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := l.Addr().String()
	require.NoError(t, l.Close())
	cfg, err := parseFlags([]string{"-node", "http://" + addr, "-home", t.TempDir()}, &bytes.Buffer{})
	require.NoError(t, err)
	_, err = run(context.Background(), cfg, &bytes.Buffer{})
	require.ErrorContains(t, err, "node not reachable at http://"+addr)
}
