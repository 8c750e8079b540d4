package keeper_test

import (
	"testing"

	"github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/testutil/keepertest"
	"github.com/trustcity/trustcity/x/datashare/keeper"
	"github.com/trustcity/trustcity/x/datashare/types"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

// richState fills a fixture with every kind of record.
func richState(t *testing.T) *fixture {
	f := newFixture(t)
	f.weatherWithVersion()
	f.createRecords()
	_, err := f.msg.SetAutoApprovalRule(f.ctx, &types.MsgSetAutoApprovalRule{Signer: f.addr["provider"], DatasetId: "weather-hourly", Departments: []string{"transport"}, MaxDuration: 90 * day})
	require.NoError(t, err)
	f.grant("provider", "driver", "weather-hourly", "", "traffic", 30*day)
	f.grant("provider", "driver", "weather-hourly", "", "traffic", 60*day) // supersedes
	g := f.grant("hospitalAdmin", "clinicAdmin", "records-patient", "", "treatment", 30*day)
	_, err = f.request("clinicAdmin", "weather-hourly", "", "heat", day) // pending
	require.NoError(t, err)
	f.run(f.consentRun("patient", f.patientDID, "clinic", "", []string{"treatment"}, start.Add(365*day)))
	f.run(f.recordRun("clinicAdmin", g, 1, "treatment"))
	_, err = f.msg.PostKeyEnvelope(f.ctx, &types.MsgPostKeyEnvelope{Signer: f.addr["hospitalAdmin"], GrantId: g, Version: 1,
		RecipientKey: f.clinicDID + "#enc-1", Algorithm: "ECDH-ES+A256KW", Ciphertext: []byte{1, 2, 3}})
	require.NoError(t, err)
	_, err = f.msg.Subscribe(f.ctx, &types.MsgSubscribe{Signer: f.addr["driver"], DatasetId: "weather-hourly"})
	require.NoError(t, err)
	f.at(day)
	f.run(func(ctx sdk.Context) error {
		return f.publish(ctx, "provider", "weather-hourly", func(m *types.MsgPublishVersion) { m.ParentVersion = 1 })
	})
	return f
}

func TestGenesisRoundTrip(t *testing.T) {
	f := richState(t)
	gs, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	require.Len(t, gs.Grants, 3)
	require.Equal(t, uint64(4), gs.NextGrantId)
	cdc := codec.NewProtoCodec(codectypes.NewInterfaceRegistry())
	require.NoError(t, keeper.ValidateGenesis(cdc, keepertest.AddressCodec(), gs))

	// A fresh chain with the same identity state imports it and exports the
	// same state, indexes and queue rebuilt.
	g := newFixture(t)
	require.NoError(t, g.k.InitGenesis(g.ctx, gs))
	again, err := g.k.ExportGenesis(g.ctx)
	require.NoError(t, err)
	require.Equal(t, gs, again)
	g.invariantsHold()
	check, err := g.query.CheckAccess(g.ctx, &types.QueryCheckAccessRequest{DatasetId: "records-patient", Grantee: "clinic"})
	require.NoError(t, err)
	require.True(t, check.Allowed)
	logs, err := g.query.AccessLogs(g.ctx, &types.QueryAccessLogsRequest{Subject: g.patientDID})
	require.NoError(t, err)
	require.Len(t, logs.Logs, 1)
}

func TestGenesisRefusesBrokenState(t *testing.T) {
	f := richState(t)
	base, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	cdc := codec.NewProtoCodec(codectypes.NewInterfaceRegistry())
	cases := []struct {
		name   string
		mutate func(gs *types.GenesisState)
		want   error
	}{
		{"invalid params", func(gs *types.GenesisState) { gs.Params.MaxTextLength = 0 }, types.ErrInvalidParams},
		{"schema that does not compile", func(gs *types.GenesisState) { gs.Standards[0].Schema = `{"type":1}` }, nil},
		{"dataset naming a missing standard", func(gs *types.GenesisState) { gs.Datasets[1].Standard.Version = "9" }, types.ErrStandardNotFound},
		{"version of a missing dataset", func(gs *types.GenesisState) { gs.Versions[0].DatasetId = "nope" }, types.ErrDatasetNotFound},
		{"latest version not matching the versions", func(gs *types.GenesisState) { gs.Datasets[1].LatestVersion = 3 }, types.ErrInvalidGenesis},
		{"summary breaking the standard", func(gs *types.GenesisState) { gs.Versions[1].Summary = `{"station":1}` }, types.ErrNonConforming},
		{"rule on personal data", func(gs *types.GenesisState) { gs.Rules[0].DatasetId = "records-patient" }, types.ErrPersonalData},
		{"approved request without its grant", func(gs *types.GenesisState) { gs.Grants = gs.Grants[1:] }, types.ErrInvalidGenesis},
		{"two active grants for one pair", func(gs *types.GenesisState) { gs.Grants[0].Status = types.GrantStatus_GRANT_STATUS_ACTIVE }, types.ErrInvalidGenesis},
		{"grant not matching its request", func(gs *types.GenesisState) { gs.Grants[2].Purpose = "marketing" }, types.ErrInvalidGenesis},
		{"unsorted consent purposes", func(gs *types.GenesisState) { gs.Consents[0].Purposes = []string{"x", "a"} }, types.ErrInvalidGenesis},
		{"envelope for a missing grant", func(gs *types.GenesisState) { gs.Envelopes[0].GrantId = 99 }, types.ErrGrantNotFound},
		{"log not matching its grant", func(gs *types.GenesisState) { gs.AccessLogs[0].Grantee = "hospital" }, types.ErrInvalidGenesis},
		{"subscription to a missing dataset", func(gs *types.GenesisState) { gs.Subscriptions[0].DatasetId = "nope" }, types.ErrDatasetNotFound},
		{"next request id too low", func(gs *types.GenesisState) { gs.NextRequestId = 4 }, types.ErrInvalidGenesis},
		{"next grant id too low", func(gs *types.GenesisState) { gs.NextGrantId = 2 }, types.ErrInvalidGenesis},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			gs := proto.Clone(base).(*types.GenesisState)
			tc.mutate(gs)
			err := keeper.ValidateGenesis(cdc, keepertest.AddressCodec(), gs)
			require.Error(t, err)
			if tc.want != nil {
				require.ErrorIs(t, err, tc.want)
			} else {
				require.ErrorIs(t, err, types.ErrInvalidSchema)
			}
		})
	}
}

