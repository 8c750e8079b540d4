package cmd

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	cmtcfg "github.com/cometbft/cometbft/config"

	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/tx"
	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/codec/address"
	"github.com/cosmos/cosmos-sdk/crypto/hd"
	"github.com/cosmos/cosmos-sdk/crypto/keyring"
	cryptotypes "github.com/cosmos/cosmos-sdk/crypto/types"
	srvconfig "github.com/cosmos/cosmos-sdk/server/config"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/module"
	"github.com/cosmos/cosmos-sdk/types/tx/signing"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	"github.com/cosmos/cosmos-sdk/x/genutil"
	genutiltypes "github.com/cosmos/cosmos-sdk/x/genutil/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	govv1 "github.com/cosmos/cosmos-sdk/x/gov/types/v1"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	"github.com/trustcity/trustcity/app"
)

// testnetNode describes one validator home in testnet.json.
type testnetNode struct {
	Name            string `json:"name"`
	Home            string `json:"home"`
	NodeID          string `json:"node_id"`
	P2P             string `json:"p2p"`
	RPC             string `json:"rpc"`
	API             string `json:"api"`
	GRPC            string `json:"grpc"`
	OperatorAddress string `json:"operator_address"`
	AccountAddress  string `json:"account_address"`

	p2pPort int
	pubKey  cryptotypes.PubKey
	comet   *cmtcfg.Config
}

// testnetAccount describes one funded user account in testnet.json.
type testnetAccount struct {
	Name    string `json:"name"`
	Address string `json:"address"`
}

// testnet is the content of testnet.json.
type testnet struct {
	ChainID  string           `json:"chain_id"`
	Nodes    []testnetNode    `json:"nodes"`
	Accounts []testnetAccount `json:"accounts"`
}

// writeTestnet creates every home, the shared genesis with one gentx per
// validator, and testnet.json.
func writeTestnet(clientCtx client.Context, basics module.BasicManager, opts testnetOptions, in io.Reader) (*testnet, error) {
	outDir, err := filepath.Abs(opts.outputDir)
	if err != nil {
		return nil, err
	}
	gentxDir := filepath.Join(outDir, "gentxs")
	if err := os.MkdirAll(gentxDir, 0o755); err != nil {
		return nil, err
	}
	net := &testnet{ChainID: opts.chainID}
	var genAccounts []authtypes.GenesisAccount
	var balances []banktypes.Balance
	fund := func(addr sdk.AccAddress, coins sdk.Coins) {
		genAccounts = append(genAccounts, authtypes.NewBaseAccount(addr, nil, 0, 0))
		balances = append(balances, banktypes.Balance{Address: addr.String(), Coins: coins.Sort()})
	}

	// Validators: node key, consensus key, operator key and gentx.
	for i := 0; i < opts.validators; i++ {
		node, kr, err := initNodeHome(clientCtx.Codec, outDir, i, opts, in)
		if err != nil {
			return nil, err
		}
		record, _, err := kr.NewMnemonic(node.Name, keyring.English, sdk.FullFundraiserPath, keyring.DefaultBIP39Passphrase, hd.Secp256k1)
		if err != nil {
			return nil, fmt.Errorf("creating key %s: %w", node.Name, err)
		}
		addr, err := record.GetAddress()
		if err != nil {
			return nil, err
		}
		node.AccountAddress = addr.String()
		node.OperatorAddress = sdk.ValAddress(addr).String()
		fund(addr, opts.validatorBalance)
		if err := writeGentx(clientCtx, kr, node, opts, gentxDir); err != nil {
			return nil, err
		}
		net.Nodes = append(net.Nodes, *node)
	}

	// Users: created once, imported into every home's keyring.
	for j := 0; j < opts.accounts; j++ {
		name := fmt.Sprintf("user%d", j)
		addr, err := addKeyToAllHomes(clientCtx.Codec, net.Nodes, name, opts.keyringBackend, in)
		if err != nil {
			return nil, err
		}
		fund(addr, opts.accountBalance)
		net.Accounts = append(net.Accounts, testnetAccount{Name: name, Address: addr.String()})
	}

	appState, err := testnetAppState(clientCtx.Codec, basics, genAccounts, balances, opts.votingPeriod)
	if err != nil {
		return nil, err
	}
	if err := writeGenesisToAllHomes(clientCtx, net, appState, gentxDir); err != nil {
		return nil, err
	}
	bz, err := json.MarshalIndent(net, "", "  ")
	if err != nil {
		return nil, err
	}
	return net, os.WriteFile(filepath.Join(outDir, "testnet.json"), bz, 0o644)
}

