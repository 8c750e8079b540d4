package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/identity/types"
)

func TestMembers(t *testing.T) {
	f := newFixture(t)
	set := func(signer, dept, member string, roles ...types.Role) func(sdk.Context) error {
		return func(ctx sdk.Context) error {
			_, err := f.msg.SetMember(ctx, &types.MsgSetMember{Signer: signer, DepartmentId: dept, Member: member, Roles: roles})
			return err
		}
	}
	remove := func(signer, dept, member string) func(sdk.Context) error {
		return func(ctx sdk.Context) error {
			_, err := f.msg.RemoveMember(ctx, &types.MsgRemoveMember{Signer: signer, DepartmentId: dept, Member: member})
			return err
		}
	}
	ta, spare := f.addr["transportAdmin"], f.addr["spare1"]
	provider := types.Role_ROLE_DATA_PROVIDER
	runRejects(t, f, []rejectCase{
		{"set by an outsider", types.ErrUnauthorized, set(f.addr["outsider"], "transport", spare, provider)},
		{"set by a member", types.ErrUnauthorized, set(f.addr["issuer"], "transport", spare, provider)},
		{"set by the parent's admin", types.ErrUnauthorized, set(f.addr["cityAdmin"], "transport", spare, provider)},
		{"set by the authority", types.ErrUnauthorized, set(f.gov, "transport", spare, provider)},
		{"set in a suspended department", types.ErrDepartmentSuspended, set(f.addr["healthAdmin"], "health", spare, types.Role_ROLE_CREDENTIAL_ISSUER)},
		{"role the department lacks", types.ErrRoleNotSubset, set(ta, "transport", spare, types.Role_ROLE_COURT)},
		{"unknown role", types.ErrInvalidRequest, set(ta, "transport", spare, 42)},
		{"member of another department", types.ErrAlreadyAffiliated, set(ta, "transport", f.addr["healthIssuer"], provider)},
		{"the admin itself", types.ErrAlreadyAffiliated, set(ta, "transport", ta, provider)},
		{"another department's admin", types.ErrAlreadyAffiliated, set(ta, "transport", f.addr["courtAdmin"], provider)},
		{"bad address", types.ErrInvalidAddress, set(ta, "transport", "tcity1bad", provider)},
		{"unknown department", types.ErrDepartmentNotFound, set(ta, "nowhere", spare, provider)},
		{"remove by an outsider", types.ErrUnauthorized, remove(f.addr["outsider"], "transport", f.addr["issuer"])},
		{"remove by another member", types.ErrUnauthorized, remove(f.addr["provider"], "transport", f.addr["issuer"])},
		{"remove a non-member", types.ErrMemberNotFound, remove(ta, "transport", spare)},
		{"remove a member of another department", types.ErrMemberNotFound, remove(ta, "transport", f.addr["healthIssuer"])},
		{"remove from an unknown department", types.ErrDepartmentNotFound, remove(ta, "nowhere", spare)},
		{"remove by a suspended department's admin", types.ErrDepartmentSuspended, remove(f.addr["healthAdmin"], "health", f.addr["healthIssuer"])},
	})
	f.t = t
	// Replace the issuer's roles: holder counts follow.
	require.NoError(t, set(ta, "transport", f.addr["issuer"], types.Role_ROLE_DEVICE_REGISTRAR)(f.ctx))
	has, err := f.k.RoleHolders.Has(f.ctx, collections.Join("transport", int32(types.Role_ROLE_CREDENTIAL_ISSUER)))
	require.NoError(t, err)
	require.False(t, has)
	_, err = f.k.AuthorizeRole(f.ctx, f.accs[2].Address, types.Role_ROLE_CREDENTIAL_ISSUER)
	require.ErrorIs(t, err, types.ErrRoleNotHeld)
	// The admin removes one member; a member leaves on its own.
	require.NoError(t, remove(ta, "transport", f.addr["issuer"])(f.ctx))
	require.NoError(t, remove(f.addr["provider"], "transport", f.addr["provider"])(f.ctx))
	require.NoError(t, remove(f.addr["healthIssuer"], "health", f.addr["healthIssuer"])(f.ctx), "a member may leave a suspended department")
	_, err = f.k.AuthorizeRole(f.ctx, f.accs[3].Address, types.Role_ROLE_DATA_PROVIDER)
	require.ErrorIs(t, err, types.ErrNotAffiliated)
	// A member with no roles is allowed: it belongs to the department but
	// may not act with any role.
	require.NoError(t, set(ta, "transport", spare)(f.ctx))
	_, err = f.k.AuthorizeRole(f.ctx, f.accs[8].Address, types.Role_ROLE_DATA_PROVIDER)
	require.ErrorIs(t, err, types.ErrRoleNotHeld)
}

func TestAuthorizeRole(t *testing.T) {
	f := newFixture(t)
	cases := []struct {
		name    string
		account int
		role    types.Role
		dept    string
		err     error
	}{
		{"admin holds every role of its department", 1, types.Role_ROLE_DATA_PROVIDER, "transport", nil},
		{"member with the role", 2, types.Role_ROLE_CREDENTIAL_ISSUER, "transport", nil},
		{"member without the role", 3, types.Role_ROLE_CREDENTIAL_ISSUER, "", types.ErrRoleNotHeld},
		{"department without the role", 1, types.Role_ROLE_COURT, "", types.ErrRoleNotHeld},
		{"suspended department", 5, types.Role_ROLE_CREDENTIAL_ISSUER, "", types.ErrDepartmentSuspended},
		{"outsider", 7, types.Role_ROLE_DATA_PROVIDER, "", types.ErrNotAffiliated},
		{"top-level admin", 6, types.Role_ROLE_COURT, "court", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dept, err := f.k.AuthorizeRole(f.ctx, f.accs[tc.account].Address, tc.role)
			if tc.err != nil {
				require.ErrorIs(t, err, tc.err)
				res, qerr := f.query.Authorization(f.ctx, &types.QueryAuthorizationRequest{Address: f.addr[names[tc.account]], Role: tc.role})
				require.NoError(t, qerr)
				require.False(t, res.Authorized)
				require.Equal(t, err.Error(), res.Reason)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.dept, dept)
		})
	}
}
