package e2e

import (
	"strings"
	"testing"
)

// judicialCodespace is the codespace of the judicial module's errors.
const judicialCodespace = "judicial"

// Judicial error codes the test expects (x/evidence/types/errors.go).
const (
	codeAlreadyDeposited = 7
	codeInvalidResult    = 15
	codeInvalidChannel   = 22
)

// genesisDepartment is a top-level department written into the identity
// genesis, as scripts/localnet.sh does: quicker than a governance proposal.
type genesisDepartment struct {
	id, name, admin string
	roles           []string // full enum names, in enum order
}

// setGenesisDepartments replaces the departments of the identity genesis
// in home with top-level departments, created at the genesis time, and
// leaves it without members (see setIdentityTree).
func setGenesisDepartments(t testing.TB, home string, depts ...genesisDepartment) {
	t.Helper()
	tree := make([]treeDepartment, len(depts))
	for i, d := range depts {
		tree[i] = treeDepartment{id: d.id, name: d.name, admin: d.admin, roles: d.roles}
	}
	setIdentityTree(t, home, tree, nil)
}

// outputField returns the value of a "key: value" line of CLI output.
func outputField(t testing.TB, out, key string) string {
	t.Helper()
	for _, line := range strings.Split(out, "\n") {
		if v, ok := strings.CutPrefix(line, key+": "); ok {
			return strings.TrimSpace(v)
		}
	}
	t.Fatalf("no %q line in output:\n%s", key, out)
	return ""
}

// judicialBatch is a batch as the REST API renders it.
type judicialBatch struct {
	ID           jsonInt `json:"id"`
	Root         []byte  `json:"root"`
	LeafCount    jsonInt `json:"leaf_count"`
	Algorithm    string  `json:"algorithm"`
	Category     string  `json:"category"`
	DepartmentID string  `json:"department_id"`
	Depositor    string  `json:"depositor"`
	Height       jsonInt `json:"height"`
	Time         string  `json:"time"`
}

// judicialEvidence is a deposit as the REST API renders it.
type judicialEvidence struct {
	ID           jsonInt  `json:"id"`
	Digest       []byte   `json:"digest"`
	Algorithm    string   `json:"algorithm"`
	Category     string   `json:"category"`
	Parties      []string `json:"parties"`
	Metadata     string   `json:"metadata"`
	DepartmentID string   `json:"department_id"`
	Depositor    string   `json:"depositor"`
	Height       jsonInt  `json:"height"`
	Time         string   `json:"time"`
	TxHash       []byte   `json:"tx_hash"`
	Status       string   `json:"status"`
}

// judicialVerification is a court's verification over REST.
type judicialVerification struct {
	ID              jsonInt `json:"id"`
	Digest          []byte  `json:"digest"`
	EvidenceID      jsonInt `json:"evidence_id"`
	BatchID         jsonInt `json:"batch_id"`
	CaseID          string  `json:"case_id"`
	Result          string  `json:"result"`
	CourtDepartment string  `json:"court_department"`
	Verifier        string  `json:"verifier"`
}

// judicialCustody is a custody event over REST.
type judicialCustody struct {
	Sequence     jsonInt `json:"sequence"`
	Action       string  `json:"action"`
	Counterparty string  `json:"counterparty"`
	DepartmentID string  `json:"department_id"`
	Actor        string  `json:"actor"`
}

// judicialReport is the evidence report over REST.
type judicialReport struct {
	Found            bool                   `json:"found"`
	Evidence         *judicialEvidence      `json:"evidence"`
	Batch            *judicialBatch         `json:"batch"`
	Verifications    []judicialVerification `json:"verifications"`
	CustodyEvents    []judicialCustody      `json:"custody_events"`
	HistoryTruncated bool                   `json:"history_truncated"`
	CheckedAt        string                 `json:"checked_at"`
}
