package e2e

import (
	"math/big"
	"path/filepath"
	"strings"
	"testing"
)

const (
	// txGas is the gas limit the CLI uses by default and the tests rely on.
	txGas = 200000
	// baseFee is the fee the tests pay when the node asks for no more.
	baseFee = 2000
)

// feeFor returns a fee ("<n>utcity") that pays txGas at the minimum gas price
// in home's app.toml, and never less than baseFee.
func feeFor(t testing.TB, home string) string {
	t.Helper()
	raw, ok := readTOML(t, filepath.Join(home, "config", "app.toml"), "", "minimum-gas-prices")
	fee := big.NewInt(baseFee)
	if !ok {
		return fee.String() + denom
	}
	for _, entry := range strings.FieldsFunc(strings.Trim(raw, `"'`), func(r rune) bool { return r == ';' || r == ',' }) {
		entry = strings.TrimSpace(entry)
		amount, found := strings.CutSuffix(entry, denom)
		if !found {
			continue
		}
		price, ok := new(big.Rat).SetString(amount)
		if !ok {
			t.Fatalf("app.toml minimum-gas-prices: cannot parse %q", entry)
		}
		need := new(big.Rat).Mul(price, new(big.Rat).SetInt64(txGas))
		// Round up: the node rejects fees below price*gas.
		ceil := new(big.Int).Quo(need.Num(), need.Denom())
		if new(big.Rat).SetInt(ceil).Cmp(need) < 0 {
			ceil.Add(ceil, big.NewInt(1))
		}
		if ceil.Cmp(fee) > 0 {
			fee = ceil
		}
	}
	return fee.String() + denom
}
