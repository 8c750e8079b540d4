package main

import (
	"fmt"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/cmd/trustcityd/cmd"
)

// feeFor returns the fee a node with the default minimum gas price accepts
// for a transaction declaring gas: the benchmark's transactions are the ones
// a new node's mempool would admit, fee transfer to the fee collector
// included. Decimal arithmetic, rounded up, as the node checks it.
func feeFor(gas uint64) (sdk.Coins, error) {
	prices, err := sdk.ParseDecCoins(cmd.DefaultMinGasPrices)
	if err != nil {
		return nil, fmt.Errorf("default minimum gas prices %q: %w", cmd.DefaultMinGasPrices, err)
	}
	limit := math.LegacyNewDecFromInt(math.NewIntFromUint64(gas))
	fee := sdk.NewCoins()
	for _, p := range prices {
		fee = fee.Add(sdk.NewCoin(p.Denom, p.Amount.Mul(limit).Ceil().RoundInt()))
	}
	return fee, nil
}
