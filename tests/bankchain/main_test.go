package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	svrcmd "github.com/cosmos/cosmos-sdk/server/cmd"
)

// run executes one bankchain command line in-process.
func run(t *testing.T, home string, args ...string) {
	t.Helper()
	cmd := newRootCmd()
	cmd.SetArgs(append(args, "--home", home))
	require.NoError(t, svrcmd.Execute(cmd, "", home), args)
}

// A one-validator bank chain's genesis is built and validated with the
// commands the two-chain network script runs.
func TestGenesisCommands(t *testing.T) {
	home := t.TempDir()
	run(t, home, "init", "bank", "--chain-id", "bank-1")
	run(t, home, "keys", "add", "val", "--keyring-backend", "test")
	run(t, home, "genesis", "add-genesis-account", "val", "1000000000stake", "--keyring-backend", "test")
	run(t, home, "genesis", "gentx", "val", "100000000stake", "--chain-id", "bank-1", "--keyring-backend", "test")
	run(t, home, "genesis", "collect-gentxs")
	run(t, home, "genesis", "validate")
	genesis, err := os.ReadFile(filepath.Join(home, "config", "genesis.json"))
	require.NoError(t, err)
	require.Contains(t, string(genesis), `"transfer"`, "the bank chain runs ICS-20")
}
