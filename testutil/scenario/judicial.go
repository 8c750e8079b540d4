package scenario

import (
	"crypto/sha256"
	"fmt"
	"strconv"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/gogoproto/proto"

	"github.com/trustcity/trustcity/app"
	judicialtypes "github.com/trustcity/trustcity/x/evidence/types"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

// The x/judicial rows (module directory x/evidence).
//
// Every judicial transaction needs a signer x/identity authorizes as an
// EVIDENCE_DEPOSITOR. Their genesis (judicialDepositorGenesis) makes
// Accounts[0] the admin of a department holding that role and every other
// account a member holding it, and imports the judicial default genesis; as
// for identity-issue-credential, only the gov authority may register a
// top-level department, so the load tool refuses these rows and the block
// benchmark measures them.
//
//   - judicial-deposit: one MsgDeposit of a SHA-256 digest unique over the
//     run, category E_CONTRACT, no parties or metadata.
//   - judicial-batch-1024: one MsgAnchorBatch of the RFC 6962 root of a real
//     tree over 1,024 digests unique over the run, built with the module's
//     merkle package when the transaction is made (not timed). The row
//     declares DigestsPerTx = 1024, so the report gives digests/s.
//   - judicial-deposit-10k-stored, judicial-deposit-1m-stored: the
//     judicial-deposit transactions on a chain already holding 10,000 or
//     1,000,000 deposits (Prefill), to see what a deposit costs as the store
//     grows. The 1M row takes minutes to prefill, so it runs only when named.
const (
	judicialDepositName   = "judicial-deposit"
	judicialBatchName     = "judicial-batch-1024"
	judicialDeposit10kRow = "judicial-deposit-10k-stored"
	judicialDeposit1mRow  = "judicial-deposit-1m-stored"
	// judicialBatchLeaves is the leaf count of a judicial-batch-1024 root.
	judicialBatchLeaves = 1024
	// benchDepositors is the depositing department of the judicial rows.
	benchDepositors = "bench-depositors"
	// judicialGenesisReason is why the judicial rows declare genesis state.
	judicialGenesisReason = "its signers must be EVIDENCE_DEPOSITOR members of a department, and only the gov authority may register a top-level department"
)

// judicialDeposit is one MsgDeposit of the SHA-256 of a record named by the
// signer and n, so every digest of a run is unique.
func judicialDeposit(env Env, from, n int) []sdk.Msg {
	signer := env.Accounts[from].String()
	digest := sha256.Sum256([]byte(judicialDepositName + "/" + signer + "/" + strconv.Itoa(n)))
	return []sdk.Msg{&judicialtypes.MsgDeposit{
		Signer:    signer,
		Digest:    digest[:],
		Algorithm: judicialtypes.HashAlgorithm_HASH_ALGORITHM_SHA256,
		Category:  judicialtypes.Category_CATEGORY_E_CONTRACT,
	}}
}

// judicialBatch is one MsgAnchorBatch of the root of 1,024 SHA-256 digests
// of records named by the signer, n and the leaf index: unique leaves, and
// so a unique root, for every transaction of a run.
func judicialBatch(env Env, from, n int) []sdk.Msg {
	signer := env.Accounts[from].String()
	prefix := judicialBatchName + "/" + signer + "/" + strconv.Itoa(n) + "/"
	leaves := make([][]byte, judicialBatchLeaves)
	for i := range leaves {
		d := sha256.Sum256([]byte(prefix + strconv.Itoa(i)))
		leaves[i] = d[:]
	}
	a := judicialtypes.HashAlgorithm_HASH_ALGORITHM_SHA256
	return []sdk.Msg{&judicialtypes.MsgAnchorBatch{
		Signer:    signer,
		Root:      a.Hasher().Root(leaves),
		LeafCount: judicialBatchLeaves,
		Algorithm: a,
		Category:  judicialtypes.Category_CATEGORY_E_CONTRACT,
	}}
}

// judicialDepositorGenesis is the genesis of the judicial rows: the
// x/identity department benchDepositors holding EVIDENCE_DEPOSITOR,
// administered by Accounts[0], every other account a member holding the
// role; and the judicial default genesis.
func judicialDepositorGenesis(env Env) map[string]proto.Message {
	gs := identitytypes.DefaultGenesis()
	depositor := []identitytypes.Role{identitytypes.Role_ROLE_EVIDENCE_DEPOSITOR}
	gs.Departments = []identitytypes.Department{{
		Id:        benchDepositors,
		Name:      "Benchmark depositors",
		Admin:     env.Accounts[0].String(),
		Roles:     depositor,
		Status:    identitytypes.DepartmentStatus_DEPARTMENT_STATUS_ACTIVE,
		Depth:     1,
		CreatedAt: benchGenesisTime,
	}}
	for _, acc := range env.Accounts[1:] {
		gs.Members = append(gs.Members, identitytypes.Member{DepartmentId: benchDepositors, Address: acc.String(), Roles: depositor})
	}
	return map[string]proto.Message{identitytypes.ModuleName: gs, judicialtypes.ModuleName: judicialtypes.DefaultGenesis()}
}

// storedDeposits returns the Prefill of a judicial-deposit row on a chain
// already holding n deposits. Records [from, to) are imported with the
// module's own InitGenesis, which checks each and writes its indexes, as an
// import of a chain holding them would; a chunk names the next evidence id,
// so chunks imported one after the other add up to one history. The
// records are those of a deposit transaction of benchDepositors (block
// height, time, a transaction hash), of digests no row deposits.
func storedDeposits(n int) *Prefill {
	return &Prefill{
		Records: n,
		Write: func(ctx sdk.Context, a *app.App, env Env, from, to int) error {
			gs := judicialtypes.DefaultGenesis()
			gs.Evidence = make([]judicialtypes.Evidence, 0, to-from)
			depositor := env.Accounts[0].String()
			for i := from; i < to; i++ {
				digest := sha256.Sum256([]byte("judicial-stored/" + strconv.Itoa(i)))
				txHash := sha256.Sum256(digest[:])
				gs.Evidence = append(gs.Evidence, judicialtypes.Evidence{
					Id:           uint64(i + 1),
					Digest:       digest[:],
					Algorithm:    judicialtypes.HashAlgorithm_HASH_ALGORITHM_SHA256,
					Category:     judicialtypes.Category_CATEGORY_E_CONTRACT,
					DepartmentId: benchDepositors,
					Depositor:    depositor,
					Height:       int64(1 + i/judicialStoredPerBlock),
					Time:         benchGenesisTime,
					TxHash:       txHash[:],
					Status:       judicialtypes.EvidenceStatus_EVIDENCE_STATUS_ACTIVE,
				})
			}
			gs.NextEvidenceId = uint64(to + 1)
			if err := a.JudicialKeeper.InitGenesis(ctx, gs); err != nil {
				return fmt.Errorf("storing deposits %d to %d: %w", from+1, to, err)
			}
			return nil
		},
	}
}

// judicialStoredPerBlock is the block size the stored deposits are dated
// as if deposited in (their heights only; nothing depends on it).
const judicialStoredPerBlock = 2000
