package cmd

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	svrcmd "github.com/cosmos/cosmos-sdk/server/cmd"
)

// runCLI runs trustcityd in-process with args against home and returns stdout.
func runCLI(t *testing.T, home string, args ...string) (string, error) {
	t.Helper()
	root := NewRootCmd()
	var out bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&out)
	root.SetArgs(append(args, "--home", home))
	err := svrcmd.Execute(root, "", home)
	return out.String(), err
}

func TestConfigGetSetKeepsComments(t *testing.T) {
	home := t.TempDir()
	_, err := runCLI(t, home, "init", "cfgtest", "--chain-id", "trustcity-cfg-1")
	require.NoError(t, err)

	out, err := runCLI(t, home, "config", "get", "app", "minimum-gas-prices")
	require.NoError(t, err)
	require.Equal(t, `"`+DefaultMinGasPrices+`"`, strings.TrimSpace(out))

	_, err = runCLI(t, home, "config", "set", "app", "api.enable", "true")
	require.NoError(t, err)
	_, err = runCLI(t, home, "config", "set", "client", "chain-id", "trustcity-cfg-1")
	require.NoError(t, err)

	out, err = runCLI(t, home, "config", "get", "app", "api.enable")
	require.NoError(t, err)
	require.Equal(t, "true", strings.TrimSpace(out))
	out, err = runCLI(t, home, "config", "get", "client", "chain-id")
	require.NoError(t, err)
	require.Equal(t, `"trustcity-cfg-1"`, strings.TrimSpace(out))

	appToml, err := os.ReadFile(filepath.Join(home, "config", "app.toml"))
	require.NoError(t, err)
	require.Contains(t, string(appToml), "# Enable defines if the API server should be enabled.")
}

func TestConfigErrors(t *testing.T) {
	home := t.TempDir()
	_, err := runCLI(t, home, "init", "cfgtest", "--chain-id", "trustcity-cfg-1")
	require.NoError(t, err)

	_, err = runCLI(t, home, "config", "get", "nosuchfile", "x")
	require.ErrorContains(t, err, `unknown configuration file "nosuchfile"`)
	_, err = runCLI(t, home, "config", "set", "app", "no.such.key", "1")
	require.ErrorContains(t, err, `key "no.such.key" not found`)

	require.NoError(t, os.WriteFile(filepath.Join(home, "config", "app.toml"), []byte("[api\nenable = "), 0o600))
	_, err = runCLI(t, home, "config", "get", "app", "api.enable")
	require.ErrorContains(t, err, "invalid configuration file "+filepath.Join(home, "config", "app.toml"))
}
