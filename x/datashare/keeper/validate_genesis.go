package keeper

import (
	"fmt"

	"cosmossdk.io/core/address"

	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/runtime"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/trustcity/trustcity/x/datashare/types"
	"github.com/trustcity/trustcity/x/internal/scratch"
)

// ValidateGenesis runs InitGenesis against a scratch in-memory store and
// returns its first error. Without x/identity on the scratch store, owners
// and subjects are not looked up there; everything the module holds itself
// is checked exactly as at chain start.
func ValidateGenesis(cdc codec.BinaryCodec, addressCodec address.Codec, gs *types.GenesisState) error {
	key := storetypes.NewKVStoreKey(types.StoreKey)
	ctx, err := scratch.Context(key)
	if err != nil {
		return fmt.Errorf("%s genesis: %w", types.ModuleName, err)
	}
	authority, err := addressCodec.BytesToString(authtypes.NewModuleAddress(types.ModuleName))
	if err != nil {
		return err
	}
	k := NewKeeper(cdc, runtime.NewKVStoreService(key), addressCodec, authority, nil)
	return k.InitGenesis(ctx, gs)
}
