package main

import (
	"fmt"

	"github.com/trustcity/trustcity/app"
	"github.com/trustcity/trustcity/testutil/apptest"
	"github.com/trustcity/trustcity/testutil/scenario"
	"github.com/trustcity/trustcity/testutil/signer"
)

// signBlocks signs every transaction of the run before any block executes,
// so signing is never measured. Transaction g (counting over all blocks) is
// sent by account g mod K, as that account's (g div K)-th transaction, with
// the next sequence: consecutive transactions have different senders, and a
// sender repeats only after all K accounts have sent.
func signBlocks(f *apptest.App, s scenario.Scenario, env scenario.Env, blocks, size int) ([][][]byte, error) {
	accs := f.Accounts()
	fee, err := feeFor(s.GasLimit)
	if err != nil {
		return nil, err
	}
	params := f.TxParams()
	params.GasLimit, params.Fee = s.GasLimit, fee

	out := make([][][]byte, blocks)
	g := 0
	for b := range out {
		out[b] = make([][]byte, size)
		for i := range out[b] {
			from := g % len(accs)
			tx, err := signer.Sign(f.TxConfig(), accs[from], params, s.Msgs(env, from, g/len(accs))...)
			if err != nil {
				return nil, fmt.Errorf("signing transaction %d of %s: %w", g, s.Name, err)
			}
			out[b][i] = tx
			g++
		}
	}
	return out, nil
}

// newEnv is what the scenarios build their messages and genesis state from:
// the chain's funded accounts, in account-number order.
func newEnv(f *apptest.App) scenario.Env {
	return scenario.Env{Accounts: signer.Addresses(f.Accounts()), Denom: app.BondDenom}
}
