package simulation

import (
	"fmt"
	"math/rand"
	"slices"
	"strconv"

	"github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"

	"github.com/trustcity/trustcity/x/identity/types"
)

// credentialTypePool are the credential types departments are permitted.
// Sorted, as a department's types must be.
var credentialTypePool = []string{"BuildingPermit", "BusinessLicence", "DriverLicence", "HealthCard", "ParkingPermit", "ResidentCard"}

// deviceTypes and scopePool describe the simulated IoT devices.
var (
	deviceTypes = []string{"AirQualitySensor", "ParkingMeter", "TrafficCamera", "WaterMeter"}
	scopePool   = []string{"air-quality", "parking", "traffic-flow", "water-usage"}
)

// allRoles lists every role, sorted by number.
func allRoles() []types.Role {
	roles := make([]types.Role, 0, len(types.Role_name)-1)
	for n := range types.Role_name {
		if r := types.Role(n); r != types.Role_ROLE_UNSPECIFIED {
			roles = append(roles, r)
		}
	}
	slices.Sort(roles)
	return roles
}

// subset returns the items of a sorted list each kept with probability p,
// in order, so the result is sorted too.
func subset[T any](r *rand.Rand, items []T, p float64) []T {
	var out []T
	for _, it := range items {
		if r.Float64() < p {
			out = append(out, it)
		}
	}
	return out
}

// union merges two sorted lists without duplicates.
func union[T ~int32 | ~string](a, b []T) []T {
	out := append(slices.Clone(a), b...)
	slices.Sort(out)
	return slices.Compact(out)
}

// pick returns a random element of a non-empty list.
func pick[T any](r *rand.Rand, items []T) T {
	return items[r.Intn(len(items))]
}

const slugChars = "abcdefghijklmnopqrstuvwxyz0123456789"

// randSlug returns n random lower-case letters and digits.
func randSlug(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = slugChars[r.Intn(len(slugChars))]
	}
	return string(b)
}

// randDepartmentID returns a department id such as "d-k3j9x0qa".
func randDepartmentID(r *rand.Rand) string { return "d-" + randSlug(r, 8) }

// randName returns a department name within simMaxNameLength.
func randName(r *rand.Rand) string { return "Department " + randSlug(r, 6) }

// randMetadata returns free text within simMaxMetadataBytes, sometimes empty.
func randMetadata(r *rand.Rand) string {
	if r.Intn(3) == 0 {
		return ""
	}
	return "note " + randSlug(r, r.Intn(24))
}

// randBytes returns n random bytes.
func randBytes(r *rand.Rand, n int) []byte {
	b := make([]byte, n)
	_, _ = r.Read(b)
	return b
}

// randUUID returns a random lower-case version-4 UUID.
func randUUID(r *rand.Rand) string {
	b := randBytes(r, 16)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// randCredentialID returns a credential id urn:uuid:<uuid>, simMaxIDLength bytes.
func randCredentialID(r *rand.Rand) string { return "urn:uuid:" + randUUID(r) }

// randKey returns a well-formed public key of type t.
func randKey(r *rand.Rand, t types.VerificationMethodType) []byte {
	switch t {
	case types.VerificationMethodType_VERIFICATION_METHOD_TYPE_ED25519:
		return ed25519.GenPrivKeyFromSecret(randBytes(r, 32)).PubKey().Bytes()
	case types.VerificationMethodType_VERIFICATION_METHOD_TYPE_SECP256K1:
		return secp256k1.GenPrivKeyFromSecret(randBytes(r, 32)).PubKey().Bytes()
	default: // X25519: any 32 bytes but zero
		b := randBytes(r, 32)
		b[0] |= 1
		return b
	}
}

// randDocument returns the keys, relationships and services of a valid DID
// document within the simulation's sizes; the caller sets id and controllers.
func randDocument(r *rand.Rand) types.DidDocument {
	var doc types.DidDocument
	keyTypes := []types.VerificationMethodType{
		types.VerificationMethodType_VERIFICATION_METHOD_TYPE_ED25519,
		types.VerificationMethodType_VERIFICATION_METHOD_TYPE_SECP256K1,
		types.VerificationMethodType_VERIFICATION_METHOD_TYPE_X25519,
	}
	for i := range 1 + r.Intn(simMaxVerification) {
		t := pick(r, keyTypes)
		if i == 0 {
			t = types.VerificationMethodType_VERIFICATION_METHOD_TYPE_ED25519 // every DID can authenticate
		}
		id := "key-" + strconv.Itoa(i+1)
		doc.VerificationMethods = append(doc.VerificationMethods, types.VerificationMethod{Id: id, Type: t, PublicKey: randKey(r, t)})
		if t == types.VerificationMethodType_VERIFICATION_METHOD_TYPE_X25519 {
			doc.KeyAgreement = append(doc.KeyAgreement, id)
			continue
		}
		if i == 0 || r.Intn(2) == 0 {
			doc.Authentication = append(doc.Authentication, id)
		}
		if r.Intn(2) == 0 {
			doc.AssertionMethod = append(doc.AssertionMethod, id)
		}
	}
	for i := range r.Intn(simMaxServices + 1) {
		doc.Services = append(doc.Services, types.Service{
			Id:       "svc-" + strconv.Itoa(i+1),
			Type:     "LinkedDomains",
			Endpoint: "https://" + randSlug(r, 8) + ".example.org/did",
		})
	}
	return doc
}

// randScopes returns up to simMaxDeviceScopes scopes, sorted.
func randScopes(r *rand.Rand) []string {
	scopes := subset(r, scopePool, 0.5)
	if len(scopes) > simMaxDeviceScopes {
		scopes = scopes[:simMaxDeviceScopes]
	}
	return scopes
}

// randForeignDID returns a DID of another method, which the chain takes as
// given when it is a credential's subject.
func randForeignDID(r *rand.Rand) string { return "did:web:" + randSlug(r, 10) + ".example.org" }
