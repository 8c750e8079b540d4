package keeper

import (
	sdk "github.com/cosmos/cosmos-sdk/types"

	ibctm "github.com/cosmos/ibc-go/v11/modules/light-clients/07-tendermint"

	"github.com/trustcity/trustcity/x/evidence/types"
)

// packetSender holds the ICS4 wrapper of the judicial IBC stack; it is
// shared by every copy of the keeper and set once, when the app builds the
// stack.
type packetSender struct {
	ics4 types.PacketSender
}

// SetPacketSender sets the ICS4 wrapper judicial packets are sent through
// (the judicial IBC module calls it when the app builds its stack).
func (k Keeper) SetPacketSender(s types.PacketSender) { k.sender.ics4 = s }

// ChannelChain returns the chain at the other end of a judicial channel of
// this chain: the chain id of the 07-tendermint light client behind the
// channel's connection. The packet's own claims are never asked.
func (k Keeper) ChannelChain(ctx sdk.Context, channelID string) (string, error) {
	if k.channels == nil {
		return "", types.ErrInvalidChannel.Wrap("this chain runs no IBC")
	}
	clientID, cs, err := k.channels.GetChannelClientState(ctx, types.PortID, channelID)
	if err != nil {
		return "", types.ErrInvalidChannel.Wrapf("channel %s: %s", channelID, err)
	}
	tm, ok := cs.(*ibctm.ClientState)
	if !ok {
		return "", types.ErrInvalidChannel.Wrapf("channel %s runs over client %s of type %s, which names no chain id", channelID, clientID, cs.ClientType())
	}
	return tm.ChainId, nil
}

// accreditedChain returns the chain behind a judicial channel if the params
// accredit it.
func (k Keeper) accreditedChain(ctx sdk.Context, channelID string, p types.Params) (string, error) {
	chain, err := k.ChannelChain(ctx, channelID)
	if err != nil {
		return "", err
	}
	if !p.Accredits(chain) {
		return "", types.ErrNotAccredited.Wrapf("chain %s (channel %s) is not an accredited chain of this chain", chain, channelID)
	}
	return chain, nil
}