// initNodeHome writes node i's config.toml, app.toml, client.toml and its node
// and consensus keys, and opens its keyring.
func initNodeHome(cdc codec.Codec, outDir string, i int, opts testnetOptions, in io.Reader) (*testnetNode, keyring.Keyring, error) {
	name := fmt.Sprintf("node%d", i)
	home := filepath.Join(outDir, name)
	if err := os.MkdirAll(filepath.Join(home, "config"), 0o755); err != nil {
		return nil, nil, err
	}
	port := opts.basePort + 10*i
	node := &testnetNode{
		Name:    name,
		Home:    home,
		P2P:     fmt.Sprintf("tcp://127.0.0.1:%d", port),
		RPC:     fmt.Sprintf("tcp://127.0.0.1:%d", port+1),
		API:     fmt.Sprintf("http://127.0.0.1:%d", port+2),
		GRPC:    fmt.Sprintf("127.0.0.1:%d", port+3),
		p2pPort: port,
	}

	comet := initCometConfig()
	comet.SetRoot(home)
	comet.Moniker = name
	comet.P2P.ListenAddress = node.P2P
	comet.P2P.AllowDuplicateIP = true
	comet.P2P.AddrBookStrict = false
	comet.RPC.ListenAddress = node.RPC
	comet.RPC.PprofListenAddress = ""
	comet.ProxyApp = fmt.Sprintf("tcp://127.0.0.1:%d", port+4)
	node.comet = comet

	nodeID, pubKey, err := genutil.InitializeNodeValidatorFiles(comet)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: creating node keys: %w", name, err)
	}
	node.NodeID, node.pubKey = nodeID, pubKey

	_, appCfgAny := initAppConfig()
	appCfg := appCfgAny.(*srvconfig.Config)
	appCfg.MinGasPrices = "0" + app.BondDenom
	appCfg.API.Enable = true
	appCfg.API.Address = fmt.Sprintf("tcp://127.0.0.1:%d", port+2)
	appCfg.GRPC.Enable = true
	appCfg.GRPC.Address = node.GRPC
	srvconfig.WriteConfigFile(filepath.Join(home, "config", "app.toml"), appCfg)
	if err := writeClientConfig(home, opts.chainID, opts.keyringBackend, node.RPC); err != nil {
		return nil, nil, err
	}

	kr, err := keyring.New(sdk.KeyringServiceName(), opts.keyringBackend, home, in, cdc)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: opening keyring: %w", name, err)
	}
	return node, kr, nil
}

// writeGentx signs the validator's MsgCreateValidator. Its memo carries the
// node's P2P address, from which collect-gentxs derives persistent peers.
func writeGentx(clientCtx client.Context, kr keyring.Keyring, node *testnetNode, opts testnetOptions, dir string) error {
	msg, err := stakingtypes.NewMsgCreateValidator(
		node.OperatorAddress, node.pubKey, opts.validatorStake,
		stakingtypes.NewDescription(node.Name, "", "", "", ""),
		stakingtypes.NewCommissionRates(math.LegacyMustNewDecFromStr("0.1"), math.LegacyMustNewDecFromStr("0.2"), math.LegacyMustNewDecFromStr("0.01")),
		math.OneInt(),
	)
	if err != nil {
		return err
	}
	txBuilder := clientCtx.TxConfig.NewTxBuilder()
	if err := txBuilder.SetMsgs(msg); err != nil {
		return err
	}
	memo := fmt.Sprintf("%s@127.0.0.1:%d", node.NodeID, node.p2pPort)
	txBuilder.SetMemo(memo)
	txFactory := tx.Factory{}.
		WithChainID(opts.chainID).
		WithMemo(memo).
		WithKeybase(kr).
		WithTxConfig(clientCtx.TxConfig).
		WithSignMode(signing.SignMode_SIGN_MODE_DIRECT)
	if err := tx.Sign(clientCtx.CmdContext, txFactory, node.Name, txBuilder, true); err != nil {
		return fmt.Errorf("%s: signing gentx: %w", node.Name, err)
	}
	bz, err := clientCtx.TxConfig.TxJSONEncoder()(txBuilder.GetTx())
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, node.Name+".json"), bz, 0o644)
}

