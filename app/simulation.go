package app

import (
	"github.com/cosmos/cosmos-sdk/types/module"
	simtypes "github.com/cosmos/cosmos-sdk/types/simulation"
	"github.com/cosmos/cosmos-sdk/x/auth"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	ibc "github.com/cosmos/ibc-go/v11/modules/core"
	ibcexported "github.com/cosmos/ibc-go/v11/modules/core/exported"
	ibcsims "github.com/cosmos/ibc-go/v11/modules/core/simulation"
)

// newSimulationManager returns the simulation manager over every module of
// the module manager that supports simulation, with their store decoders
// registered. The simulation tests (sim_test.go) drive the whole
// application with it: randomised genesis, random messages and governance
// proposals, and the decoders that print differing store entries readably.
//
// What takes part, and why the rest does not:
//   - auth, authz, bank, distribution, evidence, feegrant, gov, mint,
//     slashing and staking simulate fully (genesis, messages, proposals).
//     auth is overridden to generate base accounts only, see
//     randomGenesisAccounts.
//   - ibc (core) and transfer randomise their genesis and decode their stores
//     but send no messages: a single simulated chain has no counterparty, so
//     there is nothing to relay. Core's governance proposals are kept except
//     its software upgrade, see ibcCoreSimulation.
//   - 07-tendermint, consensus, genutil and upgrade have no simulation
//     support in the SDK or ibc-go: their state comes from genesis (the
//     simulator's InitChain randomises the consensus params) and no
//     simulated message changes it.
func (app *App) newSimulationManager() *module.SimulationManager {
	ibcModule, ok := app.ModuleManager.Modules[ibcexported.ModuleName].(ibc.AppModule)
	if !ok {
		panic("simulation manager: the module manager has no IBC core module")
	}
	sm := module.NewSimulationManagerFromAppModules(app.ModuleManager.Modules, map[string]module.AppModuleSimulation{
		authtypes.ModuleName:   auth.NewAppModule(app.appCodec, app.AccountKeeper, randomGenesisAccounts, nil),
		ibcexported.ModuleName: ibcCoreSimulation{ibcModule},
	})
	sm.RegisterStoreDecoders()
	return sm
}

// SimulationManager returns the application's simulation manager
// (runtime.AppI, and simsx.SimulationApp through it).
func (app *App) SimulationManager() *module.SimulationManager { return app.sm }

// randomGenesisAccounts gives every simulated genesis account a plain
// BaseAccount. The SDK's generator (authsims.RandomGenesisAccounts) also
// makes vesting accounts, but TrustCity does not include x/auth/vesting, so
// their types are not registered and such a genesis cannot even be encoded.
func randomGenesisAccounts(simState *module.SimulationState) authtypes.GenesisAccounts {
	accounts := make(authtypes.GenesisAccounts, len(simState.Accounts))
	for i, acc := range simState.Accounts {
		accounts[i] = authtypes.NewBaseAccountWithAddress(acc.Address)
	}
	return accounts
}

// ibcCoreSimulation is IBC core's simulation without the governance proposal
// MsgIBCSoftwareUpgrade. ibc-go's generator schedules a plan named "upgrade"
// at the fixed height 100; if simulated governance passes it before then,
// the upgrade module stops the chain at height 100 (as it must: this binary
// has no handler of that name), so any run longer than 100 blocks could fail
// for a reason that is not a bug. Core's other proposals (parameter updates, client
// recovery) are harmless and stay.
type ibcCoreSimulation struct {
	ibc.AppModule
}

// ProposalMsgs returns IBC core's governance proposals minus the software upgrade.
func (m ibcCoreSimulation) ProposalMsgs(simState module.SimulationState) []simtypes.WeightedProposalMsg {
	var kept []simtypes.WeightedProposalMsg
	for _, p := range m.AppModule.ProposalMsgs(simState) {
		if p.AppParamsKey() != ibcsims.OpWeightMsgIBCSoftwareUpgrade {
			kept = append(kept, p)
		}
	}
	return kept
}
