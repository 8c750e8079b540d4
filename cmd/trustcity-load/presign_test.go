package main

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authsigning "github.com/cosmos/cosmos-sdk/x/auth/signing"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/trustcity/trustcity/app"
	"github.com/trustcity/trustcity/testutil/scenario"
	"github.com/trustcity/trustcity/testutil/signer"
)

func TestPresignRoundRobinWithRealSequences(t *testing.T) {
	a, err := newChain(&node{}, "c")
	require.NoError(t, err)
	accs := signer.NewAccounts("presign-test", 3)
	for i, acc := range accs {
		acc.Number, acc.Sequence = uint64(10+i), uint64(100*i)
	}
	sc, err := scenario.ByName(scenario.BaselineName)
	require.NoError(t, err)
	env := scenario.Env{Accounts: signer.Addresses(accs), Denom: app.BondDenom}
	fee := sdk.NewCoins(sdk.NewInt64Coin(app.BondDenom, 3))
	txs, err := presign(a.txConfig, accs, sc, env, signer.TxParams{ChainID: "c", GasLimit: sc.GasLimit, Fee: fee}, 8)
	require.NoError(t, err)
	require.Len(t, txs, 8)
	for i, tx := range txs {
		acc, nth := i%3, uint64(i/3)
		require.Equal(t, acc, tx.Account)
		require.Equal(t, uint64(100*acc)+nth, tx.Sequence)
		decoded, err := a.txConfig.TxDecoder()(tx.Bytes)
		require.NoError(t, err)
		sigs, err := decoded.(authsigning.SigVerifiableTx).GetSignaturesV2()
		require.NoError(t, err)
		require.Equal(t, tx.Sequence, sigs[0].Sequence)
		require.Equal(t, fee, decoded.(sdk.FeeTx).GetFee())
		msg := decoded.GetMsgs()[0].(*banktypes.MsgSend)
		require.Equal(t, accs[acc].Address.String(), msg.FromAddress)
	}
	// Each account's sequence moved past its last transaction: 3, 3 and 2 of them.
	require.Equal(t, []uint64{3, 103, 202}, []uint64{accs[0].Sequence, accs[1].Sequence, accs[2].Sequence})

	index, err := hashIndex(txs)
	require.NoError(t, err)
	require.Len(t, index, 8)
	_, err = hashIndex(append(txs, txs[4]))
	require.ErrorContains(t, err, "transactions 4 and 8 are identical")
}

func TestSpendOf(t *testing.T) {
	accs := signer.Addresses(signer.NewAccounts("spend", 12))
	env := scenario.Env{Accounts: accs, Denom: app.BondDenom}
	for name, want := range map[string]int64{"bank-send": 1, "bank-multisend": 10} {
		sc, err := scenario.ByName(name)
		require.NoError(t, err)
		require.Equal(t, sdkmath.NewInt(want), spendOf(sc.Msgs(env, 0, 0), app.BondDenom), name)
	}
	require.True(t, spendOf([]sdk.Msg{&banktypes.MsgUpdateParams{}}, app.BondDenom).IsZero())
}

func TestFeeFor(t *testing.T) {
	gp, err := sdk.ParseDecCoins("0.0025utcity")
	require.NoError(t, err)
	require.Equal(t, "500utcity", feeFor(gp, 200_000).String())
	require.Equal(t, "1utcity", feeFor(gp, 1).String()) // rounded up
	require.True(t, feeFor(sdk.DecCoins{}, 200_000).IsZero())
	zero, err := sdk.ParseDecCoins("0utcity")
	require.NoError(t, err)
	require.True(t, feeFor(zero, 200_000).IsZero())
}
