package app

import (
	"encoding/json"
	"fmt"

	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"

	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	slashingtypes "github.com/cosmos/cosmos-sdk/x/slashing/types"
	"github.com/cosmos/cosmos-sdk/x/staking"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"
)

// ExportAppStateAndValidators exports the application state as a genesis app
// state, with the validator set and consensus params. With forZeroHeight the
// state is first reset so a new chain can start from it at height zero; the
// validators not listed in jailAllowedAddrs are then jailed (when the list is
// not empty).
func (app *App) ExportAppStateAndValidators(
	forZeroHeight bool, jailAllowedAddrs, modulesToExport []string,
) (servertypes.ExportedApp, error) {
	// The context must carry the last committed height: distribution applies
	// the slash events between a delegation's start and the context's height
	// when it settles rewards, and a stale height would skip some of them.
	ctx := app.NewContextLegacy(true, cmtproto.Header{Height: app.LastBlockHeight()})

	// CometBFT starts InitChain at the height after the last committed one.
	height := app.LastBlockHeight() + 1
	if forZeroHeight {
		height = 0
		if err := app.prepForZeroHeightGenesis(ctx, jailAllowedAddrs); err != nil {
			return servertypes.ExportedApp{}, fmt.Errorf("preparing zero-height genesis: %w", err)
		}
	}

	genState, err := app.ModuleManager.ExportGenesisForModules(ctx, app.appCodec, modulesToExport)
	if err != nil {
		return servertypes.ExportedApp{}, fmt.Errorf("exporting genesis: %w", err)
	}
	appState, err := json.MarshalIndent(genState, "", "  ")
	if err != nil {
		return servertypes.ExportedApp{}, err
	}
	validators, err := staking.WriteValidators(ctx, app.StakingKeeper)
	if err != nil {
		return servertypes.ExportedApp{}, fmt.Errorf("exporting validators: %w", err)
	}
	return servertypes.ExportedApp{
		AppState:        appState,
		Validators:      validators,
		Height:          height,
		ConsensusParams: app.GetConsensusParams(ctx),
	}, nil
}

// prepForZeroHeightGenesis settles distribution, resets heights recorded in
// staking and slashing state, and jails validators not in the allow list.
func (app *App) prepForZeroHeightGenesis(ctx sdk.Context, jailAllowedAddrs []string) error {
	allowed := make(map[string]bool, len(jailAllowedAddrs))
	for _, addr := range jailAllowedAddrs {
		if _, err := app.StakingKeeper.ValidatorAddressCodec().StringToBytes(addr); err != nil {
			return fmt.Errorf("jail allow list: %w", err)
		}
		allowed[addr] = true
	}

	validators, err := app.StakingKeeper.GetAllValidators(ctx)
	if err != nil {
		return err
	}
	delegations, err := app.StakingKeeper.GetAllDelegations(ctx)
	if err != nil {
		return err
	}
	if err := app.settleDistribution(ctx, validators, delegations); err != nil {
		return err
	}
	if err := app.resetStakingHeights(ctx, validators, allowed); err != nil {
		return err
	}
	return app.resetSigningInfoHeights(ctx)
}

