package simulation

import (
	"context"
	"slices"
	"time"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"

	"github.com/trustcity/trustcity/x/datashare/keeper"
	"github.com/trustcity/trustcity/x/datashare/types"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
	"github.com/trustcity/trustcity/x/internal/simactors"
)

// MsgRequestAccessFactory asks for access to a dataset for a purpose.
// Three times in four (or when no subject may ask) a member of a department
// other than the owner asks for its department, which AuthorizeMember
// confirms; on a dataset with auto-approval rules it asks, half of the time,
// for no longer than one rule's maximum, so the rule grants it when it
// names the department or a role the department holds. Otherwise the data
// subject of a personal dataset asks for itself, a controller of its DID
// signing.
func MsgRequestAccessFactory(k keeper.Keeper, identity types.IdentityKeeper) simsx.SimMsgFactoryFn[*types.MsgRequestAccess] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgRequestAccess) {
		r := testData.Rand().Rand
		p, err := k.Params.Get(ctx)
		if err != nil {
			return skip[*types.MsgRequestAccess](reporter, "params: %s", err)
		}
		all, err := datasets(ctx, k)
		if err != nil {
			return skip[*types.MsgRequestAccess](reporter, "datasets: %s", err)
		}
		if len(all) == 0 {
			return skip[*types.MsgRequestAccess](reporter, "no dataset")
		}
		limit := min(p.MaxGrantDuration, simMaxGrantDuration)
		msg := &types.MsgRequestAccess{Purpose: simactors.Pick(r, purposes), Duration: randDuration(r, limit)}

		if r.Intn(4) == 0 {
			dids, err := controlledDids(ctx, identity, testData, reporter)
			if err != nil {
				return skip[*types.MsgRequestAccess](reporter, "DIDs: %s", err)
			}
			byDid := controllers(dids)
			var own []types.Dataset
			for _, d := range all {
				if d.Subject != "" && len(byDid[d.Subject]) > 0 {
					own = append(own, d)
				}
			}
			if len(own) > 0 {
				d := simactors.Pick(r, own)
				signer := simactors.Pick(r, byDid[d.Subject])
				msg.Signer, msg.DatasetId, msg.Grantee = signer.AddressBech32, d.Id, d.Subject
				return []simsx.SimAccount{signer}, msg
			}
		}

		requesters := simactors.Members(ctx, identity, testData, reporter)
		if len(requesters) == 0 {
			return skip[*types.MsgRequestAccess](reporter, "no simulation account acts for a department")
		}
		by := simactors.Pick(r, requesters)
		others := slices.DeleteFunc(all, func(d types.Dataset) bool { return d.Owner == by.Dept })
		if len(others) == 0 {
			return skip[*types.MsgRequestAccess](reporter, "no dataset of another department than %s", by.Dept)
		}
		d := simactors.Pick(r, others)
		if d.Sensitivity != types.Sensitivity_SENSITIVITY_PERSONAL && r.Intn(2) == 0 {
			rules, err := rulesOf(ctx, k, d.Id)
			if err != nil {
				return skip[*types.MsgRequestAccess](reporter, "rules: %s", err)
			}
			if len(rules) > 0 {
				msg.Duration = randDuration(r, min(limit, simactors.Pick(r, rules).MaxDuration))
			}
		}
		msg.Signer, msg.DatasetId = by.Signer.AddressBech32, d.Id
		return []simsx.SimAccount{by.Signer}, msg
	}
}

// decidable is a pending request with the simulation accounts that may
// decide it: DATA_PROVIDERs of the dataset's owner.
type decidable struct {
	req     types.AccessRequest
	signers []simsx.SimAccount
}

// ownedPending returns the pending requests on datasets of departments a
// simulation account provides data for, in id order.
func ownedPending(ctx context.Context, k keeper.Keeper, identity types.IdentityKeeper, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]decidable, error) {
	providers := simactors.GroupByDept(simactors.Holders(ctx, identity, testData, reporter, identitytypes.Role_ROLE_DATA_PROVIDER))
	if len(providers.Depts) == 0 {
		return nil, nil
	}
	pending, err := pendingRequests(ctx, k)
	if err != nil {
		return nil, err
	}
	var out []decidable
	for _, req := range pending {
		d, err := k.GetDataset(ctx, req.DatasetId)
		if err != nil {
			return nil, err
		}
		if signers := providers.Signers[d.Owner]; len(signers) > 0 {
			out = append(out, decidable{req: req, signers: signers})
		}
	}
	return out, nil
}

// MsgApproveRequestFactory approves a pending request, half of the time for
// a shorter duration than asked; an account AuthorizeRole accepts as
// DATA_PROVIDER of the dataset's owner signs.
func MsgApproveRequestFactory(k keeper.Keeper, identity types.IdentityKeeper) simsx.SimMsgFactoryFn[*types.MsgApproveRequest] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgApproveRequest) {
		r := testData.Rand().Rand
		pending, err := ownedPending(ctx, k, identity, testData, reporter)
		if err != nil {
			return skip[*types.MsgApproveRequest](reporter, "requests: %s", err)
		}
		if len(pending) == 0 {
			return skip[*types.MsgApproveRequest](reporter, "no pending request on a dataset a simulation account provides")
		}
		c := simactors.Pick(r, pending)
		req, signer := c.req, simactors.Pick(r, c.signers)
		msg := &types.MsgApproveRequest{Signer: signer.AddressBech32, RequestId: req.Id}
		if r.Intn(2) == 0 {
			msg.Duration = time.Duration(1+r.Int63n(int64(req.Duration/time.Second))) * time.Second
		}
		return []simsx.SimAccount{signer}, msg
	}
}

