package keeper

import (
	"context"
	"fmt"
	"slices"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/identity/types"
)

// InvariantRegistry is where the app collects invariants (app.InvariantRegistry).
type InvariantRegistry interface {
	Register(module, name string, check func(sdk.Context) error)
}

// RegisterInvariants registers x/identity's invariants. They read the whole
// store, so they run in simulations and tests, never in a block.
func RegisterInvariants(reg InvariantRegistry, k Keeper) {
	reg.Register(types.ModuleName, "child-subset", k.childSubsetInvariant)
	reg.Register(types.ModuleName, "member-subset", k.memberSubsetInvariant)
	reg.Register(types.ModuleName, "holder-counts", k.holderCountsInvariant)
	reg.Register(types.ModuleName, "indexes", k.indexesInvariant)
}

// childSubsetInvariant: every child department's roles and credential types
// are a subset of its parent's, its depth is its parent's + 1, and the
// tree index lists it under its parent.
func (k Keeper) childSubsetInvariant(ctx sdk.Context) error {
	return k.Departments.Walk(ctx, nil, func(id string, d types.Department) (bool, error) {
		if has, err := k.Children.Has(ctx, collections.Join(d.ParentId, id)); err != nil || !has {
			return true, fmt.Errorf("department %q is missing from its parent's children index", id)
		}
		if d.ParentId == "" {
			if d.Depth != 1 {
				return true, fmt.Errorf("top-level department %q has depth %d", id, d.Depth)
			}
			return false, nil
		}
		p, err := k.GetDepartment(ctx, d.ParentId)
		if err != nil {
			return true, fmt.Errorf("department %q: %w", id, err)
		}
		if m := types.Missing(d.Roles, p.Roles); len(m) > 0 {
			return true, fmt.Errorf("department %q holds %s, which its parent %q does not", id, types.RoleNames(m), p.Id)
		}
		if m := types.Missing(d.CredentialTypes, p.CredentialTypes); len(m) > 0 {
			return true, fmt.Errorf("department %q may issue %v, which its parent %q may not", id, m, p.Id)
		}
		if d.Depth != p.Depth+1 {
			return true, fmt.Errorf("department %q has depth %d under a parent at depth %d", id, d.Depth, p.Depth)
		}
		return false, nil
	})
}

// memberSubsetInvariant: every member's roles are a subset of its
// department's, and its affiliation points back at the department.
func (k Keeper) memberSubsetInvariant(ctx sdk.Context) error {
	return k.Members.Walk(ctx, nil, func(key collections.Pair[string, sdk.AccAddress], m types.Member) (bool, error) {
		d, err := k.GetDepartment(ctx, key.K1())
		if err != nil {
			return true, fmt.Errorf("member %s: %w", m.Address, err)
		}
		if missing := types.Missing(m.Roles, d.Roles); len(missing) > 0 {
			return true, fmt.Errorf("member %s holds %s, which department %q does not", m.Address, types.RoleNames(missing), d.Id)
		}
		aff, err := k.Affiliations.Get(ctx, key.K2())
		if err != nil || aff.DepartmentId != d.Id || aff.Admin {
			return true, fmt.Errorf("member %s of %q has no matching affiliation", m.Address, d.Id)
		}
		return false, nil
	})
}

// holderCountsInvariant: the stored role and credential-type holder counts
// equal the counts recomputed from departments and members.
func (k Keeper) holderCountsInvariant(ctx sdk.Context) error {
	// Counts keyed by "department\x00role" (collections.Pair holds pointers,
	// so it cannot key a Go map).
	roles := map[string]uint64{}
	credTypes := map[string]uint64{}
	roleKey := func(dept string, r int32) string { return fmt.Sprintf("%s\x00%d", dept, r) }
	typeKey := func(dept, t string) string { return dept + "\x00" + t }
	err := k.Departments.Walk(ctx, nil, func(_ string, d types.Department) (bool, error) {
		if d.ParentId == "" {
			return false, nil
		}
		for _, r := range d.Roles {
			roles[roleKey(d.ParentId, int32(r))]++
		}
		for _, t := range d.CredentialTypes {
			credTypes[typeKey(d.ParentId, t)]++
		}
		return false, nil
	})
	if err != nil {
		return err
	}
	err = k.Members.Walk(ctx, nil, func(_ collections.Pair[string, sdk.AccAddress], m types.Member) (bool, error) {
		for _, r := range m.Roles {
			roles[roleKey(m.DepartmentId, int32(r))]++
		}
		return false, nil
	})
	if err != nil {
		return err
	}
	if err := sameCounts(ctx, k.RoleHolders, roles, func(p collections.Pair[string, int32]) string { return roleKey(p.K1(), p.K2()) }, "role holders"); err != nil {
		return err
	}
	return sameCounts(ctx, k.CredentialTypeHolders, credTypes, func(p collections.Pair[string, string]) string { return typeKey(p.K1(), p.K2()) }, "credential-type holders")
}

func sameCounts[K any](ctx context.Context, stored collections.Map[K, uint64], want map[string]uint64, name func(K) string, what string) error {
	seen := 0
	err := stored.Walk(ctx, nil, func(key K, n uint64) (bool, error) {
		seen++
		if want[name(key)] != n {
			return true, fmt.Errorf("%s of %q: stored %d, counted %d", what, name(key), n, want[name(key)])
		}
		return false, nil
	})
	if err != nil {
		return err
	}
	if seen != len(want) {
		return fmt.Errorf("%s: %d stored counters, %d expected", what, seen, len(want))
	}
	return nil
}

