package app

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	transfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"
	clienttypes "github.com/cosmos/ibc-go/v11/modules/core/02-client/types"
	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"
	ibcerrors "github.com/cosmos/ibc-go/v11/modules/core/errors"
	ibctesting "github.com/cosmos/ibc-go/v11/testing"

	fundskeeper "github.com/trustcity/trustcity/x/funds/keeper"
	fundstypes "github.com/trustcity/trustcity/x/funds/types"
	identitykeeper "github.com/trustcity/trustcity/x/identity/keeper"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

// bankChainPath connects chain A, standing for a bank chain, to chain B,
// TrustCity, over an ICS-20 channel. On B the treasury department (admin:
// B's sender account) holds FUND_MANAGER.
func bankChainPath(t *testing.T) (*ibctesting.Path, *ibctesting.TestChain, *ibctesting.TestChain) {
	t.Helper()
	coord := ibctesting.NewCustomAppCoordinator(t, 2, ibcTestingApps(t))
	bankChain, city := coord.GetChain(ibctesting.GetChainID(1)), coord.GetChain(ibctesting.GetChainID(2))
	path := ibctesting.NewTransferPath(bankChain, city)
	path.Setup()
	app := city.App.(*App)
	_, err := identitykeeper.NewMsgServerImpl(app.IdentityKeeper).RegisterDepartment(city.GetContext(), &identitytypes.MsgRegisterDepartment{
		Signer: authority(), Id: "treasury", Name: "Treasury", Admin: city.SenderAccount.GetAddress().String(),
		Roles: []identitytypes.Role{identitytypes.Role_ROLE_FUND_MANAGER},
	})
	require.NoError(t, err)
	return path, bankChain, city
}

// voucherOnCity is the denom utcity of the bank chain has on the city chain.
func voucherOnCity(path *ibctesting.Path) string {
	return transfertypes.NewDenom(BondDenom, transfertypes.NewHop(path.EndpointB.ChannelConfig.PortID, path.EndpointB.ChannelID)).IBCDenom()
}

// createProgram creates a program of denom with the given cap on the city
// chain and returns its id.
func createProgram(t *testing.T, city *ibctesting.TestChain, denom string, budget int64) uint64 {
	t.Helper()
	a := city.App.(*App)
	owner := city.SenderAccount.GetAddress().String()
	res, err := fundskeeper.NewMsgServerImpl(a.FundsKeeper).CreateProgram(city.GetContext(), &fundstypes.MsgCreateProgram{
		Signer: owner, Name: "Relief", BudgetCap: sdk.NewInt64Coin(denom, budget), PurposeCode: "16010",
		ApprovalThreshold: sdk.NewInt64Coin(denom, budget), RefundAddress: owner,
	})
	require.NoError(t, err)
	return res.ProgramId
}

// sendToCity sends amount utcity from the bank chain's sender to receiver on
// the city chain with memo, relays the packet and its acknowledgement, and
// returns the acknowledgement and the receiving transaction's event types.
func sendToCity(t *testing.T, path *ibctesting.Path, bankChain *ibctesting.TestChain, receiver, memo string, amount int64) (channeltypes.Acknowledgement, []string) {
	t.Helper()
	msg := transfertypes.NewMsgTransfer(path.EndpointA.ChannelConfig.PortID, path.EndpointA.ChannelID,
		sdk.NewInt64Coin(BondDenom, amount), bankChain.SenderAccount.GetAddress().String(), receiver,
		clienttypes.NewHeight(1, 1000), 0, memo)
	res, err := bankChain.SendMsgs(msg)
	require.NoError(t, err)
	packet, err := ibctesting.ParseV1PacketFromEvents(res.Events)
	require.NoError(t, err)
	ack, ackBz, events := receive(t, path.EndpointB, packet)
	require.NoError(t, path.EndpointA.UpdateClient())
	require.NoError(t, path.EndpointA.AcknowledgePacket(packet, ackBz))
	return ack, events
}

func depositMemo(program any) string {
	bz, _ := json.Marshal(map[string]any{"trustcity": map[string]any{"program": program}})
	return string(bz)
}

