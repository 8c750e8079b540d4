package simulation

import (
	"context"

	"cosmossdk.io/collections"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/identity/keeper"
	"github.com/trustcity/trustcity/x/identity/types"
)

// MsgRegisterDepartmentFactory registers a child department: the parent's
// admin signs, the new admin is a free account, and the roles and
// credential types are a random subset of the parent's. Top-level
// departments need the module authority; they come from the genesis.
func MsgRegisterDepartmentFactory(k keeper.Keeper) simsx.SimMsgFactoryFn[*types.MsgRegisterDepartment] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgRegisterDepartment) {
		r := testData.Rand().Rand
		p, err := k.Params.Get(ctx)
		if err != nil {
			return skip[*types.MsgRegisterDepartment](reporter, "params: %s", err)
		}
		all, err := administered(ctx, k, testData, reporter)
		if err != nil {
			return skip[*types.MsgRegisterDepartment](reporter, "departments: %s", err)
		}
		var parents []managed
		for _, m := range all {
			if m.dept.Depth < min(p.MaxDepartmentDepth, simMaxDepth) {
				parents = append(parents, m)
			}
		}
		if len(parents) == 0 {
			return skip[*types.MsgRegisterDepartment](reporter, "no active department with a simulation account as admin has room for a child")
		}
		parent := pick(r, parents)
		admin, ok := freeAccount(ctx, k, testData, reporter)
		if !ok {
			return skip[*types.MsgRegisterDepartment](reporter, "no free account to administer a new department")
		}
		id := randDepartmentID(r)
		if has, err := k.Departments.Has(ctx, id); err != nil || has {
			return skip[*types.MsgRegisterDepartment](reporter, "department id %s taken", id)
		}
		did, err := optionalDid(ctx, k, testData)
		if err != nil {
			return skip[*types.MsgRegisterDepartment](reporter, "DIDs: %s", err)
		}
		return []simsx.SimAccount{parent.signer}, &types.MsgRegisterDepartment{
			Signer:          parent.signer.AddressBech32,
			Id:              id,
			Name:            randName(r),
			ParentId:        parent.dept.Id,
			Admin:           admin.AddressBech32,
			Roles:           subset(r, parent.dept.Roles, 0.7),
			CredentialTypes: subset(r, parent.dept.CredentialTypes, 0.7),
			Metadata:        randMetadata(r),
			Did:             did,
		}
	}
}

// MsgUpdateDepartmentFactory renames an active department and replaces its
// metadata and DID; its admin signs.
func MsgUpdateDepartmentFactory(k keeper.Keeper) simsx.SimMsgFactoryFn[*types.MsgUpdateDepartment] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgUpdateDepartment) {
		r := testData.Rand().Rand
		all, err := administered(ctx, k, testData, reporter)
		if err != nil {
			return skip[*types.MsgUpdateDepartment](reporter, "departments: %s", err)
		}
		if len(all) == 0 {
			return skip[*types.MsgUpdateDepartment](reporter, "no active department with a simulation account as admin")
		}
		m := pick(r, all)
		did, err := optionalDid(ctx, k, testData)
		if err != nil {
			return skip[*types.MsgUpdateDepartment](reporter, "DIDs: %s", err)
		}
		return []simsx.SimAccount{m.signer}, &types.MsgUpdateDepartment{
			Signer: m.signer.AddressBech32, Id: m.dept.Id, Name: randName(r), Metadata: randMetadata(r), Did: did,
		}
	}
}

// MsgSetDepartmentRolesFactory replaces a child department's roles and
// credential types; the parent's admin signs. The new sets keep every role
// and type the child has delegated further (the keeper refuses to remove
// those) and add a random subset of the parent's.
func MsgSetDepartmentRolesFactory(k keeper.Keeper) simsx.SimMsgFactoryFn[*types.MsgSetDepartmentRoles] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgSetDepartmentRoles) {
		r := testData.Rand().Rand
		all, err := overseen(ctx, k, testData, reporter)
		if err != nil {
			return skip[*types.MsgSetDepartmentRoles](reporter, "departments: %s", err)
		}
		if len(all) == 0 {
			return skip[*types.MsgSetDepartmentRoles](reporter, "no child department with an active parent administered by a simulation account")
		}
		m := pick(r, all)
		parent, err := k.GetDepartment(ctx, m.dept.ParentId)
		if err != nil {
			return skip[*types.MsgSetDepartmentRoles](reporter, "parent: %s", err)
		}
		var heldRoles []types.Role
		for _, role := range m.dept.Roles {
			if n, err := k.RoleHolders.Get(ctx, collections.Join(m.dept.Id, int32(role))); err == nil && n > 0 {
				heldRoles = append(heldRoles, role)
			}
		}
		var heldTypes []string
		for _, t := range m.dept.CredentialTypes {
			if n, err := k.CredentialTypeHolders.Get(ctx, collections.Join(m.dept.Id, t)); err == nil && n > 0 {
				heldTypes = append(heldTypes, t)
			}
		}
		return []simsx.SimAccount{m.signer}, &types.MsgSetDepartmentRoles{
			Signer:          m.signer.AddressBech32,
			Id:              m.dept.Id,
			Roles:           union(heldRoles, subset(r, parent.Roles, 0.7)),
			CredentialTypes: union(heldTypes, subset(r, parent.CredentialTypes, 0.7)),
		}
	}
}

