package keeper_test

import (
	"crypto/sha3"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/emmansun/gmsm/sm3"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/evidence/types"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

func TestDepositRejects(t *testing.T) {
	f := newFixture(t)
	dep := f.addr["depositor"]
	require.NoError(t, f.deposit(dep, digestOf("contract"), nil)(f.ctx))
	sm3Digest := sm3.Sum([]byte("contract"))
	f.runRejects(t, []rejectCase{
		{"outsider", identitytypes.ErrNotAffiliated, f.deposit(f.addr["outsider"], digestOf("a"), nil)},
		{"unaccredited department", identitytypes.ErrRoleNotHeld, f.deposit(f.addr["bankAdmin"], digestOf("a"), nil)},
		{"court without EVIDENCE_DEPOSITOR", identitytypes.ErrRoleNotHeld, f.deposit(f.addr["judge"], digestOf("a"), nil)},
		{"suspended department", identitytypes.ErrDepartmentSuspended, f.deposit(f.addr["notary2Admin"], digestOf("a"), nil)},
		{"duplicate digest", types.ErrAlreadyDeposited, f.deposit(f.addr["notaryAdmin"], digestOf("contract"), nil)},
		{"digest too short", types.ErrInvalidDigest, f.deposit(dep, digestOf("a")[:20], nil)},
		{"digest too long", types.ErrInvalidDigest, f.deposit(dep, append(digestOf("a"), 0), nil)},
		{"empty digest", types.ErrInvalidDigest, f.deposit(dep, nil, nil)},
		{"unknown algorithm", types.ErrUnknownAlgorithm, f.deposit(dep, digestOf("a"), func(m *types.MsgDeposit) { m.Algorithm = 9 })},
		{"unspecified algorithm", types.ErrUnknownAlgorithm, f.deposit(dep, digestOf("a"), func(m *types.MsgDeposit) { m.Algorithm = 0 })},
		{"unknown category", types.ErrUnknownCategory, f.deposit(dep, digestOf("a"), func(m *types.MsgDeposit) { m.Category = 42 })},
		{"unspecified category", types.ErrUnknownCategory, f.deposit(dep, digestOf("a"), func(m *types.MsgDeposit) { m.Category = 0 })},
		{"party not a DID", types.ErrInvalidParty, f.deposit(dep, digestOf("a"), func(m *types.MsgDeposit) { m.Parties = []string{"Zhang San"} })},
		{"party twice", types.ErrInvalidParty, f.deposit(dep, digestOf("a"), func(m *types.MsgDeposit) { m.Parties = []string{"did:web:a.example", "did:web:a.example"} })},
		{"too many parties", types.ErrInvalidParty, f.deposit(dep, digestOf("a"), func(m *types.MsgDeposit) {
			m.Parties = nil
			for i := 0; i < 17; i++ {
				m.Parties = append(m.Parties, "did:web:p"+strings.Repeat("x", i)+".example")
			}
		})},
		{"metadata too long", types.ErrInvalidRequest, f.deposit(dep, digestOf("a"), func(m *types.MsgDeposit) { m.Metadata = strings.Repeat("m", 2049) })},
		{"bad signer", types.ErrInvalidAddress, f.deposit("tcity1nope", digestOf("a"), nil)},
	})

	t.Run("algorithm not allowed", func(t *testing.T) {
		p := types.DefaultParams()
		p.AllowedAlgorithms = []types.HashAlgorithm{types.HashAlgorithm_HASH_ALGORITHM_SHA256}
		require.NoError(t, f.k.Params.Set(f.ctx, p))
		f.rejects(t, types.ErrUnknownAlgorithm, f.deposit(dep, sm3Digest[:], func(m *types.MsgDeposit) { m.Algorithm = types.HashAlgorithm_HASH_ALGORITHM_SM3 }))
		require.NoError(t, f.k.Params.Set(f.ctx, types.DefaultParams()))
	})
}

func TestDeposit(t *testing.T) {
	f := newFixture(t)
	ctx := f.ctx.WithTxBytes([]byte("the transaction")).WithEventManager(sdk.NewEventManager())
	res, err := f.msg.Deposit(ctx, &types.MsgDeposit{Signer: strings.ToUpper(f.addr["depositor"]), Digest: digestOf("contract"),
		Algorithm: types.HashAlgorithm_HASH_ALGORITHM_SHA256, Category: types.Category_CATEGORY_COPYRIGHT})
	require.NoError(t, err)
	require.Equal(t, uint64(1), res.Id, "ids start at 1")
	require.Len(t, ctx.EventManager().Events(), 1)
	e, err := f.query.EvidenceById(f.ctx, &types.QueryEvidenceByIdRequest{Id: 1})
	require.NoError(t, err)
	require.Equal(t, "notary", e.Evidence.DepartmentId)
	require.Equal(t, f.addr["depositor"], e.Evidence.Depositor, "stored in canonical form")
	require.Equal(t, f.ctx.BlockTime(), e.Evidence.Time)
	require.Equal(t, digestOf("the transaction"), e.Evidence.TxHash)
	require.Equal(t, types.EvidenceStatus_EVIDENCE_STATUS_ACTIVE, e.Evidence.Status)

	// The other algorithms, with their own digest lengths and functions.
	s3 := sha3.Sum256([]byte("contract"))
	require.NoError(t, f.deposit(f.addr["notaryAdmin"], s3[:], func(m *types.MsgDeposit) { m.Algorithm = types.HashAlgorithm_HASH_ALGORITHM_SHA3_256 })(f.ctx))
	sm := sm3.Sum([]byte("contract"))
	require.NoError(t, f.deposit(f.addr["notaryAdmin"], sm[:], func(m *types.MsgDeposit) { m.Algorithm = types.HashAlgorithm_HASH_ALGORITHM_SM3 })(f.ctx))

	// The duplicate's error names the existing record.
	err = f.deposit(f.addr["notaryAdmin"], digestOf("contract"), nil)(f.ctx)
	require.ErrorIs(t, err, types.ErrAlreadyDeposited)
	require.Contains(t, err.Error(), "record 1")
	require.Contains(t, err.Error(), `"notary"`)

	list, err := f.query.EvidenceByDepartment(f.ctx, &types.QueryEvidenceByDepartmentRequest{DepartmentId: "notary"})
	require.NoError(t, err)
	require.Len(t, list.Evidence, 3)
}

func TestWithdraw(t *testing.T) {
	f := newFixture(t)
	require.NoError(t, f.deposit(f.addr["depositor"], digestOf("contract"), nil)(f.ctx))
	withdraw := func(signer string, id uint64, reason string) func(sdk.Context) error {
		return func(ctx sdk.Context) error {
			_, err := f.msg.Withdraw(ctx, &types.MsgWithdraw{Signer: signer, Id: id, Reason: reason})
			return err
		}
	}
	f.runRejects(t, []rejectCase{
		{"outsider", identitytypes.ErrNotAffiliated, withdraw(f.addr["outsider"], 1, "mistake")},
		{"court", identitytypes.ErrRoleNotHeld, withdraw(f.addr["judge"], 1, "mistake")},
		{"another accredited department", types.ErrUnauthorized, withdraw(f.addr["platformAdmin"], 1, "mistake")},
		{"suspended department", identitytypes.ErrDepartmentSuspended, withdraw(f.addr["notary2Admin"], 1, "mistake")},
		{"unknown record", types.ErrEvidenceNotFound, withdraw(f.addr["depositor"], 9, "mistake")},
		{"no reason", types.ErrInvalidRequest, withdraw(f.addr["depositor"], 1, " ")},
	})
	require.NoError(t, withdraw(f.addr["notaryAdmin"], 1, "superseded by record 2")(f.ctx))
	f.rejects(t, types.ErrAlreadyWithdrawn, withdraw(f.addr["depositor"], 1, "again"))
	res, err := f.query.Evidence(f.ctx, &types.QueryEvidenceRequest{Digest: hex.EncodeToString(digestOf("contract"))})
	require.NoError(t, err)
	require.True(t, res.Found, "a withdrawn record stays")
	require.Equal(t, types.EvidenceStatus_EVIDENCE_STATUS_WITHDRAWN, res.Evidence.Status)
	require.Equal(t, "superseded by record 2", res.Evidence.WithdrawalReason)
	require.Equal(t, f.ctx.BlockTime(), res.Evidence.Time, "the timestamp is kept")
	// A withdrawn digest is still deposited: it cannot be deposited again.
	f.rejects(t, types.ErrAlreadyDeposited, f.deposit(f.addr["depositor"], digestOf("contract"), nil))
}
