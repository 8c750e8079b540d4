package simulation_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/types/kv"

	"github.com/trustcity/trustcity/x/funds/simulation"
	"github.com/trustcity/trustcity/x/funds/types"
)

// TestDecodeStore decodes a record, an index entry, a sequence and the
// params by their collections, and refuses a key outside every collection.
// (TestFactoriesBuildMessagesThatSucceed decodes every entry of a simulated
// store, under every prefix.)
func TestDecodeStore(t *testing.T) {
	c := newSimChain(t, 41)
	cdc := testCodec()
	decode := simulation.NewDecodeStore(c.k.Schema)

	key, err := collections.EncodeKeyWithPrefix(types.ProgramsKey, collections.Uint64Key, uint64(3))
	require.NoError(t, err)
	a := types.Program{Id: 3, Name: "Housing aid first", Denom: simDenom, BudgetCap: math.NewInt(100), ApprovalThreshold: math.ZeroInt(),
		Funded: math.ZeroInt(), Disbursed: math.ZeroInt(), Expended: math.ZeroInt(), Refunded: math.ZeroInt(), Reserved: math.ZeroInt()}
	b := a
	b.Name = "Housing aid second"
	out := decode(kv.Pair{Key: key, Value: cdc.MustMarshal(&a)}, kv.Pair{Key: key, Value: cdc.MustMarshal(&b)})
	require.Contains(t, out, "first")
	require.Contains(t, out, "second")

	child, err := collections.EncodeKeyWithPrefix(types.ChildrenKey,
		collections.PairKeyCodec(collections.Uint64Key, collections.StringKey), collections.Join(uint64(1), "county"))
	require.NoError(t, err)
	four, err := collections.Uint64Value.Encode(4)
	require.NoError(t, err)
	five, err := collections.Uint64Value.Encode(5)
	require.NoError(t, err)
	out = decode(kv.Pair{Key: child, Value: four}, kv.Pair{Key: child, Value: five})
	require.Contains(t, out, "4")
	require.Contains(t, out, "5")

	out = decode(kv.Pair{Key: types.LedgerSeqKey, Value: four}, kv.Pair{Key: types.LedgerSeqKey, Value: five})
	require.Contains(t, out, "4")
	require.Contains(t, out, "5")

	p := types.DefaultParams()
	q := p
	q.MaxOpenItems = 99
	out = decode(kv.Pair{Key: types.ParamsKey, Value: cdc.MustMarshal(&p)}, kv.Pair{Key: types.ParamsKey, Value: cdc.MustMarshal(&q)})
	require.Contains(t, out, "99")

	pending, err := collections.EncodeKeyWithPrefix(types.PendingKey,
		collections.PairKeyCodec(collections.Uint64Key, collections.Uint64Key), collections.Join(uint64(1), uint64(7)))
	require.NoError(t, err)
	require.NotEmpty(t, decode(kv.Pair{Key: pending, Value: []byte{}}, kv.Pair{Key: pending, Value: []byte{}}))

	require.Panics(t, func() {
		decode(kv.Pair{Key: []byte{0xEE}}, kv.Pair{Key: []byte{0xEE}})
	})
}
