package app

import (
	"fmt"

	upgradetypes "github.com/cosmos/cosmos-sdk/x/upgrade/types"

	"github.com/trustcity/trustcity/app/upgrades"
)

// Upgrades lists every named upgrade this binary can run, oldest first. A new
// release appends its upgrades.Upgrade here; nothing else needs to change.
var Upgrades = []upgrades.Upgrade{}

// registerUpgrades registers each upgrade's handler with x/upgrade and, when
// the chain halted for one of them at the last height, sets the store loader
// that applies its store changes before the state is loaded.
func (app *App) registerUpgrades(list []upgrades.Upgrade) {
	seen := make(map[string]bool, len(list))
	for _, u := range list {
		if u.Name == "" || seen[u.Name] {
			panic(fmt.Errorf("upgrade list: empty or duplicate name %q", u.Name))
		}
		seen[u.Name] = true
		app.UpgradeKeeper.SetUpgradeHandler(u.Name, u.CreateHandler(app.ModuleManager, app.configurator))
	}

	plan, err := app.UpgradeKeeper.ReadUpgradeInfoFromDisk()
	if err != nil {
		panic(fmt.Errorf("reading upgrade info from disk: %w", err))
	}
	if plan.Name == "" || app.UpgradeKeeper.IsSkipHeight(plan.Height) {
		return
	}
	for _, u := range list {
		if u.Name == plan.Name {
			storeUpgrades := u.StoreUpgrades
			app.SetStoreLoader(upgradetypes.UpgradeStoreLoader(plan.Height, &storeUpgrades))
			return
		}
	}
}
