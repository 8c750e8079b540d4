package types

import "time"

// Hard caps on the parameters. Genesis import checks records against them,
// so lowering a limit never makes the chain's own export impossible to import.
const (
	MaxDepthCap        = 32
	MaxChildrenCap     = 10_000
	MaxTextLengthCap   = 4096
	MaxOpenItemsCap    = 100_000
	MaxJurisdictionGas = 1_000_000
	MaxPayoutTimeout   = 30 * 24 * time.Hour
	minPayoutTimeout   = time.Minute
)

// DefaultParams returns the parameters of a new chain.
func DefaultParams() Params {
	return Params{
		MaxDepth:         8,
		MaxChildren:      256,
		MaxTextLength:    256,
		MaxOpenItems:     1000,
		JurisdictionGas:  1000,
		IbcPayoutTimeout: 10 * time.Minute,
	}
}

// CapParams returns the hard caps as params.
func CapParams() Params {
	return Params{
		MaxDepth:         MaxDepthCap,
		MaxChildren:      MaxChildrenCap,
		MaxTextLength:    MaxTextLengthCap,
		MaxOpenItems:     MaxOpenItemsCap,
		JurisdictionGas:  MaxJurisdictionGas,
		IbcPayoutTimeout: MaxPayoutTimeout,
	}
}

// Validate checks every limit is positive and under its cap.
func (p Params) Validate() error {
	type limit struct {
		name     string
		val, cap uint64
	}
	for _, l := range []limit{
		{"max_depth", uint64(p.MaxDepth), MaxDepthCap},
		{"max_children", uint64(p.MaxChildren), MaxChildrenCap},
		{"max_text_length", uint64(p.MaxTextLength), MaxTextLengthCap},
		{"max_open_items", uint64(p.MaxOpenItems), MaxOpenItemsCap},
	} {
		if l.val == 0 || l.val > l.cap {
			return ErrInvalidParams.Wrapf("%s must be between 1 and %d", l.name, l.cap)
		}
	}
	if p.MaxTextLength < 16 {
		return ErrInvalidParams.Wrap("max_text_length must be at least 16")
	}
	if p.JurisdictionGas > MaxJurisdictionGas {
		return ErrInvalidParams.Wrapf("jurisdiction_gas must be at most %d", MaxJurisdictionGas)
	}
	if p.IbcPayoutTimeout < minPayoutTimeout || p.IbcPayoutTimeout > MaxPayoutTimeout {
		return ErrInvalidParams.Wrapf("ibc_payout_timeout must be between %s and %s", minPayoutTimeout, MaxPayoutTimeout)
	}
	return nil
}
