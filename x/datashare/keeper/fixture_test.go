package keeper_test

import (
	"bytes"
	"crypto/sha256"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/errors"

	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/runtime"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/testutil/keepertest"
	"github.com/trustcity/trustcity/x/datashare/keeper"
	"github.com/trustcity/trustcity/x/datashare/types"
	identitykeeper "github.com/trustcity/trustcity/x/identity/keeper"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

// fixture is the datashare keeper over a real in-memory store, next to a
// real x/identity keeper holding:
//
//	stdbody (STANDARDS_BODY), admin stdAdmin
//	weather (DATA_PROVIDER, DEVICE_REGISTRAR), admin weatherAdmin, member
//	  provider (DATA_PROVIDER), member clerk (no role); device sensor (scope
//	  weather-hourly), device sensor2 (same scope, suspended)
//	transport (AUDITOR), admin transportAdmin, member driver
//	hospital (DATA_PROVIDER), admin hospitalAdmin
//	clinic (DATA_PROVIDER), admin clinicAdmin, DID with X25519 key enc-1
//	police (AUDITOR), admin policeAdmin — suspended
//
// patient controls patientDID (the subject of personal data); stranger
// controls strangerDID; outsider belongs to nothing.
type fixture struct {
	t           *testing.T
	ctx         sdk.Context
	key         *storetypes.KVStoreKey
	k           keeper.Keeper
	idk         identitykeeper.Keeper
	msg         types.MsgServer
	query       types.QueryServer
	gov         string
	addr        map[string]string
	patientDID  string
	strangerDID string
	clinicDID   string
}

var names = []string{
	"stdAdmin", "weatherAdmin", "provider", "clerk", "transportAdmin", "driver", "hospitalAdmin",
	"clinicAdmin", "policeAdmin", "patient", "stranger", "outsider", "sensor", "sensor2",
}

var start = time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)

func newFixture(t *testing.T) *fixture {
	t.Helper()
	key := storetypes.NewKVStoreKey(types.StoreKey)
	idKey := storetypes.NewKVStoreKey(identitytypes.StoreKey)
	ctx := keepertest.Context(t, key, idKey).WithBlockTime(start).WithBlockHeight(10)
	cdc := codec.NewProtoCodec(codectypes.NewInterfaceRegistry())
	gov := keepertest.Authority()
	idk := identitykeeper.NewKeeper(cdc, runtime.NewKVStoreService(idKey), keepertest.AddressCodec(), gov)
	require.NoError(t, idk.InitGenesis(ctx, identitytypes.DefaultGenesis()))
	k := keeper.NewKeeper(cdc, runtime.NewKVStoreService(key), keepertest.AddressCodec(), gov, idk)
	require.NoError(t, k.InitGenesis(ctx, types.DefaultGenesis()))
	f := &fixture{t: t, ctx: ctx, key: key, k: k, idk: idk, msg: keeper.NewMsgServerImpl(k), query: keeper.NewQueryServerImpl(k), gov: gov, addr: map[string]string{}}
	accs := keepertest.Accounts(len(names))
	for i, a := range accs {
		s, err := keepertest.AddressCodec().BytesToString(a.Address)
		require.NoError(t, err)
		f.addr[names[i]] = s
	}
	ids := identitykeeper.NewMsgServerImpl(idk)
	must := func(_ any, err error) { t.Helper(); require.NoError(t, err) }
	dept := func(id, admin string, roles ...identitytypes.Role) {
		must(ids.RegisterDepartment(ctx, &identitytypes.MsgRegisterDepartment{Signer: gov, Id: id, Name: id, Admin: f.addr[admin], Roles: roles}))
	}
	member := func(dept, admin, m string, roles ...identitytypes.Role) {
		must(ids.SetMember(ctx, &identitytypes.MsgSetMember{Signer: f.addr[admin], DepartmentId: dept, Member: f.addr[m], Roles: roles}))
	}
	dp := identitytypes.Role_ROLE_DATA_PROVIDER
	dept("stdbody", "stdAdmin", identitytypes.Role_ROLE_STANDARDS_BODY)
	dept("weather", "weatherAdmin", dp, identitytypes.Role_ROLE_DEVICE_REGISTRAR)
	member("weather", "weatherAdmin", "provider", dp)
	member("weather", "weatherAdmin", "clerk")
	dept("transport", "transportAdmin", identitytypes.Role_ROLE_AUDITOR)
	member("transport", "transportAdmin", "driver")
	dept("hospital", "hospitalAdmin", dp)
	dept("clinic", "clinicAdmin", dp)
	dept("police", "policeAdmin", identitytypes.Role_ROLE_AUDITOR)
	must(ids.SetDepartmentStatus(ctx, &identitytypes.MsgSetDepartmentStatus{Signer: gov, Id: "police", Status: identitytypes.DepartmentStatus_DEPARTMENT_STATUS_SUSPENDED}))

	secp := identitytypes.VerificationMethodType_VERIFICATION_METHOD_TYPE_SECP256K1
	for i, name := range []string{"sensor", "sensor2"} {
		acc := accs[len(names)-2+i]
		must(ids.RegisterDevice(ctx, &identitytypes.MsgRegisterDevice{Signer: f.addr["weatherAdmin"], Address: f.addr[name], KeyType: secp,
			PublicKey: acc.Key.PubKey().Bytes(), DeviceType: "WeatherStation", Scopes: []string{"weather-hourly"}}))
	}
	must(ids.SetDeviceStatus(ctx, &identitytypes.MsgSetDeviceStatus{Signer: f.addr["weatherAdmin"], Address: f.addr["sensor2"], Status: identitytypes.DeviceStatus_DEVICE_STATUS_SUSPENDED}))

	did := func(controller string, withKey bool) string {
		msg := &identitytypes.MsgCreateDid{Signer: f.addr[controller]}
		if withKey {
			msg.VerificationMethods = []identitytypes.VerificationMethod{x25519VM("enc-1")}
			msg.KeyAgreement = []string{"enc-1"}
		}
		res, err := ids.CreateDid(ctx, msg)
		require.NoError(t, err)
		return res.Did
	}
	f.patientDID = did("patient", true)
	f.strangerDID = did("stranger", false)
	f.clinicDID = did("clinicAdmin", true)
	must(ids.UpdateDepartment(ctx, &identitytypes.MsgUpdateDepartment{Signer: f.addr["clinicAdmin"], Id: "clinic", Name: "clinic", Did: f.clinicDID}))
	return f
}

