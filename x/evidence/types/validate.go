package types

import (
	"encoding/hex"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// anyDIDPattern is the generic DID syntax of W3C DID Core.
var anyDIDPattern = regexp.MustCompile(`^did:[a-z0-9]+:([A-Za-z0-9._-]|%[0-9A-Fa-f]{2}|:)*([A-Za-z0-9._-]|%[0-9A-Fa-f]{2})$`)

// maxDIDLength bounds a party DID.
const maxDIDLength = 256

// ValidateDigest checks that a digest has the algorithm's length and that
// the params allow the algorithm.
func ValidateDigest(field string, digest []byte, a HashAlgorithm, p Params) error {
	if !a.Known() {
		return ErrUnknownAlgorithm.Wrapf("algorithm %d", a)
	}
	if !p.Allows(a) {
		return ErrUnknownAlgorithm.Wrapf("%s is not allowed on this chain", a.Short())
	}
	if len(digest) != a.Size() {
		return ErrInvalidDigest.Wrapf("a %s %s is %d bytes, got %d", a.Short(), field, a.Size(), len(digest))
	}
	return nil
}

// ValidateCategory checks the category is a known one.
func ValidateCategory(c Category) error {
	if _, ok := Category_name[int32(c)]; !ok || c == Category_CATEGORY_UNSPECIFIED {
		return ErrUnknownCategory.Wrapf("category %d", c)
	}
	return nil
}

// ValidateParties checks the party DIDs: bounded, well formed, none twice.
func ValidateParties(parties []string, p Params) error {
	if len(parties) > int(p.MaxParties) {
		return ErrInvalidParty.Wrapf("%d parties, the limit is %d", len(parties), p.MaxParties)
	}
	for i, d := range parties {
		if len(d) > maxDIDLength || !anyDIDPattern.MatchString(d) {
			return ErrInvalidParty.Wrapf("party %q is not a DID (did:<method>:<id>)", d)
		}
		if slices.Contains(parties[:i], d) {
			return ErrInvalidParty.Wrapf("party %s is listed twice", d)
		}
	}
	return nil
}

// ValidateText checks bounded free text: valid UTF-8 without control
// characters other than newline and tab.
func ValidateText(field, s string, maxLen uint32, required bool) error {
	if required && strings.TrimSpace(s) == "" {
		return ErrInvalidRequest.Wrapf("%s is empty", field)
	}
	if len(s) > int(maxLen) {
		return ErrInvalidRequest.Wrapf("%s is %d bytes, the limit is %d", field, len(s), maxLen)
	}
	if !utf8.ValidString(s) {
		return ErrInvalidRequest.Wrapf("%s is not valid UTF-8", field)
	}
	for _, r := range s {
		if unicode.IsControl(r) && r != '\n' && r != '\t' {
			return ErrInvalidRequest.Wrapf("%s contains the control character %U", field, r)
		}
	}
	return nil
}

// ValidateNoteHash checks an optional note hash: empty, or 32 bytes.
func ValidateNoteHash(h []byte) error {
	if len(h) != 0 && len(h) != 32 {
		return ErrInvalidRequest.Wrapf("note hash must be 32 bytes, got %d", len(h))
	}
	return nil
}

// ParseHex decodes a hex digest or root from a query.
func ParseHex(field, s string) ([]byte, error) {
	bz, err := hex.DecodeString(strings.TrimPrefix(strings.ToLower(s), "0x"))
	if err != nil || len(bz) == 0 || len(bz) > 64 {
		return nil, ErrInvalidDigest.Wrapf("%s %q is not a hex digest", field, s)
	}
	return bz, nil
}
