package keeper_test

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/errors"

	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/runtime"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/testutil/keepertest"
	"github.com/trustcity/trustcity/testutil/signer"
	"github.com/trustcity/trustcity/x/identity/keeper"
	"github.com/trustcity/trustcity/x/identity/types"
)

// fixture is a keeper over a real in-memory store, with a small world:
//
//	city (top, all roles, DriverLicence + ResidentCard), admin cityAdmin
//	├── transport (DATA_PROVIDER, CREDENTIAL_ISSUER, DEVICE_REGISTRAR; DriverLicence), admin transportAdmin
//	│     members: issuer (CREDENTIAL_ISSUER, DEVICE_REGISTRAR), provider (DATA_PROVIDER)
//	└── health (CREDENTIAL_ISSUER; ResidentCard), admin healthAdmin, member healthIssuer — suspended
//	court (top, COURT), admin courtAdmin
//
// outsider belongs to nothing.
type fixture struct {
	t       *testing.T
	ctx     sdk.Context
	key     *storetypes.KVStoreKey
	k       keeper.Keeper
	msg     types.MsgServer
	query   types.QueryServer
	gov     string
	accs    []*signer.Account
	addr    map[string]string // name → bech32
	subject string            // a DID created by the outsider
}

var names = []string{"cityAdmin", "transportAdmin", "issuer", "provider", "healthAdmin", "healthIssuer", "courtAdmin", "outsider", "spare1", "spare2", "spare3"}

// newBareFixture is a keeper with the default genesis and no records.
func newBareFixture(t *testing.T) *fixture {
	t.Helper()
	f := newEmptyFixture(t)
	require.NoError(t, f.k.InitGenesis(f.ctx, types.DefaultGenesis()))
	return f
}

// newEmptyFixture is a keeper over an empty store: not even params.
func newEmptyFixture(t *testing.T) *fixture {
	t.Helper()
	key := storetypes.NewKVStoreKey(types.StoreKey)
	ctx := keepertest.Context(t, key)
	reg := codectypes.NewInterfaceRegistry()
	types.RegisterInterfaces(reg)
	cdc := codec.NewProtoCodec(reg)
	k := keeper.NewKeeper(cdc, runtime.NewKVStoreService(key), keepertest.AddressCodec(), keepertest.Authority())
	f := &fixture{
		t: t, ctx: ctx, key: key, k: k,
		msg: keeper.NewMsgServerImpl(k), query: keeper.NewQueryServerImpl(k),
		gov: keepertest.Authority(), accs: keepertest.Accounts(len(names)), addr: map[string]string{},
	}
	for i, n := range names {
		s, err := keepertest.AddressCodec().BytesToString(f.accs[i].Address)
		require.NoError(t, err)
		f.addr[n] = s
	}
	return f
}

