// Command trustcity-bench measures how fast the TrustCity application executes
// blocks, without consensus or networking: for each workload of
// testutil/scenario it starts a fresh chain on the node's database backend,
// pre-signs every transaction, executes warm-up blocks and then times
// FinalizeBlock + Commit of the measured blocks. It prints a markdown table
// (tx/s as the median over blocks, its ratio to bank-send, digests/s for
// rows whose transactions fix many evidence digests, gas and bytes written
// per transaction) and writes the same figures as JSON.
//
//	go run ./cmd/trustcity-bench -accounts 2000 -block-size 500
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	o, err := parseOptions(os.Args[1:], os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "trustcity-bench:", err)
		os.Exit(2)
	}
	if err := run(o, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "trustcity-bench:", err)
		os.Exit(1)
	}
}

// run executes every row of the plan and reports. It returns an error when a
// row failed, after reporting the others.
func run(o options, stdout, progress io.Writer) error {
	stopProfile, err := startCPUProfile(o.CPUProfile)
	if err != nil {
		return err
	}
	rep := report{Config: newRunConfig(o), BytesWrittenMethod: bytesWrittenMethod}
	for _, r := range plan(o) {
		fmt.Fprintf(progress, "%s: %d blocks of %d transactions over %d accounts…\n",
			r.Name, o.Warmup+o.Blocks, o.BlockSize, o.Accounts)
		blocks, appHash, stored, err := runRow(o, r, progress)
		res := summarize(r.Name, r.Executor, r.Scenario.Digests(), blocks)
		res.AppHash = appHash
		if stored.Records > 0 {
			res.Prefill = &stored
		}
		if err != nil {
			res.Error = err.Error()
			fmt.Fprintf(progress, "%s: %v\n", r.Name, err)
		}
		rep.Rows = append(rep.Rows, res)
	}
	if err := stopProfile(); err != nil {
		return err
	}
	checkSameState(rep.Rows)
	setRatios(rep.Rows)

	writeTable(stdout, rep)
	if err := writeJSON(o.JSONPath, rep); err != nil {
		return fmt.Errorf("writing %s: %w", o.JSONPath, err)
	}
	fmt.Fprintf(stdout, "\nJSON: %s\n", o.JSONPath)
	if err := writeHeapProfile(o.MemProfile); err != nil {
		return err
	}

	failed := 0
	for _, r := range rep.Rows {
		if r.Error != "" {
			failed++
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d scenarios failed", failed, len(rep.Rows))
	}
	return nil
}
