package simulation

import (
	"context"

	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/funds/keeper"
	"github.com/trustcity/trustcity/x/funds/types"
	"github.com/trustcity/trustcity/x/internal/simactors"
)

// MsgDisburseFactory pays a simulation account other than the signer from
// an allocation with funds available; a member of the holding department
// (AuthorizeMember) signs. Half of the time (or when nothing else fits) the
// amount is below the program's approval threshold and is paid at once;
// otherwise it is at least the threshold and waits for a second approval,
// when the program has room for another open item. A program requiring a
// credential pays only a controller of the subject DID of a credential of
// its type valid now, naming it; programs whose type no such credential
// has are passed over.
func MsgDisburseFactory(k keeper.Keeper, identity types.IdentityKeeper) simsx.SimMsgFactoryFn[*types.MsgDisburse] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgDisburse) {
		r := testData.Rand().Rand
		params, err := k.Params.Get(ctx)
		if err != nil {
			return skip[*types.MsgDisburse](reporter, "params: %s", err)
		}
		holding := simactors.GroupByDept(simactors.Members(ctx, identity, testData, reporter))
		funded, err := nodes(ctx, k, func(a types.Allocation, _ types.Program) bool {
			return a.Available().IsPositive() && len(holding.Signers[a.DepartmentId]) > 0
		})
		if err != nil {
			return skip[*types.MsgDisburse](reporter, "allocations: %s", err)
		}
		creds := map[string][]eligible{} // by credential type
		payable := funded[:0]
		for _, n := range funded {
			if t := n.p.EligibilityCredentialType; t != "" {
				if _, seen := creds[t]; !seen {
					if creds[t], err = eligibleCredentials(ctx, identity, testData, reporter, t, types.MaxTextLengthCap); err != nil {
						return skip[*types.MsgDisburse](reporter, "credentials: %s", err)
					}
				}
				if len(creds[t]) == 0 {
					continue
				}
			}
			payable = append(payable, n)
		}
		if len(payable) == 0 {
			return skip[*types.MsgDisburse](reporter, "no funded allocation held by a simulation account that can pay anyone")
		}
		n := simactors.Pick(r, payable)
		signer := simactors.Pick(r, holding.Signers[n.a.DepartmentId])
		msg := &types.MsgDisburse{
			Signer:       signer.AddressBech32,
			AllocationId: n.a.Id,
			PurposeCode:  simactors.Pick(r, purposeCodes),
			Reference:    randHash(r),
		}
		if t := n.p.EligibilityCredentialType; t != "" {
			c := simactors.Pick(r, creds[t])
			others := without(c.beneficiaries, signer.AddressBech32)
			if len(others) == 0 {
				return skip[*types.MsgDisburse](reporter, "the only holder of credential %s would pay itself", c.id)
			}
			msg.CredentialId, msg.Beneficiary = c.id, simactors.Pick(r, others).AddressBech32
		} else {
			msg.Beneficiary = otherAccount(r, testData, signer.AddressBech32)
		}
		avail, threshold := n.a.Available(), n.p.ApprovalThreshold
		below := math.MinInt(avail, threshold.SubRaw(1))
		canWait := threshold.LTE(avail) && n.p.OpenItems < params.MaxOpenItems
		var amount math.Int
		switch {
		case below.IsPositive() && (!canWait || r.Intn(2) == 0):
			amount = randPart(r, below)
		case canWait:
			lo := math.MaxInt(threshold, math.OneInt())
			amount = lo.Add(randPart(r, avail.Sub(lo).AddRaw(1)).SubRaw(1))
		default:
			return skip[*types.MsgDisburse](reporter, "program %d has no room for another pending payment", n.p.Id)
		}
		msg.Amount = sdk.NewCoin(n.p.Denom, amount)
		return []simsx.SimAccount{signer}, msg
	}
}

// decidable is a pending disbursement with the simulation accounts that
// may decide it: members of the holding department other than the
// requester, and members of the program's supervisor department; for a
// rejection, the requester too.
type decidable struct {
	d       types.Disbursement
	p       types.Program
	signers []simsx.SimAccount
}

