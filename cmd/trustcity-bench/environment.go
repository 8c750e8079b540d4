package main

import (
	"os/exec"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/cosmos/cosmos-sdk/version"

	"github.com/trustcity/trustcity/cmd/trustcityd/cmd"
)

// runConfig is what a result depends on besides the code: the workload's
// size and the machine that ran it.
type runConfig struct {
	Accounts   int    `json:"accounts"`
	BlockSize  int    `json:"block_size"`
	Blocks     int    `json:"blocks"`
	Warmup     int    `json:"warmup"`
	DBBackend  string `json:"db_backend"`
	GoVersion  string `json:"go_version"`
	OS         string `json:"os"`
	Arch       string `json:"arch"`
	NumCPU     int    `json:"num_cpu"`
	GOMAXPROCS int    `json:"gomaxprocs"`
	// BlockSTMWorkers is the Block-STM row's parallelism: the node's
	// default, min(GOMAXPROCS, NumCPU).
	BlockSTMWorkers int    `json:"block_stm_workers"`
	Commit          string `json:"commit"`
	// MinGasPrice is a new node's minimum gas price; every transaction pays
	// its gas limit times this.
	MinGasPrice string `json:"min_gas_price"`
}

// newRunConfig records o and the machine.
func newRunConfig(o options) runConfig {
	return runConfig{
		Accounts: o.Accounts, BlockSize: o.BlockSize, Blocks: o.Blocks, Warmup: o.Warmup,
		DBBackend: o.DBBackend,
		GoVersion: runtime.Version(), OS: runtime.GOOS, Arch: runtime.GOARCH,
		NumCPU: runtime.NumCPU(), GOMAXPROCS: runtime.GOMAXPROCS(0),
		BlockSTMWorkers: min(runtime.GOMAXPROCS(0), runtime.NumCPU()),
		Commit:          commit(),
		MinGasPrice:     cmd.DefaultMinGasPrices,
	}
}

// commit names the code measured: the commit stamped by the Makefile's
// linker flags, else the one Go stamped into the binary, else the working
// tree's (go run stamps none); "-dirty" marks uncommitted changes.
func commit() string {
	if version.Commit != "" {
		return version.Commit
	}
	if info, ok := debug.ReadBuildInfo(); ok {
		var rev, modified string
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value
			}
		}
		if rev != "" {
			if modified == "true" {
				rev += "-dirty"
			}
			return rev
		}
	}
	out, err := exec.Command("git", "rev-parse", "HEAD").Output()
	if err != nil {
		return "unknown"
	}
	rev := strings.TrimSpace(string(out))
	if status, err := exec.Command("git", "status", "--porcelain").Output(); err == nil && len(status) > 0 {
		rev += "-dirty"
	}
	return rev
}
