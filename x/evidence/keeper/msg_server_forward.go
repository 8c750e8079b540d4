package keeper

import (
	"context"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	clienttypes "github.com/cosmos/ibc-go/v11/modules/core/02-client/types"
	host "github.com/cosmos/ibc-go/v11/modules/core/24-host"

	identitytypes "github.com/trustcity/trustcity/x/identity/types"

	"github.com/trustcity/trustcity/x/evidence/types"
)

// ForwardDeposit sends a deposit to the chain at the other end of a
// judicial channel. An EVIDENCE_DEPOSITOR of the department that made the
// deposit signs; the deposit must be active and made on this chain, the
// channel's chain accredited, and the deposit not already preserved or on
// its way there. The forward is kept on the record, in flight until the
// acknowledgement or the timeout arrives.
func (m msgServer) ForwardDeposit(ctx context.Context, msg *types.MsgForwardDeposit) (*types.MsgForwardDepositResponse, error) {
	dept, signer, err := m.authorize(ctx, msg.Signer, identitytypes.Role_ROLE_EVIDENCE_DEPOSITOR)
	if err != nil {
		return nil, err
	}
	e, err := m.GetEvidence(ctx, msg.Id)
	if err != nil {
		return nil, err
	}
	switch {
	case e.Origin != nil:
		return nil, types.ErrNotForwardable.Wrapf("record %d was received from %s; only the chain it was deposited on forwards it", e.Id, e.Origin.ChainId)
	case e.DepartmentId != dept:
		return nil, types.ErrUnauthorized.Wrapf("record %d was deposited by department %q; %s acts for %q", e.Id, e.DepartmentId, signer, dept)
	case e.Status != types.EvidenceStatus_EVIDENCE_STATUS_ACTIVE:
		return nil, types.ErrNotForwardable.Wrapf("record %d was withdrawn at height %d", e.Id, e.WithdrawnHeight)
	}
	if err := host.ChannelIdentifierValidator(msg.ChannelId); err != nil {
		return nil, types.ErrInvalidChannel.Wrapf("channel id %q: %s", msg.ChannelId, err)
	}
	p, err := m.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	chain, err := m.accreditedChain(sdkCtx, msg.ChannelId, p)
	if err != nil {
		return nil, err
	}
	if len(e.Forwards) >= int(p.MaxForwards) {
		return nil, types.ErrForwardLimit.Wrapf("record %d has been forwarded %d times, the limit is %d", e.Id, len(e.Forwards), p.MaxForwards)
	}
	for _, f := range e.Forwards {
		if f.ChainId == chain && (f.Status == types.ForwardStatus_FORWARD_STATUS_IN_FLIGHT || f.Status == types.ForwardStatus_FORWARD_STATUS_ACKNOWLEDGED) {
			return nil, types.ErrAlreadyForwarded.Wrapf("record %d went to %s over %s (sequence %d) and is %s there", e.Id, chain, f.ChannelId, f.Sequence, f.Status)
		}
	}
	if m.sender.ics4 == nil {
		return nil, types.ErrInvalidChannel.Wrap("the judicial IBC application is not wired on this chain")
	}
	data, err := types.DepositPacketData{
		Digest: e.Digest, Algorithm: e.Algorithm, Category: e.Category, Parties: e.Parties, Metadata: e.Metadata,
		Depositor: e.Depositor, DepartmentId: e.DepartmentId, SourceRecordId: e.Id, DepositedAt: e.Time,
	}.GetBytes()
	if err != nil {
		return nil, err
	}
	timeout := uint64(sdkCtx.BlockTime().Add(p.ForwardTimeout).UnixNano()) //nolint:gosec // block times are after 1970
	seq, err := m.sender.ics4.SendPacket(sdkCtx, types.PortID, msg.ChannelId, clienttypes.ZeroHeight(), timeout, data)
	if err != nil {
		return nil, types.ErrInvalidChannel.Wrapf("sending over %s: %s", msg.ChannelId, err)
	}
	e.Forwards = append(e.Forwards, types.Forward{
		ChannelId: msg.ChannelId, Sequence: seq, ChainId: chain, Forwarder: signer, DepartmentId: dept,
		Height: sdkCtx.BlockHeight(), Time: sdkCtx.BlockTime(), Status: types.ForwardStatus_FORWARD_STATUS_IN_FLIGHT,
	})
	if err := m.Evidence.Set(ctx, e.Id, e); err != nil {
		return nil, err
	}
	if err := m.ForwardsInFlight.Set(ctx, collections.Join(msg.ChannelId, seq), e.Id); err != nil {
		return nil, err
	}
	return &types.MsgForwardDepositResponse{Sequence: seq}, emit(ctx, &types.EventDepositForwarded{
		Id: e.Id, ChannelId: msg.ChannelId, Sequence: seq, ChainId: chain, Forwarder: signer,
	})
}