// TestLongDepartmentIDsExport: x/identity allows department ids longer than
// datashare's own slugs; what such a department writes must export and
// import again.
func TestLongDepartmentIDsExport(t *testing.T) {
	f := newFixture(t)
	long := "dept-" + repeat("a", 100)
	_, err := f.identityMsgs().RegisterDepartment(f.ctx, &identitytypes.MsgRegisterDepartment{Signer: f.gov, Id: long, Name: "long",
		Admin: f.addr["outsider"], Roles: []identitytypes.Role{identitytypes.Role_ROLE_DATA_PROVIDER}})
	require.NoError(t, err)
	f.weatherWithVersion()
	f.run(func(ctx sdk.Context) error {
		return f.createDataset(ctx, func(m *types.MsgCreateDataset) {
			m.Signer, m.Id, m.Standard = f.addr["outsider"], "ds-long", types.StandardRef{}
		})
	})
	_, err = f.msg.SetAutoApprovalRule(f.ctx, &types.MsgSetAutoApprovalRule{Signer: f.addr["provider"], DatasetId: "weather-hourly", Departments: []string{long}, MaxDuration: day})
	require.NoError(t, err)
	r, err := f.request("outsider", "weather-hourly", "", "forecast", day)
	require.NoError(t, err)
	require.NotZero(t, r.GrantId)
	_, err = f.msg.Subscribe(f.ctx, &types.MsgSubscribe{Signer: f.addr["outsider"], DatasetId: "weather-hourly"})
	require.NoError(t, err)
	gs, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	require.NoError(t, keeper.ValidateGenesis(codec.NewProtoCodec(codectypes.NewInterfaceRegistry()), keepertest.AddressCodec(), gs))
}
