package types

import (
	"regexp"
	"slices"
	"strings"

	"github.com/trustcity/trustcity/x/internal/text"
)

var (
	// departmentIDPattern: a slug of lower-case letters and digits joined by
	// single dashes ("city-transport").
	departmentIDPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	// namePattern names credential types, device types and service types.
	namePattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9._-]*$`)
	// identifierPattern covers credential ids (URNs, URLs) and device scopes:
	// printable ASCII without spaces.
	identifierPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._:/#?=@+~-]*$`)
)

// ValidateDepartmentID checks a department id against the slug rule.
func ValidateDepartmentID(id string, maxLen uint32) error {
	if id == "" {
		return ErrInvalidDepartment.Wrap("department id is empty")
	}
	if len(id) > int(maxLen) {
		return ErrInvalidDepartment.Wrapf("department id is %d bytes, the limit is %d", len(id), maxLen)
	}
	if !departmentIDPattern.MatchString(id) {
		return ErrInvalidDepartment.Wrapf("department id %q must be lower-case letters and digits joined by single dashes", id)
	}
	return nil
}

// ValidateName checks a human-readable name: non-empty, bounded, printable.
func ValidateName(field, s string, maxLen uint32) error {
	if strings.TrimSpace(s) == "" {
		return ErrInvalidRequest.Wrapf("%s is empty", field)
	}
	return ValidateText(field, s, maxLen)
}

// ValidateText checks optional free text: bounded, valid UTF-8, without
// control characters other than newline and tab (x/internal/text).
func ValidateText(field, s string, maxLen uint32) error {
	if err := text.Check(field, s, maxLen); err != nil {
		return ErrInvalidRequest.Wrap(err.Error())
	}
	return nil
}

// ValidateTypeName checks a credential, device or service type name.
func ValidateTypeName(field, s string, maxLen uint32) error {
	if s == "" {
		return ErrInvalidRequest.Wrapf("%s is empty", field)
	}
	if len(s) > int(maxLen) {
		return ErrInvalidRequest.Wrapf("%s %q is %d bytes, the limit is %d", field, s, len(s), maxLen)
	}
	if !namePattern.MatchString(s) {
		return ErrInvalidRequest.Wrapf("%s %q must start with a letter and hold only letters, digits, '.', '_' and '-'", field, s)
	}
	return nil
}

// ValidateIdentifier checks a credential id or a device scope.
func ValidateIdentifier(field, s string, maxLen uint32) error {
	if s == "" {
		return ErrInvalidRequest.Wrapf("%s is empty", field)
	}
	if len(s) > int(maxLen) {
		return ErrInvalidRequest.Wrapf("%s is %d bytes, the limit is %d", field, len(s), maxLen)
	}
	if !identifierPattern.MatchString(s) {
		return ErrInvalidRequest.Wrapf("%s %q must be printable ASCII without spaces", field, s)
	}
	return nil
}

// NormalizeRoles checks every role is a known one and returns them sorted
// by number without duplicates.
func NormalizeRoles(roles []Role) ([]Role, error) {
	out := make([]Role, 0, len(roles))
	for _, r := range roles {
		if r == Role_ROLE_UNSPECIFIED {
			return nil, ErrInvalidRequest.Wrap("role unspecified")
		}
		if _, ok := Role_name[int32(r)]; !ok {
			return nil, ErrInvalidRequest.Wrapf("unknown role %d", r)
		}
		out = append(out, r)
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// NormalizeNames validates type names or scopes with check, and returns
// them sorted without duplicates.
func NormalizeNames(names []string, check func(string) error) ([]string, error) {
	out := make([]string, 0, len(names))
	for _, n := range names {
		if err := check(n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// Missing returns the elements of sub (sorted) that super (sorted) lacks.
func Missing[T ~int32 | ~string](sub, super []T) []T {
	var missing []T
	for _, x := range sub {
		if _, found := slices.BinarySearch(super, x); !found {
			missing = append(missing, x)
		}
	}
	return missing
}

// RoleNames renders roles for error messages.
func RoleNames(roles []Role) string {
	names := make([]string, len(roles))
	for i, r := range roles {
		names[i] = r.Short()
	}
	return strings.Join(names, ", ")
}

// Short is the role's name without the ROLE_ prefix (e.g. COURT).
func (r Role) Short() string { return strings.TrimPrefix(r.String(), "ROLE_") }

// HasRole reports whether the sorted roles contain r.
func HasRole(roles []Role, r Role) bool {
	_, found := slices.BinarySearch(roles, r)
	return found
}
