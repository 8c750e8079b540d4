package cli

import (
	"bytes"
	"context"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/spf13/cobra"
	"github.com/stretchr/testify/require"
	"google.golang.org/grpc"

	"github.com/trustcity/trustcity/x/evidence/types"
)

// fakeQuery answers BatchByRoot and VerifyInclusion as a node would; the
// other methods are not called.
type fakeQuery struct {
	types.QueryClient
	batch    *types.Batch // nil: the root is not anchored
	included bool
	reason   string
	asked    *types.QueryVerifyInclusionRequest
}

func (f *fakeQuery) BatchByRoot(_ context.Context, req *types.QueryBatchByRootRequest, _ ...grpc.CallOption) (*types.QueryBatchByRootResponse, error) {
	if f.batch == nil || hex.EncodeToString(f.batch.Root) != req.Root {
		return nil, types.ErrBatchNotFound.Wrapf("root %s", req.Root)
	}
	return &types.QueryBatchByRootResponse{Batch: *f.batch}, nil
}

func (f *fakeQuery) VerifyInclusion(_ context.Context, req *types.QueryVerifyInclusionRequest, _ ...grpc.CallOption) (*types.QueryVerifyInclusionResponse, error) {
	f.asked = req
	return &types.QueryVerifyInclusionResponse{Included: f.included, Reason: f.reason, Batch: *f.batch}, nil
}

func onlineFixture(t *testing.T) (*BatchFile, BatchLeaf, *types.Batch) {
	t.Helper()
	dir := t.TempDir()
	var files []string
	var digests [][]byte
	for _, name := range []string{"a.txt", "b.txt", "c.txt"} {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte("content of "+name), 0o644))
		d, err := HashFile(types.HashAlgorithm_HASH_ALGORITHM_SM3, p)
		require.NoError(t, err)
		files, digests = append(files, p), append(digests, d)
	}
	b, err := NewBatchFile(types.HashAlgorithm_HASH_ALGORITHM_SM3, files, digests)
	require.NoError(t, err)
	leaf, err := b.Prove(files[1], digests[1])
	require.NoError(t, err)
	root, _ := hex.DecodeString(b.Root)
	anchored := &types.Batch{
		Id: 4, Root: root, LeafCount: 3, Algorithm: types.HashAlgorithm_HASH_ALGORITHM_SM3, DepartmentId: "notary",
		Depositor: "tcity1depositor", Height: 57, Time: time.Date(2026, 11, 5, 9, 30, 0, 0, time.UTC), TxHash: []byte{0xab, 0xcd},
	}
	return b, leaf, anchored
}

func verifyWith(t *testing.T, q *fakeQuery, b *BatchFile, leaf BatchLeaf) (string, error) {
	t.Helper()
	a, err := verifyOnChain(context.Background(), q, b, leaf)
	if err != nil {
		return "", err
	}
	var out bytes.Buffer
	require.NoError(t, writeAnchorText(&out, *a))
	return out.String(), nil
}

func TestVerifyOnChain(t *testing.T) {
	b, leaf, anchored := onlineFixture(t)

	q := &fakeQuery{batch: anchored, included: true}
	out, err := verifyWith(t, q, b, leaf)
	require.NoError(t, err)
	require.Equal(t, "on_chain: the node checked the proof against batch 4\nbatch_id: 4\nanchored_time: 2026-11-05T09:30:00Z\n"+
		"anchored_height: 57\ndepartment: notary\ndepositor: tcity1depositor\ntx_hash: ABCD\n", out)
	require.Equal(t, &types.QueryVerifyInclusionRequest{BatchId: 4, Digest: leaf.Digest, LeafIndex: 1, Path: leaf.AuditPath}, q.asked)

	_, err = verifyWith(t, &fakeQuery{}, b, leaf)
	require.ErrorContains(t, err, "root "+b.Root+" is not anchored on the chain")

	_, err = verifyWith(t, &fakeQuery{batch: anchored, included: false, reason: "merkle: the audit path does not lead to the root"}, b, leaf)
	require.ErrorContains(t, err, "the node refuses leaf 1 of batch 4: merkle: the audit path does not lead to the root")

	other := *anchored
	other.LeafCount = 5
	_, err = verifyWith(t, &fakeQuery{batch: &other, included: true}, b, leaf)
	require.ErrorContains(t, err, "anchors root "+b.Root+" as 5 sm3 leaves; the batch file says 3 sm3 leaves")
}

// TestNodeFlagRunsRootHook: the group skips the root's pre-run hook (config
// files, client context) unless --node is given.
func TestNodeFlagRunsRootHook(t *testing.T) {
	b, _, _ := onlineFixture(t)
	proof := filepath.Join(t.TempDir(), "batch.json")
	require.NoError(t, writeJSON(proof, b))

	hooked := 0
	root := &cobra.Command{Use: "root", PersistentPreRunE: func(*cobra.Command, []string) error { hooked++; return nil }}
	root.AddCommand(Cmd())
	exec := func(args ...string) error {
		root.SetArgs(args)
		root.SetOut(&bytes.Buffer{})
		root.SetErr(&bytes.Buffer{})
		return root.Execute()
	}
	file := filepath.FromSlash(b.Leaves[0].Path)
	require.NoError(t, exec("judicial", "hash", file))
	require.NoError(t, exec("judicial", "batch", "verify", file, "--proof", proof))
	require.Equal(t, 0, hooked)
	// The client context is missing here, so the query fails after the hook.
	require.Error(t, exec("judicial", "batch", "verify", file, "--proof", proof, "--node", "tcp://127.0.0.1:1"))
	require.Equal(t, 1, hooked)
}
