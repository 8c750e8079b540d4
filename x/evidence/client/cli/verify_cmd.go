package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"

	"github.com/trustcity/trustcity/x/evidence/types"
)

// verifyReport is what `batch verify` found; --output json prints it.
type verifyReport struct {
	File      string `json:"file"`
	Digest    string `json:"digest"`
	Algorithm string `json:"algorithm"`
	LeafIndex uint64 `json:"leaf_index"`
	LeafCount uint64 `json:"leaf_count"`
	LeafPath  string `json:"leaf_path"`
	Root      string `json:"root"`
	// Anchored is set when a node was asked (--node).
	Anchored *anchorReport `json:"anchored,omitempty"`
}

// anchorReport is the batch that anchored the root, as the node reports it.
type anchorReport struct {
	BatchID    uint64 `json:"batch_id"`
	Time       string `json:"time"`
	Height     int64  `json:"height"`
	Department string `json:"department"`
	Depositor  string `json:"depositor"`
	TxHash     string `json:"tx_hash"`
}

func batchVerifyCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "verify FILE --proof batch.json [--node URL]",
		Short: "Check a file against a batch file offline, and with --node that the chain anchored its root",
		Long: `Recomputes the file's digest with the batch's algorithm, finds its leaf in the batch file and
checks the leaf's audit path against the root, without a node. With --node it also asks the chain
which batch anchored the root (id, time, height, depositing department) and has the node check the
proof; a root the chain never anchored is an error.`,
		Example: `trustcityd judicial batch verify contracts/lease.pdf --proof batch.json
trustcityd judicial batch verify contracts/lease.pdf --proof batch.json --node tcp://localhost:26657`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			b, leaf, digest, err := proveFile(cmd, args[0])
			if err != nil {
				return err
			}
			r := verifyReport{
				File: args[0], Digest: fmt.Sprintf("%x", digest), Algorithm: b.Algorithm,
				LeafIndex: leaf.LeafIndex, LeafCount: b.LeafCount, LeafPath: leaf.Path, Root: b.Root,
			}
			asJSON := false
			if o, _ := cmd.Flags().GetString(flags.FlagOutput); o == flags.OutputFormatJSON {
				asJSON = true
			}
			w := cmd.OutOrStdout()
			if !asJSON {
				// The offline result first: it stands even when the node cannot be asked.
				if err := writeOfflineText(w, r); err != nil {
					return err
				}
			}
			if cmd.Flags().Changed(flags.FlagNode) {
				clientCtx, err := client.GetClientQueryContext(cmd)
				if err != nil {
					return err
				}
				if r.Anchored, err = verifyOnChain(cmd.Context(), types.NewQueryClient(clientCtx), b, leaf); err != nil {
					return err
				}
				if !asJSON {
					return writeAnchorText(w, *r.Anchored)
				}
			}
			if asJSON {
				return json.NewEncoder(w).Encode(r)
			}
			return nil
		},
	}
	addProofFlag(cmd)
	flags.AddQueryFlagsToCmd(cmd)
	return cmd
}

func writeOfflineText(w io.Writer, r verifyReport) error {
	_, err := fmt.Fprintf(w, "file: %s\ndigest: %s\nalgorithm: %s\nleaf: %d of %d (%s)\nroot: %s\noffline: the audit path leads to the root\n",
		r.File, r.Digest, r.Algorithm, r.LeafIndex, r.LeafCount, r.LeafPath, r.Root)
	return err
}

func writeAnchorText(w io.Writer, a anchorReport) error {
	_, err := fmt.Fprintf(w, "on_chain: the node checked the proof against batch %d\nbatch_id: %d\nanchored_time: %s\nanchored_height: %d\ndepartment: %s\ndepositor: %s\ntx_hash: %s\n",
		a.BatchID, a.BatchID, a.Time, a.Height, a.Department, a.Depositor, a.TxHash)
	return err
}

// verifyOnChain looks the root up on the chain and has the node check the
// leaf's proof against the anchored batch.
func verifyOnChain(ctx context.Context, qc types.QueryClient, b *BatchFile, leaf BatchLeaf) (*anchorReport, error) {
	res, err := qc.BatchByRoot(ctx, &types.QueryBatchByRootRequest{Root: b.Root})
	if err != nil {
		// Over CometBFT RPC the gRPC code is lost; the message is kept.
		if status.Code(err) == codes.NotFound || strings.Contains(err.Error(), types.ErrBatchNotFound.Error()) {
			return nil, fmt.Errorf("root %s is not anchored on the chain: no batch has it (anchor it with tx judicial anchor-batch)", b.Root)
		}
		return nil, fmt.Errorf("asking the node for root %s: %w", b.Root, err)
	}
	batch := res.Batch
	if batch.Algorithm != b.HashAlgorithm() || batch.LeafCount != b.LeafCount {
		return nil, fmt.Errorf("batch %d anchors root %s as %d %s leaves; the batch file says %d %s leaves",
			batch.Id, b.Root, batch.LeafCount, batch.Algorithm.Short(), b.LeafCount, b.Algorithm)
	}
	vr, err := qc.VerifyInclusion(ctx, &types.QueryVerifyInclusionRequest{
		BatchId: batch.Id, Digest: leaf.Digest, LeafIndex: leaf.LeafIndex, Path: leaf.AuditPath,
	})
	if err != nil {
		return nil, fmt.Errorf("asking the node to check leaf %d of batch %d: %w", leaf.LeafIndex, batch.Id, err)
	}
	if !vr.Included {
		return nil, fmt.Errorf("the node refuses leaf %d of batch %d: %s", leaf.LeafIndex, batch.Id, vr.Reason)
	}
	return &anchorReport{
		BatchID: batch.Id, Time: batch.Time.UTC().Format(time.RFC3339), Height: batch.Height,
		Department: batch.DepartmentId, Depositor: batch.Depositor, TxHash: fmt.Sprintf("%X", batch.TxHash),
	}, nil
}
