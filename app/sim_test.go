package app

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	dbm "github.com/cosmos/cosmos-db"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/baseapp"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	"github.com/cosmos/cosmos-sdk/store/v2"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/module"
	simtypes "github.com/cosmos/cosmos-sdk/types/simulation"
	"github.com/cosmos/cosmos-sdk/x/simulation"
	simcli "github.com/cosmos/cosmos-sdk/x/simulation/client/cli"

	ibcsims "github.com/cosmos/ibc-go/v11/modules/core/simulation"
)

// The simulation tests drive the whole application with the SDK's simulator
// (testutil/simsx): a random genesis, then blocks of random transactions,
// governance proposals, votes, double-sign evidence and missed signatures,
// with every registered invariant (invariants.go) checked after every block.
//
// They read the SDK's simulation flags (x/simulation/client/cli), passed after
// the package: go test ./app -run TestSim -NumBlocks=500 -BlockSize=200 -Seed=7.
// Without -NumBlocks and -BlockSize they run a short configuration, so plain
// `go test ./...` stays quick; without -GenesisTime they start at a fixed
// time, so a seed alone reproduces a run. -Enabled and -Period are accepted
// but ignored, as in the SDK since v0.53: nothing needs enabling.
func init() {
	simcli.GetSimulatorFlags()
}

// The short configuration, used unless -NumBlocks or -BlockSize is given.
const (
	shortSimBlocks    = 20
	shortSimBlockSize = 25
)

// determinismSeeds are the seeds TestSimDeterminism runs when -Seed is not given.
var determinismSeeds = []int64{1, 7, 42}

// simConfig returns the simulator configuration from the SDK's flags, with
// the short defaults for the flags that were not given.
func simConfig() simtypes.Config {
	cfg := simcli.NewConfigFromFlags()
	cfg.ChainID = simsx.SimAppChainID
	if !simFlagGiven("NumBlocks") {
		cfg.NumBlocks = shortSimBlocks
	}
	if !simFlagGiven("BlockSize") {
		cfg.BlockSize = shortSimBlockSize
	}
	if !simFlagGiven("GenesisTime") {
		cfg.GenesisTime = genesisTime.Unix()
	}
	return cfg
}

// simFlagGiven reports whether the named flag was set on the command line.
func simFlagGiven(name string) bool {
	given := false
	flag.Visit(func(f *flag.Flag) { given = given || f.Name == name })
	return given
}

// simApp is the application under simulation: App with every invariant of
// its registry checked at the end of every block.
//
// The simulator (x/simulation SimulateFromSeedX) has no per-block hook, and
// the SDK stopped checking invariants with v0.53, so the check is wrapped
// around the app's EndBlocker: after the modules' end blockers (bank's last),
// a broken invariant makes FinalizeBlock fail, and the simulator stops with
// "block finalization failed at height N: invariant module/name broken ...".
// The simulator delivers a block's transactions after FinalizeBlock, so each
// block's check covers the previous block's transactions; requireInvariants
// checks the state left by the last one.
type simApp struct {
	*App
	invariants *InvariantRegistry
	// lastBlockTime is the time of the last block finalized, for starting an
	// imported chain where this one stopped.
	lastBlockTime time.Time
}

type simAppFactory = func(log.Logger, dbm.DB, bool, servertypes.AppOptions, ...func(*baseapp.BaseApp)) *simApp

// newSimApp is the simsx app factory: an App whose invariants are checked after every block.
func newSimApp(logger log.Logger, db dbm.DB, loadLatest bool, appOpts servertypes.AppOptions, opts ...func(*baseapp.BaseApp)) *simApp {
	return simAppWith(nil)(logger, db, loadLatest, appOpts, opts...)
}

// simAppWith returns an app factory whose apps also check the invariants
// extra registers (tests register deliberately broken ones).
func simAppWith(extra func(*InvariantRegistry)) simAppFactory {
	return func(logger log.Logger, db dbm.DB, loadLatest bool, appOpts servertypes.AppOptions, opts ...func(*baseapp.BaseApp)) *simApp {
		// IAVL's background pruner holds on to its store until the store is
		// closed, which nothing does after a run, so every finished run would
		// stay in memory (gigabytes in the long configuration). Pruning
		// synchronously starts no such goroutine.
		opts = append(opts, baseapp.SetIAVLSyncPruning(true))
		// Built without loading so the end blocker can still be replaced:
		// loading seals the BaseApp.
		a := &simApp{App: New(logger, db, false, appOpts, opts...)}
		a.invariants = a.Invariants()
		if extra != nil {
			extra(a.invariants)
		}
		a.SetEndBlocker(a.endBlockerCheckingInvariants)
		if loadLatest {
			if err := a.LoadLatestVersion(); err != nil {
				panic(err)
			}
		}
		return a
	}
}

