package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	dbm "github.com/cosmos/cosmos-db"

	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/server"
	serverconfig "github.com/cosmos/cosmos-sdk/server/config"
	"github.com/cosmos/cosmos-sdk/store/v2"
	pruningtypes "github.com/cosmos/cosmos-sdk/store/v2/pruning/types"

	"github.com/trustcity/trustcity/testutil/apptest"
)

// startChain starts a fresh chain for r in dir: the node's database backend,
// the node's default store settings, r's block executor, o.Accounts funded
// accounts and one validator.
func startChain(o options, r row, dir string) (*apptest.App, error) {
	db, err := dbm.NewDB("application", dbm.BackendType(o.DBBackend), filepath.Join(dir, "data"))
	if err != nil {
		return nil, fmt.Errorf("opening the %s database: %w", o.DBBackend, err)
	}
	f, err := apptest.Start(apptest.Config{
		Accounts:   o.Accounts,
		Validators: 1,
		DB:         db,
		AppOptions: map[string]any{
			flags.FlagHome:           dir,
			server.FlagBlockExecutor: r.Executor,
		},
		BaseAppOptions: nodeStoreOptions(),
	})
	if err != nil {
		_ = db.Close()
		return nil, err
	}
	return f, nil
}

// nodeStoreOptions are the store settings of a node started with the
// default app.toml (inter-block cache, IAVL cache size and fast nodes,
// pruning), so the benchmark reads and writes state as a node does.
func nodeStoreOptions() []func(*baseapp.BaseApp) {
	cfg := serverconfig.DefaultConfig()
	opts := []func(*baseapp.BaseApp){
		baseapp.SetPruning(pruningtypes.NewPruningOptionsFromString(cfg.Pruning)),
		baseapp.SetIAVLCacheSize(int(cfg.IAVLCacheSize)),
		baseapp.SetIAVLDisableFastNode(cfg.IAVLDisableFastNode),
	}
	if cfg.InterBlockCache {
		opts = append(opts, baseapp.SetInterBlockCache(store.NewCommitKVStoreCacheManager()))
	}
	return opts
}

// rowDir returns the directory of r's chain and a function that removes it
// when it is temporary. Under -dir each row gets a fresh subdirectory, kept.
func rowDir(o options, r row) (string, func(), error) {
	if o.Dir == "" {
		dir, err := os.MkdirTemp("", "trustcity-bench-")
		if err != nil {
			return "", nil, err
		}
		return dir, func() { _ = os.RemoveAll(dir) }, nil
	}
	dir := filepath.Join(o.Dir, slug(r.Name))
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return "", nil, fmt.Errorf("%s is not empty: a benchmark starts from genesis", dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", nil, err
	}
	return dir, func() {}, nil
}

// slug turns a row name into a directory name.
func slug(name string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-':
			return r
		case r >= 'A' && r <= 'Z':
			return r - 'A' + 'a'
		default:
			return '_'
		}
	}, name)
}
