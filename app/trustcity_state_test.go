package app

import (
	"crypto/sha256"
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	datasharetypes "github.com/trustcity/trustcity/x/datashare/types"
	judicialtypes "github.com/trustcity/trustcity/x/evidence/types"
	fundstypes "github.com/trustcity/trustcity/x/funds/types"
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
// identity, judicial, datashare and funds state (and the funds escrow's
// balance), exports it, imports the export into a fresh
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
	dgs := datashareGenesis(gs)
	state[datasharetypes.ModuleName] = original.AppCodec().MustMarshalJSON(&dgs)
	fgs := fundsGenesis(gs)
	state[fundstypes.ModuleName] = original.AppCodec().MustMarshalJSON(&fgs)
	state[banktypes.ModuleName] = withEscrow(t, original.AppCodec(), state[banktypes.ModuleName], fundsEscrow)
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
	require.JSONEq(t, string(original.AppCodec().MustMarshalJSON(&dgs)), string(second[datasharetypes.ModuleName]))
	require.JSONEq(t, string(original.AppCodec().MustMarshalJSON(&fgs)), string(second[fundstypes.ModuleName]))

	// A genesis that breaks a rule is refused by `genesis validate`; a
	// dataset owned by a department x/identity does not know stops InitChain.
	dgs.Datasets[0].Owner = "nowhere"
	state[datasharetypes.ModuleName] = original.AppCodec().MustMarshalJSON(&dgs)
	genesis, err = json.Marshal(state)
	require.NoError(t, err)
	require.Panics(t, func() { initChain(t, newTestApp(t), genesis, 1, nil) })
	gs.Members[0].Roles = []identitytypes.Role{identitytypes.Role_ROLE_COURT}
	state[identitytypes.ModuleName] = original.AppCodec().MustMarshalJSON(&gs)
	require.ErrorIs(t, original.BasicModuleManager.ValidateGenesis(original.AppCodec(), original.TxConfig(), state), identitytypes.ErrRoleNotSubset)
}

// datashareGenesis is an x/datashare genesis with a record of every kind, on
// the departments and DID of identityGenesis. Grants and consents expire a
// year after genesis, so no block of the test marks them.
func datashareGenesis(ids identitytypes.GenesisState) datasharetypes.GenesisState {
	city, issuer, did := ids.Departments[0], ids.Members[0].Address, ids.Dids[0].State.Id
	at, year := genesisTime.Add(-time.Hour), genesisTime.Add(365*24*time.Hour)
	hash := sha256.Sum256([]byte("records"))
	schema := `{"type":"object","required":["n"],"properties":{"n":{"type":"integer"}}}`
	schemaHash := sha256.Sum256([]byte(schema))
	return datasharetypes.GenesisState{
		Params: datasharetypes.DefaultParams(),
		Standards: []datasharetypes.Standard{{Id: "counts", Version: "1", DepartmentId: "city", Title: "Counts", Schema: schema,
			SchemaHash: schemaHash[:], Status: datasharetypes.StandardStatus_STANDARD_STATUS_ACTIVE, RegisteredBy: city.Admin, RegisteredAt: at, Complexity: 7}},
		Datasets: []datasharetypes.Dataset{
			{Id: "counts", Owner: "city", Title: "Counts", Category: datasharetypes.Category_CATEGORY_OTHER, Sensitivity: datasharetypes.Sensitivity_SENSITIVITY_PUBLIC,
				Standard: datasharetypes.StandardRef{Id: "counts", Version: "1"}, Locator: "https://city.example/counts",
				Encryption: datasharetypes.EncryptionScheme_ENCRYPTION_SCHEME_NONE, LatestVersion: 1, CreatedBy: city.Admin, CreatedAt: at, RuleIds: []uint64{1}},
			{Id: "records", Owner: "civil-affairs", Title: "Records", Category: datasharetypes.Category_CATEGORY_CIVIL_AFFAIRS,
				Sensitivity: datasharetypes.Sensitivity_SENSITIVITY_PERSONAL, Locator: "s3://civil/records", Subject: did,
				Encryption: datasharetypes.EncryptionScheme_ENCRYPTION_SCHEME_SM4_GCM, LatestVersion: 1, CreatedBy: issuer, CreatedAt: at},
		},
		Versions: []datasharetypes.DatasetVersion{
			{DatasetId: "counts", Version: 1, ContentHash: hash[:], Size_: 10, Locator: "https://city.example/counts/1", Summary: `{"n":3}`,
				Publisher: city.Admin, PublisherKind: datasharetypes.PublisherKind_PUBLISHER_KIND_MEMBER, PublishedAt: at},
			{DatasetId: "records", Version: 1, ContentHash: hash[:], Size_: 10, Locator: "s3://civil/records/1",
				DerivedFrom: []datasharetypes.DatasetRef{{DatasetId: "counts", Version: 1}},
				Publisher:   issuer, PublisherKind: datasharetypes.PublisherKind_PUBLISHER_KIND_MEMBER, PublishedAt: at},
		},
		Requests: []datasharetypes.AccessRequest{{Id: 1, DatasetId: "records", Grantee: "city", Requester: city.Admin, Purpose: "census",
			Duration: 365 * 24 * time.Hour, Status: datasharetypes.RequestStatus_REQUEST_STATUS_APPROVED, RequestedAt: at, GrantId: 1, DecidedBy: issuer}},
		Grants: []datasharetypes.Grant{{Id: 1, DatasetId: "records", Grantee: "city", RequestId: 1, Purpose: "census", GrantedAt: at, ExpiresAt: year,
			Status: datasharetypes.GrantStatus_GRANT_STATUS_ACTIVE, ApprovedBy: issuer}},
		Rules: []datasharetypes.AutoApprovalRule{{DatasetId: "counts", Id: 1, Departments: []string{"civil-affairs"}, MaxDuration: 24 * time.Hour, CreatedBy: city.Admin}},
		Consents: []datasharetypes.Consent{{Id: 1, Subject: did, DepartmentId: "city", Purposes: []string{"census"}, GivenAt: at, ExpiresAt: year,
			Status: datasharetypes.ConsentStatus_CONSENT_STATUS_ACTIVE, GivenBy: city.Admin}},
		Envelopes: []datasharetypes.KeyEnvelope{{GrantId: 1, Version: 1, DatasetId: "records", RecipientKey: did + "#enc-1", Algorithm: "ECDH-ES+A256KW",
			Ciphertext: []byte{1, 2, 3}, PostedBy: issuer, PostedAt: at}},
		AccessLogs: []datasharetypes.AccessLog{{Id: 1, DatasetId: "records", Version: 1, GrantId: 1, Grantee: "city", Subject: did,
			Accessor: city.Admin, Purpose: "census", AccessedAt: at}},
		Subscriptions:   []datasharetypes.Subscription{{DatasetId: "counts", Subscriber: "civil-affairs", CreatedBy: issuer, CreatedAt: at}},
		NextRequestId:   2,
		NextGrantId:     2,
		NextRuleId:      2,
		NextConsentId:   2,
		NextAccessLogId: 2,
	}
}