// addKeyToAllHomes creates a key in the first home and imports the same
// mnemonic into every other home.
func addKeyToAllHomes(cdc codec.Codec, nodes []testnetNode, name, backend string, in io.Reader) (sdk.AccAddress, error) {
	var mnemonic string
	var addr sdk.AccAddress
	for i, node := range nodes {
		kr, err := keyring.New(sdk.KeyringServiceName(), backend, node.Home, in, cdc)
		if err != nil {
			return nil, err
		}
		var record *keyring.Record
		if i == 0 {
			record, mnemonic, err = kr.NewMnemonic(name, keyring.English, sdk.FullFundraiserPath, keyring.DefaultBIP39Passphrase, hd.Secp256k1)
		} else {
			record, err = kr.NewAccount(name, mnemonic, keyring.DefaultBIP39Passphrase, sdk.FullFundraiserPath, hd.Secp256k1)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: key %s: %w", node.Name, name, err)
		}
		if addr, err = record.GetAddress(); err != nil {
			return nil, err
		}
	}
	return addr, nil
}

// testnetAppState returns the default genesis with the funded accounts and a
// short governance voting period.
func testnetAppState(
	cdc codec.JSONCodec, basics module.BasicManager,
	accounts []authtypes.GenesisAccount, balances []banktypes.Balance, votingPeriod time.Duration,
) (map[string]json.RawMessage, error) {
	state := basics.DefaultGenesis(cdc)

	var authGen authtypes.GenesisState
	cdc.MustUnmarshalJSON(state[authtypes.ModuleName], &authGen)
	packed, err := authtypes.PackAccounts(accounts)
	if err != nil {
		return nil, err
	}
	authGen.Accounts = packed
	state[authtypes.ModuleName] = cdc.MustMarshalJSON(&authGen)

	var bankGen banktypes.GenesisState
	cdc.MustUnmarshalJSON(state[banktypes.ModuleName], &bankGen)
	bankGen.Balances = balances
	// The supply is left empty: InitGenesis computes it from the balances.
	state[banktypes.ModuleName] = cdc.MustMarshalJSON(&bankGen)

	var govGen govv1.GenesisState
	cdc.MustUnmarshalJSON(state[govtypes.ModuleName], &govGen)
	expedited := votingPeriod / 2
	govGen.Params.VotingPeriod = &votingPeriod
	govGen.Params.ExpeditedVotingPeriod = &expedited
	state[govtypes.ModuleName] = cdc.MustMarshalJSON(&govGen)
	return state, nil
}

// writeGenesisToAllHomes writes the same genesis (same time) to every home and
// collects the gentxs into it, which also sets each node's persistent peers.
func writeGenesisToAllHomes(clientCtx client.Context, net *testnet, appState map[string]json.RawMessage, gentxDir string) error {
	bz, err := json.MarshalIndent(appState, "", "  ")
	if err != nil {
		return err
	}
	genesisTime := time.Now().UTC().Truncate(time.Second)
	valCodec := address.NewBech32Codec(app.Bech32PrefixValAddr)
	for _, node := range net.Nodes {
		appGenesis := genutiltypes.NewAppGenesisWithVersion(net.ChainID, bz)
		appGenesis.GenesisTime = genesisTime
		if err := appGenesis.SaveAs(node.comet.GenesisFile()); err != nil {
			return err
		}
		initCfg := genutiltypes.NewInitConfig(net.ChainID, gentxDir, node.NodeID, node.pubKey)
		if _, err := genutil.GenAppStateFromConfig(
			clientCtx.Codec, clientCtx.TxConfig, node.comet, initCfg, appGenesis,
			banktypes.GenesisBalancesIterator{}, genutiltypes.DefaultMessageValidator, valCodec,
		); err != nil {
			return fmt.Errorf("%s: collecting gentxs: %w", node.Name, err)
		}
	}
	return nil
}

// writeClientConfig writes client.toml so CLI commands run with --home need no other flags.
func writeClientConfig(home, chainID, backend, node string) error {
	content := fmt.Sprintf(`# Client configuration written by trustcityd testnet.
chain-id = %q
keyring-backend = %q
keyring-default-keyname = ""
output = "text"
node = %q
broadcast-mode = "sync"
`, chainID, backend, node)
	return os.WriteFile(filepath.Join(home, "config", "client.toml"), []byte(content), 0o600)
}
