package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	dbm "github.com/cosmos/cosmos-db"

	"github.com/trustcity/trustcity/testutil/scenario"
)

// minBlocks is the fewest measured blocks a median is reported over.
const minBlocks = 5

// options are the command's flags.
type options struct {
	Accounts   int
	BlockSize  int
	Blocks     int
	Warmup     int
	Scenarios  []string
	BlockSTM   bool
	JSONPath   string
	CPUProfile string
	MemProfile string
	DBBackend  string
	Dir        string
}

// parseOptions reads the flags in args.
func parseOptions(args []string, stderr io.Writer) (options, error) {
	var o options
	var scenarios string
	fs := flag.NewFlagSet("trustcity-bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: trustcity-bench [flags]\n\n"+
			"Executes blocks of pre-signed transactions through FinalizeBlock and Commit on a fresh\n"+
			"chain per scenario and reports throughput, gas and state written per transaction.\n\n")
		fs.PrintDefaults()
	}
	fs.IntVar(&o.Accounts, "accounts", 10_000, "funded accounts in genesis; transactions are spread over them")
	fs.IntVar(&o.BlockSize, "block-size", 2000, "transactions per block")
	fs.IntVar(&o.Blocks, "blocks", minBlocks, fmt.Sprintf("measured blocks per scenario (at least %d)", minBlocks))
	fs.IntVar(&o.Warmup, "warmup", 1, "blocks executed before measuring")
	var byDefault, onRequest []string
	for _, s := range scenario.All() {
		if s.OnRequest {
			onRequest = append(onRequest, s.Name)
		} else {
			byDefault = append(byDefault, s.Name)
		}
	}
	fs.StringVar(&scenarios, "scenarios", "", "comma-separated scenarios (default: "+strings.Join(byDefault, ", ")+
		"; run only when named, their setup taking minutes: "+strings.Join(onRequest, ", ")+"); "+scenario.BaselineName+" always runs, as the baseline")
	fs.BoolVar(&o.BlockSTM, "block-stm", true, "also run "+scenario.BaselineName+" with the Block-STM executor, as the row "+blockSTMRowName)
	fs.StringVar(&o.JSONPath, "json", "build/bench/results.json", "write the results as JSON to this file")
	fs.StringVar(&o.CPUProfile, "cpuprofile", "", "write a CPU profile (pprof) of the run to this file; samples are labelled scenario=<row> phase=setup|warmup|measured")
	fs.StringVar(&o.MemProfile, "memprofile", "", "write a heap profile (pprof) at the end of the run to this file")
	fs.StringVar(&o.DBBackend, "db", string(dbm.GoLevelDBBackend), "state database backend: goleveldb (a node's default) or memdb")
	fs.StringVar(&o.Dir, "dir", "", "directory for the databases, one subdirectory per scenario, kept afterwards (default: a temporary directory, removed)")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if fs.NArg() > 0 {
		return o, fmt.Errorf("unexpected arguments: %s", strings.Join(fs.Args(), " "))
	}
	if scenarios != "" {
		for _, name := range strings.Split(scenarios, ",") {
			if name = strings.TrimSpace(name); name != "" {
				o.Scenarios = append(o.Scenarios, name)
			}
		}
	}
	return o, o.validate()
}

// validate rejects options no meaningful run can come from.
func (o options) validate() error {
	switch {
	case o.Accounts < 2:
		return errors.New("-accounts must be at least 2")
	case o.BlockSize < 1:
		return errors.New("-block-size must be at least 1")
	case o.Blocks < minBlocks:
		return fmt.Errorf("-blocks must be at least %d", minBlocks)
	case o.Warmup < 0:
		return errors.New("-warmup must not be negative")
	case o.JSONPath == "":
		return errors.New("-json must name a file")
	}
	for _, name := range o.Scenarios {
		if _, err := scenario.ByName(name); err != nil {
			return err
		}
	}
	return nil
}
