package keeper

import (
	"context"

	"cosmossdk.io/collections"

	"github.com/trustcity/trustcity/x/funds/types"
)

// GetProgram returns a program or ErrProgramNotFound.
func (k Keeper) GetProgram(ctx context.Context, id uint64) (types.Program, error) {
	p, err := k.Programs.Get(ctx, id)
	if isNotFound(err) {
		return p, types.ErrProgramNotFound.Wrapf("program %d", id)
	}
	return p, err
}

// openProgram returns a program that is still open.
func (k Keeper) openProgram(ctx context.Context, id uint64) (types.Program, error) {
	p, err := k.GetProgram(ctx, id)
	if err != nil {
		return p, err
	}
	if p.Status != types.ProgramStatus_PROGRAM_STATUS_OPEN {
		return p, types.ErrProgramClosed.Wrapf("program %d was closed at height %d", id, p.ClosedHeight)
	}
	return p, nil
}

// GetAllocation returns an allocation or ErrAllocationNotFound.
func (k Keeper) GetAllocation(ctx context.Context, id uint64) (types.Allocation, error) {
	a, err := k.Allocations.Get(ctx, id)
	if isNotFound(err) {
		return a, types.ErrAllocationNotFound.Wrapf("allocation %d", id)
	}
	return a, err
}

// GetDisbursement returns a disbursement or ErrDisbursementNotFound.
func (k Keeper) GetDisbursement(ctx context.Context, id uint64) (types.Disbursement, error) {
	d, err := k.Disbursements.Get(ctx, id)
	if isNotFound(err) {
		return d, types.ErrDisbursementNotFound.Wrapf("disbursement %d", id)
	}
	return d, err
}

// GetMilestone returns a milestone or ErrMilestoneNotFound.
func (k Keeper) GetMilestone(ctx context.Context, id uint64) (types.Milestone, error) {
	m, err := k.Milestones.Get(ctx, id)
	if isNotFound(err) {
		return m, types.ErrMilestoneNotFound.Wrapf("milestone %d", id)
	}
	return m, err
}

// addAllocation stores a new allocation with its tree indexes.
func (k Keeper) addAllocation(ctx context.Context, a types.Allocation) error {
	if err := k.Allocations.Set(ctx, a.Id, a); err != nil {
		return err
	}
	if a.ParentId != 0 {
		if err := k.Children.Set(ctx, collections.Join(a.ParentId, a.DepartmentId), a.Id); err != nil {
			return err
		}
	}
	return k.Tree.Set(ctx, collections.Join3(a.ProgramId, a.Depth, a.Id))
}

// storeDisbursement writes d. A new disbursement also gets its allocation
// index; the pending index follows its status.
func (k Keeper) storeDisbursement(ctx context.Context, d types.Disbursement, isNew bool) error {
	if err := k.Disbursements.Set(ctx, d.Id, d); err != nil {
		return err
	}
	key := collections.Join(d.ProgramId, d.Id)
	pending := d.Status == types.DisbursementStatus_DISBURSEMENT_STATUS_PENDING
	if isNew {
		if err := k.DisbursementsByAllocation.Set(ctx, collections.Join(d.AllocationId, d.Id)); err != nil {
			return err
		}
		if !pending {
			return nil
		}
	}
	if pending {
		return k.Pending.Set(ctx, key)
	}
	return k.Pending.Remove(ctx, key)
}

// addMilestone stores a new milestone with its index.
func (k Keeper) addMilestone(ctx context.Context, m types.Milestone) error {
	if err := k.Milestones.Set(ctx, m.Id, m); err != nil {
		return err
	}
	return k.MilestonesByProgram.Set(ctx, collections.Join(m.ProgramId, m.Id))
}
