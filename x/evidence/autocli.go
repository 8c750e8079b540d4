package judicial

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	"github.com/trustcity/trustcity/x/internal/cliutil"
)

var (
	proofFlag = &autocliv1.FlagOptions{Usage: `inclusion proof of a batch leaf, as JSON: {"batch_id":"3","leaf_index":"5","path":["<base64>",...]} (trustcityd judicial batch proof prints it)`}
	noteFlag  = &autocliv1.FlagOptions{Usage: "hex SHA-256 of the note kept off chain"}
)

// AutoCLIOptions describes `trustcityd query judicial` and `trustcityd tx
// judicial`. The offline tools (hash, batch build/verify) are under
// `trustcityd judicial`.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: "trustcity.judicial.v1.Query",
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "Params", Use: "params", Short: "Show the module parameters"},
				{RpcMethod: "Evidence", Use: "evidence [digest-hex]", Short: "The evidence report: deposit, timestamp, depositor, status, verifications, custody",
					PositionalArgs: cliutil.Pos("digest"), Example: cliutil.Bin + " query judicial evidence 9f86d08...\n" +
						cliutil.Bin + " query judicial evidence 9f86d08... --batch-id 3 --leaf-index 5 --path <hex>,<hex>"},
				{RpcMethod: "EvidenceById", Use: "deposit [id]", Short: "Show a deposit by id", PositionalArgs: cliutil.Pos("id")},
				{RpcMethod: "EvidenceByDepartment", Use: "deposits [department-id]", Short: "List a department's deposits", PositionalArgs: cliutil.Pos("department_id")},
				{RpcMethod: "Batch", Use: "batch [id]", Short: "Show a batch", PositionalArgs: cliutil.Pos("id")},
				{RpcMethod: "BatchByRoot", Use: "batch-by-root [root-hex]", Short: "Show the batch anchoring a root", PositionalArgs: cliutil.Pos("root")},
				{RpcMethod: "BatchesByDepartment", Use: "batches [department-id]", Short: "List a department's batches", PositionalArgs: cliutil.Pos("department_id")},
				{RpcMethod: "VerifyInclusion", Use: "verify-inclusion [batch-id] [digest-hex] [leaf-index] [path-hex...]",
					Short: "Check an audit path against an anchored batch", PositionalArgs: append(cliutil.Pos("batch_id", "digest", "leaf_index"),
						&autocliv1.PositionalArgDescriptor{ProtoField: "path", Varargs: true})},
				{RpcMethod: "VerificationsByEvidence", Use: "verifications [digest-hex]", Short: "List the verifications of a digest", PositionalArgs: cliutil.Pos("digest")},
				{RpcMethod: "VerificationsByCase", Use: "case [case-id]", Short: "List the verifications recorded in a case", PositionalArgs: cliutil.Pos("case_id")},
				{RpcMethod: "CustodyEvents", Use: "custody [digest-hex]", Short: "List a digest's chain of custody", PositionalArgs: cliutil.Pos("digest")},
				{RpcMethod: "CrossChainDeposits", Use: "cross-chain-deposits [chain-id]", Short: "List the deposits received from a chain over IBC",
					PositionalArgs: cliutil.Pos("chain_id")},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service: "trustcity.judicial.v1.Msg",
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "UpdateParams", Skip: true}, // authority only: submit through x/gov
				{RpcMethod: "Deposit", Use: "deposit [digest-hex] [algorithm] [category]",
					Short:          "Deposit a digest (an EVIDENCE_DEPOSITOR); algorithms sha256, sha3-256, sm3",
					PositionalArgs: cliutil.Pos("digest", "algorithm", "category"),
					FlagOptions: map[string]*autocliv1.FlagOptions{
						"parties":  {Usage: "DIDs of the parties, comma-separated"},
						"metadata": {Usage: "free text (no personal data), bounded by max_metadata_bytes"},
					},
					Example: cliutil.Bin + " tx judicial deposit $(trustcityd judicial hash contract.pdf | cut -d' ' -f1) sha256 e-contract --from notary-admin"},
				{RpcMethod: "Withdraw", Use: "withdraw [id] [reason]", Short: "Mark a deposit withdrawn (the record stays)", PositionalArgs: cliutil.Pos("id", "reason")},
				{RpcMethod: "AnchorBatch", Use: "anchor-batch [root-hex] [leaf-count] [algorithm] [category]",
					Short:          "Anchor the Merkle root of a batch built with `trustcityd judicial batch build`",
					PositionalArgs: cliutil.Pos("root", "leaf_count", "algorithm", "category"),
					FlagOptions:    map[string]*autocliv1.FlagOptions{"metadata": {Usage: "free text (no personal data)"}}},
				{RpcMethod: "RecordVerification", Use: "record-verification [digest-hex] [case-id] [result]",
					Short:          "Record a court's verification: matched, mismatched or not-found (a COURT)",
					PositionalArgs: cliutil.Pos("digest", "case_id", "result"),
					FlagOptions:    map[string]*autocliv1.FlagOptions{"proof": proofFlag, "note_hash": noteFlag},
					Example:        cliutil.Bin + " tx judicial record-verification 9f86d08... \"(2026) Jing 0491 Min Chu 123\" matched --from court-admin"},
				{RpcMethod: "RecordCustody", Use: "record-custody [digest-hex] [action] [counterparty]",
					Short:          "Record a custody event: transferred, accessed, presented or sealed (an EVIDENCE_DEPOSITOR or a COURT)",
					PositionalArgs: cliutil.Pos("digest", "action", "counterparty"),
					FlagOptions:    map[string]*autocliv1.FlagOptions{"proof": proofFlag, "note_hash": noteFlag}},
				{RpcMethod: "ForwardDeposit", Use: "forward [id] [channel-id]",
					Short: "Forward a deposit to the chain at the other end of a judicial IBC channel (its department's EVIDENCE_DEPOSITOR); " +
						"the outcome is kept on the record (query judicial deposit [id])",
					PositionalArgs: cliutil.Pos("id", "channel_id"),
					Example:        cliutil.Bin + " tx judicial forward 1 channel-1 --from notary-admin"},
			},
			EnhanceCustomCommand: true,
		},
	}
}
