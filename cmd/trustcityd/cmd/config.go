package cmd

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/creachadair/tomledit"
	"github.com/creachadair/tomledit/parser"
	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
)

// configFiles maps the names accepted by `trustcityd config` to the files under <home>/config.
var configFiles = map[string]string{
	"app":    "app.toml",
	"client": "client.toml",
	"comet":  "config.toml",
}

// configCmd reads and edits a node's TOML configuration in place, keeping comments.
func configCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "config",
		Short: "View and edit the node's configuration files (app, client, comet)",
		Long: `View and edit <home>/config/{app,client,config}.toml in place, keeping their comments.
FILE is one of: app (app.toml), client (client.toml), comet (config.toml).
KEY is a dotted path such as api.enable or consensus.timeout_commit.`,
		RunE: client.ValidateCmd,
	}
	cmd.AddCommand(
		&cobra.Command{
			Use:     "view FILE",
			Short:   "Print a configuration file",
			Example: "trustcityd config view app",
			Args:    cobra.ExactArgs(1),
			RunE: func(cmd *cobra.Command, args []string) error {
				path, err := configPath(cmd, args[0])
				if err != nil {
					return err
				}
				bz, err := os.ReadFile(path)
				if err != nil {
					return err
				}
				_, err = cmd.OutOrStdout().Write(bz)
				return err
			},
		},
		&cobra.Command{
			Use:     "get FILE KEY",
			Short:   "Print the value of one key",
			Example: "trustcityd config get client chain-id",
			Args:    cobra.ExactArgs(2),
			RunE: func(cmd *cobra.Command, args []string) error {
				_, entry, err := loadEntry(cmd, args[0], args[1])
				if err != nil {
					return err
				}
				cmd.Println(entry.Value.String())
				return nil
			},
		},
		&cobra.Command{
			Use:   "set FILE KEY VALUE",
			Short: "Set the value of an existing key",
			Long: `Set the value of an existing key. VALUE is read as a TOML value (true, 10, "text", [..]);
anything that is not a valid TOML value is stored as a string.`,
			Example: "trustcityd config set app minimum-gas-prices 0.001utcity",
			Args:    cobra.ExactArgs(3),
			RunE: func(cmd *cobra.Command, args []string) error {
				path, err := configPath(cmd, args[0])
				if err != nil {
					return err
				}
				doc, entry, err := loadEntry(cmd, args[0], args[1])
				if err != nil {
					return err
				}
				value, err := parser.ParseValue(args[2])
				if err != nil {
					value = parser.MustValue(fmt.Sprintf("%q", args[2]))
				}
				entry.Value = value.WithComment(entry.Value.Trailer)
				var buf bytes.Buffer
				if err := tomledit.Format(&buf, doc); err != nil {
					return err
				}
				return os.WriteFile(path, buf.Bytes(), 0o600)
			},
		},
	)
	return cmd
}

// configPath returns the path of the named configuration file of the command's home.
func configPath(cmd *cobra.Command, name string) (string, error) {
	file, ok := configFiles[name]
	if !ok {
		return "", fmt.Errorf("unknown configuration file %q: use app, client or comet", name)
	}
	return filepath.Join(client.GetClientContextFromCmd(cmd).HomeDir, "config", file), nil
}

// loadEntry parses the named file and finds the key-value mapping at key.
func loadEntry(cmd *cobra.Command, name, key string) (*tomledit.Document, *tomledit.Entry, error) {
	path, err := configPath(cmd, name)
	if err != nil {
		return nil, nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	doc, err := tomledit.Parse(f)
	if err != nil {
		return nil, nil, fmt.Errorf("parsing %s: %w", path, err)
	}
	entry := doc.First(strings.Split(key, ".")...)
	if entry == nil || !entry.IsMapping() {
		return nil, nil, fmt.Errorf("key %q not found in %s", key, path)
	}
	return doc, entry, nil
}