func x25519VM(id string) identitytypes.VerificationMethod {
	key := sha256.Sum256([]byte("x25519/" + id))
	return identitytypes.VerificationMethod{Id: id, Type: identitytypes.VerificationMethodType_VERIFICATION_METHOD_TYPE_X25519, PublicKey: key[:]}
}

// at moves the fixture's block time forward.
func (f *fixture) at(d time.Duration) { f.ctx = f.ctx.WithBlockTime(start.Add(d)) }

func (f *fixture) dump() [][2][]byte {
	var out [][2][]byte
	it := f.ctx.KVStore(f.key).Iterator(nil, nil)
	defer it.Close()
	for ; it.Valid(); it.Next() {
		out = append(out, [2][]byte{bytes.Clone(it.Key()), bytes.Clone(it.Value())})
	}
	return out
}

// rejects runs a handler that must fail with want and change nothing.
func (f *fixture) rejects(t *testing.T, want *errors.Error, run func(sdk.Context) error) error {
	t.Helper()
	before := f.dump()
	ctx := f.ctx.WithEventManager(sdk.NewEventManager())
	err := run(ctx)
	require.Error(t, err)
	require.Truef(t, want.Is(err), "want %s (%s %d), got %v", want.Error(), want.Codespace(), want.ABCICode(), err)
	require.Equal(t, before, f.dump(), "a rejected message changed the store")
	require.Empty(t, ctx.EventManager().Events(), "a rejected message emitted events")
	return err
}

type rejectCase struct {
	name string
	want *errors.Error
	run  func(sdk.Context) error
}

func (f *fixture) runRejects(t *testing.T, cases []rejectCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { f.rejects(t, tc.want, tc.run) })
	}
}

// run delivers a message that must succeed, returning the emitted events.
func (f *fixture) run(run func(sdk.Context) error) sdk.Events {
	f.t.Helper()
	ctx := f.ctx.WithEventManager(sdk.NewEventManager())
	require.NoError(f.t, run(ctx))
	return ctx.EventManager().Events()
}

func hashOf(s string) []byte {
	h := sha256.Sum256([]byte(s))
	return h[:]
}

