package scenario_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/module"

	"github.com/trustcity/trustcity/app"
	"github.com/trustcity/trustcity/testutil/apptest"
	"github.com/trustcity/trustcity/testutil/scenario"
	"github.com/trustcity/trustcity/testutil/signer"
)

func TestRowsBuildValidDeterministicMessages(t *testing.T) {
	env := scenario.Env{Accounts: signer.Addresses(signer.NewAccounts("scenario-test", 3)), Denom: app.BondDenom}
	require.Equal(t, scenario.BaselineName, scenario.All()[0].Name)
	seen := map[string]bool{}
	for _, s := range scenario.All() {
		require.False(t, seen[s.Name], "duplicate scenario %s", s.Name)
		seen[s.Name] = true
		require.NotZero(t, s.GasLimit, s.Name)
		for from := range env.Accounts {
			msgs := s.Msgs(env, from, 7)
			require.NotEmpty(t, msgs, s.Name)
			require.Equal(t, msgs, s.Msgs(env, from, 7), "%s is not deterministic", s.Name)
			for _, msg := range msgs {
				if v, ok := msg.(sdk.HasValidateBasic); ok {
					require.NoError(t, v.ValidateBasic(), s.Name)
				}
			}
		}
	}
}

func TestByName(t *testing.T) {
	s, err := scenario.ByName(scenario.BaselineName)
	require.NoError(t, err)
	require.Equal(t, scenario.BaselineName, s.Name)
	_, err = scenario.ByName("nope")
	require.ErrorContains(t, err, `unknown scenario "nope"`)
}

// TestGenesisRowsGiveValidGenesis checks every row that declares genesis
// state: it says why it needs it, the state is deterministic, and each
// module's genesis validation (which for x/identity imports it into a
// scratch store) accepts it.
func TestGenesisRowsGiveValidGenesis(t *testing.T) {
	a := apptest.New(t, apptest.Config{Accounts: 3})
	env := scenario.Env{Accounts: signer.Addresses(a.Accounts()), Denom: app.BondDenom}
	rows := 0
	for _, s := range scenario.All() {
		if s.Genesis == nil {
			require.Empty(t, s.GenesisReason, s.Name)
			continue
		}
		rows++
		require.NotEmpty(t, s.GenesisReason, s.Name)
		states := s.Genesis(env)
		require.NotEmpty(t, states, s.Name)
		require.Equal(t, states, s.Genesis(env), "%s is not deterministic", s.Name)
		for name, state := range states {
			basic, ok := a.BasicModuleManager[name].(module.HasGenesisBasics)
			require.True(t, ok, "%s: module %s", s.Name, name)
			bz, err := a.AppCodec().MarshalJSON(state)
			require.NoError(t, err)
			require.NoError(t, basic.ValidateGenesis(a.AppCodec(), a.TxConfig(), bz), "%s: module %s", s.Name, name)
		}
	}
	require.Positive(t, rows, "no row declares genesis state")
}
