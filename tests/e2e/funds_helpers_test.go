package e2e

import (
	"crypto/sha256"
	"fmt"
	"net/http"
	"testing"
)

// fundsCodespace is the codespace of x/funds's registered errors.
const fundsCodespace = "funds"

// x/funds error codes the public-funds test expects (x/funds/types/errors.go).
const (
	codeFundsUnauthorized   = 3
	codeOutsideJurisdiction = 13
	codeSameApprover        = 17
	codeNotEligible         = 18
	codeEvidenceNotFound    = 21
	codeOverReported        = 22
	codeOpenItems           = 23
)

// codeRoleNotHeld is x/identity's ErrRoleNotHeld (x/identity/types/errors.go).
const codeRoleNotHeld = 14

// fundsEvent names a typed event of x/funds.
func fundsEvent(name string) string { return "trustcity.funds.v1." + name }

// treeDepartment is a department of the identity genesis, possibly below
// another one, as scripts/localnet.sh writes them.
type treeDepartment struct {
	id, name, parent, admin string
	roles                   []string // full enum names, in enum order
	credentialTypes         []string // sorted
}

// treeMember is a member of a department in the identity genesis.
type treeMember struct {
	department, address string
	roles               []string // full enum names, in enum order
}

// setIdentityTree replaces the departments and members of the identity
// genesis in home. Parents must come before their children; depths are
// derived from them. Every other value is kept as it was (numbers included).
func setIdentityTree(t testing.TB, home string, depts []treeDepartment, members []treeMember) {
	t.Helper()
	editGenesis(t, home, func(genesis map[string]any) {
		identity := genesisObject(t, genesis, "app_state", "identity")
		genesisTime, _ := genesis["genesis_time"].(string)
		depth := map[string]int{}
		list := make([]any, len(depts))
		for i, d := range depts {
			depth[d.id] = 1
			if d.parent != "" {
				pd, ok := depth[d.parent]
				if !ok {
					t.Fatalf("department %s: parent %s must be listed before it", d.id, d.parent)
				}
				depth[d.id] = pd + 1
			}
			list[i] = map[string]any{
				"id": d.id, "name": d.name, "parent_id": d.parent, "admin": d.admin, "roles": orEmpty(d.roles),
				"credential_types": orEmpty(d.credentialTypes), "status": "DEPARTMENT_STATUS_ACTIVE", "metadata": "", "did": "",
				"depth": depth[d.id], "created_height": "0", "created_at": genesisTime,
			}
		}
		identity["departments"] = list
		mlist := make([]any, len(members))
		for i, m := range members {
			mlist[i] = map[string]any{"department_id": m.department, "address": m.address, "roles": orEmpty(m.roles)}
		}
		identity["members"] = mlist
	})
}

// orEmpty turns a nil list into an empty one, so the JSON holds [] rather
// than null.
func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// sha256Hex is the hex SHA-256 of a document, as the CLI takes hashes.
func sha256Hex(doc string) string {
	sum := sha256.Sum256([]byte(doc))
	return hexOf(sum[:])
}

// fundsLedgerEntry is a ledger entry as the REST API renders it.
type fundsLedgerEntry struct {
	ID             jsonInt `json:"id"`
	ProgramID      jsonInt `json:"program_id"`
	Type           string  `json:"type"`
	AllocationID   jsonInt `json:"allocation_id"`
	ToAllocationID jsonInt `json:"to_allocation_id"`
	From           string  `json:"from"`
	To             string  `json:"to"`
	Denom          string  `json:"denom"`
	Amount         string  `json:"amount"`
	PurposeCode    string  `json:"purpose_code"`
	Reference      []byte  `json:"reference"` // base64 in JSON
	DisbursementID jsonInt `json:"disbursement_id"`
	MilestoneID    jsonInt `json:"milestone_id"`
	EvidenceID     jsonInt `json:"evidence_id"`
	Height         jsonInt `json:"height"`
}

// fundsProgram is a program as the REST API renders it.
type fundsProgram struct {
	ID                        jsonInt `json:"id"`
	Denom                     string  `json:"denom"`
	BudgetCap                 string  `json:"budget_cap"`
	ApprovalThreshold         string  `json:"approval_threshold"`
	SupervisorDepartment      string  `json:"supervisor_department"`
	EligibilityCredentialType string  `json:"eligibility_credential_type"`
	ManagerDepartment         string  `json:"manager_department"`
	RefundAddress             string  `json:"refund_address"`
	Status                    string  `json:"status"`
	RootAllocationID          jsonInt `json:"root_allocation_id"`
	Funded                    string  `json:"funded"`
	Disbursed                 string  `json:"disbursed"`
	Expended                  string  `json:"expended"`
	Refunded                  string  `json:"refunded"`
	Reserved                  string  `json:"reserved"`
	OpenItems                 jsonInt `json:"open_items"`
}

