package simulation

import (
	"context"

	"cosmossdk.io/collections"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"

	"github.com/trustcity/trustcity/x/datashare/keeper"
	"github.com/trustcity/trustcity/x/datashare/types"
	"github.com/trustcity/trustcity/x/internal/simactors"
)

// MsgGiveConsentFactory records a data subject's consent: a controller of
// a DID simulation accounts control (AuthorizeController) signs. Three
// times in four, when a department holds a grant in force on a personal
// dataset about the DID, the consent goes to that department, names the
// grant's purpose among up to three, and half of the time is limited to
// that dataset, so the grant becomes usable; otherwise it goes to any
// department a simulation account acts for, for all the subject's personal
// datasets or one of them. It runs from one minute up to the params'
// maximum (and simMaxConsentDuration).
func MsgGiveConsentFactory(k keeper.Keeper, identity types.IdentityKeeper) simsx.SimMsgFactoryFn[*types.MsgGiveConsent] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgGiveConsent) {
		r := testData.Rand().Rand
		p, err := k.Params.Get(ctx)
		if err != nil {
			return skip[*types.MsgGiveConsent](reporter, "params: %s", err)
		}
		dids, err := controlledDids(ctx, identity, testData, reporter)
		if err != nil {
			return skip[*types.MsgGiveConsent](reporter, "DIDs: %s", err)
		}
		if len(dids) == 0 {
			return skip[*types.MsgGiveConsent](reporter, "no DID a simulation account controls")
		}
		c := simactors.Pick(r, dids)
		signer := simactors.Pick(r, c.signers)
		now := blockTime(ctx)

		all, err := datasets(ctx, k)
		if err != nil {
			return skip[*types.MsgGiveConsent](reporter, "datasets: %s", err)
		}
		type target struct{ dept, datasetID, purpose string }
		var about []string // personal datasets about the subject
		var targets []target
		for _, d := range all {
			if d.Subject != c.did {
				continue
			}
			about = append(about, d.Id)
			// The request index lists grants, through approved requests.
			err := k.RequestsByDataset.Walk(ctx, collections.NewPrefixedPairRange[string, uint64](d.Id), func(key pairSU) (bool, error) {
				req, err := k.Requests.Get(ctx, key.K2())
				if err != nil || req.GrantId == 0 {
					return err != nil, err
				}
				g, err := k.Grants.Get(ctx, req.GrantId)
				if err != nil {
					return true, err
				}
				if !types.IsDID(g.Grantee) && g.InForce(now) {
					targets = append(targets, target{dept: g.Grantee, datasetID: d.Id, purpose: g.Purpose})
				}
				return false, nil
			})
			if err != nil {
				return skip[*types.MsgGiveConsent](reporter, "grants: %s", err)
			}
		}

		msg := &types.MsgGiveConsent{
			Signer:    signer.AddressBech32,
			Subject:   c.did,
			ExpiresAt: now.Add(randDuration(r, min(p.MaxConsentDuration, simMaxConsentDuration))),
		}
		if len(targets) > 0 && r.Intn(4) > 0 {
			t := simactors.Pick(r, targets)
			msg.DepartmentId, msg.Purposes = t.dept, randPurposes(r, t.purpose)
			if r.Intn(2) == 0 {
				msg.DatasetId = t.datasetID
			}
			return []simsx.SimAccount{signer}, msg
		}
		known := simactors.GroupByDept(simactors.Members(ctx, identity, testData, reporter)).Depts
		if len(known) == 0 {
			return skip[*types.MsgGiveConsent](reporter, "no department to consent to")
		}
		msg.DepartmentId, msg.Purposes = simactors.Pick(r, known), randPurposes(r, "")
		if len(about) > 0 && r.Intn(2) == 0 {
			msg.DatasetId = simactors.Pick(r, about)
		}
		return []simsx.SimAccount{signer}, msg
	}
}

// MsgRevokeConsentFactory revokes a consent in force; a controller of the
// subject's DID (AuthorizeController) signs.
func MsgRevokeConsentFactory(k keeper.Keeper, identity types.IdentityKeeper) simsx.SimMsgFactoryFn[*types.MsgRevokeConsent] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgRevokeConsent) {
		r := testData.Rand().Rand
		consents, err := consentsInForce(ctx, k, blockTime(ctx))
		if err != nil {
			return skip[*types.MsgRevokeConsent](reporter, "consents: %s", err)
		}
		if len(consents) == 0 {
			return skip[*types.MsgRevokeConsent](reporter, "no consent in force")
		}
		dids, err := controlledDids(ctx, identity, testData, reporter)
		if err != nil {
			return skip[*types.MsgRevokeConsent](reporter, "DIDs: %s", err)
		}
		byDid := controllers(dids)
		var revocable []types.Consent
		for _, c := range consents {
			if len(byDid[c.Subject]) > 0 {
				revocable = append(revocable, c)
			}
		}
		if len(revocable) == 0 {
			return skip[*types.MsgRevokeConsent](reporter, "no consent in force of a subject a simulation account controls")
		}
		c := simactors.Pick(r, revocable)
		signer := simactors.Pick(r, byDid[c.Subject])
		return []simsx.SimAccount{signer}, &types.MsgRevokeConsent{Signer: signer.AddressBech32, ConsentId: c.Id}
	}
}
