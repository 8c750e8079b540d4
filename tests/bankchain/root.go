package main

import (
	"os"
	"path/filepath"
	"sort"

	cmtcfg "github.com/cometbft/cometbft/config"
	dbm "github.com/cosmos/cosmos-db"
	"github.com/spf13/cobra"

	"cosmossdk.io/client/v2/autocli"
	"cosmossdk.io/core/appmodule"
	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/config"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/codec/address"
	"github.com/cosmos/cosmos-sdk/runtime"
	runtimeservices "github.com/cosmos/cosmos-sdk/runtime/services"
	"github.com/cosmos/cosmos-sdk/server"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/cosmos/ibc-go/v11/testing/simapp"
)

// defaultHome is where the node keeps its data unless --home says otherwise.
func defaultHome() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return ".bankchain"
	}
	return filepath.Join(home, ".bankchain")
}

// homeOption is the only app option the in-memory app of the client needs.
type homeOption string

// Get implements servertypes.AppOptions.
func (h homeOption) Get(key string) any {
	if key == flags.FlagHome {
		return string(h)
	}
	return nil
}

// newRootCmd returns the bankchain root command.
func newRootCmd() *cobra.Command {
	tempApp := simapp.NewSimApp(log.NewNopLogger(), dbm.NewMemDB(), nil, true, homeOption(defaultHome()))
	initClientCtx := client.Context{}.
		WithCodec(tempApp.AppCodec()).
		WithInterfaceRegistry(tempApp.InterfaceRegistry()).
		WithTxConfig(tempApp.TxConfig()).
		WithLegacyAmino(tempApp.LegacyAmino()).
		WithInput(os.Stdin).
		WithAccountRetriever(authtypes.AccountRetriever{}).
		WithHomeDir(defaultHome()).
		WithViper("")

	rootCmd := &cobra.Command{
		Use:           "bankchain",
		Short:         "A plain Cosmos SDK chain with IBC, standing for a bank chain",
		SilenceErrors: true,
		SilenceUsage:  true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			cmd.SetOut(cmd.OutOrStdout())
			cmd.SetErr(cmd.ErrOrStderr())
			clientCtx, err := client.ReadPersistentCommandFlags(initClientCtx.WithCmdContext(cmd.Context()), cmd.Flags())
			if err != nil {
				return err
			}
			if clientCtx, err = config.ReadFromClientConfig(clientCtx); err != nil {
				return err
			}
			if err := client.SetCmdClientContextHandler(clientCtx, cmd); err != nil {
				return err
			}
			return server.InterceptConfigsPreRunHandler(cmd, "", nil, cmtcfg.DefaultConfig())
		},
	}
	addCommands(rootCmd, tempApp)

	opts := autoCLIOptions(tempApp)
	opts.ClientCtx = initClientCtx
	if err := opts.EnhanceRootCommand(rootCmd); err != nil {
		panic(err)
	}
	return rootCmd
}

// autoCLIOptions generates the tx and query commands of every module.
func autoCLIOptions(a *simapp.SimApp) autocli.AppOptions {
	modules := make(map[string]appmodule.AppModule, len(a.ModuleManager.Modules))
	names := make([]string, 0, len(a.ModuleManager.Modules))
	for name := range a.ModuleManager.Modules {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if m, ok := a.ModuleManager.Modules[name].(appmodule.AppModule); ok {
			modules[name] = m
		}
	}
	cfg := sdk.GetConfig()
	return autocli.AppOptions{
		Modules:               modules,
		ModuleOptions:         runtimeservices.ExtractAutoCLIOptions(a.ModuleManager.Modules),
		AddressCodec:          address.NewBech32Codec(cfg.GetBech32AccountAddrPrefix()),
		ValidatorAddressCodec: runtime.ValidatorAddressCodec(address.NewBech32Codec(cfg.GetBech32ValidatorAddrPrefix())),
		ConsensusAddressCodec: runtime.ConsensusAddressCodec(address.NewBech32Codec(cfg.GetBech32ConsensusAddrPrefix())),
	}
}
