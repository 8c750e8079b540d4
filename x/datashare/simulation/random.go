package simulation

import (
	"fmt"
	"math/rand"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/trustcity/trustcity/x/datashare/schema"
	"github.com/trustcity/trustcity/x/datashare/types"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
	"github.com/trustcity/trustcity/x/internal/simactors"
)

const slugChars = "abcdefghijklmnopqrstuvwxyz0123456789"

// randSlug returns n random lower-case letters and digits.
func randSlug(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = slugChars[r.Intn(len(slugChars))]
	}
	return string(b)
}

// randBytes returns n random bytes.
func randBytes(r *rand.Rand, n int) []byte {
	b := make([]byte, n)
	_, _ = r.Read(b)
	return b
}

// randDatasetID returns a fresh-looking dataset id such as "ds-k3j9x0qa".
func randDatasetID(r *rand.Rand) string { return "ds-" + randSlug(r, 8) }

// randStandardID returns a standard id such as "std-4f0a9c".
func randStandardID(r *rand.Rand) string { return "std-" + randSlug(r, 6) }

// randStandardVersion returns a version such as "1.4.2".
func randStandardVersion(r *rand.Rand) string {
	return fmt.Sprintf("%d.%d.%d", 1+r.Intn(3), r.Intn(10), r.Intn(10))
}

// randTitle returns a title within simMaxTextLength.
func randTitle(r *rand.Rand, what string) string { return what + " " + randSlug(r, 8) }

// randDescription returns free text within simMaxDescriptionBytes,
// sometimes empty, sometimes over two lines.
func randDescription(r *rand.Rand) string {
	switch r.Intn(3) {
	case 0:
		return ""
	case 1:
		return "Collected by " + randSlug(r, 10) + ".\nUpdated daily."
	default:
		return "Dataset " + randSlug(r, r.Intn(64))
	}
}

// randLocator returns a storage URI within simMaxLocatorLength.
func randLocator(r *rand.Rand, datasetID string) string {
	switch r.Intn(3) {
	case 0:
		return "https://data." + randSlug(r, 6) + ".example.org/" + datasetID
	case 1:
		return "s3://city-" + randSlug(r, 6) + "/" + datasetID + "/" + randSlug(r, 8)
	default:
		return "ipfs://bafy" + randSlug(r, 40)
	}
}

// randCategory returns a category other than UNSPECIFIED.
func randCategory(r *rand.Rand) types.Category {
	return types.Category(1 + r.Intn(len(types.Category_name)-1))
}

// randEncryption returns a scheme other than UNSPECIFIED; with personal
// set, one that encrypts.
func randEncryption(r *rand.Rand, personal bool) types.EncryptionScheme {
	if personal {
		return types.EncryptionScheme(2 + r.Intn(len(types.EncryptionScheme_name)-2))
	}
	return types.EncryptionScheme(1 + r.Intn(len(types.EncryptionScheme_name)-1))
}

// randRole returns a role other than UNSPECIFIED.
func randRole(r *rand.Rand) identitytypes.Role {
	return identitytypes.Role(1 + r.Intn(len(identitytypes.Role_name)-1))
}

// purposes are what access is asked and consent given for.
var purposes = []string{
	"traffic planning",
	"air quality research",
	"public health statistics",
	"emergency response",
	"urban planning",
	"audit of public spending",
}

// reasons are why requests are rejected, grants revoked and standards
// deprecated; one is empty (reasons are optional) and one has a tab.
var reasons = []string{
	"",
	"purpose not covered by the data sharing agreement",
	"superseded by a newer version",
	"requested by the data protection officer",
	"security review\tpending",
}

// algorithms name key-wrapping schemes of envelopes.
var algorithms = []string{"ECDH-ES+A256KW", "ECDH-ES+A128KW", "X25519-HKDF-SHA256+AES-256-GCM"}

// deviceScopes are the scopes x/identity's simulation gives devices
// (scopePool there): a dataset with one of these ids can be published by a
// device of its owner whose scopes name it.
var deviceScopes = []string{"air-quality", "parking", "traffic-flow", "water-usage"}

