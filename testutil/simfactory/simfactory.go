// Package simfactory runs a module's simsx message factories in a keeper
// test, as the simulator does but without an app: the factories a module
// registers with their weights, and one message built and delivered at a
// time.
package simfactory

import (
	"context"
	"math/rand"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Entry is a factory with its weight.
type Entry struct {
	Weight  uint32
	Factory simsx.SimMsgFactoryX
}

// Weighted collects the factories a module's WeightedOperationsX registers
// (it is the registry's Add).
type Weighted []Entry

// Add registers a factory with its weight.
func (w *Weighted) Add(weight uint32, f simsx.SimMsgFactoryX) { *w = append(*w, Entry{weight, f}) }

// Pick draws a factory with probability proportional to its weight.
func (w Weighted) Pick(r *rand.Rand) simsx.SimMsgFactoryX {
	total := 0
	for _, e := range w {
		total += int(e.Weight)
	}
	n := r.Intn(total)
	for _, e := range w {
		if n < int(e.Weight) {
			return e.Factory
		}
		n -= int(e.Weight)
	}
	panic("unreachable")
}

// Run builds a message with f over testData, as the simulator does, and
// delivers it with deliver (the module's Msg service) in a branch of ctx
// that is written only when it succeeds, as a transaction's would be. It
// returns the message and the response, or nils when f skipped. A message
// with an authority (a governance proposal's) is not signed by the factory's
// account; any other must name that account as its signer.
func Run(t *testing.T, ctx sdk.Context, testData *simsx.ChainDataSource, f simsx.SimMsgFactoryX,
	deliver func(context.Context, sdk.Msg) (any, error),
) (sdk.Msg, any) {
	t.Helper()
	reporter := simsx.NewBasicSimulationReporter().WithScope(f.MsgType())
	signers, msg := f.Create()(ctx, testData, reporter)
	if reporter.IsSkipped() {
		return nil, nil
	}
	if _, proposal := msg.(interface{ GetAuthority() string }); !proposal {
		require.Len(t, signers, 1)
		signer, ok := msg.(interface{ GetSigner() string })
		require.True(t, ok, "%T", msg)
		require.Equal(t, signers[0].AddressBech32, signer.GetSigner())
	}
	branch, write := ctx.CacheContext()
	res, err := deliver(branch, msg)
	require.NoError(t, err, "%T %v", msg, msg)
	write()
	return msg, res
}