// newFixture builds the world described on fixture.
func newFixture(t *testing.T) *fixture {
	f := newBareFixture(t)
	all := make([]types.Role, 0, 10)
	for r := types.Role_ROLE_DATA_PROVIDER; r <= types.Role_ROLE_BANK; r++ {
		all = append(all, r)
	}
	f.must(f.msg.RegisterDepartment(f.ctx, &types.MsgRegisterDepartment{
		Signer: f.gov, Id: "city", Name: "City Government", Admin: f.addr["cityAdmin"],
		Roles: all, CredentialTypes: []string{"DriverLicence", "ResidentCard"},
	}))
	f.must(f.msg.RegisterDepartment(f.ctx, &types.MsgRegisterDepartment{
		Signer: f.gov, Id: "court", Name: "Intermediate Court", Admin: f.addr["courtAdmin"], Roles: []types.Role{types.Role_ROLE_COURT},
	}))
	f.must(f.msg.RegisterDepartment(f.ctx, &types.MsgRegisterDepartment{
		Signer: f.addr["cityAdmin"], Id: "transport", Name: "Transport Bureau", ParentId: "city", Admin: f.addr["transportAdmin"],
		Roles:           []types.Role{types.Role_ROLE_DATA_PROVIDER, types.Role_ROLE_CREDENTIAL_ISSUER, types.Role_ROLE_DEVICE_REGISTRAR},
		CredentialTypes: []string{"DriverLicence"},
	}))
	f.must(f.msg.RegisterDepartment(f.ctx, &types.MsgRegisterDepartment{
		Signer: f.addr["cityAdmin"], Id: "health", Name: "Health Bureau", ParentId: "city", Admin: f.addr["healthAdmin"],
		Roles: []types.Role{types.Role_ROLE_CREDENTIAL_ISSUER}, CredentialTypes: []string{"ResidentCard"},
	}))
	f.must(f.msg.SetMember(f.ctx, &types.MsgSetMember{Signer: f.addr["transportAdmin"], DepartmentId: "transport", Member: f.addr["issuer"],
		Roles: []types.Role{types.Role_ROLE_CREDENTIAL_ISSUER, types.Role_ROLE_DEVICE_REGISTRAR}}))
	f.must(f.msg.SetMember(f.ctx, &types.MsgSetMember{Signer: f.addr["transportAdmin"], DepartmentId: "transport", Member: f.addr["provider"],
		Roles: []types.Role{types.Role_ROLE_DATA_PROVIDER}}))
	f.must(f.msg.SetMember(f.ctx, &types.MsgSetMember{Signer: f.addr["healthAdmin"], DepartmentId: "health", Member: f.addr["healthIssuer"],
		Roles: []types.Role{types.Role_ROLE_CREDENTIAL_ISSUER}}))
	f.must(f.msg.SetDepartmentStatus(f.ctx, &types.MsgSetDepartmentStatus{Signer: f.addr["cityAdmin"], Id: "health", Status: types.DepartmentStatus_DEPARTMENT_STATUS_SUSPENDED}))
	res, err := f.msg.CreateDid(f.ctx, &types.MsgCreateDid{Signer: f.addr["outsider"]})
	require.NoError(t, err)
	f.subject = res.Did
	return f
}

func (f *fixture) must(_ any, err error) {
	f.t.Helper()
	require.NoError(f.t, err)
}

// dump returns every key/value pair of the module store, to prove a
// rejected message wrote nothing.
func (f *fixture) dump() [][2][]byte {
	var out [][2][]byte
	it := f.ctx.KVStore(f.key).Iterator(nil, nil)
	defer it.Close()
	for ; it.Valid(); it.Next() {
		out = append(out, [2][]byte{bytes.Clone(it.Key()), bytes.Clone(it.Value())})
	}
	return out
}

// rejects runs a message handler that must fail with want and leave the
// store and the event log untouched.
func (f *fixture) rejects(want *errors.Error, run func(sdk.Context) error) {
	f.t.Helper()
	before := f.dump()
	ctx := f.ctx.WithEventManager(sdk.NewEventManager())
	err := run(ctx)
	require.Error(f.t, err)
	require.Truef(f.t, want.Is(err), "want %s (%s %d), got %v", want.Error(), want.Codespace(), want.ABCICode(), err)
	require.Equal(f.t, before, f.dump(), "a rejected message changed the store")
	require.Empty(f.t, ctx.EventManager().Events(), "a rejected message emitted events")
}

// ed25519VM returns an Ed25519 verification method with key i.
func ed25519VM(id string, i int) types.VerificationMethod {
	return types.VerificationMethod{Id: id, Type: types.VerificationMethodType_VERIFICATION_METHOD_TYPE_ED25519,
		PublicKey: keepertest.Ed25519Keys(i + 1)[i].PubKey().Bytes()}
}

// x25519VM returns an X25519 key-agreement method with a fixed key.
func x25519VM(id string) types.VerificationMethod {
	key := sha256.Sum256([]byte("x25519/" + id))
	return types.VerificationMethod{Id: id, Type: types.VerificationMethodType_VERIFICATION_METHOD_TYPE_X25519, PublicKey: key[:]}
}

func hashOf(s string) []byte {
	h := sha256.Sum256([]byte(s))
	return h[:]
}

func credID(n int) string { return fmt.Sprintf("urn:uuid:00000000-0000-4000-8000-%012d", n) }
