package simulation_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/runtime"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/kv"

	"github.com/trustcity/trustcity/testutil/keepertest"
	"github.com/trustcity/trustcity/testutil/simfactory"
	"github.com/trustcity/trustcity/x/funds"
	"github.com/trustcity/trustcity/x/funds/keeper"
	"github.com/trustcity/trustcity/x/funds/simulation"
	"github.com/trustcity/trustcity/x/funds/types"
)

func factories(k keeper.Keeper, id types.IdentityKeeper, j types.JudicialKeeper) []simsx.SimMsgFactoryX {
	return []simsx.SimMsgFactoryX{
		simulation.MsgCreateProgramFactory(k, id),
		simulation.MsgFundProgramFactory(k),
		simulation.MsgCloseProgramFactory(k, id),
		simulation.MsgAllocateFactory(k, id),
		simulation.MsgReturnFundsFactory(k, id),
		simulation.MsgDisburseFactory(k, id),
		simulation.MsgApproveDisbursementFactory(k, id),
		simulation.MsgRejectDisbursementFactory(k, id),
		simulation.MsgDefineMilestoneFactory(k, id),
		simulation.MsgConfirmMilestoneFactory(k, id, j),
		simulation.MsgRejectMilestoneFactory(k, id),
		simulation.MsgReportExpenditureFactory(k, j),
	}
}

// moduleFactories returns the factories and default weights the module's
// WeightedOperationsX registers over the chain's keepers.
func moduleFactories(c *simChain) simfactory.Weighted {
	var reg simfactory.Weighted
	defaults := simsx.WeightSourceFn(func(_ string, weight uint32) uint32 { return weight })
	funds.NewAppModule(testCodec(), c.k).WithSimulation(c.idk, c.jk).WeightedOperationsX(defaults, &reg)
	return reg
}

// tally counts what was delivered, by message type and by the cases worth
// seeing at least once.
func tally(t *testing.T, c *simChain, delivered map[string]int, msg sdk.Msg, res any) {
	t.Helper()
	delivered[sdk.MsgTypeURL(msg)]++
	switch m := msg.(type) {
	case *types.MsgCreateProgram:
		if m.EligibilityCredentialType != "" {
			delivered["program: credential-gated"]++
		}
		if m.SupervisorDepartment != "" {
			delivered["program: supervised"]++
		}
	case *types.MsgAllocate:
		a, err := c.k.Allocations.Get(c.ctx, res.(*types.MsgAllocateResponse).AllocationId)
		require.NoError(t, err)
		if a.Depth >= 2 {
			delivered["allocate: below a child"]++
		}
		if !a.Received.Equal(m.Amount.Amount) {
			delivered["allocate: top-up"]++
		}
	case *types.MsgDisburse:
		if res.(*types.MsgDisburseResponse).Paid {
			delivered["disburse: paid at once"]++
		} else {
			delivered["disburse: pending"]++
		}
		if m.CredentialId != "" {
			delivered["disburse: to a credential holder"]++
		}
	case *types.MsgRejectDisbursement:
		d, err := c.k.Disbursements.Get(c.ctx, m.DisbursementId)
		require.NoError(t, err)
		if d.Requester == m.Signer {
			delivered["reject: withdrawn by the requester"]++
		}
	case *types.MsgConfirmMilestone:
		ms, err := c.k.Milestones.Get(c.ctx, m.MilestoneId)
		require.NoError(t, err)
		if ms.Late {
			delivered["milestone: confirmed late"]++
		}
	case *types.MsgReportExpenditure:
		if m.EvidenceId != 0 {
			delivered["expenditure: citing evidence"]++
		}
	case *types.MsgCloseProgram:
		if res.(*types.MsgCloseProgramResponse).Refunded.IsPositive() {
			delivered["close: refunded"]++
		}
	}
}

