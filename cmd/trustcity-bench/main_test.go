package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	dbm "github.com/cosmos/cosmos-db"
	"github.com/stretchr/testify/require"

	serverconfig "github.com/cosmos/cosmos-sdk/server/config"

	"github.com/trustcity/trustcity/testutil/scenario"
)

// TestRunWritesTableAndJSON runs the whole benchmark at a toy size. It checks
// what the run produces, never how fast it was.
func TestRunWritesTableAndJSON(t *testing.T) {
	dir := t.TempDir()
	o, err := parseOptions([]string{
		"-accounts", "12", "-block-size", "4", "-blocks", "5", "-warmup", "1",
		"-db", string(dbm.MemDBBackend), "-dir", filepath.Join(dir, "db"),
		"-json", filepath.Join(dir, "out", "results.json"),
		"-cpuprofile", filepath.Join(dir, "cpu.prof"), "-memprofile", filepath.Join(dir, "mem.prof"),
	}, os.Stderr)
	require.NoError(t, err)

	var stdout, progress bytes.Buffer
	require.NoError(t, run(o, &stdout, &progress), progress.String())

	table := stdout.String()
	require.Contains(t, table, "| scenario | tx/s | ratio to bank-send | digests/s | digests/s ÷ bank-send tx/s | gas/tx | bytes written/tx | blocks measured |")
	byDefault := 0
	for _, s := range scenario.All() {
		if s.OnRequest {
			require.NotContains(t, table, "| "+s.Name+" | ", "runs only when named")
			continue
		}
		byDefault++
		require.Contains(t, table, "| "+s.Name+" | ")
	}
	require.Contains(t, table, "- judicial-deposit-10k-stored: 10000 records stored beforehand in 1 blocks")
	require.Contains(t, table, "| "+blockSTMRowName+" | ")
	require.Contains(t, table, "| bank-send | ", "baseline row")
	require.Contains(t, table, "JSON: "+o.JSONPath)

	bz, err := os.ReadFile(o.JSONPath)
	require.NoError(t, err)
	var rep report
	require.NoError(t, json.Unmarshal(bz, &rep))
	require.Equal(t, 12, rep.Config.Accounts)
	require.Equal(t, 4, rep.Config.BlockSize)
	require.Equal(t, "memdb", rep.Config.DBBackend)
	require.NotEmpty(t, rep.Config.GoVersion)
	require.NotEmpty(t, rep.Config.Commit)
	require.Len(t, rep.Rows, byDefault+1)

	for _, r := range rep.Rows {
		require.Empty(t, r.Error, r.Scenario)
		require.Equal(t, 5, r.BlocksMeasured, r.Scenario)
		require.Len(t, r.Blocks, 5, r.Scenario)
		require.Positive(t, r.TxPerSec, r.Scenario)
		require.Positive(t, r.GasPerTx, r.Scenario)
		require.Positive(t, r.BytesWrittenPerTx, r.Scenario)
		for _, b := range r.Blocks {
			require.Equal(t, 4, b.Txs)
		}
		s, err := scenario.ByName(r.Scenario)
		if err != nil { // the Block-STM row
			s, err = scenario.ByName(scenario.BaselineName)
			require.NoError(t, err)
		}
		require.Equal(t, s.Digests(), r.DigestsPerTx, r.Scenario)
		require.InDelta(t, r.TxPerSec*float64(s.Digests()), r.DigestsPerSec, 1e-6, r.Scenario)
		require.InDelta(t, r.RatioToBaseline*float64(s.Digests()), r.DigestsRatioToBaseline, 1e-6, r.Scenario)
		if s.Prefill != nil {
			require.Equal(t, s.Prefill.Records, r.Prefill.Records, r.Scenario)
		} else {
			require.Nil(t, r.Prefill, r.Scenario)
		}
	}
	batch := rep.Rows[slices.IndexFunc(rep.Rows, func(r rowResult) bool { return r.Scenario == "judicial-batch-1024" })]
	require.Equal(t, 1024, batch.DigestsPerTx)
	baseline := rep.Rows[0]
	require.Equal(t, scenario.BaselineName, baseline.Scenario)
	require.Equal(t, 1.0, baseline.RatioToBaseline)

	stm := rep.Rows[len(rep.Rows)-1]
	require.Equal(t, serverconfig.BlockExecutorBlockSTM, stm.Executor)
	require.Equal(t, baseline.AppHash, stm.AppHash, "Block-STM ended in another state")
	require.Equal(t, baseline.GasPerTx, stm.GasPerTx)

	for _, p := range []string{"cpu.prof", "mem.prof"} {
		info, err := os.Stat(filepath.Join(dir, p))
		require.NoError(t, err)
		require.Positive(t, info.Size(), p)
	}
	// Databases under -dir are kept, one per row.
	entries, err := os.ReadDir(filepath.Join(dir, "db"))
	require.NoError(t, err)
	require.Len(t, entries, len(rep.Rows))
}

func TestOptionsAreValidated(t *testing.T) {
	for _, args := range [][]string{
		{"-blocks", "4"},
		{"-accounts", "1"},
		{"-block-size", "0"},
		{"-scenarios", "nope"},
		{"stray"},
	} {
		_, err := parseOptions(args, &bytes.Buffer{})
		require.Error(t, err, args)
	}
	o, err := parseOptions([]string{"-scenarios", "bank-multisend", "-block-stm=false"}, &bytes.Buffer{})
	require.NoError(t, err)
	rows := plan(o)
	require.Len(t, rows, 2)
	require.Equal(t, scenario.BaselineName, rows[0].Name, "the baseline always runs")
	require.Equal(t, "bank-multisend", rows[1].Name)

	// A row run on request only is left out by default and runs when named.
	o, err = parseOptions(nil, &bytes.Buffer{})
	require.NoError(t, err)
	for _, r := range plan(o) {
		require.NotEqual(t, "judicial-deposit-1m-stored", r.Name)
	}
	o, err = parseOptions([]string{"-scenarios", "judicial-deposit-1m-stored"}, &bytes.Buffer{})
	require.NoError(t, err)
	rows = plan(o)
	require.Equal(t, []string{scenario.BaselineName, "judicial-deposit-1m-stored", blockSTMRowName}, []string{rows[0].Name, rows[1].Name, rows[2].Name})
}

func TestMedian(t *testing.T) {
	require.Equal(t, 3.0, median([]float64{5, 1, 3}))
	require.Equal(t, 2.5, median([]float64{4, 1, 2, 3}))
	require.Zero(t, median(nil))
}

func TestCheckSameStateFlagsADivergentBlockSTMRow(t *testing.T) {
	rows := []rowResult{
		{Scenario: scenario.BaselineName, Executor: serverconfig.BlockExecutorSequential, AppHash: "aa"},
		{Scenario: blockSTMRowName, Executor: serverconfig.BlockExecutorBlockSTM, AppHash: "bb"},
	}
	checkSameState(rows)
	require.Empty(t, rows[0].Error)
	require.Contains(t, rows[1].Error, "differs from sequential execution")
}
