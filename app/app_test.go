package app

import (
	"bytes"
	"encoding/json"
	"testing"

	dbm "github.com/cosmos/cosmos-db"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/server"
	serverconfig "github.com/cosmos/cosmos-sdk/server/config"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"
)

func TestDefaultGenesisUsesTrustCityDenom(t *testing.T) {
	a := newTestApp(t)
	state := a.DefaultGenesis()
	for _, module := range []string{"staking", "mint", "gov"} {
		require.Contains(t, string(state[module]), `"`+BondDenom+`"`, "module %s", module)
		require.NotContains(t, string(state[module]), `"stake"`, "module %s", module)
	}
	require.NoError(t, a.BasicModuleManager.ValidateGenesis(a.AppCodec(), a.TxConfig(), state))

	var bankGenesis banktypes.GenesisState
	a.AppCodec().MustUnmarshalJSON(state[banktypes.ModuleName], &bankGenesis)
	require.Equal(t, []banktypes.Metadata{DenomMetadata()}, bankGenesis.DenomMetadata)
}

func TestAddressPrefixes(t *testing.T) {
	cfg := sdk.GetConfig()
	require.Equal(t, "tcity", cfg.GetBech32AccountAddrPrefix())
	require.Equal(t, "tcityvaloper", cfg.GetBech32ValidatorAddrPrefix())
	require.Equal(t, "tcityvalcons", cfg.GetBech32ConsensusAddrPrefix())
	require.Equal(t, uint32(118), cfg.GetCoinType())
}

// TestInitChainAndEmptyBlocks starts a chain from the default genesis and
// finalizes empty blocks: every module's begin and end blockers run.
func TestInitChainAndEmptyBlocks(t *testing.T) {
	a := newTestApp(t)
	initChain(t, a, defaultGenesisWithValidator(t, a), 1, nil)
	hash := finalizeEmptyBlocks(t, a, 5)
	require.Equal(t, int64(5), a.LastBlockHeight())
	require.NotEmpty(t, hash)

	// Minting happened, so the blockers really ran.
	ctx := a.NewContext(true)
	minter, err := a.MintKeeper.Minter.Get(ctx)
	require.NoError(t, err)
	require.True(t, minter.AnnualProvisions.IsPositive())
}

// TestExportImport exports the state of a running chain, imports it into fresh
// apps and checks that nothing was lost or changed on the way:
//   - every store of the imported app holds exactly the keys and values of the
//     original (IAVL root hashes cannot be compared across the two, because a
//     tree's hash depends on the versions at which its nodes were written);
//   - exporting the imported state gives back the same genesis;
//   - two independent imports reach the same app hash after the same block.
func TestExportImport(t *testing.T) {
	original := newTestApp(t)
	initChain(t, original, defaultGenesisWithValidator(t, original), 1, nil)
	finalizeEmptyBlocks(t, original, 5)

	exported, err := original.ExportAppStateAndValidators(false, nil, nil)
	require.NoError(t, err)
	require.Equal(t, int64(6), exported.Height)
	require.Len(t, exported.Validators, 1)

	imported := newTestApp(t)
	initChain(t, imported, exported.AppState, exported.Height, validatorUpdates(t, exported.Validators))
	finalizeEmptyBlocks(t, imported, 0)

	// Compare the stores as InitChain wrote them, before any block runs on them.
	importedCtx := imported.GetContextForFinalizeBlock(nil)
	originalCtx := original.NewContext(true)
	requireSameStores(t, original, originalCtx, imported, importedCtx)

	// Round trip: the imported app exports the same genesis.
	_, err = imported.FinalizeBlock(nextBlock(exported.Height))
	require.NoError(t, err)
	_, err = imported.Commit()
	require.NoError(t, err)

	second := newTestApp(t)
	initChain(t, second, exported.AppState, exported.Height, validatorUpdates(t, exported.Validators))
	res, err := second.FinalizeBlock(nextBlock(exported.Height))
	require.NoError(t, err)
	_, err = second.Commit()
	require.NoError(t, err)
	require.Equal(t, imported.LastCommitID().Hash, second.LastCommitID().Hash)
	require.Equal(t, imported.LastCommitID().Hash, res.AppHash)

	reexported, err := second.ExportAppStateAndValidators(false, nil, nil)
	require.NoError(t, err)
	require.Equal(t, exported.Validators, reexported.Validators)
	requireSameModules(t, exported.AppState, reexported.AppState)
}

