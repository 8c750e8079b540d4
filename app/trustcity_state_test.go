package app

import (
	"crypto/sha256"
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
	sdk "github.com/cosmos/cosmos-sdk/types"

	judicialtypes "github.com/trustcity/trustcity/x/evidence/types"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

// identityGenesis is an x/identity genesis with one record of every kind: a
// department tree with a member, a DID with two versions, credentials in
// each status and a device.
func identityGenesis(t *testing.T) identitytypes.GenesisState {
	t.Helper()
	addr := func(seed string) (string, *secp256k1.PrivKey) {
		secret := sha256.Sum256([]byte("app/identity/" + seed))
		key := secp256k1.GenPrivKeyFromSecret(secret[:])
		return sdk.AccAddress(key.PubKey().Address()).String(), key
	}
	cityAdmin, _ := addr("city")
	bureauAdmin, _ := addr("bureau")
	issuer, _ := addr("issuer")
	deviceAddr, deviceKey := addr("device")
	did := identitytypes.DIDPrefix + "6f1c2b7e-3a4d-4e5f-8a9b-0c1d2e3f4a5b"
	at := genesisTime.Add(-time.Hour)
	doc := identitytypes.DidDocument{Id: did, Controllers: []string{cityAdmin}}
	hash := sha256.Sum256([]byte("credential"))
	return identitytypes.GenesisState{
		Params: identitytypes.DefaultParams(),
		Departments: []identitytypes.Department{
			{Id: "city", Name: "City", Admin: cityAdmin, Roles: []identitytypes.Role{identitytypes.Role_ROLE_CREDENTIAL_ISSUER, identitytypes.Role_ROLE_DEVICE_REGISTRAR},
				CredentialTypes: []string{"ResidentCard"}, Status: identitytypes.DepartmentStatus_DEPARTMENT_STATUS_ACTIVE, Depth: 1, CreatedAt: at, Did: did},
			{Id: "civil-affairs", Name: "Civil Affairs", ParentId: "city", Admin: bureauAdmin, Roles: []identitytypes.Role{identitytypes.Role_ROLE_CREDENTIAL_ISSUER},
				CredentialTypes: []string{"ResidentCard"}, Status: identitytypes.DepartmentStatus_DEPARTMENT_STATUS_ACTIVE, Depth: 2, CreatedAt: at},
		},
		Members: []identitytypes.Member{{DepartmentId: "civil-affairs", Address: issuer, Roles: []identitytypes.Role{identitytypes.Role_ROLE_CREDENTIAL_ISSUER}}},
		Dids: []identitytypes.GenesisDid{{
			State:    identitytypes.DidState{Id: did, Version: 2, Created: at, Updated: at},
			Versions: []identitytypes.DidVersion{{Document: doc, Version: 1, Updated: at}, {Document: doc, Version: 2, Updated: at}},
		}},
		DidSequence: 3,
		Credentials: []identitytypes.Credential{
			{Id: "urn:uuid:1", Type: "ResidentCard", SubjectDid: did, Hash: hash[:], IssuerDepartment: "civil-affairs", Issuer: issuer,
				IssuedAt: at, Status: identitytypes.CredentialStatus_CREDENTIAL_STATUS_REVOKED, StatusReason: identitytypes.StatusReason_STATUS_REASON_SUPERSEDED, StatusUpdatedAt: at},
			{Id: "urn:uuid:2", Type: "ResidentCard", SubjectDid: did, Hash: hash[:], IssuerDepartment: "civil-affairs", Issuer: issuer,
				IssuedAt: at, Status: identitytypes.CredentialStatus_CREDENTIAL_STATUS_SUSPENDED, StatusReason: identitytypes.StatusReason_STATUS_REASON_CERTIFICATE_HOLD, StatusUpdatedAt: at, StatusListIndex: 1},
		},
		StatusListCounters: []identitytypes.StatusListCounter{{DepartmentId: "civil-affairs", NextIndex: 2}},
		Devices: []identitytypes.Device{{Address: deviceAddr, DepartmentId: "city", KeyType: identitytypes.VerificationMethodType_VERIFICATION_METHOD_TYPE_SECP256K1,
			PublicKey: deviceKey.PubKey().Bytes(), DeviceType: "Meter", Scopes: []string{"energy"}, Status: identitytypes.DeviceStatus_DEVICE_STATUS_ACTIVE,
			RegisteredBy: cityAdmin, RegisteredAt: at}},
	}
}

// judicialGenesis is a judicial genesis with a record of every kind.
func judicialGenesis(t *testing.T, depositor string) judicialtypes.GenesisState {
	t.Helper()
	at := genesisTime.Add(-time.Hour)
	digest := func(s string) []byte {
		h := sha256.Sum256([]byte(s))
		return h[:]
	}
	return judicialtypes.GenesisState{
		Params: judicialtypes.DefaultParams(),
		Evidence: []judicialtypes.Evidence{
			{Id: 1, Digest: digest("contract"), Algorithm: judicialtypes.HashAlgorithm_HASH_ALGORITHM_SHA256, Category: judicialtypes.Category_CATEGORY_E_CONTRACT,
				DepartmentId: "city", Depositor: depositor, Time: at, Status: judicialtypes.EvidenceStatus_EVIDENCE_STATUS_ACTIVE},
			{Id: 2, Digest: digest("licence"), Algorithm: judicialtypes.HashAlgorithm_HASH_ALGORITHM_SHA256, Category: judicialtypes.Category_CATEGORY_OTHER,
				DepartmentId: "city", Depositor: depositor, Time: at, Status: judicialtypes.EvidenceStatus_EVIDENCE_STATUS_WITHDRAWN, WithdrawalReason: "filed in error"},
		},
		Batches: []judicialtypes.Batch{{Id: 1, Root: digest("root"), LeafCount: 8, Algorithm: judicialtypes.HashAlgorithm_HASH_ALGORITHM_SM3,
			Category: judicialtypes.Category_CATEGORY_NOTARIZATION, DepartmentId: "city", Depositor: depositor, Time: at}},
		Verifications: []judicialtypes.Verification{{Id: 1, Digest: digest("contract"), EvidenceId: 1, CaseId: "case-1",
			Result: judicialtypes.VerificationResult_VERIFICATION_RESULT_MATCHED, CourtDepartment: "court", Verifier: depositor, Time: at}},
		CustodyEvents: []judicialtypes.CustodyEvent{{Digest: digest("contract"), Sequence: 1, Action: judicialtypes.CustodyAction_CUSTODY_ACTION_SEALED,
			Counterparty: "court", DepartmentId: "city", Actor: depositor, Time: at}},
		NextEvidenceId: 3, NextBatchId: 2, NextVerificationId: 2,
	}
}

// TestExportImportWithTrustCityState starts a chain whose genesis holds
// identity and judicial state, exports it, imports the export into a fresh
// app and requires the same stores key by key, then exports again and
// requires both modules' genesis to come back as it went in.
func TestExportImportWithTrustCityState(t *testing.T) {
	original := newTestApp(t)
	var state map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(defaultGenesisWithValidator(t, original), &state))
	gs := identityGenesis(t)
	state[identitytypes.ModuleName] = original.AppCodec().MustMarshalJSON(&gs)
	jgs := judicialGenesis(t, gs.Departments[0].Admin)
	state[judicialtypes.ModuleName] = original.AppCodec().MustMarshalJSON(&jgs)
	require.NoError(t, original.BasicModuleManager.ValidateGenesis(original.AppCodec(), original.TxConfig(), state))
	genesis, err := json.Marshal(state)
	require.NoError(t, err)
	initChain(t, original, genesis, 1, nil)
	finalizeEmptyBlocks(t, original, 3)

	exported, err := original.ExportAppStateAndValidators(false, nil, nil)
	require.NoError(t, err)
	imported := newTestApp(t)
	initChain(t, imported, exported.AppState, exported.Height, validatorUpdates(t, exported.Validators))
	finalizeEmptyBlocks(t, imported, 0)
	requireSameStores(t, original, original.NewContext(true), imported, imported.GetContextForFinalizeBlock(nil))
	_, err = imported.FinalizeBlock(nextBlock(exported.Height))
	require.NoError(t, err)
	_, err = imported.Commit()
	require.NoError(t, err)

	reexported, err := imported.ExportAppStateAndValidators(false, nil, nil)
	require.NoError(t, err)
	var first, second map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(exported.AppState, &first))
	require.NoError(t, json.Unmarshal(reexported.AppState, &second))
	require.JSONEq(t, string(first[identitytypes.ModuleName]), string(second[identitytypes.ModuleName]))

	require.JSONEq(t, string(original.AppCodec().MustMarshalJSON(&gs)), string(second[identitytypes.ModuleName]),
		"the genesis comes back as it went in")
	require.JSONEq(t, string(original.AppCodec().MustMarshalJSON(&jgs)), string(second[judicialtypes.ModuleName]))

	// A genesis that breaks a rule is refused by `genesis validate`.
	gs.Members[0].Roles = []identitytypes.Role{identitytypes.Role_ROLE_COURT}
	state[identitytypes.ModuleName] = original.AppCodec().MustMarshalJSON(&gs)
	require.ErrorIs(t, original.BasicModuleManager.ValidateGenesis(original.AppCodec(), original.TxConfig(), state), identitytypes.ErrRoleNotSubset)
}
