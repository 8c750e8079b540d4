package types

import (
	"regexp"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/internal/text"

	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

// purposePattern: a purpose code, e.g. an IATI/OECD-DAC sector code
// ("16010") or a local code ("poverty.housing").
var purposePattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

const (
	maxPurposeLength = 64
	// HashSize is the size of a reference, receipt or description hash
	// (SHA-256 or SM3).
	HashSize = 32
)

// ValidatePurposeCode checks a purpose code.
func ValidatePurposeCode(s string) error {
	if s == "" {
		return ErrInvalidRequest.Wrap("purpose code is empty")
	}
	if len(s) > maxPurposeLength {
		return ErrInvalidRequest.Wrapf("purpose code is %d bytes, the limit is %d", len(s), maxPurposeLength)
	}
	if !purposePattern.MatchString(s) {
		return ErrInvalidRequest.Wrapf("purpose code %q must hold only letters, digits, '.', '_' and '-'", s)
	}
	return nil
}

// ValidateName checks a program name: non-empty bounded text.
func ValidateName(s string, maxLen uint32) error {
	if s == "" {
		return ErrInvalidRequest.Wrap("name is empty")
	}
	return ValidateText("name", s, maxLen)
}

// ValidateText checks optional free text.
func ValidateText(field, s string, maxLen uint32) error {
	if err := text.Check(field, s, maxLen); err != nil {
		return ErrInvalidRequest.Wrap(err.Error())
	}
	return nil
}

// ValidateHash checks a document hash; optional hashes may be empty.
func ValidateHash(field string, h []byte, required bool) error {
	if len(h) == 0 && !required {
		return nil
	}
	if len(h) != HashSize {
		return ErrInvalidRequest.Wrapf("%s must be %d bytes (SHA-256 or SM3), got %d", field, HashSize, len(h))
	}
	return nil
}

// ValidateDepartmentID checks a department id by x/identity's rule.
func ValidateDepartmentID(field, id string) error {
	if err := identitytypes.ValidateDepartmentID(id, identitytypes.MaxIDLengthCap); err != nil {
		return ErrInvalidRequest.Wrapf("%s: %s", field, err)
	}
	return nil
}

// ValidateCredentialType checks an eligibility credential type by
// x/identity's rule for type names.
func ValidateCredentialType(s string, maxLen uint32) error {
	if err := identitytypes.ValidateTypeName("eligibility credential type", s, maxLen); err != nil {
		return ErrInvalidRequest.Wrap(err.Error())
	}
	return nil
}

// CheckCoin requires a valid coin of denom; positive unless zeroOK.
func CheckCoin(field string, c sdk.Coin, denom string, zeroOK bool) (math.Int, error) {
	if err := c.Validate(); err != nil {
		return math.Int{}, ErrInvalidAmount.Wrapf("%s: %s", field, err)
	}
	if denom != "" && c.Denom != denom {
		return math.Int{}, ErrWrongDenom.Wrapf("%s is in %s, the program's denom is %s", field, c.Denom, denom)
	}
	if !zeroOK && !c.Amount.IsPositive() {
		return math.Int{}, ErrInvalidAmount.Wrapf("%s must be positive", field)
	}
	return c.Amount, nil
}
