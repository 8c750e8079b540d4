// Command trustcity-load measures the committed throughput of a running
// TrustCity chain: it sends pre-signed transactions of one workload of
// testutil/scenario to a node at a target rate and then reads from the chain
// which of them were committed, in which blocks, and when.
//
// A run:
//
//  1. reads the chain id from the node (-node, CometBFT RPC; every query of
//     the tool goes there as an ABCI query, so no gRPC port is needed);
//  2. derives -accounts secp256k1 accounts from -seed (testutil/signer) and
//     funds, in multi-sends signed by the -from key of the -home keyring, those
//     whose balance is below what the run will spend, then waits for the
//     funding to be committed;
//  3. reads every account's number and sequence from the chain and pre-signs
//     rate × duration transactions (-max-txs overrides), round-robin over the
//     accounts with consecutive sequences;
//  4. broadcasts them with broadcast_tx_sync for -duration at -rate (0: as
//     fast as the node answers, retrying "mempool is full"), from -senders
//     concurrent senders that each own whole accounts, so every account's
//     sequences arrive in order, recording each transaction's submit time
//     (the wall clock just before the broadcast that got an answer);
//  5. follows the chain until every transaction accepted by CheckTx is in a
//     block, the mempool is empty or -drain-blocks blocks have passed, reading
//     each block (header time, transactions) and its block results (result
//     codes), and matches the transactions by hash.
//
// When the mempool is full, CometBFT may answer CheckTx with code 0 and still
// drop the transaction (it checks for room before and after asking the
// application). The account's next transaction then fails with "sequence
// mismatch, expected E"; the sender re-sends the pre-signed transactions from
// E on, in order, and counts them in the report ("re-sent after a silent
// drop"). A drop that no later transaction reveals shows as "not included by
// the end".
//
// Definitions. Let F and L be the first and last heights whose block holds a
// transaction of the run. The measured blocks are a = F + warm-up through
// b = L − cool-down (-warmup-blocks, -cooldown-blocks), empty blocks included.
// CometBFT stamps block h with T(h), its BFT time: the median of the
// precommit timestamps that committed block h−1. Block h was therefore
// committed at T(h+1), and the measured blocks were committed during
// (T(a), T(b+1)].
//
//   - committed TPS = the run's transactions with result code 0 in blocks
//     a..b ÷ (T(b+1) − T(a)) in seconds. Only chain timestamps enter it.
//   - commit latency of such a transaction in block h = T(h+1) − its submit
//     time; p50 and p99 are nearest-rank percentiles over the code-0
//     transactions of blocks a..b.
//   - header-time latency = T(h) − submit time. It is reported for
//     comparison only: T(h) is when block h−1 was committed, before block h
//     was even proposed (the proposer waits timeout_commit first), so it
//     understates the latency by about a block interval and is often negative.
//
// Counts: pre-signed; submitted (CheckTx answered); rejected at CheckTx
// (non-zero code, with the most common cause; an account's later
// transactions are then not sent, as their sequences could not match);
// failed in block (non-zero result code); committed; not included by the
// end (accepted by CheckTx but in no block read). Blocks measured and mean
// transactions per measured block complete the report, printed as a markdown
// table (and written as JSON with -json).
//
// Every wait is bounded, the tool stops by itself after sending and
// draining, and it exits non-zero on any error. It refuses a -node that is
// not a loopback address unless -allow-remote is given.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"
)

const usageText = `trustcity-load sends pre-signed transactions of a testutil/scenario workload to a
TrustCity node and reports the committed throughput and commit latency, read
from the chain.

  committed TPS  = the run's code-0 transactions in the measured blocks a..b
                   ÷ (T(b+1) − T(a)), where T(h) is block h's header time.
                   T(h) is the BFT time at which block h−1 was committed, so
                   blocks a..b were committed during (T(a), T(b+1)].
                   a..b = the blocks from the first to the last one holding a
                   transaction of the run, less -warmup-blocks at the start and
                   -cooldown-blocks at the end.
  commit latency = T(h+1) − submit time, for a code-0 transaction in block h of
                   a..b; p50/p99 are nearest-rank percentiles. (The header time
                   of block h itself, T(h) − submit time, is also shown; it
                   precedes the proposal of h and understates the latency.)

Usage: trustcity-load [flags]

`

const (
	// blockTimeout bounds the wait for any one block.
	blockTimeout = time.Minute
	// callTimeout bounds one broadcast_tx_sync call.
	callTimeout = 10 * time.Second
	// deadAfter aborts sending when the node has not answered for this long.
	deadAfter = 15 * time.Second
)

func main() {
	cfg, err := parseFlags(os.Args[1:], os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		os.Exit(0)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "trustcity-load:", err)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	res, err := run(ctx, cfg, os.Stderr)
	if err == nil {
		err = res.markdown(os.Stdout)
	}
	if err == nil && cfg.JSON != "" {
		err = res.writeJSON(cfg.JSON)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "trustcity-load: error:", err)
		os.Exit(1)
	}
}
