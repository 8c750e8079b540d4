package types

import "github.com/trustcity/trustcity/x/internal/gwenum"

// The REST gateway reads the enum query parameters (datasets by category,
// requests by status) by name too.
func init() {
	gwenum.Register("trustcity.datashare.v1.Category", Category_value)
	gwenum.Register("trustcity.datashare.v1.RequestStatus", RequestStatus_value)
}
