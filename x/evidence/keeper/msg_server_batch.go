package keeper

import (
	"context"
	"encoding/hex"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	identitytypes "github.com/trustcity/trustcity/x/identity/types"

	"github.com/trustcity/trustcity/x/evidence/types"
)

// AnchorBatch fixes the Merkle root of many digests (RFC 6962 hashing with
// the batch's algorithm) in one record; each digest is later proven with
// its audit path. A root is anchored once.
func (m msgServer) AnchorBatch(ctx context.Context, msg *types.MsgAnchorBatch) (*types.MsgAnchorBatchResponse, error) {
	dept, signer, err := m.authorize(ctx, msg.Signer, identitytypes.Role_ROLE_EVIDENCE_DEPOSITOR)
	if err != nil {
		return nil, err
	}
	p, err := m.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	if err := types.ValidateDigest("root", msg.Root, msg.Algorithm, p); err != nil {
		return nil, err
	}
	if msg.LeafCount == 0 || msg.LeafCount > p.MaxBatchLeaves {
		return nil, types.ErrInvalidBatch.Wrapf("leaf count must be between 1 and %d, got %d", p.MaxBatchLeaves, msg.LeafCount)
	}
	if err := types.ValidateCategory(msg.Category); err != nil {
		return nil, err
	}
	if err := types.ValidateText("metadata", msg.Metadata, p.MaxMetadataBytes, false); err != nil {
		return nil, err
	}
	if id, err := m.BatchByRoot.Get(ctx, msg.Root); err == nil {
		return nil, types.ErrBatchExists.Wrapf("root %x is batch %d", msg.Root, id)
	} else if !isNotFound(err) {
		return nil, err
	}
	id, err := m.BatchSeq.Next(ctx)
	if err != nil {
		return nil, err
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	b := types.Batch{
		Id:           id,
		Root:         msg.Root,
		LeafCount:    msg.LeafCount,
		Algorithm:    msg.Algorithm,
		Category:     msg.Category,
		Metadata:     msg.Metadata,
		DepartmentId: dept,
		Depositor:    signer,
		Height:       sdkCtx.BlockHeight(),
		Time:         sdkCtx.BlockTime(),
		TxHash:       txHash(ctx),
	}
	if err := m.addBatch(ctx, b); err != nil {
		return nil, err
	}
	return &types.MsgAnchorBatchResponse{Id: id}, emit(ctx, &types.EventBatchAnchored{
		Id: id, Root: hex.EncodeToString(b.Root), LeafCount: b.LeafCount, Algorithm: b.Algorithm, DepartmentId: dept, Depositor: signer,
	})
}

// addBatch writes a batch and its indexes.
func (k Keeper) addBatch(ctx context.Context, b types.Batch) error {
	if err := k.Batches.Set(ctx, b.Id, b); err != nil {
		return err
	}
	if err := k.BatchByRoot.Set(ctx, b.Root, b.Id); err != nil {
		return err
	}
	return k.BatchesByDepartment.Set(ctx, collections.Join(b.DepartmentId, b.Id))
}
