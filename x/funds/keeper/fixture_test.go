package keeper_test

import (
	"bytes"
	"crypto/sha256"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/errors"
	"cosmossdk.io/log/v2"
	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	cryptocodec "github.com/cosmos/cosmos-sdk/crypto/codec"
	"github.com/cosmos/cosmos-sdk/runtime"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authkeeper "github.com/cosmos/cosmos-sdk/x/auth/keeper"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	bankkeeper "github.com/cosmos/cosmos-sdk/x/bank/keeper"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	minttypes "github.com/cosmos/cosmos-sdk/x/mint/types"

	"github.com/trustcity/trustcity/app"
	"github.com/trustcity/trustcity/testutil/keepertest"
	judicialkeeper "github.com/trustcity/trustcity/x/evidence/keeper"
	judicialtypes "github.com/trustcity/trustcity/x/evidence/types"
	"github.com/trustcity/trustcity/x/funds/keeper"
	"github.com/trustcity/trustcity/x/funds/types"
	identitykeeper "github.com/trustcity/trustcity/x/identity/keeper"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

const denom = "utc"

// fixture is the funds keeper over a real in-memory store, next to real
// x/auth, x/bank, x/identity and x/evidence (judicial) keepers holding:
//
//	treasury (FUND_MANAGER, CREDENTIAL_ISSUER), admin treasurer, member
//	  treasuryClerk (no role)
//	  county (FUND_MANAGER), admin countyHead
//	    village (FUND_MANAGER), admin villageHead, member villageClerk
//	      hamlet (FUND_MANAGER), admin hamletHead
//	    bare (no role), admin bareHead
//	  county2 (FUND_MANAGER), admin county2Head
//	audit (FUND_SUPERVISOR), admin auditor, member auditClerk (no role)
//	civil (CREDENTIAL_ISSUER of LowIncomeHousehold), admin civilAdmin
//	notary (EVIDENCE_DEPOSITOR), admin notaryAdmin; evidence record 1 in
//	  force, record 2 withdrawn
//
// household controls householdDID, which holds credential cred-household
// (LowIncomeHousehold); poor controls poorDID, with no credential;
// other-type is a credential of another type about householdDID. funder
// holds 10,000,000utc; contractor and outsider hold nothing and belong to
// nothing.
type fixture struct {
	t            *testing.T
	ctx          sdk.Context
	keys         []*storetypes.KVStoreKey
	spare        *storetypes.KVStoreKey
	newKeeper    func(*storetypes.KVStoreKey) keeper.Keeper
	k            keeper.Keeper
	bank         bankkeeper.BaseKeeper
	msg          types.MsgServer
	query        types.QueryServer
	ids          identitytypes.MsgServer
	gov          string
	cdc          codec.Codec
	addr         map[string]string
	householdDID string
}

var names = []string{
	"treasurer", "treasuryClerk", "countyHead", "villageHead", "villageClerk", "hamletHead", "bareHead", "county2Head",
	"auditor", "auditClerk", "civilAdmin", "notaryAdmin", "household", "poor", "funder", "contractor", "outsider",
}

var start = time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)

