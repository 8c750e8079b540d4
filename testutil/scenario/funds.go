package scenario

import (
	"crypto/sha256"
	"fmt"
	"strconv"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/gogoproto/proto"

	"github.com/trustcity/trustcity/app"
	fundskeeper "github.com/trustcity/trustcity/x/funds/keeper"
	fundstypes "github.com/trustcity/trustcity/x/funds/types"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

// The x/funds row.
//
// funds-disbursement: one MsgDisburse, below the program's approval
// threshold so it is paid at once, by a member of benchFundsOffice from the
// office's allocation in one of fundsPrograms programs, to the next funded
// account: the escrow pays the coins and the ledger gains a DISBURSEMENT
// entry with its indexes.
//
// Its genesis (fundsGenesis) is x/identity's: the top-level department
// benchFundsTreasury, holding FUND_MANAGER and administered by an address
// that is no funded account, and below it benchFundsOffice, holding
// FUND_MANAGER, administered by Accounts[0], every other account a member.
// As for the other rows with genesis, only the gov authority may register a
// top-level department, so the load tool refuses the row and the block
// benchmark measures it.
//
// The programs are the row's history (storedFundsPrograms, Prefill), stored
// through the module's own message handlers, as the chain would have
// stored them: the treasury creates each program, Accounts[0] funds it with
// fundsBudget, and the treasury allocates all of it to the office. A
// genesis import cannot hold them: the funds genesis must find its escrow
// balance in x/bank's genesis, which the benchmark does not extend, and the
// treasury must exist in x/identity first.
const (
	fundsDisbursementName = "funds-disbursement"
	// benchFundsTreasury manages the programs; benchFundsOffice, below it,
	// holds the allocations the row pays from.
	benchFundsTreasury = "bench-treasury"
	benchFundsOffice   = "bench-office"
	// fundsPrograms is how many programs the row spreads its payments over.
	fundsPrograms = 16
	// fundsBudget is each program's cap, funding and the office's
	// allocation: enough for millions of payments of at most
	// fundsMaxPayment.
	fundsBudget = 10_000_000_000
	// fundsThreshold is each program's approval threshold, above every
	// payment of the row.
	fundsThreshold = 1_000_000
	// fundsMaxPayment bounds a payment of the row.
	fundsMaxPayment = 1000
	// fundsPurpose is the purpose code of the programs and payments.
	fundsPurpose = "16010"
	// fundsGenesisReason is why the funds row declares genesis state.
	fundsGenesisReason = "its signers must be members of a department holding a program allocation, and only the gov authority may register a top-level department"
)

// fundsOfficeAllocation is the id of the office's allocation in program i
// (counting from 0): the history creates each program's root and then the
// office's child before the next program.
func fundsOfficeAllocation(i int) uint64 { return uint64(2*i + 2) }

// fundsDisburse is one MsgDisburse by the signer from the office's
// allocation in program (from+n) mod fundsPrograms to the next account, of
// 1 to fundsMaxPayment units, with the SHA-256 of a document named by the
// signer and n as its reference.
func fundsDisburse(env Env, from, n int) []sdk.Msg {
	signer := env.Accounts[from].String()
	ref := sha256.Sum256([]byte(fundsDisbursementName + "/" + signer + "/" + strconv.Itoa(n)))
	return []sdk.Msg{&fundstypes.MsgDisburse{
		Signer:       signer,
		AllocationId: fundsOfficeAllocation((from + n) % fundsPrograms),
		Beneficiary:  env.Accounts[(from+1)%len(env.Accounts)].String(),
		Amount:       sdk.NewCoin(env.Denom, math.NewInt(int64(1+n%fundsMaxPayment))),
		PurposeCode:  fundsPurpose,
		Reference:    ref[:],
	}}
}

// fundsTreasuryAdmin is the admin of benchFundsTreasury: an address derived
// from a fixed name, of no funded account (every funded account acts for
// benchFundsOffice, and an account acts for one department only).
func fundsTreasuryAdmin() sdk.AccAddress {
	sum := sha256.Sum256([]byte("funds-bench/" + benchFundsTreasury + "/admin"))
	return sdk.AccAddress(sum[:20])
}

// fundsGenesis is the x/identity genesis of the funds row (see the comment
// at the top of this file).
func fundsGenesis(env Env) map[string]proto.Message {
	gs := identitytypes.DefaultGenesis()
	manager := []identitytypes.Role{identitytypes.Role_ROLE_FUND_MANAGER}
	gs.Departments = []identitytypes.Department{
		{
			Id: benchFundsTreasury, Name: "Benchmark treasury", Admin: fundsTreasuryAdmin().String(), Roles: manager,
			Status: identitytypes.DepartmentStatus_DEPARTMENT_STATUS_ACTIVE, Depth: 1, CreatedAt: benchGenesisTime,
		},
		{
			Id: benchFundsOffice, Name: "Benchmark paying office", ParentId: benchFundsTreasury, Admin: env.Accounts[0].String(),
			Roles: manager, Status: identitytypes.DepartmentStatus_DEPARTMENT_STATUS_ACTIVE, Depth: 2, CreatedAt: benchGenesisTime,
		},
	}
	for _, acc := range env.Accounts[1:] {
		gs.Members = append(gs.Members, identitytypes.Member{DepartmentId: benchFundsOffice, Address: acc.String()})
	}
	return map[string]proto.Message{identitytypes.ModuleName: gs}
}

// storedFundsPrograms is the Prefill of the funds row: fundsPrograms
// programs, each created, funded and allocated to the office through the
// module's message handlers (see the comment at the top of this file). They
// are far fewer than a prefill chunk, so the benchmark asks for all of them
// at once; any other range is refused.
func storedFundsPrograms() *Prefill {
	return &Prefill{
		Records: fundsPrograms,
		Write: func(ctx sdk.Context, a *app.App, env Env, from, to int) error {
			if from != 0 || to != fundsPrograms {
				return fmt.Errorf("the funds programs are stored in one piece, not records %d to %d", from, to)
			}
			msgs := fundskeeper.NewMsgServerImpl(a.FundsKeeper)
			treasury, funder := fundsTreasuryAdmin().String(), env.Accounts[0].String()
			budget := sdk.NewCoin(env.Denom, math.NewInt(fundsBudget))
			for i := range fundsPrograms {
				p, err := msgs.CreateProgram(ctx, &fundstypes.MsgCreateProgram{
					Signer: treasury, Name: fmt.Sprintf("Benchmark program %02d", i), BudgetCap: budget, PurposeCode: fundsPurpose,
					ApprovalThreshold: sdk.NewCoin(env.Denom, math.NewInt(fundsThreshold)), RefundAddress: treasury,
				})
				if err != nil {
					return fmt.Errorf("creating funds program %d: %w", i, err)
				}
				if _, err := msgs.FundProgram(ctx, &fundstypes.MsgFundProgram{Signer: funder, ProgramId: p.ProgramId, Amount: budget}); err != nil {
					return fmt.Errorf("funding funds program %d: %w", p.ProgramId, err)
				}
				res, err := msgs.Allocate(ctx, &fundstypes.MsgAllocate{
					Signer: treasury, AllocationId: p.RootAllocationId, DepartmentId: benchFundsOffice, Amount: budget,
				})
				if err != nil {
					return fmt.Errorf("allocating funds program %d: %w", p.ProgramId, err)
				}
				if res.AllocationId != fundsOfficeAllocation(i) {
					return fmt.Errorf("funds program %d: the office's allocation is %d, the row pays from %d", p.ProgramId, res.AllocationId, fundsOfficeAllocation(i))
				}
			}
			return nil
		},
	}
}
