package keeper_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"
	"cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/identity/types"
)

type rejectCase struct {
	name string
	want *errors.Error
	run  func(ctx sdk.Context) error
}

func runRejects(t *testing.T, f *fixture, cases []rejectCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f.t = t
			f.rejects(tc.want, tc.run)
		})
	}
}

func TestRegisterDepartmentRejects(t *testing.T) {
	f := newFixture(t)
	child := func(signer string, mutate func(*types.MsgRegisterDepartment)) func(sdk.Context) error {
		return func(ctx sdk.Context) error {
			msg := &types.MsgRegisterDepartment{Signer: signer, Id: "licensing", Name: "Licensing Office", ParentId: "transport",
				Admin: f.addr["spare1"], Roles: []types.Role{types.Role_ROLE_CREDENTIAL_ISSUER}, CredentialTypes: []string{"DriverLicence"}}
			if mutate != nil {
				mutate(msg)
			}
			_, err := f.msg.RegisterDepartment(ctx, msg)
			return err
		}
	}
	ta := f.addr["transportAdmin"]
	runRejects(t, f, []rejectCase{
		{"top level by a department admin", types.ErrUnauthorized, child(f.addr["cityAdmin"], func(m *types.MsgRegisterDepartment) { m.ParentId = "" })},
		{"top level by an outsider", types.ErrUnauthorized, child(f.addr["outsider"], func(m *types.MsgRegisterDepartment) { m.ParentId = "" })},
		{"child by an outsider", types.ErrUnauthorized, child(f.addr["outsider"], nil)},
		{"child by a member", types.ErrUnauthorized, child(f.addr["issuer"], nil)},
		{"child by the grandparent's admin", types.ErrUnauthorized, child(f.addr["cityAdmin"], nil)},
		{"child of a suspended department", types.ErrDepartmentSuspended, child(f.addr["healthAdmin"], func(m *types.MsgRegisterDepartment) {
			m.ParentId, m.CredentialTypes = "health", nil
		})},
		{"child exceeding the parent's roles", types.ErrRoleNotSubset, child(ta, func(m *types.MsgRegisterDepartment) { m.Roles = []types.Role{types.Role_ROLE_COURT} })},
		{"child exceeding the parent's credential types", types.ErrRoleNotSubset, child(ta, func(m *types.MsgRegisterDepartment) { m.CredentialTypes = []string{"ResidentCard"} })},
		{"unknown role", types.ErrInvalidRequest, child(ta, func(m *types.MsgRegisterDepartment) { m.Roles = []types.Role{99} })},
		{"unspecified role", types.ErrInvalidRequest, child(ta, func(m *types.MsgRegisterDepartment) { m.Roles = []types.Role{0} })},
		{"existing id", types.ErrDepartmentExists, child(ta, func(m *types.MsgRegisterDepartment) { m.Id = "court" })},
		{"id not a slug", types.ErrInvalidDepartment, child(ta, func(m *types.MsgRegisterDepartment) { m.Id = "Licensing Office" })},
		{"empty id", types.ErrInvalidDepartment, child(ta, func(m *types.MsgRegisterDepartment) { m.Id = "" })},
		{"empty name", types.ErrInvalidRequest, child(ta, func(m *types.MsgRegisterDepartment) { m.Name = "  " })},
		{"name with a control character", types.ErrInvalidRequest, child(ta, func(m *types.MsgRegisterDepartment) { m.Name = "a\x00b" })},
		{"metadata too long", types.ErrInvalidRequest, child(ta, func(m *types.MsgRegisterDepartment) { m.Metadata = strings.Repeat("x", 2049) })},
		{"bad credential type", types.ErrInvalidRequest, child(ta, func(m *types.MsgRegisterDepartment) { m.CredentialTypes = []string{"driver licence"} })},
		{"admin already a member elsewhere", types.ErrAlreadyAffiliated, child(ta, func(m *types.MsgRegisterDepartment) { m.Admin = f.addr["courtAdmin"] })},
		{"admin is the signer", types.ErrAlreadyAffiliated, child(ta, func(m *types.MsgRegisterDepartment) { m.Admin = ta })},
		{"admin not an address", types.ErrInvalidAddress, child(ta, func(m *types.MsgRegisterDepartment) { m.Admin = "cosmos1xyz" })},
		{"unknown parent", types.ErrDepartmentNotFound, child(ta, func(m *types.MsgRegisterDepartment) { m.ParentId = "nowhere" })},
		{"unknown DID", types.ErrDidNotFound, child(ta, func(m *types.MsgRegisterDepartment) { m.Did = "did:trustcity:00000000-0000-4000-8000-000000000000" })},
		{"malformed DID", types.ErrInvalidDid, child(ta, func(m *types.MsgRegisterDepartment) { m.Did = "did:web:example.com" })},
	})

	t.Run("too deep", func(t *testing.T) {
		f.t = t
		p := types.DefaultParams()
		p.MaxDepartmentDepth = 2
		require.NoError(t, f.k.Params.Set(f.ctx, p))
		f.rejects(types.ErrTooDeep, child(ta, nil))
		require.NoError(t, f.k.Params.Set(f.ctx, types.DefaultParams()))
	})
}