// randPurposes returns one to simMaxListItems distinct purposes, first among
// them first when given.
func randPurposes(r *rand.Rand, first string) []string {
	var out []string
	if first != "" {
		out = append(out, first)
	}
	for range 1 + r.Intn(simMaxListItems) {
		if len(out) == simMaxListItems {
			break
		}
		if p := simactors.Pick(r, purposes); !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}

// randDuration returns a duration of whole seconds between one minute and
// limit: a third of the time under six hours (so grants and consents expire
// while the simulation runs, its blocks being hours apart), a third under
// three days, a third up to limit.
func randDuration(r *rand.Rand, limit time.Duration) time.Duration {
	limit = limit.Truncate(time.Second)
	lo, hi := time.Minute, limit
	switch r.Intn(3) {
	case 0:
		hi = min(limit, 6*time.Hour)
	case 1:
		lo, hi = min(limit, 6*time.Hour), min(limit, 72*time.Hour)
	}
	if hi <= lo {
		return lo
	}
	return lo + time.Duration(r.Int63n(int64((hi-lo)/time.Second)+1))*time.Second
}

// simSchema is a standard the simulation registers, with a generator of
// records conforming to it.
type simSchema struct {
	doc    string
	record func(r *rand.Rand) string
}

// simSchemas are the JSON Schema documents of the simulation's standards,
// in several dialects, each within simMaxSchemaBytes; their records stay
// within simMaxRecordBytes.
var simSchemas = []simSchema{
	{
		doc: `{"$schema":"https://json-schema.org/draft/2020-12/schema","title":"Air quality reading","type":"object",` +
			`"required":["station","pollutant","value"],"properties":{"station":{"type":"string","pattern":"^st-[0-9]{4}$"},` +
			`"pollutant":{"enum":["pm25","pm10","no2","o3"]},"value":{"type":"number","minimum":0,"maximum":1000}},` +
			`"additionalProperties":false}`,
		record: func(r *rand.Rand) string {
			return fmt.Sprintf(`{"station":"st-%04d","pollutant":%q,"value":%s}`,
				r.Intn(10000), simactors.Pick(r, []string{"pm25", "pm10", "no2", "o3"}), decimal(r, 1000))
		},
	},
	{
		doc: `{"$schema":"http://json-schema.org/draft-07/schema#","title":"Traffic count","type":"object",` +
			`"required":["road","vehicles","day"],"properties":{"road":{"type":"string","minLength":1,"maxLength":24},` +
			`"vehicles":{"type":"integer","minimum":0},"day":{"type":"string","format":"date"}}}`,
		record: func(r *rand.Rand) string {
			return fmt.Sprintf(`{"road":"ring-%d","vehicles":%d,"day":"2026-%02d-%02d"}`,
				r.Intn(100), r.Intn(100000), 1+r.Intn(12), 1+r.Intn(28))
		},
	},
	{
		doc: `{"type":"array","items":{"type":"number","minimum":0},"minItems":1,"maxItems":8}`,
		record: func(r *rand.Rand) string {
			values := make([]string, 1+r.Intn(8))
			for i := range values {
				values[i] = decimal(r, 500)
			}
			return "[" + strings.Join(values, ",") + "]"
		},
	},
	{
		doc: `{"type":"object","required":["note"],"properties":{"note":{"type":"string","maxLength":48},` +
			`"rows":{"type":"integer","minimum":0}}}`,
		record: func(r *rand.Rand) string {
			if r.Intn(2) == 0 {
				return fmt.Sprintf(`{"note":"batch %s"}`, randSlug(r, 12))
			}
			return fmt.Sprintf(`{"note":"batch %s","rows":%d}`, randSlug(r, 12), r.Intn(1000000))
		},
	},
}

// schemaComplexity is the complexity of a simulation standard, which a
// genesis standard records.
func schemaComplexity(doc string) uint64 {
	s, err := schema.Compile([]byte(doc))
	if err != nil {
		panic(fmt.Sprintf("datashare simulation: standard %s: %v", doc, err))
	}
	return uint64(s.Complexity())
}

// schemaRecord returns a record conforming to the simulation standard with
// document doc, and false when doc is not one of simSchemas.
func schemaRecord(r *rand.Rand, doc string) (string, bool) {
	for _, s := range simSchemas {
		if s.doc == doc {
			return s.record(r), true
		}
	}
	return "", false
}

// freeRecord returns a JSON record for a version of a dataset without a
// standard (any JSON value conforms).
func freeRecord(r *rand.Rand) string {
	return fmt.Sprintf(`{"rows":%d,"source":"%s"}`, r.Intn(1000000), randSlug(r, 8))
}

// decimal returns a non-negative number below limit with at most two
// decimals, written as JSON.
func decimal(r *rand.Rand, limit int) string {
	whole, cents := r.Intn(limit), r.Intn(100)
	if cents == 0 {
		return strconv.Itoa(whole)
	}
	return fmt.Sprintf("%d.%02d", whole, cents)
}
