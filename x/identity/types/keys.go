package types

import "cosmossdk.io/collections"

const (
	// ModuleName is the module's name, store key and router key.
	ModuleName = "identity"
	// StoreKey is the KV store key of the module.
	StoreKey = ModuleName
	// DIDMethod is the DID method this chain resolves: did:trustcity:<id>.
	DIDMethod = "trustcity"
	// DIDPrefix is the prefix of every DID of this chain.
	DIDPrefix = "did:" + DIDMethod + ":"
)

// Store prefixes. Each key's layout is given next to it; numbers are never
// reused.
var (
	// ParamsKey: Params.
	ParamsKey = collections.NewPrefix(0)
	// DepartmentsKey: id → Department.
	DepartmentsKey = collections.NewPrefix(1)
	// ChildrenKey: (parent id, child id) → ∅; top-level departments under "".
	ChildrenKey = collections.NewPrefix(2)
	// MembersKey: (department id, account) → Member.
	MembersKey = collections.NewPrefix(3)
	// AffiliationsKey: account → Affiliation (admin or member of which department).
	AffiliationsKey = collections.NewPrefix(4)
	// RoleHoldersKey: (department id, role) → how many children and members
	// of the department hold the role.
	RoleHoldersKey = collections.NewPrefix(5)
	// CredentialTypeHoldersKey: (department id, type) → how many children of
	// the department may issue the type.
	CredentialTypeHoldersKey = collections.NewPrefix(6)
	// DidsKey: DID → DidState.
	DidsKey = collections.NewPrefix(7)
	// DidVersionsKey: (DID, version) → DidVersion.
	DidVersionsKey = collections.NewPrefix(8)
	// DidsByControllerKey: (controller account, DID) → ∅.
	DidsByControllerKey = collections.NewPrefix(9)
	// DidSequenceKey: counter behind chain-derived DID ids.
	DidSequenceKey = collections.NewPrefix(10)
	// CredentialsKey: credential id → Credential.
	CredentialsKey = collections.NewPrefix(11)
	// CredentialsByIssuerKey: (department id, credential id) → ∅.
	CredentialsByIssuerKey = collections.NewPrefix(12)
	// CredentialsBySubjectKey: (subject DID, credential id) → ∅.
	CredentialsBySubjectKey = collections.NewPrefix(13)
	// CredentialsByTypeKey: (type, credential id) → ∅.
	CredentialsByTypeKey = collections.NewPrefix(14)
	// StatusListNextKey: department id → next free status-list index.
	StatusListNextKey = collections.NewPrefix(15)
	// StatusBitsKey: (department id, purpose, chunk) → StatusChunkBytes bytes
	// of the department's bitstring for that purpose.
	StatusBitsKey = collections.NewPrefix(16)
	// DevicesKey: device account → Device.
	DevicesKey = collections.NewPrefix(17)
	// DevicesByDepartmentKey: (department id, device account) → ∅.
	DevicesByDepartmentKey = collections.NewPrefix(18)
)
