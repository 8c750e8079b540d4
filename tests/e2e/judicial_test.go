package e2e

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	neturl "net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

const (
	judicialChainID = "trustcity-judicial-e2e"
	notaryDept      = "notary"
	courtDept       = "court"
	// caseID names the court case of the test's verifications.
	caseID = "2026-civil-0491"
	// partyDID is a well-formed DID named as a deposit's party.
	partyDID = "did:trustcity:AAAAAAAAAAAAAAAAAAAAAA"
)

// batchFileJSON is the part of `judicial batch build`'s batch.json the test
// reads.
type batchFileJSON struct {
	Algorithm string          `json:"algorithm"`
	Root      string          `json:"root"`
	LeafCount uint64          `json:"leaf_count"`
	Leaves    []batchLeafJSON `json:"leaves"`
}

// batchLeafJSON is one file of a batch.json.
type batchLeafJSON struct {
	Path      string   `json:"path"`
	Digest    string   `json:"digest"`
	LeafIndex uint64   `json:"leaf_index"`
	AuditPath []string `json:"audit_path"`
}

// TestJudicialDeposits runs the judicial module end to end on a
// one-validator chain whose genesis holds a notary (EVIDENCE_DEPOSITOR) and
// a court (COURT). The notary deposits a file's digest (the binary's
// `judicial hash`) and a duplicate deposit is refused; a batch of files is
// built offline with `judicial batch build`, anchored, and one file proven
// with `judicial batch verify --node`; the court records verifications
// (NOT_FOUND, MATCHED on a direct deposit, MATCHED on a batch leaf with the
// proof `judicial batch proof` printed, and a refused MATCHED without a
// deposit); both record custody events. Everything is read back over REST.
func TestJudicialDeposits(t *testing.T) {
	requireBinary(t)
	home := t.TempDir()
	files := t.TempDir()
	start := time.Now()

	initHome(t, home, judicialChainID)
	addKey(t, home, "validator")
	notary := addKey(t, home, "notary-admin")
	court := addKey(t, home, "court-admin")
	for _, name := range []string{"validator", "notary-admin", "court-admin"} {
		mustCLI(t, "genesis", "add-genesis-account", name, fmt.Sprintf("%d%s", genesisFunds, denom),
			"--keyring-backend", "test", "--home", home)
	}
	mustCLI(t, "genesis", "gentx", "validator", selfBond,
		"--chain-id", judicialChainID, "--keyring-backend", "test", "--home", home)
	mustCLI(t, "genesis", "collect-gentxs", "--home", home)
	setGenesisDepartments(t, home,
		genesisDepartment{id: courtDept, name: "Intermediate People's Court", admin: court, roles: []string{"ROLE_COURT"}},
		genesisDepartment{id: notaryDept, name: "Notary and E-Evidence Platform", admin: notary, roles: []string{"ROLE_EVIDENCE_DEPOSITOR"}},
	)
	mustCLI(t, "genesis", "validate", "--home", home)

	ports := newNodePorts(t)
	n := newNode(t, "judicial", home, ports.endpoints(), ports.startFlags()...)
	n.start(t)
	n.waitHeight(t, 1, startTimeout)
	c := chainClient{n: n, chainID: judicialChainID}
	api := n.apiURL() + "/trustcity/judicial/v1"
	t.Logf("chain up after %s", time.Since(start).Round(time.Second))

	// The contract is deposited directly; absent is a digest nobody deposited.
	contract := filepath.Join(files, "contract.txt")
	writeFile(t, contract, "lease contract between two parties, 2026")
	contractDigest := strings.Fields(mustCLI(t, "judicial", "hash", contract).stdout)[0]
	absent := strings.Repeat("ab", 32)

	var depositID uint64
	step(t, "deposit a digest; the court records NOT_FOUND for another", func(t *testing.T) {
		deposit := c.send(t, "notary-admin", "judicial", "deposit", contractDigest, "sha256", "e-contract",
			"--parties", partyDID, "--metadata", "lease, signed online")
		notFound := c.send(t, "court-admin", "judicial", "record-verification", absent, caseID, "not-found")
		tx := c.mustSucceed(t, deposit)
		tx.typedAttr(t, "trustcity.judicial.v1.EventDeposited", "id", (*jsonUint)(&depositID))
		c.mustSucceed(t, notFound)
	})

	step(t, "refusals: a duplicate deposit, MATCHED without a deposit, a forward over no channel", func(t *testing.T) {
		duplicate := c.send(t, "notary-admin", "judicial", "deposit", contractDigest, "sha256", "e-contract")
		matchedAbsent := c.send(t, "court-admin", "judicial", "record-verification", absent, caseID, "matched")
		tx := c.mustFail(t, duplicate, judicialCodespace, codeAlreadyDeposited)
		if want := fmt.Sprintf("record %d", depositID); !strings.Contains(tx.RawLog, want) {
			t.Fatalf("duplicate deposit: raw log %q does not name the first deposit (%s)", tx.RawLog, want)
		}
		c.mustFail(t, matchedAbsent, judicialCodespace, codeInvalidResult)
		// This chain has no IBC channel: the forward is refused, saying so.
		// (The notary's previous transaction is committed: its sequence is
		// known.)
		noChannel := c.send(t, "notary-admin", "judicial", "forward", strconv.FormatUint(depositID, 10), "channel-0")
		tx = c.mustFail(t, noChannel, judicialCodespace, codeInvalidChannel)
		if !strings.Contains(tx.RawLog, "channel-0") {
			t.Fatalf("forward over no channel: raw log %q does not name the channel", tx.RawLog)
		}
	})

	// Five files, two in a subdirectory; photos/site-1.jpg (leaf 2) is the one proven.
	batchDir := filepath.Join(files, "batch")
	for name, content := range map[string]string{
		"invoice.txt": "invoice 2026-0042", "receipt.txt": "receipt 2026-0042", "photos/site-1.jpg": "\xff\xd8 photo 1",
		"photos/site-2.jpg": "\xff\xd8 photo 2", "ledger.csv": "date,amount\n2026-11-01,100\n",
	} {
		writeFile(t, filepath.Join(batchDir, filepath.FromSlash(name)), content)
	}
	proven := filepath.Join(batchDir, "photos", "site-1.jpg")
	batchJSON := filepath.Join(files, "batch.json")
	var batch batchFileJSON
	var batchID uint64
	step(t, "build a batch offline and anchor it; the court matches the direct deposit", func(t *testing.T) {
		out := mustCLI(t, "judicial", "batch", "build", batchDir, "--out", batchJSON).stdout
		bz, err := os.ReadFile(batchJSON)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(bz, &batch); err != nil {
			t.Fatalf("batch.json: %v\n%s", err, bz)
		}
		if outputField(t, out, "root") != batch.Root || outputField(t, out, "leaf_count") != "5" || batch.LeafCount != 5 ||
			batch.Algorithm != "sha256" || len(batch.Leaves) != 5 {
			t.Fatalf("batch build printed\n%s\nand wrote %s", out, bz)
		}
		anchor := c.send(t, "notary-admin", "judicial", "anchor-batch", batch.Root, "5", "sha256", "e-commerce",
			"--metadata", "invoices of November")
		matched := c.send(t, "court-admin", "judicial", "record-verification", contractDigest, caseID, "matched")
		tx := c.mustSucceed(t, anchor)
		tx.typedAttr(t, "trustcity.judicial.v1.EventBatchAnchored", "id", (*jsonUint)(&batchID))
		c.mustSucceed(t, matched)
	})
	i := slices.IndexFunc(batch.Leaves, func(l batchLeafJSON) bool { return l.Path == filepath.ToSlash(proven) })
	if i < 0 {
		t.Fatalf("batch.json has no leaf for %s: %+v", proven, batch.Leaves)
	}
	leaf := batch.Leaves[i]
	if leaf.LeafIndex != 2 || len(leaf.AuditPath) != 3 {
		t.Fatalf("%s is leaf %d with %d path nodes; want leaf 2 of 5 (sorted paths) with 3", proven, leaf.LeafIndex, len(leaf.AuditPath))
	}

	step(t, "batch verify --node proves a file; tampered and unanchored fail", func(t *testing.T) {
		res := mustCLI(t, "judicial", "batch", "verify", proven, "--proof", batchJSON, "--node", n.nodeFlag(), "--home", home)
		out := res.stdout
		t.Logf("judicial batch verify --node:\n%s", out)
		if outputField(t, out, "batch_id") != strconv.FormatUint(batchID, 10) || outputField(t, out, "department") != notaryDept ||
			outputField(t, out, "depositor") != notary || outputField(t, out, "digest") != leaf.Digest ||
			outputField(t, out, "leaf") != fmt.Sprintf("%d of 5 (%s)", leaf.LeafIndex, leaf.Path) {
			t.Fatalf("batch verify --node:\n%s", res)
		}
		if h, err := strconv.Atoi(outputField(t, out, "anchored_height")); err != nil || h < 2 {
			t.Fatalf("anchored_height %q", outputField(t, out, "anchored_height"))
		}
		if _, err := time.Parse(time.RFC3339, outputField(t, out, "anchored_time")); err != nil {
			t.Fatalf("anchored_time: %v", err)
		}
		res = mustCLI(t, "judicial", "batch", "verify", proven, "--proof", batchJSON, "--node", n.nodeFlag(), "--home", home, "--output", "json")
		var report struct {
			LeafIndex uint64 `json:"leaf_index"`
			Root      string `json:"root"`
			Anchored  struct {
				BatchID    uint64 `json:"batch_id"`
				Department string `json:"department"`
			} `json:"anchored"`
		}
		if err := json.Unmarshal([]byte(res.stdout), &report); err != nil || report.Root != batch.Root || report.LeafIndex != 2 ||
			report.Anchored.BatchID != batchID || report.Anchored.Department != notaryDept {
			t.Fatalf("batch verify --node --output json (%v):\n%s", err, res)
		}

		// A batch whose root was never anchored: offline fine, on chain refused.
		other := filepath.Join(files, "other.json")
		mustCLI(t, "judicial", "batch", "build", contract, proven, "--out", other)
		res = runCLI(t, cliTimeout, "judicial", "batch", "verify", proven, "--proof", other, "--node", n.nodeFlag(), "--home", home)
		if res.code == 0 || !strings.Contains(res.stderr, "is not anchored on the chain") ||
			!strings.Contains(res.stdout, "offline: the audit path leads to the root") {
			t.Fatalf("verify against an unanchored root: want an offline success and a clear on-chain refusal\n%s", res)
		}

		// A tampered copy of a batch file under its batch path.
		tampered := filepath.Join(files, "tampered")
		if err := os.CopyFS(tampered, os.DirFS(batchDir)); err != nil {
			t.Fatal(err)
		}
		tamperedJSON := filepath.Join(files, "tampered.json")
		mustCLI(t, "judicial", "batch", "build", tampered, "--out", tamperedJSON)
		writeFile(t, filepath.Join(tampered, "invoice.txt"), "invoice 2026-0042, amount changed")
		res = runCLI(t, cliTimeout, "judicial", "batch", "verify", filepath.Join(tampered, "invoice.txt"), "--proof", tamperedJSON)
		if res.code == 0 || !strings.Contains(res.stderr, "differs from the one in the batch") {
			t.Fatalf("verify a tampered file: want a refusal\n%s", res)
		}
	})

	step(t, "the court matches the batch leaf with its proof; custody events", func(t *testing.T) {
		proof := strings.TrimSpace(mustCLI(t, "judicial", "batch", "proof", proven, "--proof", batchJSON,
			"--batch-id", strconv.FormatUint(batchID, 10)).stdout)
		withProof := c.send(t, "court-admin", "judicial", "record-verification", leaf.Digest, caseID, "matched", "--proof", proof)
		transferred := c.send(t, "notary-admin", "judicial", "record-custody", contractDigest, "transferred", courtDept)
		c.mustSucceed(t, withProof)
		c.mustSucceed(t, transferred)
		presented := c.send(t, "court-admin", "judicial", "record-custody", contractDigest, "presented", "case "+caseID)
		sealed := c.send(t, "notary-admin", "judicial", "record-custody", leaf.Digest, "sealed", courtDept, "--proof", proof)
		c.mustSucceed(t, presented)
		c.mustSucceed(t, sealed)
	})

	step(t, "read back over REST", func(t *testing.T) {
		var r judicialReport
		mustGetJSON(t, api+"/evidence/"+contractDigest, http.StatusOK, &r)
		e := r.Evidence
		if !r.Found || e == nil || uint64(e.ID) != depositID || hex.EncodeToString(e.Digest) != contractDigest ||
			e.Algorithm != "HASH_ALGORITHM_SHA256" || e.Category != "CATEGORY_E_CONTRACT" || e.DepartmentID != notaryDept ||
			e.Depositor != notary || e.Status != "EVIDENCE_STATUS_ACTIVE" || !slices.Equal(e.Parties, []string{partyDID}) ||
			len(e.TxHash) != 32 || e.Height < 2 || r.Batch != nil {
			t.Fatalf("report of the contract: %+v, evidence %+v", r, e)
		}
		if len(r.Verifications) != 1 || r.Verifications[0].Result != "VERIFICATION_RESULT_MATCHED" ||
			uint64(r.Verifications[0].EvidenceID) != depositID || r.Verifications[0].BatchID != 0 ||
			r.Verifications[0].CourtDepartment != courtDept || r.Verifications[0].Verifier != court || r.Verifications[0].CaseID != caseID {
			t.Fatalf("verifications of the contract: %+v", r.Verifications)
		}
		wantCustody := []judicialCustody{
			{Sequence: 1, Action: "CUSTODY_ACTION_TRANSFERRED", Counterparty: courtDept, DepartmentID: notaryDept, Actor: notary},
			{Sequence: 2, Action: "CUSTODY_ACTION_PRESENTED", Counterparty: "case " + caseID, DepartmentID: courtDept, Actor: court},
		}
		if !slices.Equal(r.CustodyEvents, wantCustody) || r.HistoryTruncated {
			t.Fatalf("custody of the contract: %+v, want %+v", r.CustodyEvents, wantCustody)
		}

		// The batch leaf: found only with its proof.
		leafURL := api + "/evidence/" + leaf.Digest
		r = judicialReport{}
		mustGetJSON(t, leafURL, http.StatusOK, &r)
		if r.Found || r.Evidence != nil || len(r.Verifications) != 1 || len(r.CustodyEvents) != 1 {
			t.Fatalf("report of the leaf without a proof: %+v; want not found, with its history", r)
		}
		q := neturl.Values{"batch_id": {strconv.FormatUint(batchID, 10)}, "leaf_index": {strconv.FormatUint(leaf.LeafIndex, 10)}, "path": leaf.AuditPath}
		r = judicialReport{}
		mustGetJSON(t, leafURL+"?"+q.Encode(), http.StatusOK, &r)
		if !r.Found || r.Batch == nil || uint64(r.Batch.ID) != batchID || r.Batch.DepartmentID != notaryDept ||
			uint64(r.Verifications[0].BatchID) != batchID || r.Verifications[0].EvidenceID != 0 ||
			r.Verifications[0].Result != "VERIFICATION_RESULT_MATCHED" ||
			r.CustodyEvents[0].Action != "CUSTODY_ACTION_SEALED" || r.CustodyEvents[0].Sequence != 1 {
			t.Fatalf("report of the leaf with its proof: %+v (batch %+v)", r, r.Batch)
		}

		r = judicialReport{}
		mustGetJSON(t, api+"/evidence/"+absent, http.StatusOK, &r)
		if r.Found || len(r.Verifications) != 1 || r.Verifications[0].Result != "VERIFICATION_RESULT_NOT_FOUND" {
			t.Fatalf("report of the absent digest: %+v", r)
		}

		var byRoot struct {
			Batch judicialBatch `json:"batch"`
		}
		mustGetJSON(t, api+"/roots/"+batch.Root, http.StatusOK, &byRoot)
		b := byRoot.Batch
		if uint64(b.ID) != batchID || hex.EncodeToString(b.Root) != batch.Root || b.LeafCount != 5 || b.Algorithm != "HASH_ALGORITHM_SHA256" ||
			b.Category != "CATEGORY_E_COMMERCE" || b.DepartmentID != notaryDept || b.Depositor != notary {
			t.Fatalf("batch by root: %+v", b)
		}

		var inc struct {
			Included bool          `json:"included"`
			Reason   string        `json:"reason"`
			Batch    judicialBatch `json:"batch"`
		}
		incURL := fmt.Sprintf("%s/batches/%d/inclusion/%s", api, batchID, leaf.Digest)
		mustGetJSON(t, incURL+"?"+neturl.Values{"leaf_index": {strconv.FormatUint(leaf.LeafIndex, 10)}, "path": leaf.AuditPath}.Encode(), http.StatusOK, &inc)
		if !inc.Included || uint64(inc.Batch.ID) != batchID {
			t.Fatalf("verify-inclusion: %+v", inc)
		}
		wrong := (leaf.LeafIndex + 1) % 5
		inc.Included, inc.Reason = true, ""
		mustGetJSON(t, incURL+"?"+neturl.Values{"leaf_index": {strconv.FormatUint(wrong, 10)}, "path": leaf.AuditPath}.Encode(), http.StatusOK, &inc)
		if inc.Included || inc.Reason == "" {
			t.Fatalf("verify-inclusion at the wrong index %d: %+v; want not included with a reason", wrong, inc)
		}

		var deposits struct {
			Evidence []judicialEvidence `json:"evidence"`
		}
		mustGetJSON(t, api+"/departments/"+notaryDept+"/deposits", http.StatusOK, &deposits)
		if len(deposits.Evidence) != 1 || uint64(deposits.Evidence[0].ID) != depositID || hex.EncodeToString(deposits.Evidence[0].Digest) != contractDigest {
			t.Fatalf("deposits of %s: %+v; want only record %d", notaryDept, deposits.Evidence, depositID)
		}

		var fromCourt struct {
			Evidence []judicialEvidence `json:"evidence"`
		}
		mustGetJSON(t, api+"/chains/court-1/deposits", http.StatusOK, &fromCourt)
		if len(fromCourt.Evidence) != 0 {
			t.Fatalf("deposits received from court-1: %+v; want none", fromCourt.Evidence)
		}

		var byCase struct {
			Verifications []judicialVerification `json:"verifications"`
		}
		mustGetJSON(t, api+"/cases/"+caseID+"/verifications", http.StatusOK, &byCase)
		var results []string
		for _, v := range byCase.Verifications {
			results = append(results, v.Result)
		}
		if want := []string{"VERIFICATION_RESULT_NOT_FOUND", "VERIFICATION_RESULT_MATCHED", "VERIFICATION_RESULT_MATCHED"}; !slices.Equal(results, want) {
			t.Fatalf("verifications of case %s: %v, want %v", caseID, results, want)
		}
	})

	t.Logf("judicial deposits took %s", time.Since(start).Round(time.Second))
}

// writeFile writes content to path, creating its directory.
func writeFile(t testing.TB, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
