package simulation

import (
	"context"
	"time"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/funds/keeper"
	"github.com/trustcity/trustcity/x/funds/types"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
	"github.com/trustcity/trustcity/x/internal/simactors"
)

// MsgDefineMilestoneFactory reserves part of an allocation's available
// funds as a milestone for a simulation account other than the signer as
// contractor, on a program
// with a supervisor department and room for another open item; a member of
// the holding department (AuthorizeMember) signs. It is due at a height up
// to 20 blocks ahead, at a time up to a week ahead, or both, so some
// milestones are confirmed late.
func MsgDefineMilestoneFactory(k keeper.Keeper, identity types.IdentityKeeper) simsx.SimMsgFactoryFn[*types.MsgDefineMilestone] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgDefineMilestone) {
		r := testData.Rand().Rand
		params, err := k.Params.Get(ctx)
		if err != nil {
			return skip[*types.MsgDefineMilestone](reporter, "params: %s", err)
		}
		holding := simactors.GroupByDept(simactors.Members(ctx, identity, testData, reporter))
		funded, err := nodes(ctx, k, func(a types.Allocation, p types.Program) bool {
			return p.SupervisorDepartment != "" && p.OpenItems < params.MaxOpenItems &&
				a.Available().IsPositive() && len(holding.Signers[a.DepartmentId]) > 0
		})
		if err != nil {
			return skip[*types.MsgDefineMilestone](reporter, "allocations: %s", err)
		}
		if len(funded) == 0 {
			return skip[*types.MsgDefineMilestone](reporter, "no funded allocation of a supervised program held by a simulation account")
		}
		n := simactors.Pick(r, funded)
		signer := simactors.Pick(r, holding.Signers[n.a.DepartmentId])
		msg := &types.MsgDefineMilestone{
			Signer:          signer.AddressBech32,
			AllocationId:    n.a.Id,
			Contractor:      otherAccount(r, testData, signer.AddressBech32),
			Amount:          sdk.NewCoin(n.p.Denom, randPart(r, n.a.Available())),
			DescriptionHash: randHash(r),
		}
		block := sdk.UnwrapSDKContext(ctx)
		due := block.BlockTime().Add(time.Minute + time.Duration(r.Int63n(int64(7*24*time.Hour)))).Truncate(time.Second)
		switch r.Intn(3) {
		case 0:
			msg.DueHeight = block.BlockHeight() + 1 + r.Int63n(20)
		case 1:
			msg.DueTime = &due
		default:
			msg.DueHeight, msg.DueTime = block.BlockHeight()+1+r.Int63n(20), &due
		}
		return []simsx.SimAccount{signer}, msg
	}
}

// supervised is an open milestone with the simulation accounts
// AuthorizeRole accepts as FUND_SUPERVISOR of its program's supervisor
// department.
type supervised struct {
	m       types.Milestone
	signers []simsx.SimAccount
}

// openSupervised returns the open milestones a simulation account may
// confirm or reject, in id order. The contractor is never among the
// signers: a supervisor does not judge its own work.
func openSupervised(ctx context.Context, k keeper.Keeper, identity types.IdentityKeeper, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]supervised, error) {
	supervisors := simactors.GroupByDept(simactors.Holders(ctx, identity, testData, reporter, identitytypes.Role_ROLE_FUND_SUPERVISOR))
	if len(supervisors.Depts) == 0 {
		return nil, nil
	}
	open, err := openMilestones(ctx, k)
	if err != nil {
		return nil, err
	}
	var out []supervised
	for _, m := range open {
		p, err := k.GetProgram(ctx, m.ProgramId)
		if err != nil {
			return nil, err
		}
		if signers := without(supervisors.Signers[p.SupervisorDepartment], m.Contractor); p.SupervisorDepartment != "" && len(signers) > 0 {
			out = append(out, supervised{m: m, signers: signers})
		}
	}
	return out, nil
}

// MsgConfirmMilestoneFactory confirms an open milestone, which pays its
// tranche to the contractor, citing a judicial evidence record in force; a
// FUND_SUPERVISOR of the program's supervisor department signs.
func MsgConfirmMilestoneFactory(k keeper.Keeper, identity types.IdentityKeeper, judicial types.JudicialKeeper) simsx.SimMsgFactoryFn[*types.MsgConfirmMilestone] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgConfirmMilestone) {
		r := testData.Rand().Rand
		open, err := openSupervised(ctx, k, identity, testData, reporter)
		if err != nil {
			return skip[*types.MsgConfirmMilestone](reporter, "milestones: %s", err)
		}
		if len(open) == 0 {
			return skip[*types.MsgConfirmMilestone](reporter, "no open milestone a simulation account supervises")
		}
		evidence, err := evidenceInForce(ctx, judicial)
		if err != nil {
			return skip[*types.MsgConfirmMilestone](reporter, "evidence: %s", err)
		}
		if len(evidence) == 0 {
			return skip[*types.MsgConfirmMilestone](reporter, "no judicial evidence record in force to cite")
		}
		c := simactors.Pick(r, open)
		signer := simactors.Pick(r, c.signers)
		return []simsx.SimAccount{signer}, &types.MsgConfirmMilestone{Signer: signer.AddressBech32, MilestoneId: c.m.Id, EvidenceId: simactors.Pick(r, evidence)}
	}
}

// MsgRejectMilestoneFactory refuses an open milestone with a reason,
// releasing its reservation; a FUND_SUPERVISOR of the program's supervisor
// department signs.
func MsgRejectMilestoneFactory(k keeper.Keeper, identity types.IdentityKeeper) simsx.SimMsgFactoryFn[*types.MsgRejectMilestone] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgRejectMilestone) {
		r := testData.Rand().Rand
		open, err := openSupervised(ctx, k, identity, testData, reporter)
		if err != nil {
			return skip[*types.MsgRejectMilestone](reporter, "milestones: %s", err)
		}
		if len(open) == 0 {
			return skip[*types.MsgRejectMilestone](reporter, "no open milestone a simulation account supervises")
		}
		c := simactors.Pick(r, open)
		signer := simactors.Pick(r, c.signers)
		return []simsx.SimAccount{signer}, &types.MsgRejectMilestone{Signer: signer.AddressBech32, MilestoneId: c.m.Id, Reason: simactors.Pick(r, reasons)}
	}
}
