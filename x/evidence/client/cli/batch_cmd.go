package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/codec"

	"github.com/trustcity/trustcity/x/evidence/types"
)

const (
	flagOut     = "out"
	flagForce   = "force"
	flagProof   = "proof"
	flagBatchID = "batch-id"
	flagQuery   = "query"
)

func batchCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "batch",
		Short: "Build a Merkle batch of files, prove one file's inclusion",
		RunE:  func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(batchBuildCmd(), batchVerifyCmd(), batchProofCmd())
	return cmd
}

func batchBuildCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "build DIR|FILE...",
		Short: "Hash files, build their RFC 6962 tree and write the root and every file's audit path",
		Long: `Hashes the files (a directory: its regular files at any depth, in byte order of their
paths), builds the RFC 6962 Merkle tree over the digests in that order with the same algorithm,
prints the root and the leaf count, and writes the batch file: algorithm, root, leaf count and,
per file, its path as given, digest, leaf index and audit path. Keep the batch file: it holds the
proofs. Anchor the root with tx judicial anchor-batch.`,
		Example: `trustcityd judicial batch build contracts/ --out batch.json
trustcityd tx judicial anchor-batch <root> <leaf_count> sha256 e-contract --from notary-admin`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			alg, err := algoFlag(cmd)
			if err != nil {
				return err
			}
			out, _ := cmd.Flags().GetString(flagOut)
			force, _ := cmd.Flags().GetBool(flagForce)
			if _, err := os.Stat(out); err == nil && !force {
				return fmt.Errorf("%s exists (it may hold the proofs of an anchored batch): choose another --out or pass --force", out)
			}
			files, err := CollectFiles(args)
			if err != nil {
				return err
			}
			digests := make([][]byte, len(files))
			for i, f := range files {
				if digests[i], err = HashFile(alg, f); err != nil {
					return err
				}
			}
			b, err := NewBatchFile(alg, files, digests)
			if err != nil {
				return err
			}
			if err := writeJSON(out, b); err != nil {
				return err
			}
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "root: %s\nleaf_count: %d\nalgorithm: %s\nout: %s\n", b.Root, b.LeafCount, b.Algorithm, out)
			return err
		},
	}
	addAlgoFlag(cmd)
	cmd.Flags().String(flagOut, "batch.json", "batch file to write")
	cmd.Flags().Bool(flagForce, false, "overwrite the batch file if it exists")
	return cmd
}

// writeJSON writes v through a temporary file, so an interrupted run never
// leaves half a batch file.
func writeJSON(name string, v any) error {
	bz, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), ".batch-*.json")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(append(bz, '\n')); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}

// proveFile hashes file with the batch's algorithm and proves it offline.
func proveFile(cmd *cobra.Command, file string) (*BatchFile, BatchLeaf, []byte, error) {
	name, _ := cmd.Flags().GetString(flagProof)
	b, err := ReadBatchFile(name)
	if err != nil {
		return nil, BatchLeaf{}, nil, err
	}
	digest, err := HashFile(b.HashAlgorithm(), file)
	if err != nil {
		return nil, BatchLeaf{}, nil, err
	}
	leaf, err := b.Prove(file, digest)
	return b, leaf, digest, err
}

func addProofFlag(cmd *cobra.Command) {
	cmd.Flags().String(flagProof, "", "batch file written by judicial batch build")
	_ = cmd.MarkFlagRequired(flagProof)
}

func batchProofCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "proof FILE --proof batch.json --batch-id ID",
		Short: "Print a file's inclusion proof as the JSON that tx judicial record-verification/record-custody --proof take",
		Long: `Checks the file against the batch file offline, then prints its InclusionProof message as JSON
(batch_id and leaf_index as strings, path nodes in base64), for the --proof flag of
tx judicial record-verification and tx judicial record-custody. The batch id is the one the chain
gave the anchored root (query judicial batch-by-root <root>). With --query it prints the same proof
as the query string of the REST evidence report instead:
/trustcity/judicial/v1/evidence/<digest>?batch_id=..&leaf_index=..&path=<hex>&path=<hex>`,
		Example: `PROOF=$(trustcityd judicial batch proof contracts/lease.pdf --proof batch.json --batch-id 1)
trustcityd tx judicial record-verification <digest> "(2026) case 123" matched --proof "$PROOF" --from court-admin`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, _ := cmd.Flags().GetUint64(flagBatchID)
			if id == 0 {
				return errors.New("--batch-id is required (batch ids start at 1)")
			}
			_, leaf, _, err := proveFile(cmd, args[0])
			if err != nil {
				return err
			}
			if asQuery, _ := cmd.Flags().GetBool(flagQuery); asQuery {
				q := url.Values{"batch_id": {strconv.FormatUint(id, 10)}, "leaf_index": {strconv.FormatUint(leaf.LeafIndex, 10)}, "path": leaf.AuditPath}
				_, err = fmt.Fprintf(cmd.OutOrStdout(), "%s\n", q.Encode())
				return err
			}
			path, err := leaf.auditPath()
			if err != nil {
				return err
			}
			bz, err := codec.ProtoMarshalJSON(&types.InclusionProof{BatchId: id, LeafIndex: leaf.LeafIndex, Path: path}, nil)
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "%s\n", bz)
			return err
		},
	}
	addProofFlag(cmd)
	cmd.Flags().Uint64(flagBatchID, 0, "id of the batch that anchored the root")
	cmd.Flags().Bool(flagQuery, false, "print the proof as the query string of the REST evidence report (batch_id, leaf_index, hex path nodes) instead")
	return cmd
}
