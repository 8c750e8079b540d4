package keeper

import (
	"bytes"
	"fmt"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/evidence/types"
)

// InvariantRegistry is where the app collects invariants.
type InvariantRegistry interface {
	Register(module, name string, check func(sdk.Context) error)
}

// RegisterInvariants registers the judicial invariants (simulations and tests
// check them; they read the whole store).
func RegisterInvariants(reg InvariantRegistry, k Keeper) {
	reg.Register(types.ModuleName, "evidence-indexes", k.evidenceIndexesInvariant)
	reg.Register(types.ModuleName, "batch-indexes", k.batchIndexesInvariant)
	reg.Register(types.ModuleName, "verification-indexes", k.verificationIndexesInvariant)
	reg.Register(types.ModuleName, "custody-sequences", k.custodyInvariant)
}

// count walks a key set and counts it, checking each key with check.
func count[K any](ctx sdk.Context, set collections.KeySet[K], check func(K) error) (int, error) {
	n := 0
	err := set.Walk(ctx, nil, func(key K) (bool, error) {
		n++
		return false, check(key)
	})
	return n, err
}

// evidenceIndexesInvariant: every record is indexed by digest, and by
// department (made here) or sending chain (received over IBC); every
// forward in flight is indexed by its packet; every index entry names a
// matching record; the id sequence is above every id.
func (k Keeper) evidenceIndexesInvariant(ctx sdk.Context) error {
	next, err := k.EvidenceSeq.Peek(ctx)
	if err != nil {
		return err
	}
	records, crossChain, inFlight := 0, 0, 0
	err = k.Evidence.Walk(ctx, nil, func(id uint64, e types.Evidence) (bool, error) {
		records++
		if id >= next {
			return true, fmt.Errorf("record %d is not below the next id %d", id, next)
		}
		if got, err := k.EvidenceByDigest.Get(ctx, e.Digest); err != nil || got != id {
			return true, fmt.Errorf("record %d is missing from the digest index", id)
		}
		if e.Origin != nil {
			crossChain++
			if has, err := k.EvidenceByChain.Has(ctx, collections.Join(e.Origin.ChainId, id)); err != nil || !has {
				return true, fmt.Errorf("record %d is missing from the chain index", id)
			}
			return false, nil
		}
		if has, err := k.EvidenceByDepartment.Has(ctx, collections.Join(e.DepartmentId, id)); err != nil || !has {
			return true, fmt.Errorf("record %d is missing from the department index", id)
		}
		for _, f := range e.Forwards {
			if f.Status != types.ForwardStatus_FORWARD_STATUS_IN_FLIGHT {
				continue
			}
			inFlight++
			if got, err := k.ForwardsInFlight.Get(ctx, collections.Join(f.ChannelId, f.Sequence)); err != nil || got != id {
				return true, fmt.Errorf("record %d: forward %s/%d in flight is missing from the in-flight index", id, f.ChannelId, f.Sequence)
			}
		}
		return false, nil
	})
	if err != nil {
		return err
	}
	digests := 0
	err = k.EvidenceByDigest.Walk(ctx, nil, func(digest []byte, id uint64) (bool, error) {
		digests++
		e, err := k.Evidence.Get(ctx, id)
		if err != nil || !bytes.Equal(e.Digest, digest) {
			return true, fmt.Errorf("digest index entry %x names record %d, which is not its deposit", digest, id)
		}
		return false, nil
	})
	if err != nil {
		return err
	}
	departments, err := count(ctx, k.EvidenceByDepartment, func(key collections.Pair[string, uint64]) error {
		if e, err := k.Evidence.Get(ctx, key.K2()); err != nil || e.DepartmentId != key.K1() {
			return fmt.Errorf("department index lists record %d under %q wrongly", key.K2(), key.K1())
		}
		return nil
	})
	if err != nil {
		return err
	}
	chains, err := count(ctx, k.EvidenceByChain, func(key collections.Pair[string, uint64]) error {
		if e, err := k.Evidence.Get(ctx, key.K2()); err != nil || e.Origin == nil || e.Origin.ChainId != key.K1() {
			return fmt.Errorf("chain index lists record %d under %q wrongly", key.K2(), key.K1())
		}
		return nil
	})
	if err != nil {
		return err
	}
	indexedInFlight := 0
	err = k.ForwardsInFlight.Walk(ctx, nil, func(key collections.Pair[string, uint64], id uint64) (bool, error) {
		indexedInFlight++
		e, err := k.Evidence.Get(ctx, id)
		if err != nil || forwardIndex(e, key.K1(), key.K2()) < 0 {
			return true, fmt.Errorf("in-flight index entry %s/%d names record %d, which has no such forward in flight", key.K1(), key.K2(), id)
		}
		return false, nil
	})
	if err != nil {
		return err
	}
	if digests != records || departments != records-crossChain || chains != crossChain || indexedInFlight != inFlight {
		return fmt.Errorf("%d records (%d cross-chain, %d forwards in flight); %d digest, %d department, %d chain and %d in-flight index entries",
			records, crossChain, inFlight, digests, departments, chains, indexedInFlight)
	}
	return nil
}