func (a *simApp) endBlockerCheckingInvariants(ctx sdk.Context) (sdk.EndBlock, error) {
	res, err := a.EndBlocker(ctx)
	if err != nil {
		return res, err
	}
	if err := a.invariants.Check(ctx); err != nil {
		return res, err
	}
	a.lastBlockTime = ctx.BlockTime()
	return res, nil
}

// simStateFactory gives the simulator a random genesis built from every
// simulated module's generator, the accounts and balances its messages are
// built from, and the addresses that must not receive coins.
func simStateFactory(a *simApp) simsx.SimStateFactory {
	return simsx.SimStateFactory{
		Codec:         a.AppCodec(),
		AppStateFn:    simtestutil.AppStateFn(a.AppCodec(), a.SimulationManager(), a.DefaultGenesis()),
		BlockedAddr:   BlockedAddresses(),
		AccountSource: a.AccountKeeper,
		BalanceSource: a.BankKeeper,
	}
}

// requireInvariants checks the invariants on the last committed state.
func requireInvariants(tb testing.TB, a *simApp) {
	tb.Helper()
	ctx := a.NewContextLegacy(true, cmtproto.Header{Height: a.LastBlockHeight(), Time: a.lastBlockTime})
	require.NoError(tb, a.invariants.Check(ctx))
}

// TestSimDeterminism runs each seed three times and requires the same app
// hash every time. The second and third runs use the inter-block cache that
// nodes enable by default (server.DefaultBaseappOptions), so the cache is
// shown not to change the state either. With -Seed only that seed runs.
func TestSimDeterminism(t *testing.T) {
	cfg := simConfig()
	if !cfg.Commit {
		t.Skip("-Commit=false: without commits there is no app hash to compare")
	}
	seeds := determinismSeeds
	if simFlagGiven("Seed") {
		seeds = []int64{cfg.Seed}
	}
	withInterBlockCache := func(logger log.Logger, db dbm.DB, loadLatest bool, appOpts servertypes.AppOptions, opts ...func(*baseapp.BaseApp)) *simApp {
		opts = append(opts, baseapp.SetInterBlockCache(store.NewCommitKVStoreCacheManager()))
		return newSimApp(logger, db, loadLatest, appOpts, opts...)
	}
	factories := []simAppFactory{newSimApp, withInterBlockCache, withInterBlockCache}

	for _, seed := range seeds {
		t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) {
			t.Parallel()
			var (
				hashes [][]byte
				logs   []simulation.LogWriter
			)
			for _, factory := range factories {
				simsx.RunWithSeed(t, cfg, factory, simStateFactory, seed, nil,
					func(_ testing.TB, ti simsx.TestInstance[*simApp], _ []simtypes.Account) {
						requireInvariants(t, ti.App)
						require.NotEmpty(t, ti.App.LastCommitID().Hash)
						hashes = append(hashes, ti.App.LastCommitID().Hash)
						logs = append(logs, ti.ExecLogWriter)
					})
			}
			for run := 1; run < len(hashes); run++ {
				if string(hashes[run]) != string(hashes[0]) {
					logs[0].PrintLogs()
					logs[run].PrintLogs()
					t.Fatalf("seed %d: run %d ended with app hash %X, run 1 with %X", seed, run+1, hashes[run], hashes[0])
				}
			}
		})
	}
}

