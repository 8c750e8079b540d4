package simulation

import (
	"context"

	"cosmossdk.io/collections"

	"github.com/trustcity/trustcity/x/funds/keeper"
	"github.com/trustcity/trustcity/x/funds/types"
)

// openPrograms returns the open programs, in id order.
func openPrograms(ctx context.Context, k keeper.Keeper) ([]types.Program, error) {
	var out []types.Program
	err := k.Programs.Walk(ctx, nil, func(_ uint64, p types.Program) (bool, error) {
		if p.Status == types.ProgramStatus_PROGRAM_STATUS_OPEN {
			out = append(out, p)
		}
		return false, nil
	})
	return out, err
}

// node is an allocation with its open program.
type node struct {
	a types.Allocation
	p types.Program
}

// nodes returns the allocations of open programs keep accepts, in id order.
func nodes(ctx context.Context, k keeper.Keeper, keep func(types.Allocation, types.Program) bool) ([]node, error) {
	programs, err := openPrograms(ctx, k)
	if err != nil {
		return nil, err
	}
	open := make(map[uint64]types.Program, len(programs))
	for _, p := range programs {
		open[p.Id] = p
	}
	var out []node
	err = k.Allocations.Walk(ctx, nil, func(_ uint64, a types.Allocation) (bool, error) {
		if p, ok := open[a.ProgramId]; ok && keep(a, p) {
			out = append(out, node{a: a, p: p})
		}
		return false, nil
	})
	return out, err
}

// pendingDisbursements returns the pending disbursements, through the
// pending index, in (program, id) order.
func pendingDisbursements(ctx context.Context, k keeper.Keeper) ([]types.Disbursement, error) {
	var out []types.Disbursement
	err := k.Pending.Walk(ctx, nil, func(key collections.Pair[uint64, uint64]) (bool, error) {
		d, err := k.Disbursements.Get(ctx, key.K2())
		if err != nil {
			return true, err
		}
		out = append(out, d)
		return false, nil
	})
	return out, err
}

// openMilestones returns the open milestones, in id order.
func openMilestones(ctx context.Context, k keeper.Keeper) ([]types.Milestone, error) {
	var out []types.Milestone
	err := k.Milestones.Walk(ctx, nil, func(_ uint64, m types.Milestone) (bool, error) {
		if m.Status == types.MilestoneStatus_MILESTONE_STATUS_OPEN {
			out = append(out, m)
		}
		return false, nil
	})
	return out, err
}

// reportable returns the paid disbursements keep accepts of which some part
// is not reported as used yet, in id order.
func reportable(ctx context.Context, k keeper.Keeper, keep func(types.Disbursement) bool) ([]types.Disbursement, error) {
	var out []types.Disbursement
	err := k.Disbursements.Walk(ctx, nil, func(_ uint64, d types.Disbursement) (bool, error) {
		if d.Status == types.DisbursementStatus_DISBURSEMENT_STATUS_PAID && d.Expended.LT(d.Amount) && keep(d) {
			out = append(out, d)
		}
		return false, nil
	})
	return out, err
}
