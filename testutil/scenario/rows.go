package scenario

import (
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
)

// rows is the scenario table, the baseline first. Add a module's workload here.
var rows = []Scenario{
	{
		Name:        BaselineName,
		Description: "bank send of 1 unit to the next account",
		GasLimit:    200_000,
		Msgs: func(env Env, from, _ int) []sdk.Msg {
			to := env.Accounts[(from+1)%len(env.Accounts)]
			return []sdk.Msg{banktypes.NewMsgSend(env.Accounts[from], to, sdk.NewCoins(sdk.NewCoin(env.Denom, math.OneInt())))}
		},
	},
	{
		Name:        "bank-multisend",
		Description: "bank multi-send of 1 unit each to the next 10 accounts",
		GasLimit:    400_000,
		Msgs: func(env Env, from, _ int) []sdk.Msg {
			const outputs = 10
			one := sdk.NewCoins(sdk.NewCoin(env.Denom, math.OneInt()))
			outs := make([]banktypes.Output, outputs)
			for i := range outs {
				outs[i] = banktypes.NewOutput(env.Accounts[(from+1+i)%len(env.Accounts)], one)
			}
			in := banktypes.NewInput(env.Accounts[from], sdk.NewCoins(sdk.NewCoin(env.Denom, math.NewInt(outputs))))
			return []sdk.Msg{banktypes.NewMsgMultiSend(in, outs)}
		},
	},
	{
		Name:        identityCreateDidName,
		Description: "x/identity: create a DID (id derived by the chain) with one Ed25519 key for authentication",
		GasLimit:    200_000,
		Msgs:        identityCreateDid,
	},
	{
		Name:          identityIssueCredentialName,
		Description:   "x/identity: anchor a credential (unique id, SHA-256 hash, another account's DID as subject) as a CREDENTIAL_ISSUER",
		GasLimit:      250_000,
		Msgs:          identityIssueCredential,
		Genesis:       identityIssuerGenesis,
		GenesisReason: "its signers must be CREDENTIAL_ISSUER members of a department, and only the gov authority may register a top-level department",
	},
	{
		Name:          judicialDepositName,
		Description:   "x/judicial: deposit a unique SHA-256 digest as an EVIDENCE_DEPOSITOR",
		GasLimit:      200_000,
		Msgs:          judicialDeposit,
		Genesis:       judicialDepositorGenesis,
		GenesisReason: judicialGenesisReason,
	},
	{
		Name:          judicialBatchName,
		Description:   "x/judicial: anchor the RFC 6962 root of 1,024 unique SHA-256 digests as an EVIDENCE_DEPOSITOR",
		GasLimit:      200_000,
		Msgs:          judicialBatch,
		Genesis:       judicialDepositorGenesis,
		GenesisReason: judicialGenesisReason,
		DigestsPerTx:  judicialBatchLeaves,
	},
	{
		Name:          judicialDeposit10kRow,
		Description:   "x/judicial: judicial-deposit on a chain already holding 10,000 deposits",
		GasLimit:      200_000,
		Msgs:          judicialDeposit,
		Genesis:       judicialDepositorGenesis,
		GenesisReason: judicialGenesisReason,
		Prefill:       storedDeposits(10_000),
	},
	{
		Name:          judicialDeposit1mRow,
		Description:   "x/judicial: judicial-deposit on a chain already holding 1,000,000 deposits",
		GasLimit:      200_000,
		Msgs:          judicialDeposit,
		Genesis:       judicialDepositorGenesis,
		GenesisReason: judicialGenesisReason,
		Prefill:       storedDeposits(1_000_000),
		OnRequest:     true,
	},
	{
		Name:          datasharePublishName,
		Description:   "x/datashare: publish a version with a summary record validated against the dataset's standard, as a DATA_PROVIDER",
		GasLimit:      200_000,
		Msgs:          datasharePublish,
		Genesis:       datashareGenesis,
		GenesisReason: datashareGenesisReason,
		Prefill:       storedDatashareHistory(),
	},
	{
		Name:          datashareRequestName,
		Description:   "x/datashare: request access to an internal dataset whose auto-approval rule grants it at once (request + grant)",
		GasLimit:      250_000,
		Msgs:          datashareRequest,
		Genesis:       datashareGenesis,
		GenesisReason: datashareGenesisReason,
		Prefill:       storedDatashareHistory(),
	},
	{
		Name:          datashareRecordName,
		Description:   "x/datashare: record one use of a dataset version under the department's grant in force",
		GasLimit:      200_000,
		Msgs:          datashareRecord,
		Genesis:       datashareGenesis,
		GenesisReason: datashareGenesisReason,
		Prefill:       storedDatashareHistory(),
	},
	{
		Name:          fundsDisbursementName,
		Description:   "x/funds: pay a beneficiary from the office's allocation, below the approval threshold (coins leave the escrow, a ledger entry is appended)",
		GasLimit:      250_000,
		Msgs:          fundsDisburse,
		Genesis:       fundsGenesis,
		GenesisReason: fundsGenesisReason,
		Prefill:       storedFundsPrograms(),
	},
}
