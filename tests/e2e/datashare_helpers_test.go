package e2e

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/ecdh"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"net/http"
	neturl "net/url"
	"strings"
	"testing"
	"time"
)

// datashareCodespace is the codespace of x/datashare's registered errors.
const datashareCodespace = "datashare"

// x/datashare error codes the data-sharing test expects
// (x/datashare/types/errors.go).
const (
	codeNonConforming   = 13
	codeGrantNotInForce = 18
	codeNoConsent       = 19
)

// dsEvent names a typed event of x/datashare.
func dsEvent(name string) string { return "trustcity.datashare.v1." + name }

// dsDataset is a dataset as the REST API renders it.
type dsDataset struct {
	ID            string  `json:"id"`
	Owner         string  `json:"owner"`
	Category      string  `json:"category"`
	Sensitivity   string  `json:"sensitivity"`
	Subject       string  `json:"subject"`
	Encryption    string  `json:"encryption"`
	LatestVersion jsonInt `json:"latest_version"`
	Standard      struct {
		ID      string `json:"id"`
		Version string `json:"version"`
	} `json:"standard"`
}

// dsVersion is a dataset version over REST.
type dsVersion struct {
	DatasetID     string  `json:"dataset_id"`
	Version       jsonInt `json:"version"`
	ContentHash   []byte  `json:"content_hash"` // base64 in JSON
	Summary       string  `json:"summary"`
	Publisher     string  `json:"publisher"`
	PublisherKind string  `json:"publisher_kind"`
}

// dsRequest is an access request over REST.
type dsRequest struct {
	ID        jsonInt `json:"id"`
	DatasetID string  `json:"dataset_id"`
	Grantee   string  `json:"grantee"`
	Requester string  `json:"requester"`
	Purpose   string  `json:"purpose"`
	Status    string  `json:"status"`
	GrantID   jsonInt `json:"grant_id"`
	DecidedBy string  `json:"decided_by"`
	RuleID    jsonInt `json:"rule_id"`
}

// dsGrant is a grant over REST.
type dsGrant struct {
	ID          jsonInt   `json:"id"`
	DatasetID   string    `json:"dataset_id"`
	Grantee     string    `json:"grantee"`
	RequestID   jsonInt   `json:"request_id"`
	Purpose     string    `json:"purpose"`
	GrantedAt   time.Time `json:"granted_at"`
	ExpiresAt   time.Time `json:"expires_at"`
	Status      string    `json:"status"`
	ApprovedBy  string    `json:"approved_by"`
	RuleID      jsonInt   `json:"rule_id"`
	EndedHeight jsonInt   `json:"ended_height"`
}

// dsConsent is a consent over REST.
type dsConsent struct {
	ID           jsonInt  `json:"id"`
	Subject      string   `json:"subject"`
	DepartmentID string   `json:"department_id"`
	Purposes     []string `json:"purposes"`
	DatasetID    string   `json:"dataset_id"`
	Status       string   `json:"status"`
	GivenBy      string   `json:"given_by"`
}

// dsCheckAccess is the REST answer of check-access.
type dsCheckAccess struct {
	Allowed bool       `json:"allowed"`
	Denial  string     `json:"denial"`
	Detail  string     `json:"detail"`
	Grant   *dsGrant   `json:"grant"`
	Consent *dsConsent `json:"consent"`
}

// dsAccessLog is one recorded use over REST.
type dsAccessLog struct {
	ID        jsonInt `json:"id"`
	DatasetID string  `json:"dataset_id"`
	Version   jsonInt `json:"version"`
	GrantID   jsonInt `json:"grant_id"`
	Grantee   string  `json:"grantee"`
	Subject   string  `json:"subject"`
	Accessor  string  `json:"accessor"`
	Purpose   string  `json:"purpose"`
}

// dsEnvelope is a key envelope over REST.
type dsEnvelope struct {
	GrantID      jsonInt `json:"grant_id"`
	Version      jsonInt `json:"version"`
	DatasetID    string  `json:"dataset_id"`
	RecipientKey string  `json:"recipient_key"`
	Algorithm    string  `json:"algorithm"`
	Ciphertext   []byte  `json:"ciphertext"` // base64 in JSON
	PostedBy     string  `json:"posted_by"`
}

// dsREST reads x/datashare's REST routes of one node.
type dsREST struct {
	base string // .../trustcity/datashare/v1
}

// get decodes the answer of a GET of path (with query values) into out; the
// status must be 200.
func (r dsREST) get(t testing.TB, path string, q neturl.Values, out any) {
	t.Helper()
	url := r.base + path
	if len(q) > 0 {
		url += "?" + q.Encode()
	}
	mustGetJSON(t, url, http.StatusOK, out)
}

func (r dsREST) grant(t testing.TB, id uint64) dsGrant {
	t.Helper()
	var res struct {
		Grant dsGrant `json:"grant"`
	}
	r.get(t, fmt.Sprintf("/grants/%d", id), nil, &res)
	return res.Grant
}

