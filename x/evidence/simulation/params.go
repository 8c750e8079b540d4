package simulation

import (
	"math/rand"
	"time"

	"github.com/trustcity/trustcity/x/evidence/types"
)

// Sizes of what the simulation writes. Every deposit, batch, verification
// and custody event the genesis and the factories create stays within them,
// and RandomParams never draws a limit below them, so whatever params the
// genesis or a governance proposal sets, every message the factories build
// is within the limits and succeeds.
const (
	simMaxMetadataBytes = 64 // deposit and batch metadata (a batch's names its leaves' seed)
	simMaxParties       = 3  // party DIDs of a deposit
	simMaxTextLength    = 64 // case ids, withdrawal reasons, counterparties
	simMaxBatchLeaves   = 16 // leaves of a simulated batch
	simMaxForwards      = 3  // forwards of a genesis deposit
)

// allAlgorithms lists every algorithm the chain implements, by number.
var allAlgorithms = []types.HashAlgorithm{
	types.HashAlgorithm_HASH_ALGORITHM_SHA256,
	types.HashAlgorithm_HASH_ALGORITHM_SHA3_256,
	types.HashAlgorithm_HASH_ALGORITHM_SM3,
}

// RandomParams draws a non-empty subset of the algorithms, every limit
// between the simulation's size (above) and the default limit, some of the
// simulation's chains to accredit and a forward timeout up to an hour.
func RandomParams(r *rand.Rand) types.Params {
	d := types.DefaultParams()
	between := func(low, high uint32) uint32 {
		if high <= low {
			return low
		}
		return low + uint32(r.Intn(int(high-low)+1))
	}
	algorithms := subset(r, allAlgorithms, 0.7)
	if len(algorithms) == 0 {
		algorithms = []types.HashAlgorithm{pick(r, allAlgorithms)}
	}
	return types.Params{
		AllowedAlgorithms: algorithms,
		MaxMetadataBytes:  between(simMaxMetadataBytes, d.MaxMetadataBytes),
		MaxParties:        between(simMaxParties, d.MaxParties),
		MaxTextLength:     between(simMaxTextLength, d.MaxTextLength),
		MaxBatchLeaves:    simMaxBatchLeaves + uint64(r.Int63n(int64(d.MaxBatchLeaves-simMaxBatchLeaves)+1)),
		AccreditedChains:  subset(r, simChains, 0.5),
		ForwardTimeout:    types.MinForwardTimeout + time.Duration(r.Int63n(int64(time.Hour))),
		MaxForwards:       between(simMaxForwards, d.MaxForwards),
	}
}
