package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/funds/types"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

func (f *fixture) defineMilestone(ctx sdk.Context, signer string, from uint64, n int64, mutate ...func(*types.MsgDefineMilestone)) (*types.MsgDefineMilestoneResponse, error) {
	msg := &types.MsgDefineMilestone{Signer: f.addr[signer], AllocationId: from, Contractor: f.addr["contractor"], Amount: coin(n),
		DescriptionHash: hashOf("bridge phase 1"), DueHeight: 100}
	for _, m := range mutate {
		m(msg)
	}
	return f.msg.DefineMilestone(ctx, msg)
}

func (f *fixture) confirm(signer string, id, evidence uint64) func(sdk.Context) error {
	return func(ctx sdk.Context) error {
		_, err := f.msg.ConfirmMilestone(ctx, &types.MsgConfirmMilestone{Signer: f.addr[signer], MilestoneId: id, EvidenceId: evidence})
		return err
	}
}

func TestMilestones(t *testing.T) {
	f := newFixture(t)
	f.tree()
	f.run(func(ctx sdk.Context) error { _, err := f.defineMilestone(ctx, "villageClerk", 3, 200_000); return err })
	m, err := f.k.GetMilestone(f.ctx, 1)
	require.NoError(t, err)
	require.Equal(t, types.MilestoneStatus_MILESTONE_STATUS_OPEN, m.Status)
	require.Equal(t, int64(50_000), f.allocation(3).Available().Int64())
	require.Equal(t, uint32(1), f.program(1).OpenItems)

	def := func(signer string, from uint64, n int64, mutate ...func(*types.MsgDefineMilestone)) func(sdk.Context) error {
		return func(ctx sdk.Context) error { _, err := f.defineMilestone(ctx, signer, from, n, mutate...); return err }
	}
	past := start.Add(-time.Hour)
	f.runRejects(t, []rejectCase{
		{"define: more than available", types.ErrInsufficientFunds, def("villageHead", 3, 50_001)},
		{"define: another department", types.ErrUnauthorized, def("countyHead", 3, 1)},
		{"define: not affiliated", identitytypes.ErrNotAffiliated, def("outsider", 3, 1)},
		{"define: no due date", types.ErrInvalidRequest, def("villageHead", 3, 1, func(m *types.MsgDefineMilestone) { m.DueHeight = 0 })},
		{"define: due height passed", types.ErrInvalidRequest, def("villageHead", 3, 1, func(m *types.MsgDefineMilestone) { m.DueHeight = 10 })},
		{"define: due time passed", types.ErrInvalidRequest, def("villageHead", 3, 1, func(m *types.MsgDefineMilestone) { m.DueHeight, m.DueTime = 0, &past })},
		{"define: no description hash", types.ErrInvalidRequest, def("villageHead", 3, 1, func(m *types.MsgDefineMilestone) { m.DescriptionHash = []byte{1} })},
		{"define: contractor is a module account", types.ErrInvalidAddress, def("villageHead", 3, 1, func(m *types.MsgDefineMilestone) { m.Contractor = f.escrowAddr() })},
		{"confirm: a member of the holding department", identitytypes.ErrRoleNotHeld, f.confirm("villageHead", 1, 1)},
		{"confirm: supervisor member without FUND_SUPERVISOR", identitytypes.ErrRoleNotHeld, f.confirm("auditClerk", 1, 1)},
		{"confirm: the manager", identitytypes.ErrRoleNotHeld, f.confirm("treasurer", 1, 1)},
		{"confirm: not affiliated", identitytypes.ErrNotAffiliated, f.confirm("outsider", 1, 1)},
		{"confirm: evidence that does not exist", types.ErrEvidenceNotFound, f.confirm("auditor", 1, 77)},
		{"confirm: no evidence", types.ErrEvidenceNotFound, f.confirm("auditor", 1, 0)},
		{"confirm: withdrawn evidence", types.ErrEvidenceNotFound, f.confirm("auditor", 1, 2)},
		{"confirm: unknown milestone", types.ErrMilestoneNotFound, f.confirm("auditor", 5, 1)},
		{"reject: not the supervisor", identitytypes.ErrRoleNotHeld, func(ctx sdk.Context) error {
			_, err := f.msg.RejectMilestone(ctx, &types.MsgRejectMilestone{Signer: f.addr["villageHead"], MilestoneId: 1, Reason: "late"})
			return err
		}},
	})

	f.ctx = f.ctx.WithBlockHeight(150) // after the due height: confirmed late
	var res *types.MsgConfirmMilestoneResponse
	f.run(func(ctx sdk.Context) error {
		var err error
		res, err = f.msg.ConfirmMilestone(ctx, &types.MsgConfirmMilestone{Signer: f.addr["auditor"], MilestoneId: 1, EvidenceId: 1})
		return err
	})
	require.Equal(t, int64(200_000), f.balance("contractor").Int64())
	require.Equal(t, int64(400_000), f.escrow().Int64())
	m, _ = f.k.GetMilestone(f.ctx, 1)
	require.Equal(t, types.MilestoneStatus_MILESTONE_STATUS_PAID, m.Status)
	require.True(t, m.Late)
	require.Equal(t, uint64(1), m.EvidenceId)
	d := mustDisbursement(f, res.DisbursementId)
	require.Equal(t, uint64(1), d.MilestoneId)
	require.Equal(t, f.addr["auditor"], d.Decision.Approver)
	entry, err := f.k.Ledger.Get(f.ctx, res.LedgerEntryId)
	require.NoError(t, err)
	require.Equal(t, uint64(1), entry.EvidenceId)
	require.Equal(t, uint64(1), entry.MilestoneId)
	f.rejects(t, types.ErrNotPending, f.confirm("auditor", 1, 1))

	// A rejected milestone releases its tranche and is kept.
	f.run(func(ctx sdk.Context) error {
		_, err := f.defineMilestone(ctx, "villageClerk", 3, 50_000, func(m *types.MsgDefineMilestone) { m.DueHeight = 500 })
		return err
	})
	require.True(t, f.allocation(3).Available().IsZero())
	f.run(func(ctx sdk.Context) error {
		_, err := f.msg.RejectMilestone(ctx, &types.MsgRejectMilestone{Signer: f.addr["auditor"], MilestoneId: 2, Reason: "not built"})
		return err
	})
	m, _ = f.k.GetMilestone(f.ctx, 2)
	require.Equal(t, types.MilestoneStatus_MILESTONE_STATUS_REJECTED, m.Status)
	require.Equal(t, "not built", m.Decision.Reason)
	require.Equal(t, int64(50_000), f.allocation(3).Available().Int64())
	list, err := f.query.Milestones(f.ctx, &types.QueryMilestonesRequest{ProgramId: 1})
	require.NoError(t, err)
	require.Len(t, list.Milestones, 2)

	// A program without a supervisor has no milestones.
	f.run(func(ctx sdk.Context) error {
		_, err := f.createProgram(ctx, func(m *types.MsgCreateProgram) { m.SupervisorDepartment = "" })
		return err
	})
	f.run(func(ctx sdk.Context) error { return f.fund(ctx, "funder", 2, 10) })
	f.rejects(t, types.ErrNoSupervisor, def("treasurer", 4, 10))
}

