package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/identity/types"
)

// GetDepartment returns a department or ErrDepartmentNotFound.
func (k Keeper) GetDepartment(ctx context.Context, id string) (types.Department, error) {
	d, err := k.Departments.Get(ctx, id)
	if errors.Is(err, collections.ErrNotFound) {
		return d, types.ErrDepartmentNotFound.Wrapf("department %q", id)
	}
	return d, err
}

// ancestors returns the department's parent, grandparent, ... up to the
// top-level department. The walk is bounded by the depth recorded in the
// department, itself capped by types.MaxDepartmentDepthCap.
func (k Keeper) ancestors(ctx context.Context, d types.Department) ([]types.Department, error) {
	var out []types.Department
	for parent := d.ParentId; parent != ""; {
		if len(out) >= types.MaxDepartmentDepthCap {
			return nil, types.ErrTooDeep.Wrapf("department %q has more than %d ancestors", d.Id, types.MaxDepartmentDepthCap)
		}
		p, err := k.GetDepartment(ctx, parent)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
		parent = p.ParentId
	}
	return out, nil
}

// CheckActive returns nil when the department and all its ancestors are
// active, or ErrDepartmentSuspended naming the suspended one.
func (k Keeper) CheckActive(ctx context.Context, d types.Department) error {
	if d.Status != types.DepartmentStatus_DEPARTMENT_STATUS_ACTIVE {
		return types.ErrDepartmentSuspended.Wrapf("department %q is suspended", d.Id)
	}
	ancestors, err := k.ancestors(ctx, d)
	if err != nil {
		return err
	}
	for _, a := range ancestors {
		if a.Status != types.DepartmentStatus_DEPARTMENT_STATUS_ACTIVE {
			return types.ErrDepartmentSuspended.Wrapf("department %q is suspended through its ancestor %q", d.Id, a.Id)
		}
	}
	return nil
}

// requireAdmin checks that signer is the department's admin and the
// department is active, or that signer is the module authority.
func (k Keeper) requireAdmin(ctx context.Context, d types.Department, signer string) error {
	if k.isAuthority(ctx, signer) {
		return nil
	}
	if signer != d.Admin {
		return types.ErrUnauthorized.Wrapf("%s is not the admin of department %q", signer, d.Id)
	}
	return k.CheckActive(ctx, d)
}

// requireOverseer checks that signer is the module authority or the admin of
// one of the department's ancestors, that ancestor being active: the
// accounts that may suspend a department or change its roles.
func (k Keeper) requireOverseer(ctx context.Context, d types.Department, signer string) error {
	if k.isAuthority(ctx, signer) {
		return nil
	}
	ancestors, err := k.ancestors(ctx, d)
	if err != nil {
		return err
	}
	for _, a := range ancestors {
		if a.Admin == signer {
			return k.CheckActive(ctx, a)
		}
	}
	if d.ParentId == "" {
		return types.ErrUnauthorized.Wrapf("only the module authority may do this for top-level department %q", d.Id)
	}
	return types.ErrUnauthorized.Wrapf("%s is neither the module authority nor the admin of an ancestor of department %q", signer, d.Id)
}

// requireFree checks that an account is neither affiliated with a
// department nor a registered device, so it can become an admin or member.
func (k Keeper) requireFree(ctx context.Context, addr sdk.AccAddress, addrStr string) error {
	aff, err := k.Affiliations.Get(ctx, addr)
	switch {
	case err == nil:
		return types.ErrAlreadyAffiliated.Wrapf("account %s already belongs to department %q", addrStr, aff.DepartmentId)
	case !errors.Is(err, collections.ErrNotFound):
		return err
	}
	dev, err := k.Devices.Get(ctx, addr)
	switch {
	case err == nil:
		return types.ErrAlreadyAffiliated.Wrapf("account %s is a device of department %q", addrStr, dev.DepartmentId)
	case !errors.Is(err, collections.ErrNotFound):
		return err
	}
	return nil
}

// adjustRoleHolders adds delta to the holder count of each role in
// department parent (the department whose roles are being delegated).
func (k Keeper) adjustRoleHolders(ctx context.Context, parent string, roles []types.Role, delta int64) error {
	for _, r := range roles {
		if err := adjustCounter(ctx, k.RoleHolders, collections.Join(parent, int32(r)), delta); err != nil {
			return err
		}
	}
	return nil
}

// adjustTypeHolders adds delta to the holder count of each credential type
// in department parent.
func (k Keeper) adjustTypeHolders(ctx context.Context, parent string, credTypes []string, delta int64) error {
	for _, t := range credTypes {
		if err := adjustCounter(ctx, k.CredentialTypeHolders, collections.Join(parent, t), delta); err != nil {
			return err
		}
	}
	return nil
}

func adjustCounter[K any](ctx context.Context, m collections.Map[K, uint64], key K, delta int64) error {
	n, err := m.Get(ctx, key)
	if err != nil && !errors.Is(err, collections.ErrNotFound) {
		return err
	}
	next := int64(n) + delta
	switch {
	case next < 0:
		return errors.New("identity: holder counter would go negative")
	case next == 0:
		return m.Remove(ctx, key)
	default:
		return m.Set(ctx, key, uint64(next))
	}
}

// validateDepartmentDid checks that a department's DID, when given, exists
// and is not deactivated.
func (k Keeper) validateDepartmentDid(ctx context.Context, did string) (string, error) {
	if did == "" {
		return "", nil
	}
	full, err := types.NormalizeDID(did)
	if err != nil {
		return "", err
	}
	state, err := k.getDidState(ctx, full)
	if err != nil {
		return "", err
	}
	if state.Deactivated {
		return "", types.ErrDidDeactivated.Wrapf("%s", full)
	}
	return full, nil
}

// validateRolesAndTypes normalizes a department's roles and credential
// types, checks them against the params and, for a child, against the
// parent's.
func (k Keeper) validateRolesAndTypes(ctx context.Context, p types.Params, parent *types.Department, roles []types.Role, credTypes []string) ([]types.Role, []string, error) {
	consumeItems(ctx, len(roles)+len(credTypes), "identity: roles and credential types")
	roles, err := types.NormalizeRoles(roles)
	if err != nil {
		return nil, nil, err
	}
	if len(credTypes) > int(p.MaxCredentialTypes) {
		return nil, nil, types.ErrInvalidRequest.Wrapf("%d credential types, the limit is %d", len(credTypes), p.MaxCredentialTypes)
	}
	credTypes, err = types.NormalizeNames(credTypes, func(s string) error {
		return types.ValidateTypeName("credential type", s, p.MaxIdLength)
	})
	if err != nil {
		return nil, nil, err
	}
	if parent != nil {
		if missing := types.Missing(roles, parent.Roles); len(missing) > 0 {
			return nil, nil, types.ErrRoleNotSubset.Wrapf("parent department %q does not hold %s", parent.Id, types.RoleNames(missing))
		}
		if missing := types.Missing(credTypes, parent.CredentialTypes); len(missing) > 0 {
			return nil, nil, types.ErrRoleNotSubset.Wrapf("parent department %q may not issue credential types %v", parent.Id, missing)
		}
	}
	return roles, credTypes, nil
}