// batchIndexesInvariant: the same for batches: root and department indexes
// match the batches one to one, ids below the sequence.
func (k Keeper) batchIndexesInvariant(ctx sdk.Context) error {
	next, err := k.BatchSeq.Peek(ctx)
	if err != nil {
		return err
	}
	batches := 0
	err = k.Batches.Walk(ctx, nil, func(id uint64, b types.Batch) (bool, error) {
		batches++
		if id >= next {
			return true, fmt.Errorf("batch %d is not below the next id %d", id, next)
		}
		if got, err := k.BatchByRoot.Get(ctx, b.Root); err != nil || got != id {
			return true, fmt.Errorf("batch %d is missing from the root index", id)
		}
		return false, nil
	})
	if err != nil {
		return err
	}
	roots := 0
	if err := k.BatchByRoot.Walk(ctx, nil, func([]byte, uint64) (bool, error) { roots++; return false, nil }); err != nil {
		return err
	}
	departments, err := count(ctx, k.BatchesByDepartment, func(key collections.Pair[string, uint64]) error {
		if b, err := k.Batches.Get(ctx, key.K2()); err != nil || b.DepartmentId != key.K1() {
			return fmt.Errorf("department index lists batch %d under %q wrongly", key.K2(), key.K1())
		}
		return nil
	})
	if err != nil {
		return err
	}
	if roots != batches || departments != batches {
		return fmt.Errorf("%d batches, %d root index entries, %d department index entries", batches, roots, departments)
	}
	return nil
}

// verificationIndexesInvariant: every verification is indexed by digest and
// case, and names existing records.
func (k Keeper) verificationIndexesInvariant(ctx sdk.Context) error {
	next, err := k.VerificationSeq.Peek(ctx)
	if err != nil {
		return err
	}
	total := 0
	err = k.Verifications.Walk(ctx, nil, func(id uint64, v types.Verification) (bool, error) {
		total++
		if id >= next {
			return true, fmt.Errorf("verification %d is not below the next id %d", id, next)
		}
		if v.EvidenceId != 0 {
			if has, err := k.Evidence.Has(ctx, v.EvidenceId); err != nil || !has {
				return true, fmt.Errorf("verification %d names missing record %d", id, v.EvidenceId)
			}
		}
		if v.BatchId != 0 {
			if has, err := k.Batches.Has(ctx, v.BatchId); err != nil || !has {
				return true, fmt.Errorf("verification %d names missing batch %d", id, v.BatchId)
			}
		}
		return false, nil
	})
	if err != nil {
		return err
	}
	byDigest, err := count(ctx, k.VerificationsByDigest, func(key collections.Pair[[]byte, uint64]) error {
		if v, err := k.Verifications.Get(ctx, key.K2()); err != nil || !bytes.Equal(v.Digest, key.K1()) {
			return fmt.Errorf("digest index lists verification %d wrongly", key.K2())
		}
		return nil
	})
	if err != nil {
		return err
	}
	byCase, err := count(ctx, k.VerificationsByCase, func(key collections.Pair[string, uint64]) error {
		if v, err := k.Verifications.Get(ctx, key.K2()); err != nil || v.CaseId != key.K1() {
			return fmt.Errorf("case index lists verification %d wrongly", key.K2())
		}
		return nil
	})
	if err != nil {
		return err
	}
	if byDigest != total || byCase != total {
		return fmt.Errorf("%d verifications, %d digest index entries, %d case index entries", total, byDigest, byCase)
	}
	return nil
}

// custodyInvariant: each digest's custody counter equals its last event.
func (k Keeper) custodyInvariant(ctx sdk.Context) error {
	return k.CustodyNext.Walk(ctx, nil, func(digest []byte, last uint64) (bool, error) {
		if has, err := k.Custody.Has(ctx, collections.Join(digest, last)); err != nil || !has {
			return true, fmt.Errorf("custody counter of %x is %d but that event is missing", digest, last)
		}
		if has, err := k.Custody.Has(ctx, collections.Join(digest, last+1)); err != nil || has {
			return true, fmt.Errorf("custody of %x has events past its counter %d", digest, last)
		}
		return false, nil
	})
}
