package apptest_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	"github.com/trustcity/trustcity/app"
	"github.com/trustcity/trustcity/testutil/apptest"
	"github.com/trustcity/trustcity/testutil/signer"
)

func utcity(n int64) sdk.Coins { return sdk.NewCoins(sdk.NewCoin(app.BondDenom, math.NewInt(n))) }

func balance(f *apptest.App, acc *signer.Account) math.Int {
	return f.BankKeeper.GetBalance(f.Context(), acc.Address, app.BondDenom).Amount
}

func TestGenesisFundsAccountsAndBondsValidators(t *testing.T) {
	f := apptest.New(t, apptest.Config{Accounts: 4, Validators: 2})
	ctx := f.Context()
	require.Equal(t, int64(1), f.LastBlockHeight())
	require.Equal(t, apptest.BlockTime(1), ctx.BlockTime())

	require.Len(t, f.Accounts(), 4)
	for i, acc := range f.Accounts() {
		onChain := f.AccountKeeper.GetAccount(ctx, acc.Address)
		require.NotNil(t, onChain)
		require.Equal(t, uint64(i), onChain.GetAccountNumber())
		require.Equal(t, apptest.DefaultBalance.AmountOf(app.BondDenom), balance(f, acc))
	}

	bonded, err := f.StakingKeeper.GetBondedValidatorsByPower(ctx)
	require.NoError(t, err)
	require.Len(t, bonded, 2)
	for _, v := range f.Validators() {
		val, err := f.StakingKeeper.GetValidator(ctx, v.ValAddress())
		require.NoError(t, err)
		require.Equal(t, stakingtypes.Bonded, val.Status)
		consAddr, err := val.GetConsAddr()
		require.NoError(t, err)
		require.Equal(t, v.ConsAddress().Bytes(), consAddr)
		// The genesis transaction used the operator's first sequence.
		require.Equal(t, uint64(1), f.AccountKeeper.GetAccount(ctx, v.Operator.Address).GetSequence())
		require.Equal(t, v.Operator.Sequence, uint64(1))
	}
}

func TestBankSendMovesCoinsAndBumpsSequence(t *testing.T) {
	f := apptest.New(t, apptest.Config{Accounts: 2})
	alice, bob := f.Accounts()[0], f.Accounts()[1]
	aliceBefore, bobBefore := balance(f, alice), balance(f, bob)

	res, err := f.DeliverMsgs(alice, banktypes.NewMsgSend(alice.Address, bob.Address, utcity(1234)))
	require.NoError(t, err)
	require.Zero(t, res.Code, res.Log)
	require.NotZero(t, res.GasUsed)

	require.Equal(t, aliceBefore.SubRaw(1234), balance(f, alice))
	require.Equal(t, bobBefore.AddRaw(1234), balance(f, bob))
	require.Equal(t, uint64(1), f.AccountKeeper.GetAccount(f.Context(), alice.Address).GetSequence())
	require.Equal(t, uint64(1), alice.Sequence)
	require.Equal(t, int64(2), f.LastBlockHeight())

	// The next transaction signs with the advanced sequence and succeeds.
	res, err = f.DeliverMsgs(alice, banktypes.NewMsgSend(alice.Address, bob.Address, utcity(1)))
	require.NoError(t, err)
	require.Zero(t, res.Code, res.Log)
}

func TestFailingTxReturnsCodeAndChangesNoBalance(t *testing.T) {
	f := apptest.New(t, apptest.Config{Accounts: 2, Balance: utcity(100)})
	alice, bob := f.Accounts()[0], f.Accounts()[1]

	res, err := f.DeliverMsgs(alice, banktypes.NewMsgSend(alice.Address, bob.Address, utcity(101)))
	require.NoError(t, err)
	require.Equal(t, sdkerrors.ErrInsufficientFunds.ABCICode(), res.Code, res.Log)
	require.Equal(t, int64(100), balance(f, alice).Int64())
	require.Equal(t, int64(100), balance(f, bob).Int64())

	// The ante handler passed, so the chain advanced the sequence and alice
	// can go on signing.
	require.Equal(t, uint64(1), alice.Sequence)
	res, err = f.DeliverMsgs(alice, banktypes.NewMsgSend(alice.Address, bob.Address, utcity(100)))
	require.NoError(t, err)
	require.Zero(t, res.Code, res.Log)
}

