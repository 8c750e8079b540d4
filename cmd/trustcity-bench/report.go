package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/trustcity/trustcity/testutil/scenario"
)

// bytesWrittenMethod says in the JSON how bytes written are counted.
const bytesWrittenMethod = "sum of key and value lengths in each committed block's change set " +
	"(ABCI listener on every KV store), divided by the block's transactions: the logical state change, " +
	"a key written by several transactions of a block counted once, IAVL nodes and database overhead not counted"

// report is the JSON document a run writes.
type report struct {
	Config             runConfig   `json:"config"`
	BytesWrittenMethod string      `json:"bytes_written_method"`
	Rows               []rowResult `json:"rows"`
}

// rowResult is one scenario's figures.
type rowResult struct {
	Scenario string `json:"scenario"`
	Executor string `json:"executor"`
	// TxPerSec is the median over measured blocks of txs / block time.
	TxPerSec float64 `json:"tx_per_sec"`
	// RatioToBaseline is TxPerSec / the bank-send row's TxPerSec.
	RatioToBaseline float64 `json:"ratio_to_baseline"`
	// DigestsPerTx is how many evidence digests one transaction fixes
	// (1 for rows that do not say).
	DigestsPerTx int `json:"digests_per_tx"`
	// DigestsPerSec is TxPerSec × DigestsPerTx.
	DigestsPerSec float64 `json:"digests_per_sec"`
	// DigestsRatioToBaseline is DigestsPerSec / the bank-send row's TxPerSec.
	DigestsRatioToBaseline float64 `json:"digests_ratio_to_baseline"`
	// Prefill is the history stored before the row ran, if it declares one.
	Prefill           *prefillResult `json:"prefill,omitempty"`
	GasPerTx          float64        `json:"gas_per_tx"`
	BytesWrittenPerTx float64        `json:"bytes_written_per_tx"`
	BlocksMeasured    int            `json:"blocks_measured"`
	AppHash           string         `json:"app_hash,omitempty"`
	Blocks            []blockResult  `json:"blocks"`
	Error             string         `json:"error,omitempty"`
}

// summarize computes a row's figures from its measured blocks; digests is
// how many evidence digests one of its transactions fixes.
func summarize(name, executor string, digests int, blocks []blockResult) rowResult {
	r := rowResult{Scenario: name, Executor: executor, Blocks: blocks, BlocksMeasured: len(blocks), DigestsPerTx: digests}
	var txs, gas, written int64
	rates := make([]float64, len(blocks))
	for i, b := range blocks {
		txs += int64(b.Txs)
		gas += b.GasUsed
		written += b.BytesWritten
		rates[i] = b.TxPerSec
	}
	r.TxPerSec = median(rates)
	r.DigestsPerSec = r.TxPerSec * float64(digests)
	if txs > 0 {
		r.GasPerTx = float64(gas) / float64(txs)
		r.BytesWrittenPerTx = float64(written) / float64(txs)
	}
	return r
}

// setRatios divides every row's throughput, in transactions and in
// digests, by the baseline row's transactions per second.
func setRatios(rows []rowResult) {
	i := slices.IndexFunc(rows, func(r rowResult) bool { return r.Scenario == scenario.BaselineName })
	if i < 0 || rows[i].TxPerSec == 0 {
		return
	}
	for j := range rows {
		rows[j].RatioToBaseline = rows[j].TxPerSec / rows[i].TxPerSec
		rows[j].DigestsRatioToBaseline = rows[j].DigestsPerSec / rows[i].TxPerSec
	}
}

// median returns the middle value (the mean of the two middle values for an
// even count).
func median(values []float64) float64 {
	if len(values) == 0 {
		return 0
	}
	s := slices.Clone(values)
	slices.Sort(s)
	if n := len(s); n%2 == 1 {
		return s[n/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// writeTable prints the report as markdown.
func writeTable(w io.Writer, rep report) {
	c := rep.Config
	fmt.Fprintf(w, "%d accounts, %d tx/block, %d measured blocks after %d warm-up, %s, %s, GOMAXPROCS %d, commit %s\n\n",
		c.Accounts, c.BlockSize, c.Blocks, c.Warmup, c.DBBackend, c.GoVersion, c.GOMAXPROCS, c.Commit)
	fmt.Fprintf(w, "| scenario | tx/s | ratio to %[1]s | digests/s | digests/s ÷ %[1]s tx/s | gas/tx | bytes written/tx | blocks measured |\n", scenario.BaselineName)
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|---:|")
	var failures []string
	for _, r := range rep.Rows {
		if r.Error != "" {
			fmt.Fprintf(w, "| %s | failed | – | – | – | – | – | %d |\n", r.Scenario, r.BlocksMeasured)
			failures = append(failures, fmt.Sprintf("%s: %s", r.Scenario, r.Error))
			continue
		}
		fmt.Fprintf(w, "| %s | %.0f | %.2f | %.0f | %.2f | %.0f | %.0f | %d |\n",
			r.Scenario, r.TxPerSec, r.RatioToBaseline, r.DigestsPerSec, r.DigestsRatioToBaseline, r.GasPerTx, r.BytesWrittenPerTx, r.BlocksMeasured)
	}
	var stored []string
	for _, r := range rep.Rows {
		if r.Prefill != nil {
			stored = append(stored, fmt.Sprintf("%s: %d records stored beforehand in %d blocks, %.1fs", r.Scenario, r.Prefill.Records, r.Prefill.Blocks, r.Prefill.Seconds))
		}
	}
	if len(stored) > 0 {
		fmt.Fprintf(w, "\nHistory:\n- %s\n", strings.Join(stored, "\n- "))
	}
	if len(failures) > 0 {
		fmt.Fprintf(w, "\nFailed:\n- %s\n", strings.Join(failures, "\n- "))
	}
}

// writeJSON writes the report to path, creating its directory.
func writeJSON(path string, rep report) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	bz, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(bz, '\n'), 0o644)
}
