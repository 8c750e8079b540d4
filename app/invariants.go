package app

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	bankkeeper "github.com/cosmos/cosmos-sdk/x/bank/keeper"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	distrkeeper "github.com/cosmos/cosmos-sdk/x/distribution/keeper"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"
	govkeeper "github.com/cosmos/cosmos-sdk/x/gov/keeper"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	govv1 "github.com/cosmos/cosmos-sdk/x/gov/types/v1"
	stakingkeeper "github.com/cosmos/cosmos-sdk/x/staking/keeper"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	datasharekeeper "github.com/trustcity/trustcity/x/datashare/keeper"
	judicialkeeper "github.com/trustcity/trustcity/x/evidence/keeper"
	fundskeeper "github.com/trustcity/trustcity/x/funds/keeper"
	identitykeeper "github.com/trustcity/trustcity/x/identity/keeper"
)

// Invariant checks one property of the state that every block must preserve:
// nil when it holds, an error saying what is wrong when it does not. It only
// reads state. It is a plain function type (an alias, not a named type) so a
// module's keeper package can declare invariants without importing this
// package, which imports it.
//
// The SDK's sdk.Invariant (message + bool) is deprecated (v0.53); in v0.54
// x/crisis, which checked invariants on chain, moved to contrib, and none of
// the SDK modules TrustCity uses defines invariants any more: nothing checks
// them unless the application does.
type Invariant = func(ctx sdk.Context) error

// InvariantRegistry holds invariants by module, in registration order. The
// simulation tests check them all after every block (see sim_test.go).
type InvariantRegistry struct {
	invariants []registeredInvariant
}

type registeredInvariant struct {
	route string // "module/name"
	check Invariant
}

// NewInvariantRegistry returns an empty registry.
func NewInvariantRegistry() *InvariantRegistry { return &InvariantRegistry{} }

// Register adds module's invariant name. Registering a route twice is a wiring
// mistake and panics.
func (r *InvariantRegistry) Register(module, name string, check Invariant) {
	route := module + "/" + name
	if slices.ContainsFunc(r.invariants, func(inv registeredInvariant) bool { return inv.route == route }) {
		panic(fmt.Sprintf("invariant %s registered twice", route))
	}
	r.invariants = append(r.invariants, registeredInvariant{route: route, check: check})
}

// Routes returns "module/name" of every registered invariant, in registration order.
func (r *InvariantRegistry) Routes() []string {
	routes := make([]string, len(r.invariants))
	for i, inv := range r.invariants {
		routes[i] = inv.route
	}
	return routes
}

// Check runs every invariant and returns all broken ones, joined. Each runs on
// its own throw-away cache of ctx's state with an unmetered gas meter, so
// checking never changes state or gas and cannot change the app hash; a
// panicking invariant counts as broken.
func (r *InvariantRegistry) Check(ctx sdk.Context) error {
	var errs []error
	for _, inv := range r.invariants {
		cacheCtx, _ := ctx.CacheContext()
		if err := runInvariant(cacheCtx.WithGasMeter(storetypes.NewInfiniteGasMeter()), inv.check); err != nil {
			errs = append(errs, fmt.Errorf("invariant %s broken at height %d: %w", inv.route, ctx.BlockHeight(), err))
		}
	}
	return errors.Join(errs...)
}

func runInvariant(ctx sdk.Context, check Invariant) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panicked: %v", p)
		}
	}()
	return check(ctx)
}

// Invariants returns the invariants of the application's modules. This is the
// one place modules register them: a TrustCity module adds a line here (or a
// call to its keeper package's RegisterInvariants(reg, keeper), declared with
// a one-method interface such as interface{ Register(module, name string,
// check func(sdk.Context) error) }).
//
// The SDK modules bring no invariants of their own any more (see Invariant),
// so the ones below are TrustCity's, written against the v0.54 keepers: the
// properties of bank, staking, distribution and gov that every other module
// relies on.
func (app *App) Invariants() *InvariantRegistry {
	reg := NewInvariantRegistry()
	reg.Register(banktypes.ModuleName, "total-supply", bankTotalSupply(app.BankKeeper))
	reg.Register(stakingtypes.ModuleName, "pool-balances", stakingPoolBalances(app.StakingKeeper, app.BankKeeper))
	reg.Register(stakingtypes.ModuleName, "delegator-shares", stakingDelegatorShares(app.StakingKeeper))
	reg.Register(distrtypes.ModuleName, "nonnegative-outstanding", distrNonNegativeOutstanding(app.DistrKeeper))
	reg.Register(distrtypes.ModuleName, "module-balance", distrModuleBalance(app.DistrKeeper, app.BankKeeper))
	reg.Register(distrtypes.ModuleName, "reference-count", distrReferenceCount(app.DistrKeeper, app.StakingKeeper))
	reg.Register(govtypes.ModuleName, "deposits-held", govDepositsHeld(app.GovKeeper, app.BankKeeper))
	identitykeeper.RegisterInvariants(reg, app.IdentityKeeper)
	judicialkeeper.RegisterInvariants(reg, app.JudicialKeeper)
	datasharekeeper.RegisterInvariants(reg, app.DatashareKeeper)
	fundskeeper.RegisterInvariants(reg, app.FundsKeeper)
	return reg
}

