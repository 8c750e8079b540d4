package simulation

import (
	"math/rand"
	"time"

	"github.com/trustcity/trustcity/x/datashare/types"
)

// Sizes of what the simulation writes. Every standard, dataset, version,
// request, rule, consent and envelope the genesis and the factories create
// stays within them, and RandomParams never draws a limit below them, so
// whatever params the genesis or a governance proposal sets, every message
// the factories build is within the limits and succeeds.
const (
	simMaxSchemaBytes      = 1024 // the simulation's standards (simSchemas)
	simMaxRecordBytes      = 256  // summary records of versions
	simMaxTextLength       = 64   // titles, purposes, reasons, standard versions, algorithms
	simMaxDescriptionBytes = 128  // dataset descriptions
	simMaxLocatorLength    = 96   // storage locators
	simMaxListItems        = 4    // derived-from references, rule departments, consent purposes
	simMaxEnvelopeBytes    = 128  // key envelope ciphertexts
	simMaxSchemaComplexity = 256  // complexity of the simulation's standards
	// simMaxGrantDuration bounds requested durations and rules' maxima.
	simMaxGrantDuration = 30 * 24 * time.Hour
	// simMaxConsentDuration bounds how far ahead a consent runs.
	simMaxConsentDuration = 60 * 24 * time.Hour
)

// RandomParams draws every limit between the simulation's size (above) and
// the default limit, max_rules_per_dataset and max_expiries_per_block from 1
// (the rule factory skips a full dataset; a small expiry budget leaves
// expired grants and consents for later blocks, which reads must tolerate),
// and the gas prices between zero and twice the default.
func RandomParams(r *rand.Rand) types.Params {
	d := types.DefaultParams()
	between := func(low, high uint32) uint32 {
		if high <= low {
			return low
		}
		return low + uint32(r.Intn(int(high-low)+1))
	}
	hours := func(low, high time.Duration) time.Duration {
		lo, hi := int64(low/time.Hour), int64(high/time.Hour)
		return time.Duration(lo+r.Int63n(hi-lo+1)) * time.Hour
	}
	return types.Params{
		MaxSchemaBytes:       between(simMaxSchemaBytes, d.MaxSchemaBytes),
		MaxRecordBytes:       between(simMaxRecordBytes, d.MaxRecordBytes),
		MaxTextLength:        between(simMaxTextLength, d.MaxTextLength),
		MaxDescriptionLength: between(simMaxDescriptionBytes, d.MaxDescriptionLength),
		MaxLocatorLength:     between(simMaxLocatorLength, d.MaxLocatorLength),
		MaxGrantDuration:     hours(simMaxGrantDuration, d.MaxGrantDuration),
		MaxConsentDuration:   hours(simMaxConsentDuration, d.MaxConsentDuration),
		MaxListItems:         between(simMaxListItems, d.MaxListItems),
		MaxRulesPerDataset:   between(1, d.MaxRulesPerDataset),
		MaxEnvelopeBytes:     between(simMaxEnvelopeBytes, d.MaxEnvelopeBytes),
		MaxExpiriesPerBlock:  between(1, d.MaxExpiriesPerBlock),
		SchemaGasPerByte:     uint64(r.Int63n(int64(2*d.SchemaGasPerByte) + 1)),
		ValidationGas:        uint64(r.Int63n(int64(2*d.ValidationGas) + 1)),
		MaxSchemaComplexity:  between(simMaxSchemaComplexity, d.MaxSchemaComplexity),
		RuleGas:              uint64(r.Int63n(int64(2*d.RuleGas) + 1)),
	}
}
