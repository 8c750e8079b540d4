package ics20

import (
	"context"

	"cosmossdk.io/core/address"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	transfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"
	clienttypes "github.com/cosmos/ibc-go/v11/modules/core/02-client/types"
	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"
	porttypes "github.com/cosmos/ibc-go/v11/modules/core/05-port/types"
	ibcexported "github.com/cosmos/ibc-go/v11/modules/core/exported"

	"github.com/trustcity/trustcity/x/funds/types"
)

// Keeper is what the middleware asks x/funds.
type Keeper interface {
	EscrowAddress() sdk.AccAddress
	DepositAddress() sdk.AccAddress
	AddressCodec() address.Codec
	CheckDeposit(ctx context.Context, programID uint64, coin sdk.Coin) error
	ReceiveIBCDeposit(ctx context.Context, programID uint64, coin sdk.Coin, origin types.IbcOrigin) (uint64, error)
	PayoutAcknowledged(ctx context.Context, channel string, sequence uint64, success bool, reason string) error
}

var _ porttypes.Middleware = (*Middleware)(nil)

// Middleware wraps the ICS-20 application. Channel handshakes and outgoing
// packets pass through unchanged. OnRecvPacket looks at the memo;
// acknowledgements and timeouts, once ICS-20 has handled them (refunding the
// sender of a failed transfer), end x/funds' payouts in flight.
type Middleware struct {
	app    porttypes.IBCModule
	ics4   porttypes.ICS4Wrapper
	keeper Keeper
}

// NewMiddleware returns the middleware over x/funds; the stack builder sets
// the application below it and the ICS4 wrapper above it.
func NewMiddleware(k Keeper) *Middleware { return &Middleware{keeper: k} }

// SetUnderlyingApplication sets the ICS-20 application.
func (m *Middleware) SetUnderlyingApplication(app porttypes.IBCModule) { m.app = app }

// SetICS4Wrapper sets what the middleware sends packets through.
func (m *Middleware) SetICS4Wrapper(w porttypes.ICS4Wrapper) { m.ics4 = w }

// OnRecvPacket credits a tagged deposit to its program, refuses a tagged
// transfer that cannot be credited with an error acknowledgement, and hands
// every other packet to ICS-20 as it came.
func (m *Middleware) OnRecvPacket(ctx sdk.Context, version string, packet channeltypes.Packet, relayer sdk.AccAddress) ibcexported.Acknowledgement {
	data, err := transfertypes.UnmarshalPacketData(packet.GetData(), version, "")
	if err != nil {
		return m.app.OnRecvPacket(ctx, version, packet, relayer)
	}
	program, tagged, err := ParseMemo(data.Memo)
	if !tagged {
		return m.app.OnRecvPacket(ctx, version, packet, relayer)
	}
	refuse := func(err error) ibcexported.Acknowledgement { return refused(ctx, err, program, data.Sender, packet) }
	if err != nil {
		return refuse(types.ErrInvalidRequest.Wrap(err.Error()))
	}
	coin, err := m.checkDeposit(ctx, program, data, packet)
	if err != nil {
		return refuse(err)
	}
	deposits, err := m.keeper.AddressCodec().BytesToString(m.keeper.DepositAddress())
	if err != nil {
		return refuse(err)
	}
	// ICS-20 credits the deposit address (the escrow, a module account, is
	// one it refuses to credit); the same transaction moves the coins on.
	redirected := packet
	redirected.Data = transfertypes.NewFungibleTokenPacketData(data.Token.Denom.Path(), data.Token.Amount, data.Sender, deposits, data.Memo).GetBytes()
	ack := m.app.OnRecvPacket(ctx, version, redirected, relayer)
	if ack == nil || !ack.Success() {
		return ack
	}
	origin := types.IbcOrigin{
		SourcePort: packet.SourcePort, SourceChannel: packet.SourceChannel, Sender: data.Sender,
		DenomTrace: receivedDenom(data.Token.Denom, packet).Path(), Sequence: packet.Sequence,
	}
	if _, err := m.keeper.ReceiveIBCDeposit(ctx, program, coin, origin); err != nil {
		// Core IBC discards every write of a packet answered with an error
		// acknowledgement, the voucher minted above included.
		return refuse(err)
	}
	return ack
}

// checkDeposit requires the packet to be sent to the escrow and to carry a
// coin the program accepts, and returns the coin as it arrives here.
func (m *Middleware) checkDeposit(ctx sdk.Context, program uint64, data transfertypes.InternalTransferRepresentation, packet channeltypes.Packet) (sdk.Coin, error) {
	receiver, err := m.keeper.AddressCodec().StringToBytes(data.Receiver)
	if err != nil || !sdk.AccAddress(receiver).Equals(m.keeper.EscrowAddress()) {
		escrow, _ := m.keeper.AddressCodec().BytesToString(m.keeper.EscrowAddress())
		return sdk.Coin{}, types.ErrInvalidAddress.Wrapf("a deposit to program %d is sent to the program escrow %s, not %s", program, escrow, data.Receiver)
	}
	amount, ok := math.NewIntFromString(data.Token.Amount)
	if !ok || !amount.IsPositive() {
		return sdk.Coin{}, types.ErrInvalidAmount.Wrapf("amount %q", data.Token.Amount)
	}
	coin := sdk.Coin{Denom: receivedDenom(data.Token.Denom, packet).IBCDenom(), Amount: amount}
	return coin, m.keeper.CheckDeposit(ctx, program, coin)
}