func TestRegisterDepartment(t *testing.T) {
	f := newFixture(t)
	ctx := f.ctx.WithEventManager(sdk.NewEventManager())
	_, err := f.msg.RegisterDepartment(ctx, &types.MsgRegisterDepartment{
		Signer: f.addr["transportAdmin"], Id: "licensing", Name: "Licensing Office", ParentId: "transport", Admin: f.addr["spare1"],
		Roles:           []types.Role{types.Role_ROLE_CREDENTIAL_ISSUER, types.Role_ROLE_CREDENTIAL_ISSUER},
		CredentialTypes: []string{"DriverLicence"}, Did: f.subject,
	})
	require.NoError(t, err)
	d, err := f.k.GetDepartment(f.ctx, "licensing")
	require.NoError(t, err)
	require.Equal(t, []types.Role{types.Role_ROLE_CREDENTIAL_ISSUER}, d.Roles, "roles are normalized")
	require.Equal(t, uint32(3), d.Depth)
	require.Equal(t, types.DepartmentStatus_DEPARTMENT_STATUS_ACTIVE, d.Status)
	require.Equal(t, f.subject, d.Did)
	require.Len(t, ctx.EventManager().Events(), 1)
	require.Equal(t, "trustcity.identity.v1.EventDepartmentRegistered", ctx.EventManager().Events()[0].Type)

	n, err := f.k.RoleHolders.Get(f.ctx, collections.Join("transport", int32(types.Role_ROLE_CREDENTIAL_ISSUER)))
	require.NoError(t, err)
	require.Equal(t, uint64(2), n, "the issuer member and the new child hold CREDENTIAL_ISSUER of transport")

	// The authority may register a child anywhere, and a top-level department.
	_, err = f.msg.RegisterDepartment(f.ctx, &types.MsgRegisterDepartment{
		Signer: f.gov, Id: "bank", Name: "City Bank", Admin: f.addr["spare2"], Roles: []types.Role{types.Role_ROLE_BANK},
	})
	require.NoError(t, err)
}

func TestUpdateDepartment(t *testing.T) {
	f := newFixture(t)
	update := func(signer, id string, mutate func(*types.MsgUpdateDepartment)) func(sdk.Context) error {
		return func(ctx sdk.Context) error {
			msg := &types.MsgUpdateDepartment{Signer: signer, Id: id, Name: "Transport and Roads Bureau", Metadata: `{"site":"https://transport.example"}`}
			if mutate != nil {
				mutate(msg)
			}
			_, err := f.msg.UpdateDepartment(ctx, msg)
			return err
		}
	}
	runRejects(t, f, []rejectCase{
		{"outsider", types.ErrUnauthorized, update(f.addr["outsider"], "transport", nil)},
		{"member", types.ErrUnauthorized, update(f.addr["issuer"], "transport", nil)},
		{"parent's admin", types.ErrUnauthorized, update(f.addr["cityAdmin"], "transport", nil)},
		{"suspended department's admin", types.ErrDepartmentSuspended, update(f.addr["healthAdmin"], "health", nil)},
		{"unknown department", types.ErrDepartmentNotFound, update(f.addr["transportAdmin"], "nowhere", nil)},
		{"empty name", types.ErrInvalidRequest, update(f.addr["transportAdmin"], "transport", func(m *types.MsgUpdateDepartment) { m.Name = "" })},
		{"unknown DID", types.ErrDidNotFound, update(f.addr["transportAdmin"], "transport", func(m *types.MsgUpdateDepartment) {
			m.Did = "did:trustcity:00000000-0000-4000-8000-000000000001"
		})},
	})
	f.t = t
	require.NoError(t, update(f.addr["transportAdmin"], "transport", func(m *types.MsgUpdateDepartment) { m.Did = f.subject })(f.ctx))
	d, err := f.k.GetDepartment(f.ctx, "transport")
	require.NoError(t, err)
	require.Equal(t, "Transport and Roads Bureau", d.Name)
	require.Equal(t, f.subject, d.Did)
	require.NoError(t, update(f.gov, "transport", nil)(f.ctx), "the authority may update any department")
}

