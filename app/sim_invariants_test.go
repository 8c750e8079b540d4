package app

import (
	"errors"
	"testing"

	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"
	govv1 "github.com/cosmos/cosmos-sdk/x/gov/types/v1"
	minttypes "github.com/cosmos/cosmos-sdk/x/mint/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	fundstypes "github.com/trustcity/trustcity/x/funds/types"
)

// invariantTestChain returns an app a few blocks into a chain started from
// the default genesis with one validator, and a context on its committed state.
func invariantTestChain(t *testing.T) (*App, sdk.Context) {
	t.Helper()
	a := newTestApp(t)
	initChain(t, a, defaultGenesisWithValidator(t, a), 1, nil)
	finalizeEmptyBlocks(t, a, 3)
	return a, a.NewContextLegacy(true, cmtproto.Header{Height: a.LastBlockHeight(), Time: genesisTime})
}

func TestInvariantsHoldOnNewChain(t *testing.T) {
	a, ctx := invariantTestChain(t)
	reg := a.Invariants()
	require.Equal(t, []string{
		"bank/total-supply",
		"staking/pool-balances",
		"staking/delegator-shares",
		"distribution/nonnegative-outstanding",
		"distribution/module-balance",
		"distribution/reference-count",
		"gov/deposits-held",
		"identity/child-subset",
		"identity/member-subset",
		"identity/holder-counts",
		"identity/indexes",
		"judicial/evidence-indexes",
		"judicial/batch-indexes",
		"judicial/verification-indexes",
		"judicial/custody-sequences",
		"datashare/dataset-versions",
		"datashare/dataset-rules",
		"datashare/request-indexes",
		"datashare/grant-pointers",
		"datashare/consent-pointers",
		"datashare/expiry-queue",
		"funds/escrow-balance",
		"funds/allocation-tree",
		"funds/ledger-totals",
		"funds/open-items",
	}, reg.Routes())
	require.NoError(t, reg.Check(ctx))
}

