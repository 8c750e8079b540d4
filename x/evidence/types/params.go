package types

import "slices"

// Hard caps on the parameters.
const (
	MaxMetadataBytesCap = 64 * 1024
	MaxPartiesCap       = 256
	MaxTextLengthCap    = 4096
	// MaxBatchLeavesCap: an audit path of a batch this big has 48 nodes.
	MaxBatchLeavesCap = uint64(1) << 48
)

// DefaultParams returns the parameters of a new chain: every algorithm.
func DefaultParams() Params {
	return Params{
		AllowedAlgorithms: []HashAlgorithm{HashAlgorithm_HASH_ALGORITHM_SHA256, HashAlgorithm_HASH_ALGORITHM_SHA3_256, HashAlgorithm_HASH_ALGORITHM_SM3},
		MaxMetadataBytes:  2048,
		MaxParties:        16,
		MaxTextLength:     256,
		MaxBatchLeaves:    uint64(1) << 32,
	}
}

// Validate checks the params: known algorithms without duplicates, limits
// positive and under their caps.
func (p Params) Validate() error {
	if len(p.AllowedAlgorithms) == 0 {
		return ErrInvalidParams.Wrap("at least one algorithm must be allowed")
	}
	for i, a := range p.AllowedAlgorithms {
		if !a.Known() {
			return ErrInvalidParams.Wrapf("unknown algorithm %d", a)
		}
		if slices.Contains(p.AllowedAlgorithms[:i], a) {
			return ErrInvalidParams.Wrapf("algorithm %s listed twice", a.Short())
		}
	}
	switch {
	case p.MaxMetadataBytes == 0 || p.MaxMetadataBytes > MaxMetadataBytesCap:
		return ErrInvalidParams.Wrapf("max_metadata_bytes must be between 1 and %d", MaxMetadataBytesCap)
	case p.MaxParties == 0 || p.MaxParties > MaxPartiesCap:
		return ErrInvalidParams.Wrapf("max_parties must be between 1 and %d", MaxPartiesCap)
	case p.MaxTextLength == 0 || p.MaxTextLength > MaxTextLengthCap:
		return ErrInvalidParams.Wrapf("max_text_length must be between 1 and %d", MaxTextLengthCap)
	case p.MaxBatchLeaves < 2 || p.MaxBatchLeaves > MaxBatchLeavesCap:
		return ErrInvalidParams.Wrapf("max_batch_leaves must be between 2 and %d", MaxBatchLeavesCap)
	}
	return nil
}

// Allows reports whether the params allow the algorithm.
func (p Params) Allows(a HashAlgorithm) bool { return slices.Contains(p.AllowedAlgorithms, a) }

// CapParams returns the hard caps as params, every algorithm allowed:
// genesis import checks records against them, so a limit lowered later
// never makes the chain's own export impossible to import.
func CapParams() Params {
	return Params{
		AllowedAlgorithms: []HashAlgorithm{HashAlgorithm_HASH_ALGORITHM_SHA256, HashAlgorithm_HASH_ALGORITHM_SHA3_256, HashAlgorithm_HASH_ALGORITHM_SM3},
		MaxMetadataBytes:  MaxMetadataBytesCap,
		MaxParties:        MaxPartiesCap,
		MaxTextLength:     MaxTextLengthCap,
		MaxBatchLeaves:    MaxBatchLeavesCap,
	}
}