// indexesInvariant: every index entry points at an existing record that
// matches it, and every record is indexed.
func (k Keeper) indexesInvariant(ctx sdk.Context) error {
	checks := []func(sdk.Context) error{
		k.checkAffiliations, k.checkControllerIndex, k.checkCredentialIndexes, k.checkDeviceIndex,
	}
	for _, check := range checks {
		if err := check(ctx); err != nil {
			return err
		}
	}
	return nil
}

func (k Keeper) checkAffiliations(ctx sdk.Context) error {
	return k.Affiliations.Walk(ctx, nil, func(addr sdk.AccAddress, aff types.Affiliation) (bool, error) {
		d, err := k.GetDepartment(ctx, aff.DepartmentId)
		if err != nil {
			return true, fmt.Errorf("affiliation of %s: %w", addr, err)
		}
		if aff.Admin {
			admin, err := k.addressCodec.StringToBytes(d.Admin)
			if err != nil || !slices.Equal(admin, addr) {
				return true, fmt.Errorf("affiliation says %s administers %q, whose admin is %s", addr, d.Id, d.Admin)
			}
			return false, nil
		}
		if has, err := k.Members.Has(ctx, collections.Join(d.Id, addr)); err != nil || !has {
			return true, fmt.Errorf("affiliation says %s is a member of %q, which has no such member", addr, d.Id)
		}
		return false, nil
	})
}

func (k Keeper) checkControllerIndex(ctx sdk.Context) error {
	indexed := 0
	err := k.DidsByController.Walk(ctx, nil, func(key collections.Pair[sdk.AccAddress, string]) (bool, error) {
		indexed++
		_, v, err := k.GetDidVersion(ctx, key.K2(), 0)
		if err != nil {
			return true, fmt.Errorf("controller index entry %s: %w", key.K2(), err)
		}
		addr, err := k.addressCodec.BytesToString(key.K1())
		if err != nil || !slices.Contains(v.Document.Controllers, addr) {
			return true, fmt.Errorf("controller index lists %s for %s, which it does not control", addr, key.K2())
		}
		return false, nil
	})
	if err != nil {
		return err
	}
	controllers := 0
	err = k.Dids.Walk(ctx, nil, func(did string, s types.DidState) (bool, error) {
		v, err := k.DidVersions.Get(ctx, collections.Join(did, s.Version))
		if err != nil {
			return true, fmt.Errorf("%s: latest version %d missing", did, s.Version)
		}
		controllers += len(v.Document.Controllers)
		return false, nil
	})
	if err != nil {
		return err
	}
	if indexed != controllers {
		return fmt.Errorf("controller index holds %d entries, the DIDs name %d controllers", indexed, controllers)
	}
	return nil
}

func (k Keeper) checkCredentialIndexes(ctx sdk.Context) error {
	count := 0
	err := k.Credentials.Walk(ctx, nil, func(id string, c types.Credential) (bool, error) {
		count++
		for _, key := range []struct {
			set collections.KeySet[collections.Pair[string, string]]
			k1  string
		}{{k.CredentialsByIssuer, c.IssuerDepartment}, {k.CredentialsBySubject, c.SubjectDid}, {k.CredentialsByType, c.Type}} {
			if has, err := key.set.Has(ctx, collections.Join(key.k1, id)); err != nil || !has {
				return true, fmt.Errorf("credential %q is missing from an index under %q", id, key.k1)
			}
		}
		bits, err := k.StatusListBits(ctx, c.IssuerDepartment, types.StatusPurpose_STATUS_PURPOSE_REVOCATION, c.StatusListIndex/types.StatusListLength)
		if err != nil {
			return true, err
		}
		i := c.StatusListIndex % types.StatusListLength
		revoked := bits[i/8]&(0x80>>(i%8)) != 0
		if revoked != (c.Status == types.CredentialStatus_CREDENTIAL_STATUS_REVOKED) {
			return true, fmt.Errorf("credential %q is %s but its revocation bit is %v", id, c.Status, revoked)
		}
		return false, nil
	})
	if err != nil {
		return err
	}
	for _, set := range []collections.KeySet[collections.Pair[string, string]]{k.CredentialsByIssuer, k.CredentialsBySubject, k.CredentialsByType} {
		n := 0
		if err := set.Walk(ctx, nil, func(collections.Pair[string, string]) (bool, error) { n++; return false, nil }); err != nil {
			return err
		}
		if n != count {
			return fmt.Errorf("a credential index holds %d entries for %d credentials", n, count)
		}
	}
	return nil
}

func (k Keeper) checkDeviceIndex(ctx sdk.Context) error {
	count := 0
	err := k.DevicesByDepartment.Walk(ctx, nil, func(key collections.Pair[string, sdk.AccAddress]) (bool, error) {
		count++
		dev, err := k.Devices.Get(ctx, key.K2())
		if err != nil || dev.DepartmentId != key.K1() {
			return true, fmt.Errorf("device index lists %s under %q, which has no such device", key.K2(), key.K1())
		}
		if _, err := k.GetDepartment(ctx, dev.DepartmentId); err != nil {
			return true, err
		}
		return false, nil
	})
	if err != nil {
		return err
	}
	devices := 0
	if err := k.Devices.Walk(ctx, nil, func(sdk.AccAddress, types.Device) (bool, error) { devices++; return false, nil }); err != nil {
		return err
	}
	if devices != count {
		return fmt.Errorf("device index holds %d entries for %d devices", count, devices)
	}
	return nil
}
