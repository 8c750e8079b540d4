package app

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"

	clienttypes "github.com/cosmos/ibc-go/v11/modules/core/02-client/types"
	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"
	ibctesting "github.com/cosmos/ibc-go/v11/testing"

	judicialkeeper "github.com/trustcity/trustcity/x/evidence/keeper"
	judicialtypes "github.com/trustcity/trustcity/x/evidence/types"
	identitykeeper "github.com/trustcity/trustcity/x/identity/keeper"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

// judicialNet is two TrustCity chains joined by a judicial channel. On each
// the department "notary" (admin: the chain's sender account) holds
// EVIDENCE_DEPOSITOR.
type judicialNet struct {
	path *ibctesting.Path
	a, b *ibctesting.TestChain
}

// newJudicialNet opens the judicial channel; a chain accredits the other
// when told to.
func newJudicialNet(t *testing.T, aAccreditsB, bAccreditsA bool) judicialNet {
	t.Helper()
	coord := ibctesting.NewCustomAppCoordinator(t, 2, ibcTestingApps(t))
	n := judicialNet{a: coord.GetChain(ibctesting.GetChainID(1)), b: coord.GetChain(ibctesting.GetChainID(2))}
	n.path = ibctesting.NewPath(n.a, n.b)
	for _, end := range []*ibctesting.Endpoint{n.path.EndpointA, n.path.EndpointB} {
		end.ChannelConfig.PortID, end.ChannelConfig.Version, end.ChannelConfig.Order = judicialtypes.PortID, judicialtypes.Version, channeltypes.UNORDERED
	}
	n.path.Setup()
	for _, c := range []struct {
		chain    *ibctesting.TestChain
		other    string
		accredit bool
	}{{n.a, n.b.ChainID, aAccreditsB}, {n.b, n.a.ChainID, bAccreditsA}} {
		app := c.chain.App.(*App)
		_, err := identitykeeper.NewMsgServerImpl(app.IdentityKeeper).RegisterDepartment(c.chain.GetContext(), &identitytypes.MsgRegisterDepartment{
			Signer: authority(), Id: "notary", Name: "Notary", Admin: c.chain.SenderAccount.GetAddress().String(),
			Roles: []identitytypes.Role{identitytypes.Role_ROLE_EVIDENCE_DEPOSITOR},
		})
		require.NoError(t, err)
		if c.accredit {
			accredit(t, c.chain, c.other)
		}
	}
	return n
}

// accredit makes chain accredit other, through the authority's
// MsgUpdateParams.
func accredit(t *testing.T, chain *ibctesting.TestChain, other string) {
	t.Helper()
	app := chain.App.(*App)
	p, err := app.JudicialKeeper.Params.Get(chain.GetContext())
	require.NoError(t, err)
	p.AccreditedChains = append(p.AccreditedChains, other)
	_, err = judicialkeeper.NewMsgServerImpl(app.JudicialKeeper).UpdateParams(chain.GetContext(), &judicialtypes.MsgUpdateParams{Authority: authority(), Params: p})
	require.NoError(t, err)
}

// end returns the path's endpoint on chain.
func (n judicialNet) end(chain *ibctesting.TestChain) *ibctesting.Endpoint {
	if chain == n.a {
		return n.path.EndpointA
	}
	return n.path.EndpointB
}

// deposit deposits a fresh digest on chain through a transaction and
// returns the record id.
func (n judicialNet) deposit(t *testing.T, chain *ibctesting.TestChain, seed string) uint64 {
	t.Helper()
	digest := sha256.Sum256([]byte(seed))
	id, err := chain.App.(*App).JudicialKeeper.EvidenceSeq.Peek(chain.GetContext())
	require.NoError(t, err)
	_, err = chain.SendMsgs(&judicialtypes.MsgDeposit{
		Signer: chain.SenderAccount.GetAddress().String(), Digest: digest[:], Algorithm: judicialtypes.HashAlgorithm_HASH_ALGORITHM_SHA256,
		Category: judicialtypes.Category_CATEGORY_E_CONTRACT, Parties: []string{"did:web:" + hex.EncodeToString(digest[:4]) + ".example"}, Metadata: "contract " + seed,
	})
	require.NoError(t, err)
	require.Equal(t, judicialtypes.EvidenceStatus_EVIDENCE_STATUS_ACTIVE, record(t, chain, id).Status)
	return id
}

