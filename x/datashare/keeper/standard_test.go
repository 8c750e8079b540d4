package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/datashare/types"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

func TestRegisterStandard(t *testing.T) {
	f := newFixture(t)
	reg := func(signer string, mutate func(*types.MsgRegisterStandard)) func(sdk.Context) error {
		return func(ctx sdk.Context) error {
			return f.registerStandard(ctx, func(m *types.MsgRegisterStandard) {
				m.Signer = f.addr[signer]
				if mutate != nil {
					mutate(m)
				}
			})
		}
	}
	f.runRejects(t, []rejectCase{
		{"outsider", identitytypes.ErrNotAffiliated, reg("outsider", nil)},
		{"no STANDARDS_BODY role", identitytypes.ErrRoleNotHeld, reg("provider", nil)},
		{"bad id", types.ErrInvalidRequest, reg("stdAdmin", func(m *types.MsgRegisterStandard) { m.Id = "Weather Obs" })},
		{"bad version", types.ErrInvalidRequest, reg("stdAdmin", func(m *types.MsgRegisterStandard) { m.Version = "1 0" })},
		{"empty title", types.ErrInvalidRequest, reg("stdAdmin", func(m *types.MsgRegisterStandard) { m.Title = " " })},
		{"empty schema", types.ErrInvalidSchema, reg("stdAdmin", func(m *types.MsgRegisterStandard) { m.Schema = "" })},
		{"not JSON", types.ErrInvalidSchema, reg("stdAdmin", func(m *types.MsgRegisterStandard) { m.Schema = "{type: object" })},
		{"not a schema", types.ErrInvalidSchema, reg("stdAdmin", func(m *types.MsgRegisterStandard) { m.Schema = `{"type": 12}` })},
		{"remote reference", types.ErrInvalidSchema, reg("stdAdmin", func(m *types.MsgRegisterStandard) {
			m.Schema = `{"$ref": "https://example.com/other.json"}`
		})},
		{"file reference", types.ErrInvalidSchema, reg("stdAdmin", func(m *types.MsgRegisterStandard) { m.Schema = `{"$ref": "file:///etc/passwd"}` })},
		{"too large", types.ErrInvalidSchema, reg("stdAdmin", func(m *types.MsgRegisterStandard) {
			m.Schema = `{"description":"` + string(make([]byte, 0)) + repeat("x", int(types.DefaultParams().MaxSchemaBytes)) + `"}`
		})},
	})
	events := f.run(reg("stdAdmin", nil))
	require.Equal(t, "trustcity.datashare.v1.EventStandardRegistered", events[0].Type)
	res, err := f.query.Standard(f.ctx, &types.QueryStandardRequest{Id: "weather-observation", Version: "1.0.0"})
	require.NoError(t, err)
	require.Equal(t, "stdbody", res.Standard.DepartmentId)
	require.Equal(t, types.StandardStatus_STANDARD_STATUS_ACTIVE, res.Standard.Status)
	require.Equal(t, hashOf(weatherSchema), res.Standard.SchemaHash)

	f.runRejects(t, []rejectCase{
		{"version registered twice", types.ErrStandardExists, reg("stdAdmin", func(m *types.MsgRegisterStandard) { m.Title = "again" })},
	})
	// A new version is a new record; both are listed.
	f.run(reg("stdAdmin", func(m *types.MsgRegisterStandard) { m.Version = "1.1.0" }))
	list, err := f.query.Standards(f.ctx, &types.QueryStandardsRequest{Id: "weather-observation"})
	require.NoError(t, err)
	require.Len(t, list.Standards, 2)
}

func TestDeprecateStandard(t *testing.T) {
	f := newFixture(t)
	f.run(func(ctx sdk.Context) error { return f.registerStandard(ctx, nil) })
	// A second standards body cannot deprecate stdbody's standard.
	ids := f.identityMsgs()
	_, err := ids.RegisterDepartment(f.ctx, &identitytypes.MsgRegisterDepartment{Signer: f.gov, Id: "stdbody2", Name: "s2",
		Admin: f.addr["outsider"], Roles: []identitytypes.Role{identitytypes.Role_ROLE_STANDARDS_BODY}})
	require.NoError(t, err)
	dep := func(signer, version string) func(sdk.Context) error {
		return func(ctx sdk.Context) error {
			_, err := f.msg.DeprecateStandard(ctx, &types.MsgDeprecateStandard{Signer: f.addr[signer], Id: "weather-observation", Version: version, Reason: "superseded by 2.0"})
			return err
		}
	}
	f.runRejects(t, []rejectCase{
		{"unknown version", types.ErrStandardNotFound, dep("stdAdmin", "9.9")},
		{"another standards body", types.ErrUnauthorized, dep("outsider", "1.0.0")},
		{"no role", identitytypes.ErrRoleNotHeld, dep("provider", "1.0.0")},
	})
	f.run(dep("stdAdmin", "1.0.0"))
	f.runRejects(t, []rejectCase{
		{"deprecated twice", types.ErrStandardDeprecated, dep("stdAdmin", "1.0.0")},
		{"new dataset naming a deprecated version", types.ErrStandardDeprecated, func(ctx sdk.Context) error { return f.createDataset(ctx, nil) }},
	})
}

func repeat(s string, n int) string {
	out := make([]byte, 0, n*len(s))
	for range n {
		out = append(out, s...)
	}
	return string(out)
}
