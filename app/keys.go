package app

import (
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	"github.com/cosmos/cosmos-sdk/x/authz"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	consensustypes "github.com/cosmos/cosmos-sdk/x/consensus/types"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"
	evidencetypes "github.com/cosmos/cosmos-sdk/x/evidence/types"
	"github.com/cosmos/cosmos-sdk/x/feegrant"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	minttypes "github.com/cosmos/cosmos-sdk/x/mint/types"
	slashingtypes "github.com/cosmos/cosmos-sdk/x/slashing/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"
	upgradetypes "github.com/cosmos/cosmos-sdk/x/upgrade/types"

	ibctransfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"
	ibcexported "github.com/cosmos/ibc-go/v11/modules/core/exported"

	datasharetypes "github.com/trustcity/trustcity/x/datashare/types"
	judicialtypes "github.com/trustcity/trustcity/x/evidence/types"
	fundstypes "github.com/trustcity/trustcity/x/funds/types"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

// storeKeyNames lists every KV store the application mounts. A module added by a
// later release also needs a store upgrade (see upgrades.go) that adds its key.
var storeKeyNames = []string{
	authtypes.StoreKey,
	authz.ModuleName,
	banktypes.StoreKey,
	consensustypes.StoreKey,
	distrtypes.StoreKey,
	evidencetypes.StoreKey,
	feegrant.StoreKey,
	govtypes.StoreKey,
	minttypes.StoreKey,
	slashingtypes.StoreKey,
	stakingtypes.StoreKey,
	upgradetypes.StoreKey,
	ibcexported.StoreKey,
	ibctransfertypes.StoreKey,

	identitytypes.StoreKey,
	judicialtypes.StoreKey,
	datasharetypes.StoreKey,
	fundstypes.StoreKey,
}

// newStoreKeys creates the KV store keys of every module.
func newStoreKeys() map[string]*storetypes.KVStoreKey {
	return storetypes.NewKVStoreKeys(storeKeyNames...)
}

// newObjectStoreKeys creates the per-block object stores. Bank keeps its
// block's balance changes there so parallel execution (Block-STM) can merge them.
func newObjectStoreKeys() map[string]*storetypes.ObjectStoreKey {
	return storetypes.NewObjectStoreKeys(banktypes.ObjectStoreKey)
}

// moduleAccountPermissions lists the module accounts and what each may do with coins.
var moduleAccountPermissions = map[string][]string{
	authtypes.FeeCollectorName:     nil,
	distrtypes.ModuleName:          nil,
	minttypes.ModuleName:           {authtypes.Minter},
	stakingtypes.BondedPoolName:    {authtypes.Burner, authtypes.Staking},
	stakingtypes.NotBondedPoolName: {authtypes.Burner, authtypes.Staking},
	govtypes.ModuleName:            {authtypes.Burner},
	ibctransfertypes.ModuleName:    {authtypes.Minter, authtypes.Burner},
	fundstypes.ModuleName:          nil, // the programs' escrow
}

// ModuleAccountPermissions returns a copy of the module account permissions.
func ModuleAccountPermissions() map[string][]string {
	perms := make(map[string][]string, len(moduleAccountPermissions))
	for name, p := range moduleAccountPermissions {
		perms[name] = append([]string(nil), p...)
	}
	return perms
}

// BlockedAddresses returns the module accounts that may not receive coins through
// bank sends. The gov module account is left open so proposals can be funded.
func BlockedAddresses() map[string]bool {
	blocked := make(map[string]bool, len(moduleAccountPermissions))
	for name := range moduleAccountPermissions {
		blocked[authtypes.NewModuleAddress(name).String()] = true
	}
	delete(blocked, authtypes.NewModuleAddress(govtypes.ModuleName).String())
	return blocked
}
