package funds

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	"github.com/trustcity/trustcity/x/internal/cliutil"
)

const (
	querySvc = "trustcity.funds.v1.Query"
	msgSvc   = "trustcity.funds.v1.Msg"
)

var (
	pos = cliutil.Pos
	bin = cliutil.Bin
)

// AutoCLIOptions describes `trustcityd query funds` and `trustcityd tx funds`.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{Query: queryOptions(), Tx: txOptions()}
}

func queryOptions() *autocliv1.ServiceCommandDescriptor {
	return &autocliv1.ServiceCommandDescriptor{
		Service: querySvc,
		RpcCommandOptions: []*autocliv1.RpcCommandOptions{
			{RpcMethod: "Params", Use: "params", Short: "Show the module parameters"},
			{RpcMethod: "Program", Use: "program [id]", Short: "Show a program and its summary: budget, funded, allocated, disbursed, expended, returned", PositionalArgs: pos("id")},
			{RpcMethod: "Programs", Use: "programs", Short: "List programs"},
			{RpcMethod: "Allocation", Use: "allocation [id]", Short: "Show an allocation and its summary", PositionalArgs: pos("id")},
			{RpcMethod: "AllocationTree", Use: "tree [program-id]", Short: "List a program's allocations level by level (depth, then id)", PositionalArgs: pos("program_id")},
			{RpcMethod: "Children", Use: "children [allocation-id]", Short: "List an allocation's child allocations", PositionalArgs: pos("id")},
			{RpcMethod: "Disbursement", Use: "disbursement [id]", Short: "Show a disbursement and its approval or rejection", PositionalArgs: pos("id")},
			{RpcMethod: "Disbursements", Use: "disbursements [allocation-id]", Short: "List the disbursements made from an allocation", PositionalArgs: pos("allocation_id")},
			{RpcMethod: "PendingApprovals", Use: "pending-approvals [program-id]", Short: "List a program's disbursements waiting for a second approval", PositionalArgs: pos("program_id")},
			{RpcMethod: "Milestone", Use: "milestone [id]", Short: "Show a milestone", PositionalArgs: pos("id")},
			{RpcMethod: "Milestones", Use: "milestones [program-id]", Short: "List a program's milestones", PositionalArgs: pos("program_id")},
			{RpcMethod: "LedgerEntry", Use: "ledger-entry [id]", Short: "Show one ledger entry", PositionalArgs: pos("id")},
			{RpcMethod: "Ledger", Use: "ledger [program-id]", Short: "List a program's ledger (--type incoming-funds, outgoing-commitment, disbursement, expenditure, return, refund)",
				FlagOptions:    map[string]*autocliv1.FlagOptions{"type": {Usage: "keep entries of one type: incoming-funds, outgoing-commitment, disbursement, expenditure, return, refund"}},
				PositionalArgs: pos("program_id"), Example: bin + " query funds ledger 1 --type disbursement"},
			{RpcMethod: "AllocationLedger", Use: "allocation-ledger [allocation-id]", Short: "List the ledger entries moving money into or out of an allocation", PositionalArgs: pos("allocation_id")},
			{RpcMethod: "AccountLedger", Use: "account-ledger [address]", Short: "List the ledger entries naming an account (funder, beneficiary, contractor, refund address)", PositionalArgs: pos("address")},
		},
	}
}

