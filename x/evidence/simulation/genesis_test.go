package simulation_test

import (
	"math/rand"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	simtypes "github.com/cosmos/cosmos-sdk/types/simulation"

	"github.com/trustcity/trustcity/testutil/keepertest"
	"github.com/trustcity/trustcity/x/evidence/keeper"
	"github.com/trustcity/trustcity/x/evidence/simulation"
	"github.com/trustcity/trustcity/x/evidence/types"
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
// does, for many seeds and account counts, half of them next to a random
// x/identity genesis: InitGenesis must accept every one, and every kind of
// record must turn up.
func TestRandomGenesisIsValid(t *testing.T) {
	cdc := testCodec()
	var deposits, withdrawn, batches, custody, named int
	verifications := map[string]int{}
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

		deposits += len(gs.Evidence)
		batches += len(gs.Batches)
		custody += len(gs.CustodyEvents)
		for _, e := range gs.Evidence {
			if e.Status == types.EvidenceStatus_EVIDENCE_STATUS_WITHDRAWN {
				withdrawn++
			}
			if identity != nil && holdsRole(identity, e.DepartmentId, identitytypes.Role_ROLE_EVIDENCE_DEPOSITOR) {
				named++
			}
		}
		for _, v := range gs.Verifications {
			switch {
			case v.EvidenceId != 0:
				verifications["deposit"]++
			case v.BatchId != 0:
				verifications["batch"]++
			default:
				require.Equal(t, types.VerificationResult_VERIFICATION_RESULT_NOT_FOUND, v.Result)
				verifications["not found"]++
			}
		}
	}
	require.Positive(t, deposits)
	require.Positive(t, withdrawn)
	require.Positive(t, batches)
	require.Positive(t, custody)
	require.Positive(t, named, "no deposit names a department of the identity genesis")
	for _, kind := range []string{"deposit", "batch", "not found"} {
		require.Positive(t, verifications[kind], kind)
	}
}

func holdsRole(gs *identitytypes.GenesisState, dept string, role identitytypes.Role) bool {
	for _, d := range gs.Departments {
		if d.Id == dept {
			return slices.Contains(d.Roles, role)
		}
	}
	return false
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
	seen := map[types.HashAlgorithm]bool{}
	for range 300 {
		p := simulation.RandomParams(r)
		require.NoError(t, p.Validate())
		require.NotEmpty(t, p.AllowedAlgorithms)
		for _, a := range p.AllowedAlgorithms {
			seen[a] = true
		}
		require.GreaterOrEqual(t, p.MaxMetadataBytes, uint32(64))
		require.GreaterOrEqual(t, p.MaxParties, uint32(3))
		require.GreaterOrEqual(t, p.MaxTextLength, uint32(64))
		require.GreaterOrEqual(t, p.MaxBatchLeaves, uint64(16))
		require.LessOrEqual(t, p.MaxBatchLeaves, types.DefaultParams().MaxBatchLeaves)
	}
	require.Len(t, seen, 3)
}
