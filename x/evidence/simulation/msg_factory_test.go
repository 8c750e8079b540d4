package simulation_test

import (
	"context"
	"math/rand"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/runtime"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	sdk "github.com/cosmos/cosmos-sdk/types"
	simtypes "github.com/cosmos/cosmos-sdk/types/simulation"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/trustcity/trustcity/testutil/keepertest"
	"github.com/trustcity/trustcity/x/evidence/keeper"
	"github.com/trustcity/trustcity/x/evidence/simulation"
	"github.com/trustcity/trustcity/x/evidence/types"
	identitykeeper "github.com/trustcity/trustcity/x/identity/keeper"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

// simChain is a judicial keeper next to a real x/identity keeper over
// in-memory stores, with simulation accounts.
type simChain struct {
	ctx  sdk.Context
	k    keeper.Keeper
	idk  identitykeeper.Keeper
	msg  types.MsgServer
	accs []simtypes.Account
	r    *rand.Rand
}

func newSimChain(t *testing.T, seed int64) *simChain {
	t.Helper()
	key, idKey := storetypes.NewKVStoreKey(types.StoreKey), storetypes.NewKVStoreKey(identitytypes.StoreKey)
	ctx := keepertest.Context(t, key, idKey)
	cdc := testCodec()
	idk := identitykeeper.NewKeeper(cdc, runtime.NewKVStoreService(idKey), keepertest.AddressCodec(), keepertest.Authority())
	require.NoError(t, idk.InitGenesis(ctx, identitytypes.DefaultGenesis()))
	k := keeper.NewKeeper(cdc, runtime.NewKVStoreService(key), keepertest.AddressCodec(), keepertest.Authority(), idk, nil)
	r := rand.New(rand.NewSource(seed))
	accs := simtypes.RandomAccounts(r, 12)
	require.NoError(t, k.InitGenesis(ctx, simulation.RandomGenesis(r, accs, genesisTime, nil)))
	return &simChain{ctx: ctx, k: k, idk: idk, msg: keeper.NewMsgServerImpl(k), accs: accs, r: r}
}

// department registers a top-level department administered by accs[admin]
// with roles, and members accs[members...] holding all of them.
func (c *simChain) department(t *testing.T, id string, roles []identitytypes.Role, admin int, members ...int) {
	t.Helper()
	ids := identitykeeper.NewMsgServerImpl(c.idk)
	_, err := ids.RegisterDepartment(c.ctx, &identitytypes.MsgRegisterDepartment{
		Signer: keepertest.Authority(), Id: id, Name: id, Admin: c.accs[admin].AddressBech32, Roles: roles,
	})
	require.NoError(t, err)
	for _, m := range members {
		_, err := ids.SetMember(c.ctx, &identitytypes.MsgSetMember{
			Signer: c.accs[admin].AddressBech32, DepartmentId: id, Member: c.accs[m].AddressBech32, Roles: roles,
		})
		require.NoError(t, err)
	}
}

type moduleAccounts struct{}

func (moduleAccounts) GetModuleAddress(name string) sdk.AccAddress {
	return authtypes.NewModuleAddress(name)
}

type noBalances struct{}

func (noBalances) SpendableCoins(context.Context, sdk.AccAddress) sdk.Coins { return nil }
func (noBalances) IsSendEnabledDenom(context.Context, string) bool          { return true }

// run builds a message with f, as the simulator does, and delivers it
// through the Msg service. It returns the message, or nil when f skipped.
func (c *simChain) run(t *testing.T, f simsx.SimMsgFactoryX) sdk.Msg {
	t.Helper()
	testData := simsx.NewChainDataSource(c.ctx, c.r, moduleAccounts{}, noBalances{}, keepertest.AddressCodec(), c.accs...)
	reporter := simsx.NewBasicSimulationReporter().WithScope(f.MsgType())
	signers, msg := f.Create()(c.ctx, testData, reporter)
	if reporter.IsSkipped() {
		return nil
	}
	require.Len(t, signers, 1)
	var err error
	switch m := msg.(type) {
	case *types.MsgDeposit:
		require.Equal(t, signers[0].AddressBech32, m.Signer)
		_, err = c.msg.Deposit(c.ctx, m)
	case *types.MsgWithdraw:
		require.Equal(t, signers[0].AddressBech32, m.Signer)
		_, err = c.msg.Withdraw(c.ctx, m)
	case *types.MsgAnchorBatch:
		require.Equal(t, signers[0].AddressBech32, m.Signer)
		_, err = c.msg.AnchorBatch(c.ctx, m)
	case *types.MsgRecordVerification:
		require.Equal(t, signers[0].AddressBech32, m.Signer)
		_, err = c.msg.RecordVerification(c.ctx, m)
	case *types.MsgRecordCustody:
		require.Equal(t, signers[0].AddressBech32, m.Signer)
		_, err = c.msg.RecordCustody(c.ctx, m)
	default:
		t.Fatalf("unexpected message %T", msg)
	}
	require.NoError(t, err, "%T %v", msg, msg)
	return msg
}

type invariants map[string]func(sdk.Context) error

func (i invariants) Register(module, name string, check func(sdk.Context) error) {
	i[module+"/"+name] = check
}

// TestFactoriesBuildMessagesThatSucceed runs the factories many times on a
// chain with a depositor department (admin and a member), a court and a
// department holding both roles: every message they build must succeed, each
// kind of verification must turn up, and the invariants must hold.
func TestFactoriesBuildMessagesThatSucceed(t *testing.T) {
	c := newSimChain(t, 11)
	c.department(t, "notary", []identitytypes.Role{identitytypes.Role_ROLE_EVIDENCE_DEPOSITOR}, 0, 1)
	c.department(t, "court", []identitytypes.Role{identitytypes.Role_ROLE_COURT}, 2)
	c.department(t, "lab", []identitytypes.Role{identitytypes.Role_ROLE_EVIDENCE_DEPOSITOR, identitytypes.Role_ROLE_COURT}, 3, 4)

	factories := []simsx.SimMsgFactoryX{
		simulation.MsgDepositFactory(c.k, c.idk),
		simulation.MsgWithdrawFactory(c.k, c.idk),
		simulation.MsgAnchorBatchFactory(c.k, c.idk),
		simulation.MsgRecordVerificationFactory(c.k, c.idk),
		simulation.MsgRecordCustodyFactory(c.k, c.idk),
	}
	delivered := map[string]int{}
	for i := range 600 {
		msg := c.run(t, factories[i%len(factories)])
		if msg == nil {
			delivered["skipped"]++
			continue
		}
		delivered[sdk.MsgTypeURL(msg)]++
		switch m := msg.(type) {
		case *types.MsgRecordVerification:
			switch {
			case m.Result == types.VerificationResult_VERIFICATION_RESULT_NOT_FOUND:
				delivered["verification: not found"]++
			case m.Proof != nil:
				delivered["verification: batch leaf"]++
			default:
				delivered["verification: deposit"]++
			}
		case *types.MsgRecordCustody:
			if m.Proof != nil {
				delivered["custody: batch leaf"]++
			}
		}
	}
	for _, f := range factories {
		require.Positive(t, delivered[sdk.MsgTypeURL(f.MsgType())], "%T never delivered: %v", f.MsgType(), delivered)
	}
	for _, kind := range []string{"verification: not found", "verification: batch leaf", "verification: deposit", "custody: batch leaf"} {
		require.Positive(t, delivered[kind], "%s: %v", kind, delivered)
	}

	reg := invariants{}
	keeper.RegisterInvariants(reg, c.k)
	for name, check := range reg {
		require.NoError(t, check(c.ctx), name)
	}
}

// TestFactoriesSkipWithoutAuthorizedAccounts: when x/identity authorizes no
// simulation account, every factory skips instead of building a message
// that would fail.
func TestFactoriesSkipWithoutAuthorizedAccounts(t *testing.T) {
	c := newSimChain(t, 12)
	c.department(t, "bank", []identitytypes.Role{identitytypes.Role_ROLE_BANK}, 0, 1)
	for _, f := range []simsx.SimMsgFactoryX{
		simulation.MsgDepositFactory(c.k, c.idk),
		simulation.MsgWithdrawFactory(c.k, c.idk),
		simulation.MsgAnchorBatchFactory(c.k, c.idk),
		simulation.MsgRecordVerificationFactory(c.k, c.idk),
		simulation.MsgRecordCustodyFactory(c.k, c.idk),
	} {
		require.Nil(t, c.run(t, f), "%T", f.MsgType())
	}
}
