package simulation

import (
	"context"

	"cosmossdk.io/collections"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/funds/keeper"
	"github.com/trustcity/trustcity/x/funds/types"
	"github.com/trustcity/trustcity/x/internal/simactors"
)

// MsgAllocateFactory commits part of an allocation's available funds to a
// department in the holder's jurisdiction (active, holding a role, below
// the holder in the identity tree), creating the child allocation or, when
// the department has one under this node already, topping it up; a new
// child must fit max_depth and max_children. A member of the holding
// department (AuthorizeMember) signs.
func MsgAllocateFactory(k keeper.Keeper, identity types.IdentityKeeper) simsx.SimMsgFactoryFn[*types.MsgAllocate] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgAllocate) {
		r := testData.Rand().Rand
		params, err := k.Params.Get(ctx)
		if err != nil {
			return skip[*types.MsgAllocate](reporter, "params: %s", err)
		}
		holding := simactors.GroupByDept(simactors.Members(ctx, identity, testData, reporter))
		funded, err := nodes(ctx, k, func(a types.Allocation, _ types.Program) bool {
			return a.Available().IsPositive() && len(holding.Signers[a.DepartmentId]) > 0
		})
		if err != nil {
			return skip[*types.MsgAllocate](reporter, "allocations: %s", err)
		}
		all, err := departments(ctx, identity)
		if err != nil {
			return skip[*types.MsgAllocate](reporter, "departments: %s", err)
		}
		type target struct {
			n     node
			depts []string
		}
		var targets []target
		for _, n := range funded {
			var depts []string
			for _, d := range inJurisdiction(ctx, identity, all, n.a.DepartmentId) {
				has, err := k.Children.Has(ctx, collections.Join(n.a.Id, d))
				if err != nil {
					return skip[*types.MsgAllocate](reporter, "children: %s", err)
				}
				if has || n.a.Depth+1 <= params.MaxDepth && n.a.Children < params.MaxChildren {
					depts = append(depts, d)
				}
			}
			if len(depts) > 0 {
				targets = append(targets, target{n: n, depts: depts})
			}
		}
		if len(targets) == 0 {
			return skip[*types.MsgAllocate](reporter, "no funded allocation held by a simulation account with a department below it")
		}
		t := simactors.Pick(r, targets)
		signer := simactors.Pick(r, holding.Signers[t.n.a.DepartmentId])
		return []simsx.SimAccount{signer}, &types.MsgAllocate{
			Signer:       signer.AddressBech32,
			AllocationId: t.n.a.Id,
			DepartmentId: simactors.Pick(r, t.depts),
			Amount:       sdk.NewCoin(t.n.p.Denom, randPart(r, t.n.a.Available())),
		}
	}
}

// MsgReturnFundsFactory gives part of a child allocation's available funds
// back to its parent; a member of the holding department (AuthorizeMember)
// signs.
func MsgReturnFundsFactory(k keeper.Keeper, identity types.IdentityKeeper) simsx.SimMsgFactoryFn[*types.MsgReturnFunds] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgReturnFunds) {
		r := testData.Rand().Rand
		holding := simactors.GroupByDept(simactors.Members(ctx, identity, testData, reporter))
		children, err := nodes(ctx, k, func(a types.Allocation, _ types.Program) bool {
			return a.ParentId != 0 && a.Available().IsPositive() && len(holding.Signers[a.DepartmentId]) > 0
		})
		if err != nil {
			return skip[*types.MsgReturnFunds](reporter, "allocations: %s", err)
		}
		if len(children) == 0 {
			return skip[*types.MsgReturnFunds](reporter, "no funded child allocation held by a simulation account")
		}
		n := simactors.Pick(r, children)
		signer := simactors.Pick(r, holding.Signers[n.a.DepartmentId])
		return []simsx.SimAccount{signer}, &types.MsgReturnFunds{
			Signer:       signer.AddressBech32,
			AllocationId: n.a.Id,
			Amount:       sdk.NewCoin(n.p.Denom, randPart(r, n.a.Available())),
		}
	}
}
