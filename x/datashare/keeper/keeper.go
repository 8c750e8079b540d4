// Package keeper holds the datashare module's state: standards, the dataset
// catalog and its versions, access requests and grants, auto-approval rules,
// consents, key envelopes, access logs and subscriptions.
package keeper

import (
	"context"
	"fmt"
	"time"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/address"
	corestore "cosmossdk.io/core/store"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/datashare/schema"
	"github.com/trustcity/trustcity/x/datashare/types"
	"github.com/trustcity/trustcity/x/internal/msgutil"
)

// schemaCacheSize bounds the compiled standards kept in memory. A compiled
// schema depends only on the document's bytes, so the cache never changes a
// result or the gas charged.
const schemaCacheSize = 128

type (
	pairSS  = collections.Pair[string, string]
	pairSU  = collections.Pair[string, uint64]
	pairUU  = collections.Pair[uint64, uint64]
	tripSSS = collections.Triple[string, string, string]
	hashKey = collections.Triple[[]byte, string, uint64]
	expKey  = collections.Triple[time.Time, uint32, uint64]
)

// Keeper owns the datashare store.
type Keeper struct {
	cdc          codec.BinaryCodec
	addressCodec address.Codec
	authority    string
	identity     types.IdentityKeeper
	schemas      *schema.Cache

	Schema collections.Schema
	Params collections.Item[types.Params]

	Standards          collections.Map[pairSS, types.Standard]
	Datasets           collections.Map[string, types.Dataset]
	DatasetsByOwner    collections.KeySet[pairSS]
	DatasetsByCategory collections.KeySet[collections.Pair[int32, string]]
	Versions           collections.Map[pairSU, types.DatasetVersion]
	VersionsByHash     collections.KeySet[hashKey]

	RequestSeq        collections.Sequence
	Requests          collections.Map[uint64, types.AccessRequest]
	RequestsByDataset collections.KeySet[pairSU]
	RequestsByGrantee collections.KeySet[pairSU]
	PendingRequests   collections.KeySet[uint64]

	GrantSeq    collections.Sequence
	Grants      collections.Map[uint64, types.Grant]
	LatestGrant collections.Map[pairSS, uint64]

	RuleSeq collections.Sequence
	Rules   collections.Map[pairSU, types.AutoApprovalRule]

	ConsentSeq        collections.Sequence
	Consents          collections.Map[uint64, types.Consent]
	ConsentsBySubject collections.KeySet[pairSU]
	LatestConsent     collections.Map[tripSSS, uint64]

	ExpiryQueue collections.KeySet[expKey]
	Envelopes   collections.Map[pairUU, types.KeyEnvelope]

	AccessLogSeq     collections.Sequence
	AccessLogs       collections.Map[uint64, types.AccessLog]
	LogsByDataset    collections.KeySet[pairSU]
	LogsByGrantee    collections.KeySet[pairSU]
	LogsBySubject    collections.KeySet[pairSU]
	Subscriptions    collections.Map[pairSS, types.Subscription]
	SubsBySubscriber collections.KeySet[pairSS]
}

