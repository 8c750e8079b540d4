package main

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	coretypes "github.com/cometbft/cometbft/rpc/core/types"
	rpctypes "github.com/cometbft/cometbft/rpc/jsonrpc/types"
	cmttypes "github.com/cometbft/cometbft/types"
)

// broadcaster is the one node call the senders make (CometBFT's
// broadcast_tx_sync); tests replace it.
type broadcaster interface {
	BroadcastTxSync(ctx context.Context, tx cmttypes.Tx) (*coretypes.ResultBroadcastTx, error)
}

// sendOptions shape the broadcast.
type sendOptions struct {
	Rate        float64       // transactions per second; 0 sends as fast as the node answers
	Duration    time.Duration // sending stops this long after it started
	Senders     int           // concurrent senders; each owns whole accounts
	Accounts    int           // number of accounts the transactions cycle through
	CallTimeout time.Duration // bounds one broadcast_tx_sync call
	// DeadAfter aborts the run when the node has not answered at all for
	// this long.
	DeadAfter time.Duration
}

// sendSummary describes the broadcast as a whole.
type sendSummary struct {
	FirstSubmit        time.Time
	LastSubmit         time.Time
	MempoolFullRetries int64
	// Resent counts re-broadcasts of transactions CometBFT had silently
	// dropped (see resendGap), the transaction that found the gap included.
	Resent int64
}

const (
	// retryMin and retryMax bound the pause before re-sending a transaction
	// the mempool had no room for.
	retryMin = 10 * time.Millisecond
	retryMax = 250 * time.Millisecond
)

