package main

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"time"

	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/client"
	clienttx "github.com/cosmos/cosmos-sdk/client/tx"
	"github.com/cosmos/cosmos-sdk/crypto/keyring"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/tx/signing"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/trustcity/trustcity/app"
	"github.com/trustcity/trustcity/testutil/signer"
)

const (
	// fundBatch is the number of outputs of one funding multi-send.
	fundBatch = 100
	// fundGasAdjustment scales the simulated gas of a funding multi-send.
	fundGasAdjustment = 1.5
	// fundBlocks bounds how many blocks the funding transactions may take.
	fundBlocks = 20
)

// funder signs with a key of a home's keyring.
type funder struct {
	kr   keyring.Keyring
	name string
	addr sdk.AccAddress
}

// openFunder opens the keyring of home and finds the key name in it.
func openFunder(c *chain, home, backend, name string, in io.Reader) (*funder, error) {
	if fi, err := os.Stat(home); err != nil || !fi.IsDir() {
		return nil, fmt.Errorf("-home %s: not a directory (start the chain with `make localnet`, or pass the home of its keyring)", home)
	}
	kr, err := keyring.New(app.Name, backend, home, in, c.cctx.Codec)
	if err != nil {
		return nil, fmt.Errorf("opening the %s keyring of %s: %w", backend, home, err)
	}
	rec, err := kr.Key(name)
	if err != nil {
		return nil, fmt.Errorf("key %q not found in the %s keyring of %s: %w", name, backend, home, err)
	}
	addr, err := rec.GetAddress()
	if err != nil {
		return nil, fmt.Errorf("key %q: %w", name, err)
	}
	return &funder{kr: kr, name: name, addr: addr}, nil
}

// fundPlan says which accounts get how much.
type fundPlan struct {
	Need    sdkmath.Int // an account below this balance is funded
	Amount  sdkmath.Int // what a funded account receives
	Targets []sdk.AccAddress
}

// planFunding picks the accounts whose balance is below need.
func planFunding(accs []*signer.Account, balances []sdkmath.Int, need, amount sdkmath.Int) fundPlan {
	p := fundPlan{Need: need, Amount: sdkmath.MaxInt(need, amount)}
	for i, b := range balances {
		if b.LT(need) {
			p.Targets = append(p.Targets, accs[i].Address)
		}
	}
	return p
}