// notExported lists, per store, the key prefixes that genesis export leaves out
// by design. Both are per-block records of staking: the historical info kept for
// IBC light clients, and the validator updates of the last end block.
var notExported = map[string][][]byte{
	stakingtypes.StoreKey: {stakingtypes.HistoricalInfoKey, stakingtypes.ValidatorUpdatesKey},
}

// storeEntries returns a store's keys and values in order, outside the skipped prefixes.
func storeEntries(s storetypes.KVStore, skip [][]byte) (keys, values [][]byte) {
	it := s.Iterator(nil, nil)
	defer it.Close()
next:
	for ; it.Valid(); it.Next() {
		for _, prefix := range skip {
			if bytes.HasPrefix(it.Key(), prefix) {
				continue next
			}
		}
		keys = append(keys, it.Key())
		values = append(values, it.Value())
	}
	return keys, values
}

// requireSameModules checks that two exported app states hold the same modules.
func requireSameModules(t *testing.T, a, b json.RawMessage) {
	t.Helper()
	var sa, sb map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(a, &sa))
	require.NoError(t, json.Unmarshal(b, &sb))
	require.Len(t, sb, len(sa))
	for module := range sa {
		require.Contains(t, sb, module)
	}
}

// TestZeroHeightExport exports for a new chain at height zero, jailing the
// validators not in the allow list, and starts a new chain from it.
func TestZeroHeightExport(t *testing.T) {
	original := newTestApp(t)
	initChain(t, original, defaultGenesisWithValidator(t, original), 1, nil)
	finalizeEmptyBlocks(t, original, 5)

	ctx := original.NewContext(true)
	validators, err := original.StakingKeeper.GetAllValidators(ctx)
	require.NoError(t, err)
	require.Len(t, validators, 1)

	_, err = original.ExportAppStateAndValidators(true, []string{"tcity1notavalidator"}, nil)
	require.ErrorContains(t, err, "jail allow list")

	exported, err := original.ExportAppStateAndValidators(true, []string{validators[0].OperatorAddress}, nil)
	require.NoError(t, err)
	require.Equal(t, int64(0), exported.Height)
	require.Len(t, exported.Validators, 1)

	restarted := newTestApp(t)
	initChain(t, restarted, exported.AppState, 1, validatorUpdates(t, exported.Validators))
	finalizeEmptyBlocks(t, restarted, 3)
	require.Equal(t, int64(3), restarted.LastBlockHeight())

	// Distribution was settled into the community pool before the export.
	feePool, err := restarted.DistrKeeper.FeePool.Get(restarted.NewContext(true))
	require.NoError(t, err)
	require.True(t, feePool.CommunityPool.IsAllPositive())
}

// TestBlockSTMExecutor starts the app with the node's block-executor option set
// to Block-STM and finalizes blocks with it.
func TestBlockSTMExecutor(t *testing.T) {
	opts := simtestutil.AppOptionsMap{server.FlagBlockExecutor: serverconfig.BlockExecutorBlockSTM, flags.FlagHome: t.TempDir()}
	a := New(log.NewNopLogger(), dbm.NewMemDB(), true, opts, baseapp.SetChainID(testChainID))
	initChain(t, a, defaultGenesisWithValidator(t, a), 1, nil)
	finalizeEmptyBlocks(t, a, 3)
	require.Equal(t, int64(3), a.LastBlockHeight())
}
