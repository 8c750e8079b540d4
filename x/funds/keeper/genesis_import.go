package keeper

import (
	"context"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/funds/types"
)

// importer checks and stores genesis records, remembering the highest ids.
type importer struct {
	k                                                                   Keeper
	maxProgram, maxAllocation, maxDisbursement, maxMilestone, maxLedger uint64
}

func invalid(kind string, id uint64, format string, args ...any) error {
	return types.ErrInvalidGenesis.Wrapf("%s %d: "+format, append([]any{kind, id}, args...)...)
}

// nonNegative requires every amount to be set and not negative.
func nonNegative(amounts ...math.Int) bool {
	for _, a := range amounts {
		if a.IsNil() || a.IsNegative() {
			return false
		}
	}
	return true
}

// canonical requires an account address in canonical form.
func (imp *importer) canonical(kind string, id uint64, field, s string) error {
	_, c, err := imp.k.address(field, s)
	if err != nil {
		return invalid(kind, id, "%s", err)
	}
	if c != s {
		return invalid(kind, id, "%s %q is not in canonical form %q", field, s, c)
	}
	return nil
}

// department requires a department id by x/identity's rule and, with
// x/identity wired in, an existing department.
func (imp *importer) department(ctx context.Context, kind string, id uint64, field, dept string) error {
	if err := types.ValidateDepartmentID(field, dept); err != nil {
		return invalid(kind, id, "%s", err)
	}
	if imp.k.identity == nil {
		return nil
	}
	if _, err := imp.k.identity.GetDepartment(ctx, dept); err != nil {
		return invalid(kind, id, "%s: %s", field, err)
	}
	return nil
}

func (imp *importer) programs(ctx context.Context, gs *types.GenesisState) error {
	caps := types.CapParams()
	for _, p := range gs.Programs {
		switch {
		case p.Id == 0 || p.Id <= imp.maxProgram:
			return invalid("program", p.Id, "ids must be positive and increasing")
		case types.ValidateName(p.Name, caps.MaxTextLength) != nil:
			return invalid("program", p.Id, "%s", types.ValidateName(p.Name, caps.MaxTextLength))
		case sdk.ValidateDenom(p.Denom) != nil:
			return invalid("program", p.Id, "%s", sdk.ValidateDenom(p.Denom))
		case !nonNegative(p.BudgetCap, p.ApprovalThreshold, p.Funded, p.Disbursed, p.Expended, p.Refunded, p.Reserved) || !p.BudgetCap.IsPositive():
			return invalid("program", p.Id, "amounts must be set and not negative, the cap positive")
		case types.ValidatePurposeCode(p.PurposeCode) != nil:
			return invalid("program", p.Id, "%s", types.ValidatePurposeCode(p.PurposeCode))
		case p.Status != types.ProgramStatus_PROGRAM_STATUS_OPEN && p.Status != types.ProgramStatus_PROGRAM_STATUS_CLOSED:
			return invalid("program", p.Id, "status %s", p.Status)
		case (p.Status == types.ProgramStatus_PROGRAM_STATUS_CLOSED) != (p.ClosedAt != nil):
			return invalid("program", p.Id, "a closed program, and only one, has a closing time")
		case p.Status == types.ProgramStatus_PROGRAM_STATUS_CLOSED && !p.Held().IsZero():
			return invalid("program", p.Id, "closed but still holds %s%s", p.Held(), p.Denom)
		case p.EligibilityCredentialType != "" && types.ValidateCredentialType(p.EligibilityCredentialType, caps.MaxTextLength) != nil:
			return invalid("program", p.Id, "%s", types.ValidateCredentialType(p.EligibilityCredentialType, caps.MaxTextLength))
		}
		if err := imp.department(ctx, "program", p.Id, "manager department", p.ManagerDepartment); err != nil {
			return err
		}
		if p.SupervisorDepartment != "" {
			if err := imp.department(ctx, "program", p.Id, "supervisor department", p.SupervisorDepartment); err != nil {
				return err
			}
		}
		for _, a := range []struct{ field, s string }{{"creator", p.Creator}, {"refund address", p.RefundAddress}} {
			if err := imp.canonical("program", p.Id, a.field, a.s); err != nil {
				return err
			}
		}
		imp.maxProgram = p.Id
		if err := imp.k.Programs.Set(ctx, p.Id, p); err != nil {
			return err
		}
	}
	return nil
}

