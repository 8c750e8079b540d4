package simulation

import (
	"math/rand"
	"time"

	"github.com/trustcity/trustcity/x/funds/types"
)

// Sizes of what the simulation writes. Program names, reasons and the
// credential types the factories name stay within simMaxTextLength, and
// RandomParams never draws max_text_length below it, so whatever params the
// genesis or a governance proposal sets, every text the factories build
// fits. The tree and open-item limits may be drawn low: the factories read
// the params in force and skip, or top up an existing child, rather than
// pass them.
const simMaxTextLength = 64

// RandomParams draws max_text_length between the simulation's text size and
// the default, max_depth, max_children and max_open_items between 2 and the
// default (small limits make the factories meet them), and jurisdiction_gas
// between zero and twice the default, ibc_payout_timeout between one minute
// and an hour (no simulated message pays over IBC). Every draw passes
// Params.Validate.
func RandomParams(r *rand.Rand) types.Params {
	d := types.DefaultParams()
	between := func(low, high uint32) uint32 {
		if high <= low {
			return low
		}
		return low + uint32(r.Intn(int(high-low)+1))
	}
	return types.Params{
		MaxDepth:         between(2, d.MaxDepth),
		MaxChildren:      between(2, d.MaxChildren),
		MaxTextLength:    between(simMaxTextLength, d.MaxTextLength),
		MaxOpenItems:     between(2, d.MaxOpenItems),
		JurisdictionGas:  uint64(r.Int63n(int64(2*d.JurisdictionGas) + 1)),
		IbcPayoutTimeout: time.Minute + time.Duration(r.Int63n(int64(time.Hour))),
	}
}
