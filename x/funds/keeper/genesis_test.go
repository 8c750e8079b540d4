package keeper_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/testutil/keepertest"
	"github.com/trustcity/trustcity/x/funds/keeper"
	"github.com/trustcity/trustcity/x/funds/types"
)

func storeDump(ctx sdk.Context, key *storetypes.KVStoreKey) [][2][]byte {
	var out [][2][]byte
	it := ctx.KVStore(key).Iterator(nil, nil)
	defer it.Close()
	for ; it.Valid(); it.Next() {
		out = append(out, [2][]byte{bytes.Clone(it.Key()), bytes.Clone(it.Value())})
	}
	return out
}

func TestGenesisRoundTrip(t *testing.T) {
	f := newFixture(t)
	f.flow()
	f.run(func(ctx sdk.Context) error {
		_, err := f.disburse(ctx, "villageClerk", 3, "household", 100_000, "cred-household")
		return err
	}) // pending
	gs, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	require.Len(t, gs.Programs, 1)
	require.Len(t, gs.Allocations, 4)
	require.Len(t, gs.Disbursements, 4)
	require.Len(t, gs.Milestones, 1)
	require.Equal(t, uint64(10), gs.NextLedgerId)

	// The same state imported into another store gives the same keys and
	// values, and exports the same genesis.
	k2 := f.newKeeper(f.spare)
	require.NoError(t, k2.InitGenesis(f.ctx, gs))
	require.Equal(t, storeDump(f.ctx, f.keys[0]), storeDump(f.ctx, f.spare))
	again, err := k2.ExportGenesis(f.ctx)
	require.NoError(t, err)
	require.Equal(t, gs, again)

	// Stateless validation (no bank, no identity) accepts it too.
	require.NoError(t, keeper.ValidateGenesis(f.cdc, f.k.AddressCodec(), gs))
	require.NoError(t, keeper.ValidateGenesis(f.cdc, f.k.AddressCodec(), types.DefaultGenesis()))
}

func TestGenesisRejects(t *testing.T) {
	f := newFixture(t)
	f.flow()
	f.run(func(ctx sdk.Context) error {
		_, err := f.disburse(ctx, "villageClerk", 3, "household", 100_000, "cred-household")
		return err
	})
	good, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	one := math.OneInt()
	for _, tc := range []struct {
		name, want string
		break_     func(gs *types.GenesisState, ctx sdk.Context)
	}{
		{"funded past the cap", "past its cap", func(gs *types.GenesisState, _ sdk.Context) { gs.Programs[0].BudgetCap = math.NewInt(10) }},
		{"child holds more than the parent allocated", "they hold 250001", func(gs *types.GenesisState, _ sdk.Context) {
			gs.Allocations[2].Received = gs.Allocations[2].Received.Add(one)
		}},
		{"ledger disagrees with a node", "the ledger says", func(gs *types.GenesisState, _ sdk.Context) { gs.Ledger[4].Amount = gs.Ledger[4].Amount.Add(one) }},
		{"ledger entry dropped", "the ledger says", func(gs *types.GenesisState, _ sdk.Context) { gs.Ledger = gs.Ledger[:len(gs.Ledger)-1] }},
		{"escrow holds more than the programs", "the programs hold", func(_ *types.GenesisState, ctx sdk.Context) {
			funder, _ := keepertest.AddressCodec().StringToBytes(f.addr["funder"])
			require.NoError(t, f.bank.SendCoinsFromAccountToModule(ctx, funder, types.ModuleName, sdk.NewCoins(coin(1))))
		}},
		{"pending payment without its reservation", "reserves 0", func(gs *types.GenesisState, _ sdk.Context) {
			gs.Allocations[2].Reserved = math.ZeroInt()
			gs.Programs[0].Reserved = math.ZeroInt()
		}},
		{"open items miscounted", "counts 0 open items", func(gs *types.GenesisState, _ sdk.Context) { gs.Programs[0].OpenItems = 0 }},
		{"two children for one department", "already has a child", func(gs *types.GenesisState, _ sdk.Context) {
			gs.Allocations[3].ParentId, gs.Allocations[3].DepartmentId = 2, "village"
		}},
		{"next id not above", "not above the highest id", func(gs *types.GenesisState, _ sdk.Context) { gs.NextLedgerId = 3 }},
		{"ids out of order", "positive and increasing", func(gs *types.GenesisState, _ sdk.Context) { gs.Ledger[1], gs.Ledger[2] = gs.Ledger[2], gs.Ledger[1] }},
		{"address not canonical", "canonical form", func(gs *types.GenesisState, _ sdk.Context) {
			gs.Disbursements[0].Beneficiary = upper(gs.Disbursements[0].Beneficiary)
		}},
		{"unknown department", "department not found", func(gs *types.GenesisState, _ sdk.Context) { gs.Allocations[3].DepartmentId = "atlantis" }},
		{"closed but holding funds", "closed but still holds", func(gs *types.GenesisState, _ sdk.Context) {
			gs.Programs[0].Status = types.ProgramStatus_PROGRAM_STATUS_CLOSED
			gs.Programs[0].ClosedAt = &start
		}},
		{"ledger entry in another program's tree", "program not found", func(gs *types.GenesisState, _ sdk.Context) { gs.Ledger[0].ProgramId = 2 }},
		{"negative amount", "never negative", func(gs *types.GenesisState, _ sdk.Context) { gs.Disbursements[0].Expended = math.NewInt(-1) }},
		{"milestone paid without evidence", "no evidence is cited", func(gs *types.GenesisState, _ sdk.Context) { gs.Milestones[0].EvidenceId = 0 }},
		{"bad params", "max_depth", func(gs *types.GenesisState, _ sdk.Context) { gs.Params.MaxDepth = 0 }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, _ := f.ctx.CacheContext()
			gs := cloneGenesis(t, f, good)
			tc.break_(gs, ctx)
			require.ErrorContains(t, f.newKeeper(f.spare).InitGenesis(ctx, gs), tc.want)
		})
	}
	// The unbroken state imports.
	ctx, _ := f.ctx.CacheContext()
	require.NoError(t, f.newKeeper(f.spare).InitGenesis(ctx, cloneGenesis(t, f, good)))
}

func cloneGenesis(t *testing.T, f *fixture, gs *types.GenesisState) *types.GenesisState {
	bz, err := f.cdc.MarshalJSON(gs)
	require.NoError(t, err)
	var out types.GenesisState
	require.NoError(t, f.cdc.UnmarshalJSON(bz, &out))
	return &out
}

func upper(s string) string { return string(bytes.ToUpper([]byte(s))) }