// forward forwards record id from chain over the judicial channel and
// returns the packet sent.
func (n judicialNet) forward(t *testing.T, chain *ibctesting.TestChain, id uint64) channeltypes.Packet {
	t.Helper()
	res, err := chain.SendMsgs(&judicialtypes.MsgForwardDeposit{Signer: chain.SenderAccount.GetAddress().String(), Id: id, ChannelId: n.end(chain).ChannelID})
	require.NoError(t, err)
	packet, err := ibctesting.ParseV1PacketFromEvents(res.Events)
	require.NoError(t, err)
	return packet
}

// relay delivers packet, sent by from, to the other chain and brings the
// acknowledgement back; it returns the acknowledgement and the event types
// of the receiving transaction.
func (n judicialNet) relay(t *testing.T, from *ibctesting.TestChain, packet channeltypes.Packet) (channeltypes.Acknowledgement, []string) {
	t.Helper()
	src := n.end(from)
	ack, ackBz, events := receive(t, src.Counterparty, packet)
	require.NoError(t, src.UpdateClient())
	require.NoError(t, src.AcknowledgePacket(packet, ackBz))
	return ack, events
}

func record(t *testing.T, chain *ibctesting.TestChain, id uint64) judicialtypes.Evidence {
	t.Helper()
	e, err := chain.App.(*App).JudicialKeeper.GetEvidence(chain.GetContext(), id)
	require.NoError(t, err)
	return e
}

func checkInvariants(t *testing.T, chains ...*ibctesting.TestChain) {
	t.Helper()
	for _, c := range chains {
		require.NoError(t, c.App.(*App).Invariants().Check(c.GetContext()))
	}
}

func TestJudicialDepositsForwardedBothWays(t *testing.T) {
	n := newJudicialNet(t, true, true)
	for _, dir := range []struct{ from, to *ibctesting.TestChain }{{n.a, n.b}, {n.b, n.a}} {
		id := n.deposit(t, dir.from, dir.from.ChainID)
		sent := record(t, dir.from, id)
		packet := n.forward(t, dir.from, id)
		inFlight := record(t, dir.from, id).Forwards
		require.Len(t, inFlight, 1)
		require.Equal(t, judicialtypes.ForwardStatus_FORWARD_STATUS_IN_FLIGHT, inFlight[0].Status)
		require.Equal(t, dir.to.ChainID, inFlight[0].ChainId)

		ack, _ := n.relay(t, dir.from, packet)
		require.True(t, ack.Success(), ack.GetError())

		// The receiving chain keeps the deposit with its origin.
		toApp := dir.to.App.(*App)
		found, err := toApp.JudicialKeeper.EvidenceOfDigest(dir.to.GetContext(), sent.Digest)
		require.NoError(t, err)
		require.NotNil(t, found)
		require.Equal(t, sent.Digest, found.Digest)
		require.Equal(t, sent.Parties, found.Parties)
		require.Equal(t, sent.Metadata, found.Metadata)
		require.Empty(t, found.DepartmentId)
		require.Empty(t, found.Depositor)
		fromEnd := n.end(dir.from)
		require.Equal(t, &judicialtypes.CrossChainOrigin{
			ChainId: dir.from.ChainID, PortId: judicialtypes.PortID, ChannelId: fromEnd.ChannelID,
			DestinationChannelId: fromEnd.Counterparty.ChannelID, Sequence: packet.Sequence,
			Depositor: sent.Depositor, DepartmentId: "notary", SourceRecordId: id, DepositedAt: sent.Time,
		}, found.Origin)
		listed, err := judicialkeeper.NewQueryServerImpl(toApp.JudicialKeeper).CrossChainDeposits(dir.to.GetContext(),
			&judicialtypes.QueryCrossChainDepositsRequest{ChainId: dir.from.ChainID})
		require.NoError(t, err)
		require.Len(t, listed.Evidence, 1)
		require.Equal(t, found.Id, listed.Evidence[0].Id)

		// The sending chain records where and when.
		f := record(t, dir.from, id).Forwards[0]
		require.Equal(t, judicialtypes.ForwardStatus_FORWARD_STATUS_ACKNOWLEDGED, f.Status)
		require.Equal(t, found.Id, f.RemoteRecordId)
		require.Equal(t, found.Height, f.RemoteHeight)
		require.NotNil(t, f.RemoteTime)
		require.True(t, found.Time.Equal(*f.RemoteTime))
		require.NotZero(t, f.ResolvedHeight)
		has, err := dir.from.App.(*App).JudicialKeeper.ForwardsInFlight.Has(dir.from.GetContext(), collections.Join(fromEnd.ChannelID, packet.Sequence))
		require.NoError(t, err)
		require.False(t, has)

		// The chain that received it cannot forward or withdraw it.
		_, err = judicialkeeper.NewMsgServerImpl(toApp.JudicialKeeper).ForwardDeposit(dir.to.GetContext(), &judicialtypes.MsgForwardDeposit{
			Signer: dir.to.SenderAccount.GetAddress().String(), Id: found.Id, ChannelId: n.end(dir.to).ChannelID})
		require.ErrorIs(t, err, judicialtypes.ErrNotForwardable)
		_, err = judicialkeeper.NewMsgServerImpl(toApp.JudicialKeeper).Withdraw(dir.to.GetContext(), &judicialtypes.MsgWithdraw{
			Signer: dir.to.SenderAccount.GetAddress().String(), Id: found.Id, Reason: "not ours"})
		require.ErrorIs(t, err, judicialtypes.ErrUnauthorized)
		checkInvariants(t, n.a, n.b)
	}
}