// TestSimImportExport simulates a chain, exports its state at the last
// height, starts a fresh app from the export with InitChain and requires
// every KV store to hold exactly the same state (see requireSameStores). The
// imported chain must satisfy the invariants and go on producing blocks.
func TestSimImportExport(t *testing.T) {
	cfg := simConfig()
	simsx.RunWithSeed(t, cfg, newSimApp, simStateFactory, cfg.Seed, nil,
		func(tb testing.TB, ti simsx.TestInstance[*simApp], _ []simtypes.Account) {
			original := ti.App
			finalizeEmptyBlock(t, original, original.LastBlockHeight()+1)
			exported, err := original.ExportAppStateAndValidators(false, nil, nil)
			require.NoError(t, err)
			if len(exported.Validators) == 0 {
				t.Skip("every validator unbonded during the simulation: nothing to start a chain with")
			}

			imported := simsx.NewSimulationAppInstance(tb, ti.Cfg, newSimApp).App
			_, err = imported.InitChain(&abci.RequestInitChain{
				ChainId:         ti.Cfg.ChainID,
				Time:            original.lastBlockTime,
				InitialHeight:   exported.Height,
				AppStateBytes:   exported.AppState,
				ConsensusParams: &exported.ConsensusParams,
				Validators:      validatorUpdates(t, exported.Validators),
			})
			require.NoError(t, err)

			// Compare the state InitChain wrote, before any block changes it.
			originalCtx := original.NewContextLegacy(true, cmtproto.Header{Height: original.LastBlockHeight()})
			importedCtx := imported.GetContextForFinalizeBlock(nil)
			requireSameStores(t, original.App, originalCtx, imported.App, importedCtx)
			require.NoError(t, imported.invariants.Check(importedCtx))

			// The imported chain runs on, from the original's clock (its end
			// blocker checks the invariants).
			imported.lastBlockTime = original.lastBlockTime
			for height := exported.Height; height < exported.Height+3; height++ {
				finalizeEmptyBlock(t, imported, height)
			}
		})
}

// finalizeEmptyBlock finalizes and commits an empty block at height, 5s after
// the app's last block.
//
// The simulator delivers a block's transactions after its end blocker, so
// the state it leaves behind is one no real chain commits: for instance, the
// staking powers the last end blocker recorded for CometBFT do not yet count
// the last transactions' delegations, and an export from it disagrees with
// itself about the validator set. One more block settles that, as the next
// block would on a real chain.
func finalizeEmptyBlock(t *testing.T, a *simApp, height int64) {
	t.Helper()
	_, err := a.FinalizeBlock(&abci.RequestFinalizeBlock{Height: height, Time: a.lastBlockTime.Add(5 * time.Second)})
	require.NoError(t, err)
	_, err = a.Commit()
	require.NoError(t, err)
}

// TestSimAfterImport simulates a chain, exports it for a restart at height
// zero and simulates a new chain started from that export, with the same
// accounts, checking the invariants after every block.
//
// This is how the SDK simulates after an import: the simulator always starts
// with its own InitChain and its mock CometBFT numbers blocks from 1 (past
// double-sign evidence is looked up by height from 1), so it can continue a
// chain only from a zero-height export, not from one at the last height;
// TestSimImportExport covers that one.
func TestSimAfterImport(t *testing.T) {
	cfg := simConfig()
	simsx.RunWithSeed(t, cfg, newSimApp, simStateFactory, cfg.Seed, nil,
		func(tb testing.TB, ti simsx.TestInstance[*simApp], accs []simtypes.Account) {
			original := ti.App
			finalizeEmptyBlock(t, original, original.LastBlockHeight()+1)
			exported, err := original.ExportAppStateAndValidators(true, nil, nil)
			require.NoError(t, err)
			if len(exported.Validators) == 0 {
				t.Skip("every validator unbonded during the simulation: nothing to start a chain with")
			}

			importCfg := ti.Cfg
			importCfg.GenesisTime = original.lastBlockTime.Unix()
			// The export restarts every unbonding entry at creation height 0,
			// which MsgCancelUnbondingDelegation cannot name (the handler wants a
			// positive height), but the SDK's factory for that message picks
			// such entries anyway and the simulator stops on the failure.
			importCfg.ParamsFile = disableOperations(t, ti.Cfg.ParamsFile, "msg_cancel_unbonding_delegation")
			importedState := func(a *simApp) simsx.SimStateFactory {
				f := simStateFactory(a)
				f.AppStateFn = func(_ *rand.Rand, _ []simtypes.Account, cfg simtypes.Config) (json.RawMessage, []simtypes.Account, string, time.Time) {
					return exported.AppState, accs, cfg.ChainID, time.Unix(cfg.GenesisTime, 0).UTC()
				}
				return f
			}
			sameAccounts := func(*rand.Rand, int) []simtypes.Account { return accs }
			simsx.RunWithSeedAndRandAcc(tb, importCfg, newSimApp, importedState, ti.Cfg.Seed, nil, sameAccounts,
				func(_ testing.TB, imported simsx.TestInstance[*simApp], _ []simtypes.Account) {
					require.Positive(t, imported.App.LastBlockHeight())
					requireInvariants(t, imported.App)
				})
		})
}

