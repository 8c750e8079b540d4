package simulation

import (
	"context"
	"slices"
	"time"

	"cosmossdk.io/collections"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/datashare/keeper"
	"github.com/trustcity/trustcity/x/datashare/types"
	"github.com/trustcity/trustcity/x/internal/collutil"
	"github.com/trustcity/trustcity/x/internal/simactors"
)

// The factories find their signers by asking x/identity, through the
// methods of types.IdentityKeeper the message handlers call, which
// simulation accounts may act, for which department and for which DID:
// AuthorizeRole for a DATA_PROVIDER or STANDARDS_BODY, AuthorizeMember for
// a department's requester, grantee or subscriber, AuthorizeController for
// a data subject, AuthorizeDevice for a publishing device. They read the
// datashare state through the keeper's collections (whole collections, in
// key order: fine for a simulation's state, and every choice deterministic:
// a list built in store and account order, then an index drawn from the
// simulation's random source).
//
// types.IdentityKeeper cannot list DIDs, and consents, personal datasets
// and a subject's own requests need DIDs that simulation accounts control.
// When the identity keeper is x/identity's (the app's is), the factories
// read its controller index (DidsByController) for the DIDs of simulation
// accounts, and still confirm each with AuthorizeController; with any other
// keeper they find no DID and the factories that need one skip.

// skip marks the operation skipped and returns no message.
func skip[T sdk.Msg](reporter simsx.SimulationReporter, format string, args ...any) ([]simsx.SimAccount, T) {
	reporter.Skipf(format, args...)
	var none T
	return nil, none
}

// blockTime is the time of the block the message will be delivered in.
func blockTime(ctx context.Context) time.Time { return sdk.UnwrapSDKContext(ctx).BlockTime() }

// controlled is a DID with the simulation accounts that control it.
type controlled struct {
	did     string
	signers []simsx.SimAccount
}

// controlledDids returns the active DIDs simulation accounts control (as
// AuthorizeController confirms), in DID order, each with those accounts in
// address order. See the comment at the top of this file.
func controlledDids(ctx context.Context, identity types.IdentityKeeper, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]controlled, error) {
	byDid, err := simactors.ControlledDids(ctx, identity, testData, reporter)
	if err != nil {
		return nil, err
	}
	out := make([]controlled, 0, len(byDid))
	for did, signers := range byDid {
		out = append(out, controlled{did: did, signers: signers})
	}
	slices.SortFunc(out, func(a, b controlled) int {
		switch {
		case a.did < b.did:
			return -1
		case a.did > b.did:
			return 1
		}
		return 0
	})
	return out, nil
}

// controllers maps each DID of list to its simulation controllers.
func controllers(list []controlled) map[string][]simsx.SimAccount {
	m := make(map[string][]simsx.SimAccount, len(list))
	for _, c := range list {
		m[c.did] = c.signers
	}
	return m
}

// granteeSigners returns the simulation accounts that may act as grantee:
// the members of a department (depts), or the controllers of a DID (dids).
func granteeSigners(grantee string, depts simactors.ByDept, dids map[string][]simsx.SimAccount) []simsx.SimAccount {
	if types.IsDID(grantee) {
		return dids[grantee]
	}
	return depts.Signers[grantee]
}

// datasets returns every dataset, in id order.
func datasets(ctx context.Context, k keeper.Keeper) ([]types.Dataset, error) {
	var out []types.Dataset
	err := k.Datasets.Walk(ctx, nil, func(_ string, d types.Dataset) (bool, error) {
		out = append(out, d)
		return false, nil
	})
	return out, err
}

// standardsWhere returns the standards keep accepts, in (id, version) order.
func standardsWhere(ctx context.Context, k keeper.Keeper, keep func(types.Standard) bool) ([]types.Standard, error) {
	var out []types.Standard
	err := k.Standards.Walk(ctx, nil, func(_ collections.Pair[string, string], s types.Standard) (bool, error) {
		if keep(s) {
			out = append(out, s)
		}
		return false, nil
	})
	return out, err
}

// rulesOf returns a dataset's auto-approval rules, in id order.
func rulesOf(ctx context.Context, k keeper.Keeper, datasetID string) ([]types.AutoApprovalRule, error) {
	var out []types.AutoApprovalRule
	err := k.Rules.Walk(ctx, collections.NewPrefixedPairRange[string, uint64](datasetID),
		func(_ collections.Pair[string, uint64], rule types.AutoApprovalRule) (bool, error) {
			out = append(out, rule)
			return false, nil
		})
	return out, err
}

