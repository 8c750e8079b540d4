// Package merkle implements the Merkle tree hashing of RFC 6962 (Certificate
// Transparency), section 2.1, as RFC 9162 restates it: a leaf is hashed as
// H(0x00 ‖ data), an inner node as H(0x01 ‖ left ‖ right), and a tree of n
// leaves splits at the largest power of two below n. Proofs made here are
// checkable by any RFC 6962 implementation, and proofs made by one verify
// here. The hash function is a parameter: SHA-256 as in the RFC, or
// SHA3-256 or SM3 for batches anchored with those.
package merkle

import (
	"bytes"
	"errors"
	"fmt"
	"hash"
	"math/bits"
)

// MaxProofLength bounds an audit path: a tree of 2^64 leaves needs 64 nodes.
const MaxProofLength = 64

// Errors of proof verification. Malformed input is an error, never a panic.
var (
	ErrIndexOutOfRange = errors.New("merkle: leaf index not below tree size")
	ErrProofLength     = errors.New("merkle: audit path has the wrong length for this index and tree size")
	ErrNodeSize        = errors.New("merkle: audit path node or root has the wrong size for the hash")
	ErrRootMismatch    = errors.New("merkle: the audit path does not lead to the root")
)

// Hasher hashes leaves and nodes with one hash function.
type Hasher struct {
	newHash func() hash.Hash
	size    int
}

// NewHasher returns a hasher over newHash (e.g. sha256.New).
func NewHasher(newHash func() hash.Hash) Hasher {
	return Hasher{newHash: newHash, size: newHash().Size()}
}

// Size is the size of every hash the hasher produces.
func (h Hasher) Size() int { return h.size }

// EmptyRoot is the root of the empty tree: the hash of the empty string.
func (h Hasher) EmptyRoot() []byte { return h.newHash().Sum(nil) }

// LeafHash returns H(0x00 ‖ data).
func (h Hasher) LeafHash(data []byte) []byte {
	d := h.newHash()
	d.Write([]byte{0x00})
	d.Write(data)
	return d.Sum(nil)
}

// NodeHash returns H(0x01 ‖ left ‖ right).
func (h Hasher) NodeHash(left, right []byte) []byte {
	d := h.newHash()
	d.Write([]byte{0x01})
	d.Write(left)
	d.Write(right)
	return d.Sum(nil)
}

// Root returns the Merkle tree hash of the leaves' data.
func (h Hasher) Root(leaves [][]byte) []byte {
	if len(leaves) == 0 {
		return h.EmptyRoot()
	}
	hashes := make([][]byte, len(leaves))
	for i, l := range leaves {
		hashes[i] = h.LeafHash(l)
	}
	return h.rootOfHashes(hashes)
}

// rootOfHashes is MTH over leaf hashes.
func (h Hasher) rootOfHashes(hashes [][]byte) []byte {
	if len(hashes) == 1 {
		return hashes[0]
	}
	k := split(uint64(len(hashes)))
	return h.NodeHash(h.rootOfHashes(hashes[:k]), h.rootOfHashes(hashes[k:]))
}

// InclusionProof returns the audit path of leaf index in the tree of the
// leaves' data (RFC 6962 PATH(m, D[n])), nearest node first.
func (h Hasher) InclusionProof(leaves [][]byte, index uint64) ([][]byte, error) {
	if index >= uint64(len(leaves)) {
		return nil, ErrIndexOutOfRange
	}
	hashes := make([][]byte, len(leaves))
	for i, l := range leaves {
		hashes[i] = h.LeafHash(l)
	}
	return h.path(hashes, index), nil
}

func (h Hasher) path(hashes [][]byte, m uint64) [][]byte {
	if len(hashes) <= 1 {
		return nil
	}
	k := split(uint64(len(hashes)))
	if m < k {
		return append(h.path(hashes[:k], m), h.rootOfHashes(hashes[k:]))
	}
	return append(h.path(hashes[k:], m-k), h.rootOfHashes(hashes[:k]))
}

// VerifyInclusion checks that data is leaf index of a tree of size leaves
// whose root is root, given the audit path (RFC 9162 section 2.1.3.2).
func (h Hasher) VerifyInclusion(data []byte, index, size uint64, path [][]byte, root []byte) error {
	computed, err := h.RootFromInclusionProof(h.LeafHash(data), index, size, path)
	if err != nil {
		return err
	}
	if len(root) != h.size {
		return ErrNodeSize
	}
	if !bytes.Equal(computed, root) {
		return ErrRootMismatch
	}
	return nil
}

// RootFromInclusionProof computes the root that an audit path leads to
// from a leaf hash.
func (h Hasher) RootFromInclusionProof(leafHash []byte, index, size uint64, path [][]byte) ([]byte, error) {
	if index >= size {
		return nil, ErrIndexOutOfRange
	}
	if len(path) > MaxProofLength || len(path) != ProofLength(index, size) {
		return nil, fmt.Errorf("%w: got %d nodes, want %d", ErrProofLength, len(path), ProofLength(index, size))
	}
	if len(leafHash) != h.size {
		return nil, ErrNodeSize
	}
	fn, sn := index, size-1
	r := leafHash
	for _, p := range path {
		if len(p) != h.size {
			return nil, ErrNodeSize
		}
		if fn&1 == 1 || fn == sn {
			r = h.NodeHash(p, r)
			for fn&1 == 0 && fn != 0 {
				fn >>= 1
				sn >>= 1
			}
		} else {
			r = h.NodeHash(r, p)
		}
		fn >>= 1
		sn >>= 1
	}
	if sn != 0 {
		return nil, ErrProofLength
	}
	return r, nil
}

// ProofLength is the number of nodes in the audit path of leaf index in a
// tree of size leaves (index < size).
func ProofLength(index, size uint64) int {
	if size <= 1 {
		return 0
	}
	// Nodes on the path: the levels where the leaf's subtree has a sibling.
	inner := bits.Len64(index ^ (size - 1))
	border := bits.OnesCount64(index >> uint(inner))
	return inner + border
}

// split returns the largest power of two smaller than n (n > 1).
func split(n uint64) uint64 {
	return uint64(1) << (bits.Len64(n-1) - 1)
}
