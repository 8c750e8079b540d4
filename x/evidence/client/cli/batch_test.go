package cli_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	gogoproto "github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/types/dynamicpb"

	"github.com/trustcity/trustcity/x/evidence/client/cli"
	"github.com/trustcity/trustcity/x/evidence/types"
)

// run executes `judicial args...` and returns its standard output.
func run(t *testing.T, args ...string) (string, error) {
	t.Helper()
	cmd := cli.Cmd()
	var out bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&out)
	cmd.SetArgs(args)
	cmd.SilenceUsage = true
	cmd.SilenceErrors = true
	err := cmd.Execute()
	return out.String(), err
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	out, err := run(t, args...)
	require.NoError(t, err, "judicial %s\n%s", strings.Join(args, " "), out)
	return out
}

// writeFiles creates files (path → content) under dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	}
}

// field reads "key: value" from the commands' line output.
func field(t *testing.T, out, key string) string {
	t.Helper()
	for _, line := range strings.Split(out, "\n") {
		if v, ok := strings.CutPrefix(line, key+": "); ok {
			return v
		}
	}
	t.Fatalf("no %q line in\n%s", key, out)
	return ""
}

func TestHashStandardVectors(t *testing.T) {
	dir := t.TempDir()
	abc := filepath.Join(dir, "abc.txt")
	require.NoError(t, os.WriteFile(abc, []byte("abc"), 0o644))
	for algo, want := range map[string]string{
		// FIPS 180-4 example, FIPS 202 example, GB/T 32905-2016 example 1.
		"sha256":   "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
		"sha3-256": "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532",
		"sm3":      "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0",
	} {
		require.Equal(t, want+"  "+abc+"\n", mustRun(t, "hash", "--algo", algo, abc), algo)
	}
	// The default is SHA-256; several files print one line each.
	empty := filepath.Join(dir, "empty")
	require.NoError(t, os.WriteFile(empty, nil, 0o644))
	require.Equal(t,
		"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  "+abc+"\n"+
			"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  "+empty+"\n",
		mustRun(t, "hash", abc, empty))

	_, err := run(t, "hash", "--algo", "md5", abc)
	require.ErrorIs(t, err, types.ErrUnknownAlgorithm)
	_, err = run(t, "hash", dir)
	require.ErrorContains(t, err, "not a regular file")
	_, err = run(t, "hash", filepath.Join(dir, "missing"))
	require.ErrorIs(t, err, os.ErrNotExist)
}

// TestHashStreamsLargeFile hashes a file bigger than any read buffer and
// compares with the one-shot digest.
func TestHashStreamsLargeFile(t *testing.T) {
	data := bytes.Repeat([]byte("0123456789abcdef"), 1<<16+3) // ~1 MiB
	name := filepath.Join(t.TempDir(), "big.bin")
	require.NoError(t, os.WriteFile(name, data, 0o644))
	want := sha256.Sum256(data)
	got, err := cli.HashFile(types.HashAlgorithm_HASH_ALGORITHM_SHA256, name)
	require.NoError(t, err)
	require.Equal(t, want[:], got)
}

func TestCollectFilesOrder(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"b.txt": "b", "a/z.txt": "z", "a/b/c.txt": "c", "a-c.txt": "ac", "A.txt": "A"})
	require.NoError(t, os.Symlink(filepath.Join(dir, "b.txt"), filepath.Join(dir, "link.txt")))
	extra := filepath.Join(t.TempDir(), "extra.txt")
	require.NoError(t, os.WriteFile(extra, []byte("x"), 0o644))

	files, err := cli.CollectFiles([]string{extra, dir, filepath.Join(dir, "b.txt")})
	require.NoError(t, err)
	want := []string{extra}
	for _, f := range []string{"A.txt", "a-c.txt", "a/b/c.txt", "a/z.txt", "b.txt"} { // byte order; the link skipped; b.txt once
		want = append(want, filepath.Join(dir, filepath.FromSlash(f)))
	}
	require.Equal(t, want, files)

	_, err = cli.CollectFiles([]string{t.TempDir()})
	require.ErrorContains(t, err, "no regular files")
}

