package apptest

import (
	"bytes"
	"fmt"
	"slices"

	abci "github.com/cometbft/cometbft/abci/types"
	cryptoenc "github.com/cometbft/cometbft/crypto/encoding"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
)

// signers tracks which validators sign each block the way CometBFT does, so
// every block carries the votes slashing and distribution expect: the
// validator updates returned by block h take effect at block h+2, and block h
// carries the votes on block h-1.
type signers struct {
	byHeight map[int64][]abci.Validator
}

// newSigners starts the schedule with the genesis validators, which sign the
// first two blocks.
func newSigners(initialHeight int64, genesis []abci.ValidatorUpdate) (*signers, error) {
	set, err := applyUpdates(nil, genesis)
	if err != nil {
		return nil, err
	}
	return &signers{byHeight: map[int64][]abci.Validator{initialHeight: set, initialHeight + 1: set}}, nil
}

// lastCommit returns the votes block height carries: every signer of the
// previous block votes for it (none before the first block).
func (s *signers) lastCommit(height int64) abci.CommitInfo {
	prev := s.byHeight[height-1]
	votes := make([]abci.VoteInfo, len(prev))
	for i, v := range prev {
		votes[i] = abci.VoteInfo{Validator: v, BlockIdFlag: cmtproto.BlockIDFlagCommit}
	}
	return abci.CommitInfo{Votes: votes}
}

// proposer returns the consensus address of the proposer of block height,
// taking the signers in turn.
func (s *signers) proposer(height int64) []byte {
	set := s.byHeight[height]
	if len(set) == 0 {
		return nil
	}
	return set[height%int64(len(set))].Address
}

// advance records the updates block height returned and forgets the sets no
// later block needs.
func (s *signers) advance(height int64, updates []abci.ValidatorUpdate) error {
	next, err := applyUpdates(s.byHeight[height+1], updates)
	if err != nil {
		return fmt.Errorf("validator updates of block %d: %w", height, err)
	}
	s.byHeight[height+2] = next
	delete(s.byHeight, height-1)
	return nil
}

// applyUpdates returns set with updates applied (power zero removes), sorted
// by address so the votes are in a deterministic order.
func applyUpdates(set []abci.Validator, updates []abci.ValidatorUpdate) ([]abci.Validator, error) {
	out := slices.Clone(set)
	for _, u := range updates {
		pk, err := cryptoenc.PubKeyFromProto(u.PubKey)
		if err != nil {
			return nil, err
		}
		addr := pk.Address().Bytes()
		out = slices.DeleteFunc(out, func(v abci.Validator) bool { return bytes.Equal(v.Address, addr) })
		if u.Power > 0 {
			out = append(out, abci.Validator{Address: addr, Power: u.Power})
		}
	}
	slices.SortFunc(out, func(a, b abci.Validator) int { return bytes.Compare(a.Address, b.Address) })
	return out, nil
}
