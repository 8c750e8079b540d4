package app

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"
	ibctesting "github.com/cosmos/ibc-go/v11/testing"

	fundstypes "github.com/trustcity/trustcity/x/funds/types"
)

// payoutFixture is a city program in the bank chain's voucher, funded over
// IBC with 100,000, and a beneficiary on the city chain.
type payoutFixture struct {
	path            *ibctesting.Path
	bankChain, city *ibctesting.TestChain
	app             *App
	voucher         string
	program         uint64
	beneficiary     string
}

func newPayoutFixture(t *testing.T) payoutFixture {
	path, bankChain, city := bankChainPath(t)
	f := payoutFixture{path: path, bankChain: bankChain, city: city, app: city.App.(*App), voucher: voucherOnCity(path)}
	f.program = createProgram(t, city, f.voucher, 1_000_000)
	ack, _ := sendToCity(t, path, bankChain, f.app.FundsKeeper.EscrowAddress().String(), depositMemo(fmt.Sprint(f.program)), 100_000)
	require.True(t, ack.Success())
	f.beneficiary = city.SenderAccounts[1].SenderAccount.GetAddress().String()
	return f
}

// payout disburses amount from the program's root to receiver on the bank
// chain and returns the packet it sent.
func (f payoutFixture) payout(t *testing.T, receiver string, amount int64) channeltypes.Packet {
	t.Helper()
	res, err := f.city.SendMsgs(&fundstypes.MsgDisburse{
		Signer: f.city.SenderAccount.GetAddress().String(), AllocationId: 1, Beneficiary: f.beneficiary,
		Amount: sdk.NewInt64Coin(f.voucher, amount), PurposeCode: "16010", Reference: make([]byte, 32),
		IbcChannel: f.path.EndpointB.ChannelID, IbcReceiver: receiver,
	})
	require.NoError(t, err)
	packet, err := ibctesting.ParseV1PacketFromEvents(res.Events)
	require.NoError(t, err)
	return packet
}

func (f payoutFixture) disbursement(t *testing.T, id uint64) fundstypes.Disbursement {
	d, err := f.app.FundsKeeper.GetDisbursement(f.city.GetContext(), id)
	require.NoError(t, err)
	return d
}

func (f payoutFixture) escrow() int64 {
	return f.app.BankKeeper.GetBalance(f.city.GetContext(), f.app.FundsKeeper.EscrowAddress(), f.voucher).Amount.Int64()
}

// requireBooks checks the invariants and that the payout address keeps
// nothing once no payout is in flight.
func (f payoutFixture) requireBooks(t *testing.T) {
	ctx := f.city.GetContext()
	require.NoError(t, f.app.Invariants().Check(ctx))
	require.True(t, f.app.BankKeeper.GetAllBalances(ctx, f.app.FundsKeeper.PayoutAddress()).IsZero())
}

func TestIBCPayoutAcknowledged(t *testing.T) {
	f := newPayoutFixture(t)
	receiver := f.bankChain.SenderAccounts[1].SenderAccount.GetAddress()
	before := f.bankChain.App.(*App).BankKeeper.GetBalance(f.bankChain.GetContext(), receiver, BondDenom).Amount

	packet := f.payout(t, receiver.String(), 30_000)
	d := f.disbursement(t, 1)
	require.Equal(t, fundstypes.DisbursementStatus_DISBURSEMENT_STATUS_IN_FLIGHT, d.Status)
	require.Equal(t, packet.Sequence, d.IbcPayout.Sequence)
	require.Equal(t, int64(70_000), f.escrow())
	require.Equal(t, uint32(1), f.open(t), "a payout in flight keeps the program open")
	require.NoError(t, f.app.Invariants().Check(f.city.GetContext()))

	require.NoError(t, f.path.RelayPacket(packet))
	require.Equal(t, before.AddRaw(30_000), f.bankChain.App.(*App).BankKeeper.GetBalance(f.bankChain.GetContext(), receiver, BondDenom).Amount,
		"the bank chain pays the receiver in its own coin")
	d = f.disbursement(t, 1)
	require.Equal(t, fundstypes.DisbursementStatus_DISBURSEMENT_STATUS_PAID, d.Status)
	require.NotNil(t, d.PaidAt)
	require.Equal(t, int64(70_000), f.escrow())
	require.Zero(t, f.open(t))
	f.requireBooks(t)
}

