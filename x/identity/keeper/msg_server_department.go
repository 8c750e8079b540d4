package keeper

import (
	"context"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/identity/types"
)

// RegisterDepartment registers a top-level department (authority) or a child
// of a department whose admin signs.
func (m msgServer) RegisterDepartment(ctx context.Context, msg *types.MsgRegisterDepartment) (*types.MsgRegisterDepartmentResponse, error) {
	copied := *msg
	msg = &copied
	if err := m.canonical("signer", &msg.Signer); err != nil {
		return nil, err
	}
	if err := m.canonical("admin", &msg.Admin); err != nil {
		return nil, err
	}
	p, err := m.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	if err := types.ValidateDepartmentID(msg.Id, p.MaxIdLength); err != nil {
		return nil, err
	}
	if err := types.ValidateName("name", msg.Name, p.MaxNameLength); err != nil {
		return nil, err
	}
	if err := types.ValidateText("metadata", msg.Metadata, p.MaxMetadataBytes); err != nil {
		return nil, err
	}
	admin, err := m.decodeAddress("admin", msg.Admin)
	if err != nil {
		return nil, err
	}
	var parent *types.Department
	depth := uint32(1)
	if msg.ParentId == "" {
		if !m.isAuthority(ctx, msg.Signer) {
			return nil, types.ErrUnauthorized.Wrapf("only the module authority may register a top-level department; %s is not", msg.Signer)
		}
	} else {
		pd, err := m.GetDepartment(ctx, msg.ParentId)
		if err != nil {
			return nil, err
		}
		if err := m.requireAdmin(ctx, pd, msg.Signer); err != nil {
			return nil, err
		}
		parent, depth = &pd, pd.Depth+1
		if depth > p.MaxDepartmentDepth {
			return nil, types.ErrTooDeep.Wrapf("department %q would sit at depth %d, the limit is %d", msg.Id, depth, p.MaxDepartmentDepth)
		}
	}
	if has, err := m.Departments.Has(ctx, msg.Id); err != nil {
		return nil, err
	} else if has {
		return nil, types.ErrDepartmentExists.Wrapf("department %q", msg.Id)
	}
	roles, credTypes, err := m.validateRolesAndTypes(ctx, p, parent, msg.Roles, msg.CredentialTypes)
	if err != nil {
		return nil, err
	}
	if err := m.requireFree(ctx, admin, msg.Admin); err != nil {
		return nil, err
	}
	did, err := m.validateDepartmentDid(ctx, msg.Did)
	if err != nil {
		return nil, err
	}

	sdkCtx := sdk.UnwrapSDKContext(ctx)
	d := types.Department{
		Id:              msg.Id,
		Name:            msg.Name,
		ParentId:        msg.ParentId,
		Admin:           msg.Admin,
		Roles:           roles,
		CredentialTypes: credTypes,
		Status:          types.DepartmentStatus_DEPARTMENT_STATUS_ACTIVE,
		Metadata:        msg.Metadata,
		Did:             did,
		Depth:           depth,
		CreatedHeight:   sdkCtx.BlockHeight(),
		CreatedAt:       sdkCtx.BlockTime(),
	}
	if err := m.addDepartment(ctx, d, admin); err != nil {
		return nil, err
	}
	return &types.MsgRegisterDepartmentResponse{}, emit(ctx, &types.EventDepartmentRegistered{
		Id: d.Id, ParentId: d.ParentId, Admin: d.Admin, Roles: d.Roles, CredentialTypes: d.CredentialTypes, Signer: msg.Signer,
	})
}

// addDepartment writes a new department with its tree index, admin
// affiliation and its parent's holder counts.
func (k Keeper) addDepartment(ctx context.Context, d types.Department, admin sdk.AccAddress) error {
	if err := k.Departments.Set(ctx, d.Id, d); err != nil {
		return err
	}
	if err := k.Children.Set(ctx, collections.Join(d.ParentId, d.Id)); err != nil {
		return err
	}
	if err := k.Affiliations.Set(ctx, admin, types.Affiliation{DepartmentId: d.Id, Admin: true}); err != nil {
		return err
	}
	if d.ParentId == "" {
		return nil
	}
	if err := k.adjustRoleHolders(ctx, d.ParentId, d.Roles, 1); err != nil {
		return err
	}
	return k.adjustTypeHolders(ctx, d.ParentId, d.CredentialTypes, 1)
}

