package types

import (
	"encoding/hex"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/trustcity/trustcity/x/internal/text"

	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

var (
	// slugPattern names standards and datasets: lower-case letters and digits
	// joined by single dashes ("weather-hourly").
	slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	// versionPattern names a standard's version ("1.0.0", "2024-r1").
	versionPattern = regexp.MustCompile(`^[0-9A-Za-z][0-9A-Za-z._+-]*$`)
	// locatorPattern: a URI with a scheme ("https://", "ipfs://", "s3://").
	locatorPattern = regexp.MustCompile(`^[a-z][a-z0-9+.-]*:[^\s]+$`)
	// algorithmPattern names a key-wrapping scheme ("ECDH-ES+A256KW").
	algorithmPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._+-]*$`)
)

// maxSlugLength bounds dataset and standard ids.
const maxSlugLength = 64

// ContentHashSize is the size of a version's content hash (SHA-256 or SM3).
const ContentHashSize = 32

// ValidateSlug checks a dataset or standard id.
func ValidateSlug(field, s string) error {
	if s == "" {
		return ErrInvalidRequest.Wrapf("%s is empty", field)
	}
	if len(s) > maxSlugLength {
		return ErrInvalidRequest.Wrapf("%s is %d bytes, the limit is %d", field, len(s), maxSlugLength)
	}
	if !slugPattern.MatchString(s) {
		return ErrInvalidRequest.Wrapf("%s %q must be lower-case letters and digits joined by single dashes", field, s)
	}
	return nil
}

// ValidateStandardVersion checks a standard's version name.
func ValidateStandardVersion(s string, maxLen uint32) error {
	if s == "" {
		return ErrInvalidRequest.Wrap("standard version is empty")
	}
	if len(s) > int(min(maxLen, maxSlugLength)) {
		return ErrInvalidRequest.Wrapf("standard version is %d bytes, the limit is %d", len(s), min(maxLen, maxSlugLength))
	}
	if !versionPattern.MatchString(s) {
		return ErrInvalidRequest.Wrapf("standard version %q must hold only letters, digits, '.', '_', '+' and '-'", s)
	}
	return nil
}

// ValidateText checks optional free text.
func ValidateText(field, s string, maxLen uint32) error {
	if err := text.Check(field, s, maxLen); err != nil {
		return ErrInvalidRequest.Wrap(err.Error())
	}
	return nil
}

// ValidateName checks required free text.
func ValidateName(field, s string, maxLen uint32) error {
	if strings.TrimSpace(s) == "" {
		return ErrInvalidRequest.Wrapf("%s is empty", field)
	}
	return ValidateText(field, s, maxLen)
}

// ValidateLocator checks a storage locator: a URI with a scheme.
func ValidateLocator(s string, maxLen uint32) error {
	if s == "" {
		return ErrInvalidRequest.Wrap("locator is empty")
	}
	if len(s) > int(maxLen) {
		return ErrInvalidRequest.Wrapf("locator is %d bytes, the limit is %d", len(s), maxLen)
	}
	if !locatorPattern.MatchString(s) {
		return ErrInvalidRequest.Wrapf("locator %q must be a URI with a scheme and no spaces", s)
	}
	return nil
}

// ValidateAlgorithm checks a key-wrapping algorithm name.
func ValidateAlgorithm(s string, maxLen uint32) error {
	if s == "" || len(s) > int(maxLen) || !algorithmPattern.MatchString(s) {
		return ErrInvalidRequest.Wrapf("algorithm %q must be 1 to %d letters, digits, '.', '_', '+' or '-'", s, maxLen)
	}
	return nil
}

// ValidateContentHash checks a version's content hash.
func ValidateContentHash(h []byte) error {
	if len(h) != ContentHashSize {
		return ErrInvalidRequest.Wrapf("content hash is %d bytes, want %d (SHA-256 or SM3)", len(h), ContentHashSize)
	}
	return nil
}

// ValidateDuration checks a requested duration: positive, at most max.
func ValidateDuration(field string, d, maxDuration time.Duration) error {
	if d <= 0 {
		return ErrInvalidDuration.Wrapf("%s must be positive", field)
	}
	if d%time.Second != 0 {
		return ErrInvalidDuration.Wrapf("%s must be whole seconds", field)
	}
	if d > maxDuration {
		return ErrInvalidDuration.Wrapf("%s %s exceeds the limit %s", field, d, maxDuration)
	}
	return nil
}

// NormalizePurposes sorts purposes, refuses duplicates, empty and oversize
// ones, and more than maxItems.
func NormalizePurposes(purposes []string, maxLen, maxItems uint32) ([]string, error) {
	if len(purposes) == 0 {
		return nil, ErrInvalidRequest.Wrap("at least one purpose is required")
	}
	if len(purposes) > int(maxItems) {
		return nil, ErrInvalidRequest.Wrapf("%d purposes, the limit is %d", len(purposes), maxItems)
	}
	out := slices.Clone(purposes)
	for _, p := range out {
		if err := ValidateName("purpose", p, maxLen); err != nil {
			return nil, err
		}
	}
	slices.Sort(out)
	for i := 1; i < len(out); i++ {
		if out[i] == out[i-1] {
			return nil, ErrInvalidRequest.Wrapf("purpose %q is listed twice", out[i])
		}
	}
	return out, nil
}

// IsDID reports whether a grantee or subscriber names a DID (otherwise it
// names a department).
func IsDID(s string) bool { return strings.HasPrefix(s, "did:") }

// NormalizeGrantee checks a grantee: a department id, or a did:trustcity DID
// returned in its full form.
func NormalizeGrantee(s string) (string, error) {
	if IsDID(s) {
		did, err := identitytypes.NormalizeDID(s)
		if err != nil {
			return "", ErrInvalidRequest.Wrapf("grantee: %s", err)
		}
		return did, nil
	}
	if err := ValidateDepartmentID("grantee", s); err != nil {
		return "", err
	}
	return s, nil
}

// Known reports whether c is a defined category other than unspecified.
func (c Category) Known() bool {
	_, ok := Category_name[int32(c)]
	return ok && c != Category_CATEGORY_UNSPECIFIED
}

// Known reports whether s is a defined sensitivity other than unspecified.
func (s Sensitivity) Known() bool {
	_, ok := Sensitivity_name[int32(s)]
	return ok && s != Sensitivity_SENSITIVITY_UNSPECIFIED
}

// Known reports whether e is a defined scheme other than unspecified.
func (e EncryptionScheme) Known() bool {
	_, ok := EncryptionScheme_name[int32(e)]
	return ok && e != EncryptionScheme_ENCRYPTION_SCHEME_UNSPECIFIED
}

// Short names drop the enum prefixes in events and messages.
func (c Category) Short() string         { return strings.TrimPrefix(c.String(), "CATEGORY_") }
func (s Sensitivity) Short() string      { return strings.TrimPrefix(s.String(), "SENSITIVITY_") }
func (k PublisherKind) Short() string    { return strings.TrimPrefix(k.String(), "PUBLISHER_KIND_") }
func (s GrantStatus) Short() string      { return strings.TrimPrefix(s.String(), "GRANT_STATUS_") }
func (s ConsentStatus) Short() string    { return strings.TrimPrefix(s.String(), "CONSENT_STATUS_") }
func (s RequestStatus) Short() string    { return strings.TrimPrefix(s.String(), "REQUEST_STATUS_") }
func (e EncryptionScheme) Short() string { return strings.TrimPrefix(e.String(), "ENCRYPTION_SCHEME_") }

// ParseContentHash decodes a hex content hash given to a query.
func ParseContentHash(s string) ([]byte, error) {
	bz, err := hex.DecodeString(s)
	if err != nil {
		return nil, ErrInvalidRequest.Wrapf("content hash %q is not hex: %s", s, err)
	}
	return bz, ValidateContentHash(bz)
}

// ValidateDepartmentID checks a department id by x/identity's rule, against
// its hard cap on id length: any department x/identity registered passes.
func ValidateDepartmentID(field, id string) error {
	if err := identitytypes.ValidateDepartmentID(id, identitytypes.MaxIDLengthCap); err != nil {
		return ErrInvalidRequest.Wrapf("%s: %s", field, err)
	}
	return nil
}
