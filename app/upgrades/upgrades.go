// Package upgrades defines what a named software upgrade of TrustCity consists
// of. Each release that changes state adds one Upgrade value (in its own file
// or package) to app.Upgrades; the app registers them all in one place.
package upgrades

import (
	"context"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	"github.com/cosmos/cosmos-sdk/types/module"
	upgradetypes "github.com/cosmos/cosmos-sdk/x/upgrade/types"
)

// Upgrade is one named, governance-scheduled software upgrade.
type Upgrade struct {
	// Name matches the name of the x/upgrade plan that triggers it.
	Name string
	// StoreUpgrades lists the stores the new binary adds, renames or deletes.
	StoreUpgrades storetypes.StoreUpgrades
	// CreateHandler returns the handler run at the upgrade height. It receives
	// the module manager and configurator so it can run module migrations.
	CreateHandler func(mm *module.Manager, configurator module.Configurator) upgradetypes.UpgradeHandler
}

// RunMigrations returns the default handler: run every module's registered
// migrations from the versions recorded in state to the binary's versions.
func RunMigrations(mm *module.Manager, configurator module.Configurator) upgradetypes.UpgradeHandler {
	return func(ctx context.Context, _ upgradetypes.Plan, fromVM module.VersionMap) (module.VersionMap, error) {
		return mm.RunMigrations(ctx, configurator, fromVM)
	}
}