func TestJudicialNonAccreditedChainRefused(t *testing.T) {
	// A accredits B, but B does not accredit A.
	n := newJudicialNet(t, true, false)
	id := n.deposit(t, n.a, "loan contract")
	packet := n.forward(t, n.a, id)
	ack, events := n.relay(t, n.a, packet)
	require.False(t, ack.Success())
	require.Contains(t, ack.GetError(), "judicial/20")
	require.Contains(t, events, "ibccallbackerror-trustcity.judicial.v1.EventCrossChainDepositRefused")
	next, err := n.b.App.(*App).JudicialKeeper.EvidenceSeq.Peek(n.b.GetContext())
	require.NoError(t, err)
	require.Equal(t, uint64(1), next, "B stored nothing")
	f := record(t, n.a, id).Forwards[0]
	require.Equal(t, judicialtypes.ForwardStatus_FORWARD_STATUS_REFUSED, f.Status)
	require.Equal(t, ack.GetError(), f.Error)
	checkInvariants(t, n.a, n.b)

	// Once B accredits A, the same deposit may go again, and arrives.
	accredit(t, n.b, n.a.ChainID)
	ack, _ = n.relay(t, n.a, n.forward(t, n.a, id))
	require.True(t, ack.Success(), ack.GetError())
	forwards := record(t, n.a, id).Forwards
	require.Len(t, forwards, 2)
	require.Equal(t, judicialtypes.ForwardStatus_FORWARD_STATUS_ACKNOWLEDGED, forwards[1].Status)
	checkInvariants(t, n.a, n.b)
}

func TestJudicialDuplicateDigestRefused(t *testing.T) {
	n := newJudicialNet(t, true, true)
	id := n.deposit(t, n.a, "same record")
	n.deposit(t, n.b, "same record") // B already holds the digest
	ack, _ := n.relay(t, n.a, n.forward(t, n.a, id))
	require.False(t, ack.Success())
	require.Contains(t, ack.GetError(), "judicial/7")
	require.Equal(t, judicialtypes.ForwardStatus_FORWARD_STATUS_REFUSED, record(t, n.a, id).Forwards[0].Status)
	checkInvariants(t, n.a, n.b)
}

