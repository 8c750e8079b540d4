package keeper

import (
	"context"
	"fmt"

	"cosmossdk.io/collections"

	"github.com/trustcity/trustcity/x/evidence/types"
	"github.com/trustcity/trustcity/x/internal/collutil"
)

// InitGenesis imports the whole state: every record is checked against the
// module's rules (sizes against the hard caps, since params may have been
// lowered after a record was written), indexes are rebuilt, and the id
// sequences continue above the highest id imported.
func (k Keeper) InitGenesis(ctx context.Context, gs *types.GenesisState) error {
	if err := gs.Params.Validate(); err != nil {
		return err
	}
	if err := k.Params.Set(ctx, gs.Params); err != nil {
		return err
	}
	caps := types.CapParams()
	var maxEvidence, maxBatch, maxVerification uint64
	for _, e := range gs.Evidence {
		if err := k.importEvidence(ctx, e, caps); err != nil {
			return fmt.Errorf("record %d: %w", e.Id, err)
		}
		maxEvidence = max(maxEvidence, e.Id)
	}
	for _, b := range gs.Batches {
		if err := k.importBatch(ctx, b, caps); err != nil {
			return fmt.Errorf("batch %d: %w", b.Id, err)
		}
		maxBatch = max(maxBatch, b.Id)
	}
	for _, v := range gs.Verifications {
		if err := k.importVerification(ctx, v, caps); err != nil {
			return fmt.Errorf("verification %d: %w", v.Id, err)
		}
		maxVerification = max(maxVerification, v.Id)
	}
	for _, ev := range gs.CustodyEvents {
		if err := k.importCustody(ctx, ev, caps); err != nil {
			return fmt.Errorf("custody event %x/%d: %w", ev.Digest, ev.Sequence, err)
		}
	}
	for _, s := range []struct {
		seq   collections.Sequence
		given uint64
		above uint64
	}{{k.EvidenceSeq, gs.NextEvidenceId, maxEvidence}, {k.BatchSeq, gs.NextBatchId, maxBatch}, {k.VerificationSeq, gs.NextVerificationId, maxVerification}} {
		if s.given != 0 && s.given <= s.above {
			return types.ErrInvalidGenesis.Wrapf("next id %d is not above the highest id %d", s.given, s.above)
		}
		if err := s.seq.Set(ctx, max(s.given, s.above+1)); err != nil {
			return err
		}
	}
	return nil
}

func (k Keeper) requireCanonical(field, s string) error {
	bz, err := k.addressCodec.StringToBytes(s)
	if err != nil {
		return types.ErrInvalidAddress.Wrapf("%s %q: %s", field, s, err)
	}
	if c, err := k.addressCodec.BytesToString(bz); err != nil || c != s {
		return types.ErrInvalidAddress.Wrapf("%s %s must be written in canonical form", field, s)
	}
	return nil
}

func (k Keeper) importEvidence(ctx context.Context, e types.Evidence, caps types.Params) error {
	if e.Id == 0 {
		return types.ErrInvalidGenesis.Wrap("ids start at 1")
	}
	if has, err := k.Evidence.Has(ctx, e.Id); err != nil || has {
		return types.ErrInvalidGenesis.Wrap("id listed twice")
	}
	if err := types.ValidateDigest("digest", e.Digest, e.Algorithm, caps); err != nil {
		return err
	}
	if err := types.ValidateCategory(e.Category); err != nil {
		return err
	}
	if err := types.ValidateParties(e.Parties, caps); err != nil {
		return err
	}
	if err := types.ValidateText("metadata", e.Metadata, caps.MaxMetadataBytes, false); err != nil {
		return err
	}
	if err := k.checkProvenance(ctx, e, caps); err != nil {
		return err
	}
	switch e.Status {
	case types.EvidenceStatus_EVIDENCE_STATUS_ACTIVE:
	case types.EvidenceStatus_EVIDENCE_STATUS_WITHDRAWN:
		if err := types.ValidateText("reason", e.WithdrawalReason, caps.MaxTextLength, true); err != nil {
			return err
		}
	default:
		return types.ErrInvalidGenesis.Wrapf("status %d", e.Status)
	}
	if existing, err := k.EvidenceOfDigest(ctx, e.Digest); err != nil {
		return err
	} else if existing != nil {
		return types.ErrAlreadyDeposited.Wrapf("digest %x is also record %d", e.Digest, existing.Id)
	}
	return k.addEvidence(ctx, e)
}