func (imp *importer) allocations(ctx context.Context, gs *types.GenesisState) error {
	for _, a := range gs.Allocations {
		if a.Id == 0 || a.Id <= imp.maxAllocation {
			return invalid("allocation", a.Id, "ids must be positive and increasing")
		}
		if !nonNegative(a.Received, a.Allocated, a.Disbursed, a.Reserved, a.Returned, a.Expended) {
			return invalid("allocation", a.Id, "amounts must be set and not negative")
		}
		if a.Depth > types.MaxDepthCap {
			return invalid("allocation", a.Id, "depth %d is past the cap %d", a.Depth, types.MaxDepthCap)
		}
		if _, err := imp.k.GetProgram(ctx, a.ProgramId); err != nil {
			return invalid("allocation", a.Id, "%s", err)
		}
		if err := imp.department(ctx, "allocation", a.Id, "department", a.DepartmentId); err != nil {
			return err
		}
		if a.ParentId != 0 {
			if a.ParentId >= a.Id {
				return invalid("allocation", a.Id, "its parent %d must come before it", a.ParentId)
			}
			if has, err := imp.k.Children.Has(ctx, collections.Join(a.ParentId, a.DepartmentId)); err != nil {
				return err
			} else if has {
				return invalid("allocation", a.Id, "allocation %d already has a child for department %q", a.ParentId, a.DepartmentId)
			}
		}
		imp.maxAllocation = a.Id
		if err := imp.k.addAllocation(ctx, a); err != nil {
			return err
		}
	}
	return nil
}

// payment checks what disbursements and milestones share: a program and an
// allocation of it, a payee, a positive amount.
func (imp *importer) payment(ctx context.Context, kind string, id, program, allocation uint64, payee string, amount math.Int) error {
	a, err := imp.k.GetAllocation(ctx, allocation)
	if err != nil {
		return invalid(kind, id, "%s", err)
	}
	if a.ProgramId != program {
		return invalid(kind, id, "allocation %d belongs to program %d, not %d", allocation, a.ProgramId, program)
	}
	if amount.IsNil() || !amount.IsPositive() {
		return invalid(kind, id, "amount must be positive")
	}
	return imp.canonical(kind, id, "payee", payee)
}

func (imp *importer) disbursements(ctx context.Context, gs *types.GenesisState) error {
	for _, d := range gs.Disbursements {
		if d.Id == 0 || d.Id <= imp.maxDisbursement {
			return invalid("disbursement", d.Id, "ids must be positive and increasing")
		}
		if err := imp.payment(ctx, "disbursement", d.Id, d.ProgramId, d.AllocationId, d.Beneficiary, d.Amount); err != nil {
			return err
		}
		paid := d.Status == types.DisbursementStatus_DISBURSEMENT_STATUS_PAID
		switch {
		case d.Status < types.DisbursementStatus_DISBURSEMENT_STATUS_PENDING || d.Status > types.DisbursementStatus_DISBURSEMENT_STATUS_RETURNED:
			return invalid("disbursement", d.Id, "status %s", d.Status)
		case (d.Status == types.DisbursementStatus_DISBURSEMENT_STATUS_IN_FLIGHT || d.Status == types.DisbursementStatus_DISBURSEMENT_STATUS_RETURNED) && d.IbcPayout == nil:
			return invalid("disbursement", d.Id, "%s without an IBC payout", d.Status)
		case !nonNegative(d.Expended) || (!paid && !d.Expended.IsZero()):
			return invalid("disbursement", d.Id, "only a paid disbursement reports use, never negative")
		case paid != (d.PaidAt != nil):
			return invalid("disbursement", d.Id, "a paid disbursement, and only one, has a payment time")
		case d.Status == types.DisbursementStatus_DISBURSEMENT_STATUS_REJECTED && d.Decision == nil:
			return invalid("disbursement", d.Id, "a rejection must keep its decision")
		case types.ValidatePurposeCode(d.PurposeCode) != nil:
			return invalid("disbursement", d.Id, "%s", types.ValidatePurposeCode(d.PurposeCode))
		case types.ValidateHash("reference", d.Reference, false) != nil:
			return invalid("disbursement", d.Id, "%s", types.ValidateHash("reference", d.Reference, false))
		}
		if err := imp.canonical("disbursement", d.Id, "requester", d.Requester); err != nil {
			return err
		}
		imp.maxDisbursement = d.Id
		if err := imp.k.storeDisbursement(ctx, d, true); err != nil {
			return err
		}
		if d.Status == types.DisbursementStatus_DISBURSEMENT_STATUS_IN_FLIGHT {
			key := collections.Join(d.IbcPayout.SourceChannel, d.IbcPayout.Sequence)
			if has, err := imp.k.Payouts.Has(ctx, key); err != nil {
				return err
			} else if has {
				return invalid("disbursement", d.Id, "payout %s/%d is another disbursement's", key.K1(), key.K2())
			}
			if err := imp.k.Payouts.Set(ctx, key, d.Id); err != nil {
				return err
			}
		}
	}
	return nil
}