// UpdateDepartment changes a department's name, metadata and DID.
func (m msgServer) UpdateDepartment(ctx context.Context, msg *types.MsgUpdateDepartment) (*types.MsgUpdateDepartmentResponse, error) {
	copied := *msg
	msg = &copied
	if err := m.canonical("signer", &msg.Signer); err != nil {
		return nil, err
	}
	p, err := m.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	d, err := m.GetDepartment(ctx, msg.Id)
	if err != nil {
		return nil, err
	}
	if err := m.requireAdmin(ctx, d, msg.Signer); err != nil {
		return nil, err
	}
	if err := types.ValidateName("name", msg.Name, p.MaxNameLength); err != nil {
		return nil, err
	}
	if err := types.ValidateText("metadata", msg.Metadata, p.MaxMetadataBytes); err != nil {
		return nil, err
	}
	did, err := m.validateDepartmentDid(ctx, msg.Did)
	if err != nil {
		return nil, err
	}
	d.Name, d.Metadata, d.Did = msg.Name, msg.Metadata, did
	if err := m.Departments.Set(ctx, d.Id, d); err != nil {
		return nil, err
	}
	return &types.MsgUpdateDepartmentResponse{}, emit(ctx, &types.EventDepartmentUpdated{Id: d.Id, Signer: msg.Signer})
}

// SetDepartmentRoles replaces a department's roles and credential types. A
// role or type still delegated to a child department or a member cannot be
// removed: the change is refused until they give it up, so the subset rule
// holds without cascading through the tree.
func (m msgServer) SetDepartmentRoles(ctx context.Context, msg *types.MsgSetDepartmentRoles) (*types.MsgSetDepartmentRolesResponse, error) {
	copied := *msg
	msg = &copied
	if err := m.canonical("signer", &msg.Signer); err != nil {
		return nil, err
	}
	p, err := m.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	d, err := m.GetDepartment(ctx, msg.Id)
	if err != nil {
		return nil, err
	}
	if err := m.requireOverseer(ctx, d, msg.Signer); err != nil {
		return nil, err
	}
	var parent *types.Department
	if d.ParentId != "" {
		pd, err := m.GetDepartment(ctx, d.ParentId)
		if err != nil {
			return nil, err
		}
		parent = &pd
	}
	roles, credTypes, err := m.validateRolesAndTypes(ctx, p, parent, msg.Roles, msg.CredentialTypes)
	if err != nil {
		return nil, err
	}
	removedRoles := types.Missing(d.Roles, roles)
	for _, r := range removedRoles {
		n, err := m.RoleHolders.Get(ctx, collections.Join(d.Id, int32(r)))
		if err != nil && !isNotFound(err) {
			return nil, err
		}
		if n > 0 {
			return nil, types.ErrRoleInUse.Wrapf("role %s of department %q is held by %d child departments or members; remove it from them first", r.Short(), d.Id, n)
		}
	}
	removedTypes := types.Missing(d.CredentialTypes, credTypes)
	for _, t := range removedTypes {
		n, err := m.CredentialTypeHolders.Get(ctx, collections.Join(d.Id, t))
		if err != nil && !isNotFound(err) {
			return nil, err
		}
		if n > 0 {
			return nil, types.ErrRoleInUse.Wrapf("credential type %s of department %q is permitted to %d child departments; remove it from them first", t, d.Id, n)
		}
	}
	if parent != nil {
		if err := m.adjustRoleHolders(ctx, parent.Id, removedRoles, -1); err != nil {
			return nil, err
		}
		if err := m.adjustRoleHolders(ctx, parent.Id, types.Missing(roles, d.Roles), 1); err != nil {
			return nil, err
		}
		if err := m.adjustTypeHolders(ctx, parent.Id, removedTypes, -1); err != nil {
			return nil, err
		}
		if err := m.adjustTypeHolders(ctx, parent.Id, types.Missing(credTypes, d.CredentialTypes), 1); err != nil {
			return nil, err
		}
	}
	d.Roles, d.CredentialTypes = roles, credTypes
	if err := m.Departments.Set(ctx, d.Id, d); err != nil {
		return nil, err
	}
	return &types.MsgSetDepartmentRolesResponse{}, emit(ctx, &types.EventDepartmentRolesChanged{
		Id: d.Id, Roles: d.Roles, CredentialTypes: d.CredentialTypes, Signer: msg.Signer,
	})
}

