package simulation_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"

	"github.com/cosmos/cosmos-sdk/runtime"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/kv"

	"github.com/trustcity/trustcity/testutil/keepertest"
	"github.com/trustcity/trustcity/x/datashare/keeper"
	"github.com/trustcity/trustcity/x/datashare/simulation"
	"github.com/trustcity/trustcity/x/datashare/types"
)

// TestDecodeStore decodes a record, a pointer, a sequence, the params and
// an index entry by their collections, and refuses a key outside every
// collection. (TestFactoriesBuildMessagesThatSucceed decodes every entry of
// a simulated store, under every prefix.)
func TestDecodeStore(t *testing.T) {
	cdc := testCodec()
	k := keeper.NewKeeper(cdc, runtime.NewKVStoreService(storetypes.NewKVStoreKey(types.StoreKey)),
		keepertest.AddressCodec(), keepertest.Authority(), nil)
	decode := simulation.NewDecodeStore(k.Schema)

	key, err := collections.EncodeKeyWithPrefix(types.DatasetsKey, collections.StringKey, "air-quality")
	require.NoError(t, err)
	a := types.Dataset{Id: "air-quality", Owner: "water", Title: "first"}
	b := a
	b.Title = "second"
	out := decode(kv.Pair{Key: key, Value: cdc.MustMarshal(&a)}, kv.Pair{Key: key, Value: cdc.MustMarshal(&b)})
	require.Contains(t, out, "first")
	require.Contains(t, out, "second")

	pointer, err := collections.EncodeKeyWithPrefix(types.LatestGrantKey,
		collections.PairKeyCodec(collections.StringKey, collections.StringKey), collections.Join("air-quality", "planning"))
	require.NoError(t, err)
	four, err := collections.Uint64Value.Encode(4)
	require.NoError(t, err)
	five, err := collections.Uint64Value.Encode(5)
	require.NoError(t, err)
	out = decode(kv.Pair{Key: pointer, Value: four}, kv.Pair{Key: pointer, Value: five})
	require.Contains(t, out, "4")
	require.Contains(t, out, "5")

	out = decode(kv.Pair{Key: types.RequestSeqKey, Value: four}, kv.Pair{Key: types.RequestSeqKey, Value: five})
	require.Contains(t, out, "4")
	require.Contains(t, out, "5")

	p := types.DefaultParams()
	q := p
	q.MaxRulesPerDataset = 99
	out = decode(kv.Pair{Key: types.ParamsKey, Value: cdc.MustMarshal(&p)}, kv.Pair{Key: types.ParamsKey, Value: cdc.MustMarshal(&q)})
	require.Contains(t, out, "99")

	expiry, err := collections.EncodeKeyWithPrefix(types.ExpiryQueueKey,
		collections.TripleKeyCodec(sdk.TimeKey, collections.Uint32Key, collections.Uint64Key),
		collections.Join3(time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC), types.ExpiryGrant, uint64(7)))
	require.NoError(t, err)
	require.NotEmpty(t, decode(kv.Pair{Key: expiry, Value: []byte{}}, kv.Pair{Key: expiry, Value: []byte{}}))

	require.Panics(t, func() {
		decode(kv.Pair{Key: []byte{0xEE}}, kv.Pair{Key: []byte{0xEE}})
	})
}