// weatherSchema is the standard of the weather datasets.
const weatherSchema = `{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "type": "object",
  "required": ["station", "observed_at", "temperature_c"],
  "properties": {
    "station": {"type": "string", "pattern": "^[A-Z]{2}-[0-9]{3}$"},
    "observed_at": {"type": "string", "format": "date-time"},
    "temperature_c": {"type": "number", "minimum": -60, "maximum": 60}
  },
  "additionalProperties": false
}`

const goodRecord = `{"station":"NJ-001","observed_at":"2026-03-01T08:00:00Z","temperature_c":4.5}`

func (f *fixture) registerStandard(ctx sdk.Context, mutate func(*types.MsgRegisterStandard)) error {
	msg := &types.MsgRegisterStandard{Signer: f.addr["stdAdmin"], Id: "weather-observation", Version: "1.0.0", Title: "Weather observation", Schema: weatherSchema}
	if mutate != nil {
		mutate(msg)
	}
	_, err := f.msg.RegisterStandard(ctx, msg)
	return err
}

func (f *fixture) createDataset(ctx sdk.Context, mutate func(*types.MsgCreateDataset)) error {
	msg := &types.MsgCreateDataset{
		Signer: f.addr["provider"], Id: "weather-hourly", Title: "Hourly observations", Description: "City stations",
		Category: types.Category_CATEGORY_ENVIRONMENT, Sensitivity: types.Sensitivity_SENSITIVITY_INTERNAL,
		Standard: types.StandardRef{Id: "weather-observation", Version: "1.0.0"}, Locator: "https://data.weather.example/hourly",
		Encryption: types.EncryptionScheme_ENCRYPTION_SCHEME_AES_256_GCM,
	}
	if mutate != nil {
		mutate(msg)
	}
	_, err := f.msg.CreateDataset(ctx, msg)
	return err
}

func (f *fixture) publish(ctx sdk.Context, signer, dataset string, mutate func(*types.MsgPublishVersion)) error {
	msg := &types.MsgPublishVersion{Signer: f.addr[signer], DatasetId: dataset, ContentHash: hashOf(dataset + ctx.BlockTime().String()),
		Size_: 5120, Locator: "https://data.example/" + dataset, Summary: goodRecord}
	if mutate != nil {
		mutate(msg)
	}
	_, err := f.msg.PublishVersion(ctx, msg)
	return err
}

// createRecords adds hospital's personal dataset "records-patient" about
// patientDID, with one version.
func (f *fixture) createRecords() {
	f.run(func(ctx sdk.Context) error {
		return f.createDataset(ctx, func(m *types.MsgCreateDataset) {
			m.Signer, m.Id, m.Category, m.Sensitivity, m.Standard, m.Subject = f.addr["hospitalAdmin"], "records-patient",
				types.Category_CATEGORY_HEALTH, types.Sensitivity_SENSITIVITY_PERSONAL, types.StandardRef{}, f.patientDID
		})
	})
	f.run(func(ctx sdk.Context) error {
		return f.publish(ctx, "hospitalAdmin", "records-patient", func(m *types.MsgPublishVersion) { m.Summary = "" })
	})
}

// weatherWithVersion registers the standard, creates weather-hourly and
// publishes version 1.
func (f *fixture) weatherWithVersion() {
	f.run(func(ctx sdk.Context) error { return f.registerStandard(ctx, nil) })
	f.run(func(ctx sdk.Context) error { return f.createDataset(ctx, nil) })
	f.run(func(ctx sdk.Context) error { return f.publish(ctx, "provider", "weather-hourly", nil) })
}

func (f *fixture) request(signer, dataset, grantee, purpose string, d time.Duration) (*types.MsgRequestAccessResponse, error) {
	return f.msg.RequestAccess(f.ctx, &types.MsgRequestAccess{Signer: f.addr[signer], DatasetId: dataset, Grantee: grantee, Purpose: purpose, Duration: d})
}

// grant requests and approves access, returning the grant id.
func (f *fixture) grant(owner, requester, dataset, grantee, purpose string, d time.Duration) uint64 {
	f.t.Helper()
	r, err := f.request(requester, dataset, grantee, purpose, d)
	require.NoError(f.t, err)
	if r.GrantId != 0 {
		return r.GrantId
	}
	g, err := f.msg.ApproveRequest(f.ctx, &types.MsgApproveRequest{Signer: f.addr[owner], RequestId: r.RequestId})
	require.NoError(f.t, err)
	return g.GrantId
}

func (f *fixture) identityMsgs() identitytypes.MsgServer {
	return identitykeeper.NewMsgServerImpl(f.idk)
}
