package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/funds/types"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

func TestDisburseBelowThreshold(t *testing.T) {
	f := newFixture(t)
	f.tree()
	var res *types.MsgDisburseResponse
	f.run(func(ctx sdk.Context) error {
		var err error
		res, err = f.disburse(ctx, "villageClerk", 3, "household", 99_999, "cred-household")
		return err
	})
	require.True(t, res.Paid)
	require.Equal(t, int64(99_999), f.balance("household").Int64())
	require.Equal(t, int64(600_000-99_999), f.escrow().Int64())
	d, err := f.k.GetDisbursement(f.ctx, res.DisbursementId)
	require.NoError(t, err)
	require.Equal(t, types.DisbursementStatus_DISBURSEMENT_STATUS_PAID, d.Status)
	require.Nil(t, d.Decision)
	entry, err := f.k.Ledger.Get(f.ctx, res.LedgerEntryId)
	require.NoError(t, err)
	require.Equal(t, types.LedgerType_LEDGER_TYPE_DISBURSEMENT, entry.Type)
	require.Equal(t, "allocation/3", entry.From)
	require.Equal(t, f.addr["household"], entry.To)
	require.Equal(t, int64(99_999), f.allocation(3).Disbursed.Int64())
}

func TestDisburseRejects(t *testing.T) {
	f := newFixture(t)
	f.tree()
	// A program without an eligibility requirement, funded and held by the treasury.
	f.run(func(ctx sdk.Context) error {
		_, err := f.createProgram(ctx, func(m *types.MsgCreateProgram) { m.EligibilityCredentialType, m.SupervisorDepartment = "", "" })
		return err
	})
	f.run(func(ctx sdk.Context) error { return f.fund(ctx, "funder", 2, 1000) })
	disb := func(signer string, from uint64, to string, n int64, cred string, mutate ...func(*types.MsgDisburse)) func(sdk.Context) error {
		return func(ctx sdk.Context) error {
			msg := &types.MsgDisburse{Signer: f.addr[signer], AllocationId: from, Beneficiary: f.addr[to], Amount: coin(n),
				PurposeCode: "16010", Reference: hashOf("voucher"), CredentialId: cred}
			for _, m := range mutate {
				m(msg)
			}
			_, err := f.msg.Disburse(ctx, msg)
			return err
		}
	}
	// The household's credential is revoked in a second fixture state below;
	// here it is valid.
	f.runRejects(t, []rejectCase{
		{"not affiliated", identitytypes.ErrNotAffiliated, disb("outsider", 3, "household", 10, "cred-household")},
		{"another department", types.ErrUnauthorized, disb("countyHead", 3, "household", 10, "cred-household")},
		{"more than available", types.ErrInsufficientFunds, disb("villageHead", 3, "household", 250_001, "cred-household")},
		{"no credential named", types.ErrNotEligible, disb("villageHead", 3, "household", 10, "")},
		{"someone else's credential", types.ErrNotEligible, disb("villageHead", 3, "poor", 10, "cred-household")},
		{"credential of another type", types.ErrNotEligible, disb("villageHead", 3, "household", 10, "other-type")},
		{"unknown credential", types.ErrNotEligible, disb("villageHead", 3, "household", 10, "cred-nobody")},
		{"credential on a program without eligibility", types.ErrInvalidRequest, disb("treasurer", 4, "household", 10, "cred-household")},
		{"to a module account", types.ErrInvalidAddress, disb("villageHead", 3, "household", 10, "cred-household", func(m *types.MsgDisburse) {
			m.Beneficiary = f.escrowAddr()
		})},
		{"bad beneficiary", types.ErrInvalidAddress, disb("villageHead", 3, "household", 10, "cred-household", func(m *types.MsgDisburse) { m.Beneficiary = "x" })},
		{"no reference", types.ErrInvalidRequest, disb("villageHead", 3, "household", 10, "cred-household", func(m *types.MsgDisburse) { m.Reference = nil })},
		{"bad purpose", types.ErrInvalidRequest, disb("villageHead", 3, "household", 10, "cred-household", func(m *types.MsgDisburse) { m.PurposeCode = "" })},
		{"zero", types.ErrInvalidAmount, disb("villageHead", 3, "household", 0, "cred-household")},
		{"other denom", types.ErrWrongDenom, disb("villageHead", 3, "household", 1, "cred-household", func(m *types.MsgDisburse) {
			m.Amount = sdk.NewInt64Coin("uother", 1)
		})},
		{"unknown allocation", types.ErrAllocationNotFound, disb("villageHead", 30, "household", 10, "cred-household")},
		{"to the signer", types.ErrUnauthorized, disb("treasurer", 4, "treasurer", 10, "")},
	})
	// Revoked and expired credentials are refused.
	_, err := f.ids.UpdateCredentialStatus(f.ctx, &identitytypes.MsgUpdateCredentialStatus{Signer: f.addr["civilAdmin"], Id: "cred-household",
		Status: identitytypes.CredentialStatus_CREDENTIAL_STATUS_REVOKED, Reason: identitytypes.StatusReason_STATUS_REASON_SUPERSEDED})
	require.NoError(t, err)
	f.rejects(t, types.ErrNotEligible, disb("villageHead", 3, "household", 10, "cred-household"))
	// Without an eligibility type, anyone may be paid.
	f.run(disb("treasurer", 4, "poor", 10, ""))
}

