// Package datashare is TrustCity's data-sharing module: a catalog of
// datasets whose data stays in each department's storage, on-chain data
// standards (JSON Schema), access requests and time-limited grants with
// auto-approval rules, citizen consent for personal data, key envelopes,
// per-use access logs and subscriptions. See README.md.
package datashare

import (
	"context"

	gwruntime "github.com/grpc-ecosystem/grpc-gateway/runtime"
	"google.golang.org/grpc"

	"cosmossdk.io/core/appmodule"

	sdkclient "github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/types/module"

	"github.com/trustcity/trustcity/x/datashare/keeper"
	"github.com/trustcity/trustcity/x/datashare/types"
	"github.com/trustcity/trustcity/x/internal/modbase"
)

// ConsensusVersion is the version of the module's state layout.
const ConsensusVersion = 1

var (
	_ module.AppModuleBasic   = AppModule{}
	_ module.HasGenesis       = AppModule{}
	_ appmodule.HasServices   = AppModule{}
	_ appmodule.AppModule     = AppModule{}
	_ module.HasName          = AppModule{}
	_ module.HasGenesisBasics = AppModule{}
	_ appmodule.HasEndBlocker = AppModule{}
)

// AppModule is the datashare application module.
type AppModule struct {
	modbase.Base[types.GenesisState, *types.GenesisState]
	keeper keeper.Keeper
}

// NewAppModule returns the module over its keeper.
func NewAppModule(cdc codec.Codec, k keeper.Keeper) AppModule {
	return AppModule{keeper: k, Base: modbase.New(cdc, k.AddressCodec(), modbase.Spec[types.GenesisState, *types.GenesisState]{
		Name:               types.ModuleName,
		ConsensusVersion:   ConsensusVersion,
		RegisterAmino:      types.RegisterLegacyAminoCodec,
		RegisterInterfaces: types.RegisterInterfaces,
		RegisterGateway: func(ctx context.Context, mux *gwruntime.ServeMux, c sdkclient.Context) error {
			return types.RegisterQueryHandlerClient(ctx, mux, types.NewQueryClient(c))
		},
		DefaultGenesis:  types.DefaultGenesis,
		ValidateGenesis: keeper.ValidateGenesis,
		Keeper:          k,
	})}
}

// RegisterServices registers the Msg and Query services.
func (am AppModule) RegisterServices(registrar grpc.ServiceRegistrar) error {
	types.RegisterMsgServer(registrar, keeper.NewMsgServerImpl(am.keeper))
	types.RegisterQueryServer(registrar, keeper.NewQueryServerImpl(am.keeper))
	return nil
}

// EndBlock marks expired grants and consents (bounded per block by
// max_expiries_per_block).
func (am AppModule) EndBlock(ctx context.Context) error {
	return am.keeper.EndBlock(ctx)
}
