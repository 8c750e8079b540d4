// Package apptest runs a whole TrustCity chain inside a test: the real
// application (app.New, every module, the real ante handler) driven through
// ABCI the way CometBFT drives a node, with funded accounts that can sign at
// once. Module tests that need more than one keeper use it; keeper tests over
// a bare store use testutil/keepertest.
//
//	f := apptest.New(t, apptest.Config{Accounts: 3})
//	alice, bob := f.Accounts()[0], f.Accounts()[1]
//	res, err := f.DeliverMsgs(alice, banktypes.NewMsgSend(alice.Address, bob.Address, coins))
//	require.NoError(t, err)    // the block was finalized and committed
//	require.Zero(t, res.Code)  // the transaction succeeded
//	balance := f.BankKeeper.GetBalance(f.Context(), bob.Address, app.BondDenom)
//
// # The chain
//
// New (or Start, for programs without a testing.TB) builds the app over
// Config.DB, runs InitChain and commits block 1. The genesis is the app's
// default genesis plus:
//   - Config.Accounts accounts from signer.NewAccounts(AccountSeed, n), account
//     i with account number i and Config.Balance;
//   - Config.Validators validators, each created by a genesis transaction
//     (MsgCreateValidator signed by its operator, delivered by genutil) with a
//     real ed25519 consensus key, so staking, distribution and slashing start
//     with the records a real network has.
//
// Keys are derived from fixed seeds and block h is at GenesisTime +
// h*BlockInterval: two fixtures with the same Config are the same chain, and
// a transaction signed for one is valid on the other. Nothing reads the wall
// clock.
//
// # Blocks
//
// DeliverBlock finalizes and commits one block of transactions and returns
// each transaction's result and events; DeliverMsgs signs messages for one
// account, delivers them in their own block and returns the result. Blocks
// carry every validator's vote on the previous block. Transactions are not
// run through CheckTx, so no minimum gas price applies and SignTx pays no fee;
// tests about fees sign with signer.Sign and their own TxParams.
//
// # State
//
// Context returns a read-only view of the last committed block for keeper
// reads and queries. The keepers are fields of the embedded *app.App.
//
// # Node settings
//
// Config.AppOptions carries app.toml settings, for instance
//
//	apptest.Config{AppOptions: map[string]any{server.FlagBlockExecutor: serverconfig.BlockExecutorBlockSTM}}
//
// runs the chain with Block-STM, as a node configured so would.
package apptest
