package cmd

import (
	cmtcfg "github.com/cometbft/cometbft/config"

	serverconfig "github.com/cosmos/cosmos-sdk/server/config"

	"github.com/trustcity/trustcity/app"
)

// DefaultMinGasPrices is the minimum gas price a new node accepts. Operators
// change it in app.toml; local networks set it to zero.
const DefaultMinGasPrices = "0.001" + app.BondDenom

// initAppConfig returns the app.toml template and defaults of a new node.
func initAppConfig() (string, any) {
	cfg := serverconfig.DefaultConfig()
	cfg.MinGasPrices = DefaultMinGasPrices
	return serverconfig.DefaultConfigTemplate, cfg
}

// initCometConfig returns the CometBFT defaults of a new node (one-second
// commit timeout, in-process ABCI).
func initCometConfig() *cmtcfg.Config {
	return cmtcfg.DefaultConfig()
}
