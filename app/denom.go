package app

import (
	"encoding/json"

	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/x/bank"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
)

// DenomMetadata describes the staking and fee token to wallets and explorers:
// base unit utcity, display unit TCITY = 10^6 utcity.
func DenomMetadata() banktypes.Metadata {
	return banktypes.Metadata{
		Description: "The staking and fee token of TrustCity.",
		DenomUnits: []*banktypes.DenomUnit{
			{Denom: BondDenom, Exponent: 0, Aliases: []string{"microtcity"}},
			{Denom: "mtcity", Exponent: 3, Aliases: []string{"millitcity"}},
			{Denom: "tcity", Exponent: 6, Aliases: []string{DisplayDenom}},
		},
		Base:    BondDenom,
		Display: "tcity",
		Name:    "TrustCity",
		Symbol:  DisplayDenom,
	}
}

// bankModuleBasic is the bank module's entry in the basic manager: the same,
// except that its default genesis carries the token's denom metadata, so every
// genesis written by `trustcityd init` or `trustcityd testnet` has it.
type bankModuleBasic struct {
	bank.AppModuleBasic
}

// DefaultGenesis returns the bank module's default genesis with DenomMetadata.
func (b bankModuleBasic) DefaultGenesis(cdc codec.JSONCodec) json.RawMessage {
	state := banktypes.DefaultGenesisState()
	state.DenomMetadata = []banktypes.Metadata{DenomMetadata()}
	return cdc.MustMarshalJSON(state)
}
