package types

import "cosmossdk.io/collections"

const (
	// ModuleName is "judicial": the SDK's own x/evidence (double-sign
	// evidence) keeps the name "evidence" in the same app.
	ModuleName = "judicial"
	// StoreKey is the KV store key of the module.
	StoreKey = ModuleName
	// PortID is the IBC port of the judicial application.
	PortID = ModuleName
	// Version is the version of the judicial application's channels.
	Version = "judicial-1"
)

// Store prefixes. Each key's layout is given next to it; numbers are never
// reused. Every look-up is keyed, so a deposit costs O(log n) in the number
// of stored records.
var (
	// ParamsKey: Params.
	ParamsKey = collections.NewPrefix(0)
	// EvidenceSeqKey: next evidence id.
	EvidenceSeqKey = collections.NewPrefix(1)
	// EvidenceKey: id → Evidence.
	EvidenceKey = collections.NewPrefix(2)
	// EvidenceByDigestKey: digest → id.
	EvidenceByDigestKey = collections.NewPrefix(3)
	// EvidenceByDepartmentKey: (department id, id) → ∅.
	EvidenceByDepartmentKey = collections.NewPrefix(4)
	// BatchSeqKey: next batch id.
	BatchSeqKey = collections.NewPrefix(5)
	// BatchesKey: id → Batch.
	BatchesKey = collections.NewPrefix(6)
	// BatchByRootKey: root → id.
	BatchByRootKey = collections.NewPrefix(7)
	// BatchesByDepartmentKey: (department id, id) → ∅.
	BatchesByDepartmentKey = collections.NewPrefix(8)
	// VerificationSeqKey: next verification id.
	VerificationSeqKey = collections.NewPrefix(9)
	// VerificationsKey: id → Verification.
	VerificationsKey = collections.NewPrefix(10)
	// VerificationsByDigestKey: (digest, id) → ∅.
	VerificationsByDigestKey = collections.NewPrefix(11)
	// VerificationsByCaseKey: (case id, id) → ∅.
	VerificationsByCaseKey = collections.NewPrefix(12)
	// CustodyKey: (digest, sequence) → CustodyEvent.
	CustodyKey = collections.NewPrefix(13)
	// CustodyNextKey: digest → last custody sequence used.
	CustodyNextKey = collections.NewPrefix(14)
	// EvidenceByChainKey: (sending chain id, id) → ∅, for deposits received
	// over IBC.
	EvidenceByChainKey = collections.NewPrefix(15)
	// ForwardsInFlightKey: (channel id, packet sequence) → id of the record a
	// forward in flight belongs to; removed when its acknowledgement or
	// timeout arrives.
	ForwardsInFlightKey = collections.NewPrefix(16)
)