// bankTotalSupply: the recorded supply of every denom equals the sum of all
// balances of that denom.
func bankTotalSupply(bk bankkeeper.BaseKeeper) Invariant {
	return func(ctx sdk.Context) error {
		held := map[string]math.Int{}
		err := bk.Balances.Walk(ctx, nil, func(key collections.Pair[sdk.AccAddress, string], amount math.Int) (bool, error) {
			held[key.K2()] = intOrZero(held, key.K2()).Add(amount)
			return false, nil
		})
		if err != nil {
			return err
		}
		var diffs []string
		err = bk.Supply.Walk(ctx, nil, func(denom string, supply math.Int) (bool, error) {
			if sum := intOrZero(held, denom); !sum.Equal(supply) {
				diffs = append(diffs, fmt.Sprintf("%s: supply %s, balances %s", denom, supply, sum))
			}
			delete(held, denom)
			return false, nil
		})
		if err != nil {
			return err
		}
		for _, denom := range slices.Sorted(maps.Keys(held)) {
			if !held[denom].IsZero() {
				diffs = append(diffs, fmt.Sprintf("%s: no supply, balances %s", denom, held[denom]))
			}
		}
		if len(diffs) > 0 {
			return errors.New(strings.Join(diffs, "; "))
		}
		return nil
	}
}

// stakingPoolBalances: the bonded pool holds the tokens of the bonded
// validators; the not-bonded pool holds those of the unbonding and unbonded
// validators plus every unbonding delegation's balance.
func stakingPoolBalances(sk *stakingkeeper.Keeper, bk bankkeeper.BaseKeeper) Invariant {
	return func(ctx sdk.Context) error {
		denom, err := sk.BondDenom(ctx)
		if err != nil {
			return err
		}
		validators, err := sk.GetAllValidators(ctx)
		if err != nil {
			return err
		}
		bonded, notBonded := math.ZeroInt(), math.ZeroInt()
		for _, val := range validators {
			switch val.GetStatus() {
			case stakingtypes.Bonded:
				bonded = bonded.Add(val.GetTokens())
			case stakingtypes.Unbonding, stakingtypes.Unbonded:
				notBonded = notBonded.Add(val.GetTokens())
			default:
				return fmt.Errorf("validator %s has status %s", val.GetOperator(), val.GetStatus())
			}
		}
		err = sk.IterateUnbondingDelegations(ctx, func(_ int64, ubd stakingtypes.UnbondingDelegation) bool {
			for _, entry := range ubd.Entries {
				notBonded = notBonded.Add(entry.Balance)
			}
			return false
		})
		if err != nil {
			return err
		}
		bondedHeld := bk.GetBalance(ctx, authtypes.NewModuleAddress(stakingtypes.BondedPoolName), denom).Amount
		notBondedHeld := bk.GetBalance(ctx, authtypes.NewModuleAddress(stakingtypes.NotBondedPoolName), denom).Amount
		if !bondedHeld.Equal(bonded) || !notBondedHeld.Equal(notBonded) {
			return fmt.Errorf("bonded pool holds %s%s for %s%s of bonded tokens; not-bonded pool holds %s%s for %s%s",
				bondedHeld, denom, bonded, denom, notBondedHeld, denom, notBonded, denom)
		}
		return nil
	}
}

// stakingDelegatorShares: every delegation has positive shares in an existing
// validator, and each validator's delegator shares are the sum of its
// delegations' shares.
func stakingDelegatorShares(sk *stakingkeeper.Keeper) Invariant {
	return func(ctx sdk.Context) error {
		shares := map[string]math.LegacyDec{}
		var bad error
		err := sk.IterateAllDelegations(ctx, func(del stakingtypes.Delegation) bool {
			if !del.Shares.IsPositive() {
				bad = fmt.Errorf("delegation of %s to %s has shares %s", del.DelegatorAddress, del.ValidatorAddress, del.Shares)
				return true
			}
			shares[del.ValidatorAddress] = decOrZero(shares, del.ValidatorAddress).Add(del.Shares)
			return false
		})
		if err != nil || bad != nil {
			return errors.Join(err, bad)
		}
		validators, err := sk.GetAllValidators(ctx)
		if err != nil {
			return err
		}
		for _, val := range validators {
			if sum := decOrZero(shares, val.GetOperator()); !val.DelegatorShares.Equal(sum) {
				return fmt.Errorf("validator %s has %s delegator shares, its delegations %s", val.GetOperator(), val.DelegatorShares, sum)
			}
			delete(shares, val.GetOperator())
		}
		if len(shares) > 0 {
			return fmt.Errorf("delegations to unknown validators %v", slices.Sorted(maps.Keys(shares)))
		}
		return nil
	}
}

