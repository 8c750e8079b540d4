// Package signer holds funded test accounts with real secp256k1 keys and signs
// transactions for them with real account numbers and sequences. The app
// fixture, the block benchmark and the load tool all sign through it.
package signer

import (
	"crypto/sha256"
	"fmt"

	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Account is a key with the account number and next sequence the chain
// expects from it.
type Account struct {
	Key      *secp256k1.PrivKey
	Address  sdk.AccAddress
	Number   uint64
	Sequence uint64
}

// NewAccounts derives n accounts deterministically from seed: the same seed
// always gives the same keys, so a load run can fund its accounts once and
// reuse them. Account numbers and sequences start at zero; set them from the
// chain (or from genesis order) before signing.
func NewAccounts(seed string, n int) []*Account {
	accounts := make([]*Account, n)
	for i := range accounts {
		secret := sha256.Sum256([]byte(fmt.Sprintf("%s/%d", seed, i)))
		key := secp256k1.GenPrivKeyFromSecret(secret[:])
		accounts[i] = &Account{Key: key, Address: sdk.AccAddress(key.PubKey().Address())}
	}
	return accounts
}

// Addresses returns the accounts' addresses in order.
func Addresses(accounts []*Account) []sdk.AccAddress {
	addrs := make([]sdk.AccAddress, len(accounts))
	for i, a := range accounts {
		addrs[i] = a.Address
	}
	return addrs
}
