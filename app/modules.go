package app

import (
	"github.com/cosmos/cosmos-sdk/types/module"
	"github.com/cosmos/cosmos-sdk/x/auth"
	authsims "github.com/cosmos/cosmos-sdk/x/auth/simulation"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	"github.com/cosmos/cosmos-sdk/x/authz"
	authzmodule "github.com/cosmos/cosmos-sdk/x/authz/module"
	"github.com/cosmos/cosmos-sdk/x/bank"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	"github.com/cosmos/cosmos-sdk/x/consensus"
	consensustypes "github.com/cosmos/cosmos-sdk/x/consensus/types"
	distr "github.com/cosmos/cosmos-sdk/x/distribution"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"
	"github.com/cosmos/cosmos-sdk/x/evidence"
	evidencetypes "github.com/cosmos/cosmos-sdk/x/evidence/types"
	"github.com/cosmos/cosmos-sdk/x/feegrant"
	feegrantmodule "github.com/cosmos/cosmos-sdk/x/feegrant/module"
	"github.com/cosmos/cosmos-sdk/x/genutil"
	genutiltypes "github.com/cosmos/cosmos-sdk/x/genutil/types"
	"github.com/cosmos/cosmos-sdk/x/gov"
	govclient "github.com/cosmos/cosmos-sdk/x/gov/client"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	"github.com/cosmos/cosmos-sdk/x/mint"
	minttypes "github.com/cosmos/cosmos-sdk/x/mint/types"
	"github.com/cosmos/cosmos-sdk/x/slashing"
	slashingtypes "github.com/cosmos/cosmos-sdk/x/slashing/types"
	"github.com/cosmos/cosmos-sdk/x/staking"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"
	"github.com/cosmos/cosmos-sdk/x/upgrade"
	upgradetypes "github.com/cosmos/cosmos-sdk/x/upgrade/types"

	"github.com/cosmos/ibc-go/v11/modules/apps/transfer"
	ibctransfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"
	ibc "github.com/cosmos/ibc-go/v11/modules/core"
	ibcexported "github.com/cosmos/ibc-go/v11/modules/core/exported"
	ibctm "github.com/cosmos/ibc-go/v11/modules/light-clients/07-tendermint"

	"github.com/trustcity/trustcity/x/datashare"
	datasharetypes "github.com/trustcity/trustcity/x/datashare/types"
	judicial "github.com/trustcity/trustcity/x/evidence"
	judicialtypes "github.com/trustcity/trustcity/x/evidence/types"
	"github.com/trustcity/trustcity/x/funds"
	fundstypes "github.com/trustcity/trustcity/x/funds/types"
	"github.com/trustcity/trustcity/x/identity"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

// initModuleManager builds the module manager and the basic manager, registers
// every module's codec types and sets the order of the ABCI hooks.
func (app *App) initModuleManager() {
	cdc := app.appCodec
	bankModule := bank.NewAppModule(cdc, app.BankKeeper, app.AccountKeeper, nil)

	app.ModuleManager = module.NewManager(
		genutil.NewAppModule(app.AccountKeeper, app.StakingKeeper, app, app.txConfig),
		auth.NewAppModule(cdc, app.AccountKeeper, authsims.RandomGenesisAccounts, nil),
		authzmodule.NewAppModule(cdc, app.AuthzKeeper, app.AccountKeeper, app.BankKeeper, app.interfaceRegistry),
		bankModule,
		consensus.NewAppModule(cdc, app.ConsensusParamsKeeper),
		distr.NewAppModule(cdc, app.DistrKeeper, app.AccountKeeper, app.BankKeeper, app.StakingKeeper, nil),
		evidence.NewAppModule(app.EvidenceKeeper),
		feegrantmodule.NewAppModule(cdc, app.AccountKeeper, app.BankKeeper, app.FeeGrantKeeper, app.interfaceRegistry),
		gov.NewAppModule(cdc, app.GovKeeper, app.AccountKeeper, app.BankKeeper, nil),
		mint.NewAppModule(cdc, app.MintKeeper, app.AccountKeeper, nil, nil),
		slashing.NewAppModule(cdc, app.SlashingKeeper, app.AccountKeeper, app.BankKeeper, app.StakingKeeper, nil, app.interfaceRegistry),
		staking.NewAppModule(cdc, app.StakingKeeper, app.AccountKeeper, app.BankKeeper, nil),
		upgrade.NewAppModule(app.UpgradeKeeper, app.AccountKeeper.AddressCodec()),

		ibc.NewAppModule(app.IBCKeeper),
		transfer.NewAppModule(app.TransferKeeper),
		ibctm.NewAppModule(app.tmLightClient),

		identity.NewAppModule(cdc, app.IdentityKeeper),
		judicial.NewAppModule(cdc, app.JudicialKeeper).WithSimulationIdentity(app.IdentityKeeper),
		datashare.NewAppModule(cdc, app.DatashareKeeper).WithSimulationIdentity(app.IdentityKeeper),
		funds.NewAppModule(cdc, app.FundsKeeper).WithSimulation(app.IdentityKeeper, app.JudicialKeeper),
	)

	// The basic manager serves codec registration, default genesis and genesis
	// validation; genutil and gov need their client-side options here, and the
	// bank genesis carries the token's metadata.
	app.BasicModuleManager = module.NewBasicManagerFromManager(app.ModuleManager, map[string]module.AppModuleBasic{
		genutiltypes.ModuleName: genutil.NewAppModuleBasic(genutiltypes.DefaultMessageValidator),
		govtypes.ModuleName:     gov.NewAppModuleBasic([]govclient.ProposalHandler{}),
		banktypes.ModuleName:    bankModuleBasic{bankModule.AppModuleBasic},
	})
	app.BasicModuleManager.RegisterLegacyAminoCodec(app.legacyAmino)
	app.BasicModuleManager.RegisterInterfaces(app.interfaceRegistry)

	// The upgrade module must run first: a scheduled upgrade halts the chain
	// before any other module touches state.
	app.ModuleManager.SetOrderPreBlockers(upgradetypes.ModuleName, authtypes.ModuleName)

	// Slashing runs after distribution so no rewards are left in the validator
	// fee pool; evidence runs before staking so a double-sign is punished before
	// the validator set of the next block is computed.
	app.ModuleManager.SetOrderBeginBlockers(
		minttypes.ModuleName,
		distrtypes.ModuleName,
		slashingtypes.ModuleName,
		evidencetypes.ModuleName,
		stakingtypes.ModuleName,
		authz.ModuleName,
		ibcexported.ModuleName,
		ibctransfertypes.ModuleName,
		genutiltypes.ModuleName,
	)
	app.ModuleManager.SetOrderEndBlockers(
		govtypes.ModuleName,
		stakingtypes.ModuleName,
		feegrant.ModuleName,
		ibcexported.ModuleName,
		ibctransfertypes.ModuleName,
		genutiltypes.ModuleName,
		banktypes.ModuleName,
		datasharetypes.ModuleName,
	)

	genesisOrder := genesisModuleOrder()
	app.ModuleManager.SetOrderInitGenesis(genesisOrder...)
	app.ModuleManager.SetOrderExportGenesis(genesisOrder...)
}

// genesisModuleOrder is the order in which modules initialise and export
// genesis. genutil comes after staking so the pools hold the genesis
// accounts' tokens when gentxs are delivered, and after auth so it can read
// auth's params.
func genesisModuleOrder() []string {
	return []string{
		authtypes.ModuleName,
		banktypes.ModuleName,
		distrtypes.ModuleName,
		stakingtypes.ModuleName,
		slashingtypes.ModuleName,
		govtypes.ModuleName,
		minttypes.ModuleName,
		evidencetypes.ModuleName,
		ibcexported.ModuleName,
		genutiltypes.ModuleName,
		authz.ModuleName,
		feegrant.ModuleName,
		ibctransfertypes.ModuleName,
		upgradetypes.ModuleName,
		consensustypes.ModuleName,
		identitytypes.ModuleName,
		judicialtypes.ModuleName,
		datasharetypes.ModuleName,
		fundstypes.ModuleName,
	}
}
