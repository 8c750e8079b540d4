// Package identity is TrustCity's root of trust: departments in a
// jurisdiction tree with roles, W3C DIDs, credential anchoring with status
// lists, and IoT device identities. See README.md.
package identity

import (
	"context"

	gwruntime "github.com/grpc-ecosystem/grpc-gateway/runtime"
	"google.golang.org/grpc"

	"cosmossdk.io/core/appmodule"

	sdkclient "github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/types/module"

	"github.com/trustcity/trustcity/x/identity/keeper"
	"github.com/trustcity/trustcity/x/identity/types"
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
)

// AppModule is the x/identity application module.
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
