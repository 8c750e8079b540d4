package main

import (
	"crypto/sha256"
	"fmt"
	"math"
	"slices"
	"time"
)

// inclusion is one of the run's transactions found in a committed block.
type inclusion struct {
	Tx   int    // index into the run's transaction list
	Code uint32 // the block's execution result code; 0 is success
}

// block is what the tool keeps of one committed block.
type block struct {
	Height int64
	Time   time.Time // header time: CometBFT's BFT time, see package doc
	Total  int       // every transaction in the block, the run's or not
	Ours   []inclusion
}

// matchTxs finds the run's transactions among a block's raw transactions.
// codes are the block's execution result codes in the same order; index maps
// the SHA-256 hash of a transaction's bytes (its CometBFT hash) to its index
// in the run.
func matchTxs(txs [][]byte, codes []uint32, index map[[32]byte]int) ([]inclusion, error) {
	if len(txs) != len(codes) {
		return nil, fmt.Errorf("block has %d transactions but %d results", len(txs), len(codes))
	}
	var ours []inclusion
	for i, tx := range txs {
		if j, ok := index[sha256.Sum256(tx)]; ok {
			ours = append(ours, inclusion{Tx: j, Code: codes[i]})
		}
	}
	return ours, nil
}

// window is the measured part of a run: the blocks from the first to the
// last one holding a transaction of the run, less the warm-up blocks at the
// start and the cool-down blocks at the end.
type window struct {
	FirstHeight, LastHeight int64 // first and last block holding one of the run's transactions
	FromHeight, ToHeight    int64 // the measured blocks, both included
	Start, End              time.Time
	Blocks                  int // ToHeight - FromHeight + 1
	Committed               int // the run's code-0 transactions in the measured blocks
	AllTxs                  int // every transaction in the measured blocks
	// Latencies are the commit latencies of the run's code-0 transactions
	// in the measured blocks, sorted.
	Latencies []time.Duration
	// HeaderLatencies are the same transactions' header time minus submit
	// time (the including block's own header time), sorted.
	HeaderLatencies []time.Duration
}

// Seconds is the window's length.
func (w window) Seconds() float64 { return w.End.Sub(w.Start).Seconds() }

// TPS is the committed throughput: the run's code-0 transactions in the
// measured blocks per second of the window.
func (w window) TPS() float64 { return float64(w.Committed) / w.Seconds() }

// measure computes the window from blocks, which must be consecutive heights
// in order and must reach at least one block past the last measured one.
//
// Block h's header time T(h) is CometBFT's BFT time: the median of the
// precommit timestamps that committed block h-1. So the moment block h was
// committed is T(h+1), and the measured blocks a..b were committed during
// (T(a), T(b+1)]: that is the window. submitted returns a transaction's
// submit time.
func measure(blocks []block, warmup, cooldown int, submitted func(tx int) time.Time) (window, error) {
	if warmup < 0 || cooldown < 0 {
		return window{}, fmt.Errorf("warm-up (%d) and cool-down (%d) blocks must not be negative", warmup, cooldown)
	}
	for i := 1; i < len(blocks); i++ {
		if blocks[i].Height != blocks[i-1].Height+1 {
			return window{}, fmt.Errorf("blocks are not consecutive: %d follows %d", blocks[i].Height, blocks[i-1].Height)
		}
	}
	first, last := -1, -1
	for i, b := range blocks {
		if len(b.Ours) > 0 {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return window{}, fmt.Errorf("none of the run's transactions is in blocks %s", heightRange(blocks))
	}
	a, b := first+warmup, last-cooldown
	span := last - first + 1
	if a > b {
		return window{}, fmt.Errorf("the run's transactions span %d blocks (%d-%d); %d warm-up and %d cool-down blocks leave none to measure: run longer or drop fewer blocks",
			span, blocks[first].Height, blocks[last].Height, warmup, cooldown)
	}
	if b+1 >= len(blocks) {
		return window{}, fmt.Errorf("block %d, which dates the commit of measured block %d, was not read", blocks[b].Height+1, blocks[b].Height)
	}
	w := window{
		FirstHeight: blocks[first].Height,
		LastHeight:  blocks[last].Height,
		FromHeight:  blocks[a].Height,
		ToHeight:    blocks[b].Height,
		Start:       blocks[a].Time,
		End:         blocks[b+1].Time,
		Blocks:      b - a + 1,
	}
	if !w.End.After(w.Start) {
		return window{}, fmt.Errorf("block times do not advance over the window: %s at height %d, %s at height %d",
			w.Start.Format(time.RFC3339Nano), blocks[a].Height, w.End.Format(time.RFC3339Nano), blocks[b+1].Height)
	}
	for i := a; i <= b; i++ {
		w.AllTxs += blocks[i].Total
		for _, in := range blocks[i].Ours {
			if in.Code != 0 {
				continue
			}
			w.Committed++
			sub := submitted(in.Tx)
			if sub.IsZero() {
				continue // committed without an answered broadcast of this run: no submit time
			}
			w.Latencies = append(w.Latencies, blocks[i+1].Time.Sub(sub))
			w.HeaderLatencies = append(w.HeaderLatencies, blocks[i].Time.Sub(sub))
		}
	}
	slices.Sort(w.Latencies)
	slices.Sort(w.HeaderLatencies)
	return w, nil
}

// percentile returns the nearest-rank p-th percentile (0 < p <= 100) of
// sorted: the smallest value that at least p% of the values do not exceed.
// It returns 0 for an empty slice.
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	rank := int(math.Ceil(p / 100 * float64(len(sorted))))
	rank = max(1, min(rank, len(sorted)))
	return sorted[rank-1]
}

// heightRange formats the heights blocks cover.
func heightRange(blocks []block) string {
	if len(blocks) == 0 {
		return "(none read)"
	}
	return fmt.Sprintf("%d-%d", blocks[0].Height, blocks[len(blocks)-1].Height)
}