// NewKeeper builds the keeper. authority may change params; identity
// answers who may act for which department.
func NewKeeper(cdc codec.BinaryCodec, storeService corestore.KVStoreService, addressCodec address.Codec, authority string, identity types.IdentityKeeper) Keeper {
	if _, err := addressCodec.StringToBytes(authority); err != nil {
		panic(fmt.Sprintf("datashare: invalid authority %q: %v", authority, err))
	}
	sb := collections.NewSchemaBuilder(storeService)
	ss := collections.PairKeyCodec(collections.StringKey, collections.StringKey)
	su := collections.PairKeyCodec(collections.StringKey, collections.Uint64Key)
	k := Keeper{
		cdc:          cdc,
		addressCodec: addressCodec,
		authority:    authority,
		identity:     identity,
		schemas:      schema.NewCache(schemaCacheSize),

		Params: collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),

		Standards:       collections.NewMap(sb, types.StandardsKey, "standards", ss, codec.CollValue[types.Standard](cdc)),
		Datasets:        collections.NewMap(sb, types.DatasetsKey, "datasets", collections.StringKey, codec.CollValue[types.Dataset](cdc)),
		DatasetsByOwner: collections.NewKeySet(sb, types.DatasetsByOwnerKey, "datasets_by_owner", ss),
		DatasetsByCategory: collections.NewKeySet(sb, types.DatasetsByCategoryKey, "datasets_by_category",
			collections.PairKeyCodec(collections.Int32Key, collections.StringKey)),
		Versions: collections.NewMap(sb, types.VersionsKey, "versions", su, codec.CollValue[types.DatasetVersion](cdc)),
		VersionsByHash: collections.NewKeySet(sb, types.VersionsByHashKey, "versions_by_hash",
			collections.TripleKeyCodec(collections.BytesKey, collections.StringKey, collections.Uint64Key)),

		RequestSeq:        collections.NewSequence(sb, types.RequestSeqKey, "request_seq"),
		Requests:          collections.NewMap(sb, types.RequestsKey, "requests", collections.Uint64Key, codec.CollValue[types.AccessRequest](cdc)),
		RequestsByDataset: collections.NewKeySet(sb, types.RequestsByDatasetKey, "requests_by_dataset", su),
		RequestsByGrantee: collections.NewKeySet(sb, types.RequestsByGranteeKey, "requests_by_grantee", su),
		PendingRequests:   collections.NewKeySet(sb, types.PendingRequestsKey, "pending_requests", collections.Uint64Key),

		GrantSeq:    collections.NewSequence(sb, types.GrantSeqKey, "grant_seq"),
		Grants:      collections.NewMap(sb, types.GrantsKey, "grants", collections.Uint64Key, codec.CollValue[types.Grant](cdc)),
		LatestGrant: collections.NewMap(sb, types.LatestGrantKey, "latest_grant", ss, collections.Uint64Value),

		RuleSeq: collections.NewSequence(sb, types.RuleSeqKey, "rule_seq"),
		Rules:   collections.NewMap(sb, types.RulesKey, "rules", su, codec.CollValue[types.AutoApprovalRule](cdc)),

		ConsentSeq:        collections.NewSequence(sb, types.ConsentSeqKey, "consent_seq"),
		Consents:          collections.NewMap(sb, types.ConsentsKey, "consents", collections.Uint64Key, codec.CollValue[types.Consent](cdc)),
		ConsentsBySubject: collections.NewKeySet(sb, types.ConsentsBySubjectKey, "consents_by_subject", su),
		LatestConsent: collections.NewMap(sb, types.LatestConsentKey, "latest_consent",
			collections.TripleKeyCodec(collections.StringKey, collections.StringKey, collections.StringKey), collections.Uint64Value),

		ExpiryQueue: collections.NewKeySet(sb, types.ExpiryQueueKey, "expiry_queue",
			collections.TripleKeyCodec(sdk.TimeKey, collections.Uint32Key, collections.Uint64Key)),
		Envelopes: collections.NewMap(sb, types.EnvelopesKey, "envelopes",
			collections.PairKeyCodec(collections.Uint64Key, collections.Uint64Key), codec.CollValue[types.KeyEnvelope](cdc)),

		AccessLogSeq:     collections.NewSequence(sb, types.AccessLogSeqKey, "access_log_seq"),
		AccessLogs:       collections.NewMap(sb, types.AccessLogsKey, "access_logs", collections.Uint64Key, codec.CollValue[types.AccessLog](cdc)),
		LogsByDataset:    collections.NewKeySet(sb, types.LogsByDatasetKey, "logs_by_dataset", su),
		LogsByGrantee:    collections.NewKeySet(sb, types.LogsByGranteeKey, "logs_by_grantee", su),
		LogsBySubject:    collections.NewKeySet(sb, types.LogsBySubjectKey, "logs_by_subject", su),
		Subscriptions:    collections.NewMap(sb, types.SubscriptionsKey, "subscriptions", ss, codec.CollValue[types.Subscription](cdc)),
		SubsBySubscriber: collections.NewKeySet(sb, types.SubscriptionsBySubscriberKey, "subscriptions_by_subscriber", ss),
	}
	s, err := sb.Build()
	if err != nil {
		panic(fmt.Sprintf("datashare: building the store schema: %v", err))
	}
	k.Schema = s
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

var emit = msgutil.Emit

var blockInfo = msgutil.BlockInfo

// consumeGas charges work proportional to user-supplied data.
func consumeGas(ctx context.Context, amount uint64, what string) {
	sdk.UnwrapSDKContext(ctx).GasMeter().ConsumeGas(amount, what)
}
