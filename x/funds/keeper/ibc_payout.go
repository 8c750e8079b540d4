package keeper

import (
	"context"
	"fmt"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	transfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"
	host "github.com/cosmos/ibc-go/v11/modules/core/24-host"

	"github.com/trustcity/trustcity/x/funds/types"
)

// maxReceiverLength bounds a bank-chain address.
const maxReceiverLength = 256

// PayoutAddress is the account payouts to bank chains leave from: ICS-20
// refuses to send from the escrow, a blocked module account, so the coins
// pass through this module-derived address, which is also where ICS-20
// refunds a payout that fails. It holds nothing between transactions but
// the coins of payouts in flight.
func (k Keeper) PayoutAddress() sdk.AccAddress { return k.payouts }

// checkPayout validates a disbursement's IBC destination: both fields or
// neither.
func (k Keeper) checkPayout(channel, receiver string) (*types.IbcPayout, error) {
	switch {
	case channel == "" && receiver == "":
		return nil, nil
	case channel == "" || receiver == "":
		return nil, types.ErrInvalidRequest.Wrap("an IBC payout needs both ibc_channel and ibc_receiver")
	case k.transfer == nil:
		return nil, types.ErrInvalidRequest.Wrap("this chain pays no one over IBC")
	case len(receiver) > maxReceiverLength:
		return nil, types.ErrInvalidRequest.Wrapf("ibc_receiver is %d bytes, the limit is %d", len(receiver), maxReceiverLength)
	}
	if err := host.ChannelIdentifierValidator(channel); err != nil {
		return nil, types.ErrInvalidRequest.Wrapf("ibc_channel: %s", err)
	}
	if err := types.ValidateText("ibc_receiver", receiver, maxReceiverLength); err != nil {
		return nil, err
	}
	return &types.IbcPayout{SourceChannel: channel, Receiver: receiver}, nil
}

// sendPayout sends d's amount from the escrow to its receiver on the bank
// chain over ICS-20, through the payout address, and records the packet so
// its acknowledgement or timeout finds the disbursement. It returns d in
// flight; the program counts it as an open item until it ends.
func (k Keeper) sendPayout(ctx context.Context, p *types.Program, d types.Disbursement) (types.Disbursement, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return d, err
	}
	coin := sdk.NewCoin(p.Denom, d.Amount)
	if err := k.bank.SendCoinsFromModuleToAccount(ctx, types.ModuleName, k.payouts, sdk.NewCoins(coin)); err != nil {
		return d, err
	}
	sender, err := k.addressCodec.BytesToString(k.payouts)
	if err != nil {
		return d, err
	}
	_, now := blockInfo(ctx)
	timeout := uint64(now.Add(params.IbcPayoutTimeout).UnixNano())
	res, err := k.transfer.Transfer(ctx, &transfertypes.MsgTransfer{
		SourcePort: transfertypes.PortID, SourceChannel: d.IbcPayout.SourceChannel, Token: coin, Sender: sender,
		Receiver: d.IbcPayout.Receiver, TimeoutTimestamp: timeout,
		Memo: fmt.Sprintf("TrustCity program %d disbursement %d", p.Id, d.Id),
	})
	if err != nil {
		return d, types.ErrInvalidRequest.Wrapf("IBC payout over %s: %s", d.IbcPayout.SourceChannel, err)
	}
	payout := *d.IbcPayout
	payout.Sequence, payout.TimeoutTimestamp = res.Sequence, timeout
	d.IbcPayout = &payout
	d.Status = types.DisbursementStatus_DISBURSEMENT_STATUS_IN_FLIGHT
	p.OpenItems++
	return d, k.Payouts.Set(ctx, collections.Join(payout.SourceChannel, payout.Sequence), d.Id)
}

// PayoutAcknowledged ends the payout sent as packet sequence on channel,
// if there is one: on success the disbursement is paid; otherwise (an error
// acknowledgement, reason its error, or a timeout) ICS-20 has refunded the
// payout address and the coins go back to the escrow and the allocation.
// Packets that are not payouts are none of its business.
func (k Keeper) PayoutAcknowledged(ctx context.Context, channel string, sequence uint64, success bool, reason string) error {
	key := collections.Join(channel, sequence)
	id, err := k.Payouts.Get(ctx, key)
	if isNotFound(err) {
		return nil
	} else if err != nil {
		return err
	}
	d, err := k.GetDisbursement(ctx, id)
	if err != nil {
		return err
	}
	p, err := k.GetProgram(ctx, d.ProgramId)
	if err != nil {
		return err
	}
	if err := k.Payouts.Remove(ctx, key); err != nil {
		return err
	}
	p.OpenItems--
	height, now := blockInfo(ctx)
	if success {
		d.Status = types.DisbursementStatus_DISBURSEMENT_STATUS_PAID
		d.PaidHeight, d.PaidAt = height, &now
		if err := k.storeDisbursement(ctx, d, false); err != nil {
			return err
		}
		if err := k.Programs.Set(ctx, p.Id, p); err != nil {
			return err
		}
		return emit(ctx, &types.EventPayoutCompleted{ProgramId: p.Id, DisbursementId: d.Id})
	}
	a, err := k.GetAllocation(ctx, d.AllocationId)
	if err != nil {
		return err
	}
	if err := k.bank.SendCoinsFromAccountToModule(ctx, k.payouts, types.ModuleName, sdk.NewCoins(sdk.NewCoin(p.Denom, d.Amount))); err != nil {
		return err
	}
	entry, err := k.appendLedger(ctx, types.LedgerEntry{
		ProgramId: p.Id, Type: types.LedgerType_LEDGER_TYPE_PAYOUT_RETURNED, AllocationId: a.Id,
		From: d.IbcPayout.Receiver, To: types.AllocationParty(a.Id), Denom: p.Denom, Amount: d.Amount,
		PurposeCode: d.PurposeCode, Reference: d.Reference, DisbursementId: d.Id,
	})
	if err != nil {
		return err
	}
	a.Disbursed = a.Disbursed.Sub(d.Amount)
	p.Disbursed = p.Disbursed.Sub(d.Amount)
	payout := *d.IbcPayout
	payout.Failure = reason
	d.IbcPayout = &payout
	d.Status = types.DisbursementStatus_DISBURSEMENT_STATUS_RETURNED
	if err := k.storeDisbursement(ctx, d, false); err != nil {
		return err
	}
	if err := k.Allocations.Set(ctx, a.Id, a); err != nil {
		return err
	}
	if err := k.Programs.Set(ctx, p.Id, p); err != nil {
		return err
	}
	return emit(ctx, &types.EventPayoutReturned{ProgramId: p.Id, DisbursementId: d.Id, Reason: reason, LedgerEntryId: entry})
}
