package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	coretypes "github.com/cometbft/cometbft/rpc/core/types"
	rpctypes "github.com/cometbft/cometbft/rpc/jsonrpc/types"
	cmttypes "github.com/cometbft/cometbft/types"
)

// fakeNode checks sequences per account the way the SDK's CheckTx does. A
// transaction's bytes are "account/sequence".
type fakeNode struct {
	mu       sync.Mutex
	expected map[int]uint64
	order    map[int][]uint64 // accepted sequences per account, in arrival order
	fullOnce map[string]bool  // answer "mempool is full" once for these
	drop     map[string]bool  // answer code 0 once but keep nothing (CometBFT's silent drop)
	reject   map[string]bool  // answer a non-zero code
	calls    int
}

func newFakeNode() *fakeNode {
	return &fakeNode{expected: map[int]uint64{}, order: map[int][]uint64{},
		fullOnce: map[string]bool{}, drop: map[string]bool{}, reject: map[string]bool{}}
}

func (f *fakeNode) BroadcastTxSync(_ context.Context, tx cmttypes.Tx) (*coretypes.ResultBroadcastTx, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls++
	var acc int
	var seq uint64
	if _, err := fmt.Sscanf(string(tx), "%d/%d", &acc, &seq); err != nil {
		return nil, err
	}
	key := string(tx)
	switch {
	case f.fullOnce[key]:
		delete(f.fullOnce, key)
		return nil, &rpctypes.RPCError{Code: -32603, Message: "Internal error", Data: "mempool is full: number of txs 5000 (max: 5000)"}
	case f.reject[key]:
		return &coretypes.ResultBroadcastTx{Code: 13, Codespace: "sdk", Log: "insufficient fee"}, nil
	case seq != f.expected[acc]:
		return &coretypes.ResultBroadcastTx{Code: 32, Codespace: "sdk",
			Log: fmt.Sprintf("account sequence mismatch, expected %d, got %d: incorrect account sequence", f.expected[acc], seq)}, nil
	case f.drop[key]:
		delete(f.drop, key)
		return &coretypes.ResultBroadcastTx{Code: 0}, nil
	}
	f.expected[acc]++
	f.order[acc] = append(f.order[acc], seq)
	return &coretypes.ResultBroadcastTx{Code: 0}, nil
}

// fakeTxs returns n transactions round-robin over k accounts, sequences from 0.
func fakeTxs(n, k int) []*txRecord {
	txs := make([]*txRecord, n)
	for i := range txs {
		a, seq := i%k, uint64(i/k)
		txs[i] = &txRecord{Bytes: []byte(fmt.Sprintf("%d/%d", a, seq)), Account: a, Sequence: seq}
	}
	return txs
}

func sendOpts(k int) sendOptions {
	return sendOptions{Duration: 5 * time.Second, Senders: 3, Accounts: k, CallTimeout: time.Second, DeadAfter: time.Second}
}

func TestSendKeepsPerAccountOrder(t *testing.T) {
	const n, k = 500, 7
	f := newFakeNode()
	txs := fakeTxs(n, k)
	sum, err := send(context.Background(), f, txs, sendOpts(k))
	require.NoError(t, err)
	for i, tx := range txs {
		require.Equal(t, accepted, tx.State, "tx %d", i)
		require.False(t, tx.Submitted.IsZero())
	}
	for a := range k {
		require.Len(t, f.order[a], (n-a+k-1)/k)
		for j, seq := range f.order[a] {
			require.Equal(t, uint64(j), seq)
		}
	}
	require.False(t, sum.FirstSubmit.After(sum.LastSubmit))
	require.Zero(t, sum.Resent)
}

func TestSendStallsAnAccountAfterARejection(t *testing.T) {
	f := newFakeNode()
	txs := fakeTxs(30, 3)
	f.reject["1/4"] = true
	_, err := send(context.Background(), f, txs, sendOpts(3))
	require.NoError(t, err)
	for _, tx := range txs {
		switch {
		case tx.Account != 1 || tx.Sequence < 4:
			require.Equal(t, accepted, tx.State, string(tx.Bytes))
		case tx.Sequence == 4:
			require.Equal(t, rejected, tx.State)
			require.Equal(t, "sdk code 13: insufficient fee", tx.Reason)
		default:
			require.Equal(t, notSent, tx.State)
			require.True(t, tx.Skipped)
		}
	}
}

func TestSendRetriesAFullMempool(t *testing.T) {
	f := newFakeNode()
	txs := fakeTxs(10, 2)
	f.fullOnce["0/2"], f.fullOnce["1/3"] = true, true
	sum, err := send(context.Background(), f, txs, sendOpts(2))
	require.NoError(t, err)
	require.Equal(t, int64(2), sum.MempoolFullRetries)
	for _, tx := range txs {
		require.Equal(t, accepted, tx.State)
	}
	require.Equal(t, []uint64{0, 1, 2, 3, 4}, f.order[0])
}

func TestSendRepairsASilentlyDroppedTransaction(t *testing.T) {
	f := newFakeNode()
	txs := fakeTxs(20, 2)
	f.drop["1/3"] = true // answered code 0 but lost: 1/4 then finds the gap
	sum, err := send(context.Background(), f, txs, sendOpts(2))
	require.NoError(t, err)
	for _, tx := range txs {
		require.Equal(t, accepted, tx.State, string(tx.Bytes))
	}
	require.Equal(t, int64(2), sum.Resent) // 1/3 again, then 1/4
	require.Equal(t, []uint64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, f.order[1])
	// The repaired transaction keeps its first submit time.
	require.True(t, txs[2*3+1].Submitted.Before(txs[2*4+1].Submitted))
}

func TestSendPacesToTheRate(t *testing.T) {
	f := newFakeNode()
	txs := fakeTxs(1000, 4)
	opt := sendOpts(4)
	opt.Rate, opt.Duration = 100, 300*time.Millisecond
	start := time.Now()
	_, err := send(context.Background(), f, txs, opt)
	require.NoError(t, err)
	require.Less(t, time.Since(start), 2*time.Second)
	sent := countSent(txs)
	// Transactions 0..29 are due within 300 ms.
	require.InDelta(t, 30, sent, 3)
	for i, tx := range txs[:sent] {
		due := start.Add(time.Duration(i) * 10 * time.Millisecond)
		require.False(t, tx.Submitted.Before(due.Add(-5*time.Millisecond)), "tx %d sent early", i)
	}
}

// deadNode refuses every connection.
type deadNode struct{}

func (deadNode) BroadcastTxSync(context.Context, cmttypes.Tx) (*coretypes.ResultBroadcastTx, error) {
	return nil, errors.New("post failed: dial tcp 127.0.0.1:1: connect: connection refused")
}

func TestSendFailsWhenTheNodeIsGone(t *testing.T) {
	opt := sendOpts(2)
	opt.DeadAfter = 200 * time.Millisecond
	start := time.Now()
	_, err := send(context.Background(), deadNode{}, fakeTxs(10, 2), opt)
	require.ErrorContains(t, err, "the node has not answered")
	require.ErrorContains(t, err, "connection refused")
	require.Less(t, time.Since(start), 2*time.Second)
}