// fund sends p.Amount to every target in multi-sends signed by f, waits for
// them to be committed and checks that they succeeded.
func fund(ctx context.Context, c *chain, f *funder, p fundPlan, gasPrice sdk.DecCoins, denom string, logf func(string, ...any)) error {
	if len(p.Targets) == 0 {
		return nil
	}
	num, seq, err := c.cctx.AccountRetriever.GetAccountNumberSequence(c.cctx, f.addr)
	if err != nil {
		return fmt.Errorf("reading the account of %s (%s): %w", f.name, f.addr, err)
	}
	txf := clienttx.Factory{}.
		WithTxConfig(c.txConfig).
		WithKeybase(f.kr).
		WithFromName(f.name).
		WithChainID(c.id).
		WithAccountNumber(num).
		WithSignMode(signing.SignMode_SIGN_MODE_DIRECT).
		WithGasAdjustment(fundGasAdjustment)

	// Check the funds, build and price every batch first, so that a
	// shortfall is reported before anything is sent.
	have, err := c.balance(ctx, f.addr, denom)
	if err != nil {
		return err
	}
	insufficient := func(total sdkmath.Int) error {
		return fmt.Errorf("insufficient funds: %s (%s) has %s%s; funding %d accounts with %s%s each needs %s%s",
			f.name, f.addr, have, denom, len(p.Targets), p.Amount, denom, total, denom)
	}
	if sum := p.Amount.MulRaw(int64(len(p.Targets))); have.LT(sum) {
		return insufficient(sum)
	}
	var msgs []*banktypes.MsgMultiSend
	var gas []uint64
	total := sdkmath.ZeroInt()
	for start := 0; start < len(p.Targets); start += fundBatch {
		batch := p.Targets[start:min(start+fundBatch, len(p.Targets))]
		coin := sdk.NewCoins(sdk.NewCoin(denom, p.Amount))
		outs := make([]banktypes.Output, len(batch))
		for i, to := range batch {
			outs[i] = banktypes.NewOutput(to, coin)
		}
		sum := p.Amount.MulRaw(int64(len(batch)))
		msg := banktypes.NewMsgMultiSend(banktypes.NewInput(f.addr, sdk.NewCoins(sdk.NewCoin(denom, sum))), outs)
		_, g, err := clienttx.CalculateGas(c.cctx, txf.WithSequence(seq), msg)
		if err != nil {
			return fmt.Errorf("simulating a funding multi-send from %s: %w", f.name, err)
		}
		msgs, gas = append(msgs, msg), append(gas, g)
		total = total.Add(sum).Add(feeFor(gasPrice, g).AmountOf(denom))
	}
	if have.LT(total) {
		return insufficient(total) // the fees made the difference
	}

	start, err := c.node.height(ctx)
	if err != nil {
		return err
	}
	index := map[[32]byte]int{}
	for i, msg := range msgs {
		bz, err := f.sign(ctx, c.txConfig, txf.WithSequence(seq+uint64(i)).WithGas(gas[i]).WithFees(feeFor(gasPrice, gas[i]).String()), msg)
		if err != nil {
			return err
		}
		callCtx, cancel := context.WithTimeout(ctx, httpTimeout)
		res, err := c.node.rpc.BroadcastTxSync(callCtx, bz)
		cancel()
		if err != nil {
			return fmt.Errorf("broadcasting funding multi-send %d: %w", i+1, err)
		}
		if res.Code != 0 {
			return fmt.Errorf("funding multi-send %d rejected: %s", i+1, reason(res.Codespace, res.Code, res.Log))
		}
		index[sha256.Sum256(bz)] = i
	}
	logf("funding %d accounts with %s%s each in %d multi-send(s) from %s", len(p.Targets), p.Amount, denom, len(msgs), f.name)

	fl := newFollower(c.node, index, start+1)
	all := func() bool { return len(fl.found) == len(index) }
	ok, err := fl.follow(ctx, all, nil, start+fundBlocks, time.Minute)
	if err != nil {
		return fmt.Errorf("waiting for the funding transactions: %w", err)
	}
	if !ok {
		return fmt.Errorf("%d of %d funding transactions not committed within %d blocks", len(index)-len(fl.found), len(index), fundBlocks)
	}
	for i := range msgs {
		if r, failed := fl.failures[i]; failed {
			return fmt.Errorf("funding multi-send %d failed in its block: %s", i+1, r)
		}
	}
	return nil
}

// sign signs msg with the funder's key and returns the encoded transaction.
func (f *funder) sign(ctx context.Context, txConfig client.TxConfig, txf clienttx.Factory, msg sdk.Msg) ([]byte, error) {
	b, err := txf.BuildUnsignedTx(msg)
	if err != nil {
		return nil, err
	}
	if err := clienttx.Sign(ctx, txf, f.name, b, true); err != nil {
		return nil, fmt.Errorf("signing with key %q: %w", f.name, err)
	}
	return txConfig.TxEncoder()(b.GetTx())
}

// feeFor is ceil(gasPrice × gas) in each denomination of gasPrice.
func feeFor(gasPrice sdk.DecCoins, gas uint64) sdk.Coins {
	var fee sdk.Coins
	limit := sdkmath.LegacyNewDec(int64(gas))
	for _, p := range gasPrice {
		amt := p.Amount.Mul(limit).Ceil().RoundInt()
		if amt.IsPositive() {
			fee = fee.Add(sdk.NewCoin(p.Denom, amt))
		}
	}
	return fee
}
