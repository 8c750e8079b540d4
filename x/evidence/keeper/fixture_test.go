package keeper_test

import (
	"bytes"
	"crypto/sha256"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/errors"

	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/runtime"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/testutil/keepertest"
	"github.com/trustcity/trustcity/x/evidence/keeper"
	"github.com/trustcity/trustcity/x/evidence/types"
	identitykeeper "github.com/trustcity/trustcity/x/identity/keeper"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

// fixture is the judicial keeper over a real in-memory store, next to a real
// x/identity keeper holding:
//
//	notary (EVIDENCE_DEPOSITOR), admin notaryAdmin, member depositor
//	notary2 (EVIDENCE_DEPOSITOR), admin notary2Admin — suspended
//	court (COURT), admin courtAdmin, member judge; member clerk without COURT
//	bank (BANK), admin bankAdmin
//	platform (EVIDENCE_DEPOSITOR), admin platformAdmin
//
// outsider belongs to nothing.
type fixture struct {
	t     *testing.T
	ctx   sdk.Context
	key   *storetypes.KVStoreKey
	k     keeper.Keeper
	msg   types.MsgServer
	query types.QueryServer
	gov   string
	addr  map[string]string
}

var names = []string{"notaryAdmin", "depositor", "notary2Admin", "courtAdmin", "judge", "clerk", "bankAdmin", "outsider", "platformAdmin"}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	key := storetypes.NewKVStoreKey(types.StoreKey)
	idKey := storetypes.NewKVStoreKey(identitytypes.StoreKey)
	ctx := keepertest.Context(t, key, idKey)
	reg := codectypes.NewInterfaceRegistry()
	cdc := codec.NewProtoCodec(reg)
	gov := keepertest.Authority()
	idk := identitykeeper.NewKeeper(cdc, runtime.NewKVStoreService(idKey), keepertest.AddressCodec(), gov)
	require.NoError(t, idk.InitGenesis(ctx, identitytypes.DefaultGenesis()))
	k := keeper.NewKeeper(cdc, runtime.NewKVStoreService(key), keepertest.AddressCodec(), gov, idk, nil)
	require.NoError(t, k.InitGenesis(ctx, types.DefaultGenesis()))
	f := &fixture{t: t, ctx: ctx, key: key, k: k, msg: keeper.NewMsgServerImpl(k), query: keeper.NewQueryServerImpl(k), gov: gov, addr: map[string]string{}}
	for i, a := range keepertest.AccAddrs(len(names)) {
		s, err := keepertest.AddressCodec().BytesToString(a)
		require.NoError(t, err)
		f.addr[names[i]] = s
	}
	ids := identitykeeper.NewMsgServerImpl(idk)
	dept := func(id, admin string, roles ...identitytypes.Role) {
		_, err := ids.RegisterDepartment(ctx, &identitytypes.MsgRegisterDepartment{Signer: gov, Id: id, Name: id, Admin: f.addr[admin], Roles: roles})
		require.NoError(t, err)
	}
	member := func(dept, admin, m string, roles ...identitytypes.Role) {
		_, err := ids.SetMember(ctx, &identitytypes.MsgSetMember{Signer: f.addr[admin], DepartmentId: dept, Member: f.addr[m], Roles: roles})
		require.NoError(t, err)
	}
	dept("notary", "notaryAdmin", identitytypes.Role_ROLE_EVIDENCE_DEPOSITOR)
	member("notary", "notaryAdmin", "depositor", identitytypes.Role_ROLE_EVIDENCE_DEPOSITOR)
	dept("notary2", "notary2Admin", identitytypes.Role_ROLE_EVIDENCE_DEPOSITOR)
	dept("court", "courtAdmin", identitytypes.Role_ROLE_COURT)
	member("court", "courtAdmin", "judge", identitytypes.Role_ROLE_COURT)
	member("court", "courtAdmin", "clerk")
	dept("bank", "bankAdmin", identitytypes.Role_ROLE_BANK)
	dept("platform", "platformAdmin", identitytypes.Role_ROLE_EVIDENCE_DEPOSITOR)
	_, err := ids.SetDepartmentStatus(ctx, &identitytypes.MsgSetDepartmentStatus{Signer: gov, Id: "notary2", Status: identitytypes.DepartmentStatus_DEPARTMENT_STATUS_SUSPENDED})
	require.NoError(t, err)
	return f
}

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
func (f *fixture) rejects(t *testing.T, want *errors.Error, run func(sdk.Context) error) {
	t.Helper()
	before := f.dump()
	ctx := f.ctx.WithEventManager(sdk.NewEventManager())
	err := run(ctx)
	require.Error(t, err)
	require.Truef(t, want.Is(err), "want %s (%s %d), got %v", want.Error(), want.Codespace(), want.ABCICode(), err)
	require.Equal(t, before, f.dump(), "a rejected message changed the store")
	require.Empty(t, ctx.EventManager().Events(), "a rejected message emitted events")
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

func digestOf(s string) []byte {
	h := sha256.Sum256([]byte(s))
	return h[:]
}

func (f *fixture) deposit(signer string, digest []byte, mutate func(*types.MsgDeposit)) func(sdk.Context) error {
	return func(ctx sdk.Context) error {
		msg := &types.MsgDeposit{Signer: signer, Digest: digest, Algorithm: types.HashAlgorithm_HASH_ALGORITHM_SHA256,
			Category: types.Category_CATEGORY_E_CONTRACT, Parties: []string{"did:trustcity:6f1c2b7e-3a4d-4e5f-8a9b-0c1d2e3f4a5b"}, Metadata: "contract no. 17"}
		if mutate != nil {
			mutate(msg)
		}
		_, err := f.msg.Deposit(ctx, msg)
		return err
	}
}
