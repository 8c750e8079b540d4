package simulation_test

import (
	"math/rand"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	simtypes "github.com/cosmos/cosmos-sdk/types/simulation"

	"github.com/trustcity/trustcity/testutil/keepertest"
	"github.com/trustcity/trustcity/x/identity/keeper"
	"github.com/trustcity/trustcity/x/identity/simulation"
	"github.com/trustcity/trustcity/x/identity/types"
)

var genesisTime = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func testCodec() codec.Codec {
	reg := codectypes.NewInterfaceRegistry()
	types.RegisterInterfaces(reg)
	return codec.NewProtoCodec(reg)
}

// TestRandomGenesisIsValid imports random geneses, through JSON as a chain
// does, for many seeds and account counts: InitGenesis must accept every one.
func TestRandomGenesisIsValid(t *testing.T) {
	cdc := testCodec()
	var departments, children, members, dids int
	for seed := range int64(300) {
		r := rand.New(rand.NewSource(seed))
		accs := simtypes.RandomAccounts(r, 1+int(seed%60))
		gs := simulation.RandomGenesis(r, accs, genesisTime)

		bz, err := cdc.MarshalJSON(gs)
		require.NoError(t, err)
		var decoded types.GenesisState
		require.NoError(t, cdc.UnmarshalJSON(bz, &decoded))
		require.NoError(t, keeper.ValidateGenesis(cdc, keepertest.AddressCodec(), &decoded), "seed %d", seed)

		departments += len(gs.Departments)
		members += len(gs.Members)
		dids += len(gs.Dids)
		for _, d := range gs.Departments {
			if d.ParentId != "" {
				children++
			}
		}
		require.LessOrEqual(t, 2*(len(gs.Departments)+len(gs.Members)), len(accs), "seed %d: half of the accounts stay free", seed)
	}
	require.Positive(t, departments)
	require.Positive(t, children)
	require.Positive(t, members)
	require.Positive(t, dids)
}

func TestRandomGenesisIsDeterministic(t *testing.T) {
	gen := func() *types.GenesisState {
		r := rand.New(rand.NewSource(7))
		return simulation.RandomGenesis(r, simtypes.RandomAccounts(r, 30), genesisTime)
	}
	require.Equal(t, gen(), gen())
}

// TestRandomParams checks the params are valid and never below the default
// floor the factories rely on (a credential id of 45 bytes, for one).
func TestRandomParams(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for range 200 {
		p := simulation.RandomParams(r)
		require.NoError(t, p.Validate())
		require.GreaterOrEqual(t, p.MaxIdLength, uint32(45))
		require.LessOrEqual(t, p.MaxIdLength, types.DefaultParams().MaxIdLength)
	}
}
