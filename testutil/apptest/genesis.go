package apptest

import (
	"encoding/json"
	"fmt"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	genutiltypes "github.com/cosmos/cosmos-sdk/x/genutil/types"

	"github.com/trustcity/trustcity/app"
	"github.com/trustcity/trustcity/testutil/signer"
)

// genesisState returns the app's default genesis with the accounts funded and
// the validators created by genesis transactions. Accounts come first, in
// order, so account i has account number i; the validators' operators follow.
func genesisState(a *app.App, cfg Config, accounts []*signer.Account, vals []Validator) ([]byte, error) {
	cdc := a.AppCodec()
	state := a.DefaultGenesis()

	bond := sdk.NewCoins(sdk.NewCoin(app.BondDenom, validatorBond))
	genAccounts := make(authtypes.GenesisAccounts, 0, len(accounts)+len(vals))
	balances := make([]banktypes.Balance, 0, len(accounts)+len(vals))
	supply := sdk.NewCoins()
	fund := func(acc *signer.Account, coins sdk.Coins) {
		genAccounts = append(genAccounts, authtypes.NewBaseAccount(acc.Address, nil, acc.Number, 0))
		balances = append(balances, banktypes.Balance{Address: acc.Address.String(), Coins: coins})
		supply = supply.Add(coins...)
	}
	for _, acc := range accounts {
		fund(acc, cfg.Balance)
	}
	for _, v := range vals {
		fund(v.Operator, cfg.Balance.Add(bond...))
	}

	var authGenesis authtypes.GenesisState
	if err := cdc.UnmarshalJSON(state[authtypes.ModuleName], &authGenesis); err != nil {
		return nil, fmt.Errorf("default auth genesis: %w", err)
	}
	packed, err := authtypes.PackAccounts(genAccounts)
	if err != nil {
		return nil, err
	}
	authGenesis.Accounts = packed
	state[authtypes.ModuleName] = cdc.MustMarshalJSON(&authGenesis)

	// The default bank genesis carries the token's metadata; keep it.
	var bankGenesis banktypes.GenesisState
	if err := cdc.UnmarshalJSON(state[banktypes.ModuleName], &bankGenesis); err != nil {
		return nil, fmt.Errorf("default bank genesis: %w", err)
	}
	bankGenesis.Balances = balances
	bankGenesis.Supply = supply
	state[banktypes.ModuleName] = cdc.MustMarshalJSON(&bankGenesis)

	genTxs := make([]json.RawMessage, len(vals))
	for i, v := range vals {
		if genTxs[i], err = genTx(a.TxConfig(), cfg.ChainID, v); err != nil {
			return nil, fmt.Errorf("genesis transaction of validator %d: %w", i, err)
		}
	}
	state[genutiltypes.ModuleName] = cdc.MustMarshalJSON(genutiltypes.NewGenesisState(genTxs))

	return json.Marshal(state)
}
