package apptest

import (
	"errors"
	"fmt"
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	cmttypes "github.com/cometbft/cometbft/types"

	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/client/flags"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"

	"github.com/trustcity/trustcity/app"
	"github.com/trustcity/trustcity/testutil/signer"
)

// App is a running TrustCity chain in this process: the real application
// (its keepers are reachable through the embedded *app.App) driven through
// ABCI by the fixture, with funded accounts ready to sign.
type App struct {
	*app.App

	chainID    string
	accounts   []*signer.Account
	validators []Validator
	signers    *signers
}

// New starts a chain as Start does and closes it when the test ends. The
// chain's home directory (read only by x/upgrade) is under tb.TempDir()
// unless cfg.AppOptions names one.
func New(tb testing.TB, cfg Config) *App {
	tb.Helper()
	if _, ok := cfg.AppOptions[flags.FlagHome]; !ok {
		opts := make(map[string]any, len(cfg.AppOptions)+1)
		for k, v := range cfg.AppOptions {
			opts[k] = v
		}
		opts[flags.FlagHome] = tb.TempDir()
		cfg.AppOptions = opts
	}
	a, err := Start(cfg)
	if err != nil {
		tb.Fatalf("starting the app fixture: %v", err)
	}
	tb.Cleanup(func() {
		if err := a.Close(); err != nil {
			tb.Errorf("closing the app fixture: %v", err)
		}
	})
	return a
}

// Start builds the application over cfg.DB, runs InitChain with a genesis of
// cfg.Accounts funded accounts and cfg.Validators bonded validators, and
// finalizes and commits the first (empty) block. It is New for programs that
// have no testing.TB, such as the block benchmark; the caller closes the app.
func Start(cfg Config) (*App, error) {
	if cfg.Accounts < 0 || cfg.Validators < 0 {
		return nil, errors.New("apptest: negative number of accounts or validators")
	}
	cfg = cfg.withDefaults()

	baseOpts := append([]func(*baseapp.BaseApp){baseapp.SetChainID(cfg.ChainID)}, cfg.BaseAppOptions...)
	inner := app.New(log.NewNopLogger(), cfg.DB, true, simtestutil.AppOptionsMap(cfg.AppOptions), baseOpts...)
	a := &App{App: inner, chainID: cfg.ChainID}

	a.accounts = signer.NewAccounts(AccountSeed, cfg.Accounts)
	for i, acc := range a.accounts {
		acc.Number = uint64(i)
	}
	a.validators = newValidators(cfg.Validators, uint64(cfg.Accounts))

	if err := a.initChain(cfg); err != nil {
		_ = inner.Close()
		return nil, err
	}
	return a, nil
}

// initChain runs InitChain and commits the first block.
func (a *App) initChain(cfg Config) error {
	appState, err := genesisState(a.App, cfg, a.accounts, a.validators)
	if err != nil {
		return fmt.Errorf("building genesis: %w", err)
	}
	const initialHeight = 1
	res, err := a.InitChain(&abci.RequestInitChain{
		ChainId:         cfg.ChainID,
		Time:            GenesisTime,
		InitialHeight:   initialHeight,
		AppStateBytes:   appState,
		ConsensusParams: consensusParams(),
	})
	if err != nil {
		return fmt.Errorf("InitChain: %w", err)
	}
	if len(res.Validators) != len(a.validators) {
		return fmt.Errorf("InitChain returned %d validators, want %d", len(res.Validators), len(a.validators))
	}
	if a.signers, err = newSigners(initialHeight, res.Validators); err != nil {
		return err
	}
	_, err = a.DeliverBlock()
	return err
}

// consensusParams are CometBFT's defaults (no block gas limit, 21 MB blocks,
// so large benchmark blocks fit) with the gov module as the authority that
// may change them, as on a TrustCity network.
func consensusParams() *cmtproto.ConsensusParams {
	params := cmttypes.DefaultConsensusParams().ToProto()
	params.Authority = &cmtproto.AuthorityParams{Authority: authtypes.NewModuleAddress(govtypes.ModuleName).String()}
	return &params
}

// ChainID returns the chain id transactions are signed for.
func (a *App) ChainID() string { return a.chainID }

// Accounts returns the funded accounts, account i having account number i.
// Their sequences advance as the fixture signs for them.
func (a *App) Accounts() []*signer.Account { return a.accounts }

// Validators returns the genesis validators, in genesis order.
func (a *App) Validators() []Validator { return a.validators }

// Close closes the application and its database.
func (a *App) Close() error { return a.App.Close() }
