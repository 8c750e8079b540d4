package cmd

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/pelletier/go-toml/v2"
	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/server"
	genutiltypes "github.com/cosmos/cosmos-sdk/x/genutil/types"

	"github.com/trustcity/trustcity/app"
)

// checkConfigFiles parses the TOML files of home before the SDK loads them, so
// a damaged file is reported with its path instead of a bare parser message.
func checkConfigFiles(home string) error {
	for _, name := range []string{"config.toml", "app.toml", "client.toml"} {
		path := filepath.Join(home, "config", name)
		bz, err := os.ReadFile(path)
		if errors.Is(err, os.ErrNotExist) {
			continue // created with defaults on first use
		}
		if err != nil {
			return fmt.Errorf("cannot read configuration file %s: %w", path, err)
		}
		// The same TOML parser viper uses, so both agree on what is valid.
		var content map[string]any
		if err := toml.Unmarshal(bz, &content); err != nil {
			return fmt.Errorf("invalid configuration file %s: %w", path, err)
		}
	}
	return nil
}

// withGenesisCheck makes `start` refuse a missing or invalid genesis file with
// an error naming it, before the application is built.
func withGenesisCheck(startCmd *cobra.Command) {
	next := startCmd.PreRunE
	startCmd.PreRunE = func(cmd *cobra.Command, args []string) error {
		path := server.GetServerContextFromCmd(cmd).Config.GenesisFile()
		genesis, err := genutiltypes.AppGenesisFromFile(path)
		if err != nil {
			return fmt.Errorf("invalid genesis file %s: %w", path, err)
		}
		if err := genesis.ValidateAndComplete(); err != nil {
			return fmt.Errorf("invalid genesis file %s: %w", path, err)
		}
		if next != nil {
			return next(cmd, args)
		}
		return nil
	}
}

// DescribeError returns err with the path of the damaged configuration file
// when err is a configuration parse error. CometBFT's command setup reads
// config.toml before any of our code runs and reports only the parser's message.
func DescribeError(err error) error {
	var parseErr viper.ConfigParseError
	if !errors.As(err, &parseErr) {
		return err
	}
	// CometBFT's setup bound the command's flags, --home included, to viper.
	home := viper.GetString(flags.FlagHome)
	if home == "" {
		home = app.DefaultNodeHome
	}
	if cfgErr := checkConfigFiles(home); cfgErr != nil {
		return cfgErr
	}
	return err
}