func (k Keeper) importBatch(ctx context.Context, b types.Batch, caps types.Params) error {
	if b.Id == 0 {
		return types.ErrInvalidGenesis.Wrap("ids start at 1")
	}
	if has, err := k.Batches.Has(ctx, b.Id); err != nil || has {
		return types.ErrInvalidGenesis.Wrap("id listed twice")
	}
	if err := types.ValidateDigest("root", b.Root, b.Algorithm, caps); err != nil {
		return err
	}
	if b.LeafCount == 0 || b.LeafCount > caps.MaxBatchLeaves {
		return types.ErrInvalidBatch.Wrapf("leaf count %d", b.LeafCount)
	}
	if err := types.ValidateCategory(b.Category); err != nil {
		return err
	}
	if err := types.ValidateText("metadata", b.Metadata, caps.MaxMetadataBytes, false); err != nil {
		return err
	}
	if b.DepartmentId == "" {
		return types.ErrInvalidGenesis.Wrap("no department")
	}
	if err := k.requireCanonical("depositor", b.Depositor); err != nil {
		return err
	}
	if has, err := k.BatchByRoot.Has(ctx, b.Root); err != nil || has {
		return types.ErrBatchExists.Wrapf("root %x listed twice", b.Root)
	}
	return k.addBatch(ctx, b)
}

func (k Keeper) importVerification(ctx context.Context, v types.Verification, caps types.Params) error {
	if v.Id == 0 {
		return types.ErrInvalidGenesis.Wrap("ids start at 1")
	}
	if has, err := k.Verifications.Has(ctx, v.Id); err != nil || has {
		return types.ErrInvalidGenesis.Wrap("id listed twice")
	}
	if err := checkPresentedDigest(v.Digest); err != nil {
		return err
	}
	if err := types.ValidateText("case id", v.CaseId, caps.MaxTextLength, true); err != nil {
		return err
	}
	if err := types.ValidateNoteHash(v.NoteHash); err != nil {
		return err
	}
	if _, ok := types.VerificationResult_name[int32(v.Result)]; !ok || v.Result == types.VerificationResult_VERIFICATION_RESULT_UNSPECIFIED {
		return types.ErrInvalidResult.Wrapf("result %d", v.Result)
	}
	if v.EvidenceId != 0 {
		if e, err := k.Evidence.Get(ctx, v.EvidenceId); err != nil || string(e.Digest) != string(v.Digest) {
			return types.ErrInvalidGenesis.Wrapf("record %d is not a deposit of digest %x", v.EvidenceId, v.Digest)
		}
	}
	if v.BatchId != 0 {
		if _, err := k.GetBatch(ctx, v.BatchId); err != nil {
			return err
		}
	}
	// The result must fit the references, as RecordVerification requires. A
	// NOT_FOUND may predate a later deposit of the digest, so only its own
	// references are checked.
	referenced := v.EvidenceId != 0 || v.BatchId != 0
	if (v.Result == types.VerificationResult_VERIFICATION_RESULT_NOT_FOUND) == referenced {
		return types.ErrInvalidResult.Wrapf("a %s verification with evidence %d and batch %d", v.Result, v.EvidenceId, v.BatchId)
	}
	if v.CourtDepartment == "" {
		return types.ErrInvalidGenesis.Wrap("no court department")
	}
	if err := k.requireCanonical("verifier", v.Verifier); err != nil {
		return err
	}
	return k.addVerification(ctx, v)
}

