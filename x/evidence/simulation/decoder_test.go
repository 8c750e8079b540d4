package simulation_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"

	"github.com/cosmos/cosmos-sdk/runtime"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	"github.com/cosmos/cosmos-sdk/types/kv"

	"github.com/trustcity/trustcity/testutil/keepertest"
	"github.com/trustcity/trustcity/x/evidence/keeper"
	"github.com/trustcity/trustcity/x/evidence/simulation"
	"github.com/trustcity/trustcity/x/evidence/types"
)

func TestDecodeStore(t *testing.T) {
	cdc := testCodec()
	k := keeper.NewKeeper(cdc, runtime.NewKVStoreService(storetypes.NewKVStoreKey(types.StoreKey)),
		keepertest.AddressCodec(), keepertest.Authority(), nil, nil)
	decode := simulation.NewDecodeStore(k.Schema)

	key, err := collections.EncodeKeyWithPrefix(types.EvidenceKey, collections.Uint64Key, uint64(7))
	require.NoError(t, err)
	a := types.Evidence{Id: 7, DepartmentId: "notary", Metadata: "first"}
	b := a
	b.Metadata = "second"
	out := decode(kv.Pair{Key: key, Value: cdc.MustMarshal(&a)}, kv.Pair{Key: key, Value: cdc.MustMarshal(&b)})
	require.Contains(t, out, "first")
	require.Contains(t, out, "second")

	digestKey, err := collections.EncodeKeyWithPrefix(types.EvidenceByDigestKey, collections.BytesKey, []byte{1, 2, 3})
	require.NoError(t, err)
	four, err := collections.Uint64Value.Encode(4)
	require.NoError(t, err)
	five, err := collections.Uint64Value.Encode(5)
	require.NoError(t, err)
	out = decode(kv.Pair{Key: digestKey, Value: four}, kv.Pair{Key: digestKey, Value: five})
	require.Contains(t, out, "4")
	require.Contains(t, out, "5")

	require.Panics(t, func() {
		decode(kv.Pair{Key: []byte{0xEE}}, kv.Pair{Key: []byte{0xEE}})
	})
}
