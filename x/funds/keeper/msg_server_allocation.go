package keeper

import (
	"context"

	"cosmossdk.io/collections"

	"github.com/trustcity/trustcity/x/funds/types"
)

// holding loads an allocation, its open program and the params, and checks
// that signer acts for the holding department. It returns the signer's
// canonical address too.
func (k Keeper) holding(ctx context.Context, signerAddr string, allocationID uint64) (types.Allocation, types.Program, types.Params, string, error) {
	var (
		a      types.Allocation
		p      types.Program
		params types.Params
	)
	signer, signerStr, err := k.signer(signerAddr)
	if err != nil {
		return a, p, params, "", err
	}
	if params, err = k.Params.Get(ctx); err != nil {
		return a, p, params, "", err
	}
	if a, err = k.GetAllocation(ctx, allocationID); err != nil {
		return a, p, params, "", err
	}
	if p, err = k.openProgram(ctx, a.ProgramId); err != nil {
		return a, p, params, "", err
	}
	return a, p, params, signerStr, k.authorizeHolder(ctx, signer, signerStr, a)
}

// available requires amount ≤ what the allocation has available.
func available(a types.Allocation, amount types.Int, denom string) error {
	if avail := a.Available(); amount.GT(avail) {
		return types.ErrInsufficientFunds.Wrapf("allocation %d (%s) has %s%s available; %s%s asked", a.Id, a.DepartmentId, avail, denom, amount, denom)
	}
	return nil
}

// Allocate commits funds of the signer's allocation to a department below
// it, creating the child allocation or topping it up.
func (m msgServer) Allocate(ctx context.Context, msg *types.MsgAllocate) (*types.MsgAllocateResponse, error) {
	parent, p, params, _, err := m.holding(ctx, msg.Signer, msg.AllocationId)
	if err != nil {
		return nil, err
	}
	amount, err := types.CheckCoin("amount", msg.Amount, p.Denom, false)
	if err != nil {
		return nil, err
	}
	if err := types.ValidateDepartmentID("department", msg.DepartmentId); err != nil {
		return nil, err
	}
	if err := available(parent, amount, p.Denom); err != nil {
		return nil, err
	}
	if err := m.checkJurisdiction(ctx, parent.DepartmentId, msg.DepartmentId, params.JurisdictionGas); err != nil {
		return nil, err
	}
	childID, err := m.Children.Get(ctx, collections.Join(parent.Id, msg.DepartmentId))
	var child types.Allocation
	switch {
	case err == nil:
		if child, err = m.GetAllocation(ctx, childID); err != nil {
			return nil, err
		}
	case !isNotFound(err):
		return nil, err
	case parent.Depth+1 > params.MaxDepth:
		return nil, types.ErrTreeLimit.Wrapf("program %d's tree may be %d levels deep below its root", p.Id, params.MaxDepth)
	case parent.Children >= params.MaxChildren:
		return nil, types.ErrTreeLimit.Wrapf("allocation %d already has %d children", parent.Id, parent.Children)
	default:
		if childID, err = m.AllocationSeq.Next(ctx); err != nil {
			return nil, err
		}
		height, now := blockInfo(ctx)
		child = newAllocation(childID, p.Id, parent.Id, msg.DepartmentId, parent.Depth+1, height, now)
		parent.Children++
		if err := m.addAllocation(ctx, child); err != nil {
			return nil, err
		}
	}
	parent.Allocated = parent.Allocated.Add(amount)
	child.Received = child.Received.Add(amount)
	if err := m.Allocations.Set(ctx, parent.Id, parent); err != nil {
		return nil, err
	}
	if err := m.Allocations.Set(ctx, child.Id, child); err != nil {
		return nil, err
	}
	entry, err := m.appendLedger(ctx, types.LedgerEntry{
		ProgramId: p.Id, Type: types.LedgerType_LEDGER_TYPE_OUTGOING_COMMITMENT,
		AllocationId: parent.Id, ToAllocationId: child.Id,
		From: types.AllocationParty(parent.Id), To: types.AllocationParty(child.Id),
		Denom: p.Denom, Amount: amount, PurposeCode: p.PurposeCode,
	})
	if err != nil {
		return nil, err
	}
	return &types.MsgAllocateResponse{AllocationId: child.Id, LedgerEntryId: entry}, emit(ctx, &types.EventAllocated{
		ProgramId: p.Id, FromAllocationId: parent.Id, ToAllocationId: child.Id, DepartmentId: child.DepartmentId,
		Amount: msg.Amount.String(), LedgerEntryId: entry,
	})
}

// ReturnFunds gives available funds of the signer's allocation back to its
// parent.
func (m msgServer) ReturnFunds(ctx context.Context, msg *types.MsgReturnFunds) (*types.MsgReturnFundsResponse, error) {
	child, p, _, _, err := m.holding(ctx, msg.Signer, msg.AllocationId)
	if err != nil {
		return nil, err
	}
	if child.ParentId == 0 {
		return nil, types.ErrRootAllocation.Wrapf("allocation %d is program %d's root; the program's unspent funds are refunded when it closes", child.Id, p.Id)
	}
	amount, err := types.CheckCoin("amount", msg.Amount, p.Denom, false)
	if err != nil {
		return nil, err
	}
	if err := available(child, amount, p.Denom); err != nil {
		return nil, err
	}
	parent, err := m.GetAllocation(ctx, child.ParentId)
	if err != nil {
		return nil, err
	}
	child.Returned = child.Returned.Add(amount)
	parent.Allocated = parent.Allocated.Sub(amount)
	if err := m.Allocations.Set(ctx, child.Id, child); err != nil {
		return nil, err
	}
	if err := m.Allocations.Set(ctx, parent.Id, parent); err != nil {
		return nil, err
	}
	entry, err := m.appendLedger(ctx, types.LedgerEntry{
		ProgramId: p.Id, Type: types.LedgerType_LEDGER_TYPE_RETURN,
		AllocationId: child.Id, ToAllocationId: parent.Id,
		From: types.AllocationParty(child.Id), To: types.AllocationParty(parent.Id),
		Denom: p.Denom, Amount: amount, PurposeCode: p.PurposeCode,
	})
	if err != nil {
		return nil, err
	}
	return &types.MsgReturnFundsResponse{LedgerEntryId: entry}, emit(ctx, &types.EventFundsReturned{
		ProgramId: p.Id, FromAllocationId: child.Id, ToAllocationId: parent.Id, Amount: msg.Amount.String(), LedgerEntryId: entry,
	})
}
