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

	"github.com/trustcity/trustcity/app"
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
	// DigestsPerTx, when set, is how many evidence digests one transaction
	// fixes (the leaves of an anchored batch, for example): the block
	// benchmark then also reports digests per second. Zero counts as one.
	DigestsPerTx int
	// Prefill, when set, stores the history the row's transactions are
	// measured against (records a chain in service would already hold)
	// after the row's Genesis and before anything is signed or timed. Only
	// the block benchmark honours it: the load tool cannot store history in
	// a running chain (the rows declaring it here also declare Genesis, so
	// the load tool refuses them).
	Prefill *Prefill
	// OnRequest marks a row whose setup takes minutes: the block benchmark
	// runs it only when -scenarios names it.
	OnRequest bool
}

// Prefill is the history a row's chain holds before its transactions run.
type Prefill struct {
	// Records is how many records the history holds.
	Records int
	// Write stores records [from, to) of the history (counting from 0)
	// into ctx, on the app a chain runs. The benchmark calls it over
	// consecutive ranges, each written in its own branch and committed
	// with its own empty block, so no block holds a large history at once.
	// It must be deterministic.
	Write func(ctx sdk.Context, a *app.App, env Env, from, to int) error
}

// Digests returns how many digests one transaction of the row fixes.
func (s Scenario) Digests() int { return max(s.DigestsPerTx, 1) }

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
