package simulation

import (
	"math/rand"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestSimBatchLeavesAreProvable: a batch's metadata gives back its seed and
// size, and every leaf's audit path leads to its root, for each algorithm.
func TestSimBatchLeavesAreProvable(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	for range 40 {
		b := randSimBatch(r)
		parsed, ok := parseSimBatch(b.Metadata())
		require.True(t, ok, b.Metadata())
		require.Equal(t, b, parsed)
		require.LessOrEqual(t, len(b.Metadata()), simMaxMetadataBytes)
		for _, a := range allAlgorithms {
			root := b.Root(a)
			for i := range b.leaves {
				leaf, err := b.Prove(a, 9, i)
				require.NoError(t, err)
				require.Equal(t, uint64(9), leaf.proof.BatchId)
				require.NoError(t, a.Hasher().VerifyInclusion(leaf.digest, leaf.proof.LeafIndex, uint64(b.leaves), leaf.proof.Path, root))
			}
		}
	}
	for _, other := range []string{"", "record abc", "simulation batch zz of 3 leaves", "simulation batch 00 of 99 leaves", "simulation batch 00 of 3 leaves!"} {
		_, ok := parseSimBatch(other)
		require.False(t, ok, other)
	}
}

// TestRandomTextFitsTheFloor: free text the simulation writes stays within
// the sizes RandomParams never goes below.
func TestRandomTextFitsTheFloor(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	for range 500 {
		require.LessOrEqual(t, len(randMetadata(r)), simMaxMetadataBytes)
		require.LessOrEqual(t, len(randCaseID(r)), simMaxTextLength)
		require.LessOrEqual(t, len(randCounterparty(r)), simMaxTextLength)
		require.LessOrEqual(t, len(randParties(r)), simMaxParties)
	}
	for _, reason := range withdrawalReasons {
		require.LessOrEqual(t, len(reason), simMaxTextLength)
	}
}
