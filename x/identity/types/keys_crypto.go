package types

import (
	"bytes"
	"crypto/ed25519"
	"fmt"

	secp "github.com/decred/dcrd/dcrec/secp256k1/v4"

	cryptoed25519 "github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
	cryptosecp256k1 "github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
)

// ValidatePublicKey checks that key is a well-formed public key of type t.
func ValidatePublicKey(t VerificationMethodType, key []byte) error {
	switch t {
	case VerificationMethodType_VERIFICATION_METHOD_TYPE_ED25519:
		if len(key) != ed25519.PublicKeySize {
			return fmt.Errorf("an Ed25519 key is %d bytes, got %d", ed25519.PublicKeySize, len(key))
		}
	case VerificationMethodType_VERIFICATION_METHOD_TYPE_X25519:
		if len(key) != 32 {
			return fmt.Errorf("an X25519 key is 32 bytes, got %d", len(key))
		}
		if bytes.Equal(key, make([]byte, 32)) {
			return fmt.Errorf("the all-zero X25519 key is not a key")
		}
	case VerificationMethodType_VERIFICATION_METHOD_TYPE_SECP256K1:
		if len(key) != secp.PubKeyBytesLenCompressed {
			return fmt.Errorf("a secp256k1 key is %d bytes compressed, got %d", secp.PubKeyBytesLenCompressed, len(key))
		}
		if _, err := secp.ParsePubKey(key); err != nil {
			return fmt.Errorf("not a secp256k1 point: %w", err)
		}
	default:
		return fmt.Errorf("unknown key type %d", t)
	}
	return nil
}

// DeviceAddress returns the account address of a device key: what a wallet
// holding the key would sign with. Only Ed25519 and secp256k1 keys sign.
func DeviceAddress(t VerificationMethodType, key []byte) ([]byte, error) {
	if err := ValidatePublicKey(t, key); err != nil {
		return nil, err
	}
	switch t {
	case VerificationMethodType_VERIFICATION_METHOD_TYPE_ED25519:
		return (&cryptoed25519.PubKey{Key: key}).Address(), nil
	case VerificationMethodType_VERIFICATION_METHOD_TYPE_SECP256K1:
		return (&cryptosecp256k1.PubKey{Key: key}).Address(), nil
	default:
		return nil, fmt.Errorf("a device key must be ED25519 or SECP256K1, got %s", t.Short())
	}
}
