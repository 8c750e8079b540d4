package keeper

import (
	"context"
	"encoding/hex"
	"errors"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	identitytypes "github.com/trustcity/trustcity/x/identity/types"

	"github.com/trustcity/trustcity/x/evidence/types"
)

// validDigestLength: every algorithm this chain knows gives 32 bytes.
const validDigestLength = 32

func checkPresentedDigest(digest []byte) error {
	if len(digest) != validDigestLength {
		return types.ErrInvalidDigest.Wrapf("a digest is %d bytes, got %d", validDigestLength, len(digest))
	}
	return nil
}

// RecordVerification records what a COURT found when it checked a digest
// in a case. MATCHED and MISMATCHED need the digest's deposit (direct, or a
// batch with a valid proof); NOT_FOUND needs there to be none.
func (m msgServer) RecordVerification(ctx context.Context, msg *types.MsgRecordVerification) (*types.MsgRecordVerificationResponse, error) {
	court, signer, err := m.authorize(ctx, msg.Signer, identitytypes.Role_ROLE_COURT)
	if err != nil {
		return nil, err
	}
	p, err := m.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	if err := checkPresentedDigest(msg.Digest); err != nil {
		return nil, err
	}
	if err := types.ValidateText("case id", msg.CaseId, p.MaxTextLength, true); err != nil {
		return nil, err
	}
	if err := types.ValidateNoteHash(msg.NoteHash); err != nil {
		return nil, err
	}
	ref, err := m.resolve(ctx, msg.Digest, msg.Proof)
	if err != nil {
		return nil, err
	}
	switch msg.Result {
	case types.VerificationResult_VERIFICATION_RESULT_MATCHED, types.VerificationResult_VERIFICATION_RESULT_MISMATCHED:
		if !ref.found() {
			return nil, types.ErrInvalidResult.Wrapf("digest %x has no deposit (and no batch proof was given): record NOT_FOUND", msg.Digest)
		}
	case types.VerificationResult_VERIFICATION_RESULT_NOT_FOUND:
		if ref.found() {
			return nil, types.ErrInvalidResult.Wrapf("digest %x is deposited: a NOT_FOUND result does not fit", msg.Digest)
		}
	default:
		return nil, types.ErrInvalidResult.Wrapf("unknown result %d", msg.Result)
	}
	id, err := m.VerificationSeq.Next(ctx)
	if err != nil {
		return nil, err
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	v := types.Verification{
		Id: id, Digest: msg.Digest, CaseId: msg.CaseId, Result: msg.Result, NoteHash: msg.NoteHash,
		CourtDepartment: court, Verifier: signer, Height: sdkCtx.BlockHeight(), Time: sdkCtx.BlockTime(),
	}
	if ref.evidence != nil {
		v.EvidenceId = ref.evidence.Id
	}
	if ref.batch != nil {
		v.BatchId = ref.batch.Id
	}
	if err := m.addVerification(ctx, v); err != nil {
		return nil, err
	}
	return &types.MsgRecordVerificationResponse{Id: id}, emit(ctx, &types.EventVerificationRecorded{
		Id: id, Digest: hex.EncodeToString(v.Digest), CaseId: v.CaseId, Result: v.Result, CourtDepartment: court, Verifier: signer,
	})
}

// addVerification writes a verification and its indexes.
func (k Keeper) addVerification(ctx context.Context, v types.Verification) error {
	if err := k.Verifications.Set(ctx, v.Id, v); err != nil {
		return err
	}
	if err := k.VerificationsByDigest.Set(ctx, collections.Join(v.Digest, v.Id)); err != nil {
		return err
	}
	return k.VerificationsByCase.Set(ctx, collections.Join(v.CaseId, v.Id))
}

// RecordCustody appends an event to a deposited digest's chain of custody;
// an EVIDENCE_DEPOSITOR or a COURT signs.
func (m msgServer) RecordCustody(ctx context.Context, msg *types.MsgRecordCustody) (*types.MsgRecordCustodyResponse, error) {
	dept, signer, err := m.authorize(ctx, msg.Signer, identitytypes.Role_ROLE_EVIDENCE_DEPOSITOR)
	if errors.Is(err, identitytypes.ErrRoleNotHeld) {
		dept, signer, err = m.authorize(ctx, msg.Signer, identitytypes.Role_ROLE_COURT)
	}
	if err != nil {
		return nil, err
	}
	p, err := m.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	if err := checkPresentedDigest(msg.Digest); err != nil {
		return nil, err
	}
	if _, ok := types.CustodyAction_name[int32(msg.Action)]; !ok || msg.Action == types.CustodyAction_CUSTODY_ACTION_UNSPECIFIED {
		return nil, types.ErrUnknownCustody.Wrapf("action %d", msg.Action)
	}
	if err := types.ValidateText("counterparty", msg.Counterparty, p.MaxTextLength, true); err != nil {
		return nil, err
	}
	if err := types.ValidateNoteHash(msg.NoteHash); err != nil {
		return nil, err
	}
	ref, err := m.resolve(ctx, msg.Digest, msg.Proof)
	if err != nil {
		return nil, err
	}
	if !ref.found() {
		return nil, types.ErrEvidenceNotFound.Wrapf("digest %x has no deposit (and no batch proof was given)", msg.Digest)
	}
	last, err := m.CustodyNext.Get(ctx, msg.Digest)
	if err != nil && !isNotFound(err) {
		return nil, err
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	ev := types.CustodyEvent{
		Digest: msg.Digest, Sequence: last + 1, Action: msg.Action, Counterparty: msg.Counterparty, NoteHash: msg.NoteHash,
		DepartmentId: dept, Actor: signer, Height: sdkCtx.BlockHeight(), Time: sdkCtx.BlockTime(),
	}
	if ref.evidence == nil {
		ev.BatchId = ref.batch.Id
	}
	if err := m.addCustody(ctx, ev); err != nil {
		return nil, err
	}
	return &types.MsgRecordCustodyResponse{Sequence: ev.Sequence}, emit(ctx, &types.EventCustodyRecorded{
		Digest: hex.EncodeToString(ev.Digest), Sequence: ev.Sequence, Action: ev.Action, DepartmentId: dept, Actor: signer,
	})
}

// addCustody writes a custody event and moves the digest's counter.
func (k Keeper) addCustody(ctx context.Context, ev types.CustodyEvent) error {
	if err := k.Custody.Set(ctx, collections.Join(ev.Digest, ev.Sequence), ev); err != nil {
		return err
	}
	last, err := k.CustodyNext.Get(ctx, ev.Digest)
	if err != nil && !isNotFound(err) {
		return err
	}
	if ev.Sequence > last {
		return k.CustodyNext.Set(ctx, ev.Digest, ev.Sequence)
	}
	return nil
}
