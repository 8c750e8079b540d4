package signer_test

import (
	"testing"

	dbm "github.com/cosmos/cosmos-db"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/log/v2"
	"cosmossdk.io/math"

	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authsigning "github.com/cosmos/cosmos-sdk/x/auth/signing"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/trustcity/trustcity/app"
	"github.com/trustcity/trustcity/testutil/signer"
)

func TestNewAccountsAreDeterministic(t *testing.T) {
	a, b := signer.NewAccounts("seed", 3), signer.NewAccounts("seed", 3)
	require.Equal(t, signer.Addresses(a), signer.Addresses(b))
	require.NotEqual(t, a[0].Address, a[1].Address)
	require.NotEqual(t, a[0].Address, signer.NewAccounts("other", 1)[0].Address)
}

func TestSignIncrementsSequenceAndVerifies(t *testing.T) {
	txConfig := app.New(log.NewNopLogger(), dbm.NewMemDB(), true, simtestutil.NewAppOptionsWithFlagHome(t.TempDir())).TxConfig()
	accs := signer.NewAccounts("seed", 2)
	accs[0].Number, accs[0].Sequence = 7, 3
	msg := banktypes.NewMsgSend(accs[0].Address, accs[1].Address, sdk.NewCoins(sdk.NewCoin(app.BondDenom, math.OneInt())))

	bz, err := signer.Sign(txConfig, accs[0], signer.TxParams{ChainID: "c", GasLimit: 100_000}, msg)
	require.NoError(t, err)
	require.Equal(t, uint64(4), accs[0].Sequence)

	decoded, err := txConfig.TxDecoder()(bz)
	require.NoError(t, err)
	sigTx := decoded.(authsigning.SigVerifiableTx)
	sigs, err := sigTx.GetSignaturesV2()
	require.NoError(t, err)
	require.Len(t, sigs, 1)
	require.Equal(t, uint64(3), sigs[0].Sequence)
	require.Equal(t, uint64(100_000), decoded.(sdk.FeeTx).GetGas())
}
