package simulation

import (
	"context"

	"cosmossdk.io/collections"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"

	"github.com/trustcity/trustcity/x/evidence/keeper"
	"github.com/trustcity/trustcity/x/evidence/types"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

// MsgDepositFactory deposits the digest of a fresh random record with an
// algorithm the params allow, a category, up to simMaxParties party DIDs
// and metadata; an account AuthorizeRole accepts as EVIDENCE_DEPOSITOR signs.
func MsgDepositFactory(k keeper.Keeper, identity types.IdentityKeeper) simsx.SimMsgFactoryFn[*types.MsgDeposit] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgDeposit) {
		r := testData.Rand().Rand
		depositors := holders(ctx, identity, testData, reporter, identitytypes.Role_ROLE_EVIDENCE_DEPOSITOR)
		if len(depositors) == 0 {
			return skip[*types.MsgDeposit](reporter, "no simulation account may act as an EVIDENCE_DEPOSITOR")
		}
		p, err := k.Params.Get(ctx)
		if err != nil {
			return skip[*types.MsgDeposit](reporter, "params: %s", err)
		}
		by := pick(r, depositors)
		a := pick(r, p.AllowedAlgorithms)
		digest := randDigest(r, a)
		if existing, err := k.EvidenceOfDigest(ctx, digest); err != nil || existing != nil {
			return skip[*types.MsgDeposit](reporter, "digest %x is deposited already", digest)
		}
		return []simsx.SimAccount{by.signer}, &types.MsgDeposit{
			Signer:    by.signer.AddressBech32,
			Digest:    digest,
			Algorithm: a,
			Category:  randCategory(r),
			Parties:   randParties(r),
			Metadata:  randMetadata(r),
		}
	}
}

// MsgWithdrawFactory withdraws an active deposit with a reason; an account
// AuthorizeRole accepts as EVIDENCE_DEPOSITOR for the depositing department
// signs.
func MsgWithdrawFactory(k keeper.Keeper, identity types.IdentityKeeper) simsx.SimMsgFactoryFn[*types.MsgWithdraw] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgWithdraw) {
		r := testData.Rand().Rand
		byDept := map[string][]simsx.SimAccount{}
		var depts []string // in account order, once each
		for _, h := range holders(ctx, identity, testData, reporter, identitytypes.Role_ROLE_EVIDENCE_DEPOSITOR) {
			if len(byDept[h.deptID]) == 0 {
				depts = append(depts, h.deptID)
			}
			byDept[h.deptID] = append(byDept[h.deptID], h.signer)
		}
		if len(depts) == 0 {
			return skip[*types.MsgWithdraw](reporter, "no simulation account may act as an EVIDENCE_DEPOSITOR")
		}
		type deposit struct {
			id   uint64
			dept string
		}
		var active []deposit
		for _, dept := range depts {
			err := k.EvidenceByDepartment.Walk(ctx, collections.NewPrefixedPairRange[string, uint64](dept),
				func(key collections.Pair[string, uint64]) (bool, error) {
					e, err := k.Evidence.Get(ctx, key.K2())
					if err != nil {
						return true, err
					}
					if e.Status == types.EvidenceStatus_EVIDENCE_STATUS_ACTIVE {
						active = append(active, deposit{id: e.Id, dept: dept})
					}
					return false, nil
				})
			if err != nil {
				return skip[*types.MsgWithdraw](reporter, "deposits of %s: %s", dept, err)
			}
		}
		if len(active) == 0 {
			return skip[*types.MsgWithdraw](reporter, "no active deposit of a department a simulation account acts for")
		}
		d := pick(r, active)
		signer := pick(r, byDept[d.dept])
		return []simsx.SimAccount{signer}, &types.MsgWithdraw{Signer: signer.AddressBech32, Id: d.id, Reason: pick(r, withdrawalReasons)}
	}
}