func (f *fixture) escrowAddr() string {
	s, err := f.k.AddressCodec().BytesToString(f.k.EscrowAddress())
	require.NoError(f.t, err)
	return s
}

func TestSecondApproval(t *testing.T) {
	f := newFixture(t)
	f.tree()
	var res *types.MsgDisburseResponse
	f.run(func(ctx sdk.Context) error {
		var err error
		res, err = f.disburse(ctx, "villageClerk", 3, "household", 100_000, "cred-household")
		return err
	})
	require.False(t, res.Paid)
	require.Zero(t, res.LedgerEntryId)
	require.True(t, f.balance("household").IsZero())
	require.Equal(t, int64(600_000), f.escrow().Int64())
	village := f.allocation(3)
	require.Equal(t, int64(100_000), village.Reserved.Int64())
	require.Equal(t, int64(150_000), village.Available().Int64())
	pending, err := f.query.PendingApprovals(f.ctx, &types.QueryPendingApprovalsRequest{ProgramId: 1})
	require.NoError(t, err)
	require.Len(t, pending.Disbursements, 1)

	// The reservation counts against what the village may still pay.
	f.rejects(t, types.ErrInsufficientFunds, func(ctx sdk.Context) error {
		_, err := f.disburse(ctx, "villageHead", 3, "household", 150_001, "cred-household")
		return err
	})

	approve := func(signer string, id uint64) func(sdk.Context) error {
		return func(ctx sdk.Context) error {
			_, err := f.msg.ApproveDisbursement(ctx, &types.MsgApproveDisbursement{Signer: f.addr[signer], DisbursementId: id})
			return err
		}
	}
	reject := func(signer string, id uint64) func(sdk.Context) error {
		return func(ctx sdk.Context) error {
			_, err := f.msg.RejectDisbursement(ctx, &types.MsgRejectDisbursement{Signer: f.addr[signer], DisbursementId: id, Reason: "no"})
			return err
		}
	}
	f.runRejects(t, []rejectCase{
		{"the requester approves", types.ErrSameApprover, approve("villageClerk", 1)},
		{"another department", types.ErrUnauthorized, approve("countyHead", 1)},
		{"the manager", types.ErrUnauthorized, approve("treasurer", 1)},
		{"not affiliated", identitytypes.ErrNotAffiliated, approve("outsider", 1)},
		{"unknown", types.ErrDisbursementNotFound, approve("villageHead", 9)},
		{"reject: another department", types.ErrUnauthorized, reject("countyHead", 1)},
		{"reject: not affiliated", identitytypes.ErrNotAffiliated, reject("outsider", 1)},
		{"reject: reason too long", types.ErrInvalidRequest, func(ctx sdk.Context) error {
			_, err := f.msg.RejectDisbursement(ctx, &types.MsgRejectDisbursement{Signer: f.addr["villageHead"], DisbursementId: 1, Reason: string(make([]byte, 300))})
			return err
		}},
	})

	events := f.run(approve("villageHead", 1))
	require.Equal(t, "trustcity.funds.v1.EventDisbursed", events[len(events)-1].Type)
	require.Equal(t, int64(100_000), f.balance("household").Int64())
	require.Equal(t, int64(500_000), f.escrow().Int64())
	d, err := f.k.GetDisbursement(f.ctx, 1)
	require.NoError(t, err)
	require.Equal(t, types.DisbursementStatus_DISBURSEMENT_STATUS_PAID, d.Status)
	require.Equal(t, types.DecisionKind_DECISION_KIND_APPROVED, d.Decision.Kind)
	require.Equal(t, f.addr["villageHead"], d.Decision.Approver)
	require.Equal(t, "village", d.Decision.DepartmentId)
	require.True(t, f.allocation(3).Reserved.IsZero())

	f.runRejects(t, []rejectCase{
		{"approve twice", types.ErrNotPending, approve("villageHead", 1)},
		{"approve after another approved", types.ErrNotPending, approve("auditor", 1)},
		{"reject after payment", types.ErrNotPending, reject("villageHead", 1)},
	})

	// The supervisor department approves too; a revoked credential stops
	// the approval.
	f.run(func(ctx sdk.Context) error {
		_, err := f.disburse(ctx, "villageClerk", 3, "household", 100_000, "cred-household")
		return err
	})
	f.run(approve("auditClerk", 2))
	d, _ = f.k.GetDisbursement(f.ctx, 2)
	require.Equal(t, "audit", d.Decision.DepartmentId)

	f.run(func(ctx sdk.Context) error {
		_, err := f.disburse(ctx, "villageClerk", 3, "household", 50_000, "cred-household")
		return err
	})
	require.Equal(t, types.DisbursementStatus_DISBURSEMENT_STATUS_PAID, mustDisbursement(f, 3).Status, "below the threshold: paid at once")
	// max_open_items bounds pending disbursements and open milestones together.
	f.run(func(ctx sdk.Context) error { return f.allocate(ctx, "countyHead", 2, "village", 150_000) })
	p := types.DefaultParams()
	p.MaxOpenItems = 1
	require.NoError(t, f.k.Params.Set(f.ctx, p))
	f.run(func(ctx sdk.Context) error {
		_, err := f.disburse(ctx, "villageClerk", 3, "household", 100_000, "cred-household")
		return err
	})
	f.rejects(t, types.ErrTooManyOpenItems, func(ctx sdk.Context) error { _, err := f.defineMilestone(ctx, "villageHead", 3, 10_000); return err })

	// The requester may withdraw a pending disbursement.
	f.run(reject("villageClerk", 4))
	d = mustDisbursement(f, 4)
	require.Equal(t, types.DisbursementStatus_DISBURSEMENT_STATUS_REJECTED, d.Status)
	require.Equal(t, f.addr["villageClerk"], d.Decision.Approver)
	require.Equal(t, "no", d.Decision.Reason)
	require.Zero(t, f.program(1).OpenItems)
	pending, err = f.query.PendingApprovals(f.ctx, &types.QueryPendingApprovalsRequest{ProgramId: 1})
	require.NoError(t, err)
	require.Empty(t, pending.Disbursements)
}

