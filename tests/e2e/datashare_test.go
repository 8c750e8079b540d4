package e2e

import (
	"bytes"
	"crypto/ecdh"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

const (
	datashareChainID = "trustcity-datashare-e2e"

	weatherDept   = "weather-bureau"
	transportDept = "transport"
	auditDept     = "audit-office"
	healthDept    = "health"
	hospitalDept  = "hospital"
	hospitalName  = "City Hospital"

	weatherStandard = "weather-observation"
	weatherDataset  = "weather-hourly"
	recordsDataset  = "health-record-7f3a"
	trafficPurpose  = "traffic-signal-timing"
	auditPurpose    = "quality-audit"
	carePurpose     = "treatment"

	// auditGrant is how long the audit office's automatic grant runs: long
	// enough to check it works, short enough to watch it expire on chain.
	auditGrant = 20 * time.Second
	// expiryTimeout bounds waiting for the audit grant to expire and be
	// marked by EndBlock.
	expiryTimeout = 2 * time.Minute
)

// weatherSchema is the JSON Schema of the weather bureau's standard (the
// same document as the README's walkthrough, "Walkthrough: data sharing").
const weatherSchema = `{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "title": "Hourly weather observation",
  "type": "object",
  "required": ["station", "observed_at", "temperature_c"],
  "properties": {
    "station": {"type": "string", "pattern": "^[A-Z]{2}-[0-9]{3}$"},
    "observed_at": {"type": "string", "format": "date-time"},
    "temperature_c": {"type": "number", "minimum": -90, "maximum": 60},
    "precipitation_mm": {"type": "number", "minimum": 0}
  },
  "additionalProperties": false
}`

// TestDataSharing runs x/datashare end to end on a one-validator chain whose
// genesis holds a weather bureau (DATA_PROVIDER, STANDARDS_BODY), a
// transport department, an audit office (AUDITOR), a health commission and a
// hospital (DATA_PROVIDER), through the CLI with signed transactions,
// reading the results over REST.
//
// The weather bureau registers a JSON Schema standard, creates the internal
// dataset weather-hourly naming it and publishes a conforming version; a
// non-conforming summary is refused with the validator's words. Two
// auto-approval rules (transport by name, auditors by role) grant requests
// in the transaction that makes them (EventAutomatedDataExchange);
// transport subscribes, a second version is published (EventVersionPublished,
// found again with `q txs --query`), transport records a use and
// check-access allows it. The audit office's grant runs 20 s: it is watched
// expiring on chain (GRANT_EXPIRED, then marked by EndBlock) and a use
// under it is refused.
//
// A patient creates a DID; the health commission keeps a personal dataset
// about her; the hospital asks for access and the commission approves. The
// hospital's use is refused without the patient's consent, allowed once she
// consents, and refused again at once after she revokes it; the patient reads
// the log of the use by her DID. The commission posts the content key
// encrypted to the X25519 key-agreement key of the hospital's DID, and the
// hospital opens it.
func TestDataSharing(t *testing.T) {
	requireBinary(t)
	home := t.TempDir()
	start := time.Now()

	initHome(t, home, datashareChainID)
	addKey(t, home, "validator")
	weather := addKey(t, home, "weather-admin")
	transport := addKey(t, home, "transport-admin")
	audit := addKey(t, home, "audit-admin")
	health := addKey(t, home, "health-admin")
	hospital := addKey(t, home, "hospital-admin")
	alice := addKey(t, home, "alice")
	for _, name := range []string{"validator", "weather-admin", "transport-admin", "audit-admin", "health-admin", "hospital-admin", "alice"} {
		mustCLI(t, "genesis", "add-genesis-account", name, fmt.Sprintf("%d%s", genesisFunds, denom),
			"--keyring-backend", "test", "--home", home)
	}
	mustCLI(t, "genesis", "gentx", "validator", selfBond,
		"--chain-id", datashareChainID, "--keyring-backend", "test", "--home", home)
	mustCLI(t, "genesis", "collect-gentxs", "--home", home)
	setGenesisDepartments(t, home,
		genesisDepartment{id: weatherDept, name: "Weather Bureau", admin: weather, roles: []string{"ROLE_DATA_PROVIDER", "ROLE_STANDARDS_BODY"}},
		genesisDepartment{id: transportDept, name: "Transport Bureau", admin: transport, roles: []string{"ROLE_DATA_PROVIDER"}},
		genesisDepartment{id: auditDept, name: "Municipal Audit Office", admin: audit, roles: []string{"ROLE_AUDITOR"}},
		genesisDepartment{id: healthDept, name: "Health Commission", admin: health, roles: []string{"ROLE_DATA_PROVIDER"}},
		genesisDepartment{id: hospitalDept, name: hospitalName, admin: hospital, roles: []string{"ROLE_DATA_PROVIDER"}},
	)
	mustCLI(t, "genesis", "validate", "--home", home)

	ports := newNodePorts(t)
	n := newNode(t, "datashare", home, ports.endpoints(), ports.startFlags()...)
	n.start(t)
	n.waitHeight(t, 1, startTimeout)
	c := chainClient{n: n, chainID: datashareChainID}
	rest := dsREST{base: n.apiURL() + "/trustcity/datashare/v1"}
	t.Logf("chain up after %s", time.Since(start).Round(time.Second))

	// The hospital's DID carries an X25519 key-agreement key; the private key
	// stays with the test, which plays the hospital opening an envelope.
	hospitalKA, err := ecdh.X25519().NewPrivateKey(ed25519Seed("hospital key agreement"))
	if err != nil {
		t.Fatal(err)
	}
	authKey := func(label string) string {
		return verificationMethod("key-1", ed25519.NewKeyFromSeed(ed25519Seed(label)).Public().(ed25519.PublicKey))
	}

	var aliceDID, hospitalDID string
	step(t, "standard registered; the patient and the hospital create DIDs", func(t *testing.T) {
		std := c.send(t, "weather-admin", "datashare", "register-standard", weatherStandard, "1.0.0", "Weather observation", weatherSchema)
		patient := c.send(t, "alice", "identity", "create-did", "--verification-methods", authKey("alice"), "--authentication", "key-1")
		hospitalTx := c.send(t, "hospital-admin", "identity", "create-did",
			"--verification-methods", authKey("hospital"), "--verification-methods", x25519Method("key-x25519", hospitalKA.PublicKey().Bytes()),
			"--authentication", "key-1", "--key-agreement", "key-x25519")
		tx := c.mustSucceed(t, std)
		var schemaHash string
		tx.typedAttr(t, dsEvent("EventStandardRegistered"), "schema_hash", &schemaHash)
		if sum := sha256.Sum256([]byte(weatherSchema)); schemaHash != hexOf(sum[:]) {
			t.Fatalf("EventStandardRegistered.schema_hash %s, want the SHA-256 of the schema %x", schemaHash, sum)
		}
		c.mustSucceed(t, patient).typedAttr(t, "trustcity.identity.v1.EventDidCreated", "did", &aliceDID)
		c.mustSucceed(t, hospitalTx).typedAttr(t, "trustcity.identity.v1.EventDidCreated", "did", &hospitalDID)

		var res struct {
			Standard struct {
				DepartmentID string `json:"department_id"`
				Schema       string `json:"schema"`
				Status       string `json:"status"`
				RegisteredBy string `json:"registered_by"`
			} `json:"standard"`
		}
		rest.get(t, "/standards/"+weatherStandard+"/versions/1.0.0", nil, &res)
		if s := res.Standard; s.DepartmentID != weatherDept || s.Schema != weatherSchema || s.Status != "STANDARD_STATUS_ACTIVE" || s.RegisteredBy != weather {
			t.Fatalf("standard over REST: %+v", s)
		}
	})

	step(t, "datasets: weather-hourly naming the standard, the patient's records; the hospital's DID", func(t *testing.T) {
		weatherTx := c.send(t, "weather-admin", "datashare", "create-dataset", weatherDataset, "Hourly observations", "environment", "internal",
			"https://data.weather.example/hourly", "none", "--standard", fmt.Sprintf(`{"id":%q,"version":"1.0.0"}`, weatherStandard))
		recordsTx := c.send(t, "health-admin", "datashare", "create-dataset", recordsDataset, "Electronic health record", "health", "personal",
			"https://ehr.health.example/records/7f3a", "aes-256-gcm", "--subject", aliceDID)
		didTx := c.send(t, "hospital-admin", "identity", "update-department", hospitalDept, hospitalName, "--did", hospitalDID)
		c.mustSucceed(t, weatherTx)
		c.mustSucceed(t, recordsTx)
		c.mustSucceed(t, didTx)

		var res struct {
			Dataset dsDataset `json:"dataset"`
		}
		rest.get(t, "/datasets/"+weatherDataset, nil, &res)
		if d := res.Dataset; d.Owner != weatherDept || d.Sensitivity != "SENSITIVITY_INTERNAL" || d.Category != "CATEGORY_ENVIRONMENT" ||
			d.Standard.ID != weatherStandard || d.Standard.Version != "1.0.0" || d.LatestVersion != 0 {
			t.Fatalf("dataset %s over REST: %+v", weatherDataset, d)
		}
		res.Dataset = dsDataset{}
		rest.get(t, "/datasets/"+recordsDataset, nil, &res)
		if d := res.Dataset; d.Owner != healthDept || d.Sensitivity != "SENSITIVITY_PERSONAL" || d.Subject != aliceDID ||
			d.Encryption != "ENCRYPTION_SCHEME_AES_256_GCM" {
			t.Fatalf("dataset %s over REST: %+v", recordsDataset, d)
		}
	})

	observation := `{"station":"NJ-001","observed_at":"2026-11-21T08:00:00Z","temperature_c":4.5,"precipitation_mm":0.2}`
	obsHash := sha256.Sum256([]byte("station,observed_at,temperature_c\nNJ-001,2026-11-21T08:00:00Z,4.5\n"))
	recordsHash := sha256.Sum256([]byte("encrypted medical records of alice, version 1"))
	var transportRule, auditRule uint64
	step(t, "publish a conforming version; a non-conforming summary is refused; auto-approval rules", func(t *testing.T) {
		records := c.send(t, "health-admin", "datashare", "publish-version", recordsDataset, hexOf(recordsHash[:]), "20480",
			"https://ehr.health.example/records/7f3a/v1.enc")
		tx := c.run(t, "weather-admin", "datashare", "publish-version", weatherDataset, hexOf(obsHash[:]), "5120",
			"https://data.weather.example/hourly/2026-11-21T08.csv", "--summary", observation)
		if v := eventUint(t, tx, "EventVersionPublished", "version"); v != 1 {
			t.Fatalf("first version is %d", v)
		}
		c.mustSucceed(t, records)

		bad := `{"station":"NJ-001","temperature_c":"warm"}`
		tx = c.mustFail(t, c.send(t, "weather-admin", "datashare", "publish-version", weatherDataset, hexOf(obsHash[:]), "5120",
			"https://data.weather.example/hourly/bad.csv", "--summary", bad), datashareCodespace, codeNonConforming)
		// The validator's words: which property is missing, which has the wrong type.
		requireRawLog(t, tx, "standard "+weatherStandard+"@1.0.0", "at /: missing property 'observed_at'", "at /temperature_c: got string, want number")
		t.Logf("non-conforming summary refused: %s", tx.RawLog)

		tx = c.run(t, "weather-admin", "datashare", "set-rule", weatherDataset, "2160h", "--departments", transportDept)
		transportRule = eventUint(t, tx, "EventAutoApprovalRuleSet", "rule_id")
		tx = c.run(t, "weather-admin", "datashare", "set-rule", weatherDataset, "1h", "--role", "auditor")
		auditRule = eventUint(t, tx, "EventAutoApprovalRuleSet", "rule_id")

		var v struct {
			Version dsVersion `json:"version"`
		}
		rest.get(t, "/datasets/"+weatherDataset+"/versions/1", nil, &v)
		if v.Version.Summary != observation || !bytes.Equal(v.Version.ContentHash, obsHash[:]) || v.Version.Publisher != weather ||
			v.Version.PublisherKind != "PUBLISHER_KIND_MEMBER" {
			t.Fatalf("version 1 of %s over REST: %+v", weatherDataset, v.Version)
		}
		var rules struct {
			Rules []struct {
				ID          jsonInt  `json:"id"`
				Role        string   `json:"role"`
				Departments []string `json:"departments"`
				MaxDuration string   `json:"max_duration"`
			} `json:"rules"`
		}
		rest.get(t, "/datasets/"+weatherDataset+"/rules", nil, &rules)
		if len(rules.Rules) != 2 || uint64(rules.Rules[0].ID) != transportRule || !slices.Equal(rules.Rules[0].Departments, []string{transportDept}) ||
			rules.Rules[0].MaxDuration != "7776000s" || uint64(rules.Rules[1].ID) != auditRule || rules.Rules[1].Role != "ROLE_AUDITOR" {
			t.Fatalf("rules of %s over REST: %+v", weatherDataset, rules.Rules)
		}
	})

	var transportGrant, auditGrantID uint64
	step(t, "transport and the audit office are granted automatically in the tx of their request", func(t *testing.T) {
		transportTx := c.send(t, "transport-admin", "datashare", "request-access", weatherDataset, trafficPurpose, "720h")
		auditTx := c.send(t, "audit-admin", "datashare", "request-access", weatherDataset, auditPurpose, durationString(auditGrant))
		for _, x := range []struct {
			hash, dept, purpose string
			rule                uint64
			duration            time.Duration
			grant               *uint64
		}{
			{transportTx, transportDept, trafficPurpose, transportRule, 720 * time.Hour, &transportGrant},
			{auditTx, auditDept, auditPurpose, auditRule, auditGrant, &auditGrantID},
		} {
			tx := c.mustSucceed(t, x.hash)
			ev := dsEvent("EventAutomatedDataExchange")
			if !tx.hasEvent(ev) {
				t.Fatalf("request of %s: no %s in tx %s; events %+v", x.dept, ev, tx.TxHash, tx.Events)
			}
			requestID := eventUint(t, tx, "EventAccessRequested", "request_id")
			*x.grant = eventUint(t, tx, "EventAutomatedDataExchange", "grant_id")
			if rule := eventUint(t, tx, "EventAutomatedDataExchange", "rule_id"); rule != x.rule {
				t.Fatalf("request of %s granted by rule %d, want %d", x.dept, rule, x.rule)
			}
			r := rest.request(t, requestID)
			if r.Status != "REQUEST_STATUS_APPROVED" || uint64(r.GrantID) != *x.grant || uint64(r.RuleID) != x.rule || r.DecidedBy != "" || r.Grantee != x.dept {
				t.Fatalf("request %d over REST: %+v", requestID, r)
			}
			g := rest.grant(t, *x.grant)
			if g.Status != "GRANT_STATUS_ACTIVE" || g.Grantee != x.dept || g.DatasetID != weatherDataset || g.Purpose != x.purpose ||
				uint64(g.RuleID) != x.rule || g.ApprovedBy != "" || g.ExpiresAt.Sub(g.GrantedAt) != x.duration {
				t.Fatalf("grant %d over REST: %+v", *x.grant, g)
			}
		}
		// The audit office's grant is in force for now.
		if a := rest.checkAccess(t, weatherDataset, auditDept); !a.Allowed || a.Grant == nil || uint64(a.Grant.ID) != auditGrantID {
			t.Fatalf("check-access %s %s right after the grant: %+v", weatherDataset, auditDept, a)
		}
	})

	step(t, "transport subscribes; a new version is announced; transport records a use", func(t *testing.T) {
		tx := c.run(t, "transport-admin", "datashare", "subscribe", weatherDataset)
		var subscriber string
		tx.typedAttr(t, dsEvent("EventSubscribed"), "subscriber", &subscriber)
		if subscriber != transportDept {
			t.Fatalf("EventSubscribed.subscriber %q", subscriber)
		}

		second := `{"station":"NJ-001","observed_at":"2026-11-21T09:00:00Z","temperature_c":5}`
		secondHash := sha256.Sum256([]byte("station,observed_at,temperature_c\nNJ-001,2026-11-21T09:00:00Z,5\n"))
		tx = c.run(t, "weather-admin", "datashare", "publish-version", weatherDataset, hexOf(secondHash[:]), "5130",
			"https://data.weather.example/hourly/2026-11-21T09.csv", "--summary", second, "--parent-version", "1")
		var dataset, contentHash string
		tx.typedAttr(t, dsEvent("EventVersionPublished"), "dataset_id", &dataset)
		tx.typedAttr(t, dsEvent("EventVersionPublished"), "content_hash", &contentHash)
		if v := eventUint(t, tx, "EventVersionPublished", "version"); v != 2 || dataset != weatherDataset || contentHash != hexOf(secondHash[:]) {
			t.Fatalf("EventVersionPublished: dataset %q version %d hash %s", dataset, v, contentHash)
		}
		publishedHeight := tx.Height

		// A subscriber finds the announcements by the event's attribute
		// (typed events carry JSON values: the string is quoted).
		query := fmt.Sprintf(`%s.dataset_id='"%s"'`, dsEvent("EventVersionPublished"), weatherDataset)
		res := mustCLI(t, "q", "txs", "--query", query, "--node", n.nodeFlag(), "--home", home, "--output", "json")
		var found struct {
			TotalCount jsonInt   `json:"total_count"`
			Txs        []chainTx `json:"txs"`
		}
		if err := json.Unmarshal([]byte(res.stdout), &found); err != nil {
			t.Fatalf("q txs --query %s: %v\n%s", query, err, res)
		}
		var heights []jsonInt
		for _, x := range found.Txs {
			heights = append(heights, x.Height)
		}
		if found.TotalCount != 2 || len(found.Txs) != 2 || found.Txs[1].Height != publishedHeight {
			t.Fatalf("q txs --query %s: %d txs at heights %v; want the 2 publications, the last at %d", query, found.TotalCount, heights, publishedHeight)
		}

		tx = c.run(t, "transport-admin", "datashare", "record-access", strconv.FormatUint(transportGrant, 10), "2", trafficPurpose)
		logID := eventUint(t, tx, "EventAccessRecorded", "log_id")

		var subs struct {
			Subscriptions []struct {
				DatasetID  string `json:"dataset_id"`
				Subscriber string `json:"subscriber"`
				CreatedBy  string `json:"created_by"`
			} `json:"subscriptions"`
		}
		rest.get(t, "/subscriptions", map[string][]string{"dataset_id": {weatherDataset}}, &subs)
		if len(subs.Subscriptions) != 1 || subs.Subscriptions[0].Subscriber != transportDept || subs.Subscriptions[0].CreatedBy != transport {
			t.Fatalf("subscriptions of %s: %+v", weatherDataset, subs.Subscriptions)
		}
		logs := rest.accessLogs(t, "dataset_id", weatherDataset)
		if len(logs) != 1 || uint64(logs[0].ID) != logID || logs[0].Grantee != transportDept || logs[0].Accessor != transport ||
			logs[0].Version != 2 || uint64(logs[0].GrantID) != transportGrant || logs[0].Purpose != trafficPurpose || logs[0].Subject != "" {
			t.Fatalf("access logs of %s: %+v; want log %d of transport", weatherDataset, logs, logID)
		}
		a := rest.checkAccess(t, weatherDataset, transportDept)
		if !a.Allowed || a.Denial != "ACCESS_DENIAL_UNSPECIFIED" || a.Grant == nil || uint64(a.Grant.ID) != transportGrant {
			t.Fatalf("check-access %s %s: %+v", weatherDataset, transportDept, a)
		}
	})

	var hospitalGrant uint64
	step(t, "the hospital asks for the patient's records; the health commission approves", func(t *testing.T) {
		tx := c.run(t, "hospital-admin", "datashare", "request-access", recordsDataset, carePurpose, "720h")
		requestID := eventUint(t, tx, "EventAccessRequested", "request_id")
		if tx.hasEvent(dsEvent("EventAutomatedDataExchange")) {
			t.Fatalf("a request for personal data was granted automatically: %+v", tx.Events)
		}
		if r := rest.request(t, requestID); r.Status != "REQUEST_STATUS_PENDING" || r.Grantee != hospitalDept || r.Requester != hospital {
			t.Fatalf("request %d over REST: %+v", requestID, r)
		}
		tx = c.run(t, "health-admin", "datashare", "approve", strconv.FormatUint(requestID, 10))
		hospitalGrant = eventUint(t, tx, "EventAccessGranted", "grant_id")
		if g := rest.grant(t, hospitalGrant); g.Status != "GRANT_STATUS_ACTIVE" || g.Grantee != hospitalDept || g.ApprovedBy != health || g.Purpose != carePurpose {
			t.Fatalf("grant %d over REST: %+v", hospitalGrant, g)
		}
	})

	grantArg := func() string { return strconv.FormatUint(hospitalGrant, 10) }
	noConsent := func(t *testing.T, why string) {
		t.Helper()
		tx := c.mustFail(t, c.send(t, "hospital-admin", "datashare", "record-access", grantArg(), "1", carePurpose), datashareCodespace, codeNoConsent)
		requireRawLog(t, tx, "no consent in force", why)
		a := rest.checkAccess(t, recordsDataset, hospitalDept)
		if a.Allowed || a.Denial != "ACCESS_DENIAL_NO_CONSENT" || a.Grant == nil || uint64(a.Grant.ID) != hospitalGrant || a.Consent != nil {
			t.Fatalf("check-access %s %s: %+v; want NO_CONSENT", recordsDataset, hospitalDept, a)
		}
	}

	step(t, "the hospital's use is refused without the patient's consent", func(t *testing.T) {
		noConsent(t, "has not consented")
	})

	var consentID, logID uint64
	step(t, "the patient consents; the hospital's use is logged; the commission posts a key envelope", func(t *testing.T) {
		expires := time.Now().UTC().Add(24 * time.Hour).Truncate(time.Second).Format(time.RFC3339)
		tx := c.run(t, "alice", "datashare", "consent", aliceDID, hospitalDept, expires, "--purposes", carePurpose, "--dataset-id", recordsDataset)
		consentID = eventUint(t, tx, "EventConsentGiven", "consent_id")
		if a := rest.checkAccess(t, recordsDataset, hospitalDept); !a.Allowed || a.Consent == nil || uint64(a.Consent.ID) != consentID {
			t.Fatalf("check-access %s %s after the consent: %+v", recordsDataset, hospitalDept, a)
		}

		contentKey := ed25519Seed("content key of alice-records v1")
		envelope := sealEnvelope(t, hospitalKA.PublicKey().Bytes(), contentKey, "alice-records v1")
		recipient := hospitalDID + "#key-x25519"
		use := c.send(t, "hospital-admin", "datashare", "record-access", grantArg(), "1", carePurpose)
		post := c.send(t, "health-admin", "datashare", "post-envelope", grantArg(), "1", recipient, envelopeAlgorithm, hexOf(envelope))
		logID = eventUint(t, c.mustSucceed(t, use), "EventAccessRecorded", "log_id")
		c.mustSucceed(t, post)

		var envs struct {
			Envelopes []dsEnvelope `json:"envelopes"`
		}
		rest.get(t, fmt.Sprintf("/grants/%d/envelopes", hospitalGrant), nil, &envs)
		if len(envs.Envelopes) != 1 || envs.Envelopes[0].RecipientKey != recipient || envs.Envelopes[0].Algorithm != envelopeAlgorithm ||
			envs.Envelopes[0].PostedBy != health || envs.Envelopes[0].Version != 1 {
			t.Fatalf("envelopes of grant %d: %+v", hospitalGrant, envs.Envelopes)
		}
		if got := openEnvelope(t, hospitalKA, envs.Envelopes[0].Ciphertext); !bytes.Equal(got, contentKey) {
			t.Fatalf("the hospital opened the envelope to %x, want the content key %x", got, contentKey)
		}
	})

	step(t, "the patient sees the use of her records by her DID", func(t *testing.T) {
		logs := rest.accessLogs(t, "subject", aliceDID)
		if len(logs) != 1 || uint64(logs[0].ID) != logID || logs[0].DatasetID != recordsDataset || logs[0].Grantee != hospitalDept ||
			logs[0].Accessor != hospital || logs[0].Purpose != carePurpose || logs[0].Subject != aliceDID || logs[0].Version != 1 {
			t.Fatalf("access logs of %s: %+v; want log %d of the hospital", aliceDID, logs, logID)
		}
	})

	step(t, "the patient revokes her consent; the hospital's next use is refused", func(t *testing.T) {
		c.run(t, "alice", "datashare", "revoke-consent", strconv.FormatUint(consentID, 10))
		noConsent(t, fmt.Sprintf("consent %d", consentID))
		if cs := rest.consent(t, consentID); cs.Status != "CONSENT_STATUS_REVOKED" || cs.GivenBy != alice || cs.Subject != aliceDID {
			t.Fatalf("consent %d over REST: %+v", consentID, cs)
		}
		if logs := rest.accessLogs(t, "subject", aliceDID); len(logs) != 1 {
			t.Fatalf("access logs of %s after the refused use: %+v; want only log %d", aliceDID, logs, logID)
		}
	})

	step(t, "the audit office's grant expires on chain", func(t *testing.T) {
		// check-access answers at the block time: GRANT_EXPIRED once a
		// block's time has passed expires_at.
		var a dsCheckAccess
		eventually(t, expiryTimeout, fmt.Sprintf("check-access of %s denying GRANT_EXPIRED", auditDept), func() (bool, string) {
			n.failIfExited(t)
			a = rest.checkAccess(t, weatherDataset, auditDept)
			return a.Denial == "ACCESS_DENIAL_GRANT_EXPIRED", fmt.Sprintf("%+v", a)
		})
		if a.Allowed || a.Grant == nil || uint64(a.Grant.ID) != auditGrantID || a.Grant.Status != "GRANT_STATUS_EXPIRED" ||
			!strings.Contains(a.Detail, fmt.Sprintf("grant %d expired at", auditGrantID)) {
			t.Fatalf("check-access %s %s after the expiry: %+v", weatherDataset, auditDept, a)
		}
		// EndBlock marks it: the stored grant then has an ended_height.
		var g dsGrant
		eventually(t, expiryTimeout, fmt.Sprintf("grant %d marked expired by EndBlock", auditGrantID), func() (bool, string) {
			n.failIfExited(t)
			g = rest.grant(t, auditGrantID)
			return g.EndedHeight > 0, fmt.Sprintf("status %s ended_height %d", g.Status, g.EndedHeight)
		})
		if g.Status != "GRANT_STATUS_EXPIRED" {
			t.Fatalf("grant %d after EndBlock: %+v; want GRANT_STATUS_EXPIRED", auditGrantID, g)
		}
		tx := c.mustFail(t, c.send(t, "audit-admin", "datashare", "record-access", strconv.FormatUint(auditGrantID, 10), "2", auditPurpose),
			datashareCodespace, codeGrantNotInForce)
		requireRawLog(t, tx, "grant not in force", fmt.Sprintf("grant %d expired at", auditGrantID))
		// The transport grant, running 720h, is untouched.
		if g := rest.grant(t, transportGrant); g.Status != "GRANT_STATUS_ACTIVE" || g.EndedHeight != 0 {
			t.Fatalf("grant %d of transport: %+v", transportGrant, g)
		}
	})

	t.Logf("data sharing took %s", time.Since(start).Round(time.Second))
}
