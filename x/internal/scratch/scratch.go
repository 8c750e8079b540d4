// Package scratch gives genesis validation a throw-away store: a module's
// ValidateGenesis imports the genesis into it with the code InitGenesis
// runs, so `genesis validate` rejects exactly what would stop the chain.
package scratch

import (
	"fmt"

	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	dbm "github.com/cosmos/cosmos-db"

	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/store/v2"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Context returns a context over a fresh in-memory store with key mounted.
func Context(key *storetypes.KVStoreKey) (sdk.Context, error) {
	db := dbm.NewMemDB()
	cms := store.NewCommitMultiStore(db, log.NewNopLogger())
	cms.MountStoreWithDB(key, storetypes.StoreTypeIAVL, db)
	if err := cms.LoadLatestVersion(); err != nil {
		return sdk.Context{}, fmt.Errorf("scratch store: %w", err)
	}
	return sdk.NewContext(cms.CacheMultiStore(), cmtproto.Header{}, false, log.NewNopLogger()), nil
}
