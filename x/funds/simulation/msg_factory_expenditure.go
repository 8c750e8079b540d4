package simulation

import (
	"context"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/funds/keeper"
	"github.com/trustcity/trustcity/x/funds/types"
	"github.com/trustcity/trustcity/x/internal/simactors"
)

// MsgReportExpenditureFactory reports the use of part of what a paid
// disbursement (a payment or a confirmed milestone's tranche, of an open or
// a closed program) gave a simulation account, which signs as its
// beneficiary. The report carries a receipt hash, a judicial evidence
// record in force, or both, each a third of the time (the receipt alone
// when no record is in force).
func MsgReportExpenditureFactory(k keeper.Keeper, judicial types.JudicialKeeper) simsx.SimMsgFactoryFn[*types.MsgReportExpenditure] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgReportExpenditure) {
		r := testData.Rand().Rand
		paid, err := reportable(ctx, k, func(d types.Disbursement) bool { return testData.HasAccount(d.Beneficiary) })
		if err != nil {
			return skip[*types.MsgReportExpenditure](reporter, "disbursements: %s", err)
		}
		if len(paid) == 0 {
			return skip[*types.MsgReportExpenditure](reporter, "no payment to a simulation account with use left to report")
		}
		d := simactors.Pick(r, paid)
		p, err := k.GetProgram(ctx, d.ProgramId)
		if err != nil {
			return skip[*types.MsgReportExpenditure](reporter, "program: %s", err)
		}
		signer := testData.GetAccount(reporter, d.Beneficiary)
		msg := &types.MsgReportExpenditure{
			Signer:         signer.AddressBech32,
			DisbursementId: d.Id,
			Amount:         sdk.NewCoin(p.Denom, randPart(r, d.Amount.Sub(d.Expended))),
			PurposeCode:    simactors.Pick(r, purposeCodes),
		}
		how := r.Intn(3)
		if how > 0 {
			evidence, err := evidenceInForce(ctx, judicial)
			if err != nil {
				return skip[*types.MsgReportExpenditure](reporter, "evidence: %s", err)
			}
			if len(evidence) > 0 {
				msg.EvidenceId = simactors.Pick(r, evidence)
			}
		}
		if how != 1 || msg.EvidenceId == 0 {
			msg.ReceiptHash = randHash(r)
		}
		return []simsx.SimAccount{signer}, msg
	}
}
