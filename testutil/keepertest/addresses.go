package keepertest

import (
	"crypto/sha256"
	"fmt"

	"github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/testutil/signer"
)

// Seeds of the keys below. The same n always gives the same keys, so
// expected values can be written into tests.
const (
	accountSeed   = "keepertest/account"
	validatorSeed = "keepertest/validator"
	ed25519Seed   = "keepertest/ed25519"
)

// Accounts returns n accounts with secp256k1 keys, account i having account
// number i, for tests that sign (a DID controller, a device).
func Accounts(n int) []*signer.Account {
	accs := signer.NewAccounts(accountSeed, n)
	for i, a := range accs {
		a.Number = uint64(i)
	}
	return accs
}

// AccAddrs returns the addresses of Accounts(n).
func AccAddrs(n int) []sdk.AccAddress { return signer.Addresses(Accounts(n)) }

// ValAddrs returns n validator operator addresses, distinct from AccAddrs.
func ValAddrs(n int) []sdk.ValAddress {
	vals := make([]sdk.ValAddress, n)
	for i, a := range signer.NewAccounts(validatorSeed, n) {
		vals[i] = sdk.ValAddress(a.Address)
	}
	return vals
}

// Ed25519Keys returns n ed25519 keys: consensus keys, or DID verification
// methods of type Ed25519.
func Ed25519Keys(n int) []*ed25519.PrivKey {
	keys := make([]*ed25519.PrivKey, n)
	for i := range keys {
		secret := sha256.Sum256([]byte(fmt.Sprintf("%s/%d", ed25519Seed, i)))
		keys[i] = ed25519.GenPrivKeyFromSecret(secret[:])
	}
	return keys
}
