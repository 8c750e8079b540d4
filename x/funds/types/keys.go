package types

import (
	"strconv"

	"cosmossdk.io/collections"
)

const (
	// ModuleName is the module's name, store key, codespace and the name of
	// its escrow module account.
	ModuleName = "funds"
	// StoreKey is the KV store key of the module.
	StoreKey = ModuleName
)

// Store prefixes. Each key's layout is given next to it; numbers are never
// reused. Every message reads and writes by key; nothing iterates in a
// transaction or in Begin/EndBlock.
var (
	// ParamsKey: Params.
	ParamsKey = collections.NewPrefix(0)
	// ProgramSeqKey, ProgramsKey: program id → Program.
	ProgramSeqKey = collections.NewPrefix(1)
	ProgramsKey   = collections.NewPrefix(2)
	// AllocationSeqKey, AllocationsKey: allocation id → Allocation.
	AllocationSeqKey = collections.NewPrefix(3)
	AllocationsKey   = collections.NewPrefix(4)
	// ChildrenKey: (parent allocation id, department id) → child allocation id.
	ChildrenKey = collections.NewPrefix(5)
	// TreeKey: (program id, depth, allocation id) → ∅, the tree level by level.
	TreeKey = collections.NewPrefix(6)
	// DisbursementSeqKey, DisbursementsKey: disbursement id → Disbursement.
	DisbursementSeqKey = collections.NewPrefix(7)
	DisbursementsKey   = collections.NewPrefix(8)
	// DisbursementsByAllocationKey: (allocation id, disbursement id) → ∅.
	DisbursementsByAllocationKey = collections.NewPrefix(9)
	// PendingKey: (program id, disbursement id) → ∅ while pending.
	PendingKey = collections.NewPrefix(10)
	// MilestoneSeqKey, MilestonesKey: milestone id → Milestone.
	MilestoneSeqKey = collections.NewPrefix(11)
	MilestonesKey   = collections.NewPrefix(12)
	// MilestonesByProgramKey: (program id, milestone id) → ∅.
	MilestonesByProgramKey = collections.NewPrefix(13)
	// LedgerSeqKey, LedgerKey: entry id → LedgerEntry.
	LedgerSeqKey = collections.NewPrefix(14)
	LedgerKey    = collections.NewPrefix(15)
	// LedgerByTypeKey: (program id, type, entry id) → ∅.
	LedgerByTypeKey = collections.NewPrefix(16)
	// LedgerByAllocationKey: (allocation id, entry id) → ∅, for the node the
	// money left and the node it reached.
	LedgerByAllocationKey = collections.NewPrefix(17)
	// LedgerByAccountKey: (account address bytes, entry id) → ∅, for an
	// account named as payer or payee.
	LedgerByAccountKey = collections.NewPrefix(18)
	// LedgerByProgramKey: (program id, entry id) → ∅.
	LedgerByProgramKey = collections.NewPrefix(19)
	// PayoutsKey: (source channel, packet sequence) → disbursement id, for
	// payouts over IBC in flight.
	PayoutsKey = collections.NewPrefix(20)
)

// AllocationPartyPrefix starts the name of an allocation tree's node in a
// ledger entry's from and to.
const AllocationPartyPrefix = "allocation/"

// AllocationParty is how ledger entries name a node of an allocation tree.
func AllocationParty(id uint64) string {
	return AllocationPartyPrefix + strconv.FormatUint(id, 10)
}
