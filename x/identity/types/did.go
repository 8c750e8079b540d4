package types

import (
	"crypto/sha256"
	"encoding/binary"
	"net/url"
	"regexp"
	"strings"

	"github.com/mr-tron/base58"
)

var (
	uuidPattern = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
	// anyDIDPattern is the generic DID syntax of W3C DID Core (method name,
	// then a method-specific id of idchars, ':' and %-escapes).
	anyDIDPattern = regexp.MustCompile(`^did:[a-z0-9]+:([A-Za-z0-9._-]|%[0-9A-Fa-f]{2}|:)*([A-Za-z0-9._-]|%[0-9A-Fa-f]{2})$`)
	// fragmentPattern names verification methods and services in a document.
	fragmentPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)
)

// maxDIDLength bounds any DID this module stores (subjects included).
const maxDIDLength = 256

// NormalizeDID accepts did:trustcity:<id> or a bare <id> and returns the full
// DID after checking the method-specific id: a lower-case UUID, or base58
// (Bitcoin alphabet) of 16 or 32 bytes. Both forms carry no personal data.
func NormalizeDID(s string) (string, error) {
	id := s
	if strings.HasPrefix(s, "did:") {
		if !strings.HasPrefix(s, DIDPrefix) {
			return "", ErrInvalidDid.Wrapf("%q is not a did:%s DID", s, DIDMethod)
		}
		id = strings.TrimPrefix(s, DIDPrefix)
	}
	if err := ValidateDidID(id); err != nil {
		return "", err
	}
	return DIDPrefix + id, nil
}

// ValidateDidID checks a method-specific id of did:trustcity.
func ValidateDidID(id string) error {
	if id == "" {
		return ErrInvalidDid.Wrap("method-specific id is empty")
	}
	if uuidPattern.MatchString(id) {
		return nil
	}
	if len(id) <= 44 {
		if raw, err := base58.Decode(id); err == nil && (len(raw) == 16 || len(raw) == 32) {
			return nil
		}
	}
	return ErrInvalidDid.Wrapf("method-specific id %q must be a lower-case UUID or base58 of 16 or 32 bytes", id)
}

// DeriveDidID derives the method-specific id of a DID created without one:
// base58 of the first 16 bytes of SHA-256(creator ‖ sequence).
func DeriveDidID(creator []byte, sequence uint64) string {
	h := sha256.New()
	h.Write(creator)
	var seq [8]byte
	binary.BigEndian.PutUint64(seq[:], sequence)
	h.Write(seq[:])
	return base58.Encode(h.Sum(nil)[:16])
}

// ValidateAnyDID checks the generic DID syntax, for subjects that may live on
// other ledgers or methods (did:key, did:web, ...).
func ValidateAnyDID(field, s string) error {
	if s == "" {
		return ErrInvalidDid.Wrapf("%s is empty", field)
	}
	if len(s) > maxDIDLength {
		return ErrInvalidDid.Wrapf("%s is %d bytes, the limit is %d", field, len(s), maxDIDLength)
	}
	if !anyDIDPattern.MatchString(s) {
		return ErrInvalidDid.Wrapf("%s %q is not a DID (did:<method>:<id>)", field, s)
	}
	if strings.HasPrefix(s, DIDPrefix) {
		if _, err := NormalizeDID(s); err != nil {
			return err
		}
	}
	return nil
}

