package simulation

import (
	"math/rand"

	"github.com/trustcity/trustcity/x/identity/types"
)

// Sizes of what the simulation writes. Every department, DID, credential
// and device the factories create stays within them, and RandomParams never
// draws a limit below them, so whatever params genesis or a governance
// proposal sets, every message the factories build is within the limits and
// succeeds.
const (
	simMaxDepth           = 4  // department tree depth the factories build up to
	simMaxNameLength      = 32 // department names
	simMaxMetadataBytes   = 64 // department and device metadata
	simMaxIDLength        = 45 // credential ids are urn:uuid:<uuid>, 45 bytes; everything else is shorter
	simMaxCredentialTypes = 6  // len(credentialTypePool): a department may be permitted all of them
	simMaxControllers     = 3
	simMaxVerification    = 3
	simMaxServices        = 2
	simMaxEndpointLength  = 64
	simMaxDeviceScopes    = 3
)

// RandomParams draws every limit between the simulation's size (above) and
// the default limit.
func RandomParams(r *rand.Rand) types.Params {
	d := types.DefaultParams()
	between := func(low, high uint32) uint32 {
		if high <= low {
			return low
		}
		return low + uint32(r.Intn(int(high-low)+1))
	}
	return types.Params{
		MaxDepartmentDepth:       between(simMaxDepth, d.MaxDepartmentDepth),
		MaxNameLength:            between(simMaxNameLength, d.MaxNameLength),
		MaxMetadataBytes:         between(simMaxMetadataBytes, d.MaxMetadataBytes),
		MaxIdLength:              between(simMaxIDLength, d.MaxIdLength),
		MaxCredentialTypes:       between(uint32(simMaxCredentialTypes), d.MaxCredentialTypes),
		MaxControllers:           between(simMaxControllers, d.MaxControllers),
		MaxVerificationMethods:   between(simMaxVerification, d.MaxVerificationMethods),
		MaxServices:              between(simMaxServices, d.MaxServices),
		MaxServiceEndpointLength: between(simMaxEndpointLength, d.MaxServiceEndpointLength),
		MaxDeviceScopes:          between(simMaxDeviceScopes, d.MaxDeviceScopes),
	}
}
