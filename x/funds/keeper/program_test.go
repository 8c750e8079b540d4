package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/testutil/keepertest"
	"github.com/trustcity/trustcity/x/funds/types"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

func TestCreateProgram(t *testing.T) {
	f := newFixture(t)
	res, err := f.createProgram(f.ctx, nil)
	require.NoError(t, err)
	require.Equal(t, &types.MsgCreateProgramResponse{ProgramId: 1, RootAllocationId: 1}, res)
	p := f.program(1)
	require.Equal(t, "treasury", p.ManagerDepartment)
	require.Equal(t, denom, p.Denom)
	require.Equal(t, types.ProgramStatus_PROGRAM_STATUS_OPEN, p.Status)
	root := f.allocation(1)
	require.Equal(t, "treasury", root.DepartmentId)
	require.Zero(t, root.ParentId)
	f.invariants()

	mut := func(m func(*types.MsgCreateProgram)) func(sdk.Context) error {
		return func(ctx sdk.Context) error { _, err := f.createProgram(ctx, m); return err }
	}
	f.runRejects(t, []rejectCase{
		{"not affiliated", identitytypes.ErrNotAffiliated, mut(func(m *types.MsgCreateProgram) { m.Signer = f.addr["outsider"] })},
		{"member without FUND_MANAGER", identitytypes.ErrRoleNotHeld, mut(func(m *types.MsgCreateProgram) { m.Signer = f.addr["treasuryClerk"] })},
		{"department without FUND_MANAGER", identitytypes.ErrRoleNotHeld, mut(func(m *types.MsgCreateProgram) { m.Signer = f.addr["auditor"] })},
		{"bad signer", types.ErrInvalidAddress, mut(func(m *types.MsgCreateProgram) { m.Signer = "nope" })},
		{"empty name", types.ErrInvalidRequest, mut(func(m *types.MsgCreateProgram) { m.Name = "" })},
		{"control character in name", types.ErrInvalidRequest, mut(func(m *types.MsgCreateProgram) { m.Name = "a\x00b" })},
		{"zero cap", types.ErrInvalidAmount, mut(func(m *types.MsgCreateProgram) { m.BudgetCap = coin(0) })},
		{"bad denom", types.ErrInvalidAmount, mut(func(m *types.MsgCreateProgram) { m.BudgetCap = sdk.Coin{Denom: "1x", Amount: m.BudgetCap.Amount} })},
		{"threshold in another denom", types.ErrWrongDenom, mut(func(m *types.MsgCreateProgram) { m.ApprovalThreshold = sdk.NewInt64Coin("uother", 5) })},
		{"bad purpose code", types.ErrInvalidRequest, mut(func(m *types.MsgCreateProgram) { m.PurposeCode = "no spaces" })},
		{"bad credential type", types.ErrInvalidRequest, mut(func(m *types.MsgCreateProgram) { m.EligibilityCredentialType = "9lives" })},
		{"bad refund address", types.ErrInvalidAddress, mut(func(m *types.MsgCreateProgram) { m.RefundAddress = "cosmos1xyz" })},
		{"refund to a module account", types.ErrInvalidAddress, mut(func(m *types.MsgCreateProgram) {
			escrow, err := keepertest.AddressCodec().BytesToString(f.k.EscrowAddress())
			require.NoError(t, err)
			m.RefundAddress = escrow
		})},
		{"unknown supervisor", identitytypes.ErrDepartmentNotFound, mut(func(m *types.MsgCreateProgram) { m.SupervisorDepartment = "nobody" })},
		{"supervisor without FUND_SUPERVISOR", types.ErrInvalidRequest, mut(func(m *types.MsgCreateProgram) { m.SupervisorDepartment = "civil" })},
		{"manager supervising itself", types.ErrInvalidRequest, mut(func(m *types.MsgCreateProgram) { m.SupervisorDepartment = "treasury" })},
	})
}

func TestFundProgram(t *testing.T) {
	f := newFixture(t)
	f.run(func(ctx sdk.Context) error { _, err := f.createProgram(ctx, nil); return err })
	before := f.balance("funder")
	events := f.run(func(ctx sdk.Context) error { return f.fund(ctx, "funder", 1, 600_000) })
	require.Equal(t, "trustcity.funds.v1.EventProgramFunded", events[len(events)-1].Type)
	require.Equal(t, before.SubRaw(600_000), f.balance("funder"))
	require.Equal(t, int64(600_000), f.escrow().Int64())
	require.Equal(t, int64(600_000), f.program(1).Funded.Int64())
	require.Equal(t, int64(600_000), f.allocation(1).Received.Int64())
	entry, err := f.k.Ledger.Get(f.ctx, 1)
	require.NoError(t, err)
	require.Equal(t, types.LedgerType_LEDGER_TYPE_INCOMING_FUNDS, entry.Type)
	require.Equal(t, f.addr["funder"], entry.From)
	require.Equal(t, "allocation/1", entry.To)

	f.runRejects(t, []rejectCase{
		{"past the cap", types.ErrBudgetExceeded, func(ctx sdk.Context) error { return f.fund(ctx, "funder", 1, 400_001) }},
		{"unknown program", types.ErrProgramNotFound, func(ctx sdk.Context) error { return f.fund(ctx, "funder", 9, 1) }},
		{"zero", types.ErrInvalidAmount, func(ctx sdk.Context) error { return f.fund(ctx, "funder", 1, 0) }},
		{"other denom", types.ErrWrongDenom, func(ctx sdk.Context) error {
			_, err := f.msg.FundProgram(ctx, &types.MsgFundProgram{Signer: f.addr["funder"], ProgramId: 1, Amount: sdk.NewInt64Coin("uother", 5)})
			return err
		}},
		{"bad signer", types.ErrInvalidAddress, func(ctx sdk.Context) error {
			_, err := f.msg.FundProgram(ctx, &types.MsgFundProgram{Signer: "x", ProgramId: 1, Amount: coin(1)})
			return err
		}},
	})
	// An account without the coins: the bank's error, nothing moved.
	t.Run("insufficient balance", func(t *testing.T) {
		before, escrow := f.dump(), f.escrow()
		require.Error(t, f.fund(f.ctx.WithEventManager(sdk.NewEventManager()), "outsider", 1, 10))
		require.Equal(t, before, f.dump())
		require.True(t, escrow.Equal(f.escrow()))
	})
	// Exactly up to the cap is accepted.
	f.run(func(ctx sdk.Context) error { return f.fund(ctx, "funder", 1, 400_000) })
	require.Equal(t, int64(1_000_000), f.program(1).Funded.Int64())
}

