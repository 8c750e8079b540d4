package keeper

import (
	"cosmossdk.io/core/address"
	corestore "cosmossdk.io/core/store"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/datashare/types"
	"github.com/trustcity/trustcity/x/internal/scratch"
)

// ValidateGenesis runs InitGenesis against a scratch in-memory store and
// returns its first error. Without x/identity on the scratch store, owners
// and subjects are not looked up there; everything the module holds itself
// is checked exactly as at chain start.
func ValidateGenesis(cdc codec.BinaryCodec, addressCodec address.Codec, gs *types.GenesisState) error {
	return scratch.Import(types.StoreKey, types.ModuleName, addressCodec, func(ctx sdk.Context, store corestore.KVStoreService, authority string) error {
		return NewKeeper(cdc, store, addressCodec, authority, nil).InitGenesis(ctx, gs)
	})
}
