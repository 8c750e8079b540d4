package keeper

import (
	"context"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/funds/types"
)

// payee decodes a beneficiary or contractor address; module accounts and
// other blocked addresses are refused.
func (k Keeper) payee(field, s string) (sdk.AccAddress, string, error) {
	addr, str, err := k.address(field, s)
	if err != nil {
		return nil, "", err
	}
	if k.bank.BlockedAddr(addr) {
		return nil, "", types.ErrInvalidAddress.Wrapf("%s %s may not receive funds", field, str)
	}
	return addr, str, nil
}

// Disburse pays a beneficiary from the signer's allocation: at once below
// the program's approval threshold, else it waits, reserved, for a second
// approval.
func (m msgServer) Disburse(ctx context.Context, msg *types.MsgDisburse) (*types.MsgDisburseResponse, error) {
	a, p, params, signerStr, err := m.holding(ctx, msg.Signer, msg.AllocationId)
	if err != nil {
		return nil, err
	}
	amount, err := types.CheckCoin("amount", msg.Amount, p.Denom, false)
	if err != nil {
		return nil, err
	}
	beneficiary, beneficiaryStr, err := m.payee("beneficiary", msg.Beneficiary)
	if err != nil {
		return nil, err
	}
	if beneficiaryStr == signerStr {
		return nil, types.ErrUnauthorized.Wrapf("%s may not disburse to itself", signerStr)
	}
	if err := types.ValidatePurposeCode(msg.PurposeCode); err != nil {
		return nil, err
	}
	if err := types.ValidateHash("reference", msg.Reference, true); err != nil {
		return nil, err
	}
	payout, err := m.checkPayout(msg.IbcChannel, msg.IbcReceiver)
	if err != nil {
		return nil, err
	}
	if err := available(a, amount, p.Denom); err != nil {
		return nil, err
	}
	if err := m.checkEligible(ctx, p, beneficiary, beneficiaryStr, msg.CredentialId); err != nil {
		return nil, err
	}
	pending := amount.GTE(p.ApprovalThreshold)
	if pending {
		if err := m.reserve(ctx, &p, &a, amount, params); err != nil {
			return nil, err
		}
	}
	id, err := m.DisbursementSeq.Next(ctx)
	if err != nil {
		return nil, err
	}
	height, now := blockInfo(ctx)
	d := types.Disbursement{
		Id: id, ProgramId: p.Id, AllocationId: a.Id, Beneficiary: beneficiaryStr, Amount: amount,
		PurposeCode: msg.PurposeCode, Reference: msg.Reference, CredentialId: msg.CredentialId,
		Requester: signerStr, DepartmentId: a.DepartmentId, Status: types.DisbursementStatus_DISBURSEMENT_STATUS_PENDING,
		Expended: math.ZeroInt(), CreatedHeight: height, CreatedAt: now, IbcPayout: payout,
	}
	if pending {
		if err := m.storeDisbursement(ctx, d, true); err != nil {
			return nil, err
		}
		if err := m.Allocations.Set(ctx, a.Id, a); err != nil {
			return nil, err
		}
		if err := m.Programs.Set(ctx, p.Id, p); err != nil {
			return nil, err
		}
		return &types.MsgDisburseResponse{DisbursementId: id}, emit(ctx, &types.EventDisbursementPending{
			ProgramId: p.Id, AllocationId: a.Id, DisbursementId: id, DepartmentId: a.DepartmentId, Amount: msg.Amount.String(),
		})
	}
	entry, err := m.pay(ctx, p, a, d, 0, true)
	if err != nil {
		return nil, err
	}
	return &types.MsgDisburseResponse{DisbursementId: id, Paid: payout == nil, LedgerEntryId: entry}, nil
}

// pendingDisbursement loads a pending disbursement with its program and
// allocation and checks who may decide on it.
func (k Keeper) pendingDisbursement(ctx context.Context, signerAddr string, id uint64) (types.Disbursement, types.Program, types.Allocation, string, string, error) {
	var (
		p types.Program
		a types.Allocation
	)
	signer, signerStr, err := k.signer(signerAddr)
	if err != nil {
		return types.Disbursement{}, p, a, "", "", err
	}
	d, err := k.GetDisbursement(ctx, id)
	if err != nil {
		return d, p, a, "", "", err
	}
	if d.Status != types.DisbursementStatus_DISBURSEMENT_STATUS_PENDING {
		return d, p, a, "", "", types.ErrNotPending.Wrapf("disbursement %d is %s", d.Id, d.Status)
	}
	if p, err = k.openProgram(ctx, d.ProgramId); err != nil {
		return d, p, a, "", "", err
	}
	if a, err = k.GetAllocation(ctx, d.AllocationId); err != nil {
		return d, p, a, "", "", err
	}
	dept, err := k.authorizeApprover(ctx, signer, signerStr, p, d)
	return d, p, a, signerStr, dept, err
}

// ApproveDisbursement gives the second approval and pays.
func (m msgServer) ApproveDisbursement(ctx context.Context, msg *types.MsgApproveDisbursement) (*types.MsgApproveDisbursementResponse, error) {
	d, p, a, signerStr, dept, err := m.pendingDisbursement(ctx, msg.Signer, msg.DisbursementId)
	if err != nil {
		return nil, err
	}
	if signerStr == d.Beneficiary {
		return nil, types.ErrSameApprover.Wrapf("%s is the beneficiary of disbursement %d", signerStr, d.Id)
	}
	beneficiary, err := m.addressCodec.StringToBytes(d.Beneficiary)
	if err != nil {
		return nil, err
	}
	// The credential may have been revoked or expired since the request.
	if err := m.checkEligible(ctx, p, beneficiary, d.Beneficiary, d.CredentialId); err != nil {
		return nil, err
	}
	release(&p, &a, d.Amount)
	d.Decision = decision(ctx, types.DecisionKind_DECISION_KIND_APPROVED, signerStr, dept, "")
	entry, err := m.pay(ctx, p, a, d, 0, false)
	if err != nil {
		return nil, err
	}
	return &types.MsgApproveDisbursementResponse{LedgerEntryId: entry}, nil
}

// RejectDisbursement refuses a pending disbursement; its requester may also
// withdraw it this way.
func (m msgServer) RejectDisbursement(ctx context.Context, msg *types.MsgRejectDisbursement) (*types.MsgRejectDisbursementResponse, error) {
	d, p, a, signerStr, dept, err := m.pendingDisbursement(ctx, msg.Signer, msg.DisbursementId)
	if types.ErrSameApprover.Is(err) {
		dept, err = d.DepartmentId, nil // the requester withdraws
	}
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
	release(&p, &a, d.Amount)
	d.Status = types.DisbursementStatus_DISBURSEMENT_STATUS_REJECTED
	d.Decision = decision(ctx, types.DecisionKind_DECISION_KIND_REJECTED, signerStr, dept, msg.Reason)
	if err := m.storeDisbursement(ctx, d, false); err != nil {
		return nil, err
	}
	if err := m.Allocations.Set(ctx, a.Id, a); err != nil {
		return nil, err
	}
	if err := m.Programs.Set(ctx, p.Id, p); err != nil {
		return nil, err
	}
	return &types.MsgRejectDisbursementResponse{}, emit(ctx, &types.EventDisbursementRejected{
		ProgramId: p.Id, DisbursementId: d.Id, Approver: signerStr, Reason: msg.Reason,
	})
}
