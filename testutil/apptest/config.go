package apptest

import (
	"time"

	dbm "github.com/cosmos/cosmos-db"

	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/baseapp"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/app"
)

// Defaults of Config and of the transactions the fixture signs.
const (
	// DefaultChainID is the chain id of a fixture chain.
	DefaultChainID = "trustcity-test-1"
	// DefaultAccounts is the number of funded accounts when Config.Accounts is zero.
	DefaultAccounts = 10
	// DefaultGasLimit is the gas SignTx declares: enough for any single
	// message of the SDK modules, so tests rarely have to think about it.
	DefaultGasLimit = 1_000_000
	// AccountSeed and ValidatorSeed derive the fixture's keys (see
	// signer.NewAccounts): every fixture, in every process, has the same
	// accounts, so pre-signed transactions are valid on any of them.
	AccountSeed   = "apptest/account"
	ValidatorSeed = "apptest/validator"
	// BlockInterval separates consecutive block times.
	BlockInterval = 5 * time.Second
)

// GenesisTime is the time of the genesis; block h is at GenesisTime +
// h*BlockInterval. Fixed, so that two runs see the same blocks: nothing in the
// fixture reads the wall clock.
var GenesisTime = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// DefaultBalance is each account's genesis balance when Config.Balance is
// empty: 1,000,000 TCITY.
var DefaultBalance = sdk.NewCoins(sdk.NewCoin(app.BondDenom, math.NewInt(1_000_000_000_000)))

// validatorBond is each validator's self-delegation: 1,000 TCITY, a voting
// power of 1,000.
var validatorBond = math.NewInt(1_000_000_000)

// Config describes the chain a fixture starts. The zero value is a valid
// configuration: ten funded accounts, one validator, an in-memory database.
type Config struct {
	// Accounts is the number of funded accounts (DefaultAccounts when zero).
	// Account i has account number i, so it can sign from the first block.
	Accounts int
	// Validators is the number of bonded validators (one when zero). Each
	// has its own operator account, funded like the others plus its bond,
	// and a real ed25519 consensus key.
	Validators int
	// Balance is each account's genesis balance (DefaultBalance when empty).
	Balance sdk.Coins
	// DB holds the chain's state (a fresh in-memory database when nil). The
	// fixture owns it: Close closes it.
	DB dbm.DB
	// AppOptions are node settings as app.toml keys or flags, for example
	// server.FlagBlockExecutor. New adds a home directory under the test's
	// temporary directory unless flags.FlagHome is set.
	AppOptions map[string]any
	// BaseAppOptions are node settings applied to baseapp directly (the
	// inter-block cache, IAVL cache size, pruning), as a node would from
	// app.toml.
	BaseAppOptions []func(*baseapp.BaseApp)
	// ChainID is the chain id (DefaultChainID when empty).
	ChainID string
}

// withDefaults returns c with every zero field given its default.
func (c Config) withDefaults() Config {
	if c.Accounts == 0 {
		c.Accounts = DefaultAccounts
	}
	if c.Validators == 0 {
		c.Validators = 1
	}
	if c.Balance.Empty() {
		c.Balance = DefaultBalance
	}
	if c.DB == nil {
		c.DB = dbm.NewMemDB()
	}
	if c.ChainID == "" {
		c.ChainID = DefaultChainID
	}
	opts := make(map[string]any, len(c.AppOptions))
	for k, v := range c.AppOptions {
		opts[k] = v
	}
	c.AppOptions = opts
	return c
}