// disableOperations returns a simulation params file (-Params) that is
// paramsFile, if given, with the named operations' weights set to zero.
func disableOperations(t *testing.T, paramsFile string, operations ...string) string {
	t.Helper()
	params := map[string]json.RawMessage{}
	if paramsFile != "" {
		bz, err := os.ReadFile(paramsFile)
		require.NoError(t, err)
		require.NoError(t, json.Unmarshal(bz, &params))
	}
	for _, op := range operations {
		params["op_weight_"+op] = json.RawMessage("0")
	}
	bz, err := json.Marshal(params)
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "sim-params.json")
	require.NoError(t, os.WriteFile(path, bz, 0o600))
	return path
}

// TestSimBrokenInvariantStopsSimulation registers an invariant that breaks
// from height 3 and requires the simulation to fail at that block, having
// checked it after blocks 1 and 2: the per-block check can neither be
// skipped nor fail silently.
func TestSimBrokenInvariantStopsSimulation(t *testing.T) {
	cfg := simConfig()
	cfg.NumBlocks, cfg.BlockSize = 6, 5
	var checked []int64
	factory := simAppWith(func(reg *InvariantRegistry) {
		reg.Register("test", "broken-from-height-3", func(ctx sdk.Context) error {
			checked = append(checked, ctx.BlockHeight())
			if ctx.BlockHeight() >= 3 {
				return errors.New("deliberately broken")
			}
			return nil
		})
	})

	tCfg := cfg.With(t, cfg.Seed, nil)
	ti := simsx.NewSimulationAppInstance(t, tCfg, factory)
	state := simStateFactory(ti.App)
	ops := simtestutil.BuildSimulationOperations(ti.App, ti.App.AppCodec(), tCfg, ti.App.TxConfig())
	_, _, err := simulation.SimulateFromSeedX(t, ti.AppLogger, io.Discard, ti.App.GetBaseApp(), state.AppStateFn,
		simtypes.RandomAccounts, ops, state.BlockedAddr, tCfg, state.Codec, ti.ExecLogWriter)

	require.ErrorContains(t, err, "block finalization failed at height 3")
	require.ErrorContains(t, err, "invariant test/broken-from-height-3 broken at height 3: deliberately broken")
	require.Equal(t, []int64{1, 2, 3}, checked)
}

// TestSimulationManager checks which modules take part in simulation, that
// every simulated module's store has a decoder, and that IBC's software
// upgrade proposal is left out (see ibcCoreSimulation).
func TestSimulationManager(t *testing.T) {
	a := newTestApp(t)
	sm := a.SimulationManager()

	var names []string
	for _, m := range sm.Modules {
		named, ok := m.(interface{ Name() string })
		require.True(t, ok, "%T has no name", m)
		names = append(names, named.Name())
	}
	require.Equal(t, []string{
		"auth", "authz", "bank", "datashare", "distribution", "evidence", "feegrant", "funds", "gov", "ibc", "identity", "judicial", "mint", "slashing", "staking", "transfer",
	}, names)

	for _, store := range []string{
		"acc", "authz", "bank", "datashare", "distribution", "evidence", "feegrant", "funds", "gov", "ibc", "identity", "judicial", "mint", "slashing", "staking", "transfer",
	} {
		require.Contains(t, sm.StoreDecoders, store)
	}

	ibcModule := sm.Modules[slices.Index(names, "ibc")].(module.HasProposalMsgs)
	var kept []string
	for _, p := range ibcModule.ProposalMsgs(module.SimulationState{}) {
		kept = append(kept, p.AppParamsKey())
	}
	require.NotEmpty(t, kept)
	require.NotContains(t, kept, ibcsims.OpWeightMsgIBCSoftwareUpgrade)
}
