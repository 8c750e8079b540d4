package simulation

import (
	"context"

	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/funds/keeper"
	"github.com/trustcity/trustcity/x/funds/types"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
	"github.com/trustcity/trustcity/x/internal/simactors"
)

// MsgCreateProgramFactory creates a program managed by the department of an
// account AuthorizeRole accepts as FUND_MANAGER, which signs. Its denom is
// one the signer holds (the bond denom when it holds none), its budget cap
// between 10^6 and 10^10, its approval threshold zero one time in six (every
// payment then waits for a second approval), else up to a tenth of the cap.
// Three times in four it names as supervisor another department a
// simulation account acts for as FUND_SUPERVISOR, when there is one; one
// time in four it requires the type of a credential valid now whose subject
// a simulation account controls, when there is one. The refund address is
// a simulation account.
func MsgCreateProgramFactory(k keeper.Keeper, identity types.IdentityKeeper) simsx.SimMsgFactoryFn[*types.MsgCreateProgram] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgCreateProgram) {
		r := testData.Rand().Rand
		params, err := k.Params.Get(ctx)
		if err != nil {
			return skip[*types.MsgCreateProgram](reporter, "params: %s", err)
		}
		managers := simactors.Holders(ctx, identity, testData, reporter, identitytypes.Role_ROLE_FUND_MANAGER)
		if len(managers) == 0 {
			return skip[*types.MsgCreateProgram](reporter, "no simulation account may act as a FUND_MANAGER")
		}
		by := simactors.Pick(r, managers)
		denom := sdk.DefaultBondDenom
		if held := by.Signer.LiquidBalance().Denoms(); len(held) > 0 {
			denom = simactors.Pick(r, held)
		}
		budget := randBetween(r, math.NewInt(1_000_000), math.NewInt(10_000_000_000))
		threshold := math.ZeroInt()
		if r.Intn(6) > 0 {
			threshold = randBetween(r, math.OneInt(), budget.QuoRaw(10))
		}
		msg := &types.MsgCreateProgram{
			Signer:            by.Signer.AddressBech32,
			Name:              randProgramName(r),
			BudgetCap:         sdk.NewCoin(denom, budget),
			PurposeCode:       simactors.Pick(r, purposeCodes),
			ApprovalThreshold: sdk.NewCoin(denom, threshold),
			RefundAddress:     simactors.Pick(r, testData.AllAccounts()).AddressBech32,
		}
		if r.Intn(4) > 0 {
			var others []string
			for _, s := range simactors.GroupByDept(simactors.Holders(ctx, identity, testData, reporter, identitytypes.Role_ROLE_FUND_SUPERVISOR)).Depts {
				if s != by.Dept {
					others = append(others, s)
				}
			}
			if len(others) > 0 {
				msg.SupervisorDepartment = simactors.Pick(r, others)
			}
		}
		if r.Intn(4) == 0 {
			creds, err := eligibleCredentials(ctx, identity, testData, reporter, "", params.MaxTextLength)
			if err != nil {
				return skip[*types.MsgCreateProgram](reporter, "credentials: %s", err)
			}
			if len(creds) > 0 {
				msg.EligibilityCredentialType = simactors.Pick(r, creds).typ
			}
		}
		return []simsx.SimAccount{by.Signer}, msg
	}
}

// MsgFundProgramFactory pays into an open program below its budget cap,
// from a simulation account holding its denom: a third of the time as much
// as the cap allows, otherwise part of it, never more than a quarter of the
// funder's spendable balance (the rest pays fees and other modules' sends).
// The amount is set aside from the funder's balance, so the fee the
// simulator draws cannot take it.
func MsgFundProgramFactory(k keeper.Keeper) simsx.SimMsgFactoryFn[*types.MsgFundProgram] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgFundProgram) {
		r := testData.Rand().Rand
		programs, err := openPrograms(ctx, k)
		if err != nil {
			return skip[*types.MsgFundProgram](reporter, "programs: %s", err)
		}
		var below []types.Program
		for _, p := range programs {
			if p.Funded.LT(p.BudgetCap) {
				below = append(below, p)
			}
		}
		if len(below) == 0 {
			return skip[*types.MsgFundProgram](reporter, "no open program below its budget cap")
		}
		p := simactors.Pick(r, below)
		var funders []simsx.SimAccount
		for _, acc := range testData.AllAccounts() {
			a := testData.GetAccount(reporter, acc.AddressBech32)
			if a.LiquidBalance().AmountOf(p.Denom).GTE(math.NewInt(4)) {
				funders = append(funders, a)
			}
		}
		if len(funders) == 0 {
			return skip[*types.MsgFundProgram](reporter, "no simulation account holds %s", p.Denom)
		}
		funder := simactors.Pick(r, funders)
		limit := math.MinInt(p.BudgetCap.Sub(p.Funded), funder.LiquidBalance().AmountOf(p.Denom).QuoRaw(4))
		amount := limit
		if r.Intn(3) > 0 {
			amount = randPart(r, limit)
		}
		coin := sdk.NewCoin(p.Denom, amount)
		if !funder.LiquidBalance().BlockAmount(coin) {
			return skip[*types.MsgFundProgram](reporter, "%s cannot set %s aside", funder.AddressBech32, coin)
		}
		return []simsx.SimAccount{funder}, &types.MsgFundProgram{Signer: funder.AddressBech32, ProgramId: p.Id, Amount: coin}
	}
}

// MsgCloseProgramFactory closes an open program with no pending
// disbursement or open milestone; an account AuthorizeRole accepts as
// FUND_MANAGER of the manager department signs. What the program holds
// goes to its refund address.
func MsgCloseProgramFactory(k keeper.Keeper, identity types.IdentityKeeper) simsx.SimMsgFactoryFn[*types.MsgCloseProgram] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgCloseProgram) {
		r := testData.Rand().Rand
		managers := simactors.GroupByDept(simactors.Holders(ctx, identity, testData, reporter, identitytypes.Role_ROLE_FUND_MANAGER))
		programs, err := openPrograms(ctx, k)
		if err != nil {
			return skip[*types.MsgCloseProgram](reporter, "programs: %s", err)
		}
		var closable []types.Program
		for _, p := range programs {
			if p.OpenItems == 0 && len(managers.Signers[p.ManagerDepartment]) > 0 {
				closable = append(closable, p)
			}
		}
		if len(closable) == 0 {
			return skip[*types.MsgCloseProgram](reporter, "no open program without open items managed by a simulation account")
		}
		p := simactors.Pick(r, closable)
		signer := simactors.Pick(r, managers.Signers[p.ManagerDepartment])
		return []simsx.SimAccount{signer}, &types.MsgCloseProgram{Signer: signer.AddressBech32, ProgramId: p.Id}
	}
}