// settleDistribution withdraws every commission and reward, moves leftover
// fractions to the community pool and re-creates the distribution records as
// if every validator and delegation had been created at height zero.
func (app *App) settleDistribution(ctx sdk.Context, validators []stakingtypes.Validator, delegations []stakingtypes.Delegation) error {
	valCodec := app.StakingKeeper.ValidatorAddressCodec()
	accCodec := app.AccountKeeper.AddressCodec()

	valAddrs := make([]sdk.ValAddress, len(validators))
	for i, val := range validators {
		bz, err := valCodec.StringToBytes(val.GetOperator())
		if err != nil {
			return err
		}
		valAddrs[i] = bz
		// A validator without commission returns an error we can ignore.
		_, _ = app.DistrKeeper.WithdrawValidatorCommission(ctx, bz)
	}

	type delegationAddrs struct {
		del sdk.AccAddress
		val sdk.ValAddress
	}
	dels := make([]delegationAddrs, len(delegations))
	for i, d := range delegations {
		valBz, err := valCodec.StringToBytes(d.ValidatorAddress)
		if err != nil {
			return err
		}
		delBz, err := accCodec.StringToBytes(d.DelegatorAddress)
		if err != nil {
			return err
		}
		dels[i] = delegationAddrs{del: delBz, val: valBz}
		_, _ = app.DistrKeeper.WithdrawDelegationRewards(ctx, delBz, valBz)
	}

	app.DistrKeeper.DeleteAllValidatorSlashEvents(ctx)
	app.DistrKeeper.DeleteAllValidatorHistoricalRewards(ctx)

	zeroCtx := ctx.WithBlockHeight(0)
	for _, valAddr := range valAddrs {
		scraps, err := app.DistrKeeper.GetValidatorOutstandingRewardsCoins(zeroCtx, valAddr)
		if err != nil {
			return err
		}
		feePool, err := app.DistrKeeper.FeePool.Get(zeroCtx)
		if err != nil {
			return err
		}
		feePool.CommunityPool = feePool.CommunityPool.Add(scraps...)
		if err := app.DistrKeeper.FeePool.Set(zeroCtx, feePool); err != nil {
			return err
		}
		if err := app.DistrKeeper.Hooks().AfterValidatorCreated(zeroCtx, valAddr); err != nil {
			return err
		}
	}
	for _, d := range dels {
		if err := app.DistrKeeper.Hooks().BeforeDelegationCreated(zeroCtx, d.del, d.val); err != nil {
			return err
		}
		if err := app.DistrKeeper.Hooks().AfterDelegationModified(zeroCtx, d.del, d.val); err != nil {
			return err
		}
	}
	return nil
}

// resetStakingHeights sets every creation and unbonding height to zero and
// jails the validators outside the allow list (when there is one).
func (app *App) resetStakingHeights(ctx sdk.Context, validators []stakingtypes.Validator, allowed map[string]bool) error {
	var iterErr error
	err := app.StakingKeeper.IterateRedelegations(ctx, func(_ int64, red stakingtypes.Redelegation) bool {
		for i := range red.Entries {
			red.Entries[i].CreationHeight = 0
		}
		iterErr = app.StakingKeeper.SetRedelegation(ctx, red)
		return iterErr != nil
	})
	if err != nil || iterErr != nil {
		return firstError(err, iterErr)
	}
	err = app.StakingKeeper.IterateUnbondingDelegations(ctx, func(_ int64, ubd stakingtypes.UnbondingDelegation) bool {
		for i := range ubd.Entries {
			ubd.Entries[i].CreationHeight = 0
		}
		iterErr = app.StakingKeeper.SetUnbondingDelegation(ctx, ubd)
		return iterErr != nil
	})
	if err != nil || iterErr != nil {
		return firstError(err, iterErr)
	}

	for _, val := range validators {
		val.UnbondingHeight = 0
		if len(allowed) > 0 && !allowed[val.GetOperator()] {
			val.Jailed = true
		}
		if err := app.StakingKeeper.SetValidator(ctx, val); err != nil {
			return err
		}
	}
	_, err = app.StakingKeeper.ApplyAndReturnValidatorSetUpdates(ctx)
	return err
}

// resetSigningInfoHeights makes every validator's signing window start at zero.
func (app *App) resetSigningInfoHeights(ctx sdk.Context) error {
	var setErr error
	err := app.SlashingKeeper.IterateValidatorSigningInfos(ctx,
		func(addr sdk.ConsAddress, info slashingtypes.ValidatorSigningInfo) bool {
			info.StartHeight = 0
			setErr = app.SlashingKeeper.SetValidatorSigningInfo(ctx, addr, info)
			return setErr != nil
		})
	return firstError(err, setErr)
}

func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
