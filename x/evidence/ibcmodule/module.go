// Package ibcmodule is the judicial IBC application: port "judicial",
// version "judicial-1", unordered channels. A packet carries one deposit
// forwarded by another chain; the acknowledgement carries the record id
// and block time the receiving chain stored it under.
package ibcmodule

import (
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"
	porttypes "github.com/cosmos/ibc-go/v11/modules/core/05-port/types"
	ibcexported "github.com/cosmos/ibc-go/v11/modules/core/exported"

	"github.com/trustcity/trustcity/x/evidence/keeper"
	"github.com/trustcity/trustcity/x/evidence/types"
)

var _ porttypes.IBCModule = Module{}

// Module implements the IBC callbacks of the judicial application over the
// judicial keeper.
type Module struct {
	keeper keeper.Keeper
}

// New returns the judicial IBC application.
func New(k keeper.Keeper) Module { return Module{keeper: k} }

// SetICS4Wrapper hands the keeper what it sends packets through: core IBC's
// channel keeper or the middleware above this application.
func (m Module) SetICS4Wrapper(w porttypes.ICS4Wrapper) { m.keeper.SetPacketSender(w) }

// checkChannel enforces the judicial channel's shape: unordered, judicial
// ports at both ends.
func checkChannel(order channeltypes.Order, portID string, counterparty channeltypes.Counterparty) error {
	if order != channeltypes.UNORDERED {
		return errorsmod.Wrapf(channeltypes.ErrInvalidChannelOrdering, "judicial channels are %s, not %s", channeltypes.UNORDERED, order)
	}
	if portID != types.PortID {
		return types.ErrInvalidChannel.Wrapf("port %q is not %q", portID, types.PortID)
	}
	if counterparty.PortId != types.PortID {
		return types.ErrInvalidChannel.Wrapf("counterparty port %q is not %q", counterparty.PortId, types.PortID)
	}
	return nil
}

// checkVersion accepts only judicial-1.
func checkVersion(version string) error {
	if version != types.Version {
		return errorsmod.Wrapf(channeltypes.ErrInvalidChannelVersion, "version %q is not %q", version, types.Version)
	}
	return nil
}

// OnChanOpenInit checks the channel and proposes judicial-1. Channels may be
// opened to any chain; only packets of accredited chains are accepted.
func (Module) OnChanOpenInit(_ sdk.Context, order channeltypes.Order, _ []string, portID, _ string,
	counterparty channeltypes.Counterparty, version string,
) (string, error) {
	if err := checkChannel(order, portID, counterparty); err != nil {
		return "", err
	}
	if version == "" {
		return types.Version, nil
	}
	return version, checkVersion(version)
}

// OnChanOpenTry checks the channel and the counterparty's version.
func (Module) OnChanOpenTry(_ sdk.Context, order channeltypes.Order, _ []string, portID, _ string,
	counterparty channeltypes.Counterparty, counterpartyVersion string,
) (string, error) {
	if err := checkChannel(order, portID, counterparty); err != nil {
		return "", err
	}
	return types.Version, checkVersion(counterpartyVersion)
}

// OnChanOpenAck checks the version the counterparty chose.
func (Module) OnChanOpenAck(_ sdk.Context, _, _, _, counterpartyVersion string) error {
	return checkVersion(counterpartyVersion)
}

// OnChanOpenConfirm has nothing to check.
func (Module) OnChanOpenConfirm(sdk.Context, string, string) error { return nil }

// OnChanCloseInit refuses: a judicial channel is closed only by its
// counterparty or by a light client's misbehaviour.
func (Module) OnChanCloseInit(sdk.Context, string, string) error {
	return types.ErrInvalidChannel.Wrap("judicial channels cannot be closed by a user")
}

// OnChanCloseConfirm lets the counterparty close; forwards in flight end by
// timeout.
func (Module) OnChanCloseConfirm(sdk.Context, string, string) error { return nil }

// OnRecvPacket stores the deposit and acknowledges with its record id and
// this chain's height and time, or answers with an error acknowledgement
// (and an EventCrossChainDepositRefused giving the reason) when the chain
// is not accredited, the data is bad or the digest is already deposited.
func (m Module) OnRecvPacket(ctx sdk.Context, version string, packet channeltypes.Packet, _ sdk.AccAddress) ibcexported.Acknowledgement {
	if err := checkVersion(version); err != nil {
		return m.refused(ctx, packet, err)
	}
	result, err := m.keeper.ReceiveDeposit(ctx, packet)
	if err != nil {
		return m.refused(ctx, packet, err)
	}
	bz, err := result.GetBytes()
	if err != nil {
		return m.refused(ctx, packet, err)
	}
	return channeltypes.NewResultAcknowledgement(bz)
}

// refused emits the reason of a refusal and returns the error
// acknowledgement, which carries the error's codespace and code (e.g.
// "judicial/20": not accredited).
func (Module) refused(ctx sdk.Context, packet channeltypes.Packet, err error) ibcexported.Acknowledgement {
	ctx.Logger().Info("judicial: cross-chain deposit refused", "channel", packet.DestinationChannel, "sequence", packet.Sequence, "error", err)
	if emitErr := ctx.EventManager().EmitTypedEvent(&types.EventCrossChainDepositRefused{
		ChannelId: packet.DestinationChannel, Sequence: packet.Sequence, Reason: err.Error(),
	}); emitErr != nil {
		ctx.Logger().Error("judicial: emitting the refusal", "error", emitErr)
	}
	return channeltypes.NewErrorAcknowledgementWithCodespace(err)
}

// OnAcknowledgementPacket records the answer on the forwarded record.
func (m Module) OnAcknowledgementPacket(ctx sdk.Context, _ string, packet channeltypes.Packet, acknowledgement []byte, _ sdk.AccAddress) error {
	return m.keeper.ForwardAcknowledged(ctx, packet, acknowledgement)
}

// OnTimeoutPacket records the timeout on the forwarded record.
func (m Module) OnTimeoutPacket(ctx sdk.Context, _ string, packet channeltypes.Packet, _ sdk.AccAddress) error {
	return m.keeper.ForwardTimedOut(ctx, packet)
}
