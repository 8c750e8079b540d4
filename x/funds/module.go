// Package funds is TrustCity's public-funds module: programs whose coins the
// module holds in escrow, allocation trees in which no node holds or passes on
// more than it received, disbursements with permanent second approvals,
// credential-gated beneficiaries, milestones released on a supervisor's
// confirmation citing judicial evidence, expenditure reports and an
// IATI-typed ledger. See README.md.
package funds

import (
	"context"

	gwruntime "github.com/grpc-ecosystem/grpc-gateway/runtime"
	"google.golang.org/grpc"

	"cosmossdk.io/core/appmodule"

	sdkclient "github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/types/module"

	"github.com/trustcity/trustcity/x/funds/keeper"
	"github.com/trustcity/trustcity/x/funds/types"
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

// AppModule is the funds application module.
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
