package simulation_test

import (
	"bytes"
	"context"
	"math/rand"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
	"github.com/cosmos/cosmos-sdk/runtime"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/kv"
	simtypes "github.com/cosmos/cosmos-sdk/types/simulation"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/trustcity/trustcity/testutil/keepertest"
	"github.com/trustcity/trustcity/testutil/simfactory"
	"github.com/trustcity/trustcity/x/datashare"
	"github.com/trustcity/trustcity/x/datashare/keeper"
	"github.com/trustcity/trustcity/x/datashare/simulation"
	"github.com/trustcity/trustcity/x/datashare/types"
	identitykeeper "github.com/trustcity/trustcity/x/identity/keeper"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

// simChain is a datashare keeper next to a real x/identity keeper over
// in-memory stores, with simulation accounts.
type simChain struct {
	ctx    sdk.Context
	key    *storetypes.KVStoreKey
	k      keeper.Keeper
	idk    identitykeeper.Keeper
	ids    identitytypes.MsgServer
	msg    types.MsgServer
	accs   []simtypes.Account
	r      *rand.Rand
	spare  *storetypes.KVStoreKey // a second datashare store, for import tests
	height int64
}

func newSimChain(t *testing.T, seed int64) *simChain {
	t.Helper()
	key, idKey, spare := storetypes.NewKVStoreKey(types.StoreKey), storetypes.NewKVStoreKey(identitytypes.StoreKey),
		storetypes.NewKVStoreKey("datashare-import")
	ctx := keepertest.Context(t, key, idKey, spare)
	cdc := testCodec()
	idk := identitykeeper.NewKeeper(cdc, runtime.NewKVStoreService(idKey), keepertest.AddressCodec(), keepertest.Authority())
	require.NoError(t, idk.InitGenesis(ctx, identitytypes.DefaultGenesis()))
	k := keeper.NewKeeper(cdc, runtime.NewKVStoreService(key), keepertest.AddressCodec(), keepertest.Authority(), idk)
	r := rand.New(rand.NewSource(seed))
	accs := simtypes.RandomAccounts(r, 16)
	require.NoError(t, k.InitGenesis(ctx, simulation.RandomGenesis(r, accs, genesisTime, nil)))
	return &simChain{
		ctx: ctx, key: key, k: k, idk: idk, ids: identitykeeper.NewMsgServerImpl(idk), msg: keeper.NewMsgServerImpl(k),
		accs: accs, r: r, spare: spare, height: 1,
	}
}

// did creates a DID controlled by accs[controller], with an X25519
// key-agreement key when agreement is set.
func (c *simChain) did(t *testing.T, controller int, agreement bool) string {
	t.Helper()
	msg := &identitytypes.MsgCreateDid{
		Signer: c.accs[controller].AddressBech32,
		VerificationMethods: []identitytypes.VerificationMethod{{
			Id: "key-1", Type: identitytypes.VerificationMethodType_VERIFICATION_METHOD_TYPE_ED25519,
			PublicKey: ed25519.GenPrivKeyFromSecret([]byte{byte(controller)}).PubKey().Bytes(),
		}},
		Authentication: []string{"key-1"},
	}
	if agreement {
		x := bytes.Repeat([]byte{byte(controller + 1)}, 32)
		msg.VerificationMethods = append(msg.VerificationMethods, identitytypes.VerificationMethod{
			Id: "key-2", Type: identitytypes.VerificationMethodType_VERIFICATION_METHOD_TYPE_X25519, PublicKey: x,
		})
		msg.KeyAgreement = []string{"key-2"}
	}
	res, err := c.ids.CreateDid(c.ctx, msg)
	require.NoError(t, err)
	return res.Did
}

// department registers a top-level department administered by accs[admin]
// with roles and DID did (may be empty), and members accs[members...]
// holding all of them.
func (c *simChain) department(t *testing.T, id, did string, roles []identitytypes.Role, admin int, members ...int) {
	t.Helper()
	_, err := c.ids.RegisterDepartment(c.ctx, &identitytypes.MsgRegisterDepartment{
		Signer: keepertest.Authority(), Id: id, Name: id, Admin: c.accs[admin].AddressBech32, Roles: roles, Did: did,
	})
	require.NoError(t, err)
	for _, m := range members {
		_, err := c.ids.SetMember(c.ctx, &identitytypes.MsgSetMember{
			Signer: c.accs[admin].AddressBech32, DepartmentId: id, Member: c.accs[m].AddressBech32, Roles: roles,
		})
		require.NoError(t, err)
	}
}

// device registers accs[device] as a device of the department accs[registrar]
// acts for, with scopes.
func (c *simChain) device(t *testing.T, registrar, device int, scopes ...string) {
	t.Helper()
	_, err := c.ids.RegisterDevice(c.ctx, &identitytypes.MsgRegisterDevice{
		Signer: c.accs[registrar].AddressBech32, Address: c.accs[device].AddressBech32,
		KeyType:   identitytypes.VerificationMethodType_VERIFICATION_METHOD_TYPE_SECP256K1,
		PublicKey: c.accs[device].PubKey.Bytes(), DeviceType: "AirQualitySensor", Scopes: scopes,
	})
	require.NoError(t, err)
}

// world sets up x/identity for the factories: departments providing data
// and registering standards (one with a device), a department holding other
// roles, one without roles, department DIDs with and without a
// key-agreement key, and citizens' DIDs.
func (c *simChain) world(t *testing.T) {
	t.Helper()
	water := c.did(t, 0, true)
	planning := c.did(t, 4, false)
	roles := func(rs ...identitytypes.Role) []identitytypes.Role { return rs }
	c.department(t, "water", water, roles(identitytypes.Role_ROLE_DATA_PROVIDER, identitytypes.Role_ROLE_STANDARDS_BODY, identitytypes.Role_ROLE_DEVICE_REGISTRAR), 0, 1)
	c.department(t, "health", "", roles(identitytypes.Role_ROLE_DATA_PROVIDER), 2, 3)
	c.department(t, "planning", planning, roles(identitytypes.Role_ROLE_AUDITOR), 4, 5)
	c.department(t, "police", "", nil, 6)
	c.device(t, 0, 10, "air-quality", "parking", "traffic-flow", "water-usage")
	c.did(t, 7, true)
	c.did(t, 8, true)
	c.did(t, 9, false)
	c.did(t, 11, true)
}

type moduleAccounts struct{}

func (moduleAccounts) GetModuleAddress(name string) sdk.AccAddress {
	return authtypes.NewModuleAddress(name)
}

type noBalances struct{}

func (noBalances) SpendableCoins(context.Context, sdk.AccAddress) sdk.Coins { return nil }
func (noBalances) IsSendEnabledDenom(context.Context, string) bool          { return true }

// run builds a message with f and delivers it through the Msg service
// (simfactory.Run). The signer must be the message's.
func (c *simChain) run(t *testing.T, f simsx.SimMsgFactoryX) (sdk.Msg, any) {
	t.Helper()
	testData := simsx.NewChainDataSource(c.ctx, c.r, moduleAccounts{}, noBalances{}, keepertest.AddressCodec(), c.accs...)
	return simfactory.Run(t, c.ctx, testData, f, func(ctx context.Context, msg sdk.Msg) (any, error) { return deliver(ctx, c.msg, msg) })
}

func deliver(ctx context.Context, m types.MsgServer, msg sdk.Msg) (any, error) {
	switch msg := msg.(type) {
	case *types.MsgRegisterStandard:
		return m.RegisterStandard(ctx, msg)
	case *types.MsgDeprecateStandard:
		return m.DeprecateStandard(ctx, msg)
	case *types.MsgCreateDataset:
		return m.CreateDataset(ctx, msg)
	case *types.MsgUpdateDataset:
		return m.UpdateDataset(ctx, msg)
	case *types.MsgPublishVersion:
		return m.PublishVersion(ctx, msg)
	case *types.MsgRequestAccess:
		return m.RequestAccess(ctx, msg)
	case *types.MsgApproveRequest:
		return m.ApproveRequest(ctx, msg)
	case *types.MsgRejectRequest:
		return m.RejectRequest(ctx, msg)
	case *types.MsgRevokeGrant:
		return m.RevokeGrant(ctx, msg)
	case *types.MsgRelinquishGrant:
		return m.RelinquishGrant(ctx, msg)
	case *types.MsgSetAutoApprovalRule:
		return m.SetAutoApprovalRule(ctx, msg)
	case *types.MsgRemoveAutoApprovalRule:
		return m.RemoveAutoApprovalRule(ctx, msg)
	case *types.MsgGiveConsent:
		return m.GiveConsent(ctx, msg)
	case *types.MsgRevokeConsent:
		return m.RevokeConsent(ctx, msg)
	case *types.MsgPostKeyEnvelope:
		return m.PostKeyEnvelope(ctx, msg)
	case *types.MsgRecordAccess:
		return m.RecordAccess(ctx, msg)
	case *types.MsgSubscribe:
		return m.Subscribe(ctx, msg)
	case *types.MsgUnsubscribe:
		return m.Unsubscribe(ctx, msg)
	case *types.MsgUpdateParams:
		return m.UpdateParams(ctx, msg)
	}
	return nil, nil
}

// nextBlock moves to the next block, some minutes to six hours later, and
// runs the module's EndBlock (which marks expired grants and consents).
func (c *simChain) nextBlock(t *testing.T) {
	t.Helper()
	require.NoError(t, c.k.EndBlock(c.ctx))
	c.height++
	c.ctx = c.ctx.WithBlockHeight(c.height).WithBlockTime(c.ctx.BlockTime().Add(time.Duration(1+c.r.Intn(360)) * time.Minute))
}

func factories(k keeper.Keeper, id types.IdentityKeeper) []simsx.SimMsgFactoryX {
	return []simsx.SimMsgFactoryX{
		simulation.MsgRegisterStandardFactory(k, id),
		simulation.MsgDeprecateStandardFactory(k, id),
		simulation.MsgCreateDatasetFactory(k, id),
		simulation.MsgUpdateDatasetFactory(k, id),
		simulation.MsgPublishVersionFactory(k, id),
		simulation.MsgRequestAccessFactory(k, id),
		simulation.MsgApproveRequestFactory(k, id),
		simulation.MsgRejectRequestFactory(k, id),
		simulation.MsgRevokeGrantFactory(k, id),
		simulation.MsgRelinquishGrantFactory(k, id),
		simulation.MsgSetAutoApprovalRuleFactory(k, id),
		simulation.MsgRemoveAutoApprovalRuleFactory(k, id),
		simulation.MsgGiveConsentFactory(k, id),
		simulation.MsgRevokeConsentFactory(k, id),
		simulation.MsgPostKeyEnvelopeFactory(k, id),
		simulation.MsgRecordAccessFactory(k, id),
		simulation.MsgSubscribeFactory(k, id),
		simulation.MsgUnsubscribeFactory(k, id),
	}
}

// moduleFactories returns the factories and default weights the module's
// WeightedOperationsX registers over the chain's keepers.
func moduleFactories(t *testing.T, c *simChain) simfactory.Weighted {
	t.Helper()
	var reg simfactory.Weighted
	defaults := simsx.WeightSourceFn(func(_ string, weight uint32) uint32 { return weight })
	datashare.NewAppModule(testCodec(), c.k).WithSimulationIdentity(c.idk).WeightedOperationsX(defaults, &reg)
	return reg
}

type invariants map[string]func(sdk.Context) error

func (i invariants) Register(module, name string, check func(sdk.Context) error) {
	i[module+"/"+name] = check
}

func requireInvariants(t *testing.T, c *simChain) {
	t.Helper()
	reg := invariants{}
	keeper.RegisterInvariants(reg, c.k)
	for name, check := range reg {
		require.NoError(t, check(c.ctx), name)
	}
}

// TestFactoriesBuildMessagesThatSucceed runs the factories many times, in
// blocks hours apart, on a chain whose x/identity has data providers (one
// with a device), a standards body, other departments, department DIDs
// with and without key-agreement keys and citizens' DIDs: every message
// they build must succeed, every factory must deliver, the interesting
// cases must turn up, and the invariants must hold after every block.
// Governance changes the params now and then.
func TestFactoriesBuildMessagesThatSucceed(t *testing.T) {
	c := newSimChain(t, 21)
	c.world(t)
	fs := factories(c.k, c.idk)
	weighted := moduleFactories(t, c)
	require.Len(t, weighted, len(fs), "WeightedOperationsX registers every factory")
	params := simulation.MsgUpdateParamsFactory()
	delivered := map[string]int{}
	for i := range 3000 {
		if i%40 == 39 {
			c.nextBlock(t)
			requireInvariants(t, c)
		}
		if i%400 == 399 {
			msg, _ := c.run(t, params)
			require.NotNil(t, msg)
		}
		msg, res := c.run(t, weighted.Pick(c.r))
		if msg == nil {
			delivered["skipped"]++
			continue
		}
		delivered[sdk.MsgTypeURL(msg)]++
		switch m := msg.(type) {
		case *types.MsgCreateDataset:
			if m.Sensitivity == types.Sensitivity_SENSITIVITY_PERSONAL {
				delivered["dataset: personal"]++
			}
		case *types.MsgPublishVersion:
			d, err := c.k.Datasets.Get(c.ctx, m.DatasetId)
			require.NoError(t, err)
			if m.Summary != "" && d.Standard.Id != "" {
				delivered["version: summary under a standard"]++
			}
			if m.Signer == c.accs[10].AddressBech32 {
				delivered["version: by a device"]++
			}
		case *types.MsgRequestAccess:
			if res.(*types.MsgRequestAccessResponse).GrantId != 0 {
				delivered["request: auto-approved"]++
			}
			if m.Grantee != "" {
				delivered["request: by the subject"]++
			}
		case *types.MsgRecordAccess:
			g, err := c.k.Grants.Get(c.ctx, m.GrantId)
			require.NoError(t, err)
			d, err := c.k.Datasets.Get(c.ctx, g.DatasetId)
			require.NoError(t, err)
			if d.Sensitivity == types.Sensitivity_SENSITIVITY_PERSONAL && !types.IsDID(g.Grantee) {
				delivered["access: personal data under consent"]++
			}
		case *types.MsgPostKeyEnvelope:
			g, err := c.k.Grants.Get(c.ctx, m.GrantId)
			require.NoError(t, err)
			if types.IsDID(g.Grantee) {
				delivered["envelope: to a subject"]++
			} else {
				delivered["envelope: to a department"]++
			}
		case *types.MsgSubscribe:
			if m.Grantee != "" {
				delivered["subscribe: a DID"]++
			}
		}
	}
	t.Log(delivered)
	for _, f := range fs {
		require.Positive(t, delivered[sdk.MsgTypeURL(f.MsgType())], "%T never delivered: %v", f.MsgType(), delivered)
	}
	for _, kind := range []string{
		"dataset: personal", "version: summary under a standard", "version: by a device", "request: auto-approved",
		"request: by the subject", "access: personal data under consent", "envelope: to a subject",
		"envelope: to a department", "subscribe: a DID",
	} {
		require.Positive(t, delivered[kind], "%s: %v", kind, delivered)
	}
	c.nextBlock(t)
	requireInvariants(t, c)

	// Every collection holds entries now, and the store decoder decodes
	// every entry of the store.
	decode := simulation.NewDecodeStore(c.k.Schema)
	prefixes := map[byte]bool{}
	it := c.ctx.KVStore(c.key).Iterator(nil, nil)
	for ; it.Valid(); it.Next() {
		prefixes[it.Key()[0]] = true
		pair := kv.Pair{Key: it.Key(), Value: it.Value()}
		require.NotEmpty(t, decode(pair, pair))
	}
	require.NoError(t, it.Close())
	for _, coll := range c.k.Schema.ListCollections() {
		require.Len(t, coll.GetPrefix(), 1, coll.GetName())
		require.True(t, prefixes[coll.GetPrefix()[0]], "collection %s holds no entry", coll.GetName())
	}
	require.Len(t, prefixes, len(c.k.Schema.ListCollections()), "entries outside every collection")

	// The export imports into an empty store as the same state.
	exported, err := c.k.ExportGenesis(c.ctx)
	require.NoError(t, err)
	require.NoError(t, keeper.ValidateGenesis(testCodec(), keepertest.AddressCodec(), exported))
	imported := keeper.NewKeeper(testCodec(), runtime.NewKVStoreService(c.spare), keepertest.AddressCodec(), keepertest.Authority(), c.idk)
	require.NoError(t, imported.InitGenesis(c.ctx, exported))
	requireSameStore(t, c.ctx.KVStore(c.key), c.ctx.KVStore(c.spare))
}

func requireSameStore(t *testing.T, a, b storetypes.KVStore) {
	t.Helper()
	entries := func(s storetypes.KVStore) map[string]string {
		out := map[string]string{}
		it := s.Iterator(nil, nil)
		defer it.Close()
		for ; it.Valid(); it.Next() {
			out[string(it.Key())] = string(it.Value())
		}
		return out
	}
	ea, eb := entries(a), entries(b)
	for key, v := range ea {
		w, ok := eb[key]
		require.True(t, ok, "key %X is missing from the import", key)
		require.Equal(t, v, w, "key %X differs", key)
	}
	require.Len(t, eb, len(ea))
}

// TestFactoriesSkipWithoutAuthorizedAccounts: when x/identity authorizes no
// simulation account and no simulation account controls a DID, every
// factory skips instead of building a message that would fail.
func TestFactoriesSkipWithoutAuthorizedAccounts(t *testing.T) {
	c := newSimChain(t, 22)
	for _, f := range factories(c.k, c.idk) {
		msg, _ := c.run(t, f)
		require.Nil(t, msg, "%T", f.MsgType())
	}
}

// TestFactoriesWithAnotherIdentityKeeper: with an identity keeper that is
// not x/identity's, the factories find no DID; those that need one skip,
// and the others still work.
func TestFactoriesWithAnotherIdentityKeeper(t *testing.T) {
	c := newSimChain(t, 23)
	c.world(t)
	wrapped := struct{ types.IdentityKeeper }{c.idk}
	create := simulation.MsgCreateDatasetFactory(c.k, wrapped)
	for range 50 {
		msg, _ := c.run(t, create)
		if m, ok := msg.(*types.MsgCreateDataset); ok {
			require.NotEqual(t, types.Sensitivity_SENSITIVITY_PERSONAL, m.Sensitivity)
		}
	}
	msg, _ := c.run(t, simulation.MsgGiveConsentFactory(c.k, wrapped))
	require.Nil(t, msg)
}
