package keeper

import (
	"cosmossdk.io/core/address"
	corestore "cosmossdk.io/core/store"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/trustcity/trustcity/x/funds/types"
	"github.com/trustcity/trustcity/x/internal/scratch"
)

// moduleAddresses derives module account addresses without x/auth.
type moduleAddresses struct{}

func (moduleAddresses) GetModuleAddress(name string) sdk.AccAddress {
	return authtypes.NewModuleAddress(name)
}

// ValidateGenesis runs InitGenesis against a scratch in-memory store and
// returns its first error. Without x/identity and x/bank on the scratch
// store, departments are checked by form only and the escrow balance is not
// compared; everything the module holds itself is checked exactly as at
// chain start.
func ValidateGenesis(cdc codec.BinaryCodec, addressCodec address.Codec, gs *types.GenesisState) error {
	return scratch.Import(types.StoreKey, types.ModuleName, addressCodec, func(ctx sdk.Context, store corestore.KVStoreService, authority string) error {
		return NewKeeper(cdc, store, addressCodec, authority, nil, nil, nil, moduleAddresses{}, nil).InitGenesis(ctx, gs)
	})
}
