package main

import (
	"errors"
	"io"

	dbm "github.com/cosmos/cosmos-db"
	"github.com/spf13/cobra"

	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/keys"
	"github.com/cosmos/cosmos-sdk/client/rpc"
	"github.com/cosmos/cosmos-sdk/server"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	authcmd "github.com/cosmos/cosmos-sdk/x/auth/client/cli"
	genutilcli "github.com/cosmos/cosmos-sdk/x/genutil/client/cli"

	"github.com/cosmos/ibc-go/v11/testing/simapp"
)

// addCommands adds the node, genesis, key, tx and query commands; autocli
// adds the module commands afterwards.
func addCommands(rootCmd *cobra.Command, tempApp *simapp.SimApp) {
	basics := tempApp.BasicModuleManager
	rootCmd.AddCommand(genutilcli.InitCmd(basics, defaultHome()))
	server.AddCommands(rootCmd, defaultHome(), newApp, exportApp, func(*cobra.Command) {})
	rootCmd.AddCommand(
		server.StatusCommand(),
		genutilcli.Commands(tempApp.TxConfig(), basics, defaultHome()),
		queryCommand(),
		txCommand(),
		keys.Commands(),
	)
}

func queryCommand() *cobra.Command {
	cmd := &cobra.Command{Use: "query", Aliases: []string{"q"}, Short: "Query the chain", RunE: client.ValidateCmd}
	cmd.AddCommand(rpc.WaitTxCmd(), server.QueryBlockCmd(), authcmd.QueryTxsByEventsCmd(), authcmd.QueryTxCmd())
	return cmd
}

func txCommand() *cobra.Command {
	cmd := &cobra.Command{Use: "tx", Short: "Build, sign and broadcast transactions", RunE: client.ValidateCmd}
	cmd.AddCommand(authcmd.GetSignCommand(), authcmd.GetBroadcastCommand(), authcmd.GetEncodeCommand(), authcmd.GetDecodeCommand())
	return cmd
}

// newApp creates the application for the node commands.
func newApp(logger log.Logger, db dbm.DB, appOpts servertypes.AppOptions) servertypes.Application {
	var trace io.Writer
	return simapp.NewSimApp(logger, db, trace, true, appOpts, server.DefaultBaseappOptions(appOpts)...)
}

// exportApp refuses: the bank chain is a test network that is never
// restarted from an export.
func exportApp(log.Logger, dbm.DB, int64, bool, []string, servertypes.AppOptions, []string) (servertypes.ExportedApp, error) {
	return servertypes.ExportedApp{}, errors.New("bankchain does not export state")
}
