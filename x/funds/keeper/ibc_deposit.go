package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/funds/types"
)

// DepositAddress is the account ICS-20 deposits pass through on their way
// into the escrow: the escrow is a blocked module account, which the
// transfer application refuses to credit, so the funds middleware has the
// transfer module credit this address and moves the coins on at once. It is
// derived from the module's name and holds nothing between transactions.
func (k Keeper) DepositAddress() sdk.AccAddress { return k.deposits }

// CheckDeposit tells whether coin may be paid into the program now: it is
// open, coin is of its denom and within its budget cap.
func (k Keeper) CheckDeposit(ctx context.Context, programID uint64, coin sdk.Coin) error {
	_, err := k.checkDeposit(ctx, programID, coin)
	return err
}

// ReceiveIBCDeposit moves coin, just credited to DepositAddress by the
// transfer application, into the escrow and credits it to the program with
// the packet's origin on its ledger entry.
func (k Keeper) ReceiveIBCDeposit(ctx context.Context, programID uint64, coin sdk.Coin, origin types.IbcOrigin) (uint64, error) {
	if _, err := k.checkDeposit(ctx, programID, coin); err != nil {
		return 0, err
	}
	if err := k.bank.SendCoinsFromAccountToModule(ctx, k.deposits, types.ModuleName, sdk.NewCoins(coin)); err != nil {
		return 0, err
	}
	return k.CreditDeposit(ctx, programID, coin, origin.Sender, &origin)
}
