package app

import (
	"os"
	"path/filepath"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

const (
	// Name is the application name reported over ABCI and used for the home directory.
	Name = "trustcity"

	// Bech32Prefix is the human-readable part of every TrustCity account address.
	Bech32Prefix = "tcity"

	// BondDenom is the base denomination used for staking and fees (display TCITY, 6 decimals).
	BondDenom = "utcity"

	// DisplayDenom is the denomination wallets show to people.
	DisplayDenom = "TCITY"

	// CoinType is the BIP-44 coin type of TrustCity keys. 118 is the Cosmos Hub's, so
	// Ledger's Cosmos app and existing wallets derive the same keys.
	CoinType = 118
)

// Bech32 prefixes derived from Bech32Prefix, following the SDK's conventions.
const (
	Bech32PrefixAccPub   = Bech32Prefix + sdk.PrefixPublic
	Bech32PrefixValAddr  = Bech32Prefix + sdk.PrefixValidator + sdk.PrefixOperator
	Bech32PrefixValPub   = Bech32Prefix + sdk.PrefixValidator + sdk.PrefixOperator + sdk.PrefixPublic
	Bech32PrefixConsAddr = Bech32Prefix + sdk.PrefixValidator + sdk.PrefixConsensus
	Bech32PrefixConsPub  = Bech32Prefix + sdk.PrefixValidator + sdk.PrefixConsensus + sdk.PrefixPublic
)

// DefaultNodeHome is the default home directory of trustcityd (~/.trustcity).
var DefaultNodeHome string

func init() {
	userHome, err := os.UserHomeDir()
	if err != nil {
		userHome = "."
	}
	DefaultNodeHome = filepath.Join(userHome, "."+Name)

	// Every default genesis produced by the SDK modules (staking, mint, gov) reads
	// the bond denom from here, so set it before any genesis is generated.
	sdk.DefaultBondDenom = BondDenom
	SetAddressConfig()
}

// SetAddressConfig sets the process-wide bech32 prefixes and coin type. The SDK's
// global config is still read by some client code (key derivation, legacy JSON,
// genesis helpers), so importing this package sets it once, before any address is
// printed. Keepers never depend on it: they receive address codecs explicitly.
func SetAddressConfig() {
	cfg := sdk.GetConfig()
	if cfg.GetBech32AccountAddrPrefix() == Bech32Prefix {
		return
	}
	cfg.SetBech32PrefixForAccount(Bech32Prefix, Bech32PrefixAccPub)
	cfg.SetBech32PrefixForValidator(Bech32PrefixValAddr, Bech32PrefixValPub)
	cfg.SetBech32PrefixForConsensusNode(Bech32PrefixConsAddr, Bech32PrefixConsPub)
	cfg.SetCoinType(CoinType)
	cfg.SetPurpose(sdk.Purpose)
}
