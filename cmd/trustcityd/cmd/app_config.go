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

// initCometConfig returns the CometBFT defaults of a new node. When it writes
// a new config.toml, the SDK raises the commit timeout to 5 s (blocks every
// ~5 s); local networks lower it to 1 s.
func initCometConfig() *cmtcfg.Config {
	return cmtcfg.DefaultConfig()
}
