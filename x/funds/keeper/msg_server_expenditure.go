package keeper

import (
	"context"

	"github.com/trustcity/trustcity/x/funds/types"
)

// ReportExpenditure records the beneficiary's use of a paid disbursement,
// never more than it received. It is accepted after the program closed too.
func (m msgServer) ReportExpenditure(ctx context.Context, msg *types.MsgReportExpenditure) (*types.MsgReportExpenditureResponse, error) {
	_, signerStr, err := m.signer(msg.Signer)
	if err != nil {
		return nil, err
	}
	d, err := m.GetDisbursement(ctx, msg.DisbursementId)
	if err != nil {
		return nil, err
	}
	if signerStr != d.Beneficiary {
		return nil, types.ErrUnauthorized.Wrapf("disbursement %d was paid to %s, not %s", d.Id, d.Beneficiary, signerStr)
	}
	if d.Status != types.DisbursementStatus_DISBURSEMENT_STATUS_PAID {
		return nil, types.ErrNotPaid.Wrapf("disbursement %d is %s", d.Id, d.Status)
	}
	p, err := m.GetProgram(ctx, d.ProgramId)
	if err != nil {
		return nil, err
	}
	amount, err := types.CheckCoin("amount", msg.Amount, p.Denom, false)
	if err != nil {
		return nil, err
	}
	if left := d.Amount.Sub(d.Expended); amount.GT(left) {
		return nil, types.ErrOverReported.Wrapf("disbursement %d paid %s%s of which %s%s is already reported; %s%s reported now",
			d.Id, d.Amount, p.Denom, d.Expended, p.Denom, amount, p.Denom)
	}
	if err := types.ValidatePurposeCode(msg.PurposeCode); err != nil {
		return nil, err
	}
	if err := types.ValidateHash("receipt hash", msg.ReceiptHash, false); err != nil {
		return nil, err
	}
	switch {
	case len(msg.ReceiptHash) == 0 && msg.EvidenceId == 0:
		return nil, types.ErrInvalidRequest.Wrap("an expenditure needs a receipt hash or an evidence record")
	case msg.EvidenceId != 0:
		if err := m.checkEvidence(ctx, msg.EvidenceId); err != nil {
			return nil, err
		}
	}
	a, err := m.GetAllocation(ctx, d.AllocationId)
	if err != nil {
		return nil, err
	}
	d.Expended = d.Expended.Add(amount)
	a.Expended = a.Expended.Add(amount)
	p.Expended = p.Expended.Add(amount)
	if err := m.Disbursements.Set(ctx, d.Id, d); err != nil {
		return nil, err
	}
	if err := m.Allocations.Set(ctx, a.Id, a); err != nil {
		return nil, err
	}
	if err := m.Programs.Set(ctx, p.Id, p); err != nil {
		return nil, err
	}
	entry, err := m.appendLedger(ctx, types.LedgerEntry{
		ProgramId: p.Id, Type: types.LedgerType_LEDGER_TYPE_EXPENDITURE, AllocationId: a.Id,
		From: signerStr, Denom: p.Denom, Amount: amount, PurposeCode: msg.PurposeCode, Reference: msg.ReceiptHash,
		DisbursementId: d.Id, MilestoneId: d.MilestoneId, EvidenceId: msg.EvidenceId,
	})
	if err != nil {
		return nil, err
	}
	return &types.MsgReportExpenditureResponse{LedgerEntryId: entry}, emit(ctx, &types.EventExpenditureReported{
		ProgramId: p.Id, DisbursementId: d.Id, Reporter: signerStr, Amount: msg.Amount.String(), LedgerEntryId: entry,
	})
}
