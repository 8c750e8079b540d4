package keeper_test

import (
	"encoding/hex"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/evidence/types"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

const caseID = "(2026) Jing 0491 Min Chu 123"

func (f *fixture) verify(signer string, digest []byte, proof *types.InclusionProof, result types.VerificationResult, mutate func(*types.MsgRecordVerification)) func(sdk.Context) error {
	return func(ctx sdk.Context) error {
		msg := &types.MsgRecordVerification{Signer: signer, Digest: digest, Proof: proof, CaseId: caseID, Result: result, NoteHash: digestOf("note")}
		if mutate != nil {
			mutate(msg)
		}
		_, err := f.msg.RecordVerification(ctx, msg)
		return err
	}
}

func (f *fixture) custody(signer string, digest []byte, proof *types.InclusionProof, action types.CustodyAction, mutate func(*types.MsgRecordCustody)) func(sdk.Context) error {
	return func(ctx sdk.Context) error {
		msg := &types.MsgRecordCustody{Signer: signer, Digest: digest, Proof: proof, Action: action, Counterparty: "court"}
		if mutate != nil {
			mutate(msg)
		}
		_, err := f.msg.RecordCustody(ctx, msg)
		return err
	}
}

func TestRecordVerification(t *testing.T) {
	f := newFixture(t)
	require.NoError(t, f.deposit(f.addr["depositor"], digestOf("contract"), nil)(f.ctx))
	tr := newTree(types.HashAlgorithm_HASH_ALGORITHM_SHA256, 6)
	require.NoError(t, f.anchor(f.addr["depositor"], tr, nil)(f.ctx))
	judge := f.addr["judge"]
	matched, mismatched, notFound := types.VerificationResult_VERIFICATION_RESULT_MATCHED, types.VerificationResult_VERIFICATION_RESULT_MISMATCHED, types.VerificationResult_VERIFICATION_RESULT_NOT_FOUND
	badPath := tr.proof(1, 3)
	badPath.Path[0] = digestOf("wrong")
	f.runRejects(t, []rejectCase{
		{"non-court: depositor", identitytypes.ErrRoleNotHeld, f.verify(f.addr["depositor"], digestOf("contract"), nil, matched, nil)},
		{"non-court: court member without COURT", identitytypes.ErrRoleNotHeld, f.verify(f.addr["clerk"], digestOf("contract"), nil, matched, nil)},
		{"non-court: outsider", identitytypes.ErrNotAffiliated, f.verify(f.addr["outsider"], digestOf("contract"), nil, matched, nil)},
		{"matched without a deposit", types.ErrInvalidResult, f.verify(judge, digestOf("never"), nil, matched, nil)},
		{"not found for a deposited digest", types.ErrInvalidResult, f.verify(judge, digestOf("contract"), nil, notFound, nil)},
		{"not found for a proven batch leaf", types.ErrInvalidResult, f.verify(judge, tr.digests[1], tr.proof(1, 1), notFound, nil)},
		{"unknown result", types.ErrInvalidResult, f.verify(judge, digestOf("contract"), nil, 7, nil)},
		{"bad proof", types.ErrInvalidProof, f.verify(judge, tr.digests[3], badPath, matched, nil)},
		{"proof for another leaf", types.ErrInvalidProof, f.verify(judge, tr.digests[3], tr.proof(1, 2), matched, nil)},
		{"proof of an unknown batch", types.ErrBatchNotFound, f.verify(judge, tr.digests[3], tr.proof(9, 3), matched, nil)},
		{"malformed digest", types.ErrInvalidDigest, f.verify(judge, []byte{1, 2, 3}, nil, notFound, nil)},
		{"empty case id", types.ErrInvalidRequest, f.verify(judge, digestOf("contract"), nil, matched, func(m *types.MsgRecordVerification) { m.CaseId = "" })},
		{"case id too long", types.ErrInvalidRequest, f.verify(judge, digestOf("contract"), nil, matched, func(m *types.MsgRecordVerification) { m.CaseId = strings.Repeat("c", 257) })},
		{"note hash of the wrong size", types.ErrInvalidRequest, f.verify(judge, digestOf("contract"), nil, matched, func(m *types.MsgRecordVerification) { m.NoteHash = []byte{1} })},
	})
	require.NoError(t, f.verify(judge, digestOf("contract"), nil, matched, nil)(f.ctx))
	require.NoError(t, f.verify(f.addr["courtAdmin"], tr.digests[3], tr.proof(1, 3), mismatched, nil)(f.ctx))
	require.NoError(t, f.verify(judge, digestOf("never"), nil, notFound, nil)(f.ctx))

	byCase, err := f.query.VerificationsByCase(f.ctx, &types.QueryVerificationsByCaseRequest{CaseId: caseID})
	require.NoError(t, err)
	require.Len(t, byCase.Verifications, 3)
	require.Equal(t, uint64(1), byCase.Verifications[0].EvidenceId)
	require.Equal(t, uint64(1), byCase.Verifications[1].BatchId)
	require.Equal(t, "court", byCase.Verifications[1].CourtDepartment)
	byDigest, err := f.query.VerificationsByEvidence(f.ctx, &types.QueryVerificationsByEvidenceRequest{Digest: hex.EncodeToString(digestOf("never"))})
	require.NoError(t, err)
	require.Len(t, byDigest.Verifications, 1)
	require.Equal(t, notFound, byDigest.Verifications[0].Result)
}

func TestRecordCustody(t *testing.T) {
	f := newFixture(t)
	require.NoError(t, f.deposit(f.addr["depositor"], digestOf("contract"), nil)(f.ctx))
	tr := newTree(types.HashAlgorithm_HASH_ALGORITHM_SHA256, 4)
	require.NoError(t, f.anchor(f.addr["depositor"], tr, nil)(f.ctx))
	transferred, presented, sealed := types.CustodyAction_CUSTODY_ACTION_TRANSFERRED, types.CustodyAction_CUSTODY_ACTION_PRESENTED, types.CustodyAction_CUSTODY_ACTION_SEALED
	f.runRejects(t, []rejectCase{
		{"outsider", identitytypes.ErrNotAffiliated, f.custody(f.addr["outsider"], digestOf("contract"), nil, transferred, nil)},
		{"unaccredited", identitytypes.ErrRoleNotHeld, f.custody(f.addr["bankAdmin"], digestOf("contract"), nil, transferred, nil)},
		{"member without a role", identitytypes.ErrRoleNotHeld, f.custody(f.addr["clerk"], digestOf("contract"), nil, transferred, nil)},
		{"suspended department", identitytypes.ErrDepartmentSuspended, f.custody(f.addr["notary2Admin"], digestOf("contract"), nil, transferred, nil)},
		{"undeposited digest", types.ErrEvidenceNotFound, f.custody(f.addr["depositor"], digestOf("never"), nil, transferred, nil)},
		{"bad proof", types.ErrInvalidProof, f.custody(f.addr["depositor"], tr.digests[1], tr.proof(1, 2), transferred, nil)},
		{"unknown action", types.ErrUnknownCustody, f.custody(f.addr["depositor"], digestOf("contract"), nil, 9, nil)},
		{"no counterparty", types.ErrInvalidRequest, f.custody(f.addr["depositor"], digestOf("contract"), nil, transferred, func(m *types.MsgRecordCustody) { m.Counterparty = "" })},
	})
	require.NoError(t, f.custody(f.addr["depositor"], digestOf("contract"), nil, transferred, nil)(f.ctx))
	require.NoError(t, f.custody(f.addr["judge"], digestOf("contract"), nil, presented, nil)(f.ctx), "a court records custody too")
	require.NoError(t, f.custody(f.addr["courtAdmin"], digestOf("contract"), nil, sealed, nil)(f.ctx))
	require.NoError(t, f.custody(f.addr["depositor"], tr.digests[1], tr.proof(1, 1), transferred, nil)(f.ctx), "a batch leaf with its proof")

	events, err := f.query.CustodyEvents(f.ctx, &types.QueryCustodyEventsRequest{Digest: hex.EncodeToString(digestOf("contract"))})
	require.NoError(t, err)
	require.Len(t, events.CustodyEvents, 3)
	for i, ev := range events.CustodyEvents {
		require.Equal(t, uint64(i+1), ev.Sequence, "listed in order")
	}
	require.Equal(t, "court", events.CustodyEvents[1].DepartmentId)

	// The judge's report: deposit, verification and custody in one answer.
	require.NoError(t, f.verify(f.addr["judge"], digestOf("contract"), nil, types.VerificationResult_VERIFICATION_RESULT_MATCHED, nil)(f.ctx))
	report, err := f.query.Evidence(f.ctx, &types.QueryEvidenceRequest{Digest: hex.EncodeToString(digestOf("contract"))})
	require.NoError(t, err)
	require.True(t, report.Found)
	require.Equal(t, "notary", report.Evidence.DepartmentId)
	require.Len(t, report.Verifications, 1)
	require.Len(t, report.CustodyEvents, 3)
	require.False(t, report.HistoryTruncated)

	leafReport, err := f.query.Evidence(f.ctx, &types.QueryEvidenceRequest{Digest: hex.EncodeToString(tr.digests[1]), BatchId: 1, LeafIndex: 1,
		Path: hexPath(tr.proof(1, 1).Path)})
	require.NoError(t, err)
	require.True(t, leafReport.Found)
	require.Nil(t, leafReport.Evidence)
	require.Equal(t, uint64(1), leafReport.Batch.Id)
	require.Len(t, leafReport.CustodyEvents, 1)
	require.Equal(t, uint64(1), leafReport.CustodyEvents[0].BatchId, "a batch leaf's custody names its batch")
	require.Zero(t, report.CustodyEvents[0].BatchId)

	unknown, err := f.query.Evidence(f.ctx, &types.QueryEvidenceRequest{Digest: hex.EncodeToString(digestOf("never"))})
	require.NoError(t, err)
	require.False(t, unknown.Found)
	_, err = f.query.Evidence(f.ctx, &types.QueryEvidenceRequest{Digest: hex.EncodeToString(tr.digests[1]), BatchId: 1, LeafIndex: 2,
		Path: hexPath(tr.proof(1, 1).Path)})
	require.ErrorIs(t, err, types.ErrInvalidProof)
	_, err = f.query.Evidence(f.ctx, &types.QueryEvidenceRequest{Digest: "not hex"})
	require.ErrorIs(t, err, types.ErrInvalidDigest)
}
