package simulation

import (
	"context"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"

	"github.com/trustcity/trustcity/x/datashare/keeper"
	"github.com/trustcity/trustcity/x/datashare/types"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
	"github.com/trustcity/trustcity/x/internal/simactors"
)

// MsgPostKeyEnvelopeFactory posts the content key of a version of a dataset
// under a usable grant (in force; for personal data, covered by the
// subject's consent), encrypted to an X25519 key-agreement key of the
// grantee's DID: the grantee DID itself, or the DID of the grantee
// department. Grants whose DID has no such key (KeyAgreementKeys) are left
// out. An account AuthorizeRole accepts as DATA_PROVIDER of the owner signs.
// The ciphertext is random bytes within simMaxEnvelopeBytes: the chain
// holds ciphertext only and never opens it.
func MsgPostKeyEnvelopeFactory(k keeper.Keeper, identity types.IdentityKeeper) simsx.SimMsgFactoryFn[*types.MsgPostKeyEnvelope] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgPostKeyEnvelope) {
		r := testData.Rand().Rand
		providers := simactors.GroupByDept(simactors.Holders(ctx, identity, testData, reporter, identitytypes.Role_ROLE_DATA_PROVIDER))
		if len(providers.Depts) == 0 {
			return skip[*types.MsgPostKeyEnvelope](reporter, "no simulation account may act as a DATA_PROVIDER")
		}
		now := blockTime(ctx)
		grants, err := grantsInForce(ctx, k, now)
		if err != nil {
			return skip[*types.MsgPostKeyEnvelope](reporter, "grants: %s", err)
		}
		type sealable struct {
			g       types.Grant
			d       types.Dataset
			did     string
			keys    []identitytypes.VerificationMethod
			signers []simsx.SimAccount
		}
		var candidates []sealable
		for _, g := range grants {
			d, err := k.GetDataset(ctx, g.DatasetId)
			if err != nil {
				return skip[*types.MsgPostKeyEnvelope](reporter, "dataset of grant %d: %s", g.Id, err)
			}
			signers := providers.Signers[d.Owner]
			if len(signers) == 0 || d.LatestVersion == 0 {
				continue
			}
			if ok, err := usable(ctx, k, identity, d, g, now); err != nil {
				return skip[*types.MsgPostKeyEnvelope](reporter, "grant %d: %s", g.Id, err)
			} else if !ok {
				continue
			}
			did := g.Grantee
			if !types.IsDID(did) {
				dept, err := identity.GetDepartment(ctx, g.Grantee)
				if err != nil {
					return skip[*types.MsgPostKeyEnvelope](reporter, "department %s: %s", g.Grantee, err)
				}
				did = dept.Did
			}
			if did == "" {
				continue
			}
			keys, err := identity.KeyAgreementKeys(ctx, did)
			if err != nil || len(keys) == 0 {
				continue //nolint:nilerr // a deactivated DID has no key to encrypt to
			}
			candidates = append(candidates, sealable{g: g, d: d, did: did, keys: keys, signers: signers})
		}
		if len(candidates) == 0 {
			return skip[*types.MsgPostKeyEnvelope](reporter, "no usable grant whose grantee has a key-agreement key, on a dataset with versions a simulation account provides")
		}
		c := simactors.Pick(r, candidates)
		signer := simactors.Pick(r, c.signers)
		return []simsx.SimAccount{signer}, &types.MsgPostKeyEnvelope{
			Signer:       signer.AddressBech32,
			GrantId:      c.g.Id,
			Version:      1 + uint64(r.Int63n(int64(c.d.LatestVersion))),
			RecipientKey: c.did + "#" + simactors.Pick(r, c.keys).Id,
			Algorithm:    simactors.Pick(r, algorithms),
			Ciphertext:   randBytes(r, 16+r.Intn(simMaxEnvelopeBytes-15)),
		}
	}
}

// MsgRecordAccessFactory records one use of a version of a dataset under a
// usable grant, for the grant's purpose; a member of the grantee department
// (AuthorizeMember) or a controller of the grantee DID
// (AuthorizeController) signs.
func MsgRecordAccessFactory(k keeper.Keeper, identity types.IdentityKeeper) simsx.SimMsgFactoryFn[*types.MsgRecordAccess] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgRecordAccess) {
		r := testData.Rand().Rand
		now := blockTime(ctx)
		grants, err := grantsInForce(ctx, k, now)
		if err != nil {
			return skip[*types.MsgRecordAccess](reporter, "grants: %s", err)
		}
		if len(grants) == 0 {
			return skip[*types.MsgRecordAccess](reporter, "no grant in force")
		}
		depts := simactors.GroupByDept(simactors.Members(ctx, identity, testData, reporter))
		dids, err := controlledDids(ctx, identity, testData, reporter)
		if err != nil {
			return skip[*types.MsgRecordAccess](reporter, "DIDs: %s", err)
		}
		byDid := controllers(dids)
		type use struct {
			g       types.Grant
			latest  uint64
			signers []simsx.SimAccount
		}
		var candidates []use
		for _, g := range grants {
			signers := granteeSigners(g.Grantee, depts, byDid)
			if len(signers) == 0 {
				continue
			}
			d, err := k.GetDataset(ctx, g.DatasetId)
			if err != nil {
				return skip[*types.MsgRecordAccess](reporter, "dataset of grant %d: %s", g.Id, err)
			}
			if d.LatestVersion == 0 {
				continue
			}
			if ok, err := usable(ctx, k, identity, d, g, now); err != nil {
				return skip[*types.MsgRecordAccess](reporter, "grant %d: %s", g.Id, err)
			} else if ok {
				candidates = append(candidates, use{g: g, latest: d.LatestVersion, signers: signers})
			}
		}
		if len(candidates) == 0 {
			return skip[*types.MsgRecordAccess](reporter, "no usable grant on a dataset with versions held by a department or DID a simulation account acts for")
		}
		c := simactors.Pick(r, candidates)
		signer := simactors.Pick(r, c.signers)
		return []simsx.SimAccount{signer}, &types.MsgRecordAccess{
			Signer:  signer.AddressBech32,
			GrantId: c.g.Id,
			Version: 1 + uint64(r.Int63n(int64(c.latest))),
			Purpose: c.g.Purpose,
		}
	}
}
