package cli

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/trustcity/trustcity/x/evidence/merkle"
	"github.com/trustcity/trustcity/x/evidence/types"
)

// BatchFormat names the version of the batch file format; a file of
// another format is refused rather than misread.
const BatchFormat = "trustcity-judicial-batch/v1"

// BatchFile is the batch.json that `judicial batch build` writes: the
// tree's algorithm, root and size, and for each file its digest, leaf index
// and RFC 6962 audit path (hex, nearest node first). A file that keeps only
// some leaves (say, the one entry handed to a file's owner) still verifies:
// each leaf carries everything its proof needs.
type BatchFile struct {
	Format    string      `json:"format"`
	Algorithm string      `json:"algorithm"`
	Root      string      `json:"root"`
	LeafCount uint64      `json:"leaf_count"`
	Leaves    []BatchLeaf `json:"leaves"`
}

// BatchLeaf is one file of a batch.
type BatchLeaf struct {
	// Path is the file's path as given to `batch build` (slash-separated).
	Path      string   `json:"path"`
	Digest    string   `json:"digest"`
	LeafIndex uint64   `json:"leaf_index"`
	AuditPath []string `json:"audit_path"`
}

// Errors of offline verification, so callers and tests can tell them apart.
var (
	ErrNotInBatch = errors.New("not in the batch")
	ErrTampered   = errors.New("file differs from the one in the batch")
)

// NewBatchFile builds the tree of digests (in order) with the algorithm's
// hasher and returns the batch file naming paths[i] for digests[i].
func NewBatchFile(alg types.HashAlgorithm, paths []string, digests [][]byte) (*BatchFile, error) {
	if len(paths) != len(digests) {
		return nil, fmt.Errorf("%d paths for %d digests", len(paths), len(digests))
	}
	if len(digests) == 0 {
		return nil, errors.New("a batch needs at least one file")
	}
	h := alg.Hasher()
	root, auditPaths := treeWithPaths(h, digests)
	// The recursion above is our own; the merkle package's root is the one
	// the chain checks proofs against, so the two must agree.
	if !bytes.Equal(root, h.Root(digests)) {
		return nil, errors.New("internal error: tree root differs from the merkle package's")
	}
	b := &BatchFile{
		Format:    BatchFormat,
		Algorithm: alg.Short(),
		Root:      hex.EncodeToString(root),
		LeafCount: uint64(len(digests)),
		Leaves:    make([]BatchLeaf, len(digests)),
	}
	for i, d := range digests {
		path := make([]string, len(auditPaths[i]))
		for j, node := range auditPaths[i] {
			path[j] = hex.EncodeToString(node)
		}
		b.Leaves[i] = BatchLeaf{Path: filepath.ToSlash(paths[i]), Digest: hex.EncodeToString(d), LeafIndex: uint64(i), AuditPath: path}
	}
	return b, nil
}

// treeWithPaths returns the RFC 6962 root of the digests and every leaf's
// audit path in one pass: O(n) hashes and O(n log n) path nodes, where
// asking merkle.Hasher.InclusionProof for each leaf would rehash the tree
// n times.
func treeWithPaths(h merkle.Hasher, digests [][]byte) ([]byte, [][][]byte) {
	paths := make([][][]byte, len(digests))
	var build func(lo, hi int) []byte
	build = func(lo, hi int) []byte {
		if hi-lo == 1 {
			return h.LeafHash(digests[lo])
		}
		k := 1
		for k*2 < hi-lo {
			k *= 2 // largest power of two below the subtree's size
		}
		left, right := build(lo, lo+k), build(lo+k, hi)
		// Deeper siblings were appended by the calls above: nearest first.
		for i := lo; i < lo+k; i++ {
			paths[i] = append(paths[i], right)
		}
		for i := lo + k; i < hi; i++ {
			paths[i] = append(paths[i], left)
		}
		return h.NodeHash(left, right)
	}
	return build(0, len(digests)), paths
}

// ReadBatchFile reads and checks a batch file.
func ReadBatchFile(name string) (*BatchFile, error) {
	bz, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	var b BatchFile
	dec := json.NewDecoder(bytes.NewReader(bz))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("%s is not a batch file: %w", name, err)
	}
	if err := b.Validate(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &b, nil
}

// Validate checks the format, algorithm, root and leaf indexes.
func (b *BatchFile) Validate() error {
	if b.Format != BatchFormat {
		return fmt.Errorf("format %q, want %q", b.Format, BatchFormat)
	}
	alg, err := types.ParseAlgorithm(b.Algorithm)
	if err != nil {
		return err
	}
	if root, err := hex.DecodeString(b.Root); err != nil || len(root) != alg.Size() {
		return fmt.Errorf("root %q is not a hex %s hash", b.Root, alg.Short())
	}
	if len(b.Leaves) == 0 || b.LeafCount == 0 {
		return errors.New("no leaves")
	}
	for _, l := range b.Leaves {
		if l.LeafIndex >= b.LeafCount {
			return fmt.Errorf("leaf %q has index %d in a batch of %d", l.Path, l.LeafIndex, b.LeafCount)
		}
	}
	return nil
}

// HashAlgorithm is the batch's algorithm (the file was validated).
func (b *BatchFile) HashAlgorithm() types.HashAlgorithm {
	alg, _ := types.ParseAlgorithm(b.Algorithm)
	return alg
}

// Prove finds the leaf of a file with the given digest and checks its audit
// path against the root, offline. A leaf of the same path but another
// digest is ErrTampered; no such leaf at all is ErrNotInBatch.
func (b *BatchFile) Prove(file string, digest []byte) (BatchLeaf, error) {
	want := hex.EncodeToString(digest)
	var leaf *BatchLeaf
	for i := range b.Leaves {
		if b.Leaves[i].Digest == want && (leaf == nil || samePath(b.Leaves[i].Path, file)) {
			leaf = &b.Leaves[i]
		}
	}
	if leaf == nil {
		for _, l := range b.Leaves {
			if samePath(l.Path, file) {
				return l, fmt.Errorf("%w: %s hashes to %s (%s) but leaf %d of the batch records %s for it",
					ErrTampered, file, want, b.Algorithm, l.LeafIndex, l.Digest)
			}
		}
		return BatchLeaf{}, fmt.Errorf("%w: no leaf has the %s digest %s of %s", ErrNotInBatch, b.Algorithm, want, file)
	}
	path, err := leaf.auditPath()
	if err != nil {
		return *leaf, err
	}
	root, _ := hex.DecodeString(b.Root)
	if err := b.HashAlgorithm().Hasher().VerifyInclusion(digest, leaf.LeafIndex, b.LeafCount, path, root); err != nil {
		return *leaf, fmt.Errorf("leaf %d (%s): the audit path does not prove it under root %s: %w", leaf.LeafIndex, leaf.Path, b.Root, err)
	}
	return *leaf, nil
}

// auditPath decodes the leaf's audit path.
func (l BatchLeaf) auditPath() ([][]byte, error) {
	out := make([][]byte, len(l.AuditPath))
	for i, s := range l.AuditPath {
		node, err := hex.DecodeString(s)
		if err != nil {
			return nil, fmt.Errorf("leaf %d (%s): audit path node %d is not hex: %q", l.LeafIndex, l.Path, i, s)
		}
		out[i] = node
	}
	return out, nil
}

// samePath compares a recorded path with a path given on the command line.
func samePath(recorded, given string) bool {
	return filepath.Clean(filepath.FromSlash(recorded)) == filepath.Clean(given)
}
