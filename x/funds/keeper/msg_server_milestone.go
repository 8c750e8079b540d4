package keeper

import (
	"context"

	"cosmossdk.io/math"

	"github.com/trustcity/trustcity/x/funds/types"
)

// DefineMilestone reserves a tranche of the signer's allocation for a
// contractor, to be paid when the program's supervisor confirms it.
func (m msgServer) DefineMilestone(ctx context.Context, msg *types.MsgDefineMilestone) (*types.MsgDefineMilestoneResponse, error) {
	a, p, params, signerStr, err := m.holding(ctx, msg.Signer, msg.AllocationId)
	if err != nil {
		return nil, err
	}
	if p.SupervisorDepartment == "" {
		return nil, types.ErrNoSupervisor.Wrapf("program %d names no supervisor department to confirm milestones", p.Id)
	}
	amount, err := types.CheckCoin("amount", msg.Amount, p.Denom, false)
	if err != nil {
		return nil, err
	}
	_, contractor, err := m.payee("contractor", msg.Contractor)
	if err != nil {
		return nil, err
	}
	if err := types.ValidateHash("description hash", msg.DescriptionHash, true); err != nil {
		return nil, err
	}
	height, now := blockInfo(ctx)
	switch {
	case msg.DueHeight == 0 && msg.DueTime == nil:
		return nil, types.ErrInvalidRequest.Wrap("a milestone needs a due height, a due time or both")
	case msg.DueHeight != 0 && msg.DueHeight <= height:
		return nil, types.ErrInvalidRequest.Wrapf("due height %d is not after the current height %d", msg.DueHeight, height)
	case msg.DueTime != nil && !msg.DueTime.After(now):
		return nil, types.ErrInvalidRequest.Wrapf("due time %s is not after the block time %s", msg.DueTime, now)
	}
	if err := available(a, amount, p.Denom); err != nil {
		return nil, err
	}
	if err := m.reserve(ctx, &p, &a, amount, params); err != nil {
		return nil, err
	}
	id, err := m.MilestoneSeq.Next(ctx)
	if err != nil {
		return nil, err
	}
	ms := types.Milestone{
		Id: id, ProgramId: p.Id, AllocationId: a.Id, Contractor: contractor, Amount: amount,
		DescriptionHash: msg.DescriptionHash, DueHeight: msg.DueHeight, DueTime: msg.DueTime, Creator: signerStr,
		Status: types.MilestoneStatus_MILESTONE_STATUS_OPEN, CreatedHeight: height, CreatedAt: now,
	}
	if err := m.addMilestone(ctx, ms); err != nil {
		return nil, err
	}
	if err := m.Allocations.Set(ctx, a.Id, a); err != nil {
		return nil, err
	}
	if err := m.Programs.Set(ctx, p.Id, p); err != nil {
		return nil, err
	}
	return &types.MsgDefineMilestoneResponse{MilestoneId: id}, emit(ctx, &types.EventMilestoneDefined{
		ProgramId: p.Id, AllocationId: a.Id, MilestoneId: id, Contractor: contractor, Amount: msg.Amount.String(),
	})
}

// openMilestone loads an open milestone with its program and allocation and
// checks the signer is a FUND_SUPERVISOR of the program's supervisor.
func (k Keeper) openMilestone(ctx context.Context, signerAddr string, id uint64) (types.Milestone, types.Program, types.Allocation, string, string, error) {
	var (
		p types.Program
		a types.Allocation
	)
	signer, signerStr, err := k.signer(signerAddr)
	if err != nil {
		return types.Milestone{}, p, a, "", "", err
	}
	ms, err := k.GetMilestone(ctx, id)
	if err != nil {
		return ms, p, a, "", "", err
	}
	if ms.Status != types.MilestoneStatus_MILESTONE_STATUS_OPEN {
		return ms, p, a, "", "", types.ErrNotPending.Wrapf("milestone %d is %s", ms.Id, ms.Status)
	}
	if p, err = k.openProgram(ctx, ms.ProgramId); err != nil {
		return ms, p, a, "", "", err
	}
	if a, err = k.GetAllocation(ctx, ms.AllocationId); err != nil {
		return ms, p, a, "", "", err
	}
	dept, err := k.authorizeSupervisor(ctx, signer, signerStr, p)
	return ms, p, a, signerStr, dept, err
}

