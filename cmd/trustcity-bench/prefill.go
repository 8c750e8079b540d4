package main

import (
	"fmt"
	"time"

	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"

	"cosmossdk.io/log/v2"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/testutil/apptest"
	"github.com/trustcity/trustcity/testutil/scenario"
)

// prefillChunk is how many records of a row's history one block stores: a
// million records go in 20 blocks, none holding more than 50,000 records'
// writes in memory.
const prefillChunk = 50_000

// prefillResult is what storing a row's history took.
type prefillResult struct {
	Records int     `json:"records"`
	Blocks  int     `json:"blocks"`
	Seconds float64 `json:"seconds"`
}

// prefill stores the history of a row that declares Prefill, after its
// genesis state and before anything is signed or timed: each chunk of
// records is written in one branch of the committed state and committed
// with an empty block, so the measured blocks read and write a store that
// holds the whole history on disk, as a chain in service would.
func prefill(f *apptest.App, s scenario.Scenario, env scenario.Env) (prefillResult, error) {
	p := s.Prefill
	if p == nil || p.Records <= 0 {
		return prefillResult{}, nil
	}
	start := time.Now()
	res := prefillResult{Records: p.Records}
	for from := 0; from < p.Records; from += prefillChunk {
		to := min(from+prefillChunk, p.Records)
		cms := f.CommitMultiStore().CacheMultiStore()
		height := f.LastBlockHeight()
		ctx := sdk.NewContext(cms, cmtproto.Header{ChainID: f.ChainID(), Height: height, Time: apptest.BlockTime(height)}, false, log.NewNopLogger())
		if err := p.Write(ctx, f.App, env, from, to); err != nil {
			return res, fmt.Errorf("%s: prefill: %w", s.Name, err)
		}
		cms.Write()
		if _, err := f.DeliverBlock(); err != nil {
			return res, fmt.Errorf("%s: prefill: %w", s.Name, err)
		}
		res.Blocks++
	}
	res.Seconds = time.Since(start).Seconds()
	return res, nil
}
