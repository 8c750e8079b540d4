package app

import (
	"github.com/cosmos/cosmos-sdk/runtime"

	datasharekeeper "github.com/trustcity/trustcity/x/datashare/keeper"
	datasharetypes "github.com/trustcity/trustcity/x/datashare/types"
	judicialkeeper "github.com/trustcity/trustcity/x/evidence/keeper"
	judicialtypes "github.com/trustcity/trustcity/x/evidence/types"
	fundskeeper "github.com/trustcity/trustcity/x/funds/keeper"
	fundstypes "github.com/trustcity/trustcity/x/funds/types"
	identitykeeper "github.com/trustcity/trustcity/x/identity/keeper"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

// initTrustCityKeepers builds the keepers of TrustCity's own modules, after
// the SDK's. x/identity comes first: the others ask it who may act; x/funds
// also asks x/evidence (judicial) whether cited evidence exists.
func (app *App) initTrustCityKeepers() {
	app.IdentityKeeper = identitykeeper.NewKeeper(
		app.appCodec, runtime.NewKVStoreService(app.keys[identitytypes.StoreKey]),
		app.AccountKeeper.AddressCodec(), authority(),
	)
	app.JudicialKeeper = judicialkeeper.NewKeeper(
		app.appCodec, runtime.NewKVStoreService(app.keys[judicialtypes.StoreKey]),
		app.AccountKeeper.AddressCodec(), authority(), app.IdentityKeeper, app.IBCKeeper.ChannelKeeper,
	)
	app.DatashareKeeper = datasharekeeper.NewKeeper(
		app.appCodec, runtime.NewKVStoreService(app.keys[datasharetypes.StoreKey]),
		app.AccountKeeper.AddressCodec(), authority(), app.IdentityKeeper,
	)
	app.FundsKeeper = fundskeeper.NewKeeper(
		app.appCodec, runtime.NewKVStoreService(app.keys[fundstypes.StoreKey]),
		app.AccountKeeper.AddressCodec(), authority(), app.IdentityKeeper, app.JudicialKeeper, app.BankKeeper, app.AccountKeeper,
		app.TransferKeeper,
	)
}
