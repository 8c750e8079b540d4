package main

import (
	"bytes"
	"flag"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	sdkmath "cosmossdk.io/math"

	"github.com/trustcity/trustcity/testutil/scenario"
)

func TestFlagDefaults(t *testing.T) {
	c, err := parseFlags(nil, &bytes.Buffer{})
	require.NoError(t, err)
	require.Equal(t, "http://127.0.0.1:26657", c.Node)
	require.Equal(t, "./.localnet", c.Home)
	require.Equal(t, "alice", c.From)
	require.Equal(t, "test", c.KeyringBackend)
	require.Equal(t, 200, c.Accounts)
	require.Equal(t, scenario.BaselineName, c.Scenario)
	require.Equal(t, time.Minute, c.Duration)
	require.Equal(t, 2, c.WarmupBlocks)
	require.Equal(t, 2, c.CooldownBlocks)
	require.True(t, c.gasPrice.IsZero())
	require.Equal(t, sdkmath.NewInt(10_000_000), c.fund)
	require.Equal(t, unboundedRate*60, c.txCount())

	c, err = parseFlags([]string{"-rate", "250", "-duration", "20s"}, &bytes.Buffer{})
	require.NoError(t, err)
	require.Equal(t, 5000, c.txCount())
	c, err = parseFlags([]string{"-rate", "250", "-max-txs", "7"}, &bytes.Buffer{})
	require.NoError(t, err)
	require.Equal(t, 7, c.txCount())
}

func TestFlagErrors(t *testing.T) {
	for args, want := range map[string]string{
		"-accounts 0":                     "-accounts must be at least 1",
		"-rate -1":                        "-rate must be a non-negative number",
		"-duration 0s":                    "-duration must be positive",
		"-warmup-blocks -1":               "must not be negative",
		"-senders 0":                      "-senders must be at least 1",
		"-scenario nope":                  `unknown scenario "nope"; known: bank-send`,
		"-gas-price 0.1uatom":             "the fee denomination is utcity",
		"-gas-price x":                    "-gas-price",
		"-fund 0utcity":                   "want a positive amount of utcity",
		"-drain-blocks 0":                 "-drain-blocks must be at least 1",
		"-rate 100000 -duration 1h":       "would pre-sign 360000000 transactions",
		"-max-txs 2000001":                "more than 2000000",
		"-seed=":                          "-seed must not be empty",
		"extra":                           "unexpected arguments",
		"-node http://127.0.0.1:26657 -x": "flag provided but not defined: -x",
	} {
		_, err := parseFlags(strings.Fields(args), &bytes.Buffer{})
		require.ErrorContains(t, err, want, args)
	}
	var help bytes.Buffer
	_, err := parseFlags([]string{"-help"}, &help)
	require.ErrorIs(t, err, flag.ErrHelp)
	require.Contains(t, help.String(), "committed TPS  = the run's code-0 transactions")
	require.Contains(t, help.String(), "-warmup-blocks")
}

func TestDialNodeWantsLoopback(t *testing.T) {
	for _, ok := range []string{"http://127.0.0.1:26657", "http://localhost:1", "tcp://127.0.0.1:26657", "http://[::1]:26657"} {
		_, err := dialNode(ok, false, 1)
		require.NoError(t, err, ok)
	}
	_, err := dialNode("http://10.1.2.3:26657", false, 1)
	require.ErrorContains(t, err, "not a loopback address")
	_, err = dialNode("http://10.1.2.3:26657", true, 1)
	require.NoError(t, err)
	_, err = dialNode("127.0.0.1:26657", false, 1)
	require.ErrorContains(t, err, "want http://host:port")
}

// TestScenarioNeedingGenesisIsRefused: a row whose transactions need genesis
// state cannot load a running chain, and the error says why.
func TestScenarioNeedingGenesisIsRefused(t *testing.T) {
	for _, s := range scenario.All() {
		_, err := parseFlags([]string{"-scenario", s.Name}, &bytes.Buffer{})
		if s.Genesis == nil {
			require.NoError(t, err, s.Name)
			continue
		}
		require.ErrorContains(t, err, "-scenario "+s.Name+" needs state in the chain's genesis ("+s.GenesisReason+")")
		require.ErrorContains(t, err, "make bench")
	}
	_, err := parseFlags([]string{"-scenario", "identity-issue-credential"}, &bytes.Buffer{})
	require.ErrorContains(t, err, "CREDENTIAL_ISSUER")
}
