package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/funds/types"
)

// reserve holds amount on the allocation for a pending disbursement or an
// open milestone, counting it as one of the program's open items.
func (k Keeper) reserve(ctx context.Context, p *types.Program, a *types.Allocation, amount types.Int, params types.Params) error {
	if p.OpenItems >= params.MaxOpenItems {
		return types.ErrTooManyOpenItems.Wrapf("program %d already has %d pending disbursements and open milestones", p.Id, p.OpenItems)
	}
	p.OpenItems++
	p.Reserved = p.Reserved.Add(amount)
	a.Reserved = a.Reserved.Add(amount)
	return nil
}

// release undoes reserve.
func release(p *types.Program, a *types.Allocation, amount types.Int) {
	p.OpenItems--
	p.Reserved = p.Reserved.Sub(amount)
	a.Reserved = a.Reserved.Sub(amount)
}

// pay sends d's amount from the escrow to its beneficiary — or, for a
// payout over IBC, toward its receiver on the bank chain, leaving d in flight
// — records the DISBURSEMENT entry and stores the program, the allocation and
// the disbursement (isNew: not stored before). The caller has checked the
// allocation can afford it.
func (k Keeper) pay(ctx context.Context, p types.Program, a types.Allocation, d types.Disbursement, evidenceID uint64, isNew bool) (uint64, error) {
	to := d.Beneficiary
	if d.IbcPayout != nil {
		var err error
		if d, err = k.sendPayout(ctx, &p, d); err != nil {
			return 0, err
		}
		to = d.IbcPayout.Receiver
	} else {
		addr, err := k.addressCodec.StringToBytes(d.Beneficiary)
		if err != nil {
			return 0, err
		}
		if err := k.bank.SendCoinsFromModuleToAccount(ctx, types.ModuleName, addr, sdk.NewCoins(sdk.NewCoin(p.Denom, d.Amount))); err != nil {
			return 0, err
		}
		height, now := blockInfo(ctx)
		d.Status = types.DisbursementStatus_DISBURSEMENT_STATUS_PAID
		d.PaidHeight, d.PaidAt = height, &now
	}
	entry, err := k.appendLedger(ctx, types.LedgerEntry{
		ProgramId: p.Id, Type: types.LedgerType_LEDGER_TYPE_DISBURSEMENT, AllocationId: a.Id,
		From: types.AllocationParty(a.Id), To: to, Denom: p.Denom, Amount: d.Amount,
		PurposeCode: d.PurposeCode, Reference: d.Reference, DisbursementId: d.Id, MilestoneId: d.MilestoneId,
		EvidenceId: evidenceID,
	})
	if err != nil {
		return 0, err
	}
	a.Disbursed = a.Disbursed.Add(d.Amount)
	p.Disbursed = p.Disbursed.Add(d.Amount)
	if err := k.storeDisbursement(ctx, d, isNew); err != nil {
		return 0, err
	}
	if err := k.Allocations.Set(ctx, a.Id, a); err != nil {
		return 0, err
	}
	if err := k.Programs.Set(ctx, p.Id, p); err != nil {
		return 0, err
	}
	amount := sdk.NewCoin(p.Denom, d.Amount).String()
	if d.IbcPayout != nil {
		return entry, emit(ctx, &types.EventPayoutSent{
			ProgramId: p.Id, DisbursementId: d.Id, SourceChannel: d.IbcPayout.SourceChannel, Sequence: d.IbcPayout.Sequence,
			Receiver: d.IbcPayout.Receiver, Amount: amount, LedgerEntryId: entry,
		})
	}
	approver := ""
	if d.Decision != nil {
		approver = d.Decision.Approver
	}
	return entry, emit(ctx, &types.EventDisbursed{
		ProgramId: p.Id, AllocationId: a.Id, DisbursementId: d.Id, Beneficiary: d.Beneficiary,
		Amount: amount, Approver: approver, MilestoneId: d.MilestoneId, LedgerEntryId: entry,
	})
}

// decision returns the record of a decision taken now.
func decision(ctx context.Context, kind types.DecisionKind, approver, dept, reason string) *types.Decision {
	height, now := blockInfo(ctx)
	return &types.Decision{Kind: kind, Approver: approver, DepartmentId: dept, Reason: reason, Height: height, Time: now}
}