func TestSetDepartmentRoles(t *testing.T) {
	f := newFixture(t)
	set := func(signer, id string, roles []types.Role, credTypes []string) func(sdk.Context) error {
		return func(ctx sdk.Context) error {
			_, err := f.msg.SetDepartmentRoles(ctx, &types.MsgSetDepartmentRoles{Signer: signer, Id: id, Roles: roles, CredentialTypes: credTypes})
			return err
		}
	}
	issuerOnly := []types.Role{types.Role_ROLE_CREDENTIAL_ISSUER, types.Role_ROLE_DEVICE_REGISTRAR}
	ca := f.addr["cityAdmin"]
	f.must(f.msg.RegisterDepartment(f.ctx, &types.MsgRegisterDepartment{Signer: f.addr["transportAdmin"], Id: "licensing", Name: "Licensing",
		ParentId: "transport", Admin: f.addr["spare1"], Roles: []types.Role{types.Role_ROLE_CREDENTIAL_ISSUER}}))
	runRejects(t, f, []rejectCase{
		{"the department's own admin", types.ErrUnauthorized, set(f.addr["transportAdmin"], "transport", issuerOnly, []string{"DriverLicence"})},
		{"a member", types.ErrUnauthorized, set(f.addr["issuer"], "transport", issuerOnly, []string{"DriverLicence"})},
		{"an outsider", types.ErrUnauthorized, set(f.addr["outsider"], "transport", issuerOnly, []string{"DriverLicence"})},
		{"another tree's admin", types.ErrUnauthorized, set(f.addr["courtAdmin"], "transport", issuerOnly, []string{"DriverLicence"})},
		{"a top-level department by its admin", types.ErrUnauthorized, set(ca, "city", nil, nil)},
		{"child exceeding its parent", types.ErrRoleNotSubset, set(ca, "licensing", []types.Role{types.Role_ROLE_COURT}, nil)},
		{"child exceeding its parent's credential types", types.ErrRoleNotSubset, set(f.addr["transportAdmin"], "licensing", nil, []string{"ResidentCard"})},
		{"removing a role a member holds", types.ErrRoleInUse, set(ca, "transport", []types.Role{types.Role_ROLE_DATA_PROVIDER}, []string{"DriverLicence"})},
		{"removing a role a child holds", types.ErrRoleInUse, set(f.gov, "city", []types.Role{types.Role_ROLE_COURT}, []string{"DriverLicence", "ResidentCard"})},
		{"removing a credential type a child may issue", types.ErrRoleInUse, set(f.gov, "city", allRoles(), []string{"ResidentCard"})},
		{"unknown department", types.ErrDepartmentNotFound, set(ca, "nowhere", nil, nil)},
	})

	// Once the member gives DATA_PROVIDER up, the city admin may take it away.
	f.t = t
	f.must(f.msg.RemoveMember(f.ctx, &types.MsgRemoveMember{Signer: f.addr["provider"], DepartmentId: "transport", Member: f.addr["provider"]}))
	require.NoError(t, set(ca, "transport", issuerOnly, []string{"DriverLicence"})(f.ctx))
	// A grandparent's admin may change a grandchild's roles.
	require.NoError(t, set(ca, "licensing", nil, nil)(f.ctx))
	d, err := f.k.GetDepartment(f.ctx, "transport")
	require.NoError(t, err)
	require.Equal(t, issuerOnly, d.Roles)
	has, err := f.k.RoleHolders.Has(f.ctx, collections.Join("city", int32(types.Role_ROLE_DATA_PROVIDER)))
	require.NoError(t, err)
	require.False(t, has, "city's DATA_PROVIDER is no longer delegated")
	// The authority may change a top-level department's roles.
	require.NoError(t, set(f.gov, "court", []types.Role{types.Role_ROLE_COURT, types.Role_ROLE_AUDITOR}, nil)(f.ctx))
}

func allRoles() []types.Role {
	var all []types.Role
	for r := types.Role_ROLE_DATA_PROVIDER; r <= types.Role_ROLE_BANK; r++ {
		all = append(all, r)
	}
	return all
}