// TestTreeMatchesMerklePackage checks every root and audit path the batch
// file carries against the merkle package, for every tree size up to 33.
func TestTreeMatchesMerklePackage(t *testing.T) {
	for _, alg := range []types.HashAlgorithm{types.HashAlgorithm_HASH_ALGORITHM_SHA256, types.HashAlgorithm_HASH_ALGORITHM_SHA3_256, types.HashAlgorithm_HASH_ALGORITHM_SM3} {
		h := alg.Hasher()
		var digests [][]byte
		var paths []string
		for n := 1; n <= 33; n++ {
			d := alg.New()
			fmt.Fprintf(d, "file %d", n)
			digests = append(digests, d.Sum(nil))
			paths = append(paths, fmt.Sprintf("f%d", n))
			b, err := cli.NewBatchFile(alg, paths, digests)
			require.NoError(t, err)
			require.Equal(t, hex.EncodeToString(h.Root(digests)), b.Root)
			require.Equal(t, uint64(n), b.LeafCount)
			for i, l := range b.Leaves {
				want, err := h.InclusionProof(digests, uint64(i))
				require.NoError(t, err)
				require.Len(t, l.AuditPath, len(want), "%s n=%d leaf %d", alg.Short(), n, i)
				for j := range want {
					require.Equal(t, hex.EncodeToString(want[j]), l.AuditPath[j], "%s n=%d leaf %d node %d", alg.Short(), n, i, j)
				}
			}
		}
	}
}

// buildBatch writes four files, one in a subdirectory, and builds a batch
// of the directory with algo.
func buildBatch(t *testing.T, algo string) (dir, batchJSON, out string) {
	t.Helper()
	dir = t.TempDir()
	writeFiles(t, dir, map[string]string{
		"docs/contract.txt": "lease contract, 2026",
		"docs/annex/a1.txt": "annex 1",
		"invoice.txt":       "invoice 42",
		"photo.bin":         "\x00\x01\x02 not really a photo",
	})
	batchJSON = filepath.Join(t.TempDir(), "batch.json")
	out = mustRun(t, "batch", "build", dir, "--out", batchJSON, "--algo", algo)
	return dir, batchJSON, out
}

func TestBatchBuildAndVerify(t *testing.T) {
	for _, algo := range []string{"sha256", "sha3-256", "sm3"} {
		t.Run(algo, func(t *testing.T) {
			alg, err := types.ParseAlgorithm(algo)
			require.NoError(t, err)
			dir, batchJSON, out := buildBatch(t, algo)
			require.Equal(t, "4", field(t, out, "leaf_count"))
			require.Equal(t, algo, field(t, out, "algorithm"))

			b, err := cli.ReadBatchFile(batchJSON)
			require.NoError(t, err)
			require.Equal(t, cli.BatchFormat, b.Format)
			require.Equal(t, algo, b.Algorithm)
			require.Equal(t, field(t, out, "root"), b.Root)
			require.Equal(t, uint64(4), b.LeafCount)
			var gotPaths []string
			var digests [][]byte
			for i, l := range b.Leaves {
				require.Equal(t, uint64(i), l.LeafIndex)
				gotPaths = append(gotPaths, l.Path)
				d, err := cli.HashFile(alg, filepath.FromSlash(l.Path))
				require.NoError(t, err)
				require.Equal(t, hex.EncodeToString(d), l.Digest)
				digests = append(digests, d)
			}
			slash := filepath.ToSlash(dir)
			require.Equal(t, []string{slash + "/docs/annex/a1.txt", slash + "/docs/contract.txt", slash + "/invoice.txt", slash + "/photo.bin"}, gotPaths)
			require.Equal(t, hex.EncodeToString(alg.Hasher().Root(digests)), b.Root)

			for i, l := range b.Leaves {
				out := mustRun(t, "batch", "verify", filepath.FromSlash(l.Path), "--proof", batchJSON)
				require.Equal(t, fmt.Sprintf("%d of 4 (%s)", i, l.Path), field(t, out, "leaf"))
				require.Equal(t, b.Root, field(t, out, "root"))
				require.Equal(t, l.Digest, field(t, out, "digest"))
				require.Contains(t, out, "offline: the audit path leads to the root")
			}
		})
	}
}

