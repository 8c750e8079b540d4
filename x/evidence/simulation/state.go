package simulation

import (
	"context"
	"errors"

	"cosmossdk.io/collections"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/evidence/keeper"
	"github.com/trustcity/trustcity/x/evidence/types"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

// The factories find their signers by asking x/identity, through the same
// AuthorizeRole the message handlers call, which simulation accounts may act
// with a role and for which department. Whether any may depends on the
// x/identity genesis: its top-level departments hold EVIDENCE_DEPOSITOR and
// COURT only by chance (each role with probability 0.6), and only the gov
// authority may give a top-level department a role, so some seeds have no
// depositor or no court at all; the factories then skip, saying so.
//
// Records are drawn by id: ids are dense (sequences from 1, never deleted),
// so a random id below the next one names a record without walking the
// store. Every choice is deterministic: accounts in the simulation's order,
// collections in key order, then an index drawn from the simulation's
// random source.

// skip marks the operation skipped and returns no message.
func skip[T sdk.Msg](reporter simsx.SimulationReporter, format string, args ...any) ([]simsx.SimAccount, T) {
	reporter.Skipf(format, args...)
	var none T
	return nil, none
}

// authorized is a simulation account AuthorizeRole lets act for a
// department with a role.
type authorized struct {
	signer simsx.SimAccount
	deptID string
}

// holders returns the simulation accounts AuthorizeRole accepts for role,
// each with the department it acts for, in the simulation's account order.
func holders(ctx context.Context, identity types.IdentityKeeper, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter, role identitytypes.Role) []authorized {
	var out []authorized
	for _, acc := range testData.AllAccounts() {
		if dept, err := identity.AuthorizeRole(ctx, acc.Address, role); err == nil {
			out = append(out, authorized{signer: testData.GetAccount(reporter, acc.AddressBech32), deptID: dept})
		}
	}
	return out
}

// custodians returns the simulation accounts that may record custody: the
// EVIDENCE_DEPOSITORs and the COURTs.
func custodians(ctx context.Context, identity types.IdentityKeeper, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) []authorized {
	return append(holders(ctx, identity, testData, reporter, identitytypes.Role_ROLE_EVIDENCE_DEPOSITOR),
		holders(ctx, identity, testData, reporter, identitytypes.Role_ROLE_COURT)...)
}

// randomEvidence returns a random deposit, withdrawn or not, and false when
// there is none.
func randomEvidence(ctx context.Context, k keeper.Keeper, testData *simsx.ChainDataSource) (types.Evidence, bool, error) {
	next, err := k.EvidenceSeq.Peek(ctx)
	if err != nil || next <= 1 {
		return types.Evidence{}, false, err
	}
	e, err := k.Evidence.Get(ctx, 1+uint64(testData.Rand().Int63n(int64(next-1))))
	if errors.Is(err, collections.ErrNotFound) {
		return e, false, nil
	}
	return e, err == nil, err
}

// randomLeaf returns a random leaf of a random simulation batch (see
// simBatch), with its inclusion proof, and false when there is no batch.
func randomLeaf(ctx context.Context, k keeper.Keeper, testData *simsx.ChainDataSource) (leafProof, bool, error) {
	r := testData.Rand()
	next, err := k.BatchSeq.Peek(ctx)
	if err != nil || next <= 1 {
		return leafProof{}, false, err
	}
	b, err := k.Batches.Get(ctx, 1+uint64(r.Int63n(int64(next-1))))
	if errors.Is(err, collections.ErrNotFound) {
		return leafProof{}, false, nil
	} else if err != nil {
		return leafProof{}, false, err
	}
	sb, ok := parseSimBatch(b.Metadata)
	if !ok || uint64(sb.leaves) != b.LeafCount {
		return leafProof{}, false, nil
	}
	leaf, err := sb.Prove(b.Algorithm, b.Id, r.Intn(sb.leaves))
	return leaf, err == nil, err
}

// recorded is a digest that has a deposit or a proven batch leaf: what a
// verification may find MATCHED or MISMATCHED and custody may follow.
type recorded struct {
	digest []byte
	proof  *types.InclusionProof
}

// randomRecorded returns a deposited digest or a proven batch leaf, each
// half of the time when both exist, and false when neither does.
func randomRecorded(ctx context.Context, k keeper.Keeper, testData *simsx.ChainDataSource) (recorded, bool, error) {
	r := testData.Rand()
	fromBatch := r.Intn(2) == 0
	for range 2 {
		if fromBatch {
			leaf, ok, err := randomLeaf(ctx, k, testData)
			if err != nil || ok {
				return recorded{digest: leaf.digest, proof: &leaf.proof}, ok, err
			}
		} else {
			e, ok, err := randomEvidence(ctx, k, testData)
			if err != nil || ok {
				return recorded{digest: e.Digest}, ok, err
			}
		}
		fromBatch = !fromBatch
	}
	return recorded{}, false, nil
}
