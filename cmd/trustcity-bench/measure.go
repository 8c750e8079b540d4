package main

import (
	"context"
	"encoding/hex"
	"fmt"
	"io"
	"runtime"
	"runtime/pprof"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"

	"github.com/trustcity/trustcity/testutil/apptest"
)

// blockResult is what one measured block did and took.
type blockResult struct {
	Height       int64   `json:"height"`
	Txs          int     `json:"txs"`
	Seconds      float64 `json:"seconds"`
	TxPerSec     float64 `json:"tx_per_sec"`
	GasUsed      int64   `json:"gas_used"`
	BytesWritten int64   `json:"bytes_written"`
	KeysWritten  int     `json:"keys_written"`
}

// runRow runs r on a fresh chain and returns its measured blocks, the app
// hash after the last block and what storing the row's history took. Setup
// (genesis, the row's genesis state and history, signing) and warm-up
// blocks are not measured. A panic in the application (Block-STM included)
// is returned as an error so the report says what failed.
func runRow(o options, r row, progress io.Writer) (blocks []blockResult, appHash string, stored prefillResult, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	dir, cleanup, err := rowDir(o, r)
	if err != nil {
		return nil, "", stored, err
	}
	defer cleanup()

	var (
		f      *apptest.App
		meter  *writeMeter
		signed [][][]byte
	)
	err = inPhase(r, "setup", func() error {
		if f, err = startChain(o, r, dir); err != nil {
			return err
		}
		env := newEnv(f)
		if err := addGenesis(f, r.Scenario, env); err != nil {
			return err
		}
		if stored, err = prefill(f, r.Scenario, env); err != nil {
			return err
		}
		if stored.Records > 0 {
			fmt.Fprintf(progress, "%s: stored %d records in %d blocks in %.1fs\n", r.Name, stored.Records, stored.Blocks, stored.Seconds)
		}
		if meter, err = listenToWrites(f.BaseApp); err != nil {
			return err
		}
		signed, err = signBlocks(f, r.Scenario, env, o.Warmup+o.Blocks, o.BlockSize)
		return err
	})
	if f != nil {
		defer f.Close()
	}
	if err != nil {
		return nil, "", stored, err
	}

	var last *abci.ResponseFinalizeBlock
	for i, txs := range signed {
		measured := i >= o.Warmup
		if i == o.Warmup {
			// Start the measured blocks on a collected heap, not with the
			// garbage of signing and warm-up.
			runtime.GC()
		}
		phase := "warmup"
		if measured {
			phase = "measured"
		}
		var (
			res     *abci.ResponseFinalizeBlock
			elapsed time.Duration
		)
		err := inPhase(r, phase, func() error {
			start := time.Now()
			var err error
			res, err = f.DeliverBlock(txs...)
			elapsed = time.Since(start)
			return err
		})
		if err != nil {
			return nil, "", stored, err
		}
		height := f.LastBlockHeight()
		gas, err := checkAllSucceeded(height, res)
		if err != nil {
			return nil, "", stored, err
		}
		written, keys := meter.take()
		if measured {
			blocks = append(blocks, blockResult{
				Height: height, Txs: len(txs), Seconds: elapsed.Seconds(),
				TxPerSec: float64(len(txs)) / elapsed.Seconds(),
				GasUsed:  gas, BytesWritten: written, KeysWritten: keys,
			})
		}
		last = res
	}
	return blocks, hex.EncodeToString(last.AppHash), stored, nil
}

// checkAllSucceeded returns the gas the block's transactions used, or an
// error naming the first that failed: a workload that fails measures error
// handling, not the workload.
func checkAllSucceeded(height int64, res *abci.ResponseFinalizeBlock) (gas int64, err error) {
	for i, tx := range res.TxResults {
		if tx.Code != 0 {
			return 0, fmt.Errorf("block %d, transaction %d failed (codespace %s, code %d): %s",
				height, i, tx.Codespace, tx.Code, tx.Log)
		}
		gas += tx.GasUsed
	}
	return gas, nil
}

// inPhase runs fn with pprof labels naming the row and phase, so a CPU
// profile of a whole run can be narrowed to one (go tool pprof
// -tagfocus=phase=measured). Goroutines fn starts, such as Block-STM's
// workers, inherit the labels.
func inPhase(r row, phase string, fn func() error) error {
	var err error
	pprof.Do(context.Background(), pprof.Labels("scenario", r.Name, "phase", phase), func(context.Context) {
		err = fn()
	})
	return err
}