func TestTransferDepartmentAdmin(t *testing.T) {
	f := newFixture(t)
	transfer := func(signer, id, newAdmin string) func(sdk.Context) error {
		return func(ctx sdk.Context) error {
			_, err := f.msg.TransferDepartmentAdmin(ctx, &types.MsgTransferDepartmentAdmin{Signer: signer, Id: id, NewAdmin: newAdmin})
			return err
		}
	}
	ta := f.addr["transportAdmin"]
	runRejects(t, f, []rejectCase{
		{"outsider", types.ErrUnauthorized, transfer(f.addr["outsider"], "transport", f.addr["spare1"])},
		{"member", types.ErrUnauthorized, transfer(f.addr["issuer"], "transport", f.addr["spare1"])},
		{"another tree's admin", types.ErrUnauthorized, transfer(f.addr["courtAdmin"], "transport", f.addr["spare1"])},
		{"suspended department's admin", types.ErrDepartmentSuspended, transfer(f.addr["healthAdmin"], "health", f.addr["spare1"])},
		{"new admin belongs elsewhere", types.ErrAlreadyAffiliated, transfer(ta, "transport", f.addr["courtAdmin"])},
		{"new admin is the admin", types.ErrInvalidRequest, transfer(ta, "transport", ta)},
		{"new admin not an address", types.ErrInvalidAddress, transfer(ta, "transport", "tcity1notanaddress")},
		{"unknown department", types.ErrDepartmentNotFound, transfer(ta, "nowhere", f.addr["spare1"])},
	})
	f.t = t
	// Promote a member: its member entry and role holdings go.
	require.NoError(t, transfer(ta, "transport", f.addr["provider"])(f.ctx))
	d, err := f.k.GetDepartment(f.ctx, "transport")
	require.NoError(t, err)
	require.Equal(t, f.addr["provider"], d.Admin)
	has, err := f.k.Members.Has(f.ctx, collections.Join("transport", f.accs[3].Address))
	require.NoError(t, err)
	require.False(t, has)
	has, err = f.k.Affiliations.Has(f.ctx, f.accs[1].Address)
	require.NoError(t, err)
	require.False(t, has, "the previous admin no longer belongs to the department")
	// An ancestor's admin may hand a suspended child to someone else.
	require.NoError(t, transfer(f.addr["cityAdmin"], "health", f.addr["spare1"])(f.ctx))
}

func TestSetDepartmentStatus(t *testing.T) {
	f := newFixture(t)
	status := func(signer, id string, s types.DepartmentStatus) func(sdk.Context) error {
		return func(ctx sdk.Context) error {
			_, err := f.msg.SetDepartmentStatus(ctx, &types.MsgSetDepartmentStatus{Signer: signer, Id: id, Status: s})
			return err
		}
	}
	suspended, active := types.DepartmentStatus_DEPARTMENT_STATUS_SUSPENDED, types.DepartmentStatus_DEPARTMENT_STATUS_ACTIVE
	runRejects(t, f, []rejectCase{
		{"own admin", types.ErrUnauthorized, status(f.addr["transportAdmin"], "transport", suspended)},
		{"member", types.ErrUnauthorized, status(f.addr["issuer"], "transport", suspended)},
		{"outsider", types.ErrUnauthorized, status(f.addr["outsider"], "transport", suspended)},
		{"top level by its admin", types.ErrUnauthorized, status(f.addr["cityAdmin"], "city", suspended)},
		{"same status", types.ErrInvalidStatusChange, status(f.addr["cityAdmin"], "transport", active)},
		{"unspecified status", types.ErrInvalidStatusChange, status(f.addr["cityAdmin"], "transport", 0)},
		{"unknown department", types.ErrDepartmentNotFound, status(f.addr["cityAdmin"], "nowhere", suspended)},
	})
	f.t = t
	issuer := f.accs[2].Address
	_, err := f.k.AuthorizeRole(f.ctx, issuer, types.Role_ROLE_CREDENTIAL_ISSUER)
	require.NoError(t, err)
	// Suspending the city stops everyone below it, without rewriting them.
	require.NoError(t, status(f.gov, "city", suspended)(f.ctx))
	_, err = f.k.AuthorizeRole(f.ctx, issuer, types.Role_ROLE_CREDENTIAL_ISSUER)
	require.ErrorIs(t, err, types.ErrDepartmentSuspended)
	require.Contains(t, err.Error(), `through its ancestor "city"`)
	// The city admin cannot act for a suspended city, not even on its children.
	f.rejects(types.ErrDepartmentSuspended, status(f.addr["cityAdmin"], "transport", suspended))
	require.NoError(t, status(f.gov, "city", active)(f.ctx))
	dept, err := f.k.AuthorizeRole(f.ctx, issuer, types.Role_ROLE_CREDENTIAL_ISSUER)
	require.NoError(t, err)
	require.Equal(t, "transport", dept)
	// Reactivating health restores its member.
	require.NoError(t, status(f.addr["cityAdmin"], "health", active)(f.ctx))
	_, err = f.k.AuthorizeRole(f.ctx, f.accs[5].Address, types.Role_ROLE_CREDENTIAL_ISSUER)
	require.NoError(t, err)
}