func (r dsREST) request(t testing.TB, id uint64) dsRequest {
	t.Helper()
	var res struct {
		Request dsRequest `json:"request"`
	}
	r.get(t, fmt.Sprintf("/requests/%d", id), nil, &res)
	return res.Request
}

func (r dsREST) consent(t testing.TB, id uint64) dsConsent {
	t.Helper()
	var res struct {
		Consent dsConsent `json:"consent"`
	}
	r.get(t, fmt.Sprintf("/consents/%d", id), nil, &res)
	return res.Consent
}

func (r dsREST) checkAccess(t testing.TB, dataset, grantee string) dsCheckAccess {
	t.Helper()
	var res dsCheckAccess
	r.get(t, "/check-access", neturl.Values{"dataset_id": {dataset}, "grantee": {grantee}}, &res)
	return res
}

// accessLogs lists the access logs by one filter: dataset_id, grantee or
// subject.
func (r dsREST) accessLogs(t testing.TB, filter, value string) []dsAccessLog {
	t.Helper()
	var res struct {
		Logs []dsAccessLog `json:"logs"`
	}
	r.get(t, "/access-logs", neturl.Values{filter: {value}}, &res)
	return res.Logs
}

// eventUint reads an unsigned integer attribute of a typed x/datashare event.
func eventUint(t testing.TB, tx chainTx, event, key string) uint64 {
	t.Helper()
	var v jsonUint
	tx.typedAttr(t, dsEvent(event), key, &v)
	return uint64(v)
}

// hasEvent reports whether tx emitted an event of type typ.
func (tx chainTx) hasEvent(typ string) bool {
	for _, ev := range tx.Events {
		if ev.Type == typ {
			return true
		}
	}
	return false
}

// requireRawLog fails unless a refused transaction's log holds every want.
func requireRawLog(t testing.TB, tx chainTx, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(tx.RawLog, w) {
			t.Fatalf("tx %s: raw log %q lacks %q", tx.TxHash, tx.RawLog, w)
		}
	}
}

// envelopeAlgorithm names the test's key wrapping: an ephemeral X25519 key
// agreement, SHA-256 of the shared secret as the key, AES-256-GCM.
const envelopeAlgorithm = "X25519-SHA256-A256GCM"

// envelopeKDFLabel binds the derived key to this scheme.
const envelopeKDFLabel = "trustcity e2e key envelope"

// sealEnvelope encrypts contentKey to an X25519 public key: the output is
// the ephemeral public key (32 bytes), the nonce (12) and the AES-GCM
// ciphertext. The chain stores it as opaque bytes.
func sealEnvelope(t testing.TB, recipient []byte, contentKey []byte, seed string) []byte {
	t.Helper()
	pub, err := ecdh.X25519().NewPublicKey(recipient)
	if err != nil {
		t.Fatalf("recipient key: %v", err)
	}
	eph, err := ecdh.X25519().NewPrivateKey(ed25519Seed("ephemeral " + seed))
	if err != nil {
		t.Fatal(err)
	}
	shared, err := eph.ECDH(pub)
	if err != nil {
		t.Fatal(err)
	}
	gcm := envelopeAEAD(t, shared)
	nonce := ed25519Seed("nonce " + seed)[:gcm.NonceSize()]
	out := append(append([]byte{}, eph.PublicKey().Bytes()...), nonce...)
	return gcm.Seal(out, nonce, contentKey, nil)
}

// openEnvelope reverses sealEnvelope with the recipient's private key.
func openEnvelope(t testing.TB, priv *ecdh.PrivateKey, envelope []byte) []byte {
	t.Helper()
	if len(envelope) < 32+12 {
		t.Fatalf("envelope of %d bytes is too short", len(envelope))
	}
	eph, err := ecdh.X25519().NewPublicKey(envelope[:32])
	if err != nil {
		t.Fatal(err)
	}
	shared, err := priv.ECDH(eph)
	if err != nil {
		t.Fatal(err)
	}
	gcm := envelopeAEAD(t, shared)
	key, err := gcm.Open(nil, envelope[32:32+gcm.NonceSize()], envelope[32+gcm.NonceSize():], nil)
	if err != nil {
		t.Fatalf("opening the envelope: %v", err)
	}
	return key
}

func envelopeAEAD(t testing.TB, shared []byte) cipher.AEAD {
	t.Helper()
	k := sha256.Sum256(append([]byte(envelopeKDFLabel), shared...))
	block, err := aes.NewCipher(k[:])
	if err != nil {
		t.Fatal(err)
	}
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		t.Fatal(err)
	}
	return gcm
}

// x25519Method is the CLI's JSON of an X25519 key-agreement method.
func x25519Method(id string, key []byte) string {
	bz, _ := json.Marshal(map[string]any{"id": id, "type": "VERIFICATION_METHOD_TYPE_X25519", "public_key": key})
	return string(bz)
}
