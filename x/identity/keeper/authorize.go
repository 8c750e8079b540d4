package keeper

import (
	"context"
	"slices"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/identity/types"
)

// AuthorizeRole answers the question every privileged write in TrustCity
// asks first: may signer act for a department holding role? It returns the
// department's id when signer is the department's admin, or a member holding
// the role, and the department and all its ancestors are active. Otherwise
// it returns an error saying which condition failed:
//   - ErrNotAffiliated: signer is not the admin or a member of any department;
//   - ErrRoleNotHeld: the department does not hold the role, or the member
//     was not given it;
//   - ErrDepartmentSuspended: the department or an ancestor is suspended.
func (k Keeper) AuthorizeRole(ctx context.Context, signer sdk.AccAddress, role types.Role) (string, error) {
	signerStr, aff, d, err := k.affiliation(ctx, signer)
	if err != nil {
		return "", err
	}
	if !types.HasRole(d.Roles, role) {
		return "", types.ErrRoleNotHeld.Wrapf("department %q does not hold role %s", d.Id, role.Short())
	}
	if !aff.Admin {
		member, err := k.Members.Get(ctx, collections.Join(d.Id, signer))
		if err != nil {
			return "", err
		}
		if !types.HasRole(member.Roles, role) {
			return "", types.ErrRoleNotHeld.Wrapf("member %s of department %q does not hold role %s", signerStr, d.Id, role.Short())
		}
	}
	if err := k.CheckActive(ctx, d); err != nil {
		return "", err
	}
	return d.Id, nil
}

// affiliation returns the signer's canonical address, its affiliation and
// its department, or ErrNotAffiliated.
func (k Keeper) affiliation(ctx context.Context, signer sdk.AccAddress) (string, types.Affiliation, types.Department, error) {
	signerStr, err := k.addressCodec.BytesToString(signer)
	if err != nil {
		return "", types.Affiliation{}, types.Department{}, types.ErrInvalidAddress.Wrap(err.Error())
	}
	aff, err := k.Affiliations.Get(ctx, signer)
	if isNotFound(err) {
		return "", aff, types.Department{}, types.ErrNotAffiliated.Wrapf("account %s is not the admin or a member of any department", signerStr)
	} else if err != nil {
		return "", aff, types.Department{}, err
	}
	d, err := k.GetDepartment(ctx, aff.DepartmentId)
	return signerStr, aff, d, err
}

// AuthorizeDevice answers whether device is an active device of department
// departmentID whose scopes include scope, the department being active. The
// errors are ErrDeviceNotFound, ErrDeviceWrongDepartment, ErrDeviceInactive,
// ErrScopeNotAllowed and ErrDepartmentSuspended.
func (k Keeper) AuthorizeDevice(ctx context.Context, device sdk.AccAddress, departmentID, scope string) error {
	addr, err := k.addressCodec.BytesToString(device)
	if err != nil {
		return types.ErrInvalidAddress.Wrap(err.Error())
	}
	dev, err := k.Devices.Get(ctx, device)
	if isNotFound(err) {
		return types.ErrDeviceNotFound.Wrapf("device %s", addr)
	} else if err != nil {
		return err
	}
	if dev.DepartmentId != departmentID {
		return types.ErrDeviceWrongDepartment.Wrapf("device %s belongs to department %q, not %q", addr, dev.DepartmentId, departmentID)
	}
	if dev.Status != types.DeviceStatus_DEVICE_STATUS_ACTIVE {
		return types.ErrDeviceInactive.Wrapf("device %s is %s", addr, dev.Status)
	}
	if !containsSorted(dev.Scopes, scope) {
		return types.ErrScopeNotAllowed.Wrapf("device %s may not publish to %q", addr, scope)
	}
	d, err := k.GetDepartment(ctx, dev.DepartmentId)
	if err != nil {
		return err
	}
	return k.CheckActive(ctx, d)
}

// AuthorizeMember returns the department signer acts for, whatever its
// roles: signer is the department's admin or a member, and the department
// and all its ancestors are active. Errors: ErrNotAffiliated,
// ErrDepartmentSuspended.
func (k Keeper) AuthorizeMember(ctx context.Context, signer sdk.AccAddress) (string, error) {
	_, _, d, err := k.affiliation(ctx, signer)
	if err != nil {
		return "", err
	}
	if err := k.CheckActive(ctx, d); err != nil {
		return "", err
	}
	return d.Id, nil
}

// AuthorizeController checks that signer is a controller of the latest
// version of an active DID and returns the DID in its full form. Errors:
// ErrInvalidDid, ErrDidNotFound, ErrDidDeactivated, ErrNotController.
func (k Keeper) AuthorizeController(ctx context.Context, signer sdk.AccAddress, did string) (string, error) {
	signerStr, err := k.addressCodec.BytesToString(signer)
	if err != nil {
		return "", types.ErrInvalidAddress.Wrap(err.Error())
	}
	state, v, err := k.GetDidVersion(ctx, did, 0)
	if err != nil {
		return "", err
	}
	if state.Deactivated {
		return "", types.ErrDidDeactivated.Wrapf("%s was deactivated at version %d", state.Id, state.Version)
	}
	if !slices.Contains(v.Document.Controllers, signerStr) {
		return "", types.ErrNotController.Wrapf("%s does not control %s", signerStr, state.Id)
	}
	return state.Id, nil
}