func TestJudicialBadPacketsGetErrorAcks(t *testing.T) {
	n := newJudicialNet(t, true, true)
	digest := sha256.Sum256([]byte("x"))
	good := judicialtypes.DepositPacketData{
		Digest: digest[:], Algorithm: judicialtypes.HashAlgorithm_HASH_ALGORITHM_SHA256, Category: judicialtypes.Category_CATEGORY_FINANCE,
		Depositor: "cosmos1depositor", DepartmentId: "loans", SourceRecordId: 9, DepositedAt: time.Unix(1_700_000_000, 0).UTC(),
	}
	encode := func(d judicialtypes.DepositPacketData) string {
		bz, err := d.GetBytes()
		require.NoError(t, err)
		return string(bz)
	}
	with := func(change func(*judicialtypes.DepositPacketData)) string {
		d := good
		change(&d)
		return encode(d)
	}
	for _, tc := range []struct {
		name, data, code string
	}{
		{"not JSON", "deposit", "judicial/21"},
		{"empty object", "{}", "judicial/5"},
		{"unknown field", strings.Replace(encode(good), `{"digest"`, `{"colour":"red","digest"`, 1), "judicial/21"},
		{"short digest", with(func(d *judicialtypes.DepositPacketData) { d.Digest = d.Digest[:31] }), "judicial/4"},
		{"unknown algorithm", with(func(d *judicialtypes.DepositPacketData) { d.Algorithm = 9 }), "judicial/5"},
		{"no category", with(func(d *judicialtypes.DepositPacketData) { d.Category = 0 }), "judicial/6"},
		{"bad party", with(func(d *judicialtypes.DepositPacketData) { d.Parties = []string{"alice"} }), "judicial/17"},
		{"no depositor", with(func(d *judicialtypes.DepositPacketData) { d.Depositor = "" }), "judicial/14"},
		{"no department", with(func(d *judicialtypes.DepositPacketData) { d.DepartmentId = " " }), "judicial/14"},
		{"no source record", with(func(d *judicialtypes.DepositPacketData) { d.SourceRecordId = 0 }), "judicial/21"},
		{"no deposit time", with(func(d *judicialtypes.DepositPacketData) { d.DepositedAt = time.Time{} }), "judicial/21"},
		{"metadata too long", with(func(d *judicialtypes.DepositPacketData) { d.Metadata = strings.Repeat("m", 4096) }), "judicial/14"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ack := n.receiveRaw(t, []byte(tc.data))
			require.False(t, ack.Success())
			require.Contains(t, ack.GetError(), tc.code+":")
			next, err := n.b.App.(*App).JudicialKeeper.EvidenceSeq.Peek(n.b.GetContext())
			require.NoError(t, err)
			require.Equal(t, uint64(1), next, "nothing stored")
		})
	}
	// The good packet itself is accepted.
	ack := n.receiveRaw(t, []byte(encode(good)))
	require.True(t, ack.Success(), ack.GetError())
	result, err := judicialtypes.ParseDepositAcknowledgement(ack.GetResult())
	require.NoError(t, err)
	require.Equal(t, uint64(1), result.RecordId)
	require.True(t, n.b.GetContext().BlockTime().Equal(result.Time) || result.Time.Before(n.b.GetContext().BlockTime()))
	checkInvariants(t, n.b)
}

// receiveRaw sends data from A over the judicial channel as it is, has B
// receive it and returns B's acknowledgement (which A, having no forward
// for the packet, is not given).
func (n judicialNet) receiveRaw(t *testing.T, data []byte) channeltypes.Acknowledgement {
	t.Helper()
	timeout := uint64(n.a.ProposedHeader.Time.Add(time.Hour).UnixNano())
	seq, err := n.path.EndpointA.SendPacket(clienttypes.ZeroHeight(), timeout, data)
	require.NoError(t, err)
	packet := channeltypes.NewPacket(data, seq, judicialtypes.PortID, n.path.EndpointA.ChannelID,
		judicialtypes.PortID, n.path.EndpointB.ChannelID, clienttypes.ZeroHeight(), timeout)
	ack, _, _ := receive(t, n.path.EndpointB, packet)
	return ack
}