func newFixture(t *testing.T) *fixture {
	t.Helper()
	key := storetypes.NewKVStoreKey(types.StoreKey)
	idKey := storetypes.NewKVStoreKey(identitytypes.StoreKey)
	jKey := storetypes.NewKVStoreKey(judicialtypes.StoreKey)
	authKey := storetypes.NewKVStoreKey(authtypes.StoreKey)
	bankKey := storetypes.NewKVStoreKey(banktypes.StoreKey)
	spare := storetypes.NewKVStoreKey(types.StoreKey + "-spare")
	ctx := keepertest.Context(t, key, idKey, jKey, authKey, bankKey, spare).WithBlockTime(start).WithBlockHeight(10)
	reg := codectypes.NewInterfaceRegistry()
	authtypes.RegisterInterfaces(reg)
	cryptocodec.RegisterInterfaces(reg)
	cdc := codec.NewProtoCodec(reg)
	gov := keepertest.Authority()
	ac := keepertest.AddressCodec()

	ak := authkeeper.NewAccountKeeper(cdc, runtime.NewKVStoreService(authKey), authtypes.ProtoBaseAccount,
		map[string][]string{types.ModuleName: nil, minttypes.ModuleName: {authtypes.Minter}}, ac, app.Bech32Prefix, gov)
	blocked := map[string]bool{
		authtypes.NewModuleAddress(types.ModuleName).String():     true,
		authtypes.NewModuleAddress(minttypes.ModuleName).String(): true,
	}
	bk := bankkeeper.NewBaseKeeper(cdc, runtime.NewKVStoreService(bankKey), ak, blocked, gov, log.NewNopLogger())
	idk := identitykeeper.NewKeeper(cdc, runtime.NewKVStoreService(idKey), ac, gov)
	require.NoError(t, idk.InitGenesis(ctx, identitytypes.DefaultGenesis()))
	jk := judicialkeeper.NewKeeper(cdc, runtime.NewKVStoreService(jKey), ac, gov, idk, nil)
	require.NoError(t, jk.InitGenesis(ctx, judicialtypes.DefaultGenesis()))
	newKeeper := func(key *storetypes.KVStoreKey) keeper.Keeper {
		return keeper.NewKeeper(cdc, runtime.NewKVStoreService(key), ac, gov, idk, jk, bk, ak, nil)
	}
	k := newKeeper(key)
	require.NoError(t, k.InitGenesis(ctx, types.DefaultGenesis()))

	f := &fixture{
		t: t, ctx: ctx, keys: []*storetypes.KVStoreKey{key, bankKey}, spare: spare, newKeeper: newKeeper, k: k, bank: bk,
		msg: keeper.NewMsgServerImpl(k), query: keeper.NewQueryServerImpl(k), ids: identitykeeper.NewMsgServerImpl(idk),
		gov: gov, cdc: cdc, addr: map[string]string{},
	}
	for i, a := range keepertest.Accounts(len(names)) {
		s, err := ac.BytesToString(a.Address)
		require.NoError(t, err)
		f.addr[names[i]] = s
	}
	must := func(_ any, err error) { t.Helper(); require.NoError(t, err) }
	fm, fs := identitytypes.Role_ROLE_FUND_MANAGER, identitytypes.Role_ROLE_FUND_SUPERVISOR
	ci := identitytypes.Role_ROLE_CREDENTIAL_ISSUER
	dept := func(signer, id, parent, admin string, roles []identitytypes.Role, credTypes ...string) {
		if signer != gov {
			signer = f.addr[signer]
		}
		must(f.ids.RegisterDepartment(ctx, &identitytypes.MsgRegisterDepartment{Signer: signer, Id: id, Name: id, ParentId: parent,
			Admin: f.addr[admin], Roles: roles, CredentialTypes: credTypes}))
	}
	dept(gov, "treasury", "", "treasurer", []identitytypes.Role{fm, ci})
	dept("treasurer", "county", "treasury", "countyHead", []identitytypes.Role{fm})
	dept("countyHead", "village", "county", "villageHead", []identitytypes.Role{fm})
	dept("villageHead", "hamlet", "village", "hamletHead", []identitytypes.Role{fm})
	dept("countyHead", "bare", "county", "bareHead", nil)
	dept("treasurer", "county2", "treasury", "county2Head", []identitytypes.Role{fm})
	dept(gov, "audit", "", "auditor", []identitytypes.Role{fs})
	dept(gov, "civil", "", "civilAdmin", []identitytypes.Role{ci}, "LowIncomeHousehold", "Resident")
	dept(gov, "notary", "", "notaryAdmin", []identitytypes.Role{identitytypes.Role_ROLE_EVIDENCE_DEPOSITOR})
	member := func(dept, admin, m string) {
		must(f.ids.SetMember(ctx, &identitytypes.MsgSetMember{Signer: f.addr[admin], DepartmentId: dept, Member: f.addr[m]}))
	}
	member("treasury", "treasurer", "treasuryClerk")
	member("village", "villageHead", "villageClerk")
	member("audit", "auditor", "auditClerk")

	did := func(controller string) string {
		res, err := f.ids.CreateDid(ctx, &identitytypes.MsgCreateDid{Signer: f.addr[controller]})
		require.NoError(t, err)
		return res.Did
	}
	f.householdDID = did("household")
	did("poor")
	issue := func(id, typ, subject string) {
		must(f.ids.IssueCredential(ctx, &identitytypes.MsgIssueCredential{Signer: f.addr["civilAdmin"], Id: id, Type: typ,
			SubjectDid: subject, Hash: hashOf(id)}))
	}
	issue("cred-household", "LowIncomeHousehold", f.householdDID)
	issue("other-type", "Resident", f.householdDID)

	js := judicialkeeper.NewMsgServerImpl(jk)
	for i := range 2 {
		res, err := js.Deposit(ctx, &judicialtypes.MsgDeposit{Signer: f.addr["notaryAdmin"], Digest: hashOf("site photo " + string(rune('a'+i))),
			Algorithm: judicialtypes.HashAlgorithm_HASH_ALGORITHM_SHA256, Category: judicialtypes.Category_CATEGORY_COPYRIGHT})
		require.NoError(t, err)
		require.Equal(t, uint64(i+1), res.Id)
	}
	must(js.Withdraw(ctx, &judicialtypes.MsgWithdraw{Signer: f.addr["notaryAdmin"], Id: 2, Reason: "wrong file"}))

	coins := sdk.NewCoins(sdk.NewInt64Coin(denom, 10_000_000), sdk.NewInt64Coin("uother", 1000))
	require.NoError(t, bk.MintCoins(ctx, minttypes.ModuleName, coins))
	funder, _ := ac.StringToBytes(f.addr["funder"])
	require.NoError(t, bk.SendCoinsFromModuleToAccount(ctx, minttypes.ModuleName, funder, coins))
	return f
}

