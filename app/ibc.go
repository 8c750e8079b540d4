package app

import (
	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/runtime"

	"github.com/cosmos/ibc-go/v11/modules/apps/transfer"
	ibctransferkeeper "github.com/cosmos/ibc-go/v11/modules/apps/transfer/keeper"
	ibctransfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"
	porttypes "github.com/cosmos/ibc-go/v11/modules/core/05-port/types"
	ibcexported "github.com/cosmos/ibc-go/v11/modules/core/exported"
	ibckeeper "github.com/cosmos/ibc-go/v11/modules/core/keeper"
	ibctm "github.com/cosmos/ibc-go/v11/modules/light-clients/07-tendermint"

	judicialibc "github.com/trustcity/trustcity/x/evidence/ibcmodule"
	judicialtypes "github.com/trustcity/trustcity/x/evidence/types"
	fundsics20 "github.com/trustcity/trustcity/x/funds/ics20"
)

// initIBCKeepers builds IBC core and the ICS-20 transfer keeper; x/funds,
// built next, pays out through the transfer keeper.
func (app *App) initIBCKeepers() {
	cdc := app.appCodec
	gov := authority()

	app.IBCKeeper = ibckeeper.NewKeeper(
		cdc, runtime.NewKVStoreService(app.keys[ibcexported.StoreKey]), app.UpgradeKeeper, gov,
	)
	app.TransferKeeper = ibctransferkeeper.NewKeeper(
		cdc, app.AccountKeeper.AddressCodec(), runtime.NewKVStoreService(app.keys[ibctransfertypes.StoreKey]),
		app.IBCKeeper.ChannelKeeper, app.MsgServiceRouter(), app.AccountKeeper, app.BankKeeper, gov,
	)
}

// initIBCRouter routes each IBC port to its application stack (ICS-20 on
// "transfer", the judicial application on "judicial"), seals the
// router and adds the 07-tendermint light client.
func (app *App) initIBCRouter() {
	router := porttypes.NewRouter()
	router.AddRoute(ibctransfertypes.ModuleName, app.transferStack())
	router.AddRoute(judicialtypes.PortID, buildIBCStack(app.IBCKeeper.ChannelKeeper, judicialibc.New(app.JudicialKeeper)))
	app.IBCKeeper.SetRouter(router)

	app.tmLightClient = ibctm.NewLightClientModule(app.appCodec, app.IBCKeeper.ClientKeeper.GetStoreProvider())
	app.IBCKeeper.ClientKeeper.AddRoute(ibctm.ModuleName, &app.tmLightClient)
}

// transferStack returns the ICS-20 application wrapped in its middleware.
// Packets from core IBC enter at the top of the stack; packets the transfer
// keeper sends leave through each middleware's SendPacket down to core IBC.
func (app *App) transferStack() porttypes.IBCModule {
	return buildIBCStack(app.IBCKeeper.ChannelKeeper, transfer.NewIBCModule(app.TransferKeeper), app.transferMiddleware()...)
}

// transferMiddleware lists the middleware around ICS-20, innermost first:
// x/funds credits transfers whose memo names a program to that program and
// refuses, with an error acknowledgement, tagged transfers it cannot credit.
func (app *App) transferMiddleware() []porttypes.Middleware {
	return []porttypes.Middleware{fundsics20.NewMiddleware(app.FundsKeeper)}
}

// buildIBCStack wraps base in middlewares (innermost first) and connects the
// outermost one to core IBC. With no middleware the base talks to core IBC
// directly.
func buildIBCStack(channel porttypes.ICS4Wrapper, base porttypes.IBCModule, middlewares ...porttypes.Middleware) porttypes.IBCModule {
	if len(middlewares) == 0 {
		base.SetICS4Wrapper(channel)
		return base
	}
	stack := porttypes.NewIBCStackBuilder(channel).Base(base)
	for _, mw := range middlewares {
		stack.Next(mw)
	}
	return stack.Build()
}

// GetBaseApp returns the base application (ibc-go's testing.TestingApp).
func (app *App) GetBaseApp() *baseapp.BaseApp { return app.BaseApp }

// GetIBCKeeper returns the IBC core keeper (ibc-go's testing.TestingApp).
func (app *App) GetIBCKeeper() *ibckeeper.Keeper { return app.IBCKeeper }

// GetTxConfig returns the tx configuration (ibc-go's testing.TestingApp).
func (app *App) GetTxConfig() client.TxConfig { return app.txConfig }
