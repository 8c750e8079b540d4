package simulation

import (
	"math/big"
	"math/rand"

	"cosmossdk.io/math"

	"github.com/trustcity/trustcity/x/funds/types"
	"github.com/trustcity/trustcity/x/internal/simactors"
)

const slugChars = "abcdefghijklmnopqrstuvwxyz0123456789"

// randSlug returns n random lower-case letters and digits.
func randSlug(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = slugChars[r.Intn(len(slugChars))]
	}
	return string(b)
}

// randHash returns types.HashSize random bytes: a document hash.
func randHash(r *rand.Rand) []byte {
	b := make([]byte, types.HashSize)
	_, _ = r.Read(b)
	return b
}

// randProgramName returns a program name within simMaxTextLength.
func randProgramName(r *rand.Rand) string {
	return simactors.Pick(r, []string{"Housing aid ", "Road repair ", "School meals ", "Flood relief "}) + randSlug(r, 8)
}

// purposeCodes are the purpose codes of programs, payments and reports:
// OECD-DAC sector codes as IATI uses them, and local dotted codes.
var purposeCodes = []string{"16010", "11220", "12220", "14030", "21020", "poverty.housing", "infra.roads-2026", "edu_meals"}

// reasons are why disbursements and milestones are rejected; one is empty
// (reasons are optional) and one has a tab.
var reasons = []string{
	"",
	"beneficiary not in the approved list",
	"amount above the contract",
	"work not delivered as described",
	"duplicate request\tsee earlier payment",
}

// randBetween returns an amount in [lo, hi]; lo when hi < lo.
func randBetween(r *rand.Rand, lo, hi math.Int) math.Int {
	if hi.LT(lo) {
		return lo
	}
	n := hi.Sub(lo).AddRaw(1)
	return lo.Add(math.NewIntFromBigInt(new(big.Int).Rand(r, n.BigInt())))
}

// randPart returns a positive amount of at most limit (itself positive),
// shaped to keep trees going: one time in eight all of it, one time in
// eight a single unit, otherwise up to a third of it.
func randPart(r *rand.Rand, limit math.Int) math.Int {
	switch r.Intn(8) {
	case 0:
		return limit
	case 1:
		return math.OneInt()
	}
	return randBetween(r, math.OneInt(), math.MaxInt(math.OneInt(), limit.QuoRaw(3)))
}