func TestJudicialForwardTimedOut(t *testing.T) {
	n := newJudicialNet(t, true, true)
	a := n.a.App.(*App)
	p, err := a.JudicialKeeper.Params.Get(n.a.GetContext())
	require.NoError(t, err)
	p.ForwardTimeout = time.Minute
	_, err = judicialkeeper.NewMsgServerImpl(a.JudicialKeeper).UpdateParams(n.a.GetContext(), &judicialtypes.MsgUpdateParams{Authority: authority(), Params: p})
	require.NoError(t, err)
	id := n.deposit(t, n.a, "late")
	packet := n.forward(t, n.a, id)

	// B's clock passes the timeout before the packet is relayed.
	n.b.Coordinator.IncrementTimeBy(2 * time.Minute)
	require.NoError(t, n.path.EndpointB.UpdateClient())
	require.NoError(t, n.path.EndpointA.UpdateClient())
	require.NoError(t, n.path.EndpointA.TimeoutPacket(packet))
	f := record(t, n.a, id).Forwards[0]
	require.Equal(t, judicialtypes.ForwardStatus_FORWARD_STATUS_TIMED_OUT, f.Status)
	require.NotZero(t, f.ResolvedHeight)
	checkInvariants(t, n.a, n.b)

	// A timed-out forward may be sent again.
	ack, _ := n.relay(t, n.a, n.forward(t, n.a, id))
	require.True(t, ack.Success(), ack.GetError())
	checkInvariants(t, n.a, n.b)
}

func TestJudicialForwardRejects(t *testing.T) {
	n := newJudicialNet(t, true, true)
	a := n.a.App.(*App)
	srv := judicialkeeper.NewMsgServerImpl(a.JudicialKeeper)
	owner := n.a.SenderAccount.GetAddress().String()
	channel := n.path.EndpointA.ChannelID
	id := n.deposit(t, n.a, "original")
	withdrawn := n.deposit(t, n.a, "withdrawn")
	_, err := srv.Withdraw(n.a.GetContext(), &judicialtypes.MsgWithdraw{Signer: owner, Id: withdrawn, Reason: "superseded"})
	require.NoError(t, err)
	// Another notary-like department on A with its own depositor.
	other := n.a.SenderAccounts[1].SenderAccount.GetAddress().String()
	_, err = identitykeeper.NewMsgServerImpl(a.IdentityKeeper).RegisterDepartment(n.a.GetContext(), &identitytypes.MsgRegisterDepartment{
		Signer: authority(), Id: "platform", Name: "Platform", Admin: other, Roles: []identitytypes.Role{identitytypes.Role_ROLE_EVIDENCE_DEPOSITOR},
	})
	require.NoError(t, err)
	outsider := n.a.SenderAccounts[2].SenderAccount.GetAddress().String()

	for _, tc := range []struct {
		name string
		msg  judicialtypes.MsgForwardDeposit
		want error
	}{
		{"no role", judicialtypes.MsgForwardDeposit{Signer: outsider, Id: id, ChannelId: channel}, identitytypes.ErrNotAffiliated},
		{"bad signer", judicialtypes.MsgForwardDeposit{Signer: "tcity1nope", Id: id, ChannelId: channel}, judicialtypes.ErrInvalidAddress},
		{"other department", judicialtypes.MsgForwardDeposit{Signer: other, Id: id, ChannelId: channel}, judicialtypes.ErrUnauthorized},
		{"unknown record", judicialtypes.MsgForwardDeposit{Signer: owner, Id: 99, ChannelId: channel}, judicialtypes.ErrEvidenceNotFound},
		{"withdrawn record", judicialtypes.MsgForwardDeposit{Signer: owner, Id: withdrawn, ChannelId: channel}, judicialtypes.ErrNotForwardable},
		{"malformed channel", judicialtypes.MsgForwardDeposit{Signer: owner, Id: id, ChannelId: "chan 0"}, judicialtypes.ErrInvalidChannel},
		{"unknown channel", judicialtypes.MsgForwardDeposit{Signer: owner, Id: id, ChannelId: "channel-42"}, judicialtypes.ErrInvalidChannel},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, _ := n.a.GetContext().CacheContext()
			_, err := srv.ForwardDeposit(ctx, &tc.msg)
			require.ErrorIs(t, err, tc.want)
		})
	}

	// Not accredited: A withdraws B's accreditation.
	t.Run("not accredited", func(t *testing.T) {
		ctx, _ := n.a.GetContext().CacheContext()
		p, err := a.JudicialKeeper.Params.Get(ctx)
		require.NoError(t, err)
		p.AccreditedChains = nil
		require.NoError(t, a.JudicialKeeper.Params.Set(ctx, p))
		_, err = srv.ForwardDeposit(ctx, &judicialtypes.MsgForwardDeposit{Signer: owner, Id: id, ChannelId: channel})
		require.ErrorIs(t, err, judicialtypes.ErrNotAccredited)
	})

	// In flight, then acknowledged: not again to the same chain.
	packet := n.forward(t, n.a, id)
	_, err = srv.ForwardDeposit(n.a.GetContext(), &judicialtypes.MsgForwardDeposit{Signer: owner, Id: id, ChannelId: channel})
	require.ErrorIs(t, err, judicialtypes.ErrAlreadyForwarded)
	ack, _ := n.relay(t, n.a, packet)
	require.True(t, ack.Success())
	_, err = srv.ForwardDeposit(n.a.GetContext(), &judicialtypes.MsgForwardDeposit{Signer: owner, Id: id, ChannelId: channel})
	require.ErrorIs(t, err, judicialtypes.ErrAlreadyForwarded)

	// The forward limit: with max_forwards 1 a refused forward uses it up.
	limited := n.deposit(t, n.a, "limited")
	n.deposit(t, n.b, "limited")
	ack, _ = n.relay(t, n.a, n.forward(t, n.a, limited))
	require.False(t, ack.Success())
	p, err := a.JudicialKeeper.Params.Get(n.a.GetContext())
	require.NoError(t, err)
	p.MaxForwards = 1
	require.NoError(t, a.JudicialKeeper.Params.Set(n.a.GetContext(), p))
	_, err = srv.ForwardDeposit(n.a.GetContext(), &judicialtypes.MsgForwardDeposit{Signer: owner, Id: limited, ChannelId: channel})
	require.ErrorIs(t, err, judicialtypes.ErrForwardLimit)
	checkInvariants(t, n.a, n.b)
}

