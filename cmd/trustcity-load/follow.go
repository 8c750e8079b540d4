package main

import (
	"context"
	"time"
)

// follower reads committed blocks in height order and records where the
// transactions of its index land.
type follower struct {
	node     *node
	index    map[[32]byte]int // transaction hash -> index in the run
	next     int64            // next height to read
	blocks   []block
	found    map[int]bool   // transaction index -> seen in a block
	failures map[int]string // transaction index -> block result reason, for non-zero codes
}

func newFollower(n *node, index map[[32]byte]int, from int64) *follower {
	return &follower{node: n, index: index, next: from, found: map[int]bool{}, failures: map[int]string{}}
}

// readTo reads every block up to and including h.
func (f *follower) readTo(ctx context.Context, h int64) error {
	for ; f.next <= h; f.next++ {
		b, err := f.node.readBlock(ctx, f.next, f.index, f.failures)
		if err != nil {
			return err
		}
		for _, in := range b.Ours {
			f.found[in.Tx] = true
		}
		f.blocks = append(f.blocks, b)
	}
	return nil
}

// follow reads blocks as the chain commits them until done reports true,
// idle reported true before the latest block was read, or block maxHeight
// has been read; then it reads one block more, so that the last block
// holding a transaction has a successor whose header time dates its commit.
// idle (may be nil) says that nothing more can be included (an empty
// mempool): CometBFT stores a block before it removes the block's
// transactions from the mempool, so every block that emptied it is at or
// below the height read after it. Waiting for any one block is bounded by
// blockTimeout. follow reports whether done or idle became true.
func (f *follower) follow(ctx context.Context, done, idle func() bool, maxHeight int64, blockTimeout time.Duration) (bool, error) {
	ok := false
	for {
		quiet := idle != nil && idle()
		h, err := f.node.height(ctx)
		if err != nil {
			return false, err
		}
		if err := f.readTo(ctx, min(h, maxHeight)); err != nil {
			return false, err
		}
		if ok = quiet || done(); ok || f.next > maxHeight {
			break
		}
		if _, err := f.node.waitHeight(ctx, f.next, blockTimeout); err != nil {
			return false, err
		}
	}
	if _, err := f.node.waitHeight(ctx, f.next, blockTimeout); err != nil {
		return ok, err
	}
	return ok, f.readTo(ctx, f.next)
}
