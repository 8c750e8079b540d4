package app

import (
	"encoding/json"
	"testing"

	dbm "github.com/cosmos/cosmos-db"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/log/v2"
	sdkmath "cosmossdk.io/math"

	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"

	transfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"
	clienttypes "github.com/cosmos/ibc-go/v11/modules/core/02-client/types"
	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"
	ibctesting "github.com/cosmos/ibc-go/v11/testing"
)

// ibcTestingApps lets ibc-go's in-process coordinator run TrustCity chains,
// each with its own temporary home.
func ibcTestingApps(t *testing.T) ibctesting.AppCreator {
	return func() (ibctesting.TestingApp, map[string]json.RawMessage) {
		a := New(log.NewNopLogger(), dbm.NewMemDB(), true, simtestutil.NewAppOptionsWithFlagHome(t.TempDir()))
		return a, a.DefaultGenesis()
	}
}

// receive updates dst's client of the sending chain, has dst receive packet
// and returns the acknowledgement it wrote, decoded, with its bytes and the
// event types of the receiving transaction.
func receive(t *testing.T, dst *ibctesting.Endpoint, packet channeltypes.Packet) (channeltypes.Acknowledgement, []byte, []string) {
	t.Helper()
	require.NoError(t, dst.UpdateClient())
	res, err := dst.RecvPacketWithResult(packet)
	require.NoError(t, err)
	ackBz, err := ibctesting.ParseAckFromEvents(res.Events)
	require.NoError(t, err)
	var events []string
	for _, e := range res.Events {
		events = append(events, e.Type)
	}
	var ack channeltypes.Acknowledgement
	require.NoError(t, channeltypes.SubModuleCdc.UnmarshalJSON(ackBz, &ack))
	return ack, ackBz, events
}

// TestTransferBetweenTwoChains opens an ICS-20 channel between two TrustCity
// chains over 07-tendermint clients, sends utcity from A to B and back, and
// checks the voucher is minted on B and burnt again on its way home.
func TestTransferBetweenTwoChains(t *testing.T) {
	coord := ibctesting.NewCustomAppCoordinator(t, 2, ibcTestingApps(t))
	chainA, chainB := coord.GetChain(ibctesting.GetChainID(1)), coord.GetChain(ibctesting.GetChainID(2))
	appA, appB := chainA.App.(*App), chainB.App.(*App)

	path := ibctesting.NewTransferPath(chainA, chainB)
	path.Setup()

	sender, receiver := chainA.SenderAccount.GetAddress(), chainB.SenderAccount.GetAddress()
	amount := sdkmath.NewInt(12345)
	voucher := transfertypes.NewDenom(BondDenom, transfertypes.NewHop(path.EndpointB.ChannelConfig.PortID, path.EndpointB.ChannelID)).IBCDenom()
	senderBefore := appA.BankKeeper.GetBalance(chainA.GetContext(), sender, BondDenom).Amount

	relay := func(from *ibctesting.TestChain, msg *transfertypes.MsgTransfer) {
		t.Helper()
		res, err := from.SendMsgs(msg)
		require.NoError(t, err)
		packet, err := ibctesting.ParseV1PacketFromEvents(res.Events)
		require.NoError(t, err)
		require.NoError(t, path.RelayPacket(packet))
	}

	relay(chainA, transfertypes.NewMsgTransfer(
		path.EndpointA.ChannelConfig.PortID, path.EndpointA.ChannelID, sdk.NewCoin(BondDenom, amount),
		sender.String(), receiver.String(), clienttypes.NewHeight(1, 1000), 0, ""))
	require.Equal(t, amount, appB.BankKeeper.GetBalance(chainB.GetContext(), receiver, voucher).Amount)
	require.Equal(t, senderBefore.Sub(amount), appA.BankKeeper.GetBalance(chainA.GetContext(), sender, BondDenom).Amount)

	relay(chainB, transfertypes.NewMsgTransfer(
		path.EndpointB.ChannelConfig.PortID, path.EndpointB.ChannelID, sdk.NewCoin(voucher, amount),
		receiver.String(), sender.String(), clienttypes.NewHeight(1, 1000), 0, ""))
	require.True(t, appB.BankKeeper.GetBalance(chainB.GetContext(), receiver, voucher).Amount.IsZero())
	require.True(t, appB.BankKeeper.GetSupply(chainB.GetContext(), voucher).Amount.IsZero())
	require.Equal(t, senderBefore, appA.BankKeeper.GetBalance(chainA.GetContext(), sender, BondDenom).Amount)
}
