package simulation

import (
	"context"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"

	"github.com/trustcity/trustcity/x/evidence/keeper"
	"github.com/trustcity/trustcity/x/evidence/types"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

// MsgRecordVerificationFactory records a court's verification in a case;
// an account AuthorizeRole accepts as COURT signs. A third of the time each,
// the digest is a direct deposit, a leaf of a simulation batch presented
// with its inclusion proof (both MATCHED, or one time in four MISMATCHED),
// or a fresh digest no one deposited (NOT_FOUND). Without any deposit or
// batch yet, it records NOT_FOUND.
func MsgRecordVerificationFactory(k keeper.Keeper, identity types.IdentityKeeper) simsx.SimMsgFactoryFn[*types.MsgRecordVerification] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgRecordVerification) {
		r := testData.Rand().Rand
		courts := holders(ctx, identity, testData, reporter, identitytypes.Role_ROLE_COURT)
		if len(courts) == 0 {
			return skip[*types.MsgRecordVerification](reporter, "no simulation account may act as a COURT")
		}
		by := pick(r, courts)
		msg := &types.MsgRecordVerification{
			Signer:   by.signer.AddressBech32,
			CaseId:   randCaseID(r),
			NoteHash: randNoteHash(r),
			Result:   types.VerificationResult_VERIFICATION_RESULT_MATCHED,
		}
		if r.Intn(4) == 0 {
			msg.Result = types.VerificationResult_VERIFICATION_RESULT_MISMATCHED
		}
		var (
			found bool
			err   error
		)
		switch r.Intn(3) {
		case 0:
			var e types.Evidence
			e, found, err = randomEvidence(ctx, k, testData)
			msg.Digest = e.Digest
		case 1:
			var leaf leafProof
			leaf, found, err = randomLeaf(ctx, k, testData)
			msg.Digest, msg.Proof = leaf.digest, &leaf.proof
		}
		if err != nil {
			return skip[*types.MsgRecordVerification](reporter, "records: %s", err)
		}
		if !found {
			msg.Digest, msg.Proof = randDigest(r, types.HashAlgorithm_HASH_ALGORITHM_SHA256), nil
			msg.Result = types.VerificationResult_VERIFICATION_RESULT_NOT_FOUND
			if existing, err := k.EvidenceOfDigest(ctx, msg.Digest); err != nil || existing != nil {
				return skip[*types.MsgRecordVerification](reporter, "digest %x is deposited already", msg.Digest)
			}
		}
		return []simsx.SimAccount{by.signer}, msg
	}
}

// MsgRecordCustodyFactory appends a custody event (a random action, a
// department or DID as counterparty) to the chain of a deposited digest or
// of a proven batch leaf; an account AuthorizeRole accepts as
// EVIDENCE_DEPOSITOR or as COURT signs.
func MsgRecordCustodyFactory(k keeper.Keeper, identity types.IdentityKeeper) simsx.SimMsgFactoryFn[*types.MsgRecordCustody] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgRecordCustody) {
		r := testData.Rand().Rand
		actors := custodians(ctx, identity, testData, reporter)
		if len(actors) == 0 {
			return skip[*types.MsgRecordCustody](reporter, "no simulation account may act as an EVIDENCE_DEPOSITOR or a COURT")
		}
		rec, ok, err := randomRecorded(ctx, k, testData)
		if err != nil {
			return skip[*types.MsgRecordCustody](reporter, "records: %s", err)
		}
		if !ok {
			return skip[*types.MsgRecordCustody](reporter, "no deposit or batch to record custody of")
		}
		by := pick(r, actors)
		return []simsx.SimAccount{by.signer}, &types.MsgRecordCustody{
			Signer:       by.signer.AddressBech32,
			Digest:       rec.digest,
			Proof:        rec.proof,
			Action:       randCustodyAction(r),
			Counterparty: randCounterparty(r),
			NoteHash:     randNoteHash(r),
		}
	}
}