// TestFactoriesBuildMessagesThatSucceed runs the module's factories, drawn
// by their default weights, many times, in blocks hours apart, on a chain
// whose x/identity has a tree of FUND_MANAGER departments with a role-less
// child, a supervisor department and credential holders, and whose
// x/evidence holds records in force and a withdrawn one: every message they
// build must succeed, every factory must deliver, the interesting cases
// must turn up, and the invariants must hold after every block. Governance
// changes the params now and then.
func TestFactoriesBuildMessagesThatSucceed(t *testing.T) {
	c := newSimChain(t, 31)
	c.world(t)
	weighted := moduleFactories(c)
	fs := factories(c.k, c.idk, c.jk)
	require.Len(t, weighted, len(fs), "WeightedOperationsX registers every factory")
	params := simulation.MsgUpdateParamsFactory()
	delivered := map[string]int{}
	prefixes := map[byte]bool{} // of the store's keys at the end of some block
	for i := range 3000 {
		if i%40 == 39 {
			c.nextBlock()
			requireInvariants(t, c)
			for key := range storeKeys(c) {
				prefixes[key[0]] = true
			}
		}
		if i%500 == 499 {
			msg, _ := c.run(t, params)
			require.NotNil(t, msg)
		}
		msg, res := c.run(t, weighted.Pick(c.r))
		if msg == nil {
			delivered["skipped"]++
			continue
		}
		tally(t, c, delivered, msg, res)
	}
	t.Log(delivered)
	for _, f := range fs {
		require.Positive(t, delivered[sdk.MsgTypeURL(f.MsgType())], "%T never delivered: %v", f.MsgType(), delivered)
	}
	for _, kind := range []string{
		"program: credential-gated", "program: supervised", "allocate: below a child", "allocate: top-up",
		"disburse: paid at once", "disburse: pending", "disburse: to a credential holder", "reject: withdrawn by the requester",
		"milestone: confirmed late", "expenditure: citing evidence", "close: refunded",
	} {
		require.Positive(t, delivered[kind], "%s: %v", kind, delivered)
	}
	requireInvariants(t, c)

	// Every collection held entries at the end of some block, and the
	// store decoder decodes every entry of the store.
	decode := simulation.NewDecodeStore(c.k.Schema)
	for key, value := range storeKeys(c) {
		prefixes[key[0]] = true
		pair := kv.Pair{Key: []byte(key), Value: []byte(value)}
		require.NotEmpty(t, decode(pair, pair))
	}
	for _, coll := range c.k.Schema.ListCollections() {
		require.Len(t, coll.GetPrefix(), 1, coll.GetName())
		if coll.GetName() == "payouts" {
			continue // written by payouts over IBC only: the simulation has no channel (app/funds_ibc_test.go covers them)
		}
		require.True(t, prefixes[coll.GetPrefix()[0]], "collection %s holds no entry", coll.GetName())
	}
	require.Len(t, prefixes, len(c.k.Schema.ListCollections())-1, "entries outside every collection (payouts aside)")

	// The export imports into an empty store (next to the same bank, whose
	// escrow balance import checks) as the same state.
	exported, err := c.k.ExportGenesis(c.ctx)
	require.NoError(t, err)
	require.NoError(t, keeper.ValidateGenesis(testCodec(), keepertest.AddressCodec(), exported))
	imported := keeper.NewKeeper(testCodec(), runtime.NewKVStoreService(c.spare), keepertest.AddressCodec(), keepertest.Authority(),
		c.idk, c.jk, c.bank, moduleAccounts{}, nil)
	require.NoError(t, imported.InitGenesis(c.ctx, exported))
	requireSameStore(t, c, c.key, c.spare)
}

// storeKeys returns every entry of the funds store.
func storeKeys(c *simChain) map[string]string {
	return entries(c, c.key)
}

// entries returns every entry of the store under key.
func entries(c *simChain, key *storetypes.KVStoreKey) map[string]string {
	out := map[string]string{}
	it := c.ctx.KVStore(key).Iterator(nil, nil)
	defer it.Close()
	for ; it.Valid(); it.Next() {
		out[string(it.Key())] = string(it.Value())
	}
	return out
}

func requireSameStore(t *testing.T, c *simChain, a, b *storetypes.KVStoreKey) {
	t.Helper()
	ea, eb := entries(c, a), entries(c, b)
	for key, v := range ea {
		w, ok := eb[key]
		require.True(t, ok, "key %X is missing from the import", key)
		require.Equal(t, v, w, "key %X differs", key)
	}
	require.Len(t, eb, len(ea))
}

// TestFactoriesSkipWithoutAuthorizedAccounts: when x/identity authorizes no
// simulation account and there is no program, every factory skips instead
// of building a message that would fail.
func TestFactoriesSkipWithoutAuthorizedAccounts(t *testing.T) {
	c := newSimChain(t, 32)
	for _, f := range factories(c.k, c.idk, c.jk) {
		msg, _ := c.run(t, f)
		require.Nil(t, msg, "%T", f.MsgType())
	}
}

// TestFactoriesWithOtherKeepers: with identity and judicial keepers that
// are not x/identity's and x/evidence's, the factories find no department
// tree, credential or evidence record: programs are never credential-gated,
// allocations and milestone confirmations skip, and the rest still works.
func TestFactoriesWithOtherKeepers(t *testing.T) {
	c := newSimChain(t, 33)
	c.world(t)
	id := struct{ types.IdentityKeeper }{c.idk}
	j := struct{ types.JudicialKeeper }{c.jk}
	var weighted simfactory.Weighted
	defaults := simsx.WeightSourceFn(func(_ string, weight uint32) uint32 { return weight })
	funds.NewAppModule(testCodec(), c.k).WithSimulation(id, j).WeightedOperationsX(defaults, &weighted)
	delivered := map[string]int{}
	for range 600 {
		msg, _ := c.run(t, weighted.Pick(c.r))
		if msg == nil {
			continue
		}
		delivered[sdk.MsgTypeURL(msg)]++
		if m, ok := msg.(*types.MsgCreateProgram); ok {
			require.Empty(t, m.EligibilityCredentialType)
		}
		if m, ok := msg.(*types.MsgReportExpenditure); ok {
			require.Zero(t, m.EvidenceId)
		}
	}
	require.Zero(t, delivered[sdk.MsgTypeURL(&types.MsgAllocate{})])
	require.Zero(t, delivered[sdk.MsgTypeURL(&types.MsgConfirmMilestone{})])
	for _, m := range []sdk.Msg{&types.MsgCreateProgram{}, &types.MsgFundProgram{}, &types.MsgDisburse{}, &types.MsgDefineMilestone{}} {
		require.Positive(t, delivered[sdk.MsgTypeURL(m)], "%T: %v", m, delivered)
	}
	requireInvariants(t, c)
}