// fundsAllocation is an allocation as the REST API renders it.
type fundsAllocation struct {
	ID           jsonInt `json:"id"`
	ParentID     jsonInt `json:"parent_id"`
	DepartmentID string  `json:"department_id"`
	Depth        jsonInt `json:"depth"`
	Received     string  `json:"received"`
	Allocated    string  `json:"allocated"`
	Disbursed    string  `json:"disbursed"`
	Reserved     string  `json:"reserved"`
	Expended     string  `json:"expended"`
}

// fundsSummary is the money picture of a program or allocation over REST.
type fundsSummary struct {
	Funded    string `json:"funded"`
	Allocated string `json:"allocated"`
	Disbursed string `json:"disbursed"`
	Expended  string `json:"expended"`
	Returned  string `json:"returned"`
	Reserved  string `json:"reserved"`
	Available string `json:"available"`
}

// fundsDecision is a second approval or a rejection over REST.
type fundsDecision struct {
	Kind         string `json:"kind"`
	Approver     string `json:"approver"`
	DepartmentID string `json:"department_id"`
}

// fundsDisbursement is a disbursement over REST.
type fundsDisbursement struct {
	ID           jsonInt        `json:"id"`
	AllocationID jsonInt        `json:"allocation_id"`
	Beneficiary  string         `json:"beneficiary"`
	Amount       string         `json:"amount"`
	CredentialID string         `json:"credential_id"`
	MilestoneID  jsonInt        `json:"milestone_id"`
	Requester    string         `json:"requester"`
	Status       string         `json:"status"`
	Decision     *fundsDecision `json:"decision"`
	Expended     string         `json:"expended"`
}

// fundsMilestone is a milestone over REST.
type fundsMilestone struct {
	ID             jsonInt        `json:"id"`
	Contractor     string         `json:"contractor"`
	Amount         string         `json:"amount"`
	Status         string         `json:"status"`
	EvidenceID     jsonInt        `json:"evidence_id"`
	DisbursementID jsonInt        `json:"disbursement_id"`
	Decision       *fundsDecision `json:"decision"`
}

// fundsREST reads x/funds's REST routes of one node.
type fundsREST struct {
	base string // .../trustcity/funds/v1
}

func (r fundsREST) get(t testing.TB, path string, out any) {
	t.Helper()
	mustGetJSON(t, r.base+path, http.StatusOK, out)
}

func (r fundsREST) program(t testing.TB, id uint64) (fundsProgram, fundsSummary) {
	t.Helper()
	var res struct {
		Program fundsProgram `json:"program"`
		Summary fundsSummary `json:"summary"`
	}
	r.get(t, fmt.Sprintf("/programs/%d", id), &res)
	return res.Program, res.Summary
}

func (r fundsREST) allocation(t testing.TB, id uint64) (fundsAllocation, fundsSummary) {
	t.Helper()
	var res struct {
		Allocation fundsAllocation `json:"allocation"`
		Summary    fundsSummary    `json:"summary"`
	}
	r.get(t, fmt.Sprintf("/allocations/%d", id), &res)
	return res.Allocation, res.Summary
}

func (r fundsREST) disbursement(t testing.TB, id uint64) fundsDisbursement {
	t.Helper()
	var res struct {
		Disbursement fundsDisbursement `json:"disbursement"`
	}
	r.get(t, fmt.Sprintf("/disbursements/%d", id), &res)
	return res.Disbursement
}

func (r fundsREST) milestone(t testing.TB, id uint64) fundsMilestone {
	t.Helper()
	var res struct {
		Milestone fundsMilestone `json:"milestone"`
	}
	r.get(t, fmt.Sprintf("/milestones/%d", id), &res)
	return res.Milestone
}

func (r fundsREST) pending(t testing.TB, program uint64) []fundsDisbursement {
	t.Helper()
	var res struct {
		Disbursements []fundsDisbursement `json:"disbursements"`
	}
	r.get(t, fmt.Sprintf("/programs/%d/pending-approvals", program), &res)
	return res.Disbursements
}

func (r fundsREST) ledger(t testing.TB, program uint64) []fundsLedgerEntry {
	t.Helper()
	var res struct {
		Entries []fundsLedgerEntry `json:"entries"`
	}
	r.get(t, fmt.Sprintf("/programs/%d/ledger", program), &res)
	return res.Entries
}

// fundsEventUint reads an unsigned integer attribute of a typed x/funds event.
func fundsEventUint(t testing.TB, tx chainTx, event, key string) uint64 {
	t.Helper()
	var v jsonUint
	tx.typedAttr(t, fundsEvent(event), key, &v)
	return uint64(v)
}

// balances reads the utcity balances of addrs over REST, in order.
func (n *node) balances(t testing.TB, addrs ...string) []int64 {
	t.Helper()
	out := make([]int64, len(addrs))
	for i, a := range addrs {
		v, err := n.restBalance(a)
		if err != nil {
			t.Fatalf("REST balance of %s: %v", a, err)
		}
		out[i] = v
	}
	return out
}
