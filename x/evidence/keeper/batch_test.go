package keeper_test

import (
	"encoding/hex"
	"fmt"
	"testing"

	"github.com/emmansun/gmsm/sm3"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/evidence/types"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

// tree is a batch built the way the offline tool builds one.
type tree struct {
	alg     types.HashAlgorithm
	digests [][]byte
	root    []byte
}

func newTree(alg types.HashAlgorithm, n int) tree {
	tr := tree{alg: alg}
	for i := range n {
		d := alg.New()
		fmt.Fprintf(d, "file %d", i)
		tr.digests = append(tr.digests, d.Sum(nil))
	}
	tr.root = alg.Hasher().Root(tr.digests)
	return tr
}

func (tr tree) proof(batchID uint64, i int) *types.InclusionProof {
	path, err := tr.alg.Hasher().InclusionProof(tr.digests, uint64(i))
	if err != nil {
		panic(err)
	}
	return &types.InclusionProof{BatchId: batchID, LeafIndex: uint64(i), Path: path}
}

func (f *fixture) anchor(signer string, tr tree, mutate func(*types.MsgAnchorBatch)) func(sdk.Context) error {
	return func(ctx sdk.Context) error {
		msg := &types.MsgAnchorBatch{Signer: signer, Root: tr.root, LeafCount: uint64(len(tr.digests)), Algorithm: tr.alg, Category: types.Category_CATEGORY_NOTARIZATION}
		if mutate != nil {
			mutate(msg)
		}
		_, err := f.msg.AnchorBatch(ctx, msg)
		return err
	}
}

func TestAnchorBatch(t *testing.T) {
	f := newFixture(t)
	tr := newTree(types.HashAlgorithm_HASH_ALGORITHM_SHA256, 7)
	dep := f.addr["depositor"]
	require.NoError(t, f.anchor(dep, tr, nil)(f.ctx))
	other := newTree(types.HashAlgorithm_HASH_ALGORITHM_SHA256, 3)
	f.runRejects(t, []rejectCase{
		{"outsider", identitytypes.ErrNotAffiliated, f.anchor(f.addr["outsider"], other, nil)},
		{"unaccredited", identitytypes.ErrRoleNotHeld, f.anchor(f.addr["bankAdmin"], other, nil)},
		{"suspended department", identitytypes.ErrDepartmentSuspended, f.anchor(f.addr["notary2Admin"], other, nil)},
		{"root anchored before", types.ErrBatchExists, f.anchor(f.addr["platformAdmin"], tr, nil)},
		{"root of the wrong length", types.ErrInvalidDigest, f.anchor(dep, other, func(m *types.MsgAnchorBatch) { m.Root = m.Root[:16] })},
		{"unknown algorithm", types.ErrUnknownAlgorithm, f.anchor(dep, other, func(m *types.MsgAnchorBatch) { m.Algorithm = 7 })},
		{"no leaves", types.ErrInvalidBatch, f.anchor(dep, other, func(m *types.MsgAnchorBatch) { m.LeafCount = 0 })},
		{"too many leaves", types.ErrInvalidBatch, f.anchor(dep, other, func(m *types.MsgAnchorBatch) { m.LeafCount = 1<<32 + 1 })},
		{"unknown category", types.ErrUnknownCategory, f.anchor(dep, other, func(m *types.MsgAnchorBatch) { m.Category = 99 })},
	})

	// Every leaf proves against the anchored root; a forged one does not.
	for i := range tr.digests {
		res, err := f.query.VerifyInclusion(f.ctx, &types.QueryVerifyInclusionRequest{BatchId: 1, Digest: hex.EncodeToString(tr.digests[i]),
			LeafIndex: uint64(i), Path: hexPath(tr.proof(1, i).Path)})
		require.NoError(t, err)
		require.True(t, res.Included, "leaf %d: %s", i, res.Reason)
		require.Equal(t, "notary", res.Batch.DepartmentId)
	}
	res, err := f.query.VerifyInclusion(f.ctx, &types.QueryVerifyInclusionRequest{BatchId: 1, Digest: hex.EncodeToString(digestOf("forged")),
		LeafIndex: 2, Path: hexPath(tr.proof(1, 2).Path)})
	require.NoError(t, err)
	require.False(t, res.Included)
	require.Contains(t, res.Reason, "does not lead to the root")
	res, err = f.query.VerifyInclusion(f.ctx, &types.QueryVerifyInclusionRequest{BatchId: 1, Digest: hex.EncodeToString(tr.digests[2]), LeafIndex: 2})
	require.NoError(t, err)
	require.False(t, res.Included, "a missing path is a wrong proof, not a crash")
	_, err = f.query.VerifyInclusion(f.ctx, &types.QueryVerifyInclusionRequest{BatchId: 9, Digest: hex.EncodeToString(tr.digests[0])})
	require.ErrorIs(t, err, types.ErrBatchNotFound)
	_, err = f.query.VerifyInclusion(f.ctx, &types.QueryVerifyInclusionRequest{BatchId: 1, Digest: "zz"})
	require.ErrorIs(t, err, types.ErrInvalidDigest)
	_, err = f.query.VerifyInclusion(f.ctx, &types.QueryVerifyInclusionRequest{BatchId: 1, Digest: hex.EncodeToString(tr.digests[0]), Path: []string{"nothex"}})
	require.ErrorIs(t, err, types.ErrInvalidProof)

	byRoot, err := f.query.BatchByRoot(f.ctx, &types.QueryBatchByRootRequest{Root: hex.EncodeToString(tr.root)})
	require.NoError(t, err)
	require.Equal(t, uint64(7), byRoot.Batch.LeafCount)

	// An SM3 batch hashes its tree with SM3.
	smTree := newTree(types.HashAlgorithm_HASH_ALGORITHM_SM3, 5)
	require.NoError(t, f.anchor(dep, smTree, nil)(f.ctx))
	b, err := f.k.ProveInclusion(f.ctx, smTree.digests[4], *smTree.proof(2, 4))
	require.NoError(t, err)
	require.Equal(t, types.HashAlgorithm_HASH_ALGORITHM_SM3, b.Algorithm)
	leaf := sm3.New()
	leaf.Write([]byte{0})
	leaf.Write(smTree.digests[4])
	require.Equal(t, leaf.Sum(nil), smTree.alg.Hasher().LeafHash(smTree.digests[4]))
}

func hexPath(path [][]byte) []string {
	out := make([]string, len(path))
	for i, p := range path {
		out[i] = hex.EncodeToString(p)
	}
	return out
}
