package types

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	clienttypes "github.com/cosmos/ibc-go/v11/modules/core/02-client/types"
	ibcexported "github.com/cosmos/ibc-go/v11/modules/core/exported"

	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

// IdentityKeeper is what the judicial module asks x/identity: may this
// signer act for a department holding a role, and which department?
type IdentityKeeper interface {
	AuthorizeRole(ctx context.Context, signer sdk.AccAddress, role identitytypes.Role) (string, error)
}

// ChannelKeeper is what the judicial module asks core IBC: the light client
// behind a channel, whose chain id says which chain is at the other end.
type ChannelKeeper interface {
	GetChannelClientState(ctx sdk.Context, portID, channelID string) (string, ibcexported.ClientState, error)
}

// PacketSender sends the judicial application's packets: the ICS4 wrapper
// of its IBC stack.
type PacketSender interface {
	SendPacket(ctx sdk.Context, sourcePort, sourceChannel string, timeoutHeight clienttypes.Height, timeoutTimestamp uint64, data []byte) (uint64, error)
}
