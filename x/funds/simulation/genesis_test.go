package simulation_test

import (
	"encoding/json"
	"math/rand"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/types/module"
	simtypes "github.com/cosmos/cosmos-sdk/types/simulation"

	"github.com/trustcity/trustcity/testutil/keepertest"
	"github.com/trustcity/trustcity/x/funds/keeper"
	"github.com/trustcity/trustcity/x/funds/simulation"
	"github.com/trustcity/trustcity/x/funds/types"
)

// TestRandomGenesisIsValid: random geneses, through JSON as a chain reads
// them, pass the stateless checks and the scratch import of
// ValidateGenesis, and hold params only.
func TestRandomGenesisIsValid(t *testing.T) {
	cdc := testCodec()
	for seed := range int64(300) {
		gs := simulation.RandomGenesis(rand.New(rand.NewSource(seed)))
		bz, err := cdc.MarshalJSON(gs)
		require.NoError(t, err)
		var decoded types.GenesisState
		require.NoError(t, cdc.UnmarshalJSON(bz, &decoded))
		require.NoError(t, decoded.Validate(), "seed %d", seed)
		require.NoError(t, keeper.ValidateGenesis(cdc, keepertest.AddressCodec(), &decoded), "seed %d", seed)
		require.Empty(t, decoded.Programs)
	}
}

// TestRandomizedGenStateLeavesTheSharedSourceAlone: the module's genesis
// depends on the simulation's accounts (so on its seed) and draws nothing
// from simState.Rand, which the modules generated after it still read.
func TestRandomizedGenStateLeavesTheSharedSourceAlone(t *testing.T) {
	gen := func(accountsSeed int64) (json.RawMessage, int64) {
		accs := simtypes.RandomAccounts(rand.New(rand.NewSource(accountsSeed)), 10)
		simState := &module.SimulationState{
			Cdc: testCodec(), Rand: rand.New(rand.NewSource(1)), Accounts: accs, GenState: map[string]json.RawMessage{},
			GenTimestamp: time.Unix(0, 0),
		}
		simulation.RandomizedGenState(simState)
		return simState.GenState[types.ModuleName], simState.Rand.Int63()
	}
	a, next := gen(5)
	b, _ := gen(5)
	require.Equal(t, a, b, "deterministic")
	require.Equal(t, rand.New(rand.NewSource(1)).Int63(), next, "simState.Rand untouched")
	different := false
	for s := int64(6); s < 20 && !different; s++ {
		c, _ := gen(s)
		different = string(c) != string(a)
	}
	require.True(t, different, "other accounts give other params")
}

// TestRandomParams: every draw is valid and never below the text size the
// factories rely on.
func TestRandomParams(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for range 300 {
		p := simulation.RandomParams(r)
		require.NoError(t, p.Validate())
		require.GreaterOrEqual(t, p.MaxTextLength, uint32(64))
		require.GreaterOrEqual(t, p.MaxDepth, uint32(2))
		require.LessOrEqual(t, p.MaxDepth, types.DefaultParams().MaxDepth)
	}
}
