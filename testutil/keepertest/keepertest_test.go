package keepertest_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/runtime"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	authkeeper "github.com/cosmos/cosmos-sdk/x/auth/keeper"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"

	"github.com/trustcity/trustcity/app"
	"github.com/trustcity/trustcity/testutil/keepertest"
)

func TestContextMountsStoresAndCommits(t *testing.T) {
	kvKey := storetypes.NewKVStoreKey("kv")
	tKey := storetypes.NewTransientStoreKey("transient")
	ctx := keepertest.Context(t, kvKey, tKey)
	require.Equal(t, int64(1), ctx.BlockHeight())
	require.Equal(t, keepertest.BlockTime, ctx.BlockTime())
	require.Equal(t, keepertest.BlockTime, ctx.HeaderInfo().Time)

	ctx.KVStore(kvKey).Set([]byte("k"), []byte("v"))
	ctx.TransientStore(tKey).Set([]byte("t"), []byte("v"))
	require.Equal(t, []byte("v"), ctx.KVStore(kvKey).Get([]byte("k")))

	cms, ok := ctx.MultiStore().(storetypes.CommitMultiStore)
	require.True(t, ok)
	id := cms.Commit()
	require.Equal(t, int64(1), id.Version)
	require.NotEmpty(t, id.Hash)
	require.Equal(t, []byte("v"), ctx.KVStore(kvKey).Get([]byte("k")), "committed")
	require.Nil(t, ctx.TransientStore(tKey).Get([]byte("t")), "transient stores are reset by a commit")
}

// TestAccountKeeperOverContext builds a real keeper the way a module test
// would: the TrustCity address codec, the gov authority, a store from Context.
func TestAccountKeeperOverContext(t *testing.T) {
	key := storetypes.NewKVStoreKey(authtypes.StoreKey)
	ctx := keepertest.Context(t, key)
	enc := app.MakeEncodingConfig()
	authtypes.RegisterInterfaces(enc.InterfaceRegistry)
	k := authkeeper.NewAccountKeeper(enc.Codec, runtime.NewKVStoreService(key), authtypes.ProtoBaseAccount,
		nil, keepertest.AddressCodec(), app.Bech32Prefix, keepertest.Authority())

	accs := keepertest.Accounts(2)
	k.SetAccount(ctx, authtypes.NewBaseAccount(accs[1].Address, accs[1].Key.PubKey(), accs[1].Number, 0))
	got := k.GetAccount(ctx, accs[1].Address)
	require.NotNil(t, got)
	require.Equal(t, uint64(1), got.GetAccountNumber())
	require.Equal(t, accs[1].Key.PubKey(), got.GetPubKey())
	require.Nil(t, k.GetAccount(ctx, accs[0].Address))
}

func TestKeysAreDeterministicAndDistinct(t *testing.T) {
	require.Equal(t, keepertest.AccAddrs(3), keepertest.AccAddrs(3))
	require.Equal(t, keepertest.ValAddrs(2), keepertest.ValAddrs(2))
	require.Equal(t, keepertest.Ed25519Keys(2), keepertest.Ed25519Keys(2))

	seen := map[string]bool{}
	for _, a := range keepertest.AccAddrs(5) {
		seen[string(a)] = true
	}
	for _, v := range keepertest.ValAddrs(5) {
		seen[string(v)] = true
	}
	for _, k := range keepertest.Ed25519Keys(5) {
		seen[string(k.PubKey().Address())] = true
	}
	require.Len(t, seen, 15)
	require.Equal(t, keepertest.AccAddrs(3)[:2], keepertest.AccAddrs(2), "the first n are stable as n grows")
}

func TestCodecsUseTrustCityPrefixes(t *testing.T) {
	acc, err := keepertest.AddressCodec().BytesToString(keepertest.AccAddrs(1)[0])
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(acc, "tcity1"), acc)
	val, err := keepertest.ValidatorAddressCodec().BytesToString(keepertest.ValAddrs(1)[0])
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(val, "tcityvaloper1"), val)
	cons, err := keepertest.ConsensusAddressCodec().BytesToString(keepertest.Ed25519Keys(1)[0].PubKey().Address())
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(cons, "tcityvalcons1"), cons)

	back, err := keepertest.AddressCodec().StringToBytes(keepertest.Authority())
	require.NoError(t, err)
	require.Equal(t, authtypes.NewModuleAddress(govtypes.ModuleName).Bytes(), back)
}
