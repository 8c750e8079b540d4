package simulation

import (
	"math/rand"

	"github.com/trustcity/trustcity/x/identity/types"
)

// Sizes of what the simulation writes. Every department, DID, credential
// and device it creates stays within them, and RandomParams never draws a
// limit below them, so no parameter change (genesis or governance) can make
// a record written earlier exceed the current limits. That matters beyond
// the messages: InitGenesis checks every imported record, old DID versions
// included, against the current params, so a record over a lowered limit
// would make the exported state impossible to import.
const (
	simMaxDepth            = 4  // department tree depth the factories build up to
	simMaxNameLength       = 32 // department names
	simMaxMetadataBytes    = 64 // department and device metadata
	simMaxIDLength         = 45 // credential ids are urn:uuid:<uuid>, 45 bytes; everything else is shorter
	simMaxCredentialTypes  = len(credentialTypePool)
	simMaxControllers      = 3
	simMaxVerification     = 3
	simMaxServices         = 2
	simMaxEndpointLength   = 64
	simMaxDeviceScopes     = 3
	simMaxRelationshipRefs = simMaxVerification
)

// RandomParams draws parameters between the simulation's sizes (above) and
// the default limits, the defaults being kept when they are already lower
// than the hard caps allow.
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
