package cmd

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestTestnetRejectsBadOptions(t *testing.T) {
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"no validators", []string{"--validators", "0"}, "--validators must be between 1 and 100"},
		{"ports past 65535", []string{"--base-port", "65530"}, "leaves no room"},
		{"stake in another denom", []string{"--validator-stake", "5stake"}, "--validator-stake must be in utcity"},
		{"stake above balance", []string{"--validator-stake", "10utcity", "--validator-balance", "5utcity"}, "must cover"},
		{"malformed balance", []string{"--account-balance", "ten"}, "--account-balance"},
		{"unknown keyring", []string{"--keyring-backend", "os"}, "must be test or file"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "net")
			_, err := runCLI(t, t.TempDir(), append([]string{"testnet", "--output-dir", out}, tc.args...)...)
			require.ErrorContains(t, err, tc.want)
			require.NoDirExists(t, out, "nothing may be written for rejected options")
		})
	}
}

func TestTestnetWritesConsistentHomes(t *testing.T) {
	out := filepath.Join(t.TempDir(), "net")
	_, err := runCLI(t, t.TempDir(), "testnet", "--validators", "2", "--accounts", "1", "--output-dir", out,
		"--chain-id", "trustcity-unit-1", "--base-port", "41000")
	require.NoError(t, err)

	var net testnet
	bz, err := os.ReadFile(filepath.Join(out, "testnet.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(bz, &net))
	require.Equal(t, "trustcity-unit-1", net.ChainID)
	require.Len(t, net.Nodes, 2)
	require.Len(t, net.Accounts, 1)
	require.Equal(t, "tcp://127.0.0.1:41011", net.Nodes[1].RPC)
	require.Equal(t, "127.0.0.1:41013", net.Nodes[1].GRPC)

	// Every node has the same genesis, and it validates.
	genesis0, err := os.ReadFile(filepath.Join(out, "node0", "config", "genesis.json"))
	require.NoError(t, err)
	genesis1, err := os.ReadFile(filepath.Join(out, "node1", "config", "genesis.json"))
	require.NoError(t, err)
	require.Equal(t, string(genesis0), string(genesis1))
	_, err = runCLI(t, net.Nodes[0].Home, "genesis", "validate")
	require.NoError(t, err)

	// A second run into the same directory is refused.
	_, err = runCLI(t, t.TempDir(), "testnet", "--validators", "2", "--output-dir", out)
	require.ErrorContains(t, err, "already holds a network")
}
