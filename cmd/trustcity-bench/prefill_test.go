package main

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/app"
	"github.com/trustcity/trustcity/testutil/apptest"
	"github.com/trustcity/trustcity/testutil/scenario"
	judicialkeeper "github.com/trustcity/trustcity/x/evidence/keeper"
)

// TestPrefillWritesChunksInTheirOwnBlocks: the history is written in
// consecutive ranges of prefillChunk records, each committed by one block.
func TestPrefillWritesChunksInTheirOwnBlocks(t *testing.T) {
	f := apptest.New(t, apptest.Config{Accounts: 2})
	var ranges [][2]int
	s := scenario.Scenario{Name: "ranges", Prefill: &scenario.Prefill{
		Records: 2*prefillChunk + 3,
		Write: func(_ sdk.Context, _ *app.App, _ scenario.Env, from, to int) error {
			ranges = append(ranges, [2]int{from, to})
			return nil
		},
	}}
	before := f.LastBlockHeight()
	res, err := prefill(f, s, newEnv(f))
	require.NoError(t, err)
	require.Equal(t, [][2]int{{0, prefillChunk}, {prefillChunk, 2 * prefillChunk}, {2 * prefillChunk, 2*prefillChunk + 3}}, ranges)
	require.Equal(t, 3, res.Blocks)
	require.Equal(t, before+3, f.LastBlockHeight())
}

// TestJudicialHistoryIsCommitted imports the judicial-deposit-10k-stored
// row's genesis and history: the committed state holds the 10,000 deposits
// with their indexes (the module's invariants hold), and a deposit of the
// row then succeeds as record 10,001.
func TestJudicialHistoryIsCommitted(t *testing.T) {
	f := apptest.New(t, apptest.Config{Accounts: 3})
	env := newEnv(f)
	s, err := scenario.ByName("judicial-deposit-10k-stored")
	require.NoError(t, err)
	require.NoError(t, addGenesis(f, s, env))
	res, err := prefill(f, s, env)
	require.NoError(t, err)
	require.Equal(t, prefillResult{Records: 10_000, Blocks: 1, Seconds: res.Seconds}, res)

	ctx := f.Context()
	next, err := f.JudicialKeeper.EvidenceSeq.Peek(ctx)
	require.NoError(t, err)
	require.Equal(t, uint64(10_001), next)
	checks := invariantChecks{}
	judicialkeeper.RegisterInvariants(checks, f.JudicialKeeper)
	require.Len(t, checks, 4)
	for name, check := range checks {
		require.NoError(t, check(ctx), name)
	}

	tx, err := f.DeliverMsgs(f.Accounts()[1], s.Msgs(env, 1, 0)...)
	require.NoError(t, err)
	require.Zero(t, tx.Code, tx.Log)
	e, err := f.JudicialKeeper.Evidence.Get(f.Context(), 10_001)
	require.NoError(t, err)
	require.Equal(t, "bench-depositors", e.DepartmentId)
}

type invariantChecks map[string]func(sdk.Context) error

func (c invariantChecks) Register(module, name string, check func(sdk.Context) error) {
	c[module+"/"+name] = check
}
