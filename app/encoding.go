package app

import (
	"github.com/cosmos/gogoproto/proto"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/codec/address"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/std"
	authtx "github.com/cosmos/cosmos-sdk/x/auth/tx"
	"github.com/cosmos/cosmos-sdk/x/tx/signing"
)

// EncodingConfig bundles the codecs the application and its clients share.
type EncodingConfig struct {
	InterfaceRegistry codectypes.InterfaceRegistry
	Codec             codec.Codec
	TxConfig          client.TxConfig
	Amino             *codec.LegacyAmino
}

// MakeEncodingConfig builds the codecs with TrustCity's address codecs and the
// SDK's standard types. The modules register their own interfaces when the
// module manager is built (see modules.go), so clients take the codecs from an
// App instance rather than from here.
func MakeEncodingConfig() EncodingConfig {
	registry, err := codectypes.NewInterfaceRegistryWithOptions(codectypes.InterfaceRegistryOptions{
		ProtoFiles: proto.HybridResolver,
		SigningOptions: signing.Options{
			AddressCodec:          address.NewBech32Codec(Bech32Prefix),
			ValidatorAddressCodec: address.NewBech32Codec(Bech32PrefixValAddr),
		},
	})
	if err != nil {
		panic(err)
	}
	cdc := codec.NewProtoCodec(registry)
	amino := codec.NewLegacyAmino()

	std.RegisterLegacyAminoCodec(amino)
	std.RegisterInterfaces(registry)

	return EncodingConfig{
		InterfaceRegistry: registry,
		Codec:             cdc,
		TxConfig:          authtx.NewTxConfig(cdc, authtx.DefaultSignModes),
		Amino:             amino,
	}
}
