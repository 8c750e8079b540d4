package keeper

import (
	"fmt"
	"slices"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/datashare/types"
)

// InvariantRegistry is where the app collects invariants.
type InvariantRegistry interface {
	Register(module, name string, check func(sdk.Context) error)
}

// RegisterInvariants registers the datashare invariants (simulations and
// tests check them; they read the whole store).
func RegisterInvariants(reg InvariantRegistry, k Keeper) {
	reg.Register(types.ModuleName, "dataset-versions", k.versionsInvariant)
	reg.Register(types.ModuleName, "dataset-rules", k.rulesInvariant)
	reg.Register(types.ModuleName, "request-indexes", k.requestIndexesInvariant)
	reg.Register(types.ModuleName, "grant-pointers", k.grantPointersInvariant)
	reg.Register(types.ModuleName, "consent-pointers", k.consentPointersInvariant)
	reg.Register(types.ModuleName, "expiry-queue", k.expiryQueueInvariant)
}

// versionsInvariant: every dataset's versions are exactly 1..latest, each
// indexed by its content hash.
func (k Keeper) versionsInvariant(ctx sdk.Context) error {
	return k.Datasets.Walk(ctx, nil, func(id string, d types.Dataset) (bool, error) {
		var n uint64
		err := k.Versions.Walk(ctx, collections.NewPrefixedPairRange[string, uint64](id), func(key pairSU, v types.DatasetVersion) (bool, error) {
			n++
			if key.K2() != n {
				return true, fmt.Errorf("dataset %q: version %d where %d was expected", id, key.K2(), n)
			}
			if has, err := k.VersionsByHash.Has(ctx, collections.Join3(v.ContentHash, id, v.Version)); err != nil || !has {
				return true, fmt.Errorf("dataset %q version %d is missing from the hash index", id, v.Version)
			}
			return false, nil
		})
		if err == nil && n != d.LatestVersion {
			err = fmt.Errorf("dataset %q: latest version %d but %d versions stored", id, d.LatestVersion, n)
		}
		return err != nil, err
	})
}

// rulesInvariant: each dataset lists exactly the ids of its rules.
func (k Keeper) rulesInvariant(ctx sdk.Context) error {
	return k.Datasets.Walk(ctx, nil, func(id string, d types.Dataset) (bool, error) {
		var stored []uint64
		err := k.Rules.Walk(ctx, collections.NewPrefixedPairRange[string, uint64](id), func(key pairSU, _ types.AutoApprovalRule) (bool, error) {
			stored = append(stored, key.K2())
			return false, nil
		})
		if err == nil && !slices.Equal(stored, d.RuleIds) {
			err = fmt.Errorf("dataset %q lists rules %v, the store holds %v", id, d.RuleIds, stored)
		}
		return err != nil, err
	})
}

// requestIndexesInvariant: every request sits once in the dataset and
// grantee indexes, pending ones in the pending index, and the indexes hold
// nothing else; every grant answers a request that names it.
func (k Keeper) requestIndexesInvariant(ctx sdk.Context) error {
	n, pending := 0, 0
	err := k.Requests.Walk(ctx, nil, func(id uint64, r types.AccessRequest) (bool, error) {
		n++
		ok1, err1 := k.RequestsByDataset.Has(ctx, collections.Join(r.DatasetId, id))
		ok2, err2 := k.RequestsByGrantee.Has(ctx, collections.Join(r.Grantee, id))
		ok3, err3 := k.PendingRequests.Has(ctx, id)
		if err1 != nil || err2 != nil || err3 != nil || !ok1 || !ok2 || ok3 != (r.Status == types.RequestStatus_REQUEST_STATUS_PENDING) {
			return true, fmt.Errorf("request %d is missing from an index, or pending-indexed while %s", id, r.Status.Short())
		}
		if ok3 {
			pending++
		}
		return false, nil
	})
	if err != nil {
		return err
	}
	for _, index := range []struct {
		name string
		set  collections.KeySet[pairSU]
	}{{"dataset", k.RequestsByDataset}, {"grantee", k.RequestsByGrantee}} {
		if m, err := countKeys(ctx, index.set); err != nil || m != n {
			return fmt.Errorf("the %s index of requests holds %d entries for %d requests (%v)", index.name, m, n, err)
		}
	}
	if m, err := countKeys(ctx, k.PendingRequests); err != nil || m != pending {
		return fmt.Errorf("the pending index holds %d entries for %d pending requests (%v)", m, pending, err)
	}
	return k.Grants.Walk(ctx, nil, func(id uint64, g types.Grant) (bool, error) {
		r, err := k.Requests.Get(ctx, g.RequestId)
		if err != nil || r.GrantId != id {
			return true, fmt.Errorf("grant %d answers request %d, which does not name it", id, g.RequestId)
		}
		return false, nil
	})
}

