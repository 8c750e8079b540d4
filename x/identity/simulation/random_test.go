package simulation

import (
	"math/rand"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/trustcity/trustcity/x/identity/types"
)

// floorParams are the lowest params RandomParams draws.
func floorParams() types.Params {
	return types.Params{
		MaxDepartmentDepth: simMaxDepth, MaxNameLength: simMaxNameLength, MaxMetadataBytes: simMaxMetadataBytes,
		MaxIdLength: simMaxIDLength, MaxCredentialTypes: simMaxCredentialTypes, MaxControllers: simMaxControllers,
		MaxVerificationMethods: simMaxVerification, MaxServices: simMaxServices,
		MaxServiceEndpointLength: simMaxEndpointLength, MaxDeviceScopes: simMaxDeviceScopes,
	}
}

// TestRandomContentFitsTheLowestParams checks that what the factories
// write is valid under the lowest params RandomParams can set, so no
// parameter change makes a factory's message fail.
func TestRandomContentFitsTheLowestParams(t *testing.T) {
	p := floorParams()
	require.NoError(t, p.Validate())
	require.Len(t, credentialTypePool, simMaxCredentialTypes)
	r := rand.New(rand.NewSource(3))
	for range 500 {
		doc := randDocument(r)
		doc.Id = types.DIDPrefix + randUUID(r)
		doc.Controllers = []string{"c1", "c2", "c3"}[:1+r.Intn(simMaxControllers)]
		_, err := types.ValidateDocument(doc, p)
		require.NoError(t, err)

		require.NoError(t, types.ValidateDepartmentID(randDepartmentID(r), p.MaxIdLength))
		require.NoError(t, types.ValidateName("name", randName(r), p.MaxNameLength))
		require.NoError(t, types.ValidateText("metadata", randMetadata(r), p.MaxMetadataBytes))
		require.NoError(t, types.ValidateIdentifier("credential id", randCredentialID(r), p.MaxIdLength))
		require.NoError(t, types.ValidateAnyDID("subject", randForeignDID(r)))
		scopes := randScopes(r)
		require.LessOrEqual(t, len(scopes), int(p.MaxDeviceScopes))
		for _, s := range scopes {
			require.NoError(t, types.ValidateIdentifier("scope", s, p.MaxIdLength))
		}
	}
	for _, name := range append(append([]string{}, credentialTypePool...), deviceTypes...) {
		require.NoError(t, types.ValidateTypeName("type", name, p.MaxIdLength))
	}
}
