// Package modbase implements what every TrustCity AppModule shares: its
// name and consensus version, codec registration, REST gateway routes, and
// a genesis that is validated by importing it into a scratch store with the
// very code InitGenesis runs. A module embeds Base and adds its services,
// blockers, CLI and simulation.
package modbase

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/cosmos/gogoproto/proto"
	gwruntime "github.com/grpc-ecosystem/grpc-gateway/runtime"

	"cosmossdk.io/core/address"

	sdkclient "github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/codec"
	cdctypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// GenesisState is a module's genesis message: a pointer to T with the
// module's stateless checks.
type GenesisState[T any] interface {
	*T
	proto.Message
	Validate() error
}

// GenesisKeeper imports and exports a module's state.
type GenesisKeeper[P any] interface {
	InitGenesis(ctx context.Context, gs P) error
	ExportGenesis(ctx context.Context) (P, error)
}

// Spec names a module's parts.
type Spec[T any, P GenesisState[T]] struct {
	Name             string
	ConsensusVersion uint64
	// RegisterAmino and RegisterInterfaces register the module's messages.
	RegisterAmino      func(*codec.LegacyAmino)
	RegisterInterfaces func(cdctypes.InterfaceRegistry)
	// RegisterGateway registers the REST routes of the module's Query service.
	RegisterGateway func(context.Context, *gwruntime.ServeMux, sdkclient.Context) error
	DefaultGenesis  func() P
	// ValidateGenesis imports the genesis into a scratch store (the keeper
	// package's ValidateGenesis).
	ValidateGenesis func(codec.BinaryCodec, address.Codec, P) error
	Keeper          GenesisKeeper[P]
}

// Base is the shared half of a TrustCity AppModule.
type Base[T any, P GenesisState[T]] struct {
	spec         Spec[T, P]
	cdc          codec.Codec
	addressCodec address.Codec
}

// New returns the shared half of a module.
func New[T any, P GenesisState[T]](cdc codec.Codec, addressCodec address.Codec, spec Spec[T, P]) Base[T, P] {
	return Base[T, P]{spec: spec, cdc: cdc, addressCodec: addressCodec}
}

// IsAppModule implements appmodule.AppModule.
func (Base[T, P]) IsAppModule() {}

// IsOnePerModuleType implements depinject.OnePerModuleType.
func (Base[T, P]) IsOnePerModuleType() {}

// Name returns the module name.
func (b Base[T, P]) Name() string { return b.spec.Name }

// ConsensusVersion is the version of the module's state layout; a store
// migration bumps it.
func (b Base[T, P]) ConsensusVersion() uint64 { return b.spec.ConsensusVersion }

// RegisterLegacyAminoCodec registers the amino names of the messages.
func (b Base[T, P]) RegisterLegacyAminoCodec(cdc *codec.LegacyAmino) { b.spec.RegisterAmino(cdc) }

// RegisterInterfaces registers the messages with the interface registry.
func (b Base[T, P]) RegisterInterfaces(registry cdctypes.InterfaceRegistry) {
	b.spec.RegisterInterfaces(registry)
}

// RegisterGRPCGatewayRoutes registers the REST routes under
// /trustcity/<module>/v1/.
func (b Base[T, P]) RegisterGRPCGatewayRoutes(clientCtx sdkclient.Context, mux *gwruntime.ServeMux) {
	if err := b.spec.RegisterGateway(context.Background(), mux, clientCtx); err != nil {
		panic(fmt.Sprintf("%s: registering REST routes: %v", b.spec.Name, err))
	}
}

// DefaultGenesis returns the genesis of a new chain.
func (b Base[T, P]) DefaultGenesis(cdc codec.JSONCodec) json.RawMessage {
	return cdc.MustMarshalJSON(b.spec.DefaultGenesis())
}

// ValidateGenesis runs the stateless checks, then imports the genesis into a
// scratch in-memory store with the code InitGenesis runs, so `genesis
// validate` catches everything that would stop the chain at InitChain.
func (b Base[T, P]) ValidateGenesis(cdc codec.JSONCodec, _ sdkclient.TxEncodingConfig, bz json.RawMessage) error {
	gs := P(new(T))
	if err := cdc.UnmarshalJSON(bz, gs); err != nil {
		return fmt.Errorf("%s genesis: %w", b.spec.Name, err)
	}
	if err := gs.Validate(); err != nil {
		return fmt.Errorf("%s genesis: %w", b.spec.Name, err)
	}
	return b.spec.ValidateGenesis(b.cdc, b.addressCodec, gs)
}

// InitGenesis imports the module's genesis; an invalid genesis stops the
// chain from starting.
func (b Base[T, P]) InitGenesis(ctx sdk.Context, cdc codec.JSONCodec, bz json.RawMessage) {
	gs := P(new(T))
	cdc.MustUnmarshalJSON(bz, gs)
	if err := b.spec.Keeper.InitGenesis(ctx, gs); err != nil {
		panic(fmt.Sprintf("%s genesis: %v", b.spec.Name, err))
	}
}

// ExportGenesis exports the module's state.
func (b Base[T, P]) ExportGenesis(ctx sdk.Context, cdc codec.JSONCodec) json.RawMessage {
	gs, err := b.spec.Keeper.ExportGenesis(ctx)
	if err != nil {
		panic(fmt.Sprintf("%s export: %v", b.spec.Name, err))
	}
	return cdc.MustMarshalJSON(gs)
}