func TestExpenditure(t *testing.T) {
	f := newFixture(t)
	f.tree()
	f.run(func(ctx sdk.Context) error {
		_, err := f.disburse(ctx, "villageClerk", 3, "household", 1000, "cred-household")
		return err
	})
	_, err := f.disburse(f.ctx, "villageClerk", 3, "household", 100_000, "cred-household") // pending: 2
	require.NoError(t, err)
	report := func(signer string, id uint64, n int64, mutate ...func(*types.MsgReportExpenditure)) func(sdk.Context) error {
		return func(ctx sdk.Context) error {
			msg := &types.MsgReportExpenditure{Signer: f.addr[signer], DisbursementId: id, Amount: coin(n), PurposeCode: "food", ReceiptHash: hashOf("receipt")}
			for _, m := range mutate {
				m(msg)
			}
			_, err := f.msg.ReportExpenditure(ctx, msg)
			return err
		}
	}
	f.run(report("household", 1, 600))
	f.run(report("household", 1, 300, func(m *types.MsgReportExpenditure) { m.ReceiptHash, m.EvidenceId = nil, 1 }))
	require.Equal(t, int64(900), mustDisbursement(f, 1).Expended.Int64())
	require.Equal(t, int64(900), f.allocation(3).Expended.Int64())
	require.Equal(t, int64(900), f.program(1).Expended.Int64())
	require.Equal(t, int64(1000), f.balance("household").Int64(), "a report moves no coins")

	f.runRejects(t, []rejectCase{
		{"over-reporting", types.ErrOverReported, report("household", 1, 101)},
		{"not the beneficiary", types.ErrUnauthorized, report("poor", 1, 1)},
		{"the paying department", types.ErrUnauthorized, report("villageClerk", 1, 1)},
		{"a pending disbursement", types.ErrNotPaid, report("household", 2, 1)},
		{"unknown disbursement", types.ErrDisbursementNotFound, report("household", 9, 1)},
		{"no receipt nor evidence", types.ErrInvalidRequest, report("household", 1, 1, func(m *types.MsgReportExpenditure) { m.ReceiptHash = nil })},
		{"bad receipt hash", types.ErrInvalidRequest, report("household", 1, 1, func(m *types.MsgReportExpenditure) { m.ReceiptHash = []byte("short") })},
		{"withdrawn evidence", types.ErrEvidenceNotFound, report("household", 1, 1, func(m *types.MsgReportExpenditure) { m.EvidenceId = 2 })},
		{"bad purpose", types.ErrInvalidRequest, report("household", 1, 1, func(m *types.MsgReportExpenditure) { m.PurposeCode = "a b" })},
		{"zero", types.ErrInvalidAmount, report("household", 1, 0)},
	})
	f.run(report("household", 1, 100))
	f.rejects(t, types.ErrOverReported, report("household", 1, 1))
}