func txOptions() *autocliv1.ServiceCommandDescriptor {
	return &autocliv1.ServiceCommandDescriptor{
		Service: msgSvc,
		RpcCommandOptions: []*autocliv1.RpcCommandOptions{
			{RpcMethod: "UpdateParams", Skip: true}, // authority only: submit through x/gov
			{RpcMethod: "CreateProgram", Use: "create-program [name] [budget-cap] [purpose-code] [approval-threshold] [refund-address]",
				Short:          "Create a program held by the signer's department (a FUND_MANAGER member); the budget cap's denom is the program's",
				PositionalArgs: pos("name", "budget_cap", "purpose_code", "approval_threshold", "refund_address"),
				FlagOptions: map[string]*autocliv1.FlagOptions{
					"supervisor_department":       {Usage: "a department holding FUND_SUPERVISOR: approves large disbursements, confirms milestones"},
					"eligibility_credential_type": {Usage: "beneficiaries must hold a valid credential of this type"},
				},
				Example: bin + ` tx funds create-program "Poverty alleviation 2026" 1000000000utcity 16010 50000000utcity $(trustcityd keys show treasury -a) --supervisor-department audit-office --eligibility-credential-type LowIncomeHousehold --from treasury`},
			{RpcMethod: "FundProgram", Use: "fund [program-id] [amount]", Short: "Pay coins into a program's escrow (any account; up to the budget cap)", PositionalArgs: pos("program_id", "amount")},
			{RpcMethod: "CloseProgram", Use: "close [program-id]", Short: "Close a program with nothing pending; what was never paid out goes to its refund address", PositionalArgs: pos("program_id")},
			{RpcMethod: "Allocate", Use: "allocate [allocation-id] [department-id] [amount]",
				Short:          "Commit funds of your department's allocation to a department below it in the identity tree",
				PositionalArgs: pos("allocation_id", "department_id", "amount")},
			{RpcMethod: "ReturnFunds", Use: "return [allocation-id] [amount]", Short: "Give available funds of your allocation back to its parent", PositionalArgs: pos("allocation_id", "amount")},
			{RpcMethod: "Disburse", Use: "disburse [allocation-id] [beneficiary] [amount] [purpose-code] [reference-hash-hex]",
				Short:          "Pay a beneficiary from your department's allocation; at or above the program's threshold it waits for a second approval",
				PositionalArgs: pos("allocation_id", "beneficiary", "amount", "purpose_code", "reference"),
				FlagOptions: map[string]*autocliv1.FlagOptions{
					"credential_id": {Usage: "the beneficiary's eligibility credential (when the program requires one)"},
					"ibc_channel":   {Usage: "pay on a bank chain: this chain's ICS-20 channel to it (with --ibc-receiver)"},
					"ibc_receiver":  {Usage: "pay on a bank chain: the beneficiary's address there (with --ibc-channel)"},
				},
				Example: bin + " tx funds disburse 3 $(trustcityd keys show household -a) 5000000utcity 16010 $(sha256sum voucher.pdf | cut -d' ' -f1) --credential-id urn:uuid:... --from village-clerk"},
			{RpcMethod: "ApproveDisbursement", Use: "approve [disbursement-id]", Short: "Approve and pay a pending disbursement (another member of the holding department, or the supervisor department)", PositionalArgs: pos("disbursement_id")},
			{RpcMethod: "RejectDisbursement", Use: "reject [disbursement-id] [reason]", Short: "Refuse a pending disbursement (an approver, or its requester withdrawing it)", PositionalArgs: pos("disbursement_id", "reason")},
			{RpcMethod: "DefineMilestone", Use: "define-milestone [allocation-id] [contractor] [amount] [description-hash-hex]",
				Short:          "Reserve a tranche of your allocation for a contractor, paid when the supervisor confirms it (--due-height and/or --due-time)",
				PositionalArgs: pos("allocation_id", "contractor", "amount", "description_hash"),
				FlagOptions: map[string]*autocliv1.FlagOptions{
					"due_height": {Usage: "the block height the work is due at (after the current height)"},
					"due_time":   {Usage: "the time the work is due at, RFC 3339 (after the block time)"},
				},
				Example: bin + " tx funds define-milestone 3 $(trustcityd keys show builder -a) 200000000utcity $(sha256sum bridge-phase1.pdf | cut -d' ' -f1) --due-height 100000 --from village-clerk"},
			{RpcMethod: "ConfirmMilestone", Use: "confirm-milestone [milestone-id] [evidence-id]", Short: "Confirm a milestone citing a judicial evidence record; its tranche is paid (a FUND_SUPERVISOR of the supervisor department)", PositionalArgs: pos("milestone_id", "evidence_id")},
			{RpcMethod: "RejectMilestone", Use: "reject-milestone [milestone-id] [reason]", Short: "Refuse a milestone and release its tranche (a FUND_SUPERVISOR of the supervisor department)", PositionalArgs: pos("milestone_id", "reason")},
			{RpcMethod: "ReportExpenditure", Use: "report-expenditure [disbursement-id] [amount] [purpose-code]",
				Short:          "Report the use of a payment you received (--receipt-hash and/or --evidence-id)",
				PositionalArgs: pos("disbursement_id", "amount", "purpose_code"),
				FlagOptions: map[string]*autocliv1.FlagOptions{
					"receipt_hash": {Usage: "the receipt's SHA-256, hex"},
					"evidence_id":  {Usage: "a judicial evidence record documenting the use"},
				}},
		},
	}
}
