package keeper_test

import (
	"encoding/hex"
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/datashare/types"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

func TestCreateDataset(t *testing.T) {
	f := newFixture(t)
	f.run(func(ctx sdk.Context) error { return f.registerStandard(ctx, nil) })
	create := func(mutate func(*types.MsgCreateDataset)) func(sdk.Context) error {
		return func(ctx sdk.Context) error { return f.createDataset(ctx, mutate) }
	}
	personal := func(m *types.MsgCreateDataset) {
		m.Signer, m.Id, m.Sensitivity, m.Standard, m.Subject = f.addr["hospitalAdmin"], "records", types.Sensitivity_SENSITIVITY_PERSONAL, types.StandardRef{}, f.patientDID
	}
	f.runRejects(t, []rejectCase{
		{"outsider", identitytypes.ErrNotAffiliated, create(func(m *types.MsgCreateDataset) { m.Signer = f.addr["outsider"] })},
		{"member without DATA_PROVIDER", identitytypes.ErrRoleNotHeld, create(func(m *types.MsgCreateDataset) { m.Signer = f.addr["clerk"] })},
		{"department without DATA_PROVIDER", identitytypes.ErrRoleNotHeld, create(func(m *types.MsgCreateDataset) { m.Signer = f.addr["transportAdmin"] })},
		{"bad id", types.ErrInvalidRequest, create(func(m *types.MsgCreateDataset) { m.Id = "weather_hourly" })},
		{"no title", types.ErrInvalidRequest, create(func(m *types.MsgCreateDataset) { m.Title = "" })},
		{"unknown category", types.ErrInvalidRequest, create(func(m *types.MsgCreateDataset) { m.Category = 99 })},
		{"no sensitivity", types.ErrInvalidRequest, create(func(m *types.MsgCreateDataset) { m.Sensitivity = 0 })},
		{"no encryption scheme", types.ErrInvalidRequest, create(func(m *types.MsgCreateDataset) { m.Encryption = 0 })},
		{"locator without scheme", types.ErrInvalidRequest, create(func(m *types.MsgCreateDataset) { m.Locator = "data/hourly" })},
		{"standard without version", types.ErrInvalidRequest, create(func(m *types.MsgCreateDataset) { m.Standard.Version = "" })},
		{"unknown standard", types.ErrStandardNotFound, create(func(m *types.MsgCreateDataset) { m.Standard.Version = "2.0.0" })},
		{"subject on internal data", types.ErrInvalidRequest, create(func(m *types.MsgCreateDataset) { m.Subject = f.patientDID })},
		{"personal without subject", types.ErrInvalidRequest, create(func(m *types.MsgCreateDataset) { personal(m); m.Subject = "" })},
		{"personal unencrypted", types.ErrPersonalData, create(func(m *types.MsgCreateDataset) {
			personal(m)
			m.Encryption = types.EncryptionScheme_ENCRYPTION_SCHEME_NONE
		})},
		{"subject not a DID", types.ErrInvalidRequest, create(func(m *types.MsgCreateDataset) { personal(m); m.Subject = "alice" })},
		{"subject DID unknown", identitytypes.ErrDidNotFound, create(func(m *types.MsgCreateDataset) {
			personal(m)
			m.Subject = "did:trustcity:6f1c2b7e-3a4d-4e5f-8a9b-0c1d2e3f4a5b"
		})},
	})
	events := f.run(create(nil))
	require.Equal(t, "trustcity.datashare.v1.EventDatasetCreated", events[0].Type)
	f.run(create(personal))
	f.runRejects(t, []rejectCase{{"id taken", types.ErrDatasetExists, create(func(m *types.MsgCreateDataset) { m.Signer = f.addr["hospitalAdmin"] })}})

	byOwner, err := f.query.Datasets(f.ctx, &types.QueryDatasetsRequest{Owner: "weather"})
	require.NoError(t, err)
	require.Len(t, byOwner.Datasets, 1)
	require.Equal(t, "weather", byOwner.Datasets[0].Owner)
	byCategory, err := f.query.Datasets(f.ctx, &types.QueryDatasetsRequest{Category: types.Category_CATEGORY_ENVIRONMENT})
	require.NoError(t, err)
	require.Len(t, byCategory.Datasets, 2)
	_, err = f.query.Datasets(f.ctx, &types.QueryDatasetsRequest{Owner: "weather", Category: types.Category_CATEGORY_HEALTH})
	require.ErrorIs(t, err, types.ErrInvalidRequest)

	update := func(signer string, title string) func(sdk.Context) error {
		return func(ctx sdk.Context) error {
			_, err := f.msg.UpdateDataset(ctx, &types.MsgUpdateDataset{Signer: f.addr[signer], DatasetId: "weather-hourly", Title: title, Locator: "s3://weather/hourly"})
			return err
		}
	}
	f.runRejects(t, []rejectCase{
		{"update by another department", types.ErrUnauthorized, update("hospitalAdmin", "x")},
		{"update without role", identitytypes.ErrRoleNotHeld, update("clerk", "x")},
		{"update with empty title", types.ErrInvalidRequest, update("provider", "")},
	})
	f.run(update("provider", "Hourly observations v2"))
	d, err := f.query.Dataset(f.ctx, &types.QueryDatasetRequest{Id: "weather-hourly"})
	require.NoError(t, err)
	require.Equal(t, "s3://weather/hourly", d.Dataset.Locator)
}

func TestPublishVersion(t *testing.T) {
	f := newFixture(t)
	f.run(func(ctx sdk.Context) error { return f.registerStandard(ctx, nil) })
	f.run(func(ctx sdk.Context) error { return f.createDataset(ctx, nil) })
	f.run(func(ctx sdk.Context) error {
		return f.createDataset(ctx, func(m *types.MsgCreateDataset) { m.Id = "roads"; m.Standard = types.StandardRef{} })
	})
	f.createRecords()
	pub := func(signer string, mutate func(*types.MsgPublishVersion)) func(sdk.Context) error {
		return func(ctx sdk.Context) error { return f.publish(ctx, signer, "weather-hourly", mutate) }
	}
	f.runRejects(t, []rejectCase{
		{"outsider", identitytypes.ErrNotAffiliated, pub("outsider", nil)},
		{"member without DATA_PROVIDER", identitytypes.ErrRoleNotHeld, pub("clerk", nil)},
		{"provider of another department", types.ErrUnauthorized, pub("hospitalAdmin", nil)},
		{"device out of scope", identitytypes.ErrScopeNotAllowed, func(ctx sdk.Context) error { return f.publish(ctx, "sensor", "roads", nil) }},
		{"suspended device", identitytypes.ErrDeviceInactive, pub("sensor2", nil)},
		{"unknown dataset", types.ErrDatasetNotFound, func(ctx sdk.Context) error { return f.publish(ctx, "provider", "nope", nil) }},
		{"hash of 20 bytes", types.ErrInvalidRequest, pub("provider", func(m *types.MsgPublishVersion) { m.ContentHash = m.ContentHash[:20] })},
		{"bad locator", types.ErrInvalidRequest, pub("provider", func(m *types.MsgPublishVersion) { m.Locator = "no scheme" })},
		{"parent version in the future", types.ErrVersionNotFound, pub("provider", func(m *types.MsgPublishVersion) { m.ParentVersion = 1 })},
		{"derived from a missing version", types.ErrVersionNotFound, pub("provider", func(m *types.MsgPublishVersion) {
			m.DerivedFrom = []types.DatasetRef{{DatasetId: "roads", Version: 1}}
		})},
		{"derived from itself", types.ErrInvalidRequest, pub("provider", func(m *types.MsgPublishVersion) {
			m.DerivedFrom = []types.DatasetRef{{DatasetId: "weather-hourly", Version: 1}}
		})},
		{"summary not JSON", types.ErrInvalidRequest, pub("provider", func(m *types.MsgPublishVersion) { m.Summary = `{"station":` })},
		{"summary on personal data", types.ErrPersonalData, func(ctx sdk.Context) error {
			return f.publish(ctx, "hospitalAdmin", "records-patient", nil)
		}},
		{"summary too large", types.ErrInvalidRequest, pub("provider", func(m *types.MsgPublishVersion) {
			m.Summary = `"` + repeat("x", int(types.DefaultParams().MaxRecordBytes)) + `"`
		})},
	})
	t.Run("schema violation names the failure", func(t *testing.T) {
		err := f.rejects(t, types.ErrNonConforming, pub("provider", func(m *types.MsgPublishVersion) {
			m.Summary = `{"station":"nanjing","observed_at":"2026-03-01T08:00:00Z","temperature_c":99}`
		}))
		require.Contains(t, err.Error(), "weather-observation@1.0.0")
		require.Contains(t, err.Error(), "/station")
		require.Contains(t, err.Error(), "/temperature_c")
	})

	events := f.run(pub("provider", nil))
	require.Equal(t, "trustcity.datashare.v1.EventVersionPublished", events[0].Type)
	f.at(1)
	f.run(pub("sensor", func(m *types.MsgPublishVersion) { m.ParentVersion = 1 }))
	f.run(func(ctx sdk.Context) error {
		return f.publish(ctx, "provider", "roads", func(m *types.MsgPublishVersion) {
			m.DerivedFrom, m.Summary = []types.DatasetRef{{DatasetId: "weather-hourly", Version: 2}}, `{"any":"json"}`
		})
	})
	v2, err := f.query.Version(f.ctx, &types.QueryVersionRequest{DatasetId: "weather-hourly", Version: 2})
	require.NoError(t, err)
	require.Equal(t, types.PublisherKind_PUBLISHER_KIND_DEVICE, v2.Version.PublisherKind)
	require.Equal(t, uint64(1), v2.Version.ParentVersion)
	d, err := f.query.Dataset(f.ctx, &types.QueryDatasetRequest{Id: "weather-hourly"})
	require.NoError(t, err)
	require.Equal(t, uint64(2), d.Dataset.LatestVersion)

	byHash, err := f.query.VersionsByHash(f.ctx, &types.QueryVersionsByHashRequest{ContentHash: hex.EncodeToString(v2.Version.ContentHash)})
	require.NoError(t, err)
	require.Len(t, byHash.Versions, 1)
	require.Equal(t, uint64(2), byHash.Versions[0].Version)
	_, err = f.query.VersionsByHash(f.ctx, &types.QueryVersionsByHashRequest{ContentHash: "abcd"})
	require.ErrorIs(t, err, types.ErrInvalidRequest)
	list, err := f.query.Versions(f.ctx, &types.QueryVersionsRequest{DatasetId: "weather-hourly"})
	require.NoError(t, err)
	require.Len(t, list.Versions, 2)
}
