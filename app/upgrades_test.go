package app

import (
	"context"
	"testing"

	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/types/module"
	upgradetypes "github.com/cosmos/cosmos-sdk/x/upgrade/types"

	"github.com/trustcity/trustcity/app/upgrades"
)

func TestRegisterUpgradesRejectsBadNames(t *testing.T) {
	a := newTestApp(t)
	noop := upgrades.Upgrade{Name: "v2", CreateHandler: upgrades.RunMigrations}
	require.Panics(t, func() { a.registerUpgrades([]upgrades.Upgrade{noop, noop}) })
	require.Panics(t, func() { a.registerUpgrades([]upgrades.Upgrade{{CreateHandler: upgrades.RunMigrations}}) })
}

// TestScheduledUpgradeRunsItsHandler schedules a plan and checks that the
// registered handler runs at the plan's height, through the PreBlocker, and
// that the module migrations it runs see the versions recorded at genesis.
func TestScheduledUpgradeRunsItsHandler(t *testing.T) {
	a := newTestApp(t)
	initChain(t, a, defaultGenesisWithValidator(t, a), 1, nil)
	finalizeEmptyBlocks(t, a, 2)

	// The old binary: governance schedules the plan during block 3.
	_, err := a.FinalizeBlock(nextBlock(3))
	require.NoError(t, err)
	ctx := a.NewUncachedContext(false, cmtproto.Header{Height: 3, Time: genesisTime})
	require.NoError(t, a.UpgradeKeeper.ScheduleUpgrade(ctx, upgradetypes.Plan{Name: "v2", Height: 5}))
	_, err = a.Commit()
	require.NoError(t, err)

	// The old binary runs up to the block before the plan's height. A node
	// with the handler already registered would refuse to run that block.
	finalizeEmptyBlocks(t, a, 1)

	// The new binary registers the handler and runs the block at the plan's height.
	var ranAt int64
	var fromVersions module.VersionMap
	a.registerUpgrades([]upgrades.Upgrade{{
		Name: "v2",
		CreateHandler: func(mm *module.Manager, cfg module.Configurator) upgradetypes.UpgradeHandler {
			run := upgrades.RunMigrations(mm, cfg)
			return func(ctx context.Context, plan upgradetypes.Plan, vm module.VersionMap) (module.VersionMap, error) {
				ranAt, fromVersions = plan.Height, vm
				return run(ctx, plan, vm)
			}
		},
	}})
	require.True(t, a.UpgradeKeeper.HasHandler("v2"))
	finalizeEmptyBlocks(t, a, 1)

	require.Equal(t, int64(5), ranAt)
	require.Equal(t, a.ModuleManager.GetVersionMap(), fromVersions)
	done, err := a.UpgradeKeeper.GetDoneHeight(a.NewContext(true), "v2")
	require.NoError(t, err)
	require.Equal(t, int64(5), done)
}
