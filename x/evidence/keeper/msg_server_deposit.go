package keeper

import (
	"context"
	"encoding/hex"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	identitytypes "github.com/trustcity/trustcity/x/identity/types"

	"github.com/trustcity/trustcity/x/evidence/types"
)

// GasPerParty is charged per party DID a deposit names.
const GasPerParty uint64 = 200

// Deposit fixes a digest: an EVIDENCE_DEPOSITOR of an active department
// signs; the block time is the record's timestamp. A digest is deposited
// once.
func (m msgServer) Deposit(ctx context.Context, msg *types.MsgDeposit) (*types.MsgDepositResponse, error) {
	dept, signer, err := m.authorize(ctx, msg.Signer, identitytypes.Role_ROLE_EVIDENCE_DEPOSITOR)
	if err != nil {
		return nil, err
	}
	p, err := m.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	if err := types.ValidateDigest("digest", msg.Digest, msg.Algorithm, p); err != nil {
		return nil, err
	}
	if err := types.ValidateCategory(msg.Category); err != nil {
		return nil, err
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	sdkCtx.GasMeter().ConsumeGas(GasPerParty*uint64(len(msg.Parties)), "judicial: parties")
	if err := types.ValidateParties(msg.Parties, p); err != nil {
		return nil, err
	}
	if err := types.ValidateText("metadata", msg.Metadata, p.MaxMetadataBytes, false); err != nil {
		return nil, err
	}
	existing, err := m.EvidenceOfDigest(ctx, msg.Digest)
	if err != nil {
		return nil, err
	}
	if existing != nil {
		return nil, types.ErrAlreadyDeposited.Wrapf("digest %x is record %d, deposited by department %q at height %d (%s)",
			msg.Digest, existing.Id, existing.DepartmentId, existing.Height, existing.Time.UTC().Format("2006-01-02T15:04:05Z"))
	}
	id, err := m.EvidenceSeq.Next(ctx)
	if err != nil {
		return nil, err
	}
	e := types.Evidence{
		Id:           id,
		Digest:       msg.Digest,
		Algorithm:    msg.Algorithm,
		Category:     msg.Category,
		Parties:      msg.Parties,
		Metadata:     msg.Metadata,
		DepartmentId: dept,
		Depositor:    signer,
		Height:       sdkCtx.BlockHeight(),
		Time:         sdkCtx.BlockTime(),
		TxHash:       txHash(ctx),
		Status:       types.EvidenceStatus_EVIDENCE_STATUS_ACTIVE,
	}
	if err := m.addEvidence(ctx, e); err != nil {
		return nil, err
	}
	return &types.MsgDepositResponse{Id: id}, emit(ctx, &types.EventDeposited{
		Id: id, Digest: hex.EncodeToString(e.Digest), Algorithm: e.Algorithm, Category: e.Category, DepartmentId: dept, Depositor: signer,
	})
}

// addEvidence writes a record and its indexes: by digest, and by
// department for a deposit made here or by sending chain for one received
// over IBC.
func (k Keeper) addEvidence(ctx context.Context, e types.Evidence) error {
	if err := k.Evidence.Set(ctx, e.Id, e); err != nil {
		return err
	}
	if err := k.EvidenceByDigest.Set(ctx, e.Digest, e.Id); err != nil {
		return err
	}
	if e.Origin != nil {
		return k.EvidenceByChain.Set(ctx, collections.Join(e.Origin.ChainId, e.Id))
	}
	return k.EvidenceByDepartment.Set(ctx, collections.Join(e.DepartmentId, e.Id))
}

// Withdraw marks a deposit withdrawn with a reason. The record, its
// timestamp and its history stay; only the depositing department's
// EVIDENCE_DEPOSITORs may.
func (m msgServer) Withdraw(ctx context.Context, msg *types.MsgWithdraw) (*types.MsgWithdrawResponse, error) {
	dept, signer, err := m.authorize(ctx, msg.Signer, identitytypes.Role_ROLE_EVIDENCE_DEPOSITOR)
	if err != nil {
		return nil, err
	}
	e, err := m.Evidence.Get(ctx, msg.Id)
	if isNotFound(err) {
		return nil, types.ErrEvidenceNotFound.Wrapf("record %d", msg.Id)
	} else if err != nil {
		return nil, err
	}
	if e.Origin != nil {
		return nil, types.ErrUnauthorized.Wrapf("record %d was received from %s; it is withdrawn there, not here", e.Id, e.Origin.ChainId)
	}
	if e.DepartmentId != dept {
		return nil, types.ErrUnauthorized.Wrapf("record %d was deposited by department %q; %s acts for %q", e.Id, e.DepartmentId, signer, dept)
	}
	if e.Status == types.EvidenceStatus_EVIDENCE_STATUS_WITHDRAWN {
		return nil, types.ErrAlreadyWithdrawn.Wrapf("record %d was withdrawn at height %d", e.Id, e.WithdrawnHeight)
	}
	p, err := m.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	if err := types.ValidateText("reason", msg.Reason, p.MaxTextLength, true); err != nil {
		return nil, err
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	now := sdkCtx.BlockTime()
	e.Status, e.WithdrawalReason, e.WithdrawnAt, e.WithdrawnHeight = types.EvidenceStatus_EVIDENCE_STATUS_WITHDRAWN, msg.Reason, &now, sdkCtx.BlockHeight()
	if err := m.Evidence.Set(ctx, e.Id, e); err != nil {
		return nil, err
	}
	return &types.MsgWithdrawResponse{}, emit(ctx, &types.EventWithdrawn{Id: e.Id, Digest: hex.EncodeToString(e.Digest), Signer: signer})
}
