package types

import "time"

// Hard caps on the parameters. Genesis import checks records against them,
// so lowering a limit never makes the chain's own export impossible to import.
const (
	MaxSchemaBytesCap         = 256 * 1024
	MaxRecordBytesCap         = 64 * 1024
	MaxTextLengthCap          = 4096
	MaxDescriptionLengthCap   = 64 * 1024
	MaxLocatorLengthCap       = 4096
	MaxGrantDurationCap       = 10 * 365 * 24 * time.Hour
	MaxConsentDurationCap     = 50 * 365 * 24 * time.Hour
	MaxListItemsCap           = 1024
	MaxRulesPerDatasetCap     = 256
	MaxEnvelopeBytesCap       = 64 * 1024
	MaxExpiriesPerBlockCap    = 100_000
	MaxGasPerByteCap          = 1_000_000
	MaxValidationGasCap       = 100_000_000
	MaxRuleGasCap             = 10_000_000
	MaxSchemaComplexityCap    = 1 << 16
	day                       = 24 * time.Hour
	defaultMaxGrantDuration   = 365 * day
	defaultMaxConsentDuration = 5 * 365 * day
)

// DefaultParams returns the parameters of a new chain.
func DefaultParams() Params {
	return Params{
		MaxSchemaBytes:       16 * 1024,
		MaxRecordBytes:       4 * 1024,
		MaxTextLength:        256,
		MaxDescriptionLength: 2048,
		MaxLocatorLength:     512,
		MaxGrantDuration:     defaultMaxGrantDuration,
		MaxConsentDuration:   defaultMaxConsentDuration,
		MaxListItems:         32,
		MaxRulesPerDataset:   16,
		MaxEnvelopeBytes:     1024,
		MaxExpiriesPerBlock:  200,
		SchemaGasPerByte:     50,
		ValidationGas:        4000,
		RuleGas:              1000,
		MaxSchemaComplexity:  2048,
	}
}

// CapParams returns the hard caps as params.
func CapParams() Params {
	return Params{
		MaxSchemaBytes:       MaxSchemaBytesCap,
		MaxRecordBytes:       MaxRecordBytesCap,
		MaxTextLength:        MaxTextLengthCap,
		MaxDescriptionLength: MaxDescriptionLengthCap,
		MaxLocatorLength:     MaxLocatorLengthCap,
		MaxGrantDuration:     MaxGrantDurationCap,
		MaxConsentDuration:   MaxConsentDurationCap,
		MaxListItems:         MaxListItemsCap,
		MaxRulesPerDataset:   MaxRulesPerDatasetCap,
		MaxEnvelopeBytes:     MaxEnvelopeBytesCap,
		MaxExpiriesPerBlock:  MaxExpiriesPerBlockCap,
		MaxSchemaComplexity:  MaxSchemaComplexityCap,
	}
}

// Validate checks every limit is positive and under its cap.
func (p Params) Validate() error {
	type limit struct {
		name     string
		val, cap uint64
	}
	for _, l := range []limit{
		{"max_schema_bytes", uint64(p.MaxSchemaBytes), MaxSchemaBytesCap},
		{"max_record_bytes", uint64(p.MaxRecordBytes), MaxRecordBytesCap},
		{"max_text_length", uint64(p.MaxTextLength), MaxTextLengthCap},
		{"max_description_length", uint64(p.MaxDescriptionLength), MaxDescriptionLengthCap},
		{"max_locator_length", uint64(p.MaxLocatorLength), MaxLocatorLengthCap},
		{"max_list_items", uint64(p.MaxListItems), MaxListItemsCap},
		{"max_rules_per_dataset", uint64(p.MaxRulesPerDataset), MaxRulesPerDatasetCap},
		{"max_envelope_bytes", uint64(p.MaxEnvelopeBytes), MaxEnvelopeBytesCap},
		{"max_expiries_per_block", uint64(p.MaxExpiriesPerBlock), MaxExpiriesPerBlockCap},
		{"max_schema_complexity", uint64(p.MaxSchemaComplexity), MaxSchemaComplexityCap},
	} {
		if l.val == 0 || l.val > l.cap {
			return ErrInvalidParams.Wrapf("%s must be between 1 and %d", l.name, l.cap)
		}
	}
	if p.MaxTextLength < 16 {
		return ErrInvalidParams.Wrap("max_text_length must be at least 16")
	}
	switch {
	case p.MaxGrantDuration < time.Minute || p.MaxGrantDuration > MaxGrantDurationCap:
		return ErrInvalidParams.Wrapf("max_grant_duration must be between 1m and %s", MaxGrantDurationCap)
	case p.MaxConsentDuration < time.Minute || p.MaxConsentDuration > MaxConsentDurationCap:
		return ErrInvalidParams.Wrapf("max_consent_duration must be between 1m and %s", MaxConsentDurationCap)
	case p.SchemaGasPerByte > MaxGasPerByteCap:
		return ErrInvalidParams.Wrapf("schema_gas_per_byte must be at most %d", MaxGasPerByteCap)
	case p.ValidationGas > MaxValidationGasCap:
		return ErrInvalidParams.Wrapf("validation_gas must be at most %d", MaxValidationGasCap)
	case p.RuleGas > MaxRuleGasCap:
		return ErrInvalidParams.Wrapf("rule_gas must be at most %d", MaxRuleGasCap)
	}
	return nil
}
