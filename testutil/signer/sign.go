package signer

import (
	"context"
	"fmt"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/tx"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/tx/signing"
	authsigning "github.com/cosmos/cosmos-sdk/x/auth/signing"
)

// TxParams are the non-message parts of a transaction.
type TxParams struct {
	ChainID  string
	GasLimit uint64
	Fee      sdk.Coins
	Memo     string
}

// Sign builds a transaction of msgs signed by acc in SIGN_MODE_DIRECT, with
// acc's account number and current sequence, and returns its encoded bytes.
// The sequence is then incremented: the chain increments it for every
// transaction that passes the ante handler, failed or not.
func Sign(txConfig client.TxConfig, acc *Account, p TxParams, msgs ...sdk.Msg) ([]byte, error) {
	builder := txConfig.NewTxBuilder()
	if err := builder.SetMsgs(msgs...); err != nil {
		return nil, err
	}
	builder.SetGasLimit(p.GasLimit)
	builder.SetFeeAmount(p.Fee)
	builder.SetMemo(p.Memo)

	pub := acc.Key.PubKey()
	mode := signing.SignMode_SIGN_MODE_DIRECT
	// The signer infos (with an empty signature) are part of what is signed.
	empty := signing.SignatureV2{PubKey: pub, Data: &signing.SingleSignatureData{SignMode: mode}, Sequence: acc.Sequence}
	if err := builder.SetSignatures(empty); err != nil {
		return nil, err
	}
	signerData := authsigning.SignerData{
		Address:       acc.Address.String(),
		ChainID:       p.ChainID,
		AccountNumber: acc.Number,
		Sequence:      acc.Sequence,
		PubKey:        pub,
	}
	sig, err := tx.SignWithPrivKey(context.Background(), mode, signerData, builder, acc.Key, txConfig, acc.Sequence)
	if err != nil {
		return nil, fmt.Errorf("signing for %s: %w", acc.Address, err)
	}
	if err := builder.SetSignatures(sig); err != nil {
		return nil, err
	}
	bz, err := txConfig.TxEncoder()(builder.GetTx())
	if err != nil {
		return nil, err
	}
	acc.Sequence++
	return bz, nil
}