// TestInvariantsDetectBrokenState breaks each property the invariants guard,
// bypassing the keepers' rules, and requires the matching invariant to report it.
func TestInvariantsDetectBrokenState(t *testing.T) {
	a, ctx := invariantTestChain(t)
	someone := sdk.AccAddress("someone_____________")
	oneToken := sdk.NewCoins(sdk.NewInt64Coin(BondDenom, 1))
	mintTo := func(ctx sdk.Context, module string) error {
		if err := a.BankKeeper.MintCoins(ctx, minttypes.ModuleName, oneToken); err != nil {
			return err
		}
		return a.BankKeeper.SendCoinsFromModuleToModule(ctx, minttypes.ModuleName, module, oneToken)
	}
	validator := func(ctx sdk.Context) (stakingtypes.Validator, sdk.ValAddress) {
		vals, err := a.StakingKeeper.GetAllValidators(ctx)
		require.NoError(t, err)
		require.NotEmpty(t, vals)
		addr, err := a.StakingKeeper.ValidatorAddressCodec().StringToBytes(vals[0].OperatorAddress)
		require.NoError(t, err)
		return vals[0], addr
	}

	for _, tc := range []struct {
		route string
		// corrupt changes state behind the keepers' backs.
		corrupt func(ctx sdk.Context) error
	}{
		{"bank/total-supply", func(ctx sdk.Context) error {
			return a.BankKeeper.Balances.Set(ctx, collections.Join(someone, BondDenom), math.NewInt(1))
		}},
		{"staking/pool-balances", func(ctx sdk.Context) error {
			return mintTo(ctx, stakingtypes.BondedPoolName)
		}},
		{"staking/delegator-shares", func(ctx sdk.Context) error {
			val, _ := validator(ctx)
			val.DelegatorShares = val.DelegatorShares.Add(math.LegacyOneDec())
			return a.StakingKeeper.SetValidator(ctx, val)
		}},
		{"distribution/nonnegative-outstanding", func(ctx sdk.Context) error {
			_, valAddr := validator(ctx)
			negative := sdk.DecCoins{sdk.DecCoin{Denom: BondDenom, Amount: math.LegacyNewDec(-1)}}
			return a.DistrKeeper.SetValidatorOutstandingRewards(ctx, valAddr, distrtypes.ValidatorOutstandingRewards{Rewards: negative})
		}},
		{"distribution/module-balance", func(ctx sdk.Context) error {
			return mintTo(ctx, distrtypes.ModuleName)
		}},
		{"distribution/reference-count", func(ctx sdk.Context) error {
			_, valAddr := validator(ctx)
			return a.DistrKeeper.SetValidatorHistoricalRewards(ctx, valAddr, 1_000, distrtypes.NewValidatorHistoricalRewards(nil, 1))
		}},
		{"gov/deposits-held", func(ctx sdk.Context) error {
			return a.GovKeeper.Deposits.Set(ctx, collections.Join(uint64(1), someone), govv1.NewDeposit(1, someone, oneToken))
		}},
		{"funds/escrow-balance", func(ctx sdk.Context) error {
			return mintTo(ctx, fundstypes.ModuleName)
		}},
		{"funds/allocation-tree", func(ctx sdk.Context) error {
			return a.FundsKeeper.Programs.Set(ctx, 1, fundstypes.Program{Id: 1, Denom: BondDenom, BudgetCap: math.OneInt(),
				ApprovalThreshold: math.OneInt(), Funded: math.ZeroInt(), Disbursed: math.ZeroInt(), Expended: math.ZeroInt(),
				Refunded: math.ZeroInt(), Reserved: math.ZeroInt()})
		}},
		{"funds/ledger-totals", func(ctx sdk.Context) error {
			return a.FundsKeeper.Ledger.Set(ctx, 1, fundstypes.LedgerEntry{Id: 1, ProgramId: 7, Type: fundstypes.LedgerType_LEDGER_TYPE_INCOMING_FUNDS,
				Denom: BondDenom, Amount: math.OneInt()})
		}},
		{"funds/open-items", func(ctx sdk.Context) error {
			return a.FundsKeeper.Pending.Set(ctx, collections.Join(uint64(1), uint64(1)))
		}},
	} {
		t.Run(tc.route, func(t *testing.T) {
			broken, _ := ctx.CacheContext()
			require.NoError(t, tc.corrupt(broken))
			require.ErrorContains(t, a.Invariants().Check(broken), "invariant "+tc.route+" broken")
		})
	}
	require.NoError(t, a.Invariants().Check(ctx), "the corruptions stayed in their cache contexts")
}

func TestInvariantRegistry(t *testing.T) {
	a, ctx := invariantTestChain(t)
	someone := sdk.AccAddress("someone_____________")

	reg := NewInvariantRegistry()
	reg.Register("test", "holds", func(sdk.Context) error { return nil })
	reg.Register("test", "broken", func(sdk.Context) error { return errors.New("broken on purpose") })
	reg.Register("test", "panics", func(sdk.Context) error { panic("boom") })
	reg.Register("test", "writes", func(ctx sdk.Context) error {
		return a.BankKeeper.Balances.Set(ctx, collections.Join(someone, BondDenom), math.NewInt(1))
	})
	require.Equal(t, []string{"test/holds", "test/broken", "test/panics", "test/writes"}, reg.Routes())
	require.PanicsWithValue(t, "invariant test/holds registered twice", func() {
		reg.Register("test", "holds", func(sdk.Context) error { return nil })
	})

	err := reg.Check(ctx)
	require.ErrorContains(t, err, "invariant test/broken broken at height 3: broken on purpose")
	require.ErrorContains(t, err, "invariant test/panics broken at height 3: panicked: boom")
	require.NotContains(t, err.Error(), "test/holds")
	require.NotContains(t, err.Error(), "test/writes")

	// An invariant's writes are thrown away with its cache.
	has, err := a.BankKeeper.Balances.Has(ctx, collections.Join(someone, BondDenom))
	require.NoError(t, err)
	require.False(t, has)
}
