package keeper

import (
	"context"
	"fmt"

	"github.com/trustcity/trustcity/x/evidence/types"
	"github.com/trustcity/trustcity/x/internal/collutil"
)

var isNotFound = collutil.IsNotFound

// EvidenceOfDigest returns the direct deposit of a digest, if any.
func (k Keeper) EvidenceOfDigest(ctx context.Context, digest []byte) (*types.Evidence, error) {
	id, err := k.EvidenceByDigest.Get(ctx, digest)
	if isNotFound(err) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	e, err := k.Evidence.Get(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("judicial: digest index names missing record %d: %w", id, err)
	}
	return &e, nil
}

// GetEvidence returns a direct deposit by record id or ErrEvidenceNotFound.
func (k Keeper) GetEvidence(ctx context.Context, id uint64) (types.Evidence, error) {
	e, err := k.Evidence.Get(ctx, id)
	if isNotFound(err) {
		return e, types.ErrEvidenceNotFound.Wrapf("record %d", id)
	}
	return e, err
}

// GetBatch returns a batch or ErrBatchNotFound.
func (k Keeper) GetBatch(ctx context.Context, id uint64) (types.Batch, error) {
	b, err := k.Batches.Get(ctx, id)
	if isNotFound(err) {
		return b, types.ErrBatchNotFound.Wrapf("batch %d", id)
	}
	return b, err
}

// ProveInclusion checks that digest is leaf proof.LeafIndex of the batch the
// proof names, and returns the batch. A malformed or wrong proof gives
// ErrInvalidProof saying why; it never panics.
func (k Keeper) ProveInclusion(ctx context.Context, digest []byte, proof types.InclusionProof) (types.Batch, error) {
	b, err := k.GetBatch(ctx, proof.BatchId)
	if err != nil {
		return b, err
	}
	if len(digest) != b.Algorithm.Size() {
		return b, types.ErrInvalidProof.Wrapf("batch %d holds %s digests of %d bytes, got %d", b.Id, b.Algorithm.Short(), b.Algorithm.Size(), len(digest))
	}
	if err := b.Algorithm.Hasher().VerifyInclusion(digest, proof.LeafIndex, b.LeafCount, proof.Path, b.Root); err != nil {
		return b, types.ErrInvalidProof.Wrapf("leaf %d of batch %d (%d leaves): %s", proof.LeafIndex, b.Id, b.LeafCount, err)
	}
	return b, nil
}

// reference is what a verification or custody event points at: a direct
// deposit, or a batch the digest was proven in.
type reference struct {
	evidence *types.Evidence
	batch    *types.Batch
}

func (r reference) found() bool { return r.evidence != nil || r.batch != nil }

// resolve finds a digest's deposit, or proves it in a batch when a proof is
// given. A given proof must hold.
func (k Keeper) resolve(ctx context.Context, digest []byte, proof *types.InclusionProof) (reference, error) {
	var ref reference
	e, err := k.EvidenceOfDigest(ctx, digest)
	if err != nil {
		return ref, err
	}
	ref.evidence = e
	if proof != nil {
		b, err := k.ProveInclusion(ctx, digest, *proof)
		if err != nil {
			return ref, err
		}
		ref.batch = &b
	}
	return ref, nil
}
