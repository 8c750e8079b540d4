package types

import "cosmossdk.io/collections"

const (
	// ModuleName is the module's name, store key and codespace.
	ModuleName = "datashare"
	// StoreKey is the KV store key of the module.
	StoreKey = ModuleName
)

// Store prefixes. Each key's layout is given next to it; numbers are never
// reused. Every look-up a message makes is keyed (O(log n) in the records
// stored; a dataset lists its rule ids); the only iteration is over the
// expiry queue, bounded per block by max_expiries_per_block.
var (
	// ParamsKey: Params.
	ParamsKey = collections.NewPrefix(0)
	// StandardsKey: (standard id, version) → Standard.
	StandardsKey = collections.NewPrefix(1)
	// DatasetsKey: dataset id → Dataset.
	DatasetsKey = collections.NewPrefix(2)
	// DatasetsByOwnerKey: (owner department, dataset id) → ∅.
	DatasetsByOwnerKey = collections.NewPrefix(3)
	// DatasetsByCategoryKey: (category, dataset id) → ∅.
	DatasetsByCategoryKey = collections.NewPrefix(4)
	// VersionsKey: (dataset id, version) → DatasetVersion.
	VersionsKey = collections.NewPrefix(5)
	// VersionsByHashKey: (content hash, dataset id, version) → ∅.
	VersionsByHashKey = collections.NewPrefix(6)
	// RequestSeqKey: next request id.
	RequestSeqKey = collections.NewPrefix(7)
	// RequestsKey: request id → AccessRequest.
	RequestsKey = collections.NewPrefix(8)
	// RequestsByDatasetKey: (dataset id, request id) → ∅. With
	// RequestsByGranteeKey it lists grants too, through each approved
	// request's grant id.
	RequestsByDatasetKey = collections.NewPrefix(9)
	// RequestsByGranteeKey: (grantee, request id) → ∅.
	RequestsByGranteeKey = collections.NewPrefix(10)
	// PendingRequestsKey: request id → ∅, for pending requests only.
	PendingRequestsKey = collections.NewPrefix(11)
	// GrantSeqKey: next grant id.
	GrantSeqKey = collections.NewPrefix(12)
	// GrantsKey: grant id → Grant. The request indexes list grants too,
	// through each approved request's grant id (prefixes 14 and 15 are not
	// used).
	GrantsKey = collections.NewPrefix(13)
	// LatestGrantKey: (dataset id, grantee) → id of the grantee's latest grant
	// on the dataset (whatever its status).
	LatestGrantKey = collections.NewPrefix(16)
	// RuleSeqKey: next auto-approval rule id.
	RuleSeqKey = collections.NewPrefix(17)
	// RulesKey: (dataset id, rule id) → AutoApprovalRule.
	RulesKey = collections.NewPrefix(18)
	// ConsentSeqKey: next consent id.
	ConsentSeqKey = collections.NewPrefix(19)
	// ConsentsKey: consent id → Consent.
	ConsentsKey = collections.NewPrefix(20)
	// ConsentsBySubjectKey: (subject DID, consent id) → ∅.
	ConsentsBySubjectKey = collections.NewPrefix(21)
	// LatestConsentKey: (subject DID, department, dataset id or "") → id of
	// the latest consent for that scope.
	LatestConsentKey = collections.NewPrefix(22)
	// ExpiryQueueKey: (expiry time, kind, id) → ∅ for active grants and
	// consents.
	ExpiryQueueKey = collections.NewPrefix(23)
	// EnvelopesKey: (grant id, version) → KeyEnvelope.
	EnvelopesKey = collections.NewPrefix(24)
	// AccessLogSeqKey: next access log id.
	AccessLogSeqKey = collections.NewPrefix(25)
	// AccessLogsKey: log id → AccessLog.
	AccessLogsKey = collections.NewPrefix(26)
	// LogsByDatasetKey: (dataset id, log id) → ∅.
	LogsByDatasetKey = collections.NewPrefix(27)
	// LogsByGranteeKey: (grantee, log id) → ∅.
	LogsByGranteeKey = collections.NewPrefix(28)
	// LogsBySubjectKey: (subject DID, log id) → ∅.
	LogsBySubjectKey = collections.NewPrefix(29)
	// SubscriptionsKey: (dataset id, subscriber) → Subscription.
	SubscriptionsKey = collections.NewPrefix(30)
	// SubscriptionsBySubscriberKey: (subscriber, dataset id) → ∅.
	SubscriptionsBySubscriberKey = collections.NewPrefix(31)
)

// Kinds of entries in the expiry queue.
const (
	ExpiryGrant   uint32 = 1
	ExpiryConsent uint32 = 2
)
