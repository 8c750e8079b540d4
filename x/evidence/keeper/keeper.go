// Package keeper holds the judicial module's state: deposits, Merkle
// batches, court verifications and custody events.
package keeper

import (
	"context"
	"crypto/sha256"
	"fmt"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/address"
	corestore "cosmossdk.io/core/store"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/evidence/types"
	"github.com/trustcity/trustcity/x/internal/msgutil"
)

// Keeper owns the judicial store.
type Keeper struct {
	cdc          codec.BinaryCodec
	addressCodec address.Codec
	authority    string
	identity     types.IdentityKeeper
	channels     types.ChannelKeeper
	sender       *packetSender

	Schema                collections.Schema
	Params                collections.Item[types.Params]
	EvidenceSeq           collections.Sequence
	Evidence              collections.Map[uint64, types.Evidence]
	EvidenceByDigest      collections.Map[[]byte, uint64]
	EvidenceByDepartment  collections.KeySet[collections.Pair[string, uint64]]
	BatchSeq              collections.Sequence
	Batches               collections.Map[uint64, types.Batch]
	BatchByRoot           collections.Map[[]byte, uint64]
	BatchesByDepartment   collections.KeySet[collections.Pair[string, uint64]]
	VerificationSeq       collections.Sequence
	Verifications         collections.Map[uint64, types.Verification]
	VerificationsByDigest collections.KeySet[collections.Pair[[]byte, uint64]]
	VerificationsByCase   collections.KeySet[collections.Pair[string, uint64]]
	Custody               collections.Map[collections.Pair[[]byte, uint64], types.CustodyEvent]
	CustodyNext           collections.Map[[]byte, uint64]
	EvidenceByChain       collections.KeySet[collections.Pair[string, uint64]]
	ForwardsInFlight      collections.Map[collections.Pair[string, uint64], uint64]
}

// NewKeeper builds the keeper. authority may change params; identity
// answers who may act for which department; channels (core IBC's channel
// keeper; nil where no IBC runs, e.g. in unit tests) names the chain behind
// a judicial channel. Packets are sent through the ICS4 wrapper the IBC
// module hands over with SetPacketSender.
func NewKeeper(cdc codec.BinaryCodec, storeService corestore.KVStoreService, addressCodec address.Codec, authority string,
	identity types.IdentityKeeper, channels types.ChannelKeeper,
) Keeper {
	if _, err := addressCodec.StringToBytes(authority); err != nil {
		panic(fmt.Sprintf("judicial: invalid authority %q: %v", authority, err))
	}
	sb := collections.NewSchemaBuilder(storeService)
	k := Keeper{
		cdc:          cdc,
		addressCodec: addressCodec,
		authority:    authority,
		identity:     identity,
		channels:     channels,
		sender:       &packetSender{},

		Params:      collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		EvidenceSeq: collections.NewSequence(sb, types.EvidenceSeqKey, "evidence_seq"),
		Evidence:    collections.NewMap(sb, types.EvidenceKey, "evidence", collections.Uint64Key, codec.CollValue[types.Evidence](cdc)),
		EvidenceByDigest: collections.NewMap(sb, types.EvidenceByDigestKey, "evidence_by_digest",
			collections.BytesKey, collections.Uint64Value),
		EvidenceByDepartment: collections.NewKeySet(sb, types.EvidenceByDepartmentKey, "evidence_by_department",
			collections.PairKeyCodec(collections.StringKey, collections.Uint64Key)),
		BatchSeq:    collections.NewSequence(sb, types.BatchSeqKey, "batch_seq"),
		Batches:     collections.NewMap(sb, types.BatchesKey, "batches", collections.Uint64Key, codec.CollValue[types.Batch](cdc)),
		BatchByRoot: collections.NewMap(sb, types.BatchByRootKey, "batch_by_root", collections.BytesKey, collections.Uint64Value),
		BatchesByDepartment: collections.NewKeySet(sb, types.BatchesByDepartmentKey, "batches_by_department",
			collections.PairKeyCodec(collections.StringKey, collections.Uint64Key)),
		VerificationSeq: collections.NewSequence(sb, types.VerificationSeqKey, "verification_seq"),
		Verifications: collections.NewMap(sb, types.VerificationsKey, "verifications",
			collections.Uint64Key, codec.CollValue[types.Verification](cdc)),
		VerificationsByDigest: collections.NewKeySet(sb, types.VerificationsByDigestKey, "verifications_by_digest",
			collections.PairKeyCodec(collections.BytesKey, collections.Uint64Key)),
		VerificationsByCase: collections.NewKeySet(sb, types.VerificationsByCaseKey, "verifications_by_case",
			collections.PairKeyCodec(collections.StringKey, collections.Uint64Key)),
		Custody: collections.NewMap(sb, types.CustodyKey, "custody",
			collections.PairKeyCodec(collections.BytesKey, collections.Uint64Key), codec.CollValue[types.CustodyEvent](cdc)),
		CustodyNext: collections.NewMap(sb, types.CustodyNextKey, "custody_next", collections.BytesKey, collections.Uint64Value),
		EvidenceByChain: collections.NewKeySet(sb, types.EvidenceByChainKey, "evidence_by_chain",
			collections.PairKeyCodec(collections.StringKey, collections.Uint64Key)),
		ForwardsInFlight: collections.NewMap(sb, types.ForwardsInFlightKey, "forwards_in_flight",
			collections.PairKeyCodec(collections.StringKey, collections.Uint64Key), collections.Uint64Value),
	}
	schema, err := sb.Build()
	if err != nil {
		panic(fmt.Sprintf("judicial: building the store schema: %v", err))
	}
	k.Schema = schema
	return k
}

// Authority returns the module authority's address.
func (k Keeper) Authority() string { return k.authority }

// AddressCodec returns the account address codec.
func (k Keeper) AddressCodec() address.Codec { return k.addressCodec }

// signer decodes a message's signer and returns it with its canonical
// (lower-case) bech32 form.
func (k Keeper) signer(s string) (sdk.AccAddress, string, error) {
	bz, canonical, err := msgutil.Canonical(k.addressCodec, s)
	if err != nil {
		return nil, "", types.ErrInvalidAddress.Wrapf("signer %s", err)
	}
	return bz, canonical, nil
}

// txHash is the SHA-256 of the transaction being delivered (nil outside one).
func txHash(ctx context.Context) []byte {
	bz := sdk.UnwrapSDKContext(ctx).TxBytes()
	if len(bz) == 0 {
		return nil
	}
	h := sha256.Sum256(bz)
	return h[:]
}

var emit = msgutil.Emit
