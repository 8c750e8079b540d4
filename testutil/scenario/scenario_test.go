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
	fundskeeper "github.com/trustcity/trustcity/x/funds/keeper"
	fundstypes "github.com/trustcity/trustcity/x/funds/types"
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

// TestFundsRowPays prepares a chain as the block benchmark does for
// funds-disbursement (the row's genesis imported after the genesis block,
// then its history stored, each committed by a block) and delivers one of
// its transactions: it is paid at once, the beneficiary receives the coins
// and the ledger gains the entry.
func TestFundsRowPays(t *testing.T) {
	f := apptest.New(t, apptest.Config{Accounts: 3})
	env := scenario.Env{Accounts: signer.Addresses(f.Accounts()), Denom: app.BondDenom}
	s, err := scenario.ByName("funds-disbursement")
	require.NoError(t, err)
	commit := func(write func(ctx sdk.Context)) {
		cms := f.CommitMultiStore().CacheMultiStore()
		write(f.Context().WithMultiStore(cms))
		cms.Write()
		_, err := f.DeliverBlock()
		require.NoError(t, err)
	}
	commit(func(ctx sdk.Context) {
		for name, state := range s.Genesis(env) {
			mod, ok := f.ModuleManager.Modules[name].(module.HasGenesis)
			require.True(t, ok, name)
			mod.InitGenesis(ctx, f.AppCodec(), f.AppCodec().MustMarshalJSON(state))
		}
	})
	commit(func(ctx sdk.Context) {
		require.NoError(t, s.Prefill.Write(ctx, f.App, env, 0, s.Prefill.Records))
	})

	msgs := s.Msgs(env, 1, 4)
	pay := msgs[0].(*fundstypes.MsgDisburse)
	before := f.BankKeeper.GetBalance(f.Context(), env.Accounts[2], app.BondDenom).Amount
	tx, err := f.DeliverMsgs(f.Accounts()[1], msgs...)
	require.NoError(t, err)
	require.Zero(t, tx.Code, tx.Log)
	require.Equal(t, before.Add(pay.Amount.Amount), f.BankKeeper.GetBalance(f.Context(), env.Accounts[2], app.BondDenom).Amount)
	d, err := f.FundsKeeper.Disbursements.Get(f.Context(), 1)
	require.NoError(t, err)
	require.Equal(t, fundstypes.DisbursementStatus_DISBURSEMENT_STATUS_PAID, d.Status)
	require.Equal(t, pay.AllocationId, d.AllocationId)
	next, err := f.FundsKeeper.LedgerSeq.Peek(f.Context())
	require.NoError(t, err)
	require.Equal(t, uint64(2*s.Prefill.Records+2), next, "one ledger entry per funding, allocation and payment")
	checks := invariants{}
	fundskeeper.RegisterInvariants(checks, f.FundsKeeper)
	for name, check := range checks {
		require.NoError(t, check(f.Context()), name)
	}
}

type invariants map[string]func(sdk.Context) error

func (i invariants) Register(module, name string, check func(sdk.Context) error) {
	i[module+"/"+name] = check
}
