package e2e

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	neturl "net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"
)

const (
	identityChainID = "trustcity-identity-e2e"
	// govVotingPeriod is the voting period of the test chain: long enough
	// for the validator's vote to land on two slow cores, short enough that
	// the wait is a few seconds (the DID steps run meanwhile).
	govVotingPeriod = 12 * time.Second
	// govDeposit is the minimum deposit, paid in full at submission.
	govDeposit = "10000000" + denom
	// proposalTimeout bounds waiting for the proposal to pass.
	proposalTimeout = 2 * time.Minute

	topDepartment   = "city"
	childDepartment = "civil-affairs"
	credentialType  = "LowIncomeHousehold"
	credentialID    = "urn:uuid:0b6f4c1e-5d7a-4e8b-9c2d-3f1a2b4c5d6e"
	// statusListLength is the number of entries of one W3C Bitstring Status
	// List the chain serves (the specification's 131,072-bit minimum).
	statusListLength = 131072
	// deviceKeyType is the CLI's name of VERIFICATION_METHOD_TYPE_SECP256K1:
	// autocli kebab-cases enum names and splits the digits off ("secp256-k1").
	deviceKeyType = "secp256-k1"
)

// restDepartment is a department as the REST API renders it.
type restDepartment struct {
	ID              string   `json:"id"`
	Name            string   `json:"name"`
	ParentID        string   `json:"parent_id"`
	Admin           string   `json:"admin"`
	Roles           []string `json:"roles"`
	CredentialTypes []string `json:"credential_types"`
	Status          string   `json:"status"`
	Depth           int      `json:"depth"`
}

// restVerification is the REST answer of a credential verification.
type restVerification struct {
	Valid      bool   `json:"valid"`
	Failure    string `json:"failure"`
	Credential struct {
		ID               string  `json:"id"`
		IssuerDepartment string  `json:"issuer_department"`
		Hash             []byte  `json:"hash"`
		Status           string  `json:"status"`
		StatusReason     string  `json:"status_reason"`
		StatusListIndex  jsonInt `json:"status_list_index"`
	} `json:"credential"`
}

