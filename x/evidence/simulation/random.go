package simulation

import (
	"encoding/binary"
	"fmt"
	"math/rand"

	"github.com/trustcity/trustcity/x/evidence/types"
)

// subset returns the items of a list each kept with probability p, in order.
func subset[T any](r *rand.Rand, items []T, p float64) []T {
	var out []T
	for _, it := range items {
		if r.Float64() < p {
			out = append(out, it)
		}
	}
	return out
}

// pick returns a random element of a non-empty list.
func pick[T any](r *rand.Rand, items []T) T {
	return items[r.Intn(len(items))]
}

const slugChars = "abcdefghijklmnopqrstuvwxyz0123456789"

// randSlug returns n random lower-case letters and digits.
func randSlug(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = slugChars[r.Intn(len(slugChars))]
	}
	return string(b)
}

// randBytes returns n random bytes.
func randBytes(r *rand.Rand, n int) []byte {
	b := make([]byte, n)
	_, _ = r.Read(b)
	return b
}

// randDigest returns the digest, with algorithm a, of a random record.
func randDigest(r *rand.Rand, a types.HashAlgorithm) []byte {
	h := a.New()
	h.Write(randBytes(r, 64))
	return h.Sum(nil)
}

// randNoteHash returns, half of the time, the hash of a court's or
// custodian's note (kept off chain), and otherwise none.
func randNoteHash(r *rand.Rand) []byte {
	if r.Intn(2) == 0 {
		return nil
	}
	return randDigest(r, types.HashAlgorithm_HASH_ALGORITHM_SHA256)
}

// randCategory returns a category other than UNSPECIFIED.
func randCategory(r *rand.Rand) types.Category {
	return types.Category(1 + r.Intn(len(types.Category_name)-1))
}

// randCustodyAction returns an action other than UNSPECIFIED.
func randCustodyAction(r *rand.Rand) types.CustodyAction {
	return types.CustodyAction(1 + r.Intn(len(types.CustodyAction_name)-1))
}

// randParties returns up to simMaxParties distinct party DIDs, of this
// chain's method or another's.
func randParties(r *rand.Rand) []string {
	var out []string
	for i := range r.Intn(simMaxParties + 1) {
		if r.Intn(2) == 0 {
			out = append(out, fmt.Sprintf("did:web:party%d-%s.example.org", i, randSlug(r, 6)))
		} else {
			out = append(out, fmt.Sprintf("did:trustcity:%08x-0000-4000-8000-%012x", i, r.Int63()&0xffffffffffff))
		}
	}
	return out
}

// randMetadata returns free text within simMaxMetadataBytes, sometimes empty.
func randMetadata(r *rand.Rand) string {
	if r.Intn(3) == 0 {
		return ""
	}
	return "record " + randSlug(r, r.Intn(simMaxMetadataBytes-7))
}

// randCaseID returns a case id such as "(2026) court case 4f0a9c2k".
func randCaseID(r *rand.Rand) string {
	return fmt.Sprintf("(%d) court case %s", 2020+r.Intn(7), randSlug(r, 8))
}

// withdrawalReasons are the reasons deposits are withdrawn for.
var withdrawalReasons = []string{
	"deposited in error",
	"superseded by a corrected record",
	"withdrawn at the request of the parties",
	"record found incomplete\ton review",
}

// randCounterparty names who a custody event involved: a department id or a DID.
func randCounterparty(r *rand.Rand) string {
	if r.Intn(2) == 0 {
		return "d-" + randSlug(r, 8)
	}
	return "did:trustcity:" + randSlug(r, 22)
}

// simBatch is a batch the simulation builds: its leaves are derived from a
// seed, which the batch's metadata records (see Metadata), so any later
// operation, or a chain imported from an export, can rebuild the tree from
// the stored batch and prove its leaves.
type simBatch struct {
	seed   []byte
	leaves int
}

// simBatchMetadata is the metadata format of a simulated batch: seed in hex,
// leaf count.
const simBatchMetadata = "simulation batch %x of %d leaves"

// randSimBatch draws a seed and one to simMaxBatchLeaves leaves.
func randSimBatch(r *rand.Rand) simBatch {
	return simBatch{seed: randBytes(r, 8), leaves: 1 + r.Intn(simMaxBatchLeaves)}
}

// Metadata is the batch metadata recording the seed and leaf count.
func (b simBatch) Metadata() string { return fmt.Sprintf(simBatchMetadata, b.seed, b.leaves) }

// parseSimBatch reads the metadata of a batch the simulation anchored.
func parseSimBatch(metadata string) (simBatch, bool) {
	var b simBatch
	if _, err := fmt.Sscanf(metadata, simBatchMetadata, &b.seed, &b.leaves); err != nil {
		return simBatch{}, false
	}
	if b.leaves < 1 || b.leaves > simMaxBatchLeaves || b.Metadata() != metadata {
		return simBatch{}, false
	}
	return b, true
}

// Leaves returns the batch's leaves: digests, with algorithm a, of the seed
// and the leaf index.
func (b simBatch) Leaves(a types.HashAlgorithm) [][]byte {
	leaves := make([][]byte, b.leaves)
	for i := range leaves {
		h := a.New()
		h.Write([]byte("trustcity simulation leaf"))
		h.Write(b.seed)
		h.Write(binary.BigEndian.AppendUint64(nil, uint64(i)))
		leaves[i] = h.Sum(nil)
	}
	return leaves
}

// Root is the RFC 6962 root of the batch's leaves with algorithm a.
func (b simBatch) Root(a types.HashAlgorithm) []byte { return a.Hasher().Root(b.Leaves(a)) }

// leafProof is a batch leaf with its inclusion proof.
type leafProof struct {
	digest []byte
	proof  types.InclusionProof
}

// Prove returns leaf index of the batch anchored as batch id with
// algorithm a, with its audit path.
func (b simBatch) Prove(a types.HashAlgorithm, id uint64, index int) (leafProof, error) {
	leaves := b.Leaves(a)
	path, err := a.Hasher().InclusionProof(leaves, uint64(index))
	if err != nil {
		return leafProof{}, err
	}
	return leafProof{digest: leaves[index], proof: types.InclusionProof{BatchId: id, LeafIndex: uint64(index), Path: path}}, nil
}
