package simulation

import (
	"fmt"
	"math/rand"
	"slices"
	"time"

	"github.com/cosmos/cosmos-sdk/types/module"
	simtypes "github.com/cosmos/cosmos-sdk/types/simulation"

	"github.com/trustcity/trustcity/x/evidence/types"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

// RandomizedGenState writes a random judicial genesis to simState (see
// RandomGenesis). The records name the departments of the x/identity
// genesis that hold the roles, when the simulation generated it first (the
// simulation manager generates the modules' genesis in name order, identity
// before judicial), so the factories may later withdraw those deposits.
func RandomizedGenState(simState *module.SimulationState) {
	var identity *identitytypes.GenesisState
	if bz, ok := simState.GenState[identitytypes.ModuleName]; ok {
		identity = &identitytypes.GenesisState{}
		if err := simState.Cdc.UnmarshalJSON(bz, identity); err != nil {
			panic(fmt.Sprintf("judicial: reading the identity genesis: %v", err))
		}
	}
	gs := RandomGenesis(simState.Rand, simState.Accounts, simState.GenTimestamp, identity)
	bz, err := simState.Cdc.MarshalJSON(gs)
	if err != nil {
		panic(fmt.Sprintf("judicial: marshalling the random genesis: %v", err))
	}
	simState.GenState[types.ModuleName] = bz
}

// actor is who a genesis record says acted: a department and an account
// acting for it.
type actor struct {
	dept, addr string
}

// genesisActors returns the departments of the identity genesis holding
// role, each with its admin (an admin may use every role of its
// department), in genesis order. Without such departments it invents one
// to three, with simulation accounts acting for them: the judicial genesis
// requires department names, not departments.
func genesisActors(r *rand.Rand, accs []simtypes.Account, identity *identitytypes.GenesisState, role identitytypes.Role) []actor {
	var out []actor
	if identity != nil {
		for _, d := range identity.Departments {
			if slices.Contains(d.Roles, role) {
				out = append(out, actor{dept: d.Id, addr: d.Admin})
			}
		}
	}
	if len(out) == 0 && len(accs) > 0 {
		for range 1 + r.Intn(3) {
			out = append(out, actor{dept: "d-" + randSlug(r, 8), addr: pick(r, accs).AddressBech32})
		}
	}
	return out
}

// RandomGenesis returns a genesis that InitGenesis accepts, by construction:
// random params; up to eight deposits (one in five withdrawn, one in five
// received from another chain, one in five forwarded) and up to
// three batches by EVIDENCE_DEPOSITOR departments; up to four verifications
// by COURT departments, each matching a deposit, matching a proven batch
// leaf, or finding a fresh digest not deposited; and the custody chains of
// up to three deposited digests or batch leaves. Batches are simulation
// batches (see simBatch), whose leaves the factories can prove. Ids are
// dense from 1, as the chain hands them out. identity, when not nil, is the
// x/identity genesis whose departments the records name.
func RandomGenesis(r *rand.Rand, accs []simtypes.Account, genesisTime time.Time, identity *identitytypes.GenesisState) *types.GenesisState {
	gs := &types.GenesisState{Params: RandomParams(r)}
	depositors := genesisActors(r, accs, identity, identitytypes.Role_ROLE_EVIDENCE_DEPOSITOR)
	courts := genesisActors(r, accs, identity, identitytypes.Role_ROLE_COURT)
	if len(depositors) == 0 || len(courts) == 0 {
		return gs
	}
	deposited := map[string]bool{}
	var proven [][]byte // digests that have a deposit or a batch leaf: custody may name them

	for i := range r.Intn(9) {
		a := pick(r, allAlgorithms)
		digest := randDigest(r, a)
		if deposited[string(digest)] {
			continue
		}
		deposited[string(digest)] = true
		by := pick(r, depositors)
		e := types.Evidence{
			Id: uint64(i + 1), Digest: digest, Algorithm: a, Category: randCategory(r), Parties: randParties(r),
			Metadata: randMetadata(r), DepartmentId: by.dept, Depositor: by.addr, Time: genesisTime,
			TxHash: randDigest(r, types.HashAlgorithm_HASH_ALGORITHM_SHA256), Status: types.EvidenceStatus_EVIDENCE_STATUS_ACTIVE,
		}
		switch r.Intn(5) {
		case 0:
			at := genesisTime
			e.Status, e.WithdrawalReason, e.WithdrawnAt = types.EvidenceStatus_EVIDENCE_STATUS_WITHDRAWN, pick(r, withdrawalReasons), &at
		case 1:
			e.DepartmentId, e.Depositor, e.Origin = "", "", randOrigin(r, genesisTime)
		case 2:
			e.Forwards = randForwards(r, by, genesisTime)
		}
		gs.Evidence = append(gs.Evidence, e)
		proven = append(proven, digest)
	}

	type anchored struct {
		batch types.Batch
		sim   simBatch
	}
	var batches []anchored
	roots := map[string]bool{}
	// leafBatch names the batch a leaf digest is proven in (0 for a direct
	// deposit), for the custody events that follow it.
	leafBatch := map[string]uint64{}
	for _, e := range gs.Evidence {
		leafBatch[string(e.Digest)] = 0
	}
	for i := range r.Intn(4) {
		a := pick(r, allAlgorithms)
		sb := randSimBatch(r)
		root := sb.Root(a)
		if roots[string(root)] {
			continue
		}
		roots[string(root)] = true
		by := pick(r, depositors)
		b := types.Batch{
			Id: uint64(i + 1), Root: root, LeafCount: uint64(sb.leaves), Algorithm: a, Category: randCategory(r),
			Metadata: sb.Metadata(), DepartmentId: by.dept, Depositor: by.addr, Time: genesisTime,
			TxHash: randDigest(r, types.HashAlgorithm_HASH_ALGORITHM_SHA256),
		}
		gs.Batches = append(gs.Batches, b)
		batches = append(batches, anchored{batch: b, sim: sb})
		for _, leaf := range sb.Leaves(a) {
			proven = append(proven, leaf)
			if _, direct := leafBatch[string(leaf)]; !direct {
				leafBatch[string(leaf)] = b.Id
			}
		}
	}

	for i := range r.Intn(5) {
		by := pick(r, courts)
		v := types.Verification{
			Id: uint64(i + 1), CaseId: randCaseID(r), NoteHash: randNoteHash(r),
			CourtDepartment: by.dept, Verifier: by.addr, Time: genesisTime,
			Result: types.VerificationResult_VERIFICATION_RESULT_MATCHED,
		}
		if r.Intn(4) == 0 {
			v.Result = types.VerificationResult_VERIFICATION_RESULT_MISMATCHED
		}
		switch kind := r.Intn(3); {
		case kind == 0 && len(gs.Evidence) > 0:
			e := pick(r, gs.Evidence)
			v.Digest, v.EvidenceId = e.Digest, e.Id
		case kind == 1 && len(batches) > 0:
			b := pick(r, batches)
			v.Digest, v.BatchId = pick(r, b.sim.Leaves(b.batch.Algorithm)), b.batch.Id
		default:
			v.Digest, v.Result = randDigest(r, types.HashAlgorithm_HASH_ALGORITHM_SHA256), types.VerificationResult_VERIFICATION_RESULT_NOT_FOUND
		}
		gs.Verifications = append(gs.Verifications, v)
	}

	followed := map[string]bool{}
	for range min(r.Intn(4), len(proven)) {
		digest := pick(r, proven)
		if followed[string(digest)] {
			continue
		}
		followed[string(digest)] = true
		for seq := range 1 + r.Intn(3) {
			by := pick(r, append(slices.Clone(depositors), courts...))
			gs.CustodyEvents = append(gs.CustodyEvents, types.CustodyEvent{
				Digest: digest, Sequence: uint64(seq + 1), Action: randCustodyAction(r), Counterparty: randCounterparty(r),
				NoteHash: randNoteHash(r), DepartmentId: by.dept, Actor: by.addr, Time: genesisTime,
				BatchId: leafBatch[string(digest)],
			})
		}
	}
	return gs
}