// ConfirmMilestone pays an open milestone's tranche to its contractor,
// citing a judicial evidence record in force.
func (m msgServer) ConfirmMilestone(ctx context.Context, msg *types.MsgConfirmMilestone) (*types.MsgConfirmMilestoneResponse, error) {
	ms, p, a, signerStr, dept, err := m.openMilestone(ctx, msg.Signer, msg.MilestoneId)
	if err != nil {
		return nil, err
	}
	if err := m.checkEvidence(ctx, msg.EvidenceId); err != nil {
		return nil, err
	}
	id, err := m.DisbursementSeq.Next(ctx)
	if err != nil {
		return nil, err
	}
	height, now := blockInfo(ctx)
	release(&p, &a, ms.Amount)
	dec := decision(ctx, types.DecisionKind_DECISION_KIND_APPROVED, signerStr, dept, "")
	d := types.Disbursement{
		Id: id, ProgramId: p.Id, AllocationId: a.Id, Beneficiary: ms.Contractor, Amount: ms.Amount,
		PurposeCode: p.PurposeCode, Reference: ms.DescriptionHash, MilestoneId: ms.Id, Requester: ms.Creator,
		DepartmentId: a.DepartmentId, Status: types.DisbursementStatus_DISBURSEMENT_STATUS_PENDING, Decision: dec,
		Expended: math.ZeroInt(), CreatedHeight: height, CreatedAt: now,
	}
	entry, err := m.pay(ctx, p, a, d, msg.EvidenceId, true)
	if err != nil {
		return nil, err
	}
	ms.Status = types.MilestoneStatus_MILESTONE_STATUS_PAID
	ms.EvidenceId, ms.DisbursementId, ms.Decision = msg.EvidenceId, id, dec
	ms.Late = (ms.DueHeight != 0 && height > ms.DueHeight) || (ms.DueTime != nil && now.After(*ms.DueTime))
	if err := m.Milestones.Set(ctx, ms.Id, ms); err != nil {
		return nil, err
	}
	return &types.MsgConfirmMilestoneResponse{DisbursementId: id, LedgerEntryId: entry}, emit(ctx, &types.EventMilestoneConfirmed{
		ProgramId: p.Id, MilestoneId: ms.Id, EvidenceId: msg.EvidenceId, Supervisor: signerStr, DisbursementId: id, Late: ms.Late,
	})
}

// RejectMilestone refuses an open milestone and releases its tranche.
func (m msgServer) RejectMilestone(ctx context.Context, msg *types.MsgRejectMilestone) (*types.MsgRejectMilestoneResponse, error) {
	ms, p, a, signerStr, dept, err := m.openMilestone(ctx, msg.Signer, msg.MilestoneId)
	if err != nil {
		return nil, err
	}
	params, err := m.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	if err := types.ValidateText("reason", msg.Reason, params.MaxTextLength); err != nil {
		return nil, err
	}
	release(&p, &a, ms.Amount)
	ms.Status = types.MilestoneStatus_MILESTONE_STATUS_REJECTED
	ms.Decision = decision(ctx, types.DecisionKind_DECISION_KIND_REJECTED, signerStr, dept, msg.Reason)
	if err := m.Milestones.Set(ctx, ms.Id, ms); err != nil {
		return nil, err
	}
	if err := m.Allocations.Set(ctx, a.Id, a); err != nil {
		return nil, err
	}
	if err := m.Programs.Set(ctx, p.Id, p); err != nil {
		return nil, err
	}
	return &types.MsgRejectMilestoneResponse{}, emit(ctx, &types.EventMilestoneRejected{
		ProgramId: p.Id, MilestoneId: ms.Id, Supervisor: signerStr, Reason: msg.Reason,
	})
}
