package keeper

import (
	"time"

	"context"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/funds/types"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

// CreateProgram creates a program and its root allocation, held by the
// signer's FUND_MANAGER department.
func (m msgServer) CreateProgram(ctx context.Context, msg *types.MsgCreateProgram) (*types.MsgCreateProgramResponse, error) {
	signer, signerStr, err := m.signer(msg.Signer)
	if err != nil {
		return nil, err
	}
	params, err := m.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	if err := types.ValidateName(msg.Name, params.MaxTextLength); err != nil {
		return nil, err
	}
	budget, err := types.CheckCoin("budget cap", msg.BudgetCap, "", false)
	if err != nil {
		return nil, err
	}
	threshold, err := types.CheckCoin("approval threshold", msg.ApprovalThreshold, msg.BudgetCap.Denom, true)
	if err != nil {
		return nil, err
	}
	if err := types.ValidatePurposeCode(msg.PurposeCode); err != nil {
		return nil, err
	}
	if msg.EligibilityCredentialType != "" {
		if err := types.ValidateCredentialType(msg.EligibilityCredentialType, params.MaxTextLength); err != nil {
			return nil, err
		}
	}
	refund, refundStr, err := m.address("refund address", msg.RefundAddress)
	if err != nil {
		return nil, err
	}
	if m.bank.BlockedAddr(refund) {
		return nil, types.ErrInvalidAddress.Wrapf("refund address %s may not receive funds", refundStr)
	}
	dept, err := m.identity.AuthorizeRole(ctx, signer, identitytypes.Role_ROLE_FUND_MANAGER)
	if err != nil {
		return nil, err
	}
	if err := m.checkSupervisor(ctx, msg.SupervisorDepartment, dept); err != nil {
		return nil, err
	}

	id, err := m.ProgramSeq.Next(ctx)
	if err != nil {
		return nil, err
	}
	rootID, err := m.AllocationSeq.Next(ctx)
	if err != nil {
		return nil, err
	}
	height, now := blockInfo(ctx)
	p := types.Program{
		Id: id, Name: msg.Name, Denom: msg.BudgetCap.Denom, BudgetCap: budget, PurposeCode: msg.PurposeCode,
		ApprovalThreshold: threshold, SupervisorDepartment: msg.SupervisorDepartment,
		EligibilityCredentialType: msg.EligibilityCredentialType, ManagerDepartment: dept, Creator: signerStr,
		RefundAddress: refundStr, Status: types.ProgramStatus_PROGRAM_STATUS_OPEN, RootAllocationId: rootID,
		Funded: math.ZeroInt(), Disbursed: math.ZeroInt(), Expended: math.ZeroInt(), Refunded: math.ZeroInt(),
		Reserved: math.ZeroInt(), CreatedHeight: height, CreatedAt: now,
	}
	if err := m.Programs.Set(ctx, id, p); err != nil {
		return nil, err
	}
	if err := m.addAllocation(ctx, newAllocation(rootID, id, 0, dept, 0, height, now)); err != nil {
		return nil, err
	}
	return &types.MsgCreateProgramResponse{ProgramId: id, RootAllocationId: rootID}, emit(ctx, &types.EventProgramCreated{
		ProgramId: id, ManagerDepartment: dept, BudgetCap: msg.BudgetCap.String(), RootAllocationId: rootID,
	})
}

// checkSupervisor accepts an empty supervisor, or an existing active
// department other than the manager's that holds FUND_SUPERVISOR.
func (m msgServer) checkSupervisor(ctx context.Context, supervisor, manager string) error {
	if supervisor == "" {
		return nil
	}
	if err := types.ValidateDepartmentID("supervisor department", supervisor); err != nil {
		return err
	}
	if supervisor == manager {
		return types.ErrInvalidRequest.Wrapf("the supervisor department must not be the manager department %q", manager)
	}
	d, err := m.identity.GetDepartment(ctx, supervisor)
	if err != nil {
		return err
	}
	if err := m.identity.CheckActive(ctx, d); err != nil {
		return err
	}
	if !identitytypes.HasRole(d.Roles, identitytypes.Role_ROLE_FUND_SUPERVISOR) {
		return types.ErrInvalidRequest.Wrapf("supervisor department %q does not hold FUND_SUPERVISOR", supervisor)
	}
	return nil
}

// newAllocation returns an empty allocation node.
func newAllocation(id, program, parent uint64, dept string, depth uint32, height int64, now time.Time) types.Allocation {
	return types.Allocation{
		Id: id, ProgramId: program, ParentId: parent, DepartmentId: dept, Depth: depth,
		Received: math.ZeroInt(), Allocated: math.ZeroInt(), Disbursed: math.ZeroInt(), Reserved: math.ZeroInt(),
		Returned: math.ZeroInt(), Expended: math.ZeroInt(), CreatedHeight: height, CreatedAt: now,
	}
}

// FundProgram moves coins from the signer into the escrow and credits the
// program.
func (m msgServer) FundProgram(ctx context.Context, msg *types.MsgFundProgram) (*types.MsgFundProgramResponse, error) {
	signer, signerStr, err := m.signer(msg.Signer)
	if err != nil {
		return nil, err
	}
	if _, err := m.checkDeposit(ctx, msg.ProgramId, msg.Amount); err != nil {
		return nil, err
	}
	if err := m.bank.SendCoinsFromAccountToModule(ctx, signer, types.ModuleName, sdk.NewCoins(msg.Amount)); err != nil {
		return nil, err
	}
	entry, err := m.CreditDeposit(ctx, msg.ProgramId, msg.Amount, signerStr, nil)
	if err != nil {
		return nil, err
	}
	return &types.MsgFundProgramResponse{LedgerEntryId: entry}, nil
}

// checkDeposit checks that coin may be paid into an open program without
// passing its budget cap, and returns the program.
func (k Keeper) checkDeposit(ctx context.Context, programID uint64, coin sdk.Coin) (types.Program, error) {
	p, err := k.openProgram(ctx, programID)
	if err != nil {
		return p, err
	}
	amount, err := types.CheckCoin("amount", coin, p.Denom, false)
	if err != nil {
		return p, err
	}
	if room := p.BudgetCap.Sub(p.Funded); amount.GT(room) {
		return p, types.ErrBudgetExceeded.Wrapf("program %d has %s%s of its %s%s cap left; %s offered", p.Id, room, p.Denom, p.BudgetCap, p.Denom, coin)
	}
	return p, nil
}

// CreditDeposit credits coins that are already in the escrow to a program's
// root allocation and records INCOMING_FUNDS from `from`. Funding from an
// account (FundProgram) and from a bank chain over IBC (origin set) both end
// here. It fails, changing nothing, on an unknown or closed program, another
// denom, or funding past the cap.
func (k Keeper) CreditDeposit(ctx context.Context, programID uint64, coin sdk.Coin, from string, origin *types.IbcOrigin) (uint64, error) {
	p, err := k.checkDeposit(ctx, programID, coin)
	if err != nil {
		return 0, err
	}
	root, err := k.GetAllocation(ctx, p.RootAllocationId)
	if err != nil {
		return 0, err
	}
	p.Funded = p.Funded.Add(coin.Amount)
	root.Received = root.Received.Add(coin.Amount)
	if err := k.Programs.Set(ctx, p.Id, p); err != nil {
		return 0, err
	}
	if err := k.Allocations.Set(ctx, root.Id, root); err != nil {
		return 0, err
	}
	entry, err := k.appendLedger(ctx, types.LedgerEntry{
		ProgramId: p.Id, Type: types.LedgerType_LEDGER_TYPE_INCOMING_FUNDS, AllocationId: root.Id,
		From: from, To: types.AllocationParty(root.Id), Denom: p.Denom, Amount: coin.Amount,
		PurposeCode: p.PurposeCode, IbcOrigin: origin,
	})
	if err != nil {
		return 0, err
	}
	return entry, emit(ctx, &types.EventProgramFunded{ProgramId: p.Id, From: from, Amount: coin.String(), LedgerEntryId: entry, IbcOrigin: origin})
}

// CloseProgram closes a program with nothing pending and sends what was
// never paid out to its refund address.
func (m msgServer) CloseProgram(ctx context.Context, msg *types.MsgCloseProgram) (*types.MsgCloseProgramResponse, error) {
	signer, signerStr, err := m.signer(msg.Signer)
	if err != nil {
		return nil, err
	}
	p, err := m.openProgram(ctx, msg.ProgramId)
	if err != nil {
		return nil, err
	}
	if err := m.authorizeManager(ctx, signer, signerStr, p); err != nil {
		return nil, err
	}
	if p.OpenItems > 0 {
		return nil, types.ErrOpenItems.Wrapf("program %d has %d pending disbursements, open milestones or payouts in flight; decide them (or wait for the bank chain) first", p.Id, p.OpenItems)
	}
	refund := sdk.NewCoin(p.Denom, p.Held())
	var entry uint64
	if refund.IsPositive() {
		to, err := m.addressCodec.StringToBytes(p.RefundAddress)
		if err != nil {
			return nil, err
		}
		if err := m.bank.SendCoinsFromModuleToAccount(ctx, types.ModuleName, to, sdk.NewCoins(refund)); err != nil {
			return nil, err
		}
		if entry, err = m.appendLedger(ctx, types.LedgerEntry{
			ProgramId: p.Id, Type: types.LedgerType_LEDGER_TYPE_REFUND, AllocationId: p.RootAllocationId,
			From: types.AllocationParty(p.RootAllocationId), To: p.RefundAddress, Denom: p.Denom, Amount: refund.Amount,
			PurposeCode: p.PurposeCode,
		}); err != nil {
			return nil, err
		}
	}
	height, now := blockInfo(ctx)
	p.Refunded = p.Refunded.Add(refund.Amount)
	p.Status = types.ProgramStatus_PROGRAM_STATUS_CLOSED
	p.ClosedHeight, p.ClosedAt = height, &now
	if err := m.Programs.Set(ctx, p.Id, p); err != nil {
		return nil, err
	}
	return &types.MsgCloseProgramResponse{Refunded: refund}, emit(ctx, &types.EventProgramClosed{
		ProgramId: p.Id, RefundAddress: p.RefundAddress, Refunded: refund.String(), LedgerEntryId: entry,
	})
}