// send broadcasts txs, which are ordered round-robin over the accounts
// (transaction i is signed by account i mod Accounts). Sender s sends the
// transactions of the accounts a with a mod Senders = s, in index order, so
// each account's sequences reach the node in order. With a rate, transaction
// i is due at Start + i/Rate: a sender that falls behind sends at once, so
// the offered rate drops below the target only if the node answers too
// slowly. "Mempool is full" answers are retried until the duration ends. A
// transport error is retried with the same bytes; an answer "already in the
// cache" then means the earlier attempt got in. A rejection (non-zero CheckTx
// code, or an RPC error) leaves a gap in its account's sequences: unless
// resendGap can repair it, the account's later transactions are skipped.
func send(ctx context.Context, b broadcaster, txs []*txRecord, opt sendOptions) (sendSummary, error) {
	if opt.Senders < 1 || opt.Accounts < 1 {
		return sendSummary{}, fmt.Errorf("need at least one sender and one account")
	}
	senders := min(opt.Senders, opt.Accounts)
	queues := make([][]int, senders)
	for i := range txs {
		s := (i % opt.Accounts) % senders
		queues[s] = append(queues[s], i)
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	st := &sendState{b: b, txs: txs, opt: opt, cancel: cancel}
	st.start = time.Now()
	st.end = st.start.Add(opt.Duration)
	st.alive.Store(st.start.UnixNano())

	var wg sync.WaitGroup
	for _, q := range queues {
		wg.Add(1)
		go func() {
			defer wg.Done()
			st.run(ctx, q)
		}()
	}
	wg.Wait()

	sum := sendSummary{MempoolFullRetries: st.retries.Load(), Resent: st.resent.Load()}
	for _, tx := range txs {
		if tx.Submitted.IsZero() {
			continue
		}
		if sum.FirstSubmit.IsZero() || tx.Submitted.Before(sum.FirstSubmit) {
			sum.FirstSubmit = tx.Submitted
		}
		if tx.Submitted.After(sum.LastSubmit) {
			sum.LastSubmit = tx.Submitted
		}
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.err != nil {
		return sum, st.err
	}
	return sum, ctx.Err()
}

// sendState is shared by the senders of one run.
type sendState struct {
	b          broadcaster
	txs        []*txRecord
	opt        sendOptions
	start, end time.Time
	alive      atomic.Int64 // UnixNano of the node's last answer of any kind
	retries    atomic.Int64
	resent     atomic.Int64
	cancel     context.CancelFunc

	mu  sync.Mutex
	err error
}

// fail records the run's first fatal error and stops every sender.
func (st *sendState) fail(err error) {
	st.mu.Lock()
	if st.err == nil {
		st.err = err
	}
	st.mu.Unlock()
	st.cancel()
}

// run is one sender: it sends the transactions at indices q in order.
func (st *sendState) run(ctx context.Context, q []int) {
	stalled := map[int]bool{}
	resends := map[int]int{}
	for _, i := range q {
		tx := st.txs[i]
		if stalled[tx.Account] {
			tx.Skipped = true
			continue
		}
		if st.opt.Rate > 0 {
			due := st.start.Add(time.Duration(float64(i) / st.opt.Rate * float64(time.Second)))
			if !due.Before(st.end) {
				return
			}
			if !sleepUntil(ctx, due) {
				return
			}
		}
		if !time.Now().Before(st.end) || ctx.Err() != nil {
			return
		}
		if !st.sendOne(ctx, tx) {
			return
		}
		if tx.State == rejected && !st.resendGap(ctx, tx, resends) {
			return
		}
		if tx.State == rejected || tx.State == unanswered {
			// Its sequence was not used: every later one would mismatch.
			stalled[tx.Account] = true
		}
	}
}

// sendOne broadcasts tx until the node gives a CheckTx result, the error is
// not worth retrying, or the run ends. It reports false when the sender
// should stop (the run ended or failed).
func (st *sendState) sendOne(ctx context.Context, tx *txRecord) bool {
	backoff := retryMin
	var firstTry time.Time
	for {
		sent := time.Now()
		if firstTry.IsZero() {
			firstTry = sent
		}
		callCtx, cancel := context.WithTimeout(ctx, st.opt.CallTimeout)
		res, err := st.b.BroadcastTxSync(callCtx, tx.Bytes)
		cancel()
		if ctx.Err() != nil {
			return false
		}
		if err == nil {
			st.alive.Store(time.Now().UnixNano())
			tx.submittedAt(sent)
			if res.Code == 0 {
				tx.State = accepted
			} else {
				tx.State, tx.Reason = rejected, reason(res.Codespace, res.Code, res.Log)
			}
			return true
		}

		var rpcErr *rpctypes.RPCError
		if errors.As(err, &rpcErr) {
			st.alive.Store(time.Now().UnixNano())
			msg := rpcErr.Data
			if msg == "" {
				msg = rpcErr.Message
			}
			switch {
			case isMempoolFull(msg):
				st.retries.Add(1)
			case strings.Contains(msg, "tx already exists in cache"):
				// An earlier attempt that seemed lost reached the mempool.
				tx.State = accepted
				tx.submittedAt(firstTry)
				return true
			default:
				tx.State, tx.Reason = unanswered, "rpc: "+truncate(msg)
				tx.submittedAt(sent)
				return true
			}
		} else {
			silent := time.Since(time.Unix(0, st.alive.Load()))
			if silent > st.opt.DeadAfter {
				st.fail(fmt.Errorf("the node has not answered for %s; last error: %w", silent.Round(time.Second), err))
				return false
			}
		}
		// Retry the same bytes after a pause, within the run's duration.
		if !time.Now().Add(backoff).Before(st.end) {
			if errors.As(err, &rpcErr) {
				return false // still full when the run ended: not sent
			}
			tx.State, tx.Reason = unanswered, truncate(err.Error())
			tx.submittedAt(firstTry)
			return false
		}
		if !sleepUntil(ctx, time.Now().Add(backoff)) {
			return false
		}
		backoff = min(2*backoff, retryMax)
	}
}

// maxResends bounds how often one account's sequence gap is repaired.
const maxResends = 20

// expectedRe finds the sequence the node expects in the SDK's "account
// sequence mismatch, expected E, got G" error.
var expectedRe = regexp.MustCompile(`sequence mismatch, expected (\d+), got (\d+)`)

// resendGap repairs a gap in an account's sequences. CometBFT's CheckTx
// checks that the mempool has room before calling the application and again
// after it: when concurrent checks fill the mempool in between, the
// transaction is dropped although broadcast_tx_sync answers code 0, and the
// application's check state has already counted its sequence. After the next
// block that state is reset, and the account's next transaction is rejected
// as "sequence mismatch, expected E" with E below its own sequence. The
// transactions from E on were pre-signed by this run, so resendGap sends them
// again, in order, then tx. It reports false when the sender should stop.
func (st *sendState) resendGap(ctx context.Context, tx *txRecord, resends map[int]int) bool {
	m := expectedRe.FindStringSubmatch(tx.Reason)
	if m == nil || resends[tx.Account] >= maxResends {
		return true
	}
	expected, err := strconv.ParseUint(m[1], 10, 64)
	seq0 := st.txs[tx.Account].Sequence // transaction index a is account a's first
	if err != nil || expected >= tx.Sequence || expected < seq0 {
		return true
	}
	resends[tx.Account]++
	for seq := expected; seq <= tx.Sequence; seq++ {
		r := st.txs[tx.Account+int(seq-seq0)*st.opt.Accounts]
		r.State, r.Reason = notSent, ""
		if !st.sendOne(ctx, r) {
			return false
		}
		st.resent.Add(1)
		if r.State != accepted {
			return true // tx stays rejected and its account stalls
		}
	}
	return true
}

// isMempoolFull reports whether an RPC error says the mempool has no room
// now (a condition worth waiting out).
func isMempoolFull(msg string) bool {
	return strings.Contains(msg, "mempool is full") || strings.Contains(msg, "considered as full")
}

func truncate(s string) string {
	if len(s) > maxLogLen {
		return s[:maxLogLen] + "…"
	}
	return s
}

// sleepUntil waits until t or until ctx ends; it reports whether t came.
func sleepUntil(ctx context.Context, t time.Time) bool {
	d := time.Until(t)
	if d <= 0 {
		return ctx.Err() == nil
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return true
	case <-ctx.Done():
		return false
	}
}
