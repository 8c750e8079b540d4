package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/trustcity/trustcity/x/funds/types"
)

// flow runs the whole story: fund, allocate twice, a paid and an approved
// disbursement, a confirmed milestone, a report, a return.
func (f *fixture) flow() {
	f.tree()
	f.run(func(ctx sdk.Context) error { return f.allocate(ctx, "villageHead", 3, "hamlet", 20_000) })
	f.run(func(ctx sdk.Context) error {
		_, err := f.disburse(ctx, "villageClerk", 3, "household", 5_000, "cred-household")
		return err
	})
	f.run(func(ctx sdk.Context) error {
		_, err := f.disburse(ctx, "villageClerk", 3, "household", 100_000, "cred-household")
		return err
	})
	f.run(func(ctx sdk.Context) error {
		_, err := f.msg.ApproveDisbursement(ctx, &types.MsgApproveDisbursement{Signer: f.addr["villageHead"], DisbursementId: 2})
		return err
	})
	f.run(func(ctx sdk.Context) error { _, err := f.defineMilestone(ctx, "villageHead", 3, 30_000); return err })
	f.run(f.confirm("auditor", 1, 1))
	f.run(func(ctx sdk.Context) error {
		_, err := f.msg.ReportExpenditure(ctx, &types.MsgReportExpenditure{Signer: f.addr["household"], DisbursementId: 1, Amount: coin(4_000),
			PurposeCode: "food", ReceiptHash: hashOf("receipt")})
		return err
	})
	f.run(func(ctx sdk.Context) error {
		_, err := f.msg.ReturnFunds(ctx, &types.MsgReturnFunds{Signer: f.addr["hamletHead"], AllocationId: 4, Amount: coin(20_000)})
		return err
	})
}