func (f payoutFixture) open(t *testing.T) uint32 {
	p, err := f.app.FundsKeeper.GetProgram(f.city.GetContext(), f.program)
	require.NoError(t, err)
	return p.OpenItems
}

func TestIBCPayoutRefusedComesBack(t *testing.T) {
	f := newPayoutFixture(t)
	packet := f.payout(t, "not-an-address", 30_000)
	require.NoError(t, f.path.RelayPacket(packet))
	d := f.disbursement(t, 1)
	require.Equal(t, fundstypes.DisbursementStatus_DISBURSEMENT_STATUS_RETURNED, d.Status)
	require.Contains(t, d.IbcPayout.Failure, "ABCI code")
	require.Equal(t, int64(100_000), f.escrow(), "the coins are back in the escrow")
	root, err := f.app.FundsKeeper.GetAllocation(f.city.GetContext(), 1)
	require.NoError(t, err)
	require.True(t, root.Disbursed.IsZero())
	require.Equal(t, int64(100_000), root.Available().Int64())
	entries, err := f.app.FundsKeeper.Ledger.Get(f.city.GetContext(), 3)
	require.NoError(t, err)
	require.Equal(t, fundstypes.LedgerType_LEDGER_TYPE_PAYOUT_RETURNED, entries.Type)
	require.Equal(t, "allocation/1", entries.To)
	f.requireBooks(t)
}

func TestIBCPayoutTimedOutComesBack(t *testing.T) {
	f := newPayoutFixture(t)
	params := fundstypes.DefaultParams()
	params.IbcPayoutTimeout = time.Minute
	require.NoError(t, f.app.FundsKeeper.Params.Set(f.city.GetContext(), params))
	packet := f.payout(t, f.bankChain.SenderAccount.GetAddress().String(), 30_000)
	require.Equal(t, int64(70_000), f.escrow())

	// The bank chain's clock passes the timeout before the packet is relayed.
	f.bankChain.Coordinator.IncrementTimeBy(2 * time.Minute)
	require.NoError(t, f.path.EndpointA.UpdateClient())
	require.NoError(t, f.path.EndpointB.UpdateClient())
	require.NoError(t, f.path.EndpointB.TimeoutPacket(packet))
	d := f.disbursement(t, 1)
	require.Equal(t, fundstypes.DisbursementStatus_DISBURSEMENT_STATUS_RETURNED, d.Status)
	require.Equal(t, "timed out", d.IbcPayout.Failure)
	require.Equal(t, int64(100_000), f.escrow())
	require.Zero(t, f.open(t))
	f.requireBooks(t)
}

func TestIBCPayoutRejects(t *testing.T) {
	f := newPayoutFixture(t)
	send := func(channel, receiver string) error {
		_, err := f.city.SendMsgs(&fundstypes.MsgDisburse{
			Signer: f.city.SenderAccount.GetAddress().String(), AllocationId: 1, Beneficiary: f.beneficiary,
			Amount: sdk.NewInt64Coin(f.voucher, 10), PurposeCode: "16010", Reference: make([]byte, 32),
			IbcChannel: channel, IbcReceiver: receiver,
		})
		return err
	}
	require.ErrorContains(t, send(f.path.EndpointB.ChannelID, ""), "needs both")
	require.ErrorContains(t, send("", "someone"), "needs both")
	require.ErrorContains(t, send("channel-99", "someone"), "IBC payout over channel-99")
	require.ErrorContains(t, send("not a channel", "someone"), "ibc_channel")
	require.Equal(t, int64(100_000), f.escrow())
	f.requireBooks(t)
}
