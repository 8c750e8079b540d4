package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/identity/keeper"
	"github.com/trustcity/trustcity/x/identity/types"
)

type registry map[string]func(sdk.Context) error

func (r registry) Register(_, name string, check func(sdk.Context) error) { r[name] = check }

func invariants(k keeper.Keeper) registry {
	r := registry{}
	keeper.RegisterInvariants(r, k)
	return r
}

func TestInvariantsHold(t *testing.T) {
	f := populated(t)
	for name, check := range invariants(f.k) {
		require.NoError(t, check(f.ctx), name)
	}
}

func TestInvariantsDetectBrokenState(t *testing.T) {
	cases := []struct {
		invariant string
		breakIt   func(f *fixture)
	}{
		{"child-subset", func(f *fixture) {
			d, _ := f.k.GetDepartment(f.ctx, "transport")
			d.Roles = append(d.Roles, types.Role_ROLE_BANK)
			require.NoError(f.t, f.k.Departments.Set(f.ctx, d.Id, d))
			city, _ := f.k.GetDepartment(f.ctx, "city")
			city.Roles = []types.Role{types.Role_ROLE_DATA_PROVIDER}
			require.NoError(f.t, f.k.Departments.Set(f.ctx, city.Id, city))
		}},
		{"member-subset", func(f *fixture) {
			key := collections.Join("transport", f.accs[3].Address)
			m, _ := f.k.Members.Get(f.ctx, key)
			m.Roles = []types.Role{types.Role_ROLE_COURT}
			require.NoError(f.t, f.k.Members.Set(f.ctx, key, m))
		}},
		{"holder-counts", func(f *fixture) {
			require.NoError(f.t, f.k.RoleHolders.Set(f.ctx, collections.Join("city", int32(types.Role_ROLE_BANK)), 3))
		}},
		{"indexes", func(f *fixture) {
			require.NoError(f.t, f.k.CredentialsByType.Remove(f.ctx, collections.Join("DriverLicence", credID(1))))
		}},
		{"indexes", func(f *fixture) {
			require.NoError(f.t, f.k.DidsByController.Set(f.ctx, collections.Join(f.accs[10].Address, f.subject)))
		}},
		{"indexes", func(f *fixture) {
			require.NoError(f.t, f.k.Affiliations.Set(f.ctx, f.accs[10].Address, types.Affiliation{DepartmentId: "court"}))
		}},
		{"indexes", func(f *fixture) {
			c, _ := f.k.GetCredential(f.ctx, credID(2))
			c.Status = types.CredentialStatus_CREDENTIAL_STATUS_REVOKED
			require.NoError(f.t, f.k.Credentials.Set(f.ctx, c.Id, c))
		}},
	}
	for _, tc := range cases {
		t.Run(tc.invariant, func(t *testing.T) {
			f := populated(t)
			tc.breakIt(f)
			require.Error(t, invariants(f.k)[tc.invariant](f.ctx))
		})
	}
}
