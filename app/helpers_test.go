package app

import (
	"encoding/json"
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	cmttypes "github.com/cometbft/cometbft/types"
	dbm "github.com/cosmos/cosmos-db"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/log/v2"
	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
)

const testChainID = "trustcity-test-1"

// genesisTime is fixed so every app built by these tests sees the same blocks.
var genesisTime = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// newTestApp returns an app over a fresh in-memory database, at genesis.
func newTestApp(t *testing.T) *App {
	t.Helper()
	return New(log.NewNopLogger(), dbm.NewMemDB(), true, simtestutil.NewAppOptionsWithFlagHome(t.TempDir()), baseapp.SetChainID(testChainID))
}

// consensusParams are the consensus params of the test chain.
func consensusParams() *cmtproto.ConsensusParams {
	params := *simtestutil.DefaultConsensusParams
	params.Authority = &cmtproto.AuthorityParams{Authority: authority()}
	return &params
}

// defaultGenesisWithValidator returns the default genesis with one bonded
// validator and one funded account.
func defaultGenesisWithValidator(t *testing.T, a *App) []byte {
	t.Helper()
	valSet, err := simtestutil.CreateRandomValidatorSet()
	require.NoError(t, err)
	acc := authtypes.NewBaseAccount(sdk.AccAddress(secp256k1.GenPrivKey().PubKey().Address()), nil, 0, 0)
	balance := banktypes.Balance{
		Address: acc.GetAddress().String(),
		Coins:   sdk.NewCoins(sdk.NewCoin(BondDenom, math.NewInt(100_000_000_000_000))),
	}
	state, err := simtestutil.GenesisStateWithValSet(a.AppCodec(), a.DefaultGenesis(), valSet, []authtypes.GenesisAccount{acc}, balance)
	require.NoError(t, err)
	bz, err := json.Marshal(state)
	require.NoError(t, err)
	return bz
}

// initChain runs InitChain with appState starting at initialHeight.
func initChain(t *testing.T, a *App, appState []byte, initialHeight int64, validators []abci.ValidatorUpdate) *abci.ResponseInitChain {
	t.Helper()
	res, err := a.InitChain(&abci.RequestInitChain{
		ChainId:         testChainID,
		Time:            genesisTime,
		InitialHeight:   initialHeight,
		AppStateBytes:   appState,
		ConsensusParams: consensusParams(),
		Validators:      validators,
	})
	require.NoError(t, err)
	return res
}

// nextBlock returns the request finalizing an empty block at height.
func nextBlock(height int64) *abci.RequestFinalizeBlock {
	return &abci.RequestFinalizeBlock{
		Height: height,
		Time:   genesisTime.Add(time.Duration(height) * 5 * time.Second),
	}
}

// finalizeEmptyBlocks finalizes and commits n empty blocks after the last
// committed height and returns the last app hash.
func finalizeEmptyBlocks(t *testing.T, a *App, n int) []byte {
	t.Helper()
	var hash []byte
	for i := 0; i < n; i++ {
		res, err := a.FinalizeBlock(nextBlock(a.LastBlockHeight() + 1))
		require.NoError(t, err)
		_, err = a.Commit()
		require.NoError(t, err)
		hash = res.AppHash
	}
	return hash
}

// validatorUpdates converts exported genesis validators to ABCI updates.
func validatorUpdates(t *testing.T, vals []cmttypes.GenesisValidator) []abci.ValidatorUpdate {
	t.Helper()
	updates := make([]abci.ValidatorUpdate, len(vals))
	for i, v := range vals {
		updates[i] = abci.UpdateValidator(v.PubKey.Bytes(), v.Power, v.PubKey.Type())
	}
	return updates
}