func TestBatchVerifyRefuses(t *testing.T) {
	dir, batchJSON, _ := buildBatch(t, "sha256")
	contract := filepath.Join(dir, "docs", "contract.txt")

	// A copy of a batch file elsewhere still proves by content.
	copyPath := filepath.Join(t.TempDir(), "copy.txt")
	require.NoError(t, os.WriteFile(copyPath, []byte("invoice 42"), 0o644))
	out := mustRun(t, "batch", "verify", copyPath, "--proof", batchJSON)
	require.Contains(t, field(t, out, "leaf"), "invoice.txt")

	// A file not in the batch.
	stranger := filepath.Join(t.TempDir(), "stranger.txt")
	require.NoError(t, os.WriteFile(stranger, []byte("never batched"), 0o644))
	_, err := run(t, "batch", "verify", stranger, "--proof", batchJSON)
	require.ErrorIs(t, err, cli.ErrNotInBatch)

	// A tampered file: same path, other content.
	require.NoError(t, os.WriteFile(contract, []byte("lease contract, 2027"), 0o644))
	_, err = run(t, "batch", "verify", contract, "--proof", batchJSON)
	require.ErrorIs(t, err, cli.ErrTampered)
	_, err = run(t, "batch", "proof", contract, "--proof", batchJSON, "--batch-id", "1")
	require.ErrorIs(t, err, cli.ErrTampered)

	// A tampered batch file: one node of an audit path changed.
	b, err := cli.ReadBatchFile(batchJSON)
	require.NoError(t, err)
	node := []byte(b.Leaves[2].AuditPath[0])
	node[0] ^= 1 // '0'..'f' stay hex digits under ^1
	b.Leaves[2].AuditPath[0] = string(node)
	bad := filepath.Join(t.TempDir(), "bad.json")
	writeJSON(t, bad, b)
	_, err = run(t, "batch", "verify", filepath.Join(dir, "invoice.txt"), "--proof", bad)
	require.ErrorContains(t, err, "does not prove it under root")

	// A wrong root.
	b, err = cli.ReadBatchFile(batchJSON)
	require.NoError(t, err)
	b.Root = strings.Repeat("00", 32)
	writeJSON(t, bad, b)
	_, err = run(t, "batch", "verify", filepath.Join(dir, "invoice.txt"), "--proof", bad)
	require.ErrorContains(t, err, "does not prove it under root")

	// Not a batch file.
	_, err = run(t, "batch", "verify", contract, "--proof", contract)
	require.ErrorContains(t, err, "is not a batch file")
	_, err = run(t, "batch", "verify", contract)
	require.ErrorContains(t, err, `"proof" not set`)
}

func TestBatchBuildRefusesToOverwrite(t *testing.T) {
	dir, batchJSON, _ := buildBatch(t, "sha256")
	before, err := os.ReadFile(batchJSON)
	require.NoError(t, err)
	_, err = run(t, "batch", "build", dir, "--out", batchJSON)
	require.ErrorContains(t, err, "exists")
	after, err := os.ReadFile(batchJSON)
	require.NoError(t, err)
	require.Equal(t, before, after)
	mustRun(t, "batch", "build", dir, "--out", batchJSON, "--force", "--algo", "sm3")
	b, err := cli.ReadBatchFile(batchJSON)
	require.NoError(t, err)
	require.Equal(t, "sm3", b.Algorithm)

	_, err = run(t, "batch", "build", t.TempDir(), "--out", filepath.Join(t.TempDir(), "b.json"))
	require.ErrorContains(t, err, "no regular files")
}

// TestBatchVerifyOneLeafFile: a batch file cut down to one leaf (what a
// file's owner is handed) still proves that file.
func TestBatchVerifyOneLeafFile(t *testing.T) {
	dir, batchJSON, _ := buildBatch(t, "sm3")
	b, err := cli.ReadBatchFile(batchJSON)
	require.NoError(t, err)
	b.Leaves = b.Leaves[2:3]
	one := filepath.Join(t.TempDir(), "one.json")
	writeJSON(t, one, b)
	out := mustRun(t, "batch", "verify", filepath.Join(dir, "invoice.txt"), "--proof", one)
	require.Equal(t, "2 of 4 ("+b.Leaves[0].Path+")", field(t, out, "leaf"))
}

