package apptest

import (
	"crypto/sha256"
	"fmt"

	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
	sdk "github.com/cosmos/cosmos-sdk/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	"github.com/trustcity/trustcity/app"
	"github.com/trustcity/trustcity/testutil/signer"
)

// Validator is a bonded genesis validator: the account that operates it and
// the ed25519 key that signs its consensus votes.
type Validator struct {
	// Operator is the operator's account; its validator address is
	// sdk.ValAddress(Operator.Address).
	Operator *signer.Account
	// ConsKey is the consensus key, as in a node's priv_validator_key.json.
	ConsKey *ed25519.PrivKey
}

// ValAddress returns the validator's operator address.
func (v Validator) ValAddress() sdk.ValAddress { return sdk.ValAddress(v.Operator.Address) }

// ConsAddress returns the address CometBFT knows the validator by.
func (v Validator) ConsAddress() sdk.ConsAddress {
	return sdk.ConsAddress(v.ConsKey.PubKey().Address())
}

// newValidators derives n validators from ValidatorSeed. Their operator
// accounts get the account numbers after the first firstNumber accounts.
func newValidators(n int, firstNumber uint64) []Validator {
	operators := signer.NewAccounts(ValidatorSeed, n)
	vals := make([]Validator, n)
	for i, op := range operators {
		op.Number = firstNumber + uint64(i)
		secret := sha256.Sum256([]byte(fmt.Sprintf("%s/consensus/%d", ValidatorSeed, i)))
		vals[i] = Validator{Operator: op, ConsKey: ed25519.GenPrivKeyFromSecret(secret[:])}
	}
	return vals
}

// genTx returns the JSON genesis transaction creating v with its bond, as
// `trustcityd genesis gentx` would: genutil delivers it in InitChain through
// the real ante handler and staking's msg server, so staking, distribution
// and slashing hold exactly the records a real network starts with.
func genTx(txConfig client.TxConfig, chainID string, v Validator) ([]byte, error) {
	commission := stakingtypes.NewCommissionRates(
		math.LegacyMustNewDecFromStr("0.1"), math.LegacyMustNewDecFromStr("0.2"), math.LegacyMustNewDecFromStr("0.01"))
	msg, err := stakingtypes.NewMsgCreateValidator(
		v.ValAddress().String(), v.ConsKey.PubKey(), sdk.NewCoin(app.BondDenom, validatorBond),
		stakingtypes.NewDescription(v.ValAddress().String(), "", "", "", ""),
		commission, math.OneInt())
	if err != nil {
		return nil, err
	}
	// Genesis transactions are signed with account number 0 (the ante
	// handler checks them so at height 0) and the operator's first sequence.
	genesisSigner := *v.Operator
	genesisSigner.Number, genesisSigner.Sequence = 0, 0
	bz, err := signer.Sign(txConfig, &genesisSigner, signer.TxParams{ChainID: chainID, GasLimit: DefaultGasLimit}, msg)
	if err != nil {
		return nil, err
	}
	v.Operator.Sequence = genesisSigner.Sequence
	tx, err := txConfig.TxDecoder()(bz)
	if err != nil {
		return nil, err
	}
	return txConfig.TxJSONEncoder()(tx)
}