func TestJudicialChannelHandshake(t *testing.T) {
	for _, tc := range []struct {
		name    string
		order   channeltypes.Order
		version string
		port    string
	}{
		{"ordered", channeltypes.ORDERED, judicialtypes.Version, judicialtypes.PortID},
		{"other version", channeltypes.UNORDERED, "judicial-2", judicialtypes.PortID},
	} {
		t.Run(tc.name, func(t *testing.T) {
			coord := ibctesting.NewCustomAppCoordinator(t, 2, ibcTestingApps(t))
			path := ibctesting.NewPath(coord.GetChain(ibctesting.GetChainID(1)), coord.GetChain(ibctesting.GetChainID(2)))
			for _, end := range []*ibctesting.Endpoint{path.EndpointA, path.EndpointB} {
				end.ChannelConfig.PortID, end.ChannelConfig.Version, end.ChannelConfig.Order = tc.port, tc.version, tc.order
			}
			path.SetupConnections()
			require.Error(t, path.EndpointA.ChanOpenInit())
		})
	}
	// A judicial port facing a transfer port is refused on both sides.
	coord := ibctesting.NewCustomAppCoordinator(t, 2, ibcTestingApps(t))
	path := ibctesting.NewPath(coord.GetChain(ibctesting.GetChainID(1)), coord.GetChain(ibctesting.GetChainID(2)))
	path.EndpointA.ChannelConfig.PortID, path.EndpointA.ChannelConfig.Version = judicialtypes.PortID, judicialtypes.Version
	path.SetupConnections()
	require.Error(t, path.EndpointA.ChanOpenInit())
}
