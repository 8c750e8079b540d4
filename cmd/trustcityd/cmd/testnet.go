package cmd

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/crypto/keyring"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/module"

	"github.com/trustcity/trustcity/app"
)

const (
	flagValidators       = "validators"
	flagOutputDir        = "output-dir"
	flagBasePort         = "base-port"
	flagAccounts         = "accounts"
	flagVotingPeriod     = "voting-period"
	flagAccountBalance   = "account-balance"
	flagValidatorStake   = "validator-stake"
	flagValidatorBalance = "validator-balance"
)

// testnetOptions are the settings of `trustcityd testnet`.
type testnetOptions struct {
	validators       int
	accounts         int
	outputDir        string
	chainID          string
	keyringBackend   string
	basePort         int
	votingPeriod     time.Duration
	accountBalance   sdk.Coins
	validatorStake   sdk.Coin
	validatorBalance sdk.Coins
}

// testnetCmd writes the configuration of an N-validator network on loopback.
func testnetCmd(basics module.BasicManager) *cobra.Command {
	var (
		opts                                             testnetOptions
		accountBalance, validatorBalance, validatorStake string
	)
	cmd := &cobra.Command{
		Use:   "testnet",
		Short: "Write the configuration of a local N-validator network on loopback ports",
		Long: `Write the homes of an N-validator TrustCity network that runs on one machine.

Each validator i gets its own home <output-dir>/node<i> with distinct loopback ports:
  P2P  base-port+10i     CometBFT RPC  base-port+10i+1
  REST base-port+10i+2   gRPC          base-port+10i+3
All homes share one genesis in which every validator has created itself with a gentx,
the nodes list each other as persistent peers, and every home's test keyring holds the
node's validator key (node<i>) and the funded accounts user0..user<n-1>.
<output-dir>/testnet.json describes the network (ports, node ids, addresses).
Start each node with: trustcityd start --home <output-dir>/node<i>`,
		Example: "trustcityd testnet --validators 4 --output-dir ./.localnet-multi --chain-id trustcity-multi-1",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			var err error
			if opts.accountBalance, err = sdk.ParseCoinsNormalized(accountBalance); err != nil {
				return fmt.Errorf("--%s: %w", flagAccountBalance, err)
			}
			if opts.validatorBalance, err = sdk.ParseCoinsNormalized(validatorBalance); err != nil {
				return fmt.Errorf("--%s: %w", flagValidatorBalance, err)
			}
			if opts.validatorStake, err = sdk.ParseCoinNormalized(validatorStake); err != nil {
				return fmt.Errorf("--%s: %w", flagValidatorStake, err)
			}
			if err := opts.validate(); err != nil {
				return err
			}
			clientCtx := client.GetClientContextFromCmd(cmd)
			net, err := writeTestnet(clientCtx, basics, opts, bufio.NewReader(cmd.InOrStdin()))
			if err != nil {
				return err
			}
			cmd.Printf("Wrote %d validator homes for chain %s under %s\n", len(net.Nodes), net.ChainID, opts.outputDir)
			for _, n := range net.Nodes {
				cmd.Printf("  %s  rpc %s  rest %s  grpc %s\n", n.Name, n.RPC, n.API, n.GRPC)
			}
			cmd.Printf("Start each node with: trustcityd start --home %s\n", filepath.Join(opts.outputDir, "node<i>"))
			return nil
		},
	}

	f := cmd.Flags()
	f.IntVar(&opts.validators, flagValidators, 4, "Number of validators")
	f.IntVar(&opts.accounts, flagAccounts, 2, "Number of funded user accounts (user0, user1, ...) in every home's keyring")
	f.StringVar(&opts.outputDir, flagOutputDir, "./.localnet-multi", "Directory that receives the node homes")
	f.StringVar(&opts.chainID, flags.FlagChainID, "trustcity-multi-1", "Chain id of the network")
	f.StringVar(&opts.keyringBackend, flags.FlagKeyringBackend, keyring.BackendTest, "Keyring backend of the written homes (test or file)")
	f.IntVar(&opts.basePort, flagBasePort, 26600, "First port; node i uses base-port+10i .. base-port+10i+3")
	f.DurationVar(&opts.votingPeriod, flagVotingPeriod, time.Minute, "Governance voting period")
	f.StringVar(&accountBalance, flagAccountBalance, "1000000000000"+app.BondDenom, "Balance of each user account")
	f.StringVar(&validatorBalance, flagValidatorBalance, "1000000000000"+app.BondDenom, "Balance of each validator account")
	f.StringVar(&validatorStake, flagValidatorStake, "100000000000"+app.BondDenom, "Self-delegation of each validator")
	return cmd
}

func (o testnetOptions) validate() error {
	switch {
	case o.validators < 1 || o.validators > 100:
		return fmt.Errorf("--%s must be between 1 and 100, got %d", flagValidators, o.validators)
	case o.accounts < 0 || o.accounts > 1000:
		return fmt.Errorf("--%s must be between 0 and 1000, got %d", flagAccounts, o.accounts)
	case o.basePort < 1024 || o.basePort+10*o.validators > 65535:
		return fmt.Errorf("--%s %d leaves no room for %d nodes below port 65535", flagBasePort, o.basePort, o.validators)
	case o.chainID == "":
		return errors.New("--chain-id must not be empty")
	case o.keyringBackend != keyring.BackendTest && o.keyringBackend != keyring.BackendFile:
		return fmt.Errorf("--%s must be test or file, got %q", flags.FlagKeyringBackend, o.keyringBackend)
	case o.votingPeriod <= 0:
		return fmt.Errorf("--%s must be positive", flagVotingPeriod)
	case o.validatorStake.Denom != app.BondDenom:
		return fmt.Errorf("--%s must be in %s", flagValidatorStake, app.BondDenom)
	case o.validatorBalance.AmountOf(app.BondDenom).LT(o.validatorStake.Amount):
		return fmt.Errorf("--%s must cover --%s", flagValidatorBalance, flagValidatorStake)
	}
	if _, err := os.Stat(filepath.Join(o.outputDir, "testnet.json")); err == nil {
		return fmt.Errorf("%s already holds a network: remove it first", o.outputDir)
	}
	return nil
}