func mustDisbursement(f *fixture, id uint64) types.Disbursement {
	d, err := f.k.GetDisbursement(f.ctx, id)
	require.NoError(f.t, err)
	return d
}

func TestBeneficiaryCannotApprove(t *testing.T) {
	f := newFixture(t)
	f.run(func(ctx sdk.Context) error {
		_, err := f.createProgram(ctx, func(m *types.MsgCreateProgram) { m.EligibilityCredentialType = "" })
		return err
	})
	f.run(func(ctx sdk.Context) error { return f.fund(ctx, "funder", 1, 200_000) })
	f.run(func(ctx sdk.Context) error {
		_, err := f.disburse(ctx, "treasurer", 1, "treasuryClerk", 150_000, "")
		return err
	})
	f.rejects(t, types.ErrSameApprover, func(ctx sdk.Context) error {
		_, err := f.msg.ApproveDisbursement(ctx, &types.MsgApproveDisbursement{Signer: f.addr["treasuryClerk"], DisbursementId: 1})
		return err
	})
	f.run(func(ctx sdk.Context) error {
		_, err := f.msg.ApproveDisbursement(ctx, &types.MsgApproveDisbursement{Signer: f.addr["auditor"], DisbursementId: 1})
		return err
	})
	require.Equal(t, int64(150_000), f.balance("treasuryClerk").Int64())
}

func TestPayoutNeedsIBC(t *testing.T) {
	f := newFixture(t)
	f.tree()
	payout := func(channel, receiver string) func(sdk.Context) error {
		return func(ctx sdk.Context) error {
			_, err := f.msg.Disburse(ctx, &types.MsgDisburse{Signer: f.addr["villageClerk"], AllocationId: 3, Beneficiary: f.addr["household"],
				Amount: coin(10), PurposeCode: "16010", Reference: hashOf("voucher"), CredentialId: "cred-household",
				IbcChannel: channel, IbcReceiver: receiver})
			return err
		}
	}
	f.runRejects(t, []rejectCase{
		{"channel without receiver", types.ErrInvalidRequest, payout("channel-0", "")},
		{"receiver without channel", types.ErrInvalidRequest, payout("", "cosmos1abc")},
		// The fixture's keeper has no transfer keeper, like a chain without IBC.
		{"no IBC on this chain", types.ErrInvalidRequest, payout("channel-0", "cosmos1abc")},
	})
}
