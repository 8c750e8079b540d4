package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// result is everything a run reports; -json writes it as is.
type result struct {
	ChainID    string  `json:"chain_id"`
	Node       string  `json:"node"`
	Scenario   string  `json:"scenario"`
	Accounts   int     `json:"accounts"`
	Senders    int     `json:"senders"`
	TargetRate float64 `json:"target_rate"` // transactions per second; 0 = as fast as the mempool accepts
	Duration   float64 `json:"duration_seconds"`

	// OfferedRate is the submitted transactions per second between the
	// first and the last submission.
	OfferedRate        float64 `json:"offered_rate"`
	MempoolFullRetries int64   `json:"mempool_full_retries"`
	Resent             int64   `json:"resent_after_silent_drop"`
	Counts             counts  `json:"counts"`

	FirstHeight    int64 `json:"first_height"` // first block holding a transaction of the run
	LastHeight     int64 `json:"last_height"`  // last block holding a transaction of the run
	WarmupBlocks   int   `json:"warmup_blocks"`
	CooldownBlocks int   `json:"cooldown_blocks"`
	FromHeight     int64 `json:"measured_from_height"`
	ToHeight       int64 `json:"measured_to_height"`
	BlocksMeasured int   `json:"blocks_measured"`

	WindowSeconds     float64 `json:"window_seconds"`
	CommittedInWindow int     `json:"committed_in_window"`
	TPS               float64 `json:"committed_tps"`
	MeanTxsPerBlock   float64 `json:"mean_txs_per_block"`     // the run's code-0 transactions per measured block
	MeanAllPerBlock   float64 `json:"mean_all_txs_per_block"` // every transaction per measured block

	LatencyP50Ms       float64 `json:"commit_latency_p50_ms"`
	LatencyP99Ms       float64 `json:"commit_latency_p99_ms"`
	HeaderLatencyP50Ms float64 `json:"header_latency_p50_ms"`
	HeaderLatencyP99Ms float64 `json:"header_latency_p99_ms"`
}

// fill sets the window's figures.
func (r *result) fill(w window) {
	r.FirstHeight, r.LastHeight = w.FirstHeight, w.LastHeight
	r.FromHeight, r.ToHeight, r.BlocksMeasured = w.FromHeight, w.ToHeight, w.Blocks
	r.WindowSeconds = w.Seconds()
	r.CommittedInWindow = w.Committed
	r.TPS = w.TPS()
	r.MeanTxsPerBlock = float64(w.Committed) / float64(w.Blocks)
	r.MeanAllPerBlock = float64(w.AllTxs) / float64(w.Blocks)
	r.LatencyP50Ms = ms(percentile(w.Latencies, 50))
	r.LatencyP99Ms = ms(percentile(w.Latencies, 99))
	r.HeaderLatencyP50Ms = ms(percentile(w.HeaderLatencies, 50))
	r.HeaderLatencyP99Ms = ms(percentile(w.HeaderLatencies, 99))
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// markdown writes the report as a two-column markdown table.
func (r result) markdown(w io.Writer) error {
	rate := "as fast as the mempool accepts"
	if r.TargetRate > 0 {
		rate = fmt.Sprintf("%g tx/s", r.TargetRate)
	}
	c := r.Counts
	rows := [][2]string{
		{"chain", fmt.Sprintf("%s at %s", r.ChainID, r.Node)},
		{"scenario", fmt.Sprintf("%s, %d accounts, %d senders", r.Scenario, r.Accounts, r.Senders)},
		{"target rate", fmt.Sprintf("%s for %gs", rate, r.Duration)},
		{"offered rate", fmt.Sprintf("%.1f tx/s (%d mempool-full retries, %d re-sent after a silent drop)", r.OfferedRate, r.MempoolFullRetries, r.Resent)},
		{"**committed TPS**", fmt.Sprintf("**%.1f** (%d txs in %.2fs)", r.TPS, r.CommittedInWindow, r.WindowSeconds)},
		{"commit latency p50 / p99", fmt.Sprintf("%s / %s", fmtMs(r.LatencyP50Ms), fmtMs(r.LatencyP99Ms))},
		{"header-time latency p50 / p99", fmt.Sprintf("%s / %s", fmtMs(r.HeaderLatencyP50Ms), fmtMs(r.HeaderLatencyP99Ms))},
		{"blocks measured", fmt.Sprintf("%d (heights %d-%d; txs in %d-%d, %d warm-up and %d cool-down dropped)",
			r.BlocksMeasured, r.FromHeight, r.ToHeight, r.FirstHeight, r.LastHeight, r.WarmupBlocks, r.CooldownBlocks)},
		{"mean txs per block", fmt.Sprintf("%.1f committed of ours (%.1f in all)", r.MeanTxsPerBlock, r.MeanAllPerBlock)},
		{"pre-signed / submitted", fmt.Sprintf("%d / %d", c.Presigned, c.Submitted)},
		{"rejected at CheckTx", countWithReason(c.Rejected, c.TopRejection, c.TopRejectionCount)},
		{"failed in block", countWithReason(c.FailedInBlock, c.TopFailure, c.TopFailureCount)},
		{"committed (code 0), all blocks", fmt.Sprint(c.CommittedOK)},
		{"not included by the end", fmt.Sprint(c.NotIncluded)},
	}
	if c.Unanswered > 0 {
		rows = append(rows, [2]string{"no CheckTx answer", countWithReason(c.Unanswered, c.TopUnanswered, 0)})
	}
	if c.NotSent > 0 {
		rows = append(rows, [2]string{"not sent", fmt.Sprintf("%d (%d after their account's rejection)", c.NotSent, c.Skipped)})
	}
	var b strings.Builder
	b.WriteString("| metric | value |\n|---|---|\n")
	for _, row := range rows {
		fmt.Fprintf(&b, "| %s | %s |\n", row[0], strings.ReplaceAll(row[1], "|", `\|`))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func fmtMs(v float64) string {
	return (time.Duration(v * float64(time.Millisecond))).Round(time.Millisecond).String()
}

func countWithReason(n int, reason string, top int) string {
	switch {
	case n == 0 || reason == "":
		return fmt.Sprint(n)
	case top > 0:
		return fmt.Sprintf("%d (most common, %d×: %s)", n, top, oneLine(reason))
	default:
		return fmt.Sprintf("%d (e.g. %s)", n, oneLine(reason))
	}
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// writeJSON writes r to path.
func (r result) writeJSON(path string) error {
	bz, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, append(bz, '\n'), 0o644); err != nil {
		return fmt.Errorf("writing -json %s: %w", path, err)
	}
	return nil
}
