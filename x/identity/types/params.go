package types

// Hard caps on the parameters: whatever governance decides, a single
// message can never make the chain walk or store more than this.
const (
	MaxDepartmentDepthCap       = 16
	MaxNameLengthCap            = 1024
	MaxMetadataBytesCap         = 64 * 1024
	MaxIDLengthCap              = 512
	MaxCredentialTypesCap       = 256
	MaxControllersCap           = 64
	MaxVerificationMethodsCap   = 64
	MaxServicesCap              = 64
	MaxServiceEndpointLengthCap = 4096
	MaxDeviceScopesCap          = 256
)

// DefaultParams returns the parameters of a new chain.
func DefaultParams() Params {
	return Params{
		MaxDepartmentDepth:       8,
		MaxNameLength:            128,
		MaxMetadataBytes:         2048,
		MaxIdLength:              128,
		MaxCredentialTypes:       32,
		MaxControllers:           8,
		MaxVerificationMethods:   16,
		MaxServices:              8,
		MaxServiceEndpointLength: 512,
		MaxDeviceScopes:          32,
	}
}

// CapParams returns the hard caps as params. Genesis import checks records
// against them, not against the current params: a limit lowered by
// governance applies to new writes, and must not make the chain's own
// export impossible to import.
func CapParams() Params {
	return Params{
		MaxDepartmentDepth:       MaxDepartmentDepthCap,
		MaxNameLength:            MaxNameLengthCap,
		MaxMetadataBytes:         MaxMetadataBytesCap,
		MaxIdLength:              MaxIDLengthCap,
		MaxCredentialTypes:       MaxCredentialTypesCap,
		MaxControllers:           MaxControllersCap,
		MaxVerificationMethods:   MaxVerificationMethodsCap,
		MaxServices:              MaxServicesCap,
		MaxServiceEndpointLength: MaxServiceEndpointLengthCap,
		MaxDeviceScopes:          MaxDeviceScopesCap,
	}
}

// Validate checks that every limit is positive and under its hard cap.
func (p Params) Validate() error {
	limits := []struct {
		name       string
		value, max uint32
	}{
		{"max_department_depth", p.MaxDepartmentDepth, MaxDepartmentDepthCap},
		{"max_name_length", p.MaxNameLength, MaxNameLengthCap},
		{"max_metadata_bytes", p.MaxMetadataBytes, MaxMetadataBytesCap},
		{"max_id_length", p.MaxIdLength, MaxIDLengthCap},
		{"max_credential_types", p.MaxCredentialTypes, MaxCredentialTypesCap},
		{"max_controllers", p.MaxControllers, MaxControllersCap},
		{"max_verification_methods", p.MaxVerificationMethods, MaxVerificationMethodsCap},
		{"max_services", p.MaxServices, MaxServicesCap},
		{"max_service_endpoint_length", p.MaxServiceEndpointLength, MaxServiceEndpointLengthCap},
		{"max_device_scopes", p.MaxDeviceScopes, MaxDeviceScopesCap},
	}
	for _, l := range limits {
		if l.value == 0 || l.value > l.max {
			return ErrInvalidParams.Wrapf("%s must be between 1 and %d, got %d", l.name, l.max, l.value)
		}
	}
	if p.MaxIdLength < minIDLength {
		return ErrInvalidParams.Wrapf("max_id_length must be at least %d, got %d", minIDLength, p.MaxIdLength)
	}
	return nil
}

// minIDLength keeps room for a UUID URN as a credential id.
const minIDLength = 45