// ValidateDocument checks a DID document's verification methods,
// relationships and services against the params. Controllers are checked by
// the keeper, which owns the address codec. It returns how many items were
// checked so the caller can charge gas for them.
func ValidateDocument(doc DidDocument, p Params) (int, error) {
	if len(doc.Controllers) == 0 {
		return 0, ErrInvalidDid.Wrap("a DID needs at least one controller")
	}
	if len(doc.Controllers) > int(p.MaxControllers) {
		return 0, ErrInvalidDid.Wrapf("%d controllers, the limit is %d", len(doc.Controllers), p.MaxControllers)
	}
	if len(doc.VerificationMethods) > int(p.MaxVerificationMethods) {
		return 0, ErrInvalidDid.Wrapf("%d verification methods, the limit is %d", len(doc.VerificationMethods), p.MaxVerificationMethods)
	}
	if len(doc.Services) > int(p.MaxServices) {
		return 0, ErrInvalidDid.Wrapf("%d services, the limit is %d", len(doc.Services), p.MaxServices)
	}
	fragments := make(map[string]VerificationMethodType, len(doc.VerificationMethods)+len(doc.Services))
	for _, vm := range doc.VerificationMethods {
		if err := validateFragment("verification method", vm.Id, fragments); err != nil {
			return 0, err
		}
		if err := ValidatePublicKey(vm.Type, vm.PublicKey); err != nil {
			return 0, ErrInvalidDid.Wrapf("verification method %q: %s", vm.Id, err)
		}
		fragments[vm.Id] = vm.Type
	}
	relationships := []struct {
		name  string
		refs  []string
		allow func(VerificationMethodType) bool
	}{
		{"authentication", doc.Authentication, isSigningKey},
		{"assertion_method", doc.AssertionMethod, isSigningKey},
		{"key_agreement", doc.KeyAgreement, func(t VerificationMethodType) bool {
			return t == VerificationMethodType_VERIFICATION_METHOD_TYPE_X25519
		}},
	}
	items := len(doc.Controllers) + len(doc.VerificationMethods) + len(doc.Services)
	for _, rel := range relationships {
		if len(rel.refs) > int(p.MaxVerificationMethods) {
			return 0, ErrInvalidDid.Wrapf("%s lists %d keys, the limit is %d", rel.name, len(rel.refs), p.MaxVerificationMethods)
		}
		seen := make(map[string]bool, len(rel.refs))
		for _, ref := range rel.refs {
			t, ok := fragments[ref]
			if !ok {
				return 0, ErrInvalidDid.Wrapf("%s names %q, which is not a verification method of the document", rel.name, ref)
			}
			if !rel.allow(t) {
				return 0, ErrInvalidDid.Wrapf("%s cannot use %q, a %s key", rel.name, ref, t.Short())
			}
			if seen[ref] {
				return 0, ErrInvalidDid.Wrapf("%s names %q twice", rel.name, ref)
			}
			seen[ref] = true
		}
		items += len(rel.refs)
	}
	for _, svc := range doc.Services {
		if err := validateFragment("service", svc.Id, fragments); err != nil {
			return 0, err
		}
		fragments[svc.Id] = VerificationMethodType_VERIFICATION_METHOD_TYPE_UNSPECIFIED
		if err := ValidateTypeName("service type", svc.Type, 64); err != nil {
			return 0, ErrInvalidDid.Wrapf("service %q: %s", svc.Id, err)
		}
		if err := validateEndpoint(svc.Endpoint, p.MaxServiceEndpointLength); err != nil {
			return 0, ErrInvalidDid.Wrapf("service %q: %s", svc.Id, err)
		}
	}
	return items, nil
}

func isSigningKey(t VerificationMethodType) bool {
	return t == VerificationMethodType_VERIFICATION_METHOD_TYPE_ED25519 ||
		t == VerificationMethodType_VERIFICATION_METHOD_TYPE_SECP256K1
}

func validateFragment(kind, id string, seen map[string]VerificationMethodType) error {
	if !fragmentPattern.MatchString(id) {
		return ErrInvalidDid.Wrapf("%s id %q must be 1-64 letters, digits, '.', '_' or '-'", kind, id)
	}
	if _, dup := seen[id]; dup {
		return ErrInvalidDid.Wrapf("id %q is used twice in the document", id)
	}
	return nil
}

func validateEndpoint(endpoint string, maxLen uint32) error {
	if len(endpoint) > int(maxLen) {
		return ErrInvalidDid.Wrapf("endpoint is %d bytes, the limit is %d", len(endpoint), maxLen)
	}
	u, err := url.Parse(endpoint)
	if err != nil || u.Scheme == "" || (u.Host == "" && u.Opaque == "") {
		return ErrInvalidDid.Wrapf("endpoint %q is not an absolute URI", endpoint)
	}
	return nil
}

// Short is the key type's name without its prefix (e.g. X25519).
func (t VerificationMethodType) Short() string {
	return strings.TrimPrefix(t.String(), "VERIFICATION_METHOD_TYPE_")
}
