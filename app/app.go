// Package app wires the TrustCity application: the SDK and IBC modules, their
// keepers, the module manager, the ante handler, genesis import/export and
// upgrades. Each concern lives in its own file of this package.
package app

import (
	"fmt"

	dbm "github.com/cosmos/cosmos-db"
	"github.com/cosmos/gogoproto/proto"

	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/baseapp/blockexec"
	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	"github.com/cosmos/cosmos-sdk/types/module"
	"github.com/cosmos/cosmos-sdk/types/msgservice"
	"github.com/cosmos/cosmos-sdk/version"
	authkeeper "github.com/cosmos/cosmos-sdk/x/auth/keeper"
	authzkeeper "github.com/cosmos/cosmos-sdk/x/authz/keeper"
	bankkeeper "github.com/cosmos/cosmos-sdk/x/bank/keeper"
	consensuskeeper "github.com/cosmos/cosmos-sdk/x/consensus/keeper"
	distrkeeper "github.com/cosmos/cosmos-sdk/x/distribution/keeper"
	evidencekeeper "github.com/cosmos/cosmos-sdk/x/evidence/keeper"
	feegrantkeeper "github.com/cosmos/cosmos-sdk/x/feegrant/keeper"
	govkeeper "github.com/cosmos/cosmos-sdk/x/gov/keeper"
	mintkeeper "github.com/cosmos/cosmos-sdk/x/mint/keeper"
	slashingkeeper "github.com/cosmos/cosmos-sdk/x/slashing/keeper"
	stakingkeeper "github.com/cosmos/cosmos-sdk/x/staking/keeper"
	upgradekeeper "github.com/cosmos/cosmos-sdk/x/upgrade/keeper"

	ibctransferkeeper "github.com/cosmos/ibc-go/v11/modules/apps/transfer/keeper"
	ibckeeper "github.com/cosmos/ibc-go/v11/modules/core/keeper"
	ibctm "github.com/cosmos/ibc-go/v11/modules/light-clients/07-tendermint"

	datasharekeeper "github.com/trustcity/trustcity/x/datashare/keeper"
	judicialkeeper "github.com/trustcity/trustcity/x/evidence/keeper"
	fundskeeper "github.com/trustcity/trustcity/x/funds/keeper"
	identitykeeper "github.com/trustcity/trustcity/x/identity/keeper"
)

var _ servertypes.Application = (*App)(nil)

// App is the TrustCity application. Keepers are exported so tests and the
// command line can reach them; everything else goes through accessors.
type App struct {
	*baseapp.BaseApp

	legacyAmino       *codec.LegacyAmino
	appCodec          codec.Codec
	txConfig          client.TxConfig
	interfaceRegistry codectypes.InterfaceRegistry

	keys       map[string]*storetypes.KVStoreKey
	objectKeys map[string]*storetypes.ObjectStoreKey

	AccountKeeper         authkeeper.AccountKeeper
	AuthzKeeper           authzkeeper.Keeper
	BankKeeper            bankkeeper.BaseKeeper
	ConsensusParamsKeeper consensuskeeper.Keeper
	DistrKeeper           distrkeeper.Keeper
	EvidenceKeeper        evidencekeeper.Keeper
	FeeGrantKeeper        feegrantkeeper.Keeper
	GovKeeper             *govkeeper.Keeper
	MintKeeper            mintkeeper.Keeper
	SlashingKeeper        slashingkeeper.Keeper
	StakingKeeper         *stakingkeeper.Keeper
	UpgradeKeeper         *upgradekeeper.Keeper

	IBCKeeper      *ibckeeper.Keeper
	TransferKeeper *ibctransferkeeper.Keeper

	IdentityKeeper  identitykeeper.Keeper
	JudicialKeeper  judicialkeeper.Keeper
	DatashareKeeper datasharekeeper.Keeper
	FundsKeeper     fundskeeper.Keeper
	tmLightClient   ibctm.LightClientModule

	ModuleManager      *module.Manager
	BasicModuleManager module.BasicManager
	configurator       module.Configurator
	sm                 *module.SimulationManager
}