func TestIBCDepositCreditedToProgram(t *testing.T) {
	path, bankChain, city := bankChainPath(t)
	a := city.App.(*App)
	voucher := voucherOnCity(path)
	program := createProgram(t, city, voucher, 1_000_000)
	escrow := a.FundsKeeper.EscrowAddress().String()
	sender := bankChain.SenderAccount.GetAddress()
	before := bankChain.App.(*App).BankKeeper.GetBalance(bankChain.GetContext(), sender, BondDenom).Amount

	ack, _ := sendToCity(t, path, bankChain, escrow, depositMemo(fmt.Sprint(program)), 250_000)
	require.True(t, ack.Success(), ack.GetError())
	ctx := city.GetContext()
	require.Equal(t, int64(250_000), a.BankKeeper.GetBalance(ctx, a.FundsKeeper.EscrowAddress(), voucher).Amount.Int64())
	require.True(t, a.BankKeeper.GetAllBalances(ctx, a.FundsKeeper.DepositAddress()).IsZero(), "the deposit address keeps nothing")
	p, err := a.FundsKeeper.GetProgram(ctx, program)
	require.NoError(t, err)
	require.Equal(t, int64(250_000), p.Funded.Int64())
	entry, err := a.FundsKeeper.Ledger.Get(ctx, 1)
	require.NoError(t, err)
	require.Equal(t, fundstypes.LedgerType_LEDGER_TYPE_INCOMING_FUNDS, entry.Type)
	require.Equal(t, sender.String(), entry.From)
	require.NotNil(t, entry.IbcOrigin)
	require.Equal(t, fundstypes.IbcOrigin{
		SourcePort: path.EndpointA.ChannelConfig.PortID, SourceChannel: path.EndpointA.ChannelID, Sender: sender.String(),
		DenomTrace: path.EndpointB.ChannelConfig.PortID + "/" + path.EndpointB.ChannelID + "/" + BondDenom, Sequence: 1,
	}, *entry.IbcOrigin)
	require.Equal(t, before.SubRaw(250_000), bankChain.App.(*App).BankKeeper.GetBalance(bankChain.GetContext(), sender, BondDenom).Amount)
	require.NoError(t, a.Invariants().Check(ctx))

	// A number is accepted as the program id too.
	ack, _ = sendToCity(t, path, bankChain, escrow, depositMemo(program), 1)
	require.True(t, ack.Success())
}