// TestBatchVerifyJSON: --output json prints the offline result as one
// object; "anchored" appears only when a node was asked.
func TestBatchVerifyJSON(t *testing.T) {
	dir, batchJSON, out := buildBatch(t, "sha3-256")
	file := filepath.Join(dir, "photo.bin")
	got := mustRun(t, "batch", "verify", file, "--proof", batchJSON, "--output", "json")
	var r map[string]any
	require.NoError(t, json.Unmarshal([]byte(got), &r), got)
	d, err := cli.HashFile(types.HashAlgorithm_HASH_ALGORITHM_SHA3_256, file)
	require.NoError(t, err)
	require.Equal(t, map[string]any{
		"file": file, "digest": hex.EncodeToString(d), "algorithm": "sha3-256", "leaf_index": 3.0, "leaf_count": 4.0,
		"leaf_path": filepath.ToSlash(file), "root": field(t, out, "root"),
	}, r)
}

// TestBatchProofJSON: the proof prints as the JSON the autocli --proof flag
// reads (protojson: uint64 as strings, bytes as base64), and its nodes are
// the batch file's audit path.
func TestBatchProofJSON(t *testing.T) {
	dir, batchJSON, _ := buildBatch(t, "sha256")
	b, err := cli.ReadBatchFile(batchJSON)
	require.NoError(t, err)
	out := mustRun(t, "batch", "proof", filepath.Join(dir, "invoice.txt"), "--proof", batchJSON, "--batch-id", "7")
	var proof struct {
		BatchID   string   `json:"batch_id"`
		LeafIndex string   `json:"leaf_index"`
		Path      []string `json:"path"`
	}
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	require.NoError(t, dec.Decode(&proof), out)
	require.Equal(t, "7", proof.BatchID)
	require.Equal(t, strconv.Itoa(2), proof.LeafIndex)
	require.Len(t, proof.Path, len(b.Leaves[2].AuditPath))
	for i, p := range proof.Path {
		node, err := base64.StdEncoding.DecodeString(p)
		require.NoError(t, err)
		require.Equal(t, b.Leaves[2].AuditPath[i], hex.EncodeToString(node))
	}
	// autocli reads a message flag with protojson into a message of the
	// type's descriptor: decode the output the same way.
	desc, err := gogoproto.HybridResolver.FindDescriptorByName("trustcity.judicial.v1.InclusionProof")
	require.NoError(t, err)
	msg := dynamicpb.NewMessage(desc.(protoreflect.MessageDescriptor))
	require.NoError(t, protojson.Unmarshal([]byte(out), msg))
	fields := msg.Descriptor().Fields()
	require.Equal(t, uint64(7), msg.Get(fields.ByName("batch_id")).Uint())
	require.Equal(t, uint64(2), msg.Get(fields.ByName("leaf_index")).Uint())
	nodes := msg.Get(fields.ByName("path")).List()
	require.Equal(t, len(b.Leaves[2].AuditPath), nodes.Len())
	for i := range nodes.Len() {
		require.Equal(t, b.Leaves[2].AuditPath[i], hex.EncodeToString(nodes.Get(i).Bytes()))
	}

	// Leaf 0: the index prints as "0", not omitted.
	out = mustRun(t, "batch", "proof", filepath.Join(dir, "docs", "annex", "a1.txt"), "--proof", batchJSON, "--batch-id", "7")
	require.Contains(t, out, `"leaf_index":"0"`)

	// --query: the REST evidence report's parameters, path nodes in hex.
	out = mustRun(t, "batch", "proof", filepath.Join(dir, "invoice.txt"), "--proof", batchJSON, "--batch-id", "7", "--query")
	q, err := url.ParseQuery(strings.TrimSpace(out))
	require.NoError(t, err)
	require.Equal(t, url.Values{"batch_id": {"7"}, "leaf_index": {"2"}, "path": b.Leaves[2].AuditPath}, q)

	_, err = run(t, "batch", "proof", filepath.Join(dir, "invoice.txt"), "--proof", batchJSON)
	require.ErrorContains(t, err, "--batch-id is required")
}

func writeJSON(t *testing.T, name string, v any) {
	t.Helper()
	bz, err := json.Marshal(v)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(name, bz, 0o644))
}
