package simulation_test

import (
	"math/rand"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/runtime"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	simtypes "github.com/cosmos/cosmos-sdk/types/simulation"

	"github.com/trustcity/trustcity/testutil/keepertest"
	"github.com/trustcity/trustcity/x/datashare/keeper"
	"github.com/trustcity/trustcity/x/datashare/simulation"
	"github.com/trustcity/trustcity/x/datashare/types"
	identitykeeper "github.com/trustcity/trustcity/x/identity/keeper"
	identitysim "github.com/trustcity/trustcity/x/identity/simulation"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

var genesisTime = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func testCodec() codec.Codec {
	reg := codectypes.NewInterfaceRegistry()
	types.RegisterInterfaces(reg)
	identitytypes.RegisterInterfaces(reg)
	return codec.NewProtoCodec(reg)
}

// TestRandomGenesisIsValid imports random geneses, through JSON as a chain
// does, for many seeds and account counts. Without an identity genesis (the
// app's case) they hold params and standards, and the scratch import of
// ValidateGenesis accepts them. Next to a random x/identity genesis they
// hold every kind of record, and InitGenesis with the real identity keeper,
// which checks owners and subjects exist, accepts them after the identity
// genesis.
func TestRandomGenesisIsValid(t *testing.T) {
	cdc := testCodec()
	counts := map[string]int{}
	for seed := range int64(300) {
		r := rand.New(rand.NewSource(seed))
		accs := simtypes.RandomAccounts(r, 1+int(seed%40))
		var identity *identitytypes.GenesisState
		if seed%2 == 0 {
			identity = identitysim.RandomGenesis(r, accs, genesisTime)
		}
		gs := simulation.RandomGenesis(r, accs, genesisTime, identity)

		bz, err := cdc.MarshalJSON(gs)
		require.NoError(t, err)
		var decoded types.GenesisState
		require.NoError(t, cdc.UnmarshalJSON(bz, &decoded))
		require.NoError(t, decoded.Validate(), "seed %d", seed)
		require.NoError(t, keeper.ValidateGenesis(cdc, keepertest.AddressCodec(), &decoded), "seed %d", seed)

		if identity == nil {
			require.Empty(t, gs.Datasets, "seed %d", seed)
			counts["standards without identity"] += len(gs.Standards)
			continue
		}
		key, idKey := storetypes.NewKVStoreKey(types.StoreKey), storetypes.NewKVStoreKey(identitytypes.StoreKey)
		ctx := keepertest.Context(t, key, idKey)
		idk := identitykeeper.NewKeeper(cdc, runtime.NewKVStoreService(idKey), keepertest.AddressCodec(), keepertest.Authority())
		require.NoError(t, idk.InitGenesis(ctx, identity), "seed %d", seed)
		k := keeper.NewKeeper(cdc, runtime.NewKVStoreService(key), keepertest.AddressCodec(), keepertest.Authority(), idk)
		require.NoError(t, k.InitGenesis(ctx, &decoded), "seed %d", seed)

		counts["standards"] += len(gs.Standards)
		counts["datasets"] += len(gs.Datasets)
		counts["versions"] += len(gs.Versions)
		counts["rules"] += len(gs.Rules)
		counts["requests"] += len(gs.Requests)
		counts["grants"] += len(gs.Grants)
		counts["subscriptions"] += len(gs.Subscriptions)
		for _, d := range gs.Datasets {
			if d.Subject != "" {
				counts["personal datasets"]++
			}
		}
		for _, v := range gs.Versions {
			if v.Summary != "" {
				counts["summaries"]++
			}
		}
		for _, req := range gs.Requests {
			counts["requests "+req.Status.Short()]++
			if types.IsDID(req.Grantee) {
				counts["requests by a subject"]++
			}
		}
	}
	for _, kind := range []string{
		"standards without identity", "standards", "datasets", "versions", "rules", "requests", "grants", "subscriptions",
		"personal datasets", "summaries", "requests PENDING", "requests REJECTED", "requests APPROVED", "requests by a subject",
	} {
		require.Positive(t, counts[kind], "%s: %v", kind, counts)
	}
}

func TestRandomGenesisIsDeterministic(t *testing.T) {
	gen := func() *types.GenesisState {
		r := rand.New(rand.NewSource(7))
		accs := simtypes.RandomAccounts(r, 30)
		return simulation.RandomGenesis(r, accs, genesisTime, identitysim.RandomGenesis(r, accs, genesisTime))
	}
	require.Equal(t, gen(), gen())
}

// TestRandomParams checks the params are valid and never below the floor
// the factories rely on.
func TestRandomParams(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for range 300 {
		p := simulation.RandomParams(r)
		require.NoError(t, p.Validate())
		require.GreaterOrEqual(t, p.MaxSchemaBytes, uint32(1024))
		require.GreaterOrEqual(t, p.MaxRecordBytes, uint32(256))
		require.GreaterOrEqual(t, p.MaxTextLength, uint32(64))
		require.GreaterOrEqual(t, p.MaxDescriptionLength, uint32(128))
		require.GreaterOrEqual(t, p.MaxLocatorLength, uint32(96))
		require.GreaterOrEqual(t, p.MaxListItems, uint32(4))
		require.GreaterOrEqual(t, p.MaxEnvelopeBytes, uint32(128))
		require.GreaterOrEqual(t, p.MaxGrantDuration, 30*24*time.Hour)
		require.GreaterOrEqual(t, p.MaxConsentDuration, 60*24*time.Hour)
		require.LessOrEqual(t, p.MaxGrantDuration, types.DefaultParams().MaxGrantDuration)
	}
}
