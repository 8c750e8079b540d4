package main

import (
	"crypto/sha256"
	"fmt"
	"runtime"
	"sync"

	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/client"
	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/trustcity/trustcity/testutil/scenario"
	"github.com/trustcity/trustcity/testutil/signer"
)

// presign signs n transactions of sc, ordered round-robin over accs:
// transaction i is the (i / len(accs))-th transaction of account
// i mod len(accs), signed with that account's number and next sequence.
// Accounts are signed on all CPUs in parallel; each account's sequence
// advances as its transactions are signed.
func presign(txConfig client.TxConfig, accs []*signer.Account, sc scenario.Scenario, env scenario.Env, p signer.TxParams, n int) ([]*txRecord, error) {
	k := len(accs)
	txs := make([]*txRecord, n)
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
	)
	workers := max(1, min(runtime.GOMAXPROCS(0), k))
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for a := w; a < k; a += workers {
				for nth, i := 0, a; i < n; nth, i = nth+1, i+k {
					seq := accs[a].Sequence
					bz, err := signer.Sign(txConfig, accs[a], p, sc.Msgs(env, a, nth)...)
					if err != nil {
						mu.Lock()
						if first == nil {
							first = fmt.Errorf("signing transaction %d of account %s: %w", nth, accs[a].Address, err)
						}
						mu.Unlock()
						return
					}
					txs[i] = &txRecord{Bytes: bz, Hash: sha256.Sum256(bz), Account: a, Sequence: seq}
				}
			}
		}()
	}
	wg.Wait()
	return txs, first
}

// hashIndex maps each transaction's hash to its index.
func hashIndex(txs []*txRecord) (map[[32]byte]int, error) {
	index := make(map[[32]byte]int, len(txs))
	for i, tx := range txs {
		if j, dup := index[tx.Hash]; dup {
			return nil, fmt.Errorf("transactions %d and %d are identical; the scenario must vary its messages or sequences", j, i)
		}
		index[tx.Hash] = i
	}
	return index, nil
}

// spendOf estimates what one transaction of msgs takes from its signer in
// denom: the amounts of bank sends and multi-send inputs. Other messages
// count as spending nothing; fees are added separately.
func spendOf(msgs []sdk.Msg, denom string) sdkmath.Int {
	total := sdkmath.ZeroInt()
	for _, m := range msgs {
		switch m := m.(type) {
		case *banktypes.MsgSend:
			total = total.Add(m.Amount.AmountOf(denom))
		case *banktypes.MsgMultiSend:
			for _, in := range m.Inputs {
				total = total.Add(in.Coins.AmountOf(denom))
			}
		}
	}
	return total
}
