package apptest

import (
	"fmt"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"

	"cosmossdk.io/core/header"
	"cosmossdk.io/log/v2"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/testutil/signer"
)

// BlockTime returns the time of block height: GenesisTime + height*BlockInterval.
func BlockTime(height int64) time.Time {
	return GenesisTime.Add(time.Duration(height) * BlockInterval)
}

// TxParams returns what SignTx puts in a transaction besides its messages:
// this chain's id, DefaultGasLimit and no fee. Blocks delivered here skip
// CheckTx, where a node's minimum gas price applies, so a fee is only needed
// by tests about fees; they set one and sign with signer.Sign.
func (a *App) TxParams() signer.TxParams {
	return signer.TxParams{ChainID: a.chainID, GasLimit: DefaultGasLimit}
}

// SignTx returns msgs signed by acc with TxParams, and advances acc's
// sequence.
func (a *App) SignTx(acc *signer.Account, msgs ...sdk.Msg) ([]byte, error) {
	return signer.Sign(a.TxConfig(), acc, a.TxParams(), msgs...)
}

// DeliverBlock finalizes the next block with txs, in order, and commits it.
// The block time is BlockTime(height), the block carries the votes of every
// validator on the previous block and its proposer is chosen in turn, so
// slashing and distribution run as on a live network. Each transaction's
// outcome is in the response's TxResults (code 0 is success); an error means
// the block itself could not be finalized or committed, after which the
// fixture is unusable.
func (a *App) DeliverBlock(txs ...[]byte) (*abci.ResponseFinalizeBlock, error) {
	height := a.LastBlockHeight() + 1
	res, err := a.FinalizeBlock(&abci.RequestFinalizeBlock{
		Txs:               txs,
		Height:            height,
		Time:              BlockTime(height),
		DecidedLastCommit: a.signers.lastCommit(height),
		ProposerAddress:   a.signers.proposer(height),
	})
	if err != nil {
		return nil, fmt.Errorf("finalizing block %d: %w", height, err)
	}
	if _, err := a.Commit(); err != nil {
		return nil, fmt.Errorf("committing block %d: %w", height, err)
	}
	if err := a.signers.advance(height, res.ValidatorUpdates); err != nil {
		return nil, err
	}
	return res, nil
}

// DeliverMsgs signs msgs for acc (see SignTx), delivers them alone in the
// next block and returns the transaction's result. When the transaction
// fails, acc's sequence is read back from the chain: a transaction refused
// before its sequence was incremented must not leave acc one ahead.
func (a *App) DeliverMsgs(acc *signer.Account, msgs ...sdk.Msg) (*abci.ExecTxResult, error) {
	tx, err := a.SignTx(acc, msgs...)
	if err != nil {
		return nil, err
	}
	res, err := a.DeliverBlock(tx)
	if err != nil {
		return nil, err
	}
	result := res.TxResults[0]
	if result.Code != 0 {
		if onChain := a.AccountKeeper.GetAccount(a.Context(), acc.Address); onChain != nil {
			acc.Sequence = onChain.GetSequence()
		}
	}
	return result, nil
}

// Context returns a context for reading the state of the last committed
// block, with that block's height and time. Each call gets its own branch of
// the state: writes through it are never committed, so tests read state with
// it and change state only through transactions.
func (a *App) Context() sdk.Context {
	height := a.LastBlockHeight()
	h := cmtproto.Header{ChainID: a.chainID, Height: height, Time: BlockTime(height)}
	ctx := sdk.NewContext(a.CommitMultiStore().CacheMultiStore(), h, false, log.NewNopLogger()).
		WithHeaderInfo(header.Info{ChainID: a.chainID, Height: height, Time: h.Time})
	return ctx.WithConsensusParams(a.GetConsensusParams(ctx))
}