// New returns a TrustCity application backed by db. loadLatest loads the latest
// committed state; tests that want to load a given height pass false and call
// LoadHeight.
func New(
	logger log.Logger,
	db dbm.DB,
	loadLatest bool,
	appOpts servertypes.AppOptions,
	baseAppOptions ...func(*baseapp.BaseApp),
) *App {
	enc := MakeEncodingConfig()

	bApp := baseapp.NewBaseApp(Name, logger, db, enc.TxConfig.TxDecoder(), baseAppOptions...)
	bApp.SetVersion(version.Version)
	bApp.SetInterfaceRegistry(enc.InterfaceRegistry)
	bApp.SetTxEncoder(enc.TxConfig.TxEncoder())

	app := &App{
		BaseApp:           bApp,
		legacyAmino:       enc.Amino,
		appCodec:          enc.Codec,
		txConfig:          enc.TxConfig,
		interfaceRegistry: enc.InterfaceRegistry,
		keys:              newStoreKeys(),
		objectKeys:        newObjectStoreKeys(),
	}
	if err := bApp.RegisterStreamingServices(appOpts, app.keys); err != nil {
		panic(fmt.Errorf("registering streaming services: %w", err))
	}

	app.initKeepers(appOpts, logger)
	app.initIBCKeepers()
	app.initTrustCityKeepers()
	app.initIBCRouter()
	app.initModuleManager()
	app.sm = app.newSimulationManager()

	app.configurator = module.NewConfigurator(app.appCodec, app.MsgServiceRouter(), app.GRPCQueryRouter())
	if err := app.ModuleManager.RegisterServices(app.configurator); err != nil {
		panic(fmt.Errorf("registering module services: %w", err))
	}
	app.registerUpgrades(Upgrades)

	app.MountKVStores(app.keys)
	app.MountObjectStores(app.objectKeys)
	// The node's block-executor setting (app.toml or --block-executor) picks
	// sequential execution (the default) or Block-STM.
	blockexec.Apply(bApp, appOpts, app.executionStoreKeys(), enc.TxConfig.TxDecoder(),
		func(storetypes.MultiStore) string { return BondDenom })

	app.SetInitChainer(app.InitChainer)
	app.SetPreBlocker(app.PreBlocker)
	app.SetBeginBlocker(app.BeginBlocker)
	app.SetEndBlocker(app.EndBlocker)
	app.setAnteHandler()
	app.setPostHandler()

	// Every Msg service must be annotated as one and every message must name its
	// signer, or signing (Ledger's amino-JSON included) cannot work: refuse to start.
	protoFiles, err := proto.MergedRegistry()
	if err != nil {
		panic(fmt.Errorf("merging proto registry: %w", err))
	}
	if err := msgservice.ValidateProtoAnnotations(protoFiles); err != nil {
		panic(fmt.Errorf("protobuf annotations: %w", err))
	}

	if loadLatest {
		if err := app.LoadLatestVersion(); err != nil {
			panic(fmt.Errorf("loading latest version: %w", err))
		}
	}
	return app
}

// Name returns the application name.
func (app *App) Name() string { return app.BaseApp.Name() }

// LegacyAmino returns the amino codec, used for amino-JSON (Ledger) signing.
func (app *App) LegacyAmino() *codec.LegacyAmino { return app.legacyAmino }

// AppCodec returns the protobuf codec.
func (app *App) AppCodec() codec.Codec { return app.appCodec }

// InterfaceRegistry returns the interface registry.
func (app *App) InterfaceRegistry() codectypes.InterfaceRegistry { return app.interfaceRegistry }

// TxConfig returns the transaction encoding configuration.
func (app *App) TxConfig() client.TxConfig { return app.txConfig }

// Configurator returns the module configurator used to register services and migrations.
func (app *App) Configurator() module.Configurator { return app.configurator }

// GetKey returns the KV store key of the named store (nil when unknown).
func (app *App) GetKey(name string) *storetypes.KVStoreKey { return app.keys[name] }

// executionStoreKeys lists every store a transaction may touch, for Block-STM
// (which sorts them by name, so their order here does not matter).
func (app *App) executionStoreKeys() []storetypes.StoreKey {
	keys := make([]storetypes.StoreKey, 0, len(app.keys)+len(app.objectKeys))
	for _, k := range app.keys {
		keys = append(keys, k)
	}
	for _, k := range app.objectKeys {
		keys = append(keys, k)
	}
	return keys
}

// LoadHeight loads the state committed at height.
func (app *App) LoadHeight(height int64) error { return app.LoadVersion(height) }
