package keeper

import (
	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"

	"github.com/trustcity/trustcity/x/evidence/types"
)

// ForwardAcknowledged records the receiving chain's answer on the forwarded
// record: ACKNOWLEDGED with the remote record id, height and time, or
// REFUSED with its error. An acknowledgement that cannot be read counts as a
// refusal, so no forward stays in flight for ever.
func (k Keeper) ForwardAcknowledged(ctx sdk.Context, packet channeltypes.Packet, acknowledgement []byte) error {
	var ack channeltypes.Acknowledgement
	return k.resolveForward(ctx, packet, func(f *types.Forward) {
		if err := channeltypes.SubModuleCdc.UnmarshalJSON(acknowledgement, &ack); err != nil {
			f.Status, f.Error = types.ForwardStatus_FORWARD_STATUS_REFUSED, "unreadable acknowledgement: "+err.Error()
			return
		}
		if !ack.Success() {
			f.Status, f.Error = types.ForwardStatus_FORWARD_STATUS_REFUSED, ack.GetError()
			return
		}
		result, err := types.ParseDepositAcknowledgement(ack.GetResult())
		if err != nil {
			f.Status, f.Error = types.ForwardStatus_FORWARD_STATUS_REFUSED, err.Error()
			return
		}
		f.Status, f.RemoteRecordId, f.RemoteHeight = types.ForwardStatus_FORWARD_STATUS_ACKNOWLEDGED, result.RecordId, result.Height
		remote := result.Time
		f.RemoteTime = &remote
	})
}

// ForwardTimedOut records that a forward was not received in time.
func (k Keeper) ForwardTimedOut(ctx sdk.Context, packet channeltypes.Packet) error {
	return k.resolveForward(ctx, packet, func(f *types.Forward) {
		f.Status = types.ForwardStatus_FORWARD_STATUS_TIMED_OUT
	})
}

// resolveForward finds the forward in flight a packet belongs to, lets
// resolve set its outcome, stamps it with this block and takes it out of
// the in-flight index.
func (k Keeper) resolveForward(ctx sdk.Context, packet channeltypes.Packet, resolve func(*types.Forward)) error {
	key := collections.Join(packet.SourceChannel, packet.Sequence)
	id, err := k.ForwardsInFlight.Get(ctx, key)
	if isNotFound(err) {
		return types.ErrUnknownForward.Wrapf("channel %s sequence %d", packet.SourceChannel, packet.Sequence)
	} else if err != nil {
		return err
	}
	e, err := k.GetEvidence(ctx, id)
	if err != nil {
		return err
	}
	i := forwardIndex(e, packet.SourceChannel, packet.Sequence)
	if i < 0 {
		return types.ErrUnknownForward.Wrapf("record %d has no forward in flight over %s with sequence %d", id, packet.SourceChannel, packet.Sequence)
	}
	f := &e.Forwards[i]
	resolve(f)
	now := ctx.BlockTime()
	f.ResolvedHeight, f.ResolvedTime = ctx.BlockHeight(), &now
	if err := k.Evidence.Set(ctx, id, e); err != nil {
		return err
	}
	if err := k.ForwardsInFlight.Remove(ctx, key); err != nil {
		return err
	}
	return emit(ctx, &types.EventForwardResolved{
		Id: id, ChannelId: f.ChannelId, Sequence: f.Sequence, Status: f.Status, RemoteRecordId: f.RemoteRecordId, Error: f.Error,
	})
}

// forwardIndex returns the index of the record's forward in flight over the
// channel with the sequence, or -1.
func forwardIndex(e types.Evidence, channel string, seq uint64) int {
	for i, f := range e.Forwards {
		if f.ChannelId == channel && f.Sequence == seq && f.Status == types.ForwardStatus_FORWARD_STATUS_IN_FLIGHT {
			return i
		}
	}
	return -1
}