func TestCloseProgram(t *testing.T) {
	f := newFixture(t)
	f.tree()
	f.run(func(ctx sdk.Context) error {
		_, err := f.disburse(ctx, "villageHead", 3, "household", 1000, "cred-household")
		return err
	})
	_, err := f.disburse(f.ctx, "villageHead", 3, "household", 100_000, "cred-household") // pending
	require.NoError(t, err)
	f.invariants()

	closeBy := func(signer string, id uint64) func(sdk.Context) error {
		return func(ctx sdk.Context) error {
			_, err := f.msg.CloseProgram(ctx, &types.MsgCloseProgram{Signer: f.addr[signer], ProgramId: id})
			return err
		}
	}
	f.runRejects(t, []rejectCase{
		{"pending disbursement", types.ErrOpenItems, closeBy("treasurer", 1)},
		{"manager of another department", types.ErrUnauthorized, closeBy("countyHead", 1)},
		{"member without FUND_MANAGER", identitytypes.ErrRoleNotHeld, closeBy("treasuryClerk", 1)},
		{"not affiliated", identitytypes.ErrNotAffiliated, closeBy("outsider", 1)},
		{"unknown program", types.ErrProgramNotFound, closeBy("treasurer", 7)},
	})

	f.run(func(ctx sdk.Context) error {
		_, err := f.msg.RejectDisbursement(ctx, &types.MsgRejectDisbursement{Signer: f.addr["villageClerk"], DisbursementId: 2, Reason: "duplicate"})
		return err
	})
	treasurer := f.balance("treasurer")
	var res *types.MsgCloseProgramResponse
	f.run(func(ctx sdk.Context) error {
		var err error
		res, err = f.msg.CloseProgram(ctx, &types.MsgCloseProgram{Signer: f.addr["treasurer"], ProgramId: 1})
		return err
	})
	require.Equal(t, coin(599_000), res.Refunded)
	require.Equal(t, treasurer.AddRaw(599_000), f.balance("treasurer"))
	require.True(t, f.escrow().IsZero())
	p := f.program(1)
	require.Equal(t, types.ProgramStatus_PROGRAM_STATUS_CLOSED, p.Status)
	q, err := f.query.Program(f.ctx, &types.QueryProgramRequest{Id: 1})
	require.NoError(t, err)
	require.Equal(t, int64(599_000), q.Summary.Returned.Int64())
	require.True(t, q.Summary.Available.IsZero())

	// Nothing but expenditure reports is accepted by a closed program.
	f.runRejects(t, []rejectCase{
		{"fund", types.ErrProgramClosed, func(ctx sdk.Context) error { return f.fund(ctx, "funder", 1, 1) }},
		{"allocate", types.ErrProgramClosed, func(ctx sdk.Context) error { return f.allocate(ctx, "villageHead", 3, "hamlet", 1) }},
		{"disburse", types.ErrProgramClosed, func(ctx sdk.Context) error {
			_, err := f.disburse(ctx, "villageHead", 3, "household", 1, "cred-household")
			return err
		}},
		{"return", types.ErrProgramClosed, func(ctx sdk.Context) error {
			_, err := f.msg.ReturnFunds(ctx, &types.MsgReturnFunds{Signer: f.addr["countyHead"], AllocationId: 2, Amount: coin(1)})
			return err
		}},
		{"close again", types.ErrProgramClosed, closeBy("treasurer", 1)},
	})
	f.run(func(ctx sdk.Context) error {
		_, err := f.msg.ReportExpenditure(ctx, &types.MsgReportExpenditure{Signer: f.addr["household"], DisbursementId: 1,
			Amount: coin(1000), PurposeCode: "16010", ReceiptHash: hashOf("receipt")})
		return err
	})
}

func TestUpdateParams(t *testing.T) {
	f := newFixture(t)
	p := types.DefaultParams()
	p.MaxDepth = 3
	f.run(func(ctx sdk.Context) error {
		_, err := f.msg.UpdateParams(ctx, &types.MsgUpdateParams{Authority: f.gov, Params: p})
		return err
	})
	got, err := f.query.Params(f.ctx, &types.QueryParamsRequest{})
	require.NoError(t, err)
	require.Equal(t, uint32(3), got.Params.MaxDepth)
	bad := p
	bad.MaxChildren = 0
	f.runRejects(t, []rejectCase{
		{"not the authority", types.ErrUnauthorized, func(ctx sdk.Context) error {
			_, err := f.msg.UpdateParams(ctx, &types.MsgUpdateParams{Authority: f.addr["treasurer"], Params: p})
			return err
		}},
		{"invalid params", types.ErrInvalidParams, func(ctx sdk.Context) error {
			_, err := f.msg.UpdateParams(ctx, &types.MsgUpdateParams{Authority: f.gov, Params: bad})
			return err
		}},
	})
}