// pendingDecidable returns the pending disbursements some simulation
// account may decide, with those accounts (see decidable). withRequester
// adds the requester, when it still acts for the holding department.
func pendingDecidable(ctx context.Context, k keeper.Keeper, identity types.IdentityKeeper, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter, withRequester bool) ([]decidable, error) {
	depts := simactors.GroupByDept(simactors.Members(ctx, identity, testData, reporter))
	pending, err := pendingDisbursements(ctx, k)
	if err != nil {
		return nil, err
	}
	var out []decidable
	for _, d := range pending {
		p, err := k.GetProgram(ctx, d.ProgramId)
		if err != nil {
			return nil, err
		}
		signers := depts.Signers[d.DepartmentId]
		if !withRequester {
			signers = without(signers, d.Requester)
		}
		if p.SupervisorDepartment != "" && p.SupervisorDepartment != d.DepartmentId {
			signers = append(append([]simsx.SimAccount(nil), signers...), depts.Signers[p.SupervisorDepartment]...)
		}
		if len(signers) > 0 {
			out = append(out, decidable{d: d, p: p, signers: signers})
		}
	}
	return out, nil
}

// MsgApproveDisbursementFactory gives the second approval to a pending
// disbursement, which pays it; a member of the holding department other
// than its requester, or a member of the supervisor department, signs,
// never its beneficiary. A
// payment whose eligibility credential is no longer valid (revoked,
// suspended or expired since the request) is passed over: the handler
// refuses it.
func MsgApproveDisbursementFactory(k keeper.Keeper, identity types.IdentityKeeper) simsx.SimMsgFactoryFn[*types.MsgApproveDisbursement] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgApproveDisbursement) {
		r := testData.Rand().Rand
		all, err := pendingDecidable(ctx, k, identity, testData, reporter, false)
		if err != nil {
			return skip[*types.MsgApproveDisbursement](reporter, "disbursements: %s", err)
		}
		var payable []decidable
		for _, c := range all {
			beneficiary, err := testData.AddressCodec().StringToBytes(c.d.Beneficiary)
			c.signers = without(c.signers, c.d.Beneficiary)
			if err == nil && len(c.signers) > 0 && stillEligible(ctx, identity, c.p.EligibilityCredentialType, c.d.CredentialId, beneficiary) {
				payable = append(payable, c)
			}
		}
		if len(payable) == 0 {
			return skip[*types.MsgApproveDisbursement](reporter, "no payable pending disbursement a simulation account may approve")
		}
		c := simactors.Pick(r, payable)
		signer := simactors.Pick(r, c.signers)
		return []simsx.SimAccount{signer}, &types.MsgApproveDisbursement{Signer: signer.AddressBech32, DisbursementId: c.d.Id}
	}
}

// MsgRejectDisbursementFactory refuses a pending disbursement with a
// reason, releasing its reservation; an approver (see
// MsgApproveDisbursementFactory) or its requester, withdrawing it, signs.
func MsgRejectDisbursementFactory(k keeper.Keeper, identity types.IdentityKeeper) simsx.SimMsgFactoryFn[*types.MsgRejectDisbursement] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgRejectDisbursement) {
		r := testData.Rand().Rand
		all, err := pendingDecidable(ctx, k, identity, testData, reporter, true)
		if err != nil {
			return skip[*types.MsgRejectDisbursement](reporter, "disbursements: %s", err)
		}
		if len(all) == 0 {
			return skip[*types.MsgRejectDisbursement](reporter, "no pending disbursement a simulation account may decide")
		}
		c := simactors.Pick(r, all)
		signer := simactors.Pick(r, c.signers)
		return []simsx.SimAccount{signer}, &types.MsgRejectDisbursement{Signer: signer.AddressBech32, DisbursementId: c.d.Id, Reason: simactors.Pick(r, reasons)}
	}
}