// MsgTransferDepartmentAdminFactory hands an active department to a member
// of it (promoted) or to a free account; the current admin signs.
func MsgTransferDepartmentAdminFactory(k keeper.Keeper) simsx.SimMsgFactoryFn[*types.MsgTransferDepartmentAdmin] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgTransferDepartmentAdmin) {
		r := testData.Rand().Rand
		all, err := administered(ctx, k, testData, reporter)
		if err != nil {
			return skip[*types.MsgTransferDepartmentAdmin](reporter, "departments: %s", err)
		}
		if len(all) == 0 {
			return skip[*types.MsgTransferDepartmentAdmin](reporter, "no active department with a simulation account as admin")
		}
		m := pick(r, all)
		var newAdmin string
		if members, err := membersOf(ctx, k, m.dept.Id); err == nil && len(members) > 0 && r.Intn(2) == 0 {
			newAdmin = pick(r, members).Address
		} else if acc, ok := freeAccount(ctx, k, testData, reporter); ok {
			newAdmin = acc.AddressBech32
		} else {
			return skip[*types.MsgTransferDepartmentAdmin](reporter, "no member or free account to hand department %s to", m.dept.Id)
		}
		return []simsx.SimAccount{m.signer}, &types.MsgTransferDepartmentAdmin{Signer: m.signer.AddressBech32, Id: m.dept.Id, NewAdmin: newAdmin}
	}
}

// MsgSetDepartmentStatusFactory suspends or reactivates a child department;
// the parent's admin signs. It reactivates a suspended department three
// times out of four when there is one, so most of the tree stays active.
func MsgSetDepartmentStatusFactory(k keeper.Keeper) simsx.SimMsgFactoryFn[*types.MsgSetDepartmentStatus] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgSetDepartmentStatus) {
		r := testData.Rand().Rand
		all, err := overseen(ctx, k, testData, reporter)
		if err != nil {
			return skip[*types.MsgSetDepartmentStatus](reporter, "departments: %s", err)
		}
		var active, suspended []managed
		for _, m := range all {
			if m.dept.Status == types.DepartmentStatus_DEPARTMENT_STATUS_SUSPENDED {
				suspended = append(suspended, m)
			} else {
				active = append(active, m)
			}
		}
		var m managed
		status := types.DepartmentStatus_DEPARTMENT_STATUS_ACTIVE
		switch {
		case len(suspended) > 0 && (len(active) == 0 || r.Intn(4) > 0):
			m = pick(r, suspended)
		case len(active) > 0:
			m, status = pick(r, active), types.DepartmentStatus_DEPARTMENT_STATUS_SUSPENDED
		default:
			return skip[*types.MsgSetDepartmentStatus](reporter, "no child department with an active parent administered by a simulation account")
		}
		return []simsx.SimAccount{m.signer}, &types.MsgSetDepartmentStatus{Signer: m.signer.AddressBech32, Id: m.dept.Id, Status: status}
	}
}

// MsgSetMemberFactory gives an existing member of an active department new
// roles, or adds a free account as a member; the admin signs. The roles are
// a random subset of the department's.
func MsgSetMemberFactory(k keeper.Keeper) simsx.SimMsgFactoryFn[*types.MsgSetMember] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgSetMember) {
		r := testData.Rand().Rand
		all, err := administered(ctx, k, testData, reporter)
		if err != nil {
			return skip[*types.MsgSetMember](reporter, "departments: %s", err)
		}
		if len(all) == 0 {
			return skip[*types.MsgSetMember](reporter, "no active department with a simulation account as admin")
		}
		m := pick(r, all)
		var member string
		if members, err := membersOf(ctx, k, m.dept.Id); err == nil && len(members) > 0 && r.Intn(3) == 0 {
			member = pick(r, members).Address
		} else if acc, ok := freeAccount(ctx, k, testData, reporter); ok {
			member = acc.AddressBech32
		} else {
			return skip[*types.MsgSetMember](reporter, "no member or free account to set in department %s", m.dept.Id)
		}
		return []simsx.SimAccount{m.signer}, &types.MsgSetMember{
			Signer: m.signer.AddressBech32, DepartmentId: m.dept.Id, Member: member, Roles: subset(r, m.dept.Roles, 0.5),
		}
	}
}

// MsgRemoveMemberFactory removes a member; the member itself signs (a
// member may always leave), or the department's admin when the department
// is active.
func MsgRemoveMemberFactory(k keeper.Keeper) simsx.SimMsgFactoryFn[*types.MsgRemoveMember] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgRemoveMember) {
		r := testData.Rand().Rand
		type removal struct {
			member  types.Member
			signers []simsx.SimAccount
		}
		var removals []removal
		err := k.Members.Walk(ctx, nil, func(_ collections.Pair[string, sdk.AccAddress], member types.Member) (bool, error) {
			d, err := k.GetDepartment(ctx, member.DepartmentId)
			if err != nil {
				return true, err
			}
			var signers []simsx.SimAccount
			if acc, ok := simAccount(testData, reporter, member.Address); ok {
				signers = append(signers, acc)
			}
			if acc, ok := simAccount(testData, reporter, d.Admin); ok && k.CheckActive(ctx, d) == nil {
				signers = append(signers, acc)
			}
			if len(signers) > 0 {
				removals = append(removals, removal{member: member, signers: signers})
			}
			return false, nil
		})
		if err != nil {
			return skip[*types.MsgRemoveMember](reporter, "members: %s", err)
		}
		if len(removals) == 0 {
			return skip[*types.MsgRemoveMember](reporter, "no member that a simulation account may remove")
		}
		rm := pick(r, removals)
		signer := pick(r, rm.signers)
		return []simsx.SimAccount{signer}, &types.MsgRemoveMember{
			Signer: signer.AddressBech32, DepartmentId: rm.member.DepartmentId, Member: rm.member.Address,
		}
	}
}