// TestIdentityLifecycle runs x/identity end to end on a one-validator chain
// through the CLI with signed transactions and checks the results over
// REST: a governance proposal registers a top-level department; its admin
// registers a child department whose admin adds a member with the
// credential-issuer and device-registrar roles; an account creates a DID and
// updates it; the member issues a credential to that DID, which verifies,
// is suspended and revoked (the revocation status list shows its bit); the
// member registers a device and suspends it. The DID resolves over the
// module's REST routes and the Universal Resolver route. Refused
// transactions are checked by the codespace and code the chain recorded.
func TestIdentityLifecycle(t *testing.T) {
	requireBinary(t)
	home := t.TempDir()
	start := time.Now()

	initHome(t, home, identityChainID)
	addKey(t, home, "validator")
	cityAdmin := addKey(t, home, "city-admin")
	civilAdmin := addKey(t, home, "civil-admin")
	issuer := addKey(t, home, "issuer")
	alice := addKey(t, home, "alice")
	outsider := addKey(t, home, "outsider")
	// The device's key never signs here, so its account needs no coins.
	sensor := addKey(t, home, "sensor")
	sensorKey := keyPubKey(t, home, "sensor")
	for _, name := range []string{"validator", "city-admin", "civil-admin", "issuer", "alice", "outsider"} {
		mustCLI(t, "genesis", "add-genesis-account", name, fmt.Sprintf("%d%s", genesisFunds, denom),
			"--keyring-backend", "test", "--home", home)
	}
	mustCLI(t, "genesis", "gentx", "validator", selfBond,
		"--chain-id", identityChainID, "--keyring-backend", "test", "--home", home)
	mustCLI(t, "genesis", "collect-gentxs", "--home", home)
	setGovPeriods(t, home, govVotingPeriod, govDeposit)
	mustCLI(t, "genesis", "validate", "--home", home)

	ports := newNodePorts(t)
	n := newNode(t, "identity", home, ports.endpoints(), ports.startFlags()...)
	n.start(t)
	n.waitHeight(t, 1, startTimeout)
	c := chainClient{n: n, chainID: identityChainID}
	api := n.apiURL() + "/trustcity/identity/v1"

	// Ed25519 keys of the DID, from fixed seeds so failures reproduce.
	key1 := ed25519.NewKeyFromSeed(ed25519Seed("did key 1")).Public().(ed25519.PublicKey)
	key2 := ed25519.NewKeyFromSeed(ed25519Seed("did key 2")).Public().(ed25519.PublicKey)
	credential := []byte(`{"type":"LowIncomeHousehold","year":2026}`)
	credentialHash := sha256.Sum256(credential)

	var proposalID string
	step(t, "gov proposal registers a top-level department", func(t *testing.T) {
		govAddr := moduleAddress(t, n, "gov")
		proposal := map[string]any{
			"messages": []any{map[string]any{
				"@type":            "/trustcity.identity.v1.MsgRegisterDepartment",
				"signer":           govAddr,
				"id":               topDepartment,
				"name":             "City Government",
				"admin":            cityAdmin,
				"roles":            []string{"ROLE_DATA_PROVIDER", "ROLE_CREDENTIAL_ISSUER", "ROLE_DEVICE_REGISTRAR"},
				"credential_types": []string{"DriverLicence", credentialType, "ResidentCard"},
			}},
			"metadata":  "city government",
			"deposit":   govDeposit,
			"title":     "Register the city government",
			"summary":   "Registers the top-level department city and its admin.",
			"expedited": false,
		}
		path := filepath.Join(home, "proposal.json")
		writeJSONFile(t, path, proposal)
		tx := c.run(t, "validator", "gov", "submit-proposal", path)
		id, ok := tx.attr("submit_proposal", "proposal_id")
		if !ok {
			t.Fatalf("submit-proposal tx %s has no submit_proposal.proposal_id event", tx.TxHash)
		}
		proposalID = id
		c.run(t, "validator", "gov", "vote", proposalID, "yes")
		t.Logf("proposal %s submitted and voted on", proposalID)
	})

	var did string
	step(t, "create a DID and update it (while the proposal is voted on)", func(t *testing.T) {
		vm1 := verificationMethod("key-1", key1)
		tx := c.run(t, "alice", "identity", "create-did", "--verification-methods", vm1, "--authentication", "key-1")
		tx.typedAttr(t, "trustcity.identity.v1.EventDidCreated", "did", &did)
		res := mustCLI(t, "q", "identity", "dids-by-controller", alice, "--node", n.nodeFlag(), "--home", home, "--output", "json")
		var byController struct {
			Dids []string `json:"dids"`
		}
		if err := json.Unmarshal([]byte(res.stdout), &byController); err != nil {
			t.Fatalf("dids-by-controller: %v\n%s", err, res)
		}
		if !slices.Equal(byController.Dids, []string{did}) {
			t.Fatalf("dids-by-controller %s = %v, want [%s] (from the event)", alice, byController.Dids, did)
		}
		c.run(t, "alice", "identity", "update-did", did, "--expected-version", "1", "--controllers", alice,
			"--verification-methods", vm1, "--verification-methods", verificationMethod("key-2", key2),
			"--authentication", "key-1", "--assertion-method", "key-2",
			"--services", `{"id":"wallet","type":"LinkedDomains","endpoint":"https://wallet.example.org/alice"}`)
		t.Logf("DID %s at version 2", did)
	})

	step(t, "proposal passes and the department exists", func(t *testing.T) {
		eventually(t, proposalTimeout, "proposal "+proposalID+" passed", func() (bool, string) {
			n.failIfExited(t)
			var res struct {
				Proposal struct {
					Status       string `json:"status"`
					FailedReason string `json:"failed_reason"`
				} `json:"proposal"`
			}
			if err := getJSON(n.apiURL()+"/cosmos/gov/v1/proposals/"+proposalID, &res); err != nil {
				return false, err.Error()
			}
			switch res.Proposal.Status {
			case "PROPOSAL_STATUS_FAILED", "PROPOSAL_STATUS_REJECTED":
				t.Fatalf("proposal %s: %s %s", proposalID, res.Proposal.Status, res.Proposal.FailedReason)
			}
			return res.Proposal.Status == "PROPOSAL_STATUS_PASSED", res.Proposal.Status
		})
		var res struct {
			Department restDepartment `json:"department"`
			Active     bool           `json:"active"`
		}
		mustGetJSON(t, api+"/departments/"+topDepartment, http.StatusOK, &res)
		d := res.Department
		if d.Admin != cityAdmin || d.ParentID != "" || d.Depth != 1 || !res.Active || d.Status != "DEPARTMENT_STATUS_ACTIVE" {
			t.Fatalf("department %s = %+v (active %v); want admin %s, top level, depth 1, active", topDepartment, d, res.Active, cityAdmin)
		}
		wantRoles := []string{"ROLE_DATA_PROVIDER", "ROLE_CREDENTIAL_ISSUER", "ROLE_DEVICE_REGISTRAR"}
		if !slices.Equal(d.Roles, wantRoles) {
			t.Fatalf("department %s roles = %v, want %v", topDepartment, d.Roles, wantRoles)
		}
	})

	step(t, "child department, member and refused transactions", func(t *testing.T) {
		c.run(t, "city-admin", "identity", "register-department", childDepartment, "Civil Affairs Bureau", topDepartment, civilAdmin,
			"--roles", "credential-issuer", "--roles", "device-registrar", "--credential-types", credentialType)

		// Three signers, so the transactions can share a block.
		setMember := c.send(t, "civil-admin", "identity", "set-member", childDepartment, issuer,
			"--roles", "credential-issuer", "--roles", "device-registrar")
		outsiderSetMember := c.send(t, "outsider", "identity", "set-member", childDepartment, outsider,
			"--roles", "credential-issuer")
		roleParentLacks := c.send(t, "city-admin", "identity", "register-department", "city-court", "City Court", topDepartment, alice,
			"--roles", "court")
		c.mustSucceed(t, setMember)
		c.mustFail(t, outsiderSetMember, identityCodespace, codeUnauthorized)
		c.mustFail(t, roleParentLacks, identityCodespace, codeRoleNotSubset)

		var dep struct {
			Department restDepartment `json:"department"`
			Active     bool           `json:"active"`
		}
		mustGetJSON(t, api+"/departments/"+childDepartment, http.StatusOK, &dep)
		d := dep.Department
		if d.ParentID != topDepartment || d.Admin != civilAdmin || d.Depth != 2 || !dep.Active ||
			!slices.Equal(d.Roles, []string{"ROLE_CREDENTIAL_ISSUER", "ROLE_DEVICE_REGISTRAR"}) ||
			!slices.Equal(d.CredentialTypes, []string{credentialType}) {
			t.Fatalf("department %s = %+v (active %v)", childDepartment, d, dep.Active)
		}
		code, body, err := httpGet(api + "/departments/city-court")
		if err != nil || code != http.StatusNotFound {
			t.Fatalf("GET department city-court (refused): status %d, err %v: %s; want 404", code, err, tail(string(body), 300))
		}

		var members struct {
			Members []struct {
				DepartmentID string   `json:"department_id"`
				Address      string   `json:"address"`
				Roles        []string `json:"roles"`
			} `json:"members"`
		}
		mustGetJSON(t, api+"/departments/"+childDepartment+"/members", http.StatusOK, &members)
		if len(members.Members) != 1 || members.Members[0].Address != issuer ||
			!slices.Equal(members.Members[0].Roles, []string{"ROLE_CREDENTIAL_ISSUER", "ROLE_DEVICE_REGISTRAR"}) {
			t.Fatalf("members of %s = %+v; want only %s with credential-issuer and device-registrar", childDepartment, members.Members, issuer)
		}
	})

	step(t, "DID over REST: document, JSON-LD and versions", func(t *testing.T) {
		var res struct {
			Document struct {
				ID                  string `json:"id"`
				VerificationMethods []struct {
					ID        string `json:"id"`
					Type      string `json:"type"`
					PublicKey []byte `json:"public_key"`
				} `json:"verification_methods"`
			} `json:"document"`
			Metadata struct {
				VersionID string `json:"version_id"`
			} `json:"metadata"`
			JSONLD string `json:"json_ld"`
		}
		mustGetJSON(t, api+"/dids/"+did, http.StatusOK, &res)
		if res.Document.ID != did || res.Metadata.VersionID != "2" || len(res.Document.VerificationMethods) != 2 {
			t.Fatalf("DID %s over REST: id %s, version %q, %d verification methods; want version 2 with 2",
				did, res.Document.ID, res.Metadata.VersionID, len(res.Document.VerificationMethods))
		}
		vm := res.Document.VerificationMethods[0]
		if vm.ID != "key-1" || vm.Type != "VERIFICATION_METHOD_TYPE_ED25519" || !slices.Equal(vm.PublicKey, []byte(key1)) {
			t.Fatalf("verification method 0 = %s %s %x; want key-1 Ed25519 %x", vm.ID, vm.Type, vm.PublicKey, []byte(key1))
		}
		if res.JSONLD == "" {
			t.Fatalf("DID %s over REST has no json_ld", did)
		}
		var doc struct {
			Context []string `json:"@context"`
			ID      string   `json:"id"`
		}
		if err := json.Unmarshal([]byte(res.JSONLD), &doc); err != nil {
			t.Fatalf("json_ld is not JSON: %v\n%s", err, res.JSONLD)
		}
		if doc.ID != did || len(doc.Context) == 0 || doc.Context[0] != "https://www.w3.org/ns/did/v1" {
			t.Fatalf("json_ld id %q @context %v; want id %s and the W3C DID context first", doc.ID, doc.Context, did)
		}

		var versions struct {
			Versions []struct {
				VersionID     string `json:"version_id"`
				NextVersionID string `json:"next_version_id"`
			} `json:"versions"`
		}
		mustGetJSON(t, api+"/dids/"+did+"/versions", http.StatusOK, &versions)
		if len(versions.Versions) != 2 || versions.Versions[0].VersionID != "1" || versions.Versions[0].NextVersionID != "2" ||
			versions.Versions[1].VersionID != "2" {
			t.Fatalf("versions of %s = %+v; want 1 (next 2) and 2", did, versions.Versions)
		}
	})

	step(t, "Universal Resolver route", func(t *testing.T) {
		resolver := n.apiURL() + "/1.0/identifiers/"
		var res struct {
			DidDocument struct {
				Context []string `json:"@context"`
				ID      string   `json:"id"`
			} `json:"didDocument"`
			DidResolutionMetadata struct {
				ContentType string `json:"contentType"`
				Error       string `json:"error"`
			} `json:"didResolutionMetadata"`
			DidDocumentMetadata struct {
				VersionID string `json:"versionId"`
			} `json:"didDocumentMetadata"`
		}
		mustGetJSON(t, resolver+did, http.StatusOK, &res)
		if res.DidDocument.ID != did || res.DidDocumentMetadata.VersionID != "2" || res.DidResolutionMetadata.Error != "" {
			t.Fatalf("resolving %s: document id %q, versionId %q, error %q", did, res.DidDocument.ID,
				res.DidDocumentMetadata.VersionID, res.DidResolutionMetadata.Error)
		}

		res.DidResolutionMetadata.Error = ""
		// A well-formed id (base58 of 16 bytes) that no one created.
		unknown := "did:trustcity:AAAAAAAAAAAAAAAAAAAAAA"
		mustGetJSON(t, resolver+unknown, http.StatusNotFound, &res)
		if res.DidResolutionMetadata.Error != "notFound" {
			t.Fatalf("resolving %s: error %q, want notFound", unknown, res.DidResolutionMetadata.Error)
		}
		res.DidResolutionMetadata.Error = ""
		mustGetJSON(t, resolver+"did:web:example.com", http.StatusNotImplemented, &res)
		if res.DidResolutionMetadata.Error != "methodNotSupported" {
			t.Fatalf("resolving did:web:example.com: error %q, want methodNotSupported", res.DidResolutionMetadata.Error)
		}
	})

	step(t, "credential: issue, verify, suspend, revoke, status list", func(t *testing.T) {
		tx := c.run(t, "issuer", "identity", "issue-credential", credentialID, credentialType, did, hexOf(credentialHash[:]))
		var index uint64
		tx.typedAttr(t, "trustcity.identity.v1.EventCredentialIssued", "status_list_index", (*jsonUint)(&index))

		verification := func(t *testing.T) restVerification {
			t.Helper()
			var v restVerification
			// grpc-gateway reads a bytes query parameter as base64 (standard,
			// or URL-safe with padding).
			url := api + "/credentials/" + credentialID + "/verification?hash=" +
				neturl.QueryEscape(base64.URLEncoding.EncodeToString(credentialHash[:]))
			mustGetJSON(t, url, http.StatusOK, &v)
			return v
		}
		v := verification(t)
		if !v.Valid || v.Failure != "VERIFICATION_FAILURE_UNSPECIFIED" || v.Credential.IssuerDepartment != childDepartment ||
			!slices.Equal(v.Credential.Hash, credentialHash[:]) || uint64(v.Credential.StatusListIndex) != index {
			t.Fatalf("fresh credential verifies as %+v; want valid, issued by %s, index %d", v, childDepartment, index)
		}

		// listBit reads the credential's bit in the issuer's status list of
		// purpose over REST.
		listBit := func(t *testing.T, purpose string) bool {
			t.Helper()
			var sl struct {
				EncodedList string  `json:"encoded_list"`
				ListLength  jsonInt `json:"list_length"`
			}
			url := fmt.Sprintf("%s/departments/%s/status-lists/%s/%d", api, childDepartment, purpose, index/statusListLength)
			mustGetJSON(t, url, http.StatusOK, &sl)
			if sl.ListLength != statusListLength {
				t.Fatalf("%s list: list_length %d, want %d", purpose, sl.ListLength, statusListLength)
			}
			bit, bits, err := statusBit(sl.EncodedList, index%statusListLength)
			if err != nil {
				t.Fatalf("%s list: %v", purpose, err)
			}
			if bits != statusListLength {
				t.Fatalf("%s list decodes to %d bits, list_length says %d", purpose, bits, sl.ListLength)
			}
			return bit
		}
		if listBit(t, "STATUS_PURPOSE_REVOCATION") || listBit(t, "STATUS_PURPOSE_SUSPENSION") {
			t.Fatalf("fresh credential (index %d) has a status bit set", index)
		}

		c.run(t, "issuer", "identity", "set-credential-status", credentialID, "suspended", "certificate-hold")
		if v := verification(t); v.Valid || v.Failure != "VERIFICATION_FAILURE_SUSPENDED" {
			t.Fatalf("suspended credential verifies as valid=%v failure=%s", v.Valid, v.Failure)
		}
		if !listBit(t, "STATUS_PURPOSE_SUSPENSION") || listBit(t, "STATUS_PURPOSE_REVOCATION") {
			t.Fatalf("suspended credential: want its suspension bit (index %d) set and its revocation bit clear", index)
		}

		c.run(t, "issuer", "identity", "set-credential-status", credentialID, "revoked", "privilege-withdrawn")
		v = verification(t)
		if v.Valid || v.Failure != "VERIFICATION_FAILURE_REVOKED" || v.Credential.Status != "CREDENTIAL_STATUS_REVOKED" ||
			v.Credential.StatusReason != "STATUS_REASON_PRIVILEGE_WITHDRAWN" {
			t.Fatalf("revoked credential verifies as valid=%v failure=%s status=%s reason=%s",
				v.Valid, v.Failure, v.Credential.Status, v.Credential.StatusReason)
		}
		if !listBit(t, "STATUS_PURPOSE_REVOCATION") {
			t.Fatalf("revoked credential: bit %d of the revocation list is 0, want 1", index)
		}
		if listBit(t, "STATUS_PURPOSE_SUSPENSION") {
			t.Fatalf("revoked credential: bit %d of the suspension list is still 1", index)
		}
	})

	step(t, "device: register with a matching key, refuse a mismatched one, suspend", func(t *testing.T) {
		mismatched := c.send(t, "issuer", "identity", "register-device", outsider, deviceKeyType, hexOf(sensorKey), "TrafficSensor",
			"--scopes", "traffic-flow")
		c.mustFail(t, mismatched, identityCodespace, codeInvalidDevice)
		c.run(t, "issuer", "identity", "register-device", sensor, deviceKeyType, hexOf(sensorKey), "TrafficSensor",
			"--scopes", "traffic-flow")
		c.run(t, "issuer", "identity", "set-device-status", sensor, "suspended")

		var res struct {
			Device struct {
				Address      string   `json:"address"`
				DepartmentID string   `json:"department_id"`
				KeyType      string   `json:"key_type"`
				PublicKey    []byte   `json:"public_key"`
				Scopes       []string `json:"scopes"`
				Status       string   `json:"status"`
				RegisteredBy string   `json:"registered_by"`
			} `json:"device"`
		}
		mustGetJSON(t, api+"/devices/"+sensor, http.StatusOK, &res)
		d := res.Device
		if d.Address != sensor || d.DepartmentID != childDepartment || d.KeyType != "VERIFICATION_METHOD_TYPE_SECP256K1" ||
			!slices.Equal(d.PublicKey, sensorKey) || !slices.Equal(d.Scopes, []string{"traffic-flow"}) ||
			d.Status != "DEVICE_STATUS_SUSPENDED" || d.RegisteredBy != issuer {
			t.Fatalf("device %s = %+v; want suspended, of %s, registered by %s", sensor, d, childDepartment, issuer)
		}
	})

	t.Logf("identity lifecycle took %s", time.Since(start).Round(time.Second))
}

