package main

import (
	serverconfig "github.com/cosmos/cosmos-sdk/server/config"

	"github.com/trustcity/trustcity/testutil/scenario"
)

// blockSTMRowName names the baseline executed with Block-STM.
const blockSTMRowName = scenario.BaselineName + " (block-stm)"

// row is one line of the report: a scenario run with one block executor.
type row struct {
	Name     string
	Scenario scenario.Scenario
	// Executor is the node's block-executor setting (server.FlagBlockExecutor).
	Executor string
}

// plan returns the rows to run: the baseline first (every ratio needs it),
// then the chosen scenarios in table order (by default every scenario but
// those run on request only), then the baseline on Block-STM.
func plan(o options) []row {
	chosen := map[string]bool{scenario.BaselineName: true}
	for _, name := range o.Scenarios {
		chosen[name] = true
	}
	var rows []row
	for _, s := range scenario.All() {
		if chosen[s.Name] || len(o.Scenarios) == 0 && !s.OnRequest {
			rows = append(rows, row{Name: s.Name, Scenario: s, Executor: serverconfig.BlockExecutorSequential})
		}
	}
	if o.BlockSTM {
		baseline, _ := scenario.ByName(scenario.BaselineName)
		rows = append(rows, row{Name: blockSTMRowName, Scenario: baseline, Executor: serverconfig.BlockExecutorBlockSTM})
	}
	return rows
}