func (imp *importer) milestones(ctx context.Context, gs *types.GenesisState) error {
	for _, m := range gs.Milestones {
		if m.Id == 0 || m.Id <= imp.maxMilestone {
			return invalid("milestone", m.Id, "ids must be positive and increasing")
		}
		if err := imp.payment(ctx, "milestone", m.Id, m.ProgramId, m.AllocationId, m.Contractor, m.Amount); err != nil {
			return err
		}
		switch m.Status {
		case types.MilestoneStatus_MILESTONE_STATUS_OPEN, types.MilestoneStatus_MILESTONE_STATUS_REJECTED:
		case types.MilestoneStatus_MILESTONE_STATUS_PAID:
			d, err := imp.k.GetDisbursement(ctx, m.DisbursementId)
			if err != nil || d.MilestoneId != m.Id || m.EvidenceId == 0 {
				return invalid("milestone", m.Id, "paid, but its payment %d does not name it or no evidence is cited", m.DisbursementId)
			}
		default:
			return invalid("milestone", m.Id, "status %s", m.Status)
		}
		if err := types.ValidateHash("description hash", m.DescriptionHash, true); err != nil {
			return invalid("milestone", m.Id, "%s", err)
		}
		if err := imp.canonical("milestone", m.Id, "creator", m.Creator); err != nil {
			return err
		}
		imp.maxMilestone = m.Id
		if err := imp.k.addMilestone(ctx, m); err != nil {
			return err
		}
	}
	return nil
}

func (imp *importer) ledger(ctx context.Context, gs *types.GenesisState) error {
	for _, e := range gs.Ledger {
		if e.Id == 0 || e.Id <= imp.maxLedger {
			return invalid("ledger entry", e.Id, "ids must be positive and increasing")
		}
		p, err := imp.k.GetProgram(ctx, e.ProgramId)
		if err != nil {
			return invalid("ledger entry", e.Id, "%s", err)
		}
		if _, known := types.LedgerType_name[int32(e.Type)]; !known || e.Type == types.LedgerType_LEDGER_TYPE_UNSPECIFIED {
			return invalid("ledger entry", e.Id, "type %d", e.Type)
		}
		if e.Denom != p.Denom || e.Amount.IsNil() || !e.Amount.IsPositive() {
			return invalid("ledger entry", e.Id, "amount must be a positive amount of %s", p.Denom)
		}
		for _, a := range []uint64{e.AllocationId, e.ToAllocationId} {
			if a == 0 {
				continue
			}
			if n, err := imp.k.GetAllocation(ctx, a); err != nil || n.ProgramId != e.ProgramId {
				return invalid("ledger entry", e.Id, "allocation %d is not program %d's", a, e.ProgramId)
			}
		}
		imp.maxLedger = e.Id
		if err := imp.k.storeLedger(ctx, e); err != nil {
			return err
		}
	}
	return nil
}
