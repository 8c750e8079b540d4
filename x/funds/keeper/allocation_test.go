package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/funds/types"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

func TestAllocate(t *testing.T) {
	f := newFixture(t)
	f.tree()
	root, county, village := f.allocation(1), f.allocation(2), f.allocation(3)
	require.Equal(t, int64(400_000), root.Allocated.Int64())
	require.Equal(t, int64(200_000), root.Available().Int64())
	require.Equal(t, "county", county.DepartmentId)
	require.Equal(t, uint32(1), county.Depth)
	require.Equal(t, int64(150_000), county.Available().Int64())
	require.Equal(t, uint64(2), village.ParentId)
	require.Equal(t, int64(250_000), village.Received.Int64())
	require.Equal(t, int64(600_000), f.escrow().Int64(), "allocation moves no coins")

	// Topping up an existing child adds to the same node.
	f.run(func(ctx sdk.Context) error { return f.allocate(ctx, "countyHead", 2, "village", 50_000) })
	require.Equal(t, int64(300_000), f.allocation(3).Received.Int64())
	require.Equal(t, uint32(1), f.allocation(2).Children)

	alloc := func(signer string, from uint64, dept string, n int64) func(sdk.Context) error {
		return func(ctx sdk.Context) error { return f.allocate(ctx, signer, from, dept, n) }
	}
	f.runRejects(t, []rejectCase{
		// over-allocation at every depth
		{"root past what it holds", types.ErrInsufficientFunds, alloc("treasurer", 1, "county2", 200_001)},
		{"county past what it holds", types.ErrInsufficientFunds, alloc("countyHead", 2, "village", 100_001)},
		{"village past what it holds", types.ErrInsufficientFunds, alloc("villageHead", 3, "hamlet", 300_001)},
		// signers
		{"not affiliated", identitytypes.ErrNotAffiliated, alloc("outsider", 1, "county", 1)},
		{"another department's allocation", types.ErrUnauthorized, alloc("countyHead", 1, "county2", 1)},
		{"a member of the parent department", types.ErrUnauthorized, alloc("treasuryClerk", 2, "village", 1)},
		// jurisdiction
		{"a sibling", types.ErrOutsideJurisdiction, alloc("countyHead", 2, "county2", 1)},
		{"upwards", types.ErrOutsideJurisdiction, alloc("villageHead", 3, "county", 1)},
		{"to itself", types.ErrOutsideJurisdiction, alloc("villageHead", 3, "village", 1)},
		{"another tree", types.ErrOutsideJurisdiction, alloc("treasurer", 1, "audit", 1)},
		{"a department without roles", types.ErrOutsideJurisdiction, alloc("countyHead", 2, "bare", 1)},
		{"unknown department", identitytypes.ErrDepartmentNotFound, alloc("treasurer", 1, "nowhere", 1)},
		{"bad department id", types.ErrInvalidRequest, alloc("treasurer", 1, "No Such", 1)},
		// amounts and records
		{"zero", types.ErrInvalidAmount, alloc("treasurer", 1, "county", 0)},
		{"unknown allocation", types.ErrAllocationNotFound, alloc("treasurer", 99, "county", 1)},
		{"other denom", types.ErrWrongDenom, func(ctx sdk.Context) error {
			_, err := f.msg.Allocate(ctx, &types.MsgAllocate{Signer: f.addr["treasurer"], AllocationId: 1, DepartmentId: "county", Amount: sdk.NewInt64Coin("uother", 1)})
			return err
		}},
	})

	// A grandchild is in the jurisdiction too.
	f.run(func(ctx sdk.Context) error { return f.allocate(ctx, "treasurer", 1, "village", 10_000) })
	require.Equal(t, uint32(1), f.allocation(4).Depth)
	require.Equal(t, "village", f.allocation(4).DepartmentId)

	// The tree's depth is bounded by max_depth.
	p := types.DefaultParams()
	p.MaxDepth = 2
	require.NoError(t, f.k.Params.Set(f.ctx, p))
	f.rejects(t, types.ErrTreeLimit, alloc("villageHead", 3, "hamlet", 1))
	p.MaxDepth, p.MaxChildren = 8, 1
	require.NoError(t, f.k.Params.Set(f.ctx, p))
	f.rejects(t, types.ErrTreeLimit, alloc("treasurer", 1, "county2", 1))
}

func TestReturnFunds(t *testing.T) {
	f := newFixture(t)
	f.tree()
	ret := func(signer string, id uint64, n int64) func(sdk.Context) error {
		return func(ctx sdk.Context) error {
			_, err := f.msg.ReturnFunds(ctx, &types.MsgReturnFunds{Signer: f.addr[signer], AllocationId: id, Amount: coin(n)})
			return err
		}
	}
	f.run(ret("villageHead", 3, 50_000))
	require.Equal(t, int64(50_000), f.allocation(3).Returned.Int64())
	require.Equal(t, int64(200_000), f.allocation(3).Available().Int64())
	require.Equal(t, int64(200_000), f.allocation(2).Allocated.Int64())
	entry, err := f.k.Ledger.Get(f.ctx, 4)
	require.NoError(t, err)
	require.Equal(t, types.LedgerType_LEDGER_TYPE_RETURN, entry.Type)
	require.Equal(t, uint64(3), entry.AllocationId)
	require.Equal(t, uint64(2), entry.ToAllocationId)

	// The county may now allocate what came back.
	f.run(func(ctx sdk.Context) error { return f.allocate(ctx, "countyHead", 2, "village", 200_000) })

	f.runRejects(t, []rejectCase{
		{"more than available", types.ErrInsufficientFunds, ret("villageHead", 3, 400_001)},
		{"the root", types.ErrRootAllocation, ret("treasurer", 1, 1)},
		{"the parent's holder", types.ErrUnauthorized, ret("countyHead", 3, 1)},
		{"not affiliated", identitytypes.ErrNotAffiliated, ret("outsider", 3, 1)},
		{"zero", types.ErrInvalidAmount, ret("villageHead", 3, 0)},
		{"unknown allocation", types.ErrAllocationNotFound, ret("villageHead", 42, 1)},
	})
}
