// Command trustcityd runs a TrustCity node and is its command-line client.
package main

import (
	"fmt"
	"os"

	svrcmd "github.com/cosmos/cosmos-sdk/server/cmd"

	"github.com/trustcity/trustcity/app"
	"github.com/trustcity/trustcity/cmd/trustcityd/cmd"
)

func main() {
	rootCmd := cmd.NewRootCmd()
	if err := svrcmd.Execute(rootCmd, "", app.DefaultNodeHome); err != nil {
		fmt.Fprintln(rootCmd.ErrOrStderr(), cmd.DescribeError(err))
		os.Exit(1)
	}
}
