package types

import (
	"encoding/hex"
	"slices"
	"strings"

	identitytypes "github.com/trustcity/trustcity/x/identity/types"
	"github.com/trustcity/trustcity/x/internal/text"
)

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
		if err := identitytypes.ValidateAnyDID("party", d); err != nil {
			return ErrInvalidParty.Wrap(err.Error())
		}
		if slices.Contains(parties[:i], d) {
			return ErrInvalidParty.Wrapf("party %s is listed twice", d)
		}
	}
	return nil
}

// ValidateText checks bounded free text (see x/internal/text); required
// text must not be blank.
func ValidateText(field, s string, maxLen uint32, required bool) error {
	if required && strings.TrimSpace(s) == "" {
		return ErrInvalidRequest.Wrapf("%s is empty", field)
	}
	if err := text.Check(field, s, maxLen); err != nil {
		return ErrInvalidRequest.Wrap(err.Error())
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
