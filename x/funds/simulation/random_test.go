package simulation

import (
	"math/rand"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/trustcity/trustcity/x/funds/types"
)

// TestRandomAmounts: randBetween stays within its bounds and reaches both;
// randPart is positive, at most its limit, and sometimes all of it.
func TestRandomAmounts(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	lo, hi := math.NewInt(5), math.NewInt(9)
	seen := map[int64]bool{}
	for range 500 {
		v := randBetween(r, lo, hi)
		require.True(t, v.GTE(lo) && v.LTE(hi), v)
		seen[v.Int64()] = true
	}
	require.Len(t, seen, 5)
	require.Equal(t, lo, randBetween(r, lo, math.NewInt(2)))
	huge := math.NewIntWithDecimal(1, 40)
	require.True(t, randBetween(r, math.OneInt(), huge).LTE(huge))

	whole := false
	for _, limit := range []int64{1, 2, 3, 10, 1_000_000} {
		for range 200 {
			v := randPart(r, math.NewInt(limit))
			require.True(t, v.IsPositive() && v.LTE(math.NewInt(limit)), "%s of %d", v, limit)
			whole = whole || limit > 1 && v.Equal(math.NewInt(limit))
		}
	}
	require.True(t, whole)
}

// TestRandomTextPasses: what the simulation writes passes the module's
// checks under the smallest params RandomParams draws.
func TestRandomTextPasses(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	for range 500 {
		require.NoError(t, types.ValidateName(randProgramName(r), simMaxTextLength))
		require.NoError(t, types.ValidateHash("hash", randHash(r), true))
	}
	for _, code := range purposeCodes {
		require.NoError(t, types.ValidatePurposeCode(code))
	}
	for _, reason := range reasons {
		require.NoError(t, types.ValidateText("reason", reason, simMaxTextLength))
	}
}
