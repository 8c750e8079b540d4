// Package scenario is the table of transaction workloads that the block
// benchmark (cmd/trustcity-bench) and the load tool (cmd/trustcity-load)
// measure. A module adds its workload by adding one row to rows: a name and a
// message factory, and, when its transactions need more than funded
// accounts, the genesis state they need. The bank-send row is the baseline
// every other row is compared with.
package scenario

import (
	"fmt"
	"strings"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/gogoproto/proto"
)

// Env is what a message factory may use.
type Env struct {
	// Accounts are the funded accounts, in a fixed order.
	Accounts []sdk.AccAddress
	// Denom is the fee and transfer denomination.
	Denom string
}

// Scenario is one workload: every transaction of it is built by Msgs.
type Scenario struct {
	// Name identifies the row on the command line and in reports.
	Name string
	// Description says in a few words what one transaction does.
	Description string
	// GasLimit is the gas each transaction declares.
	GasLimit uint64
	// Msgs returns the messages of the n-th transaction (n counts from 0)
	// signed by Accounts[from]. It must be deterministic and must not fail
	// for any from in range and n >= 0.
	Msgs func(env Env, from, n int) []sdk.Msg
	// Genesis, when set, returns the state the row's transactions need
	// besides funded accounts, as genesis states by module name (a
	// department whose members may issue credentials, for example). It
	// must be deterministic. Only a chain started for the row can hold
	// such state: the block benchmark adds it to its chain's genesis, and
	// the load tool, which loads a chain that is already running, refuses
	// the row, quoting GenesisReason.
	Genesis func(env Env) map[string]proto.Message
	// GenesisReason says in a few words why the row needs Genesis.
	GenesisReason string
}

// BaselineName is the row every other row's throughput is compared with.
const BaselineName = "bank-send"

// All returns every scenario, the baseline first.
func All() []Scenario {
	return append([]Scenario(nil), rows...)
}

// ByName returns the named scenario.
func ByName(name string) (Scenario, error) {
	for _, s := range rows {
		if s.Name == name {
			return s, nil
		}
	}
	return Scenario{}, fmt.Errorf("unknown scenario %q; known: %s", name, strings.Join(Names(), ", "))
}

// Names returns the names of every scenario.
func Names() []string {
	names := make([]string, len(rows))
	for i, s := range rows {
		names[i] = s.Name
	}
	return names
}