func (k Keeper) importCustody(ctx context.Context, ev types.CustodyEvent, caps types.Params) error {
	if err := checkPresentedDigest(ev.Digest); err != nil {
		return err
	}
	last, err := k.CustodyNext.Get(ctx, ev.Digest)
	if err != nil && !isNotFound(err) {
		return err
	}
	if ev.Sequence != last+1 {
		return types.ErrInvalidGenesis.Wrapf("sequence %d follows %d: a digest's events are numbered 1, 2, 3… in order", ev.Sequence, last)
	}
	if ev.BatchId != 0 {
		if _, err := k.GetBatch(ctx, ev.BatchId); err != nil {
			return err
		}
	} else if e, err := k.EvidenceOfDigest(ctx, ev.Digest); err != nil {
		return err
	} else if e == nil {
		return types.ErrEvidenceNotFound.Wrapf("digest %x has no deposit and the event names no batch", ev.Digest)
	}
	if _, ok := types.CustodyAction_name[int32(ev.Action)]; !ok || ev.Action == types.CustodyAction_CUSTODY_ACTION_UNSPECIFIED {
		return types.ErrUnknownCustody.Wrapf("action %d", ev.Action)
	}
	if err := types.ValidateText("counterparty", ev.Counterparty, caps.MaxTextLength, true); err != nil {
		return err
	}
	if err := types.ValidateNoteHash(ev.NoteHash); err != nil {
		return err
	}
	if ev.DepartmentId == "" {
		return types.ErrInvalidGenesis.Wrap("no department")
	}
	if err := k.requireCanonical("actor", ev.Actor); err != nil {
		return err
	}
	return k.addCustody(ctx, ev)
}

// ExportGenesis exports the whole state in store order.
func (k Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	p, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	gs := &types.GenesisState{Params: p}
	if gs.Evidence, err = collutil.Values(ctx, k.Evidence); err != nil {
		return nil, err
	}
	if gs.Batches, err = collutil.Values(ctx, k.Batches); err != nil {
		return nil, err
	}
	if gs.Verifications, err = collutil.Values(ctx, k.Verifications); err != nil {
		return nil, err
	}
	if gs.CustodyEvents, err = collutil.Values(ctx, k.Custody); err != nil {
		return nil, err
	}
	if gs.NextEvidenceId, err = k.EvidenceSeq.Peek(ctx); err != nil {
		return nil, err
	}
	if gs.NextBatchId, err = k.BatchSeq.Peek(ctx); err != nil {
		return nil, err
	}
	if gs.NextVerificationId, err = k.VerificationSeq.Peek(ctx); err != nil {
		return nil, err
	}
	return gs, nil
}

// checkProvenance checks who a record comes from and where it went: a
// deposit made here has its department and depositor and may have been
// forwarded (each forward in flight is indexed by its packet, once); a
// cross-chain deposit has only its origin, is active and was never
// forwarded.
func (k Keeper) checkProvenance(ctx context.Context, e types.Evidence, caps types.Params) error {
	if e.Origin != nil {
		switch {
		case e.DepartmentId != "" || e.Depositor != "":
			return types.ErrInvalidGenesis.Wrap("a cross-chain deposit has no department or depositor of this chain")
		case e.Status != types.EvidenceStatus_EVIDENCE_STATUS_ACTIVE:
			return types.ErrInvalidGenesis.Wrap("a cross-chain deposit cannot be withdrawn")
		case len(e.Forwards) > 0:
			return types.ErrInvalidGenesis.Wrap("a cross-chain deposit is not forwarded")
		}
		return e.Origin.Validate(caps)
	}
	if e.DepartmentId == "" {
		return types.ErrInvalidGenesis.Wrap("no department")
	}
	if err := k.requireCanonical("depositor", e.Depositor); err != nil {
		return err
	}
	if len(e.Forwards) > int(caps.MaxForwards) {
		return types.ErrInvalidGenesis.Wrapf("%d forwards, the cap is %d", len(e.Forwards), caps.MaxForwards)
	}
	for i, f := range e.Forwards {
		if err := f.Validate(); err != nil {
			return fmt.Errorf("forward %d: %w", i, err)
		}
		if err := k.requireCanonical("forwarder", f.Forwarder); err != nil {
			return fmt.Errorf("forward %d: %w", i, err)
		}
		if f.Status != types.ForwardStatus_FORWARD_STATUS_IN_FLIGHT {
			continue
		}
		key := collections.Join(f.ChannelId, f.Sequence)
		if has, err := k.ForwardsInFlight.Has(ctx, key); err != nil {
			return err
		} else if has {
			return types.ErrInvalidGenesis.Wrapf("forward %d: packet %s/%d is in flight twice", i, f.ChannelId, f.Sequence)
		}
		if err := k.ForwardsInFlight.Set(ctx, key, e.Id); err != nil {
			return err
		}
	}
	return nil
}