// MsgRejectRequestFactory rejects a pending request with a reason; an
// account AuthorizeRole accepts as DATA_PROVIDER of the dataset's owner
// signs.
func MsgRejectRequestFactory(k keeper.Keeper, identity types.IdentityKeeper) simsx.SimMsgFactoryFn[*types.MsgRejectRequest] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgRejectRequest) {
		r := testData.Rand().Rand
		pending, err := ownedPending(ctx, k, identity, testData, reporter)
		if err != nil {
			return skip[*types.MsgRejectRequest](reporter, "requests: %s", err)
		}
		if len(pending) == 0 {
			return skip[*types.MsgRejectRequest](reporter, "no pending request on a dataset a simulation account provides")
		}
		c := simactors.Pick(r, pending)
		req, signer := c.req, simactors.Pick(r, c.signers)
		return []simsx.SimAccount{signer}, &types.MsgRejectRequest{Signer: signer.AddressBech32, RequestId: req.Id, Reason: simactors.Pick(r, reasons)}
	}
}

// MsgRevokeGrantFactory revokes a grant in force with a reason; an account
// AuthorizeRole accepts as DATA_PROVIDER of the dataset's owner signs.
func MsgRevokeGrantFactory(k keeper.Keeper, identity types.IdentityKeeper) simsx.SimMsgFactoryFn[*types.MsgRevokeGrant] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgRevokeGrant) {
		r := testData.Rand().Rand
		providers := simactors.GroupByDept(simactors.Holders(ctx, identity, testData, reporter, identitytypes.Role_ROLE_DATA_PROVIDER))
		if len(providers.Depts) == 0 {
			return skip[*types.MsgRevokeGrant](reporter, "no simulation account may act as a DATA_PROVIDER")
		}
		grants, err := grantsInForce(ctx, k, blockTime(ctx))
		if err != nil {
			return skip[*types.MsgRevokeGrant](reporter, "grants: %s", err)
		}
		type revocable struct {
			id      uint64
			signers []simsx.SimAccount
		}
		var candidates []revocable
		for _, g := range grants {
			d, err := k.GetDataset(ctx, g.DatasetId)
			if err != nil {
				return skip[*types.MsgRevokeGrant](reporter, "dataset of grant %d: %s", g.Id, err)
			}
			if signers := providers.Signers[d.Owner]; len(signers) > 0 {
				candidates = append(candidates, revocable{id: g.Id, signers: signers})
			}
		}
		if len(candidates) == 0 {
			return skip[*types.MsgRevokeGrant](reporter, "no grant in force on a dataset a simulation account provides")
		}
		c := simactors.Pick(r, candidates)
		signer := simactors.Pick(r, c.signers)
		return []simsx.SimAccount{signer}, &types.MsgRevokeGrant{Signer: signer.AddressBech32, GrantId: c.id, Reason: simactors.Pick(r, reasons)}
	}
}

// MsgRelinquishGrantFactory gives up a grant in force; a member of the
// grantee department (AuthorizeMember) or a controller of the grantee DID
// (AuthorizeController) signs.
func MsgRelinquishGrantFactory(k keeper.Keeper, identity types.IdentityKeeper) simsx.SimMsgFactoryFn[*types.MsgRelinquishGrant] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgRelinquishGrant) {
		r := testData.Rand().Rand
		grants, err := grantsInForce(ctx, k, blockTime(ctx))
		if err != nil {
			return skip[*types.MsgRelinquishGrant](reporter, "grants: %s", err)
		}
		if len(grants) == 0 {
			return skip[*types.MsgRelinquishGrant](reporter, "no grant in force")
		}
		depts := simactors.GroupByDept(simactors.Members(ctx, identity, testData, reporter))
		dids, err := controlledDids(ctx, identity, testData, reporter)
		if err != nil {
			return skip[*types.MsgRelinquishGrant](reporter, "DIDs: %s", err)
		}
		byDid := controllers(dids)
		grants = slices.DeleteFunc(grants, func(g types.Grant) bool { return len(granteeSigners(g.Grantee, depts, byDid)) == 0 })
		if len(grants) == 0 {
			return skip[*types.MsgRelinquishGrant](reporter, "no grant in force held by a department or DID a simulation account acts for")
		}
		g := simactors.Pick(r, grants)
		signer := simactors.Pick(r, granteeSigners(g.Grantee, depts, byDid))
		return []simsx.SimAccount{signer}, &types.MsgRelinquishGrant{Signer: signer.AddressBech32, GrantId: g.Id}
	}
}
