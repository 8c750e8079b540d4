package types

import (
	"slices"
	"time"
	"unicode"
)

// Hard caps on the parameters.
const (
	MaxMetadataBytesCap = 64 * 1024
	MaxPartiesCap       = 256
	MaxTextLengthCap    = 4096
	// MaxBatchLeavesCap: an audit path of a batch this big has 48 nodes.
	MaxBatchLeavesCap = uint64(1) << 48
	// MaxAccreditedChains bounds the accredited chain list.
	MaxAccreditedChains = 256
	// MaxChainIDLength is CometBFT's limit on a chain id.
	MaxChainIDLength = 50
	// MaxForwardTimeout and MinForwardTimeout bound forward_timeout.
	MaxForwardTimeout = 30 * 24 * time.Hour
	MinForwardTimeout = time.Minute
	// MaxForwardsCap bounds max_forwards.
	MaxForwardsCap = 64
)

// DefaultParams returns the parameters of a new chain: every algorithm, no
// accredited chain.
func DefaultParams() Params {
	return Params{
		AllowedAlgorithms: []HashAlgorithm{HashAlgorithm_HASH_ALGORITHM_SHA256, HashAlgorithm_HASH_ALGORITHM_SHA3_256, HashAlgorithm_HASH_ALGORITHM_SM3},
		MaxMetadataBytes:  2048,
		MaxParties:        16,
		MaxTextLength:     256,
		MaxBatchLeaves:    uint64(1) << 32,
		ForwardTimeout:    10 * time.Minute,
		MaxForwards:       16,
	}
}

// Validate checks the params: known algorithms without duplicates, limits
// positive and under their caps, accredited chain ids well formed and
// listed once.
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
	case p.ForwardTimeout < MinForwardTimeout || p.ForwardTimeout > MaxForwardTimeout:
		return ErrInvalidParams.Wrapf("forward_timeout must be between %s and %s", MinForwardTimeout, MaxForwardTimeout)
	case p.MaxForwards == 0 || p.MaxForwards > MaxForwardsCap:
		return ErrInvalidParams.Wrapf("max_forwards must be between 1 and %d", MaxForwardsCap)
	case len(p.AccreditedChains) > MaxAccreditedChains:
		return ErrInvalidParams.Wrapf("%d accredited chains, the limit is %d", len(p.AccreditedChains), MaxAccreditedChains)
	}
	for i, c := range p.AccreditedChains {
		if err := ValidateChainID(c); err != nil {
			return ErrInvalidParams.Wrapf("accredited chain %d: %s", i, err)
		}
		if slices.Contains(p.AccreditedChains[:i], c) {
			return ErrInvalidParams.Wrapf("accredited chain %q listed twice", c)
		}
	}
	return nil
}

// ValidateChainID checks a chain id: 1 to 50 printable characters without
// spaces.
func ValidateChainID(id string) error {
	if id == "" || len(id) > MaxChainIDLength {
		return ErrInvalidRequest.Wrapf("chain id %q must be 1 to %d characters", id, MaxChainIDLength)
	}
	for _, r := range id {
		if r > unicode.MaxASCII || !unicode.IsPrint(r) || unicode.IsSpace(r) {
			return ErrInvalidRequest.Wrapf("chain id %q holds a character other than printable ASCII", id)
		}
	}
	return nil
}

// Allows reports whether the params allow the algorithm.
func (p Params) Allows(a HashAlgorithm) bool { return slices.Contains(p.AllowedAlgorithms, a) }

// Accredits reports whether the params accredit the chain.
func (p Params) Accredits(chainID string) bool { return slices.Contains(p.AccreditedChains, chainID) }

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
		ForwardTimeout:    MaxForwardTimeout,
		MaxForwards:       MaxForwardsCap,
	}
}
