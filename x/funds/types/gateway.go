package types

import "github.com/trustcity/trustcity/x/internal/gwenum"

// The REST gateway reads the ledger query's type by name too.
func init() {
	gwenum.Register("trustcity.funds.v1.LedgerType", LedgerType_value)
}
