package main

import (
	"testing"

	"github.com/stretchr/testify/require"

	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	"github.com/cosmos/gogoproto/proto"

	"github.com/trustcity/trustcity/testutil/apptest"
	"github.com/trustcity/trustcity/testutil/scenario"
	judicialtypes "github.com/trustcity/trustcity/x/evidence/types"
)

// TestAddGenesisImportsARowsState imports the identity-issue-credential
// row's genesis and delivers one of its transactions, which only succeeds
// when its signer is an issuer of a department.
func TestAddGenesisImportsARowsState(t *testing.T) {
	f := apptest.New(t, apptest.Config{Accounts: 4})
	env := newEnv(f)
	s, err := scenario.ByName("identity-issue-credential")
	require.NoError(t, err)
	require.NoError(t, addGenesis(f, s, env))

	res, err := f.DeliverMsgs(f.Accounts()[2], s.Msgs(env, 2, 0)...)
	require.NoError(t, err)
	require.Zero(t, res.Code, res.Log)

	// The same state again: the module no longer holds its default state.
	require.ErrorContains(t, addGenesis(f, s, env), `module "identity" no longer holds its default genesis state`)
}

// TestAddGenesisRefusesAModuleWithState: bank already holds the funded
// accounts' balances after the genesis block, so importing bank genesis
// state on top would double-count them.
func TestAddGenesisRefusesAModuleWithState(t *testing.T) {
	f := apptest.New(t, apptest.Config{Accounts: 2})
	s := scenario.Scenario{Name: "bank-genesis", Genesis: func(scenario.Env) map[string]proto.Message {
		return map[string]proto.Message{banktypes.ModuleName: banktypes.DefaultGenesisState()}
	}}
	require.ErrorContains(t, addGenesis(f, s, newEnv(f)), `module "bank" no longer holds its default genesis state`)

	s.Genesis = func(scenario.Env) map[string]proto.Message {
		return map[string]proto.Message{"nope": &banktypes.GenesisState{}}
	}
	require.ErrorContains(t, addGenesis(f, s, newEnv(f)), `module "nope" has no genesis to import into`)
}

// TestAddGenesisSkipsADefaultState: a row may name a module's default
// genesis, which the chain's genesis gave the module already; nothing is
// imported, even though x/judicial exports its fresh state with explicit
// next ids and so not as its default genesis.
func TestAddGenesisSkipsADefaultState(t *testing.T) {
	f := apptest.New(t, apptest.Config{Accounts: 2})
	s := scenario.Scenario{Name: "judicial-default", Genesis: func(scenario.Env) map[string]proto.Message {
		return map[string]proto.Message{judicialtypes.ModuleName: judicialtypes.DefaultGenesis()}
	}}
	require.NoError(t, addGenesis(f, s, newEnv(f)))
	require.NoError(t, addGenesis(f, s, newEnv(f)))
}
