package types

import "github.com/trustcity/trustcity/x/internal/gwenum"

// The REST gateway reads the enum query parameters (authorization by role,
// status lists by purpose) by name too.
func init() {
	gwenum.Register("trustcity.identity.v1.Role", Role_value)
	gwenum.Register("trustcity.identity.v1.StatusPurpose", StatusPurpose_value)
}
