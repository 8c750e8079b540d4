// Command bankchain is the bank chain of TrustCity's IBC network: a
// plain Cosmos SDK chain with IBC and ICS-20 that is not TrustCity, built
// from ibc-go's own testing application (github.com/cosmos/ibc-go/v11/
// testing/simapp). It carries the SDK's standard node and client commands
// (init, genesis, start, keys, tx, query); addresses use the SDK's default
// "cosmos" prefix and the bond denom is "stake".
package main

import (
	"fmt"
	"os"

	svrcmd "github.com/cosmos/cosmos-sdk/server/cmd"
)

func main() {
	if err := svrcmd.Execute(newRootCmd(), "", defaultHome()); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
