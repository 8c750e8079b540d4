package app

import (
	"errors"
	"fmt"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/x/auth/ante"
	"github.com/cosmos/cosmos-sdk/x/auth/posthandler"

	ibcante "github.com/cosmos/ibc-go/v11/modules/core/ante"
	ibckeeper "github.com/cosmos/ibc-go/v11/modules/core/keeper"
)

// AnteHandlerOptions are the keepers and settings the ante handler needs.
type AnteHandlerOptions struct {
	ante.HandlerOptions
	IBCKeeper *ibckeeper.Keeper
}

// NewAnteHandler returns the SDK's standard ante chain (fees, fee grants,
// signatures, sequences) followed by IBC's redundant-relay check, which
// rejects relayer transactions whose packets were all relayed already.
func NewAnteHandler(opts AnteHandlerOptions) (sdk.AnteHandler, error) {
	switch {
	case opts.AccountKeeper == nil:
		return nil, errors.New("ante handler: account keeper is required")
	case opts.BankKeeper == nil:
		return nil, errors.New("ante handler: bank keeper is required")
	case opts.SignModeHandler == nil:
		return nil, errors.New("ante handler: sign mode handler is required")
	case opts.IBCKeeper == nil:
		return nil, errors.New("ante handler: IBC keeper is required")
	}

	decorators := []sdk.AnteDecorator{
		ante.NewSetUpContextDecorator(), // must be first: sets the gas meter
		ante.NewExtensionOptionsDecorator(opts.ExtensionOptionChecker),
		ante.NewValidateBasicDecorator(),
		ante.NewTxTimeoutHeightDecorator(),
		ante.NewValidateMemoDecorator(opts.AccountKeeper),
		ante.NewConsumeGasForTxSizeDecorator(opts.AccountKeeper),
		ante.NewDeductFeeDecorator(opts.AccountKeeper, opts.BankKeeper, opts.FeegrantKeeper, opts.TxFeeChecker),
		ante.NewSetPubKeyDecorator(opts.AccountKeeper), // before every signature check
		ante.NewValidateSigCountDecorator(opts.AccountKeeper),
		ante.NewSigGasConsumeDecorator(opts.AccountKeeper, opts.SigGasConsumer),
		ante.NewSigVerificationDecorator(opts.AccountKeeper, opts.SignModeHandler, opts.SigVerifyOptions...),
		ante.NewIncrementSequenceDecorator(opts.AccountKeeper),
		ibcante.NewRedundantRelayDecorator(opts.IBCKeeper),
	}
	return sdk.ChainAnteDecorators(decorators...), nil
}

func (app *App) setAnteHandler() {
	handler, err := NewAnteHandler(AnteHandlerOptions{
		HandlerOptions: ante.HandlerOptions{
			AccountKeeper:   app.AccountKeeper,
			BankKeeper:      app.BankKeeper,
			FeegrantKeeper:  app.FeeGrantKeeper,
			SignModeHandler: app.txConfig.SignModeHandler(),
			SigGasConsumer:  ante.DefaultSigVerificationGasConsumer,
		},
		IBCKeeper: app.IBCKeeper,
	})
	if err != nil {
		panic(fmt.Errorf("building ante handler: %w", err))
	}
	app.SetAnteHandler(handler)
}

func (app *App) setPostHandler() {
	handler, err := posthandler.NewPostHandler(posthandler.HandlerOptions{})
	if err != nil {
		panic(fmt.Errorf("building post handler: %w", err))
	}
	app.SetPostHandler(handler)
}
