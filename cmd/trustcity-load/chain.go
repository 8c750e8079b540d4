package main

import (
	"context"
	"fmt"
	"os"
	"sync"

	dbm "github.com/cosmos/cosmos-db"

	"cosmossdk.io/log/v2"
	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/trustcity/trustcity/app"
	"github.com/trustcity/trustcity/testutil/signer"
)

// queryWorkers bounds the account and balance queries in flight at once.
const queryWorkers = 8

// chain is what the tool queries and signs with: the node, a client context
// whose queries go to the node as ABCI queries over the same RPC endpoint
// (so the tool needs no gRPC port), and the application's codecs.
type chain struct {
	node     *node
	id       string
	cctx     client.Context
	txConfig client.TxConfig
}

// homeOption gives the in-memory app a home directory and nothing else.
type homeOption string

func (h homeOption) Get(key string) any {
	if key == flags.FlagHome {
		return string(h)
	}
	return nil
}

// newChain builds the codecs from an in-memory app, exactly as the node
// builds them, and a client context for n. The app gets a throw-away home:
// with none, the upgrade keeper would create ./data in the working directory.
func newChain(n *node, chainID string) (*chain, error) {
	home, err := os.MkdirTemp("", "trustcity-load-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(home)
	a := app.New(log.NewNopLogger(), dbm.NewMemDB(), true, homeOption(home))
	cctx := client.Context{}.
		WithClient(n.rpc).
		WithChainID(chainID).
		WithCodec(a.AppCodec()).
		WithInterfaceRegistry(a.InterfaceRegistry()).
		WithTxConfig(a.TxConfig()).
		WithLegacyAmino(a.LegacyAmino()).
		WithAccountRetriever(authtypes.AccountRetriever{})
	return &chain{node: n, id: chainID, cctx: cctx, txConfig: a.TxConfig()}, nil
}

// balance returns addr's balance of denom.
func (c *chain) balance(ctx context.Context, addr sdk.AccAddress, denom string) (sdkmath.Int, error) {
	res, err := banktypes.NewQueryClient(c.cctx).Balance(ctx, &banktypes.QueryBalanceRequest{Address: addr.String(), Denom: denom})
	if err != nil {
		return sdkmath.Int{}, fmt.Errorf("querying the balance of %s: %w", addr, err)
	}
	if res.Balance == nil {
		return sdkmath.ZeroInt(), nil
	}
	return res.Balance.Amount, nil
}

// balances returns the balances of denom of accs, in order.
func (c *chain) balances(ctx context.Context, accs []*signer.Account, denom string) ([]sdkmath.Int, error) {
	out := make([]sdkmath.Int, len(accs))
	err := forEach(ctx, len(accs), func(i int) error {
		b, err := c.balance(ctx, accs[i].Address, denom)
		out[i] = b
		return err
	})
	return out, err
}

// loadAccounts sets each account's number and sequence from the chain.
func (c *chain) loadAccounts(ctx context.Context, accs []*signer.Account) error {
	return forEach(ctx, len(accs), func(i int) error {
		num, seq, err := c.cctx.AccountRetriever.GetAccountNumberSequence(c.cctx, accs[i].Address)
		if err != nil {
			return fmt.Errorf("reading account %s (number %d of the seed): %w", accs[i].Address, i, err)
		}
		accs[i].Number, accs[i].Sequence = num, seq
		return nil
	})
}

// forEach calls f(0..n-1) on queryWorkers goroutines and returns the first
// error; it stops handing out work after an error.
func forEach(ctx context.Context, n int, f func(i int) error) error {
	var (
		mu    sync.Mutex
		first error
		next  int
		wg    sync.WaitGroup
	)
	take := func() (int, bool) {
		mu.Lock()
		defer mu.Unlock()
		if first != nil || next >= n || ctx.Err() != nil {
			return 0, false
		}
		next++
		return next - 1, true
	}
	for range min(queryWorkers, n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, ok := take(); ok; i, ok = take() {
				if err := f(i); err != nil {
					mu.Lock()
					if first == nil {
						first = err
					}
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	if first != nil {
		return first
	}
	return ctx.Err()
}
