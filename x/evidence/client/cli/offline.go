// Package cli holds the `trustcityd judicial` tools: hashing files and
// building and checking RFC 6962 batches of them, offline. The module's
// tx and query commands are autocli's (x/evidence/autocli.go).
package cli

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client/flags"

	"github.com/trustcity/trustcity/x/evidence/types"
)

const flagAlgo = "algo"

// Cmd returns the `judicial` command group. Its commands work without a
// node and do not read or create the node's home; only `batch verify
// --node` sets up a client as query commands do.
func Cmd() *cobra.Command {
	var group *cobra.Command
	group = &cobra.Command{
		Use:   "judicial",
		Short: "Offline evidence tools: hash files, build and check Merkle batches",
		Long: `Offline tools for judicial deposits. Digests and batch roots are computed here,
on the depositor's machine; only they go on chain (tx judicial deposit, tx judicial anchor-batch).
Batches are RFC 6962 Merkle trees (leaf = H(0x00 || digest), node = H(0x01 || left || right))
over the files' digests, with the same hash function for both.`,
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
		// The nearest ancestor's hook (the root's: config files, client
		// context, logging) runs only for a command that talks to a node.
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			if f := cmd.Flags().Lookup(flags.FlagNode); f == nil || !f.Changed {
				return nil
			}
			for p := group.Parent(); p != nil; p = p.Parent() {
				if p.PersistentPreRunE != nil {
					return p.PersistentPreRunE(cmd, args)
				}
			}
			return nil
		},
	}
	group.AddCommand(hashCmd(), batchCmd())
	return group
}

func addAlgoFlag(cmd *cobra.Command) {
	cmd.Flags().String(flagAlgo, "sha256", "hash algorithm: sha256, sha3-256 or sm3")
}

func algoFlag(cmd *cobra.Command) (types.HashAlgorithm, error) {
	s, err := cmd.Flags().GetString(flagAlgo)
	if err != nil {
		return 0, err
	}
	return types.ParseAlgorithm(s)
}

func hashCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "hash FILE...",
		Short: "Print each file's digest as \"<hex digest>  <file>\" (- reads standard input)",
		Example: `trustcityd judicial hash contract.pdf
trustcityd judicial hash --algo sm3 contract.pdf annex.pdf
trustcityd tx judicial deposit $(trustcityd judicial hash contract.pdf | cut -d' ' -f1) sha256 e-contract --from notary-admin`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			alg, err := algoFlag(cmd)
			if err != nil {
				return err
			}
			for _, name := range args {
				var digest []byte
				if name == "-" {
					digest, err = hashReader(alg, cmd.InOrStdin())
				} else {
					digest, err = HashFile(alg, name)
				}
				if err != nil {
					return err
				}
				if _, err := fmt.Fprintf(cmd.OutOrStdout(), "%x  %s\n", digest, name); err != nil {
					return err
				}
			}
			return nil
		},
	}
	addAlgoFlag(cmd)
	return cmd
}

// HashFile streams a file through the algorithm's hash.
func HashFile(alg types.HashAlgorithm, name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil {
		return nil, err
	} else if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", name)
	}
	digest, err := hashReader(alg, f)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	return digest, nil
}

func hashReader(alg types.HashAlgorithm, r io.Reader) ([]byte, error) {
	h := alg.New()
	if h == nil {
		return nil, fmt.Errorf("unknown algorithm %d", alg)
	}
	if _, err := io.Copy(h, r); err != nil {
		return nil, err
	}
	return h.Sum(nil), nil
}

// CollectFiles expands the arguments of `batch build` into the files of
// the batch, in order: a file as given, a directory as its regular files
// at any depth in byte order of their paths (symbolic links and other
// special files inside it are skipped). A file named twice counts once.
func CollectFiles(args []string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	add := func(p string) {
		if key := filepath.Clean(p); !seen[key] {
			seen[key] = true
			out = append(out, p)
		}
	}
	for _, arg := range args {
		info, err := os.Stat(arg)
		if err != nil {
			return nil, err
		}
		switch {
		case info.Mode().IsRegular():
			add(arg)
		case info.IsDir():
			var files []string
			err := filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
				if err != nil {
					return err
				}
				if d.Type().IsRegular() {
					files = append(files, p)
				}
				return nil
			})
			if err != nil {
				return nil, err
			}
			slices.SortFunc(files, func(a, b string) int {
				return strings.Compare(filepath.ToSlash(a), filepath.ToSlash(b))
			})
			for _, f := range files {
				add(f)
			}
		default:
			return nil, fmt.Errorf("%s is neither a regular file nor a directory", arg)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no regular files in %v", args)
	}
	return out, nil
}