func hashOf(s string) []byte {
	h := sha256.Sum256([]byte(s))
	return h[:]
}

func coin(n int64) sdk.Coin { return sdk.NewInt64Coin(denom, n) }

// balance returns an account's balance of denom.
func (f *fixture) balance(name string) math.Int {
	addr, err := keepertest.AddressCodec().StringToBytes(f.addr[name])
	require.NoError(f.t, err)
	return f.bank.GetBalance(f.ctx, addr, denom).Amount
}

// escrow returns the escrow account's balance of denom.
func (f *fixture) escrow() math.Int {
	return f.bank.GetBalance(f.ctx, f.k.EscrowAddress(), denom).Amount
}

// dump returns every key and value of the funds and bank stores.
func (f *fixture) dump() [][2][]byte {
	var out [][2][]byte
	for _, key := range f.keys {
		it := f.ctx.KVStore(key).Iterator(nil, nil)
		for ; it.Valid(); it.Next() {
			out = append(out, [2][]byte{bytes.Clone(it.Key()), bytes.Clone(it.Value())})
		}
		it.Close()
	}
	return out
}

// rejects runs a handler that must fail with want and change nothing: not
// the funds store, not a balance (the escrow's included), no events.
func (f *fixture) rejects(t *testing.T, want *errors.Error, run func(sdk.Context) error) {
	t.Helper()
	before, escrow := f.dump(), f.escrow()
	ctx := f.ctx.WithEventManager(sdk.NewEventManager())
	err := run(ctx)
	require.Error(t, err)
	require.Truef(t, want.Is(err), "want %s (%s %d), got %v", want.Error(), want.Codespace(), want.ABCICode(), err)
	require.Equal(t, before, f.dump(), "a rejected message changed the store")
	require.True(t, escrow.Equal(f.escrow()), "a rejected message moved escrowed coins")
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

// run delivers a message that must succeed, then checks every invariant.
func (f *fixture) run(run func(sdk.Context) error) sdk.Events {
	f.t.Helper()
	ctx := f.ctx.WithEventManager(sdk.NewEventManager())
	require.NoError(f.t, run(ctx))
	f.invariants()
	return ctx.EventManager().Events()
}

// registry collects the module's invariants.
type registry map[string]func(sdk.Context) error

func (r registry) Register(_, name string, check func(sdk.Context) error) { r[name] = check }

func (f *fixture) invariants() {
	f.t.Helper()
	reg := registry{}
	keeper.RegisterInvariants(reg, f.k)
	for _, name := range []string{"escrow-balance", "allocation-tree", "ledger-totals", "open-items"} {
		require.NoError(f.t, reg[name](f.ctx), name)
	}
}

// program is the default program: the treasury's, 1,000,000utc cap,
// threshold 100,000utc, supervised by audit, paying LowIncomeHousehold
// holders, refunding to the treasurer.
func (f *fixture) createProgram(ctx sdk.Context, mutate func(*types.MsgCreateProgram)) (*types.MsgCreateProgramResponse, error) {
	msg := &types.MsgCreateProgram{
		Signer: f.addr["treasurer"], Name: "Poverty alleviation 2026", BudgetCap: coin(1_000_000), PurposeCode: "16010",
		ApprovalThreshold: coin(100_000), SupervisorDepartment: "audit", EligibilityCredentialType: "LowIncomeHousehold",
		RefundAddress: f.addr["treasurer"],
	}
	if mutate != nil {
		mutate(msg)
	}
	return f.msg.CreateProgram(ctx, msg)
}

// tree creates the default program, funds it with 600,000utc and allocates
// 400,000 to county and 250,000 of that to village. Program 1's root is
// allocation 1, county's 2, village's 3.
func (f *fixture) tree() {
	f.t.Helper()
	f.run(func(ctx sdk.Context) error { _, err := f.createProgram(ctx, nil); return err })
	f.run(func(ctx sdk.Context) error { return f.fund(ctx, "funder", 1, 600_000) })
	f.run(func(ctx sdk.Context) error { return f.allocate(ctx, "treasurer", 1, "county", 400_000) })
	f.run(func(ctx sdk.Context) error { return f.allocate(ctx, "countyHead", 2, "village", 250_000) })
}

func (f *fixture) fund(ctx sdk.Context, signer string, program uint64, n int64) error {
	_, err := f.msg.FundProgram(ctx, &types.MsgFundProgram{Signer: f.addr[signer], ProgramId: program, Amount: coin(n)})
	return err
}

func (f *fixture) allocate(ctx sdk.Context, signer string, from uint64, dept string, n int64) error {
	_, err := f.msg.Allocate(ctx, &types.MsgAllocate{Signer: f.addr[signer], AllocationId: from, DepartmentId: dept, Amount: coin(n)})
	return err
}

func (f *fixture) disburse(ctx sdk.Context, signer string, from uint64, to string, n int64, credential string) (*types.MsgDisburseResponse, error) {
	return f.msg.Disburse(ctx, &types.MsgDisburse{Signer: f.addr[signer], AllocationId: from, Beneficiary: f.addr[to],
		Amount: coin(n), PurposeCode: "16010", Reference: hashOf("voucher"), CredentialId: credential})
}

func (f *fixture) allocation(id uint64) types.Allocation {
	a, err := f.k.GetAllocation(f.ctx, id)
	require.NoError(f.t, err)
	return a
}

func (f *fixture) program(id uint64) types.Program {
	p, err := f.k.GetProgram(f.ctx, id)
	require.NoError(f.t, err)
	return p
}