// ed25519Seed derives a 32-byte Ed25519 seed from a label.
func ed25519Seed(label string) []byte {
	s := sha256.Sum256([]byte("trustcity e2e " + label))
	return s[:]
}

// verificationMethod is the CLI's JSON of an Ed25519 verification method.
func verificationMethod(id string, key ed25519.PublicKey) string {
	return fmt.Sprintf(`{"id":%q,"type":"VERIFICATION_METHOD_TYPE_ED25519","public_key":%q}`,
		id, base64.StdEncoding.EncodeToString(key))
}

// moduleAddress reads a module account's address from the node.
func moduleAddress(t testing.TB, n *node, name string) string {
	t.Helper()
	res := mustCLI(t, "q", "auth", "module-account", name, "--node", n.nodeFlag(), "--home", n.home, "--output", "json")
	var out struct {
		Account struct {
			Value struct {
				Address string `json:"address"`
			} `json:"value"`
		} `json:"account"`
	}
	if err := json.Unmarshal([]byte(res.stdout), &out); err != nil || out.Account.Value.Address == "" {
		t.Fatalf("module account %s: %v\n%s", name, err, res)
	}
	return out.Account.Value.Address
}

// writeJSONFile writes v as JSON to path.
func writeJSONFile(t testing.TB, path string, v any) {
	t.Helper()
	bz, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatalf("encoding %s: %v", path, err)
	}
	if err := os.WriteFile(path, bz, 0o644); err != nil {
		t.Fatalf("writing %s: %v", path, err)
	}
}

// jsonUint is an unsigned integer carried as a JSON number or string, or
// (in typed event attributes) as a quoted string.
type jsonUint uint64

func (u *jsonUint) UnmarshalJSON(b []byte) error {
	s, err := strconv.Unquote(string(b))
	if err != nil {
		s = string(b)
	}
	v, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		return fmt.Errorf("unsigned integer %s: %w", b, err)
	}
	*u = jsonUint(v)
	return nil
}
