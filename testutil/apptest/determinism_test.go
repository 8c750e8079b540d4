package apptest_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/server"
	serverconfig "github.com/cosmos/cosmos-sdk/server/config"
	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/trustcity/trustcity/testutil/apptest"
	"github.com/trustcity/trustcity/testutil/signer"
)

// TestBlockSTMMatchesSequentialExecution delivers the same signed blocks to a
// chain executing transactions one after the other (the default) and to one
// executing them with Block-STM, and requires the same app hash and the same
// transaction results after every block. The blocks are built to make
// Block-STM's speculation fail: chained sends (each transaction's recipient
// sends next), several transactions of one sender, every fee paid to the one
// fee collector, many sends to one account, and failing transactions.
func TestBlockSTMMatchesSequentialExecution(t *testing.T) {
	const accounts = 24
	cfg := apptest.Config{Accounts: accounts, Balance: utcity(1_000_000)}
	sequential := apptest.New(t, cfg)
	cfg.AppOptions = map[string]any{server.FlagBlockExecutor: serverconfig.BlockExecutorBlockSTM}
	stm := apptest.New(t, cfg)
	require.False(t, usesBlockSTM(sequential))
	require.True(t, usesBlockSTM(stm))
	require.Equal(t, sequential.LastCommitID(), stm.LastCommitID(), "genesis differs")

	failed := 0
	for i, txs := range bankBlocks(t, sequential) {
		want, err := sequential.DeliverBlock(txs...)
		require.NoError(t, err)
		got, err := stm.DeliverBlock(txs...)
		require.NoError(t, err)

		require.Equalf(t, want.AppHash, got.AppHash, "block %d: app hash", i)
		require.Lenf(t, got.TxResults, len(want.TxResults), "block %d", i)
		for j, res := range want.TxResults {
			require.Equalf(t, res, got.TxResults[j], "block %d, tx %d", i, j)
			if res.Code != 0 {
				failed++
			}
		}
		require.Equalf(t, want.Events, got.Events, "block %d: block events", i)
	}
	require.Equal(t, 1, failed, "the blocks hold exactly one failing transaction")
}

// bankBlocks signs the test's blocks with f's accounts (the same keys every
// fixture has) and paying fees.
func bankBlocks(t *testing.T, f *apptest.App) [][][]byte {
	t.Helper()
	accs := f.Accounts()
	p := f.TxParams()
	p.Fee = utcity(1000)
	sign := func(from *signer.Account, msgs ...sdk.Msg) []byte {
		tx, err := signer.Sign(f.TxConfig(), from, p, msgs...)
		require.NoError(t, err)
		return tx
	}
	send := func(from, to int, amount int64) []byte {
		return sign(accs[from], banktypes.NewMsgSend(accs[from].Address, accs[to].Address, utcity(amount)))
	}

	var chained, sameSender, fanIn [][]byte
	for i := range accs {
		chained = append(chained, send(i, (i+1)%len(accs), 10))
	}
	for n := range 8 {
		sameSender = append(sameSender, send(0, 1+n, 5), send(1, 0, 3))
	}
	// More than the sender holds: fails in the bank handler, after the fee.
	sameSender = append(sameSender, send(2, 3, 10_000_000))
	outs := []banktypes.Output{}
	for i := 1; i <= 10; i++ {
		outs = append(outs, banktypes.NewOutput(accs[i].Address, utcity(2)))
	}
	sameSender = append(sameSender, sign(accs[3], banktypes.NewMsgMultiSend(banktypes.NewInput(accs[3].Address, utcity(20)), outs)))
	for i := 1; i < len(accs); i++ {
		fanIn = append(fanIn, send(i, 0, int64(i)))
	}
	return [][][]byte{chained, sameSender, fanIn}
}

// usesBlockSTM tells whether f runs Block-STM. baseapp does not say which
// runner it has, but it refuses to enable the block gas meter while a
// parallel runner is installed (the sequential default keeps it enabled, so
// enabling it there changes nothing).
func usesBlockSTM(f *apptest.App) (parallel bool) {
	defer func() { parallel = recover() != nil }()
	f.SetDisableBlockGasMeter(false)
	return false
}
