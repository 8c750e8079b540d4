package app

import (
	"encoding/json"
)

// GenesisState is the application's genesis state: each module's JSON keyed by
// module name.
type GenesisState map[string]json.RawMessage

// DefaultGenesis returns the default genesis of every module. Denominations
// come from sdk.DefaultBondDenom, which this package sets to BondDenom.
func (app *App) DefaultGenesis() GenesisState {
	return app.BasicModuleManager.DefaultGenesis(app.appCodec)
}
