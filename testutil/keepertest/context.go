package keepertest

import (
	"testing"
	"time"

	"cosmossdk.io/core/header"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	"github.com/cosmos/cosmos-sdk/testutil"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// ChainID is the chain id of every context Context returns.
const ChainID = "trustcity-keepertest-1"

// BlockTime is the block time of every context Context returns. It is fixed,
// not the wall clock (which the SDK's DefaultContextWithDB uses), so expiry
// logic behaves the same in every run; tests move it with ctx.WithBlockTime
// and ctx.WithHeaderInfo.
var BlockTime = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// Context returns a context at height 1 and BlockTime over a fresh in-memory
// multistore in which each key is mounted: KV store keys as IAVL stores (as in
// the app), transient and memory store keys as such. Its MultiStore is the
// storetypes.CommitMultiStore itself, for tests that commit.
func Context(tb testing.TB, keys ...storetypes.StoreKey) sdk.Context {
	tb.Helper()
	kv := map[string]*storetypes.KVStoreKey{}
	transient := map[string]*storetypes.TransientStoreKey{}
	memory := map[string]*storetypes.MemoryStoreKey{}
	for _, k := range keys {
		switch k := k.(type) {
		case *storetypes.KVStoreKey:
			kv[k.Name()] = k
		case *storetypes.TransientStoreKey:
			transient[k.Name()] = k
		case *storetypes.MemoryStoreKey:
			memory[k.Name()] = k
		default:
			tb.Fatalf("keepertest: store key %s of type %T cannot be mounted", k.Name(), k)
		}
	}
	ctx := testutil.DefaultContextWithKeys(kv, transient, memory)
	return ctx.WithChainID(ChainID).WithBlockHeight(1).WithBlockTime(BlockTime).
		WithHeaderInfo(header.Info{ChainID: ChainID, Height: 1, Time: BlockTime})
}
