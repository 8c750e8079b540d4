package keeper

import (
	"cosmossdk.io/core/address"
	corestore "cosmossdk.io/core/store"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/evidence/types"
	"github.com/trustcity/trustcity/x/internal/scratch"
)

// ValidateGenesis runs InitGenesis against a scratch in-memory store and
// returns its first error: the genesis is valid exactly when the chain could
// start from it.
func ValidateGenesis(cdc codec.BinaryCodec, addressCodec address.Codec, gs *types.GenesisState) error {
	return scratch.Import(types.StoreKey, types.ModuleName, addressCodec, func(ctx sdk.Context, store corestore.KVStoreService, authority string) error {
		return NewKeeper(cdc, store, addressCodec, authority, nil, nil).InitGenesis(ctx, gs)
	})
}
