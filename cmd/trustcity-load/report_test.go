package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestReport(t *testing.T) {
	r := result{
		ChainID: "trustcity-local-1", Node: "http://127.0.0.1:26657", Scenario: "bank-send", Accounts: 200, Senders: 8,
		TargetRate: 500, Duration: 60, OfferedRate: 499.7,
		Counts: counts{Presigned: 30000, Submitted: 30000, Accepted: 29990, Rejected: 10,
			TopRejection: "sdk code 32: account sequence mismatch | expected 4", TopRejectionCount: 10, CommittedOK: 29990},
		WarmupBlocks: 2, CooldownBlocks: 2,
	}
	r.fill(window{FirstHeight: 10, LastHeight: 24, FromHeight: 12, ToHeight: 22, Blocks: 11,
		Start: time.Unix(0, 0), End: time.Unix(55, 0), Committed: 27500, AllTxs: 27500,
		Latencies: []time.Duration{time.Second, 2 * time.Second, 3 * time.Second}})
	var b bytes.Buffer
	require.NoError(t, r.markdown(&b))
	out := b.String()
	require.Contains(t, out, "| metric | value |\n|---|---|\n")
	require.Contains(t, out, "| **committed TPS** | **500.0** (27500 txs in 55.00s) |")
	require.Contains(t, out, "| commit latency p50 / p99 | 2s / 3s |")
	require.Contains(t, out, "| blocks measured | 11 (heights 12-22; txs in 10-24, 2 warm-up and 2 cool-down dropped) |")
	require.Contains(t, out, "| mean txs per block | 2500.0 committed of ours (2500.0 in all) |")
	require.Contains(t, out, `rejected at CheckTx | 10 (most common, 10×: sdk code 32: account sequence mismatch \| expected 4) |`)
	require.NotContains(t, out, "not sent")

	path := filepath.Join(t.TempDir(), "r.json")
	require.NoError(t, r.writeJSON(path))
	bz, err := os.ReadFile(path)
	require.NoError(t, err)
	var back map[string]any
	require.NoError(t, json.Unmarshal(bz, &back))
	require.InDelta(t, 500.0, back["committed_tps"], 1e-9)
	require.InDelta(t, 2000.0, back["commit_latency_p50_ms"], 1e-9)
	require.Equal(t, float64(11), back["blocks_measured"])
}