// receivedDenom is the denom a packet's token has on this chain, as ICS-20
// computes it: a token coming back loses the hop it took out, any other
// gains this end's port and channel.
func receivedDenom(d transfertypes.Denom, packet channeltypes.Packet) transfertypes.Denom {
	if d.HasPrefix(packet.SourcePort, packet.SourceChannel) {
		d.Trace = d.Trace[1:]
		return d
	}
	d.Trace = append([]transfertypes.Hop{transfertypes.NewHop(packet.DestinationPort, packet.DestinationChannel)}, d.Trace...)
	return d
}

// refused records why a tagged transfer was refused (an event core IBC
// keeps with the packet's) and returns the error acknowledgement the sending
// chain refunds on. The acknowledgement itself carries only the error's code.
func refused(ctx sdk.Context, err error, program uint64, sender string, packet channeltypes.Packet) ibcexported.Acknowledgement {
	ctx.Logger().Info("funds: deposit refused", "channel", packet.DestinationChannel, "sequence", packet.Sequence, "error", err)
	if emitErr := ctx.EventManager().EmitTypedEvent(&types.EventDepositRefused{
		ProgramId: program, SourcePort: packet.SourcePort, SourceChannel: packet.SourceChannel,
		Sequence: packet.Sequence, Sender: sender, Reason: err.Error(),
	}); emitErr != nil {
		ctx.Logger().Error("funds: emitting the refusal", "error", emitErr)
	}
	return channeltypes.NewErrorAcknowledgement(err)
}

// OnChanOpenInit passes through.
func (m *Middleware) OnChanOpenInit(ctx sdk.Context, order channeltypes.Order, hops []string, portID, channelID string,
	counterparty channeltypes.Counterparty, version string,
) (string, error) {
	return m.app.OnChanOpenInit(ctx, order, hops, portID, channelID, counterparty, version)
}

// OnChanOpenTry passes through.
func (m *Middleware) OnChanOpenTry(ctx sdk.Context, order channeltypes.Order, hops []string, portID, channelID string,
	counterparty channeltypes.Counterparty, counterpartyVersion string,
) (string, error) {
	return m.app.OnChanOpenTry(ctx, order, hops, portID, channelID, counterparty, counterpartyVersion)
}

// OnChanOpenAck passes through.
func (m *Middleware) OnChanOpenAck(ctx sdk.Context, portID, channelID, counterpartyChannelID, counterpartyVersion string) error {
	return m.app.OnChanOpenAck(ctx, portID, channelID, counterpartyChannelID, counterpartyVersion)
}

// OnChanOpenConfirm passes through.
func (m *Middleware) OnChanOpenConfirm(ctx sdk.Context, portID, channelID string) error {
	return m.app.OnChanOpenConfirm(ctx, portID, channelID)
}

// OnChanCloseInit passes through.
func (m *Middleware) OnChanCloseInit(ctx sdk.Context, portID, channelID string) error {
	return m.app.OnChanCloseInit(ctx, portID, channelID)
}

// OnChanCloseConfirm passes through.
func (m *Middleware) OnChanCloseConfirm(ctx sdk.Context, portID, channelID string) error {
	return m.app.OnChanCloseConfirm(ctx, portID, channelID)
}

// OnAcknowledgementPacket lets ICS-20 handle the acknowledgement, then ends
// the payout the packet carried, if it was one.
func (m *Middleware) OnAcknowledgementPacket(ctx sdk.Context, version string, packet channeltypes.Packet, ackBz []byte, relayer sdk.AccAddress) error {
	if err := m.app.OnAcknowledgementPacket(ctx, version, packet, ackBz, relayer); err != nil {
		return err
	}
	var ack channeltypes.Acknowledgement
	if err := transfertypes.ModuleCdc.UnmarshalJSON(ackBz, &ack); err != nil {
		return err // ICS-20 accepted it, so this does not happen
	}
	return m.keeper.PayoutAcknowledged(ctx, packet.SourceChannel, packet.Sequence, ack.Success(), ack.GetError())
}

// OnTimeoutPacket lets ICS-20 refund the sender, then returns the payout the
// packet carried, if it was one.
func (m *Middleware) OnTimeoutPacket(ctx sdk.Context, version string, packet channeltypes.Packet, relayer sdk.AccAddress) error {
	if err := m.app.OnTimeoutPacket(ctx, version, packet, relayer); err != nil {
		return err
	}
	return m.keeper.PayoutAcknowledged(ctx, packet.SourceChannel, packet.Sequence, false, "timed out")
}

// SendPacket passes through.
func (m *Middleware) SendPacket(ctx sdk.Context, port, channel string, timeoutHeight clienttypes.Height, timeoutTimestamp uint64, data []byte) (uint64, error) {
	return m.ics4.SendPacket(ctx, port, channel, timeoutHeight, timeoutTimestamp, data)
}

// WriteAcknowledgement passes through.
func (m *Middleware) WriteAcknowledgement(ctx sdk.Context, packet ibcexported.PacketI, ack ibcexported.Acknowledgement) error {
	return m.ics4.WriteAcknowledgement(ctx, packet, ack)
}

// GetAppVersion passes through.
func (m *Middleware) GetAppVersion(ctx sdk.Context, portID, channelID string) (string, bool) {
	return m.ics4.GetAppVersion(ctx, portID, channelID)
}
