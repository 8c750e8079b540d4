package types

import (
	"crypto/sha256"
	"crypto/sha3"
	"hash"
	"strings"

	"github.com/emmansun/gmsm/sm3"

	"github.com/trustcity/trustcity/x/evidence/merkle"
)

// New returns a new hash of the algorithm, or nil for an unknown one.
func (a HashAlgorithm) New() hash.Hash {
	switch a {
	case HashAlgorithm_HASH_ALGORITHM_SHA256:
		return sha256.New()
	case HashAlgorithm_HASH_ALGORITHM_SHA3_256:
		return sha3.New256()
	case HashAlgorithm_HASH_ALGORITHM_SM3:
		return sm3.New()
	default:
		return nil
	}
}

// Known reports whether the algorithm is one this chain implements.
func (a HashAlgorithm) Known() bool { return a.New() != nil }

// Size is the digest size of a known algorithm.
func (a HashAlgorithm) Size() int {
	if h := a.New(); h != nil {
		return h.Size()
	}
	return 0
}

// Hasher returns the RFC 6962 tree hasher of a known algorithm.
func (a HashAlgorithm) Hasher() merkle.Hasher {
	return merkle.NewHasher(a.New)
}

// Short is the algorithm's name as the CLI spells it: sha256, sha3-256, sm3.
func (a HashAlgorithm) Short() string {
	return strings.ReplaceAll(strings.ToLower(strings.TrimPrefix(a.String(), "HASH_ALGORITHM_")), "_", "-")
}

// ParseAlgorithm reads sha256, sha3-256 or sm3 (or the enum name).
func ParseAlgorithm(s string) (HashAlgorithm, error) {
	for v := range HashAlgorithm_name {
		a := HashAlgorithm(v)
		if a.Known() && (strings.EqualFold(s, a.Short()) || s == a.String()) {
			return a, nil
		}
	}
	return 0, ErrUnknownAlgorithm.Wrapf("%q: use sha256, sha3-256 or sm3", s)
}
