package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/app"
	"github.com/trustcity/trustcity/testutil/scenario"
	"github.com/trustcity/trustcity/testutil/signer"
)

// run performs one load run and returns its figures. Progress goes to log.
func run(ctx context.Context, cfg config, log io.Writer) (result, error) {
	logf := func(format string, args ...any) { fmt.Fprintf(log, "trustcity-load: "+format+"\n", args...) }
	sc, err := scenario.ByName(cfg.Scenario)
	if err != nil {
		return result{}, err
	}
	c, err := connect(ctx, cfg, logf)
	if err != nil {
		return result{}, err
	}
	accs, fee, err := prepareAccounts(ctx, cfg, c, sc, logf)
	if err != nil {
		return result{}, err
	}

	started := time.Now()
	env := scenario.Env{Accounts: signer.Addresses(accs), Denom: app.BondDenom}
	txs, err := presign(c.txConfig, accs, sc, env, signer.TxParams{ChainID: c.id, GasLimit: sc.GasLimit, Fee: fee}, cfg.txCount())
	if err != nil {
		return result{}, err
	}
	index, err := hashIndex(txs)
	if err != nil {
		return result{}, err
	}
	logf("pre-signed %d %s transactions over %d accounts in %s", len(txs), sc.Name, len(accs), time.Since(started).Round(time.Millisecond))

	startHeight, err := c.node.height(ctx)
	if err != nil {
		return result{}, err
	}
	logf("sending for %s from height %d", cfg.Duration, startHeight)
	sum, err := send(ctx, c.node.rpc, txs, sendOptions{
		Rate: cfg.Rate, Duration: cfg.Duration, Senders: cfg.Senders, Accounts: len(accs),
		CallTimeout: callTimeout, DeadAfter: deadAfter,
	})
	if err != nil {
		return result{}, fmt.Errorf("sending: %w", err)
	}
	fl, err := collect(ctx, cfg, c.node, txs, index, startHeight, logf)
	if err != nil {
		return result{}, err
	}

	cnt := countOutcomes(txs, fl.blocks, fl.failures)
	w, err := measure(fl.blocks, cfg.WarmupBlocks, cfg.CooldownBlocks, func(i int) time.Time { return txs[i].Submitted })
	if err != nil {
		return result{}, fmt.Errorf("%w (submitted %d, rejected at CheckTx %d %s, committed %d, failed in block %d)",
			err, cnt.Submitted, cnt.Rejected, cnt.TopRejection, cnt.CommittedOK, cnt.FailedInBlock)
	}
	r := result{
		ChainID: c.id, Node: c.node.url, Scenario: sc.Name, Accounts: len(accs), Senders: min(cfg.Senders, len(accs)),
		TargetRate: cfg.Rate, Duration: cfg.Duration.Seconds(),
		MempoolFullRetries: sum.MempoolFullRetries, Resent: sum.Resent, Counts: cnt,
		WarmupBlocks: cfg.WarmupBlocks, CooldownBlocks: cfg.CooldownBlocks,
	}
	if span := sum.LastSubmit.Sub(sum.FirstSubmit).Seconds(); span > 0 {
		r.OfferedRate = float64(countSent(txs)) / span
	}
	r.fill(w)
	if w.Blocks < 3 {
		logf("warning: only %d block(s) measured; run longer for a steadier figure", w.Blocks)
	}
	return r, nil
}

// connect reaches the node, checks that it is in sync and reads the chain id.
func connect(ctx context.Context, cfg config, logf func(string, ...any)) (*chain, error) {
	n, err := dialNode(cfg.Node, cfg.AllowRemote, cfg.Senders)
	if err != nil {
		return nil, err
	}
	st, err := n.status(ctx)
	if err != nil {
		return nil, err
	}
	if st.SyncInfo.CatchingUp {
		return nil, fmt.Errorf("node %s is catching up (height %d); wait until it is in sync", n.url, st.SyncInfo.LatestBlockHeight)
	}
	logf("chain %s at height %d (%s)", st.NodeInfo.Network, st.SyncInfo.LatestBlockHeight, n.url)
	return newChain(n, st.NodeInfo.Network)
}

// prepareAccounts derives the load accounts, funds those that cannot pay for
// their share of the run and reads every account's number and sequence. It
// returns them with the fee each transaction pays.
func prepareAccounts(ctx context.Context, cfg config, c *chain, sc scenario.Scenario, logf func(string, ...any)) ([]*signer.Account, sdk.Coins, error) {
	f, err := openFunder(c, cfg.Home, cfg.KeyringBackend, cfg.From, os.Stdin)
	if err != nil {
		return nil, nil, err
	}
	denom := app.BondDenom
	accs := signer.NewAccounts(cfg.Seed, cfg.Accounts)
	env := scenario.Env{Accounts: signer.Addresses(accs), Denom: denom}
	perAccount := (cfg.txCount() + len(accs) - 1) / len(accs)
	fee := feeFor(cfg.gasPrice, sc.GasLimit)
	need := spendOf(sc.Msgs(env, 0, 0), denom).Add(fee.AmountOf(denom)).MulRaw(int64(perAccount))
	need = sdkmath.MaxInt(need, sdkmath.OneInt())
	balances, err := c.balances(ctx, accs, denom)
	if err != nil {
		return nil, nil, err
	}
	if err := fund(ctx, c, f, planFunding(accs, balances, need, cfg.fund), cfg.gasPrice, denom, logf); err != nil {
		return nil, nil, err
	}
	if err := c.loadAccounts(ctx, accs); err != nil {
		return nil, nil, err
	}
	return accs, fee, nil
}

// collect reads the blocks from startHeight+1 until every transaction that
// CheckTx accepted is in one, the mempool is empty, or -drain-blocks blocks
// have passed since sending stopped.
func collect(ctx context.Context, cfg config, n *node, txs []*txRecord, index map[[32]byte]int, startHeight int64, logf func(string, ...any)) (*follower, error) {
	var pending []int
	for i, tx := range txs {
		if tx.State == accepted {
			pending = append(pending, i)
		}
	}
	endHeight, err := n.height(ctx)
	if err != nil {
		return nil, err
	}
	logf("sent %d transactions (%d accepted); reading blocks from %d, waiting up to %d blocks past %d for inclusion",
		countSent(txs), len(pending), startHeight+1, cfg.DrainBlocks, endHeight)
	fl := newFollower(n, index, startHeight+1)
	allIn := func() bool {
		kept := pending[:0]
		for _, i := range pending {
			if !fl.found[i] {
				kept = append(kept, i)
			}
		}
		pending = kept
		return len(pending) == 0
	}
	// An empty mempool ends the wait too: a transaction CometBFT answered
	// with code 0 but dropped (see resendGap) will never be included.
	mempoolEmpty := func() bool {
		callCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		res, err := n.rpc.NumUnconfirmedTxs(callCtx)
		return err == nil && res.Total == 0
	}
	if _, err := fl.follow(ctx, allIn, mempoolEmpty, endHeight+int64(cfg.DrainBlocks), blockTimeout); err != nil {
		return nil, err
	}
	logf("read blocks %s", heightRange(fl.blocks))
	return fl, nil
}

// countSent counts the transactions the node answered with a CheckTx result.
func countSent(txs []*txRecord) int {
	n := 0
	for _, tx := range txs {
		if tx.State == accepted || tx.State == rejected {
			n++
		}
	}
	return n
}
