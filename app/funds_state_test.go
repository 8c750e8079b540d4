package app

import (
	"crypto/sha256"
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	fundstypes "github.com/trustcity/trustcity/x/funds/types"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

// fundsEscrow is what fundsGenesis's program holds: funded 1100, paid 300
// here and 100 in flight to a bank chain.
const fundsEscrow = 700

// fundsGenesis is an x/funds genesis with a record of every kind on the
// departments of identityGenesis: a program of city funded with 1100 of
// which 400 went to civil-affairs; a paid disbursement with a reported use,
// a pending one, one in flight over IBC, a milestone paid citing judicial
// evidence 1 and an open one.
func fundsGenesis(ids identitytypes.GenesisState) fundstypes.GenesisState {
	city, civil, issuer := ids.Departments[0], ids.Departments[1], ids.Members[0].Address
	at := genesisTime.Add(-time.Hour)
	n := math.NewInt
	hash := func(s string) []byte { h := sha256.Sum256([]byte(s)); return h[:] }
	decision := &fundstypes.Decision{Kind: fundstypes.DecisionKind_DECISION_KIND_APPROVED, Approver: issuer, DepartmentId: civil.Id, Time: at}
	return fundstypes.GenesisState{
		Params: fundstypes.DefaultParams(),
		Programs: []fundstypes.Program{{
			Id: 1, Name: "Relief", Denom: BondDenom, BudgetCap: n(10_000), PurposeCode: "16010", ApprovalThreshold: n(500),
			SupervisorDepartment: civil.Id, EligibilityCredentialType: "ResidentCard", ManagerDepartment: city.Id, Creator: city.Admin,
			RefundAddress: city.Admin, Status: fundstypes.ProgramStatus_PROGRAM_STATUS_OPEN, RootAllocationId: 1,
			Funded: n(1100), Disbursed: n(400), Expended: n(50), Refunded: n(0), Reserved: n(700), OpenItems: 3, CreatedAt: at,
		}},
		Allocations: []fundstypes.Allocation{
			{Id: 1, ProgramId: 1, DepartmentId: city.Id, Received: n(1100), Allocated: n(400), Disbursed: n(200), Reserved: n(500),
				Returned: n(0), Expended: n(50), Children: 1, CreatedAt: at},
			{Id: 2, ProgramId: 1, ParentId: 1, DepartmentId: civil.Id, Depth: 1, Received: n(400), Allocated: n(0), Disbursed: n(200),
				Reserved: n(200), Returned: n(0), Expended: n(0), CreatedAt: at},
		},
		Disbursements: []fundstypes.Disbursement{
			{Id: 1, ProgramId: 1, AllocationId: 1, Beneficiary: issuer, Amount: n(100), PurposeCode: "16010", Reference: hash("voucher"),
				CredentialId: "urn:uuid:2", Requester: city.Admin, DepartmentId: city.Id, Status: fundstypes.DisbursementStatus_DISBURSEMENT_STATUS_PAID,
				Expended: n(50), CreatedAt: at, PaidAt: &at},
			{Id: 2, ProgramId: 1, AllocationId: 1, Beneficiary: issuer, Amount: n(500), PurposeCode: "16010", Reference: hash("large"),
				Requester: city.Admin, DepartmentId: city.Id, Status: fundstypes.DisbursementStatus_DISBURSEMENT_STATUS_PENDING, Expended: n(0), CreatedAt: at},
			{Id: 3, ProgramId: 1, AllocationId: 2, Beneficiary: city.Admin, Amount: n(200), PurposeCode: "16010", Reference: hash("phase 1"),
				MilestoneId: 1, Requester: issuer, DepartmentId: civil.Id, Status: fundstypes.DisbursementStatus_DISBURSEMENT_STATUS_PAID,
				Decision: decision, Expended: n(0), CreatedAt: at, PaidAt: &at},
			{Id: 4, ProgramId: 1, AllocationId: 1, Beneficiary: issuer, Amount: n(100), PurposeCode: "16010", Reference: hash("abroad"),
				Requester: city.Admin, DepartmentId: city.Id, Status: fundstypes.DisbursementStatus_DISBURSEMENT_STATUS_IN_FLIGHT,
				Expended: n(0), CreatedAt: at, IbcPayout: &fundstypes.IbcPayout{SourceChannel: "channel-0", Receiver: "bank1receiver", Sequence: 7, TimeoutTimestamp: 1}},
		},
		Milestones: []fundstypes.Milestone{
			{Id: 1, ProgramId: 1, AllocationId: 2, Contractor: city.Admin, Amount: n(200), DescriptionHash: hash("phase 1"), DueHeight: 100,
				Creator: issuer, Status: fundstypes.MilestoneStatus_MILESTONE_STATUS_PAID, EvidenceId: 1, DisbursementId: 3, Decision: decision, CreatedAt: at},
			{Id: 2, ProgramId: 1, AllocationId: 2, Contractor: city.Admin, Amount: n(200), DescriptionHash: hash("phase 2"), DueTime: &at,
				Creator: issuer, Status: fundstypes.MilestoneStatus_MILESTONE_STATUS_OPEN, CreatedAt: at},
		},
		Ledger: []fundstypes.LedgerEntry{
			{Id: 1, ProgramId: 1, Type: fundstypes.LedgerType_LEDGER_TYPE_INCOMING_FUNDS, AllocationId: 1, From: "bank1sender", To: "allocation/1",
				Denom: BondDenom, Amount: n(1100), Time: at, IbcOrigin: &fundstypes.IbcOrigin{SourcePort: "transfer", SourceChannel: "channel-0",
					Sender: "bank1sender", DenomTrace: BondDenom, Sequence: 3}}, // utcity coming home
			{Id: 2, ProgramId: 1, Type: fundstypes.LedgerType_LEDGER_TYPE_OUTGOING_COMMITMENT, AllocationId: 1, ToAllocationId: 2,
				From: "allocation/1", To: "allocation/2", Denom: BondDenom, Amount: n(400), Time: at},
			{Id: 3, ProgramId: 1, Type: fundstypes.LedgerType_LEDGER_TYPE_DISBURSEMENT, AllocationId: 1, From: "allocation/1", To: issuer,
				Denom: BondDenom, Amount: n(100), DisbursementId: 1, Time: at},
			{Id: 4, ProgramId: 1, Type: fundstypes.LedgerType_LEDGER_TYPE_DISBURSEMENT, AllocationId: 2, From: "allocation/2", To: city.Admin,
				Denom: BondDenom, Amount: n(200), DisbursementId: 3, MilestoneId: 1, EvidenceId: 1, Time: at},
			{Id: 5, ProgramId: 1, Type: fundstypes.LedgerType_LEDGER_TYPE_EXPENDITURE, AllocationId: 1, From: issuer, Denom: BondDenom,
				Amount: n(50), DisbursementId: 1, Reference: hash("receipt"), Time: at},
			{Id: 6, ProgramId: 1, Type: fundstypes.LedgerType_LEDGER_TYPE_DISBURSEMENT, AllocationId: 1, From: "allocation/1", To: "bank1receiver",
				Denom: BondDenom, Amount: n(100), DisbursementId: 4, Time: at},
		},
		NextProgramId: 2, NextAllocationId: 3, NextDisbursementId: 5, NextMilestoneId: 3, NextLedgerId: 7,
	}
}

// withEscrow adds coins to the funds module account in a bank genesis, and
// to the supply.
func withEscrow(t *testing.T, cdc codec.JSONCodec, raw json.RawMessage, amount int64) json.RawMessage {
	t.Helper()
	var bank banktypes.GenesisState
	cdc.MustUnmarshalJSON(raw, &bank)
	coins := sdk.NewCoins(sdk.NewInt64Coin(BondDenom, amount))
	bank.Balances = append(bank.Balances, banktypes.Balance{Address: authtypes.NewModuleAddress(fundstypes.ModuleName).String(), Coins: coins})
	bank.Balances = banktypes.SanitizeGenesisBalances(bank.Balances)
	bank.Supply = bank.Supply.Add(coins...)
	return cdc.MustMarshalJSON(&bank)
}

func TestFundsGenesisNeedsItsEscrow(t *testing.T) {
	a := newTestApp(t)
	var state map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(defaultGenesisWithValidator(t, a), &state))
	gs := identityGenesis(t)
	state[identitytypes.ModuleName] = a.AppCodec().MustMarshalJSON(&gs)
	fgs := fundsGenesis(gs)
	state[fundstypes.ModuleName] = a.AppCodec().MustMarshalJSON(&fgs)
	// `genesis validate` checks the module's own books; InitChain also
	// compares them with the escrow's balance, which is missing here.
	require.NoError(t, a.BasicModuleManager.ValidateGenesis(a.AppCodec(), a.TxConfig(), state))
	genesis, err := json.Marshal(state)
	require.NoError(t, err)
	require.Panics(t, func() { initChain(t, newTestApp(t), genesis, 1, nil) })
}
