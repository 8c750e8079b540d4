package simulation_test

import (
	"context"
	"crypto/sha256"
	"math/rand"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/log/v2"
	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	cryptocodec "github.com/cosmos/cosmos-sdk/crypto/codec"
	"github.com/cosmos/cosmos-sdk/runtime"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	sdk "github.com/cosmos/cosmos-sdk/types"
	simtypes "github.com/cosmos/cosmos-sdk/types/simulation"
	authkeeper "github.com/cosmos/cosmos-sdk/x/auth/keeper"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	bankkeeper "github.com/cosmos/cosmos-sdk/x/bank/keeper"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	minttypes "github.com/cosmos/cosmos-sdk/x/mint/types"

	"github.com/trustcity/trustcity/app"
	"github.com/trustcity/trustcity/testutil/keepertest"
	"github.com/trustcity/trustcity/testutil/simfactory"
	judicialkeeper "github.com/trustcity/trustcity/x/evidence/keeper"
	judicialtypes "github.com/trustcity/trustcity/x/evidence/types"
	"github.com/trustcity/trustcity/x/funds/keeper"
	"github.com/trustcity/trustcity/x/funds/simulation"
	"github.com/trustcity/trustcity/x/funds/types"
	identitykeeper "github.com/trustcity/trustcity/x/identity/keeper"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

// simDenom is the coin simulation accounts hold in these tests.
const simDenom = "utc"

var genesisTime = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func testCodec() codec.Codec {
	reg := codectypes.NewInterfaceRegistry()
	authtypes.RegisterInterfaces(reg)
	cryptocodec.RegisterInterfaces(reg)
	types.RegisterInterfaces(reg)
	identitytypes.RegisterInterfaces(reg)
	judicialtypes.RegisterInterfaces(reg)
	return codec.NewProtoCodec(reg)
}

// simChain is a funds keeper next to real x/auth, x/bank, x/identity and
// x/evidence (judicial) keepers over in-memory stores, with simulation
// accounts holding simDenom.
type simChain struct {
	ctx    sdk.Context
	key    *storetypes.KVStoreKey
	spare  *storetypes.KVStoreKey // a second funds store, for import tests
	k      keeper.Keeper
	bank   bankkeeper.BaseKeeper
	idk    identitykeeper.Keeper
	jk     judicialkeeper.Keeper
	msg    types.MsgServer
	ids    identitytypes.MsgServer
	accs   []simtypes.Account
	r      *rand.Rand
	height int64
}

func newSimChain(t *testing.T, seed int64) *simChain {
	t.Helper()
	key, spare := storetypes.NewKVStoreKey(types.StoreKey), storetypes.NewKVStoreKey("funds-import")
	idKey, jKey := storetypes.NewKVStoreKey(identitytypes.StoreKey), storetypes.NewKVStoreKey(judicialtypes.StoreKey)
	authKey, bankKey := storetypes.NewKVStoreKey(authtypes.StoreKey), storetypes.NewKVStoreKey(banktypes.StoreKey)
	ctx := keepertest.Context(t, key, spare, idKey, jKey, authKey, bankKey).WithBlockTime(genesisTime)
	cdc, ac, gov := testCodec(), keepertest.AddressCodec(), keepertest.Authority()

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
	k := keeper.NewKeeper(cdc, runtime.NewKVStoreService(key), ac, gov, idk, jk, bk, ak, nil)
	r := rand.New(rand.NewSource(seed))
	require.NoError(t, k.InitGenesis(ctx, simulation.RandomGenesis(r)))

	accs := simtypes.RandomAccounts(r, 16)
	for _, acc := range accs {
		coins := sdk.NewCoins(sdk.NewCoin(simDenom, math.NewInt(1_000_000_000_000)))
		require.NoError(t, bk.MintCoins(ctx, minttypes.ModuleName, coins))
		require.NoError(t, bk.SendCoinsFromModuleToAccount(ctx, minttypes.ModuleName, acc.Address, coins))
	}
	return &simChain{
		ctx: ctx, key: key, spare: spare, k: k, bank: bk, idk: idk, jk: jk,
		msg: keeper.NewMsgServerImpl(k), ids: identitykeeper.NewMsgServerImpl(idk), accs: accs, r: r, height: 1,
	}
}

func hashOf(s string) []byte {
	h := sha256.Sum256([]byte(s))
	return h[:]
}

// department registers a department under parent (top-level when empty, by
// the authority; else by the parent's admin accs[by]) administered by
// accs[admin] with roles and credential types, and members accs[members...]
// holding all of its roles.
func (c *simChain) department(t *testing.T, id, parent string, by int, roles []identitytypes.Role, credTypes []string, admin int, members ...int) {
	t.Helper()
	signer := keepertest.Authority()
	if parent != "" {
		signer = c.accs[by].AddressBech32
	}
	_, err := c.ids.RegisterDepartment(c.ctx, &identitytypes.MsgRegisterDepartment{
		Signer: signer, Id: id, Name: id, ParentId: parent, Admin: c.accs[admin].AddressBech32, Roles: roles, CredentialTypes: credTypes,
	})
	require.NoError(t, err)
	for _, m := range members {
		_, err := c.ids.SetMember(c.ctx, &identitytypes.MsgSetMember{
			Signer: c.accs[admin].AddressBech32, DepartmentId: id, Member: c.accs[m].AddressBech32, Roles: roles,
		})
		require.NoError(t, err)
	}
}

// world sets up x/identity and x/evidence for the factories:
//
//	treasury (FUND_MANAGER, CREDENTIAL_ISSUER of LowIncomeHousehold), admin 0, member 1
//	  county (FUND_MANAGER), admin 2, member 3
//	    village (FUND_MANAGER), admin 4
//	    bare (no role), admin 5
//	audit (FUND_SUPERVISOR), admin 6, member 7
//	notary (EVIDENCE_DEPOSITOR), admin 8: three evidence records, the second withdrawn
//
// accounts 9 and 10 control DIDs holding a LowIncomeHousehold credential;
// 11 controls a DID without one; 12 to 15 belong to nothing.
func (c *simChain) world(t *testing.T) {
	t.Helper()
	role := func(rs ...identitytypes.Role) []identitytypes.Role { return rs }
	fm, fs := identitytypes.Role_ROLE_FUND_MANAGER, identitytypes.Role_ROLE_FUND_SUPERVISOR
	c.department(t, "treasury", "", 0, role(fm, identitytypes.Role_ROLE_CREDENTIAL_ISSUER), []string{"LowIncomeHousehold"}, 0, 1)
	c.department(t, "county", "treasury", 0, role(fm), nil, 2, 3)
	c.department(t, "village", "county", 2, role(fm), nil, 4)
	c.department(t, "bare", "county", 2, nil, nil, 5)
	c.department(t, "audit", "", 0, role(fs), nil, 6, 7)
	c.department(t, "notary", "", 0, role(identitytypes.Role_ROLE_EVIDENCE_DEPOSITOR), nil, 8)
	for _, holder := range []int{9, 10, 11} {
		res, err := c.ids.CreateDid(c.ctx, &identitytypes.MsgCreateDid{Signer: c.accs[holder].AddressBech32})
		require.NoError(t, err)
		if holder == 11 {
			continue
		}
		id := "urn:uuid:00000000-0000-4000-8000-00000000000" + string(rune('0'+holder-9))
		_, err = c.ids.IssueCredential(c.ctx, &identitytypes.MsgIssueCredential{
			Signer: c.accs[0].AddressBech32, Id: id, Type: "LowIncomeHousehold", SubjectDid: res.Did, Hash: hashOf(id),
		})
		require.NoError(t, err)
	}
	js := judicialkeeper.NewMsgServerImpl(c.jk)
	for i := range 3 {
		_, err := js.Deposit(c.ctx, &judicialtypes.MsgDeposit{
			Signer: c.accs[8].AddressBech32, Digest: hashOf("site photo " + string(rune('a'+i))),
			Algorithm: judicialtypes.HashAlgorithm_HASH_ALGORITHM_SHA256, Category: judicialtypes.Category_CATEGORY_COPYRIGHT,
		})
		require.NoError(t, err)
	}
	_, err := js.Withdraw(c.ctx, &judicialtypes.MsgWithdraw{Signer: c.accs[8].AddressBech32, Id: 2, Reason: "wrong file"})
	require.NoError(t, err)
}

type moduleAccounts struct{}

func (moduleAccounts) GetModuleAddress(name string) sdk.AccAddress {
	return authtypes.NewModuleAddress(name)
}

// run builds a message with f and delivers it through the Msg service
// (simfactory.Run). The signer must be the message's.
func (c *simChain) run(t *testing.T, f simsx.SimMsgFactoryX) (sdk.Msg, any) {
	t.Helper()
	testData := simsx.NewChainDataSource(c.ctx, c.r, moduleAccounts{}, c.bank, keepertest.AddressCodec(), c.accs...)
	return simfactory.Run(t, c.ctx, testData, f, func(ctx context.Context, msg sdk.Msg) (any, error) { return deliver(ctx, c.msg, msg) })
}

func deliver(ctx context.Context, m types.MsgServer, msg sdk.Msg) (any, error) {
	switch msg := msg.(type) {
	case *types.MsgCreateProgram:
		return m.CreateProgram(ctx, msg)
	case *types.MsgFundProgram:
		return m.FundProgram(ctx, msg)
	case *types.MsgCloseProgram:
		return m.CloseProgram(ctx, msg)
	case *types.MsgAllocate:
		return m.Allocate(ctx, msg)
	case *types.MsgReturnFunds:
		return m.ReturnFunds(ctx, msg)
	case *types.MsgDisburse:
		return m.Disburse(ctx, msg)
	case *types.MsgApproveDisbursement:
		return m.ApproveDisbursement(ctx, msg)
	case *types.MsgRejectDisbursement:
		return m.RejectDisbursement(ctx, msg)
	case *types.MsgDefineMilestone:
		return m.DefineMilestone(ctx, msg)
	case *types.MsgConfirmMilestone:
		return m.ConfirmMilestone(ctx, msg)
	case *types.MsgRejectMilestone:
		return m.RejectMilestone(ctx, msg)
	case *types.MsgReportExpenditure:
		return m.ReportExpenditure(ctx, msg)
	case *types.MsgUpdateParams:
		return m.UpdateParams(ctx, msg)
	}
	return nil, nil
}

// nextBlock moves to the next block, a minute to six hours later.
func (c *simChain) nextBlock() {
	c.height++
	c.ctx = c.ctx.WithBlockHeight(c.height).WithBlockTime(c.ctx.BlockTime().Add(time.Duration(1+c.r.Intn(360)) * time.Minute))
}

type invariants map[string]func(sdk.Context) error

func (i invariants) Register(module, name string, check func(sdk.Context) error) {
	i[module+"/"+name] = check
}

func requireInvariants(t *testing.T, c *simChain) {
	t.Helper()
	reg := invariants{}
	keeper.RegisterInvariants(reg, c.k)
	require.Len(t, reg, 4)
	for name, check := range reg {
		require.NoError(t, check(c.ctx), name)
	}
}