// TransferDepartmentAdmin hands a department over to a new admin account.
func (m msgServer) TransferDepartmentAdmin(ctx context.Context, msg *types.MsgTransferDepartmentAdmin) (*types.MsgTransferDepartmentAdminResponse, error) {
	copied := *msg
	msg = &copied
	if err := m.canonical("signer", &msg.Signer); err != nil {
		return nil, err
	}
	if err := m.canonical("new_admin", &msg.NewAdmin); err != nil {
		return nil, err
	}
	d, err := m.GetDepartment(ctx, msg.Id)
	if err != nil {
		return nil, err
	}
	if msg.Signer == d.Admin {
		if err := m.CheckActive(ctx, d); err != nil {
			return nil, err
		}
	} else if err := m.requireOverseer(ctx, d, msg.Signer); err != nil {
		return nil, err
	}
	newAdmin, err := m.decodeAddress("new_admin", msg.NewAdmin)
	if err != nil {
		return nil, err
	}
	if msg.NewAdmin == d.Admin {
		return nil, types.ErrInvalidRequest.Wrapf("%s is already the admin of department %q", msg.NewAdmin, d.Id)
	}
	// A member of this department may be promoted; anyone else must be free.
	member, err := m.Members.Get(ctx, collections.Join(d.Id, newAdmin))
	switch {
	case err == nil:
		if err := m.removeMember(ctx, member, newAdmin); err != nil {
			return nil, err
		}
	case isNotFound(err):
		if err := m.requireFree(ctx, newAdmin, msg.NewAdmin); err != nil {
			return nil, err
		}
	default:
		return nil, err
	}
	oldAdmin, err := m.decodeAddress("admin", d.Admin)
	if err != nil {
		return nil, err
	}
	if err := m.Affiliations.Remove(ctx, oldAdmin); err != nil {
		return nil, err
	}
	if err := m.Affiliations.Set(ctx, newAdmin, types.Affiliation{DepartmentId: d.Id, Admin: true}); err != nil {
		return nil, err
	}
	previous := d.Admin
	d.Admin = msg.NewAdmin
	if err := m.Departments.Set(ctx, d.Id, d); err != nil {
		return nil, err
	}
	return &types.MsgTransferDepartmentAdminResponse{}, emit(ctx, &types.EventDepartmentAdminTransferred{
		Id: d.Id, PreviousAdmin: previous, NewAdmin: d.Admin, Signer: msg.Signer,
	})
}

// SetDepartmentStatus suspends or reactivates a department. Suspension stops
// the department's admin, members and devices, and every descendant's, from
// acting (the authorization API checks the whole ancestry); reactivation
// restores them. Nothing is rewritten in the subtree.
func (m msgServer) SetDepartmentStatus(ctx context.Context, msg *types.MsgSetDepartmentStatus) (*types.MsgSetDepartmentStatusResponse, error) {
	copied := *msg
	msg = &copied
	if err := m.canonical("signer", &msg.Signer); err != nil {
		return nil, err
	}
	d, err := m.GetDepartment(ctx, msg.Id)
	if err != nil {
		return nil, err
	}
	if err := m.requireOverseer(ctx, d, msg.Signer); err != nil {
		return nil, err
	}
	switch msg.Status {
	case types.DepartmentStatus_DEPARTMENT_STATUS_ACTIVE, types.DepartmentStatus_DEPARTMENT_STATUS_SUSPENDED:
	default:
		return nil, types.ErrInvalidStatusChange.Wrapf("status must be ACTIVE or SUSPENDED, got %s", msg.Status)
	}
	if d.Status == msg.Status {
		return nil, types.ErrInvalidStatusChange.Wrapf("department %q is already %s", d.Id, msg.Status)
	}
	d.Status = msg.Status
	if err := m.Departments.Set(ctx, d.Id, d); err != nil {
		return nil, err
	}
	return &types.MsgSetDepartmentStatusResponse{}, emit(ctx, &types.EventDepartmentStatusChanged{Id: d.Id, Status: d.Status, Signer: msg.Signer})
}
