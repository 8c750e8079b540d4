package merkle_test

import (
	"crypto/sha256"
	"encoding/hex"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/trustcity/trustcity/x/evidence/merkle"
)

// The leaves and roots of the Certificate Transparency reference test
// vectors for RFC 6962 with SHA-256: the root of the tree of the first n
// leaves, n = 0..8.
var (
	vectorLeaves = []string{"", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"}
	vectorRoots  = []string{
		"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
		"6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
		"fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
		"aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
		"d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
		"4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
		"76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
		"ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
		"5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
	}
)

func vectorData(t *testing.T) [][]byte {
	out := make([][]byte, len(vectorLeaves))
	for i, s := range vectorLeaves {
		b, err := hex.DecodeString(s)
		require.NoError(t, err)
		out[i] = b
	}
	return out
}

func TestRootMatchesReferenceVectors(t *testing.T) {
	h := merkle.NewHasher(sha256.New)
	leaves := vectorData(t)
	for n := 0; n <= len(leaves); n++ {
		require.Equal(t, vectorRoots[n], hex.EncodeToString(h.Root(leaves[:n])), "tree of %d leaves", n)
	}
}

// TestHandComputedTree spells the hashing out for a tree of three leaves,
// independently of the package's recursion: root = N(N(L0, L1), L2).
func TestHandComputedTree(t *testing.T) {
	sum := func(parts ...[]byte) []byte {
		d := sha256.New()
		for _, p := range parts {
			d.Write(p)
		}
		return d.Sum(nil)
	}
	a, b, c := []byte("a"), []byte("b"), []byte("c")
	l0, l1, l2 := sum([]byte{0}, a), sum([]byte{0}, b), sum([]byte{0}, c)
	n01 := sum([]byte{1}, l0, l1)
	root := sum([]byte{1}, n01, l2)

	h := merkle.NewHasher(sha256.New)
	require.Equal(t, root, h.Root([][]byte{a, b, c}))
	path, err := h.InclusionProof([][]byte{a, b, c}, 2)
	require.NoError(t, err)
	require.Equal(t, [][]byte{n01}, path, "leaf 2's only sibling is the subtree of leaves 0 and 1")
	path, err = h.InclusionProof([][]byte{a, b, c}, 0)
	require.NoError(t, err)
	require.Equal(t, [][]byte{l1, l2}, path)
	require.NoError(t, h.VerifyInclusion(a, 0, 3, path, root))
}

// TestEveryProofVerifies builds trees of 1..130 leaves and checks every
// leaf's proof, its length, and that a wrong leaf, index, size or node fails.
func TestEveryProofVerifies(t *testing.T) {
	h := merkle.NewHasher(sha256.New)
	for n := 1; n <= 130; n++ {
		leaves := make([][]byte, n)
		for i := range leaves {
			leaves[i] = []byte{byte(i), byte(i >> 8), 0xaa}
		}
		root := h.Root(leaves)
		for i := range leaves {
			idx := uint64(i)
			path, err := h.InclusionProof(leaves, idx)
			require.NoError(t, err)
			require.Len(t, path, merkle.ProofLength(idx, uint64(n)))
			require.NoError(t, h.VerifyInclusion(leaves[i], idx, uint64(n), path, root), "n=%d i=%d", n, i)
			require.ErrorIs(t, h.VerifyInclusion([]byte("forged"), idx, uint64(n), path, root), merkle.ErrRootMismatch)
			if n > 1 {
				other := (idx + 1) % uint64(n)
				require.Error(t, h.VerifyInclusion(leaves[i], other, uint64(n), path, root))
				tampered := append([][]byte{}, path...)
				tampered[0] = h.LeafHash([]byte("x"))
				require.ErrorIs(t, h.VerifyInclusion(leaves[i], idx, uint64(n), tampered, root), merkle.ErrRootMismatch)
			}
			// The tree size is part of the claim (a batch records its leaf
			// count); a path of the wrong shape for the size is refused.
			if merkle.ProofLength(idx, uint64(n)+1) != len(path) {
				require.ErrorIs(t, h.VerifyInclusion(leaves[i], idx, uint64(n)+1, path, root), merkle.ErrProofLength)
			}
		}
	}
}

func TestMalformedProofs(t *testing.T) {
	h := merkle.NewHasher(sha256.New)
	leaves := [][]byte{[]byte("a"), []byte("b"), []byte("c"), []byte("d"), []byte("e")}
	root := h.Root(leaves)
	path, err := h.InclusionProof(leaves, 3)
	require.NoError(t, err)
	require.ErrorIs(t, h.VerifyInclusion(leaves[3], 5, 5, path, root), merkle.ErrIndexOutOfRange)
	require.ErrorIs(t, h.VerifyInclusion(leaves[3], 3, 5, path[:1], root), merkle.ErrProofLength)
	require.ErrorIs(t, h.VerifyInclusion(leaves[3], 3, 5, append(path, path[0]), root), merkle.ErrProofLength)
	require.ErrorIs(t, h.VerifyInclusion(leaves[3], 3, 5, [][]byte{path[0], {1, 2}, path[2]}, root), merkle.ErrNodeSize)
	require.ErrorIs(t, h.VerifyInclusion(leaves[3], 3, 5, path, root[:5]), merkle.ErrNodeSize)
	require.ErrorIs(t, h.VerifyInclusion(leaves[3], 3, 0, nil, root), merkle.ErrIndexOutOfRange)
	_, err = h.InclusionProof(leaves, 9)
	require.ErrorIs(t, err, merkle.ErrIndexOutOfRange)
	huge := make([][]byte, merkle.MaxProofLength+1)
	require.ErrorIs(t, h.VerifyInclusion(leaves[0], 0, ^uint64(0), huge, root), merkle.ErrProofLength)
}

// FuzzVerifyInclusion feeds arbitrary proofs to the verifier: it must
// answer with an error or nil, never panic, and accept only proofs that
// really lead to the root.
func FuzzVerifyInclusion(f *testing.F) {
	h := merkle.NewHasher(sha256.New)
	leaves := [][]byte{[]byte("a"), []byte("b"), []byte("c"), []byte("d"), []byte("e"), []byte("f")}
	root := h.Root(leaves)
	path, _ := h.InclusionProof(leaves, 4)
	flat := []byte{}
	for _, p := range path {
		flat = append(flat, p...)
	}
	f.Add([]byte("e"), uint64(4), uint64(6), flat, root)
	f.Add([]byte{}, uint64(0), uint64(0), []byte{}, []byte{})
	f.Add([]byte("x"), ^uint64(0), ^uint64(0), make([]byte, 64*32), root)
	f.Fuzz(func(t *testing.T, data []byte, index, size uint64, flatPath, r []byte) {
		var nodes [][]byte
		for len(flatPath) > 0 && len(nodes) <= merkle.MaxProofLength+1 {
			n := min(len(flatPath), h.Size())
			nodes = append(nodes, flatPath[:n])
			flatPath = flatPath[n:]
		}
		err := h.VerifyInclusion(data, index, size, nodes, r)
		if err == nil {
			computed, cerr := h.RootFromInclusionProof(h.LeafHash(data), index, size, nodes)
			require.NoError(t, cerr)
			require.Equal(t, r, computed)
		}
	})
}
