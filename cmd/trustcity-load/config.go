package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"time"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/app"
	"github.com/trustcity/trustcity/testutil/scenario"
)

// unboundedRate is the rate assumed when sizing the pre-signed transactions
// of a run with -rate 0: comfortably above what one node on a developer
// machine commits. -max-txs overrides it.
const unboundedRate = 1500

// maxPresigned bounds the pre-signed transactions of a run (about 300 bytes
// each, plus bookkeeping).
const maxPresigned = 2_000_000

// config is the command line.
type config struct {
	Node           string
	AllowRemote    bool
	Home           string
	From           string
	KeyringBackend string
	Accounts       int
	Seed           string
	Scenario       string
	Rate           float64
	Duration       time.Duration
	WarmupBlocks   int
	CooldownBlocks int
	DrainBlocks    int
	Senders        int
	MaxTxs         int
	GasPrice       string
	Fund           string
	JSON           string

	// Parsed from the strings above by validate.
	gasPrice sdk.DecCoins
	fund     sdkmath.Int
}

// parseFlags parses args (without the program name).
func parseFlags(args []string, stderr io.Writer) (config, error) {
	var c config
	fs := flag.NewFlagSet("trustcity-load", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.Node, "node", "http://127.0.0.1:26657", "CometBFT RPC of the node to load (all queries go there too)")
	fs.BoolVar(&c.AllowRemote, "allow-remote", false, "allow a -node that is not a loopback address")
	fs.StringVar(&c.Home, "home", "./.localnet", "home whose keyring holds the -from key")
	fs.StringVar(&c.From, "from", "alice", "key in the -home keyring that funds the load accounts")
	fs.StringVar(&c.KeyringBackend, "keyring-backend", "test", "keyring backend of -home")
	fs.IntVar(&c.Accounts, "accounts", 200, "number of load accounts derived from -seed")
	fs.StringVar(&c.Seed, "seed", "trustcity-load", "seed of the load accounts (the same seed gives the same accounts)")
	fs.StringVar(&c.Scenario, "scenario", scenario.BaselineName, "workload, one of the testutil/scenario rows")
	fs.Float64Var(&c.Rate, "rate", 0, "target transactions per second; 0 sends as fast as the mempool accepts")
	fs.DurationVar(&c.Duration, "duration", time.Minute, "how long to send")
	fs.IntVar(&c.WarmupBlocks, "warmup-blocks", 2, "blocks dropped at the start of the measurement window")
	fs.IntVar(&c.CooldownBlocks, "cooldown-blocks", 2, "blocks dropped at the end of the measurement window")
	fs.IntVar(&c.DrainBlocks, "drain-blocks", 10, "blocks to wait after sending for accepted transactions to be committed")
	fs.IntVar(&c.Senders, "senders", 8, "concurrent senders (each owns whole accounts, so per-account order is kept)")
	fs.IntVar(&c.MaxTxs, "max-txs", 0, fmt.Sprintf("transactions to pre-sign; 0 = rate × duration, or %d/s × duration with -rate 0", unboundedRate))
	fs.StringVar(&c.GasPrice, "gas-price", "0"+app.BondDenom, "gas price; every transaction pays ceil(gas price × gas limit)")
	fs.StringVar(&c.Fund, "fund", "10000000"+app.BondDenom, "what an account below the run's needs receives (raised to the need if lower)")
	fs.StringVar(&c.JSON, "json", "", "also write the figures as JSON to this file")
	fs.Usage = func() {
		fmt.Fprint(stderr, usageText)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	return c, c.validate()
}

// validate checks the flags and parses the coin values.
func (c *config) validate() error {
	switch {
	case c.Accounts < 1:
		return errors.New("-accounts must be at least 1")
	case c.Rate < 0 || math.IsNaN(c.Rate) || math.IsInf(c.Rate, 0):
		return errors.New("-rate must be a non-negative number")
	case c.Duration <= 0:
		return errors.New("-duration must be positive")
	case c.WarmupBlocks < 0 || c.CooldownBlocks < 0:
		return errors.New("-warmup-blocks and -cooldown-blocks must not be negative")
	case c.DrainBlocks < 1:
		return errors.New("-drain-blocks must be at least 1")
	case c.Senders < 1:
		return errors.New("-senders must be at least 1")
	case c.MaxTxs < 0:
		return errors.New("-max-txs must not be negative")
	case c.Seed == "":
		return errors.New("-seed must not be empty")
	}
	sc, err := scenario.ByName(c.Scenario)
	if err != nil {
		return fmt.Errorf("-scenario: %w", err)
	}
	if sc.Genesis != nil {
		// The chain under load is already running: its genesis is past.
		return fmt.Errorf("-scenario %s needs state in the chain's genesis (%s), which a running chain cannot be given; "+
			"measure it with the block benchmark (make bench)", sc.Name, sc.GenesisReason)
	}
	gp, err := sdk.ParseDecCoins(c.GasPrice)
	if err != nil {
		return fmt.Errorf("-gas-price %q: %w", c.GasPrice, err)
	}
	for _, p := range gp {
		if p.Denom != app.BondDenom {
			return fmt.Errorf("-gas-price %q: the fee denomination is %s", c.GasPrice, app.BondDenom)
		}
	}
	c.gasPrice = gp
	fund, err := sdk.ParseCoinNormalized(c.Fund)
	if err != nil || fund.Denom != app.BondDenom || !fund.IsPositive() {
		return fmt.Errorf("-fund %q: want a positive amount of %s", c.Fund, app.BondDenom)
	}
	c.fund = fund.Amount
	if n := c.txCount(); n > maxPresigned {
		return fmt.Errorf("the run would pre-sign %d transactions (rate × duration), more than %d; lower -rate or -duration, or set -max-txs", n, maxPresigned)
	}
	return nil
}

// txCount is how many transactions the run pre-signs.
func (c config) txCount() int {
	if c.MaxTxs > 0 {
		return c.MaxTxs
	}
	rate := c.Rate
	if rate == 0 {
		rate = unboundedRate
	}
	return int(max(1, min(math.Ceil(rate*c.Duration.Seconds()), math.MaxInt32)))
}
