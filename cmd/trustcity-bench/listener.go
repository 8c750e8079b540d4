package main

import (
	"context"
	"fmt"

	abci "github.com/cometbft/cometbft/abci/types"

	"github.com/cosmos/cosmos-sdk/baseapp"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
)

// writeMeter measures the bytes a block writes to state: the SDK streams
// every committed block's change set (each key written in the block, once,
// with its final value, or deleted) to ABCI listeners, and the meter sums
// the lengths of those keys and values. That is the logical size of what the
// block persists, what a state-sync peer or an indexer receives. A key that
// several transactions of a block write (the fee collector's balance, an
// account that both sends and receives) counts once, and the IAVL nodes and
// database overhead the backend writes for the change are not counted.
type writeMeter struct {
	bytes   int64
	entries int
}

var _ storetypes.ABCIListener = (*writeMeter)(nil)

// listenToWrites registers a meter on every KV store of bApp. Object stores
// (bank's per-block store) are not persisted, so they are left out.
func listenToWrites(bApp *baseapp.BaseApp) (*writeMeter, error) {
	cms := bApp.CommitMultiStore()
	byName, ok := cms.(interface {
		StoreKeysByName() map[string]storetypes.StoreKey
	})
	if !ok {
		return nil, fmt.Errorf("cannot list the stores of a %T to listen to them", cms)
	}
	var keys []storetypes.StoreKey
	for _, k := range byName.StoreKeysByName() {
		if _, kv := k.(*storetypes.KVStoreKey); kv {
			keys = append(keys, k)
		}
	}
	cms.AddListeners(keys)
	m := &writeMeter{}
	bApp.SetStreamingManager(storetypes.StreamingManager{ABCIListeners: []storetypes.ABCIListener{m}})
	return m, nil
}

// ListenFinalizeBlock implements storetypes.ABCIListener; the change set
// arrives with the commit.
func (m *writeMeter) ListenFinalizeBlock(context.Context, abci.RequestFinalizeBlock, abci.ResponseFinalizeBlock) error {
	return nil
}

// ListenCommit adds the block's change set to the meter.
func (m *writeMeter) ListenCommit(_ context.Context, _ abci.ResponseCommit, changeSet []*storetypes.StoreKVPair) error {
	for _, kv := range changeSet {
		m.bytes += int64(len(kv.Key) + len(kv.Value))
		m.entries++
	}
	return nil
}

// take returns the bytes and entries counted since the last call.
func (m *writeMeter) take() (bytes int64, entries int) {
	bytes, entries = m.bytes, m.entries
	m.bytes, m.entries = 0, 0
	return bytes, entries
}