func TestIBCDepositRefusedIsRefunded(t *testing.T) {
	path, bankChain, city := bankChainPath(t)
	a := city.App.(*App)
	voucher := voucherOnCity(path)
	open := createProgram(t, city, voucher, 1000)
	other := createProgram(t, city, BondDenom, 1000)
	closed := createProgram(t, city, voucher, 1000)
	_, err := fundskeeper.NewMsgServerImpl(a.FundsKeeper).CloseProgram(city.GetContext(), &fundstypes.MsgCloseProgram{
		Signer: city.SenderAccount.GetAddress().String(), ProgramId: closed})
	require.NoError(t, err)
	escrow := a.FundsKeeper.EscrowAddress().String()
	stranger := city.SenderAccounts[1].SenderAccount.GetAddress().String()
	sender := bankChain.SenderAccount.GetAddress()
	bankBalance := func() sdkmath.Int {
		return bankChain.App.(*App).BankKeeper.GetBalance(bankChain.GetContext(), sender, BondDenom).Amount
	}

	for _, tc := range []struct {
		name, receiver, memo string
		want                 *errorsmod.Error
		amount               int64
	}{
		{"unknown program", escrow, depositMemo("99"), fundstypes.ErrProgramNotFound, 10},
		{"closed program", escrow, depositMemo(fmt.Sprint(closed)), fundstypes.ErrProgramClosed, 10},
		{"another denom", escrow, depositMemo(fmt.Sprint(other)), fundstypes.ErrWrongDenom, 10},
		{"past the cap", escrow, depositMemo(fmt.Sprint(open)), fundstypes.ErrBudgetExceeded, 1001},
		{"malformed memo", escrow, `{"trustcity":{"program":"one"}}`, fundstypes.ErrInvalidRequest, 10},
		{"not sent to the escrow", stranger, depositMemo(fmt.Sprint(open)), fundstypes.ErrInvalidAddress, 10},
		{"escrow without a memo", escrow, "", ibcerrors.ErrUnauthorized, 10},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := bankBalance()
			ack, events := sendToCity(t, path, bankChain, tc.receiver, tc.memo, tc.amount)
			require.False(t, ack.Success())
			if tc.memo != "" {
				require.Contains(t, events, "ibccallbackerror-trustcity.funds.v1.EventDepositRefused", "the reason is kept in the events")
			}
			require.Contains(t, ack.GetError(), fmt.Sprintf("ABCI code: %d:", tc.want.ABCICode()))
			require.Equal(t, before, bankBalance(), "the bank chain refunds its sender")
			ctx := city.GetContext()
			require.True(t, a.BankKeeper.GetAllBalances(ctx, a.FundsKeeper.EscrowAddress()).IsZero())
			require.True(t, a.BankKeeper.GetSupply(ctx, voucher).Amount.IsZero(), "no voucher was minted")
			has, err := a.FundsKeeper.Ledger.Has(ctx, 1)
			require.NoError(t, err)
			require.False(t, has)
		})
	}

	// Without the tag, a transfer is plain ICS-20.
	ack, _ := sendToCity(t, path, bankChain, stranger, `{"note":"salary"}`, 10)
	require.True(t, ack.Success())
	require.Equal(t, int64(10), a.BankKeeper.GetBalance(city.GetContext(), city.SenderAccounts[1].SenderAccount.GetAddress(), voucher).Amount.Int64())
}

// A token native to the city chain coming home from the bank chain is
// credited in its native denom.
func TestIBCDepositOfTokenComingHome(t *testing.T) {
	path, bankChain, city := bankChainPath(t)
	a := city.App.(*App)
	program := createProgram(t, city, BondDenom, 1_000_000)

	// The city's utcity goes out to the bank chain as a plain transfer ...
	out := transfertypes.NewMsgTransfer(path.EndpointB.ChannelConfig.PortID, path.EndpointB.ChannelID,
		sdk.NewInt64Coin(BondDenom, 5000), city.SenderAccount.GetAddress().String(), bankChain.SenderAccount.GetAddress().String(),
		clienttypes.NewHeight(1, 1000), 0, "")
	res, err := city.SendMsgs(out)
	require.NoError(t, err)
	packet, err := ibctesting.ParseV1PacketFromEvents(res.Events)
	require.NoError(t, err)
	require.NoError(t, path.RelayPacket(packet))

	// ... and comes back, tagged for the program.
	voucher := transfertypes.NewDenom(BondDenom, transfertypes.NewHop(path.EndpointA.ChannelConfig.PortID, path.EndpointA.ChannelID)).IBCDenom()
	back := transfertypes.NewMsgTransfer(path.EndpointA.ChannelConfig.PortID, path.EndpointA.ChannelID,
		sdk.NewInt64Coin(voucher, 5000), bankChain.SenderAccount.GetAddress().String(), a.FundsKeeper.EscrowAddress().String(),
		clienttypes.NewHeight(1, 1000), 0, depositMemo(fmt.Sprint(program)))
	res, err = bankChain.SendMsgs(back)
	require.NoError(t, err)
	packet, err = ibctesting.ParseV1PacketFromEvents(res.Events)
	require.NoError(t, err)
	require.NoError(t, path.RelayPacket(packet))

	ctx := city.GetContext()
	require.Equal(t, int64(5000), a.BankKeeper.GetBalance(ctx, a.FundsKeeper.EscrowAddress(), BondDenom).Amount.Int64())
	entry, err := a.FundsKeeper.Ledger.Get(ctx, 1)
	require.NoError(t, err)
	require.Equal(t, BondDenom, entry.IbcOrigin.DenomTrace)
	require.NoError(t, a.Invariants().Check(ctx))
}
