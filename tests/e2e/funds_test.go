package e2e

import (
	"fmt"
	"slices"
	"strconv"
	"testing"
	"time"
)

const (
	fundsChainID = "trustcity-funds-e2e"

	treasuryDept = "treasury"
	countyDept   = "county"
	villageDept  = "village"
	auditorDept  = "audit-office"
	civilDept    = "civil-affairs"
	depositDept  = "notary"

	eligibilityType = "LowIncomeHousehold"
	householdCred   = "urn:uuid:7d3c9a2e-41f6-4b8e-a5d0-2c9f8e1b6a47"

	// Amounts in utcity, as in the README's "Walkthrough: public funds".
	budgetCap     = 1_000_000_000
	threshold     = 50_000_000
	funded        = 600_000_000
	toCounty      = 400_000_000
	toVillage     = 300_000_000
	allowance     = 5_000_000   // below the threshold: paid at once
	grant         = 80_000_000  // at or above it: waits for a second approval
	roadTranche   = 100_000_000 // the milestone
	spent         = 60_000_000  // reported of the grant
	overReport    = 30_000_000  // more than the grant's unreported 20 TCITY
	disbursedSum  = allowance + grant + roadTranche
	expectRefund  = funded - disbursedSum
	missingRecord = "999"
)

// TestPublicFunds plays README.md's "Walkthrough: public funds" on a
// one-validator chain whose identity genesis holds treasury > county >
// village, an audit office (FUND_SUPERVISOR), a civil-affairs bureau that
// issues LowIncomeHousehold credentials and a notary (EVIDENCE_DEPOSITOR),
// through the CLI with signed transactions, reading the results over REST
// (and the escrow over gRPC too).
//
// The treasury creates a program (cap, purpose code, approval threshold,
// supervisor, eligibility credential type, refund address) and funds it:
// the coins move into the funds module account. It allocates to the county,
// the county to the village; an allocation outside the holder's subtree is
// refused. The village pays an eligible household at once below the
// threshold; a payment to an account without the credential, or naming a
// credential about a DID the beneficiary does not control, is refused
// (ErrNotEligible); a large payment waits (pending, reserved, no coins
// moved), its requester cannot approve it, a second member of the village
// does and the coins move. A milestone for a contractor is refused
// confirmation by a department without FUND_SUPERVISOR (identity), by a
// FUND_SUPERVISOR department that is not the program's supervisor (funds),
// and with a non-existent evidence record (ErrEvidenceNotFound); the
// supervisor's confirmation citing the notary's deposit pays the
// contractor. The household reports expenditure; over-reporting is refused
// (ErrOverReported). Closing is refused while the milestone is open, then
// refunds the rest to the refund address and empties the escrow. The ledger
// over REST holds every movement in order.
func TestPublicFunds(t *testing.T) {
	requireBinary(t)
	home := t.TempDir()
	start := time.Now()

	initHome(t, home, fundsChainID)
	addKey(t, home, "validator")
	treasury := addKey(t, home, "treasury-admin")
	county := addKey(t, home, "county-admin")
	village := addKey(t, home, "village-admin")
	clerk := addKey(t, home, "village-clerk")
	auditor := addKey(t, home, "audit-admin")
	civil := addKey(t, home, "civil-admin")
	notary := addKey(t, home, "notary-admin")
	household := addKey(t, home, "household")
	outsider := addKey(t, home, "outsider")
	// Never sign, so they start without an account: every coin they end up
	// with came from the program.
	contractor := addKey(t, home, "contractor")
	refundTo := addKey(t, home, "refund")
	for _, name := range []string{"validator", "treasury-admin", "county-admin", "village-admin", "village-clerk",
		"audit-admin", "civil-admin", "notary-admin", "household", "outsider"} {
		mustCLI(t, "genesis", "add-genesis-account", name, fmt.Sprintf("%d%s", genesisFunds, denom),
			"--keyring-backend", "test", "--home", home)
	}
	mustCLI(t, "genesis", "gentx", "validator", selfBond,
		"--chain-id", fundsChainID, "--keyring-backend", "test", "--home", home)
	mustCLI(t, "genesis", "collect-gentxs", "--home", home)
	// A child's roles are a subset of its parent's, so the treasury holds
	// what the county and the village hold.
	setIdentityTree(t, home, []treeDepartment{
		{id: treasuryDept, name: "Treasury Bureau", admin: treasury,
			roles: []string{"ROLE_DATA_PROVIDER", "ROLE_FUND_MANAGER", "ROLE_FUND_SUPERVISOR"}},
		{id: countyDept, name: "Riverside County", parent: treasuryDept, admin: county,
			roles: []string{"ROLE_DATA_PROVIDER", "ROLE_FUND_MANAGER"}},
		{id: villageDept, name: "Willow Village", parent: countyDept, admin: village, roles: []string{"ROLE_DATA_PROVIDER"}},
		{id: auditorDept, name: "Municipal Audit Office", admin: auditor, roles: []string{"ROLE_FUND_SUPERVISOR", "ROLE_AUDITOR"}},
		{id: civilDept, name: "Civil Affairs Bureau", admin: civil, roles: []string{"ROLE_CREDENTIAL_ISSUER"},
			credentialTypes: []string{eligibilityType}},
		{id: depositDept, name: "Notary and E-Evidence Platform", admin: notary, roles: []string{"ROLE_EVIDENCE_DEPOSITOR"}},
	}, []treeMember{{department: villageDept, address: clerk, roles: []string{"ROLE_DATA_PROVIDER"}}})
	mustCLI(t, "genesis", "validate", "--home", home)

	ports := newNodePorts(t)
	n := newNode(t, "funds", home, ports.endpoints(), ports.startFlags()...)
	n.start(t)
	n.waitHeight(t, 1, startTimeout)
	c := chainClient{n: n, chainID: fundsChainID}
	rest := fundsREST{base: n.apiURL() + "/trustcity/funds/v1"}
	escrow := moduleAddress(t, n, "funds")
	t.Logf("chain up after %s", time.Since(start).Round(time.Second))

	coin := func(amount int64) string { return strconv.FormatInt(amount, 10) + denom }
	amount := func(v int64) string { return strconv.FormatInt(v, 10) }

	// The test's stand-ins for off-chain documents: only their SHA-256 goes on chain.
	allowanceDoc := "living allowance, Willow Village, November 2026"
	grantDoc := "housing renovation grant: roof and insulation"
	roadDoc := "Willow Village road, phase 1: 2.4 km with drainage"
	inspectionDoc := "acceptance inspection of road phase 1: passed"
	receiptDoc := "receipt 2026-1187: roof tiles and insulation"
	credentialDoc := `{"type":"LowIncomeHousehold","year":2026}`

	var (
		did                    string
		programID, rootID      uint64
		countyAlloc, villageID uint64
		evidenceID             uint64
	)
	step(t, "program created; household DID; inspection report deposited", func(t *testing.T) {
		create := c.send(t, "treasury-admin", "funds", "create-program", "Rural poverty alleviation 2026", coin(budgetCap), "16010",
			coin(threshold), refundTo, "--supervisor-department", auditorDept, "--eligibility-credential-type", eligibilityType)
		didTx := c.send(t, "household", "identity", "create-did")
		deposit := c.send(t, "notary-admin", "judicial", "deposit", sha256Hex(inspectionDoc), "sha256", "notarization")
		tx := c.mustSucceed(t, create)
		programID = fundsEventUint(t, tx, "EventProgramCreated", "program_id")
		rootID = fundsEventUint(t, tx, "EventProgramCreated", "root_allocation_id")
		c.mustSucceed(t, didTx).typedAttr(t, "trustcity.identity.v1.EventDidCreated", "did", &did)
		c.mustSucceed(t, deposit).typedAttr(t, "trustcity.judicial.v1.EventDeposited", "id", (*jsonUint)(&evidenceID))

		p, _ := rest.program(t, programID)
		if p.Status != "PROGRAM_STATUS_OPEN" || p.ManagerDepartment != treasuryDept || p.SupervisorDepartment != auditorDept ||
			p.EligibilityCredentialType != eligibilityType || p.RefundAddress != refundTo || p.Denom != denom ||
			p.BudgetCap != amount(budgetCap) || p.ApprovalThreshold != amount(threshold) || uint64(p.RootAllocationID) != rootID {
			t.Fatalf("program %d over REST: %+v", programID, p)
		}
	})

	step(t, "funding moves coins into escrow; credential issued", func(t *testing.T) {
		before := n.balances(t, treasury, escrow)
		fund := c.send(t, "treasury-admin", "funds", "fund", strconv.FormatUint(programID, 10), coin(funded))
		issue := c.send(t, "civil-admin", "identity", "issue-credential", householdCred, eligibilityType, did, sha256Hex(credentialDoc))
		c.mustSucceed(t, fund)
		c.mustSucceed(t, issue)
		// The treasury also paid the transaction's fee.
		n.waitRESTBalance(t, treasury, before[0]-funded-baseFee, restTimeout)
		n.waitRESTBalance(t, escrow, before[1]+funded, restTimeout)
	})

	step(t, "allocation down the tree; outside the subtree refused", func(t *testing.T) {
		tx := c.run(t, "treasury-admin", "funds", "allocate", strconv.FormatUint(rootID, 10), countyDept, coin(toCounty))
		countyAlloc = fundsEventUint(t, tx, "EventAllocated", "to_allocation_id")
		toVillageTx := c.send(t, "county-admin", "funds", "allocate", strconv.FormatUint(countyAlloc, 10), villageDept, coin(toVillage))
		// The audit office is a top-level department, not below the treasury.
		sideways := c.send(t, "treasury-admin", "funds", "allocate", strconv.FormatUint(rootID, 10), auditorDept, coin(1_000_000))
		villageID = fundsEventUint(t, c.mustSucceed(t, toVillageTx), "EventAllocated", "to_allocation_id")
		c.mustFail(t, sideways, fundsCodespace, codeOutsideJurisdiction)

		a, s := rest.allocation(t, villageID)
		if a.DepartmentID != villageDept || uint64(a.ParentID) != countyAlloc || a.Depth != 2 || a.Received != amount(toVillage) ||
			s.Available != amount(toVillage) {
			t.Fatalf("village allocation %d: %+v, summary %+v", villageID, a, s)
		}
	})

	var allowanceID, grantID uint64
	step(t, "eligible household paid at once; ineligible payments refused", func(t *testing.T) {
		before := n.balances(t, household, escrow)
		from := strconv.FormatUint(villageID, 10)
		paid := c.send(t, "village-clerk", "funds", "disburse", from, household, coin(allowance), "16010", sha256Hex(allowanceDoc),
			"--credential-id", householdCred)
		noCredential := c.send(t, "village-admin", "funds", "disburse", from, outsider, coin(allowance), "16010", sha256Hex(allowanceDoc))
		allowanceID = fundsEventUint(t, c.mustSucceed(t, paid), "EventDisbursed", "disbursement_id")
		requireRawLog(t, c.mustFail(t, noCredential, fundsCodespace, codeNotEligible), eligibilityType)
		// The household's credential names a DID the outsider does not control.
		borrowed := c.send(t, "village-admin", "funds", "disburse", from, outsider, coin(allowance), "16010", sha256Hex(allowanceDoc),
			"--credential-id", householdCred)
		requireRawLog(t, c.mustFail(t, borrowed, fundsCodespace, codeNotEligible), did)

		n.waitRESTBalance(t, household, before[0]+allowance, restTimeout)
		n.waitRESTBalance(t, escrow, before[1]-allowance, restTimeout)
		if d := rest.disbursement(t, allowanceID); d.Status != "DISBURSEMENT_STATUS_PAID" || d.Decision != nil ||
			d.CredentialID != householdCred || d.Requester != clerk {
			t.Fatalf("allowance %d: %+v; want paid without a second approval", allowanceID, d)
		}
	})

	step(t, "a large payment waits for a second approval", func(t *testing.T) {
		before := n.balances(t, household, escrow)
		tx := c.run(t, "village-clerk", "funds", "disburse", strconv.FormatUint(villageID, 10), household, coin(grant), "16040",
			sha256Hex(grantDoc), "--credential-id", householdCred)
		if tx.hasEvent(fundsEvent("EventDisbursed")) {
			t.Fatalf("a payment at the threshold was paid at once: %+v", tx.Events)
		}
		grantID = fundsEventUint(t, tx, "EventDisbursementPending", "disbursement_id")

		pending := rest.pending(t, programID)
		if len(pending) != 1 || uint64(pending[0].ID) != grantID || pending[0].Status != "DISBURSEMENT_STATUS_PENDING" ||
			pending[0].Amount != amount(grant) || pending[0].Beneficiary != household {
			t.Fatalf("pending approvals of program %d: %+v; want only %d", programID, pending, grantID)
		}
		if a, s := rest.allocation(t, villageID); a.Reserved != amount(grant) || s.Available != amount(toVillage-allowance-grant) {
			t.Fatalf("village allocation with a pending payment: %+v, summary %+v", a, s)
		}
		if got := n.balances(t, household, escrow); !slices.Equal(got, before) {
			t.Fatalf("a pending payment moved coins: household and escrow %v, before %v", got, before)
		}

		c.mustFail(t, c.send(t, "village-clerk", "funds", "approve", strconv.FormatUint(grantID, 10)), fundsCodespace, codeSameApprover)
		c.run(t, "village-admin", "funds", "approve", strconv.FormatUint(grantID, 10))
		n.waitRESTBalance(t, household, before[0]+grant, restTimeout)
		n.waitRESTBalance(t, escrow, before[1]-grant, restTimeout)
		d := rest.disbursement(t, grantID)
		if d.Status != "DISBURSEMENT_STATUS_PAID" || d.Decision == nil || d.Decision.Kind != "DECISION_KIND_APPROVED" ||
			d.Decision.Approver != village || d.Decision.DepartmentID != villageDept {
			t.Fatalf("grant %d after approval: %+v (decision %+v)", grantID, d, d.Decision)
		}
		if len(rest.pending(t, programID)) != 0 {
			t.Fatalf("program %d still lists pending approvals", programID)
		}
	})

	var milestoneID, trancheID uint64
	step(t, "milestone: refused confirmations, then the supervisor's pays the contractor", func(t *testing.T) {
		height, err := n.height()
		if err != nil {
			t.Fatal(err)
		}
		tx := c.run(t, "village-clerk", "funds", "define-milestone", strconv.FormatUint(villageID, 10), contractor, coin(roadTranche),
			sha256Hex(roadDoc), "--due-height", strconv.FormatInt(height+1000, 10))
		milestoneID = fundsEventUint(t, tx, "EventMilestoneDefined", "milestone_id")
		ms, evidence := strconv.FormatUint(milestoneID, 10), strconv.FormatUint(evidenceID, 10)

		// Three signers, so the refusals can share a block.
		notSupervisor := c.send(t, "village-admin", "funds", "confirm-milestone", ms, evidence)
		noRecord := c.send(t, "audit-admin", "funds", "confirm-milestone", ms, missingRecord)
		closeEarly := c.send(t, "treasury-admin", "funds", "close", strconv.FormatUint(programID, 10))
		c.mustFail(t, notSupervisor, identityCodespace, codeRoleNotHeld)
		c.mustFail(t, noRecord, fundsCodespace, codeEvidenceNotFound)
		c.mustFail(t, closeEarly, fundsCodespace, codeOpenItems)
		// The treasury holds FUND_SUPERVISOR but is not this program's supervisor.
		c.mustFail(t, c.send(t, "treasury-admin", "funds", "confirm-milestone", ms, evidence), fundsCodespace, codeFundsUnauthorized)
		if got, _ := n.restBalance(contractor); got != 0 {
			t.Fatalf("contractor holds %d%s before the confirmation", got, denom)
		}

		escrowBefore := n.balances(t, escrow)[0]
		tx = c.run(t, "audit-admin", "funds", "confirm-milestone", ms, evidence)
		trancheID = fundsEventUint(t, tx, "EventMilestoneConfirmed", "disbursement_id")
		n.waitRESTBalance(t, contractor, roadTranche, restTimeout)
		n.waitRESTBalance(t, escrow, escrowBefore-roadTranche, restTimeout)
		m := rest.milestone(t, milestoneID)
		if m.Status != "MILESTONE_STATUS_PAID" || uint64(m.EvidenceID) != evidenceID || uint64(m.DisbursementID) != trancheID ||
			m.Decision == nil || m.Decision.Approver != auditor || m.Decision.DepartmentID != auditorDept {
			t.Fatalf("milestone %d: %+v (decision %+v)", milestoneID, m, m.Decision)
		}
	})

	step(t, "expenditure reported; over-reporting refused", func(t *testing.T) {
		paid := strconv.FormatUint(grantID, 10)
		c.run(t, "household", "funds", "report-expenditure", paid, coin(spent), "16040", "--receipt-hash", sha256Hex(receiptDoc))
		tx := c.mustFail(t, c.send(t, "household", "funds", "report-expenditure", paid, coin(overReport), "16040",
			"--receipt-hash", sha256Hex(receiptDoc)), fundsCodespace, codeOverReported)
		requireRawLog(t, tx, "already reported")
		if d := rest.disbursement(t, grantID); d.Expended != amount(spent) {
			t.Fatalf("grant %d expended %s, want %d", grantID, d.Expended, spent)
		}
	})

	step(t, "closing refunds the rest to the refund address", func(t *testing.T) {
		tx := c.run(t, "treasury-admin", "funds", "close", strconv.FormatUint(programID, 10))
		var refunded string
		tx.typedAttr(t, fundsEvent("EventProgramClosed"), "refunded", &refunded)
		if refunded != coin(expectRefund) {
			t.Fatalf("EventProgramClosed.refunded %q, want %s", refunded, coin(expectRefund))
		}
		n.waitRESTBalance(t, refundTo, expectRefund, restTimeout)
		n.waitRESTBalance(t, escrow, 0, restTimeout)
		if got := n.grpcBalance(t, escrow); got != 0 {
			t.Fatalf("escrow over gRPC: %d%s after closing, want 0", got, denom)
		}
		if got := n.grpcBalance(t, refundTo); got != expectRefund {
			t.Fatalf("refund address over gRPC: %d%s, want %d", got, denom, expectRefund)
		}
		p, s := rest.program(t, programID)
		if p.Status != "PROGRAM_STATUS_CLOSED" || p.Funded != amount(funded) || p.Disbursed != amount(disbursedSum) ||
			p.Expended != amount(spent) || p.Refunded != amount(expectRefund) || p.OpenItems != 0 || s.Available != "0" {
			t.Fatalf("closed program %d: %+v, summary %+v", programID, p, s)
		}
	})

	step(t, "the ledger over REST holds every movement in order", func(t *testing.T) {
		type row struct {
			typ, from, to, amount             string
			disbursement, milestone, evidence uint64
		}
		alloc := func(id uint64) string { return fmt.Sprintf("allocation/%d", id) }
		want := []row{
			{"LEDGER_TYPE_INCOMING_FUNDS", treasury, alloc(rootID), amount(funded), 0, 0, 0},
			{"LEDGER_TYPE_OUTGOING_COMMITMENT", alloc(rootID), alloc(countyAlloc), amount(toCounty), 0, 0, 0},
			{"LEDGER_TYPE_OUTGOING_COMMITMENT", alloc(countyAlloc), alloc(villageID), amount(toVillage), 0, 0, 0},
			{"LEDGER_TYPE_DISBURSEMENT", alloc(villageID), household, amount(allowance), allowanceID, 0, 0},
			{"LEDGER_TYPE_DISBURSEMENT", alloc(villageID), household, amount(grant), grantID, 0, 0},
			{"LEDGER_TYPE_DISBURSEMENT", alloc(villageID), contractor, amount(roadTranche), trancheID, milestoneID, evidenceID},
			{"LEDGER_TYPE_EXPENDITURE", household, "", amount(spent), grantID, 0, 0},
			{"LEDGER_TYPE_REFUND", alloc(rootID), refundTo, amount(expectRefund), 0, 0, 0},
		}
		entries := rest.ledger(t, programID)
		got := make([]row, len(entries))
		for i, e := range entries {
			got[i] = row{e.Type, e.From, e.To, e.Amount, uint64(e.DisbursementID), uint64(e.MilestoneID), uint64(e.EvidenceID)}
			if uint64(e.ProgramID) != programID || e.Denom != denom || e.Height <= 0 || (i > 0 && e.ID <= entries[i-1].ID) {
				t.Fatalf("ledger entry %d: %+v", i, e)
			}
		}
		if !slices.Equal(got, want) {
			t.Fatalf("ledger of program %d:\n got %+v\nwant %+v", programID, got, want)
		}
		if ref := entries[3].Reference; hexOf(ref) != sha256Hex(allowanceDoc) {
			t.Fatalf("allowance entry reference %x, want the voucher's SHA-256 %s", ref, sha256Hex(allowanceDoc))
		}
	})

	t.Logf("public funds took %s", time.Since(start).Round(time.Second))
}
