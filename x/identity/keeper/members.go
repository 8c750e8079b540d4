package keeper

import (
	"context"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/identity/types"
	"github.com/trustcity/trustcity/x/internal/collutil"
)

var isNotFound = collutil.IsNotFound

// SetMember adds a member to a department or replaces its roles.
func (m msgServer) SetMember(ctx context.Context, msg *types.MsgSetMember) (*types.MsgSetMemberResponse, error) {
	copied := *msg
	msg = &copied
	if err := m.canonical("signer", &msg.Signer); err != nil {
		return nil, err
	}
	if err := m.canonical("member", &msg.Member); err != nil {
		return nil, err
	}
	d, err := m.GetDepartment(ctx, msg.DepartmentId)
	if err != nil {
		return nil, err
	}
	if msg.Signer != d.Admin {
		return nil, types.ErrUnauthorized.Wrapf("%s is not the admin of department %q", msg.Signer, d.Id)
	}
	if err := m.CheckActive(ctx, d); err != nil {
		return nil, err
	}
	addr, err := m.decodeAddress("member", msg.Member)
	if err != nil {
		return nil, err
	}
	consumeItems(ctx, len(msg.Roles), "identity: member roles")
	roles, err := types.NormalizeRoles(msg.Roles)
	if err != nil {
		return nil, err
	}
	if missing := types.Missing(roles, d.Roles); len(missing) > 0 {
		return nil, types.ErrRoleNotSubset.Wrapf("department %q does not hold %s", d.Id, types.RoleNames(missing))
	}
	key := collections.Join(d.Id, addr)
	old, err := m.Members.Get(ctx, key)
	switch {
	case err == nil:
		if err := m.adjustRoleHolders(ctx, d.Id, types.Missing(old.Roles, roles), -1); err != nil {
			return nil, err
		}
		if err := m.adjustRoleHolders(ctx, d.Id, types.Missing(roles, old.Roles), 1); err != nil {
			return nil, err
		}
	case isNotFound(err):
		if err := m.requireFree(ctx, addr, msg.Member); err != nil {
			return nil, err
		}
		if err := m.adjustRoleHolders(ctx, d.Id, roles, 1); err != nil {
			return nil, err
		}
		if err := m.Affiliations.Set(ctx, addr, types.Affiliation{DepartmentId: d.Id}); err != nil {
			return nil, err
		}
	default:
		return nil, err
	}
	member := types.Member{DepartmentId: d.Id, Address: msg.Member, Roles: roles}
	if err := m.Members.Set(ctx, key, member); err != nil {
		return nil, err
	}
	return &types.MsgSetMemberResponse{}, emit(ctx, &types.EventMemberSet{
		DepartmentId: d.Id, Member: msg.Member, Roles: roles, Signer: msg.Signer,
	})
}

// RemoveMember removes a member; the department's admin or the member
// itself may sign.
func (m msgServer) RemoveMember(ctx context.Context, msg *types.MsgRemoveMember) (*types.MsgRemoveMemberResponse, error) {
	copied := *msg
	msg = &copied
	if err := m.canonical("signer", &msg.Signer); err != nil {
		return nil, err
	}
	if err := m.canonical("member", &msg.Member); err != nil {
		return nil, err
	}
	d, err := m.GetDepartment(ctx, msg.DepartmentId)
	if err != nil {
		return nil, err
	}
	switch {
	case msg.Signer == msg.Member:
		// A member may always leave, even a suspended department.
	case msg.Signer == d.Admin:
		if err := m.CheckActive(ctx, d); err != nil {
			return nil, err
		}
	default:
		return nil, types.ErrUnauthorized.Wrapf("%s is neither the admin of department %q nor the member", msg.Signer, d.Id)
	}
	addr, err := m.decodeAddress("member", msg.Member)
	if err != nil {
		return nil, err
	}
	member, err := m.Members.Get(ctx, collections.Join(d.Id, addr))
	if isNotFound(err) {
		return nil, types.ErrMemberNotFound.Wrapf("%s is not a member of department %q", msg.Member, d.Id)
	} else if err != nil {
		return nil, err
	}
	if err := m.removeMember(ctx, member, addr); err != nil {
		return nil, err
	}
	return &types.MsgRemoveMemberResponse{}, emit(ctx, &types.EventMemberRemoved{
		DepartmentId: d.Id, Member: msg.Member, Signer: msg.Signer,
	})
}

// removeMember deletes a member, its affiliation and its role holdings.
func (k Keeper) removeMember(ctx context.Context, member types.Member, addr sdk.AccAddress) error {
	if err := k.adjustRoleHolders(ctx, member.DepartmentId, member.Roles, -1); err != nil {
		return err
	}
	if err := k.Members.Remove(ctx, collections.Join(member.DepartmentId, addr)); err != nil {
		return err
	}
	return k.Affiliations.Remove(ctx, addr)
}
