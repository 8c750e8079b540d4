package main

import (
	"crypto/sha256"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestPercentileIsNearestRank(t *testing.T) {
	ms := func(v ...int) []time.Duration {
		out := make([]time.Duration, len(v))
		for i, x := range v {
			out[i] = time.Duration(x) * time.Millisecond
		}
		return out
	}
	hundred := make([]int, 100)
	for i := range hundred {
		hundred[i] = i + 1
	}
	cases := []struct {
		name   string
		sorted []time.Duration
		p      float64
		want   time.Duration
	}{
		{"empty", nil, 50, 0},
		{"one value", ms(7), 99, 7 * time.Millisecond},
		{"p50 of 1..100", ms(hundred...), 50, 50 * time.Millisecond},
		{"p99 of 1..100", ms(hundred...), 99, 99 * time.Millisecond},
		{"p100 is the max", ms(hundred...), 100, 100 * time.Millisecond},
		{"p50 of four rounds up the rank", ms(10, 20, 30, 40), 50, 20 * time.Millisecond},
		{"p99 of four is the max", ms(10, 20, 30, 40), 99, 40 * time.Millisecond},
		{"tiny p is the min", ms(10, 20, 30), 0.1, 10 * time.Millisecond},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, percentile(tc.sorted, tc.p))
		})
	}
}

// synthetic builds blocks at heights from.., one second apart from t0, with
// ours[i] of the run's transactions (code 0, then fails failing ones) and
// foreign other transactions in block i.
type synthBlock struct{ ok, failed, foreign int }

func synthetic(t0 time.Time, from int64, spec []synthBlock) ([]block, func(int) time.Time) {
	var blocks []block
	submit := map[int]time.Time{}
	next := 0
	for i, s := range spec {
		b := block{Height: from + int64(i), Time: t0.Add(time.Duration(i) * time.Second), Total: s.ok + s.failed + s.foreign}
		for range s.ok {
			// Submitted 300 ms before the block's header time.
			submit[next] = b.Time.Add(-300 * time.Millisecond)
			b.Ours = append(b.Ours, inclusion{Tx: next})
			next++
		}
		for range s.failed {
			submit[next] = b.Time
			b.Ours = append(b.Ours, inclusion{Tx: next, Code: 5})
			next++
		}
		blocks = append(blocks, b)
	}
	return blocks, func(i int) time.Time { return submit[i] }
}

func TestMeasureDropsWarmupAndCooldownBlocks(t *testing.T) {
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	// Heights 10..20: empty, empty, then ours from 12 to 18, empty after.
	blocks, submitted := synthetic(t0, 10, []synthBlock{
		{}, {foreign: 3}, // 10, 11
		{ok: 1},                // 12 first of ours: warm-up
		{ok: 50, foreign: 100}, // 13 warm-up
		{ok: 100, failed: 7},   // 14 measured
		{ok: 0, foreign: 9},    // 15 measured, none of ours
		{ok: 120},              // 16 measured
		{ok: 80},               // 17 cool-down
		{ok: 2},                // 18 last of ours: cool-down
		{}, {},                 // 19, 20
	})
	w, err := measure(blocks, 2, 2, submitted)
	require.NoError(t, err)
	require.Equal(t, int64(12), w.FirstHeight)
	require.Equal(t, int64(18), w.LastHeight)
	require.Equal(t, int64(14), w.FromHeight)
	require.Equal(t, int64(16), w.ToHeight)
	require.Equal(t, 3, w.Blocks)
	// Only code-0 transactions of the run in 14..16 count.
	require.Equal(t, 220, w.Committed)
	require.Equal(t, 107+9+120, w.AllTxs)
	// Blocks 14..16 were committed during (T(14), T(17)]: 3 seconds.
	require.Equal(t, t0.Add(4*time.Second), w.Start)
	require.Equal(t, t0.Add(7*time.Second), w.End)
	require.InDelta(t, 220.0/3, w.TPS(), 1e-9)
	// Commit latency: next block's header time minus submit time = 1.3 s for
	// every transaction here; the header-time latency is the 0.3 s before it.
	require.Len(t, w.Latencies, 220)
	require.Equal(t, 1300*time.Millisecond, percentile(w.Latencies, 50))
	require.Equal(t, 1300*time.Millisecond, percentile(w.Latencies, 99))
	require.Equal(t, 300*time.Millisecond, percentile(w.HeaderLatencies, 50))
}

func TestMeasureWithoutDroppedBlocksNeedsTheNextBlock(t *testing.T) {
	t0 := time.Unix(1000, 0)
	blocks, submitted := synthetic(t0, 1, []synthBlock{{ok: 4}, {ok: 6}})
	w, err := measure(blocks, 0, 0, submitted)
	require.ErrorContains(t, err, "block 3, which dates the commit of measured block 2, was not read")

	blocks, submitted = synthetic(t0, 1, []synthBlock{{ok: 4}, {ok: 6}, {}})
	w, err = measure(blocks, 0, 0, submitted)
	require.NoError(t, err)
	require.Equal(t, 10, w.Committed)
	require.Equal(t, 2, w.Blocks)
	require.InDelta(t, 5.0, w.TPS(), 1e-9) // 10 txs over T(3) - T(1) = 2 s
}