// distrNonNegativeOutstanding: no validator's outstanding rewards are negative.
func distrNonNegativeOutstanding(dk distrkeeper.Keeper) Invariant {
	return func(ctx sdk.Context) error {
		var bad error
		dk.IterateValidatorOutstandingRewards(ctx, func(val sdk.ValAddress, rewards distrtypes.ValidatorOutstandingRewards) bool {
			if rewards.Rewards.IsAnyNegative() {
				bad = fmt.Errorf("validator %s has negative outstanding rewards %s", val, rewards.Rewards)
			}
			return bad != nil
		})
		return bad
	}
}

// distrModuleBalance: the distribution module account holds exactly the
// outstanding rewards of all validators plus the community pool (whole coins;
// the fractions are bookkeeping).
func distrModuleBalance(dk distrkeeper.Keeper, bk bankkeeper.BaseKeeper) Invariant {
	return func(ctx sdk.Context) error {
		var expected sdk.DecCoins
		dk.IterateValidatorOutstandingRewards(ctx, func(_ sdk.ValAddress, rewards distrtypes.ValidatorOutstandingRewards) bool {
			expected = expected.Add(rewards.Rewards...)
			return false
		})
		feePool, err := dk.FeePool.Get(ctx)
		if err != nil {
			return err
		}
		expectedCoins, _ := expected.Add(feePool.CommunityPool...).TruncateDecimal()
		held := bk.GetAllBalances(ctx, authtypes.NewModuleAddress(distrtypes.ModuleName))
		if !held.Equal(expectedCoins) {
			return fmt.Errorf("module account holds %s, outstanding rewards and community pool come to %s", held, expectedCoins)
		}
		return nil
	}
}

// distrReferenceCount: the historical rewards records are referenced once by
// each validator's current period, once per delegation (its starting period)
// and once per slash event, and by nothing else.
func distrReferenceCount(dk distrkeeper.Keeper, sk *stakingkeeper.Keeper) Invariant {
	return func(ctx sdk.Context) error {
		validators, err := sk.GetAllValidators(ctx)
		if err != nil {
			return err
		}
		var delegations, slashes uint64
		if err := sk.IterateAllDelegations(ctx, func(stakingtypes.Delegation) bool { delegations++; return false }); err != nil {
			return err
		}
		dk.IterateValidatorSlashEvents(ctx, func(sdk.ValAddress, uint64, distrtypes.ValidatorSlashEvent) bool { slashes++; return false })
		expected := uint64(len(validators)) + delegations + slashes
		if got := dk.GetValidatorHistoricalReferenceCount(ctx); got != expected {
			return fmt.Errorf("historical rewards reference count %d, expected %d (%d validators, %d delegations, %d slash events)",
				got, expected, len(validators), delegations, slashes)
		}
		return nil
	}
}

// govDepositsHeld: the gov module account holds at least the deposits of all
// proposals. At least, not exactly: TrustCity lets anyone send coins to the
// gov account (BlockedAddresses leaves it open so proposals can be funded).
func govDepositsHeld(gk *govkeeper.Keeper, bk bankkeeper.BaseKeeper) Invariant {
	return func(ctx sdk.Context) error {
		var deposits sdk.Coins
		err := gk.Deposits.Walk(ctx, nil, func(_ collections.Pair[uint64, sdk.AccAddress], dep govv1.Deposit) (bool, error) {
			deposits = deposits.Add(dep.Amount...)
			return false, nil
		})
		if err != nil {
			return err
		}
		held := bk.GetAllBalances(ctx, authtypes.NewModuleAddress(govtypes.ModuleName))
		if !held.IsAllGTE(deposits) {
			return fmt.Errorf("module account holds %s, deposits come to %s", held, deposits)
		}
		return nil
	}
}

// intOrZero returns m[key], or zero when there is no such entry.
func intOrZero(m map[string]math.Int, key string) math.Int {
	if v, ok := m[key]; ok {
		return v
	}
	return math.ZeroInt()
}

// decOrZero returns m[key], or zero when there is no such entry.
func decOrZero(m map[string]math.LegacyDec, key string) math.LegacyDec {
	if v, ok := m[key]; ok {
		return v
	}
	return math.LegacyZeroDec()
}
