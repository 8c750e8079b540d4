package app

import (
	"sort"

	"cosmossdk.io/client/v2/autocli"
	"cosmossdk.io/core/appmodule"

	"github.com/cosmos/cosmos-sdk/codec/address"
	"github.com/cosmos/cosmos-sdk/runtime"
	runtimeservices "github.com/cosmos/cosmos-sdk/runtime/services"
)

// AutoCliOpts returns the options autocli uses to generate the `tx` and `query`
// commands of every module from its protobuf services.
func (app *App) AutoCliOpts() autocli.AppOptions {
	modules := make(map[string]appmodule.AppModule, len(app.ModuleManager.Modules))
	names := make([]string, 0, len(app.ModuleManager.Modules))
	for name := range app.ModuleManager.Modules {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if m, ok := app.ModuleManager.Modules[name].(appmodule.AppModule); ok {
			modules[name] = m
		}
	}

	return autocli.AppOptions{
		Modules:               modules,
		ModuleOptions:         runtimeservices.ExtractAutoCLIOptions(app.ModuleManager.Modules),
		AddressCodec:          address.NewBech32Codec(Bech32Prefix),
		ValidatorAddressCodec: runtime.ValidatorAddressCodec(address.NewBech32Codec(Bech32PrefixValAddr)),
		ConsensusAddressCodec: runtime.ConsensusAddressCodec(address.NewBech32Codec(Bech32PrefixConsAddr)),
	}
}