func TestSequenceIsReadBackAfterARefusedTx(t *testing.T) {
	f := apptest.New(t, apptest.Config{Accounts: 2, Balance: utcity(100)})
	alice, bob := f.Accounts()[0], f.Accounts()[1]
	send := banktypes.NewMsgSend(alice.Address, bob.Address, utcity(1))

	// A fee alice cannot pay stops the transaction in the ante handler,
	// before the chain increments the sequence; signer.Sign advanced it
	// locally all the same.
	p := f.TxParams()
	p.Fee = utcity(1000)
	tx, err := signer.Sign(f.TxConfig(), alice, p, send)
	require.NoError(t, err)
	block, err := f.DeliverBlock(tx)
	require.NoError(t, err)
	require.Equal(t, sdkerrors.ErrInsufficientFunds.ABCICode(), block.TxResults[0].Code)
	require.Equal(t, uint64(1), alice.Sequence)

	// So the next transaction has the wrong sequence; DeliverMsgs then reads
	// the chain's sequence back and the one after succeeds.
	res, err := f.DeliverMsgs(alice, send)
	require.NoError(t, err)
	require.Equal(t, sdkerrors.ErrWrongSequence.ABCICode(), res.Code, res.Log)
	require.Equal(t, uint64(0), alice.Sequence)
	res, err = f.DeliverMsgs(alice, send)
	require.NoError(t, err)
	require.Zero(t, res.Code, res.Log)
}

func TestFeesArePaid(t *testing.T) {
	f := apptest.New(t, apptest.Config{Accounts: 2})
	alice, bob := f.Accounts()[0], f.Accounts()[1]
	before := balance(f, alice)

	p := f.TxParams()
	p.Fee = utcity(500)
	tx, err := signer.Sign(f.TxConfig(), alice, p, banktypes.NewMsgSend(alice.Address, bob.Address, utcity(7)))
	require.NoError(t, err)
	res, err := f.DeliverBlock(tx)
	require.NoError(t, err)
	require.Zero(t, res.TxResults[0].Code, res.TxResults[0].Log)
	require.Equal(t, before.SubRaw(507), balance(f, alice))
}

func TestBlocksCarryEveryValidatorsVote(t *testing.T) {
	f := apptest.New(t, apptest.Config{Validators: 3})
	for range 4 {
		_, err := f.DeliverBlock()
		require.NoError(t, err)
	}
	ctx := f.Context()
	for _, v := range f.Validators() {
		info, err := f.SlashingKeeper.GetValidatorSigningInfo(ctx, v.ConsAddress())
		require.NoError(t, err)
		require.Zero(t, info.MissedBlocksCounter)
		require.Positive(t, info.IndexOffset, "validator %s signed no block", v.ValAddress())

		rewards, err := f.DistrKeeper.GetValidatorOutstandingRewards(ctx, v.ValAddress())
		require.NoError(t, err)
		require.False(t, rewards.Rewards.IsZero(), "validator %s earned nothing", v.ValAddress())
	}
}

func TestSameConfigIsTheSameChain(t *testing.T) {
	a := apptest.New(t, apptest.Config{Accounts: 3, Validators: 2})
	b := apptest.New(t, apptest.Config{Accounts: 3, Validators: 2})
	require.Equal(t, a.LastCommitID(), b.LastCommitID())
	require.Equal(t, signer.Addresses(a.Accounts()), signer.Addresses(b.Accounts()))
}
