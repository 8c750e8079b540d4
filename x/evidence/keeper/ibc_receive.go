package keeper

import (
	"encoding/hex"

	sdk "github.com/cosmos/cosmos-sdk/types"

	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"

	"github.com/trustcity/trustcity/x/evidence/types"
)

// ReceiveDeposit stores the deposit a judicial packet carries as a
// cross-chain deposit and returns what the acknowledgement tells the
// sending chain: the record id and this chain's block height and time. The
// channel's chain (from its light client) must be accredited, the deposit
// must pass the checks of a deposit made here, and its digest must not be
// deposited yet. On error nothing is written (core IBC discards the
// callback's writes with an error acknowledgement).
func (k Keeper) ReceiveDeposit(ctx sdk.Context, packet channeltypes.Packet) (types.DepositAcknowledgement, error) {
	p, err := k.Params.Get(ctx)
	if err != nil {
		return types.DepositAcknowledgement{}, err
	}
	chain, err := k.accreditedChain(ctx, packet.DestinationChannel, p)
	if err != nil {
		return types.DepositAcknowledgement{}, err
	}
	data, err := types.ParseDepositPacket(packet.Data)
	if err != nil {
		return types.DepositAcknowledgement{}, err
	}
	ctx.GasMeter().ConsumeGas(GasPerParty*uint64(len(data.Parties)), "judicial: parties")
	if err := data.Validate(p); err != nil {
		return types.DepositAcknowledgement{}, err
	}
	existing, err := k.EvidenceOfDigest(ctx, data.Digest)
	if err != nil {
		return types.DepositAcknowledgement{}, err
	}
	if existing != nil {
		return types.DepositAcknowledgement{}, types.ErrAlreadyDeposited.Wrapf("digest %x is record %d of this chain", data.Digest, existing.Id)
	}
	id, err := k.EvidenceSeq.Next(ctx)
	if err != nil {
		return types.DepositAcknowledgement{}, err
	}
	e := types.Evidence{
		Id:        id,
		Digest:    data.Digest,
		Algorithm: data.Algorithm,
		Category:  data.Category,
		Parties:   data.Parties,
		Metadata:  data.Metadata,
		Height:    ctx.BlockHeight(),
		Time:      ctx.BlockTime(),
		TxHash:    txHash(ctx),
		Status:    types.EvidenceStatus_EVIDENCE_STATUS_ACTIVE,
		Origin: &types.CrossChainOrigin{
			ChainId:              chain,
			PortId:               packet.SourcePort,
			ChannelId:            packet.SourceChannel,
			DestinationChannelId: packet.DestinationChannel,
			Sequence:             packet.Sequence,
			Depositor:            data.Depositor,
			DepartmentId:         data.DepartmentId,
			SourceRecordId:       data.SourceRecordId,
			DepositedAt:          data.DepositedAt,
		},
	}
	if err := k.addEvidence(ctx, e); err != nil {
		return types.DepositAcknowledgement{}, err
	}
	err = emit(ctx, &types.EventCrossChainDepositReceived{
		Id: id, Digest: hex.EncodeToString(e.Digest), ChainId: chain, ChannelId: packet.DestinationChannel,
		Sequence: packet.Sequence, Depositor: data.Depositor, SourceRecordId: data.SourceRecordId,
	})
	return types.DepositAcknowledgement{RecordId: id, Height: e.Height, Time: e.Time}, err
}