func countKeys[K any](ctx sdk.Context, set collections.KeySet[K]) (int, error) {
	n := 0
	err := set.Walk(ctx, nil, func(K) (bool, error) {
		n++
		return false, nil
	})
	return n, err
}

// grantPointersInvariant: each (dataset, grantee) pair's latest-grant
// pointer names its newest grant, and no other grant of the pair is active.
func (k Keeper) grantPointersInvariant(ctx sdk.Context) error {
	return k.Grants.Walk(ctx, nil, func(id uint64, g types.Grant) (bool, error) {
		latest, err := k.LatestGrant.Get(ctx, collections.Join(g.DatasetId, g.Grantee))
		if err != nil {
			return true, fmt.Errorf("grant %d: no latest-grant pointer for %s on %q", id, g.Grantee, g.DatasetId)
		}
		if latest < id {
			return true, fmt.Errorf("grant %d is newer than the pointer %d", id, latest)
		}
		if latest != id && g.Status == types.GrantStatus_GRANT_STATUS_ACTIVE {
			return true, fmt.Errorf("grant %d is active but grant %d replaced it", id, latest)
		}
		return false, nil
	})
}

// consentPointersInvariant: the same for consents and their scopes.
func (k Keeper) consentPointersInvariant(ctx sdk.Context) error {
	return k.Consents.Walk(ctx, nil, func(id uint64, c types.Consent) (bool, error) {
		latest, err := k.LatestConsent.Get(ctx, collections.Join3(c.Subject, c.DepartmentId, c.DatasetId))
		if err != nil {
			return true, fmt.Errorf("consent %d: no latest-consent pointer", id)
		}
		if latest < id {
			return true, fmt.Errorf("consent %d is newer than the pointer %d", id, latest)
		}
		if latest != id && c.Status == types.ConsentStatus_CONSENT_STATUS_ACTIVE {
			return true, fmt.Errorf("consent %d is active but consent %d replaced it", id, latest)
		}
		return false, nil
	})
}

// expiryQueueInvariant: the queue holds exactly the stored-active grants and
// consents, each at its expiry time.
func (k Keeper) expiryQueueInvariant(ctx sdk.Context) error {
	active := 0
	err := k.Grants.Walk(ctx, nil, func(id uint64, g types.Grant) (bool, error) {
		if g.Status != types.GrantStatus_GRANT_STATUS_ACTIVE {
			return false, nil
		}
		active++
		if has, err := k.ExpiryQueue.Has(ctx, collections.Join3(g.ExpiresAt, types.ExpiryGrant, id)); err != nil || !has {
			return true, fmt.Errorf("active grant %d is not in the expiry queue", id)
		}
		return false, nil
	})
	if err != nil {
		return err
	}
	err = k.Consents.Walk(ctx, nil, func(id uint64, c types.Consent) (bool, error) {
		if c.Status != types.ConsentStatus_CONSENT_STATUS_ACTIVE {
			return false, nil
		}
		active++
		if has, err := k.ExpiryQueue.Has(ctx, collections.Join3(c.ExpiresAt, types.ExpiryConsent, id)); err != nil || !has {
			return true, fmt.Errorf("active consent %d is not in the expiry queue", id)
		}
		return false, nil
	})
	if err != nil {
		return err
	}
	if n, err := countKeys(ctx, k.ExpiryQueue); err != nil || n != active {
		return fmt.Errorf("the expiry queue holds %d entries for %d active grants and consents (%v)", n, active, err)
	}
	return nil
}