// pendingRequests returns the pending access requests, in id order, through
// the pending index.
func pendingRequests(ctx context.Context, k keeper.Keeper) ([]types.AccessRequest, error) {
	var out []types.AccessRequest
	err := k.PendingRequests.Walk(ctx, nil, func(id uint64) (bool, error) {
		r, err := k.Requests.Get(ctx, id)
		if err != nil {
			return true, err
		}
		out = append(out, r)
		return false, nil
	})
	return out, err
}

// inForce returns the ids of the grants (kind types.ExpiryGrant) or
// consents (types.ExpiryConsent) in force at now, through the expiry queue
// (it holds exactly the stored-active ones, by expiry time): those expiring
// after now.
func inForce(ctx context.Context, k keeper.Keeper, kind uint32, now time.Time) ([]uint64, error) {
	var out []uint64
	err := k.ExpiryQueue.Walk(ctx, nil, func(key collections.Triple[time.Time, uint32, uint64]) (bool, error) {
		if key.K2() == kind && key.K1().After(now) {
			out = append(out, key.K3())
		}
		return false, nil
	})
	return out, err
}

// grantsInForce returns the grants in force at now, by expiry time.
func grantsInForce(ctx context.Context, k keeper.Keeper, now time.Time) ([]types.Grant, error) {
	ids, err := inForce(ctx, k, types.ExpiryGrant, now)
	if err != nil {
		return nil, err
	}
	out := make([]types.Grant, 0, len(ids))
	for _, id := range ids {
		g, err := k.Grants.Get(ctx, id)
		if err != nil {
			return nil, err
		}
		if g.InForce(now) {
			out = append(out, g)
		}
	}
	return out, nil
}

// consentsInForce returns the consents in force at now, by expiry time.
func consentsInForce(ctx context.Context, k keeper.Keeper, now time.Time) ([]types.Consent, error) {
	ids, err := inForce(ctx, k, types.ExpiryConsent, now)
	if err != nil {
		return nil, err
	}
	out := make([]types.Consent, 0, len(ids))
	for _, id := range ids {
		c, err := k.Consents.Get(ctx, id)
		if err != nil {
			return nil, err
		}
		if c.EffectiveStatus(now) == types.ConsentStatus_CONSENT_STATUS_ACTIVE {
			out = append(out, c)
		}
	}
	return out, nil
}

// usable reports whether grant g on dataset d may be used at now, by the
// rules the keeper applies to PostKeyEnvelope, RecordAccess and Subscribe:
// in force; a grantee department active; for personal data, a consent of
// the subject to the department, for the dataset or for all the subject's
// datasets, in force and naming the grant's purpose.
func usable(ctx context.Context, k keeper.Keeper, identity types.IdentityKeeper, d types.Dataset, g types.Grant, now time.Time) (bool, error) {
	if !g.InForce(now) {
		return false, nil
	}
	if types.IsDID(g.Grantee) {
		return true, nil
	}
	dept, err := identity.GetDepartment(ctx, g.Grantee)
	if err != nil || identity.CheckActive(ctx, dept) != nil {
		return false, nil //nolint:nilerr // a missing or suspended department makes the grant unusable
	}
	if d.Sensitivity != types.Sensitivity_SENSITIVITY_PERSONAL {
		return true, nil
	}
	for _, scope := range []string{d.Id, ""} {
		id, err := k.LatestConsent.Get(ctx, collections.Join3(d.Subject, g.Grantee, scope))
		if isNotFound(err) {
			continue
		} else if err != nil {
			return false, err
		}
		c, err := k.Consents.Get(ctx, id)
		if err != nil {
			return false, err
		}
		if c.Covers(g.Purpose, now) {
			return true, nil
		}
	}
	return false, nil
}

// accessOf returns the latest grant of grantee on dataset d when it is
// usable at now.
func accessOf(ctx context.Context, k keeper.Keeper, identity types.IdentityKeeper, d types.Dataset, grantee string, now time.Time) (bool, error) {
	id, err := k.LatestGrant.Get(ctx, collections.Join(d.Id, grantee))
	if isNotFound(err) {
		return false, nil
	} else if err != nil {
		return false, err
	}
	g, err := k.Grants.Get(ctx, id)
	if err != nil {
		return false, err
	}
	return usable(ctx, k, identity, d, g, now)
}

var isNotFound = collutil.IsNotFound

// joinStandard is the Standards key of a reference.
func joinStandard(ref types.StandardRef) collections.Pair[string, string] {
	return collections.Join(ref.Id, ref.Version)
}

// pairSU is the key of a dataset's rules, versions and index entries.
type pairSU = collections.Pair[string, uint64]