func TestMeasureErrors(t *testing.T) {
	t0 := time.Unix(1000, 0)
	sub := func(int) time.Time { return t0 }

	blocks, _ := synthetic(t0, 5, []synthBlock{{}, {foreign: 2}, {}})
	_, err := measure(blocks, 0, 0, sub)
	require.ErrorContains(t, err, "none of the run's transactions is in blocks 5-7")

	blocks, _ = synthetic(t0, 5, []synthBlock{{ok: 1}, {ok: 1}, {ok: 1}, {}})
	_, err = measure(blocks, 2, 1, sub)
	require.ErrorContains(t, err, "span 3 blocks (5-7); 2 warm-up and 1 cool-down blocks leave none")

	_, err = measure(blocks, -1, 0, sub)
	require.ErrorContains(t, err, "must not be negative")

	gap := []block{{Height: 1, Time: t0, Ours: []inclusion{{}}}, {Height: 3, Time: t0.Add(time.Second)}}
	_, err = measure(gap, 0, 0, sub)
	require.ErrorContains(t, err, "not consecutive: 3 follows 1")

	still := []block{{Height: 1, Time: t0, Ours: []inclusion{{}}}, {Height: 2, Time: t0}}
	_, err = measure(still, 0, 0, sub)
	require.ErrorContains(t, err, "block times do not advance")
}

func TestMeasureSkipsLatencyWithoutSubmitTime(t *testing.T) {
	t0 := time.Unix(1000, 0)
	blocks := []block{{Height: 1, Time: t0, Ours: []inclusion{{Tx: 0}, {Tx: 1}}}, {Height: 2, Time: t0.Add(time.Second)}}
	w, err := measure(blocks, 0, 0, func(i int) time.Time {
		if i == 0 {
			return time.Time{}
		}
		return t0
	})
	require.NoError(t, err)
	require.Equal(t, 2, w.Committed)
	require.Equal(t, []time.Duration{time.Second}, w.Latencies)
}

func TestMatchTxsByHash(t *testing.T) {
	ours := [][]byte{[]byte("tx-a"), []byte("tx-b"), []byte("tx-c")}
	index := map[[32]byte]int{}
	for i, tx := range ours {
		index[sha256.Sum256(tx)] = i
	}
	blockTxs := [][]byte{[]byte("foreign"), []byte("tx-c"), []byte("tx-a"), []byte("tx-a ")}
	got, err := matchTxs(blockTxs, []uint32{0, 0, 11, 0}, index)
	require.NoError(t, err)
	require.Equal(t, []inclusion{{Tx: 2, Code: 0}, {Tx: 0, Code: 11}}, got)

	got, err = matchTxs(nil, nil, index)
	require.NoError(t, err)
	require.Empty(t, got)

	_, err = matchTxs(blockTxs, []uint32{0}, index)
	require.ErrorContains(t, err, "4 transactions but 1 results")
}

func TestCountOutcomes(t *testing.T) {
	txs := []*txRecord{
		{State: accepted}, // 0: committed
		{State: accepted}, // 1: failed in block
		{State: accepted}, // 2: never included
		{State: rejected, Reason: reason("sdk", 32, "account sequence mismatch, expected 4, got 5")},
		{State: rejected, Reason: reason("sdk", 32, "account sequence mismatch, expected 9, got 10")},
		{State: rejected, Reason: reason("sdk", 13, "insufficient fee")},
		{State: notSent, Skipped: true},
		{State: notSent},
		{State: unanswered, Reason: "post failed: connection refused"}, // 8: but committed
	}
	blocks := []block{
		{Height: 1, Ours: []inclusion{{Tx: 0}, {Tx: 8}}},
		{Height: 2, Ours: []inclusion{{Tx: 1, Code: 5}}},
	}
	c := countOutcomes(txs, blocks, map[int]string{1: reason("sdk", 5, "insufficient funds")})
	require.Equal(t, counts{
		Presigned: 9, Submitted: 6, Accepted: 3, Rejected: 3, Unanswered: 1, NotSent: 2, Skipped: 1,
		CommittedOK: 2, FailedInBlock: 1, NotIncluded: 1,
		TopRejection:      "sdk code 32: account sequence mismatch, expected 4, got 5",
		TopRejectionCount: 2,
		TopFailure:        "sdk code 5: insufficient funds",
		TopFailureCount:   1,
		TopUnanswered:     "post failed: connection refused",
	}, c)
}
