package simulation

import (
	"encoding/json"
	"math/rand"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/trustcity/trustcity/x/datashare/schema"
	"github.com/trustcity/trustcity/x/datashare/types"
	"github.com/trustcity/trustcity/x/internal/simactors"
)

// TestSimSchemasAndRecords: every simulation standard compiles and fits
// simMaxSchemaBytes, and the records drawn for it conform and fit
// simMaxRecordBytes; the free records are JSON.
func TestSimSchemasAndRecords(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	for _, s := range simSchemas {
		require.LessOrEqual(t, len(s.doc), simMaxSchemaBytes)
		compiled, err := schema.Compile([]byte(s.doc))
		require.NoError(t, err, s.doc)
		require.LessOrEqual(t, compiled.Complexity(), simMaxSchemaComplexity, s.doc)
		require.Equal(t, uint64(compiled.Complexity()), schemaComplexity(s.doc))
		for range 200 {
			rec, ok := schemaRecord(r, s.doc)
			require.True(t, ok)
			require.LessOrEqual(t, len(rec), simMaxRecordBytes)
			require.NoError(t, compiled.Validate([]byte(rec)), "%s against %s", rec, s.doc)
		}
	}
	_, ok := schemaRecord(r, `{"type":"object"}`)
	require.False(t, ok)
	for range 100 {
		require.True(t, json.Valid([]byte(freeRecord(r))))
		require.LessOrEqual(t, len(freeRecord(r)), simMaxRecordBytes)
	}
}

// TestRandomTextFitsTheFloor: what the simulation writes stays within the
// sizes RandomParams never goes below, and passes the module's checks.
func TestRandomTextFitsTheFloor(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	for range 500 {
		id := randDatasetID(r)
		require.NoError(t, types.ValidateSlug("dataset id", id))
		require.NoError(t, types.ValidateSlug("standard id", randStandardID(r)))
		require.NoError(t, types.ValidateStandardVersion(randStandardVersion(r), simMaxTextLength))
		require.NoError(t, types.ValidateName("title", randTitle(r, "Dataset"), simMaxTextLength))
		require.NoError(t, types.ValidateText("description", randDescription(r), simMaxDescriptionBytes))
		require.NoError(t, types.ValidateLocator(randLocator(r, id), simMaxLocatorLength))
		ps, err := types.NormalizePurposes(randPurposes(r, simactors.Pick(r, purposes)), simMaxTextLength, simMaxListItems)
		require.NoError(t, err)
		require.NotEmpty(t, ps)
		d := randDuration(r, simMaxGrantDuration)
		require.NoError(t, types.ValidateDuration("duration", d, simMaxGrantDuration))
		require.GreaterOrEqual(t, d, time.Minute)
		require.True(t, randEncryption(r, true).Known())
		require.NotEqual(t, types.EncryptionScheme_ENCRYPTION_SCHEME_NONE, randEncryption(r, true))
		require.True(t, randEncryption(r, false).Known())
		require.True(t, randCategory(r).Known())
	}
	for _, s := range append(append([]string{}, reasons...), purposes...) {
		require.NoError(t, types.ValidateText("text", s, simMaxTextLength))
	}
	for _, a := range algorithms {
		require.NoError(t, types.ValidateAlgorithm(a, simMaxTextLength))
	}
	for _, s := range deviceScopes {
		require.NoError(t, types.ValidateSlug("dataset id", s))
	}
	require.Equal(t, time.Minute, randDuration(r, time.Minute))
}
