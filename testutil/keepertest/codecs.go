package keepertest

import (
	"cosmossdk.io/core/address"

	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"

	"github.com/trustcity/trustcity/app"
)

// AddressCodec encodes account addresses as tcity1…; keepers receive it
// instead of reading the SDK's global bech32 configuration.
func AddressCodec() address.Codec { return addresscodec.NewBech32Codec(app.Bech32Prefix) }

// ValidatorAddressCodec encodes validator operator addresses as tcityvaloper1….
func ValidatorAddressCodec() address.Codec {
	return addresscodec.NewBech32Codec(app.Bech32PrefixValAddr)
}

// ConsensusAddressCodec encodes consensus addresses as tcityvalcons1….
func ConsensusAddressCodec() address.Codec {
	return addresscodec.NewBech32Codec(app.Bech32PrefixConsAddr)
}

// Authority returns the address every TrustCity keeper takes as its
// authority: the gov module account, so parameter changes need a proposal.
func Authority() string {
	s, err := AddressCodec().BytesToString(authtypes.NewModuleAddress(govtypes.ModuleName))
	if err != nil {
		panic(err) // a module address always encodes
	}
	return s
}
