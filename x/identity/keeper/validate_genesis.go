package keeper

import (
	"fmt"

	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	dbm "github.com/cosmos/cosmos-db"

	"cosmossdk.io/core/address"
	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/runtime"
	"github.com/cosmos/cosmos-sdk/store/v2"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/trustcity/trustcity/x/identity/types"
)

// ValidateGenesis runs InitGenesis against a scratch in-memory store and
// returns its first error: the genesis is valid exactly when the chain
// could start from it.
func ValidateGenesis(cdc codec.BinaryCodec, addressCodec address.Codec, gs *types.GenesisState) error {
	key := storetypes.NewKVStoreKey(types.StoreKey)
	db := dbm.NewMemDB()
	cms := store.NewCommitMultiStore(db, log.NewNopLogger())
	cms.MountStoreWithDB(key, storetypes.StoreTypeIAVL, db)
	if err := cms.LoadLatestVersion(); err != nil {
		return fmt.Errorf("%s genesis: scratch store: %w", types.ModuleName, err)
	}
	authority, err := addressCodec.BytesToString(authtypes.NewModuleAddress(types.ModuleName))
	if err != nil {
		return err
	}
	k := NewKeeper(cdc, runtime.NewKVStoreService(key), addressCodec, authority)
	ctx := sdk.NewContext(cms.CacheMultiStore(), cmtproto.Header{}, false, log.NewNopLogger())
	if err := k.InitGenesis(ctx, gs); err != nil {
		return fmt.Errorf("%s genesis: %w", types.ModuleName, err)
	}
	return nil
}