func TestQueries(t *testing.T) {
	f := newFixture(t)
	f.flow()
	ledger, err := f.query.Ledger(f.ctx, &types.QueryLedgerRequest{ProgramId: 1})
	require.NoError(t, err)
	var kinds []types.LedgerType
	for _, e := range ledger.Entries {
		kinds = append(kinds, e.Type)
	}
	require.Equal(t, []types.LedgerType{
		types.LedgerType_LEDGER_TYPE_INCOMING_FUNDS, types.LedgerType_LEDGER_TYPE_OUTGOING_COMMITMENT,
		types.LedgerType_LEDGER_TYPE_OUTGOING_COMMITMENT, types.LedgerType_LEDGER_TYPE_OUTGOING_COMMITMENT,
		types.LedgerType_LEDGER_TYPE_DISBURSEMENT, types.LedgerType_LEDGER_TYPE_DISBURSEMENT, types.LedgerType_LEDGER_TYPE_DISBURSEMENT,
		types.LedgerType_LEDGER_TYPE_EXPENDITURE, types.LedgerType_LEDGER_TYPE_RETURN,
	}, kinds)

	byType, err := f.query.Ledger(f.ctx, &types.QueryLedgerRequest{ProgramId: 1, Type: types.LedgerType_LEDGER_TYPE_DISBURSEMENT})
	require.NoError(t, err)
	require.Len(t, byType.Entries, 3)
	page, err := f.query.Ledger(f.ctx, &types.QueryLedgerRequest{ProgramId: 1, Type: types.LedgerType_LEDGER_TYPE_DISBURSEMENT,
		Pagination: &query.PageRequest{Limit: 2, CountTotal: true}})
	require.NoError(t, err)
	require.Len(t, page.Entries, 2)
	require.Equal(t, uint64(3), page.Pagination.Total)
	_, err = f.query.Ledger(f.ctx, &types.QueryLedgerRequest{ProgramId: 1, Type: 55})
	require.ErrorIs(t, err, types.ErrInvalidRequest)

	village, err := f.query.AllocationLedger(f.ctx, &types.QueryAllocationLedgerRequest{AllocationId: 3})
	require.NoError(t, err)
	require.Len(t, village.Entries, 7) // commitment in, commitment out, 3 payments, expenditure, return in

	household, err := f.query.AccountLedger(f.ctx, &types.QueryAccountLedgerRequest{Address: f.addr["household"]})
	require.NoError(t, err)
	require.Len(t, household.Entries, 3) // two payments and the report
	_, err = f.query.AccountLedger(f.ctx, &types.QueryAccountLedgerRequest{Address: "bad"})
	require.ErrorIs(t, err, types.ErrInvalidAddress)

	tree, err := f.query.AllocationTree(f.ctx, &types.QueryAllocationTreeRequest{ProgramId: 1})
	require.NoError(t, err)
	var depths []uint32
	for _, a := range tree.Allocations {
		depths = append(depths, a.Depth)
	}
	require.Equal(t, []uint32{0, 1, 2, 3}, depths)
	children, err := f.query.Children(f.ctx, &types.QueryChildrenRequest{Id: 2})
	require.NoError(t, err)
	require.Len(t, children.Allocations, 1)
	require.Equal(t, "village", children.Allocations[0].DepartmentId)

	prog, err := f.query.Program(f.ctx, &types.QueryProgramRequest{Id: 1})
	require.NoError(t, err)
	s := prog.Summary
	require.Equal(t, []int64{1_000_000, 600_000, 400_000, 135_000, 4_000, 0, 0, 200_000},
		[]int64{s.Budget.Int64(), s.Funded.Int64(), s.Allocated.Int64(), s.Disbursed.Int64(), s.Expended.Int64(),
			s.Returned.Int64(), s.Reserved.Int64(), s.Available.Int64()})
	alloc, err := f.query.Allocation(f.ctx, &types.QueryAllocationRequest{Id: 3})
	require.NoError(t, err)
	s = alloc.Summary
	require.Equal(t, []int64{250_000, 0, 135_000, 4_000, 115_000},
		[]int64{s.Funded.Int64(), s.Allocated.Int64(), s.Disbursed.Int64(), s.Expended.Int64(), s.Available.Int64()})
	hamlet, err := f.query.Allocation(f.ctx, &types.QueryAllocationRequest{Id: 4})
	require.NoError(t, err)
	require.Equal(t, int64(20_000), hamlet.Summary.Returned.Int64())

	disb, err := f.query.Disbursements(f.ctx, &types.QueryDisbursementsRequest{AllocationId: 3})
	require.NoError(t, err)
	require.Len(t, disb.Disbursements, 3)
	programs, err := f.query.Programs(f.ctx, &types.QueryProgramsRequest{})
	require.NoError(t, err)
	require.Len(t, programs.Programs, 1)
	entry, err := f.query.LedgerEntry(f.ctx, &types.QueryLedgerEntryRequest{Id: 1})
	require.NoError(t, err)
	require.Equal(t, f.addr["funder"], entry.Entry.From)

	for name, run := range map[string]func() error{
		"program":    func() error { _, err := f.query.Program(f.ctx, &types.QueryProgramRequest{Id: 9}); return err },
		"allocation": func() error { _, err := f.query.Allocation(f.ctx, &types.QueryAllocationRequest{Id: 9}); return err },
		"tree": func() error {
			_, err := f.query.AllocationTree(f.ctx, &types.QueryAllocationTreeRequest{ProgramId: 9})
			return err
		},
		"children": func() error { _, err := f.query.Children(f.ctx, &types.QueryChildrenRequest{Id: 9}); return err },
		"disbursement": func() error {
			_, err := f.query.Disbursement(f.ctx, &types.QueryDisbursementRequest{Id: 9})
			return err
		},
		"disbursements": func() error {
			_, err := f.query.Disbursements(f.ctx, &types.QueryDisbursementsRequest{AllocationId: 9})
			return err
		},
		"pending": func() error {
			_, err := f.query.PendingApprovals(f.ctx, &types.QueryPendingApprovalsRequest{ProgramId: 9})
			return err
		},
		"milestone": func() error { _, err := f.query.Milestone(f.ctx, &types.QueryMilestoneRequest{Id: 9}); return err },
		"milestones": func() error {
			_, err := f.query.Milestones(f.ctx, &types.QueryMilestonesRequest{ProgramId: 9})
			return err
		},
		"entry":  func() error { _, err := f.query.LedgerEntry(f.ctx, &types.QueryLedgerEntryRequest{Id: 99}); return err },
		"ledger": func() error { _, err := f.query.Ledger(f.ctx, &types.QueryLedgerRequest{ProgramId: 9}); return err },
		"alloc ledger": func() error {
			_, err := f.query.AllocationLedger(f.ctx, &types.QueryAllocationLedgerRequest{AllocationId: 9})
			return err
		},
		"nil request": func() error { _, err := f.query.Program(f.ctx, nil); return err },
	} {
		require.Error(t, run(), name)
	}
}
