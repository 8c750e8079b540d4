package simulation_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"

	"github.com/cosmos/cosmos-sdk/runtime"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	"github.com/cosmos/cosmos-sdk/types/kv"

	"github.com/trustcity/trustcity/testutil/keepertest"
	"github.com/trustcity/trustcity/x/identity/keeper"
	"github.com/trustcity/trustcity/x/identity/simulation"
	"github.com/trustcity/trustcity/x/identity/types"
)

func TestDecodeStore(t *testing.T) {
	cdc := testCodec()
	k := keeper.NewKeeper(cdc, runtime.NewKVStoreService(storetypes.NewKVStoreKey(types.StoreKey)),
		keepertest.AddressCodec(), keepertest.Authority())
	decode := simulation.NewDecodeStore(k.Schema)

	key, err := collections.EncodeKeyWithPrefix(types.DepartmentsKey, collections.StringKey, "city")
	require.NoError(t, err)
	a := types.Department{Id: "city", Name: "City", Depth: 1}
	b := a
	b.Name = "Town"
	out := decode(kv.Pair{Key: key, Value: cdc.MustMarshal(&a)}, kv.Pair{Key: key, Value: cdc.MustMarshal(&b)})
	require.Contains(t, out, "City")
	require.Contains(t, out, "Town")

	require.Panics(t, func() {
		decode(kv.Pair{Key: []byte{0xEE}}, kv.Pair{Key: []byte{0xEE}})
	})
}
