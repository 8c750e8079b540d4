// Package scratch gives genesis validation a throw-away store: a module's
// ValidateGenesis imports the genesis into it with the code InitGenesis
// runs, so `genesis validate` rejects exactly what would stop the chain.
package scratch

import (
	"fmt"

	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	dbm "github.com/cosmos/cosmos-db"

	"cosmossdk.io/core/address"
	corestore "cosmossdk.io/core/store"
	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/runtime"
	"github.com/cosmos/cosmos-sdk/store/v2"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
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

// Import runs a module's genesis import against a fresh in-memory store
// mounted under storeKey, the authority being the module account of
// moduleName, and returns its first error: a genesis is valid exactly when
// the chain could start from it.
func Import(storeKey, moduleName string, addressCodec address.Codec, run func(ctx sdk.Context, store corestore.KVStoreService, authority string) error) error {
	key := storetypes.NewKVStoreKey(storeKey)
	ctx, err := Context(key)
	if err != nil {
		return fmt.Errorf("%s genesis: %w", moduleName, err)
	}
	authority, err := addressCodec.BytesToString(authtypes.NewModuleAddress(moduleName))
	if err != nil {
		return err
	}
	if err := run(ctx, runtime.NewKVStoreService(key), authority); err != nil {
		return fmt.Errorf("%s genesis: %w", moduleName, err)
	}
	return nil
}
