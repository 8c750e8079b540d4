package scenario_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/app"
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
