package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"

	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/runtime"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/testutil/keepertest"
	"github.com/trustcity/trustcity/x/evidence/keeper"
	"github.com/trustcity/trustcity/x/evidence/types"
)

// populated holds a record of every kind, a withdrawal included.
func populated(t *testing.T) (*fixture, tree) {
	f := newFixture(t)
	require.NoError(t, f.deposit(f.addr["depositor"], digestOf("contract"), nil)(f.ctx))
	require.NoError(t, f.deposit(f.addr["depositor"], digestOf("licence"), nil)(f.ctx))
	_, err := f.msg.Withdraw(f.ctx, &types.MsgWithdraw{Signer: f.addr["depositor"], Id: 2, Reason: "filed in error"})
	require.NoError(t, err)
	tr := newTree(types.HashAlgorithm_HASH_ALGORITHM_SHA3_256, 5)
	require.NoError(t, f.anchor(f.addr["depositor"], tr, nil)(f.ctx))
	require.NoError(t, f.verify(f.addr["judge"], digestOf("contract"), nil, types.VerificationResult_VERIFICATION_RESULT_MATCHED, nil)(f.ctx))
	require.NoError(t, f.verify(f.addr["judge"], tr.digests[4], tr.proof(1, 4), types.VerificationResult_VERIFICATION_RESULT_MATCHED, nil)(f.ctx))
	require.NoError(t, f.custody(f.addr["depositor"], digestOf("contract"), nil, types.CustodyAction_CUSTODY_ACTION_SEALED, nil)(f.ctx))
	require.NoError(t, f.custody(f.addr["judge"], digestOf("contract"), nil, types.CustodyAction_CUSTODY_ACTION_ACCESSED, nil)(f.ctx))
	return f, tr
}

// withIBCRecords adds what IBC writes to an exported genesis: a deposit
// received from another chain (record 3) and, on record 1, a forward that
// was acknowledged and one in flight.
func withIBCRecords(gs *types.GenesisState, forwarder string) {
	at := gs.Evidence[0].Time
	remote := at.Add(5 * time.Second)
	gs.Evidence = append(gs.Evidence, types.Evidence{
		Id: 3, Digest: digestOf("from the court chain"), Algorithm: types.HashAlgorithm_HASH_ALGORITHM_SHA256,
		Category: types.Category_CATEGORY_FINANCE, Height: 4, Time: at, Status: types.EvidenceStatus_EVIDENCE_STATUS_ACTIVE,
		Origin: &types.CrossChainOrigin{
			ChainId: "court-1", PortId: types.PortID, ChannelId: "channel-0", DestinationChannelId: "channel-1", Sequence: 7,
			Depositor: "tcity1remote", DepartmentId: "notary", SourceRecordId: 12, DepositedAt: at.Add(-time.Minute),
		},
	})
	gs.Evidence[0].Forwards = []types.Forward{
		{ChannelId: "channel-1", Sequence: 1, ChainId: "court-1", Forwarder: forwarder, DepartmentId: gs.Evidence[0].DepartmentId,
			Height: 3, Time: at, Status: types.ForwardStatus_FORWARD_STATUS_ACKNOWLEDGED, RemoteRecordId: 40, RemoteHeight: 90,
			RemoteTime: &remote, ResolvedHeight: 4, ResolvedTime: &remote},
		{ChannelId: "channel-2", Sequence: 1, ChainId: "province-1", Forwarder: forwarder, DepartmentId: gs.Evidence[0].DepartmentId,
			Height: 5, Time: at, Status: types.ForwardStatus_FORWARD_STATUS_IN_FLIGHT},
	}
	gs.NextEvidenceId = 4
}

func emptyKeeper(t *testing.T) (keeper.Keeper, sdk.Context, *storetypes.KVStoreKey) {
	key := storetypes.NewKVStoreKey(types.StoreKey)
	ctx := keepertest.Context(t, key)
	k := keeper.NewKeeper(codec.NewProtoCodec(codectypes.NewInterfaceRegistry()), runtime.NewKVStoreService(key),
		keepertest.AddressCodec(), keepertest.Authority(), nil, nil)
	return k, ctx, key
}

func TestGenesisRoundTrip(t *testing.T) {
	f, _ := populated(t)
	exported, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	require.Equal(t, uint64(3), exported.NextEvidenceId)
	require.Equal(t, uint64(2), exported.NextBatchId)

	k, ctx, key := emptyKeeper(t)
	require.NoError(t, k.InitGenesis(ctx, exported))
	again, err := k.ExportGenesis(ctx)
	require.NoError(t, err)
	require.Equal(t, exported, again)
	g := &fixture{ctx: ctx, key: key}
	require.Equal(t, f.dump(), g.dump(), "indexes and sequences are rebuilt exactly")

	// Deposits received over IBC and forwards round-trip too, with their
	// chain and in-flight indexes.
	withIBCRecords(exported, f.addr["depositor"])
	k, ctx, _ = emptyKeeper(t)
	require.NoError(t, k.InitGenesis(ctx, exported))
	again, err = k.ExportGenesis(ctx)
	require.NoError(t, err)
	require.Equal(t, exported, again)
	id, err := k.ForwardsInFlight.Get(ctx, collections.Join("channel-2", uint64(1)))
	require.NoError(t, err)
	require.Equal(t, uint64(1), id)
	listed, err := keeper.NewQueryServerImpl(k).CrossChainDeposits(ctx, &types.QueryCrossChainDepositsRequest{ChainId: "court-1"})
	require.NoError(t, err)
	require.Len(t, listed.Evidence, 1)
	reg := registry{}
	keeper.RegisterInvariants(reg, k)
	require.NoError(t, reg["evidence-indexes"](ctx))

	// Ids continue above the import.
	_, err = keeper.NewMsgServerImpl(f.k).Deposit(f.ctx, &types.MsgDeposit{Signer: f.addr["depositor"], Digest: digestOf("third"),
		Algorithm: types.HashAlgorithm_HASH_ALGORITHM_SHA256, Category: types.Category_CATEGORY_OTHER})
	require.NoError(t, err)
}

func TestGenesisRejects(t *testing.T) {
	f, _ := populated(t)
	base, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	withIBCRecords(base, f.addr["depositor"])
	cdc := codec.NewProtoCodec(codectypes.NewInterfaceRegistry())
	cases := []struct {
		name   string
		mutate func(*types.GenesisState)
		want   error
	}{
		{"bad params", func(gs *types.GenesisState) { gs.Params.AllowedAlgorithms = nil }, types.ErrInvalidParams},
		{"duplicate digest", func(gs *types.GenesisState) { gs.Evidence[1].Digest = gs.Evidence[0].Digest }, types.ErrAlreadyDeposited},
		{"id twice", func(gs *types.GenesisState) { gs.Evidence[1].Id = gs.Evidence[0].Id }, types.ErrInvalidGenesis},
		{"digest of the wrong length", func(gs *types.GenesisState) { gs.Evidence[0].Digest = gs.Evidence[0].Digest[:5] }, types.ErrInvalidDigest},
		{"withdrawn without a reason", func(gs *types.GenesisState) { gs.Evidence[1].WithdrawalReason = "" }, types.ErrInvalidRequest},
		{"non-canonical depositor", func(gs *types.GenesisState) { gs.Evidence[0].Depositor = "TCITY" + gs.Evidence[0].Depositor[5:] }, types.ErrInvalidAddress},
		{"root twice", func(gs *types.GenesisState) { gs.Batches = append(gs.Batches, gs.Batches[0]); gs.Batches[1].Id = 2 }, types.ErrBatchExists},
		{"verification of a missing batch", func(gs *types.GenesisState) { gs.Verifications[1].BatchId = 9 }, types.ErrBatchNotFound},
		{"verification naming another record", func(gs *types.GenesisState) { gs.Verifications[0].EvidenceId = 2 }, types.ErrInvalidGenesis},
		{"next id not above the records", func(gs *types.GenesisState) { gs.NextEvidenceId = 2 }, types.ErrInvalidGenesis},
		{"custody event twice", func(gs *types.GenesisState) { gs.CustodyEvents[1].Sequence = 1 }, types.ErrInvalidGenesis},
		{"custody sequence with a gap", func(gs *types.GenesisState) { gs.CustodyEvents[1].Sequence = 3 }, types.ErrInvalidGenesis},
		{"custody of an undeposited digest", func(gs *types.GenesisState) {
			gs.CustodyEvents[0].Digest, gs.CustodyEvents[1].Digest = digestOf("never"), digestOf("never")
		}, types.ErrEvidenceNotFound},
		{"custody naming a missing batch", func(gs *types.GenesisState) { gs.CustodyEvents[0].BatchId = 7 }, types.ErrBatchNotFound},
		{"matched without a reference", func(gs *types.GenesisState) { gs.Verifications[0].EvidenceId = 0 }, types.ErrInvalidResult},
		{"not found with a reference", func(gs *types.GenesisState) {
			gs.Verifications[0].Result = types.VerificationResult_VERIFICATION_RESULT_NOT_FOUND
		}, types.ErrInvalidResult},
		{"cross-chain deposit with a department", func(gs *types.GenesisState) { gs.Evidence[2].DepartmentId = "notary" }, types.ErrInvalidGenesis},
		{"cross-chain deposit withdrawn", func(gs *types.GenesisState) {
			gs.Evidence[2].Status, gs.Evidence[2].WithdrawalReason = types.EvidenceStatus_EVIDENCE_STATUS_WITHDRAWN, "no"
		}, types.ErrInvalidGenesis},
		{"cross-chain deposit forwarded", func(gs *types.GenesisState) { gs.Evidence[2].Forwards = gs.Evidence[0].Forwards[:1] }, types.ErrInvalidGenesis},
		{"origin without a chain", func(gs *types.GenesisState) { gs.Evidence[2].Origin.ChainId = "" }, types.ErrInvalidRequest},
		{"origin without a sequence", func(gs *types.GenesisState) { gs.Evidence[2].Origin.Sequence = 0 }, types.ErrInvalidGenesis},
		{"origin with a bad channel", func(gs *types.GenesisState) { gs.Evidence[2].Origin.ChannelId = "c" }, types.ErrInvalidGenesis},
		{"origin without a depositor", func(gs *types.GenesisState) { gs.Evidence[2].Origin.Depositor = "" }, types.ErrInvalidRequest},
		{"acknowledged without its remote record", func(gs *types.GenesisState) { gs.Evidence[0].Forwards[0].RemoteRecordId = 0 }, types.ErrInvalidGenesis},
		{"in flight with an outcome", func(gs *types.GenesisState) { gs.Evidence[0].Forwards[1].Error = "late" }, types.ErrInvalidGenesis},
		{"refused without an error", func(gs *types.GenesisState) {
			gs.Evidence[0].Forwards[0].Status, gs.Evidence[0].Forwards[0].RemoteRecordId = types.ForwardStatus_FORWARD_STATUS_REFUSED, 0
		}, types.ErrInvalidGenesis},
		{"forward of unknown status", func(gs *types.GenesisState) { gs.Evidence[0].Forwards[0].Status = 9 }, types.ErrInvalidGenesis},
		{"forward by a non-canonical address", func(gs *types.GenesisState) {
			gs.Evidence[0].Forwards[1].Forwarder = "TCITY" + gs.Evidence[0].Forwards[1].Forwarder[5:]
		}, types.ErrInvalidAddress},
		{"packet in flight twice", func(gs *types.GenesisState) {
			gs.Evidence[1].Forwards = []types.Forward{gs.Evidence[0].Forwards[1]}
			gs.Evidence[1].Forwards[0].DepartmentId = gs.Evidence[1].DepartmentId
		}, types.ErrInvalidGenesis},
		{"too many forwards", func(gs *types.GenesisState) {
			for range types.MaxForwardsCap {
				gs.Evidence[0].Forwards = append(gs.Evidence[0].Forwards, gs.Evidence[0].Forwards[0])
			}
		}, types.ErrInvalidGenesis},
		{"accredited chain twice", func(gs *types.GenesisState) { gs.Params.AccreditedChains = []string{"court-1", "court-1"} }, types.ErrInvalidParams},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			bz, err := cdc.MarshalJSON(base)
			require.NoError(t, err)
			var gs types.GenesisState
			require.NoError(t, cdc.UnmarshalJSON(bz, &gs))
			tc.mutate(&gs)
			require.ErrorIs(t, keeper.ValidateGenesis(cdc, keepertest.AddressCodec(), &gs), tc.want)
		})
	}
}

type registry map[string]func(sdk.Context) error

func (r registry) Register(_, name string, check func(sdk.Context) error) { r[name] = check }

func TestInvariants(t *testing.T) {
	f, tr := populated(t)
	reg := registry{}
	keeper.RegisterInvariants(reg, f.k)
	for name, check := range reg {
		require.NoError(t, check(f.ctx), name)
	}
	breaks := map[string]func(){
		"evidence-indexes":     func() { require.NoError(t, f.k.EvidenceByDigest.Remove(f.ctx, digestOf("licence"))) },
		"batch-indexes":        func() { require.NoError(t, f.k.BatchByRoot.Set(f.ctx, digestOf("x"), 1)) },
		"verification-indexes": func() { require.NoError(t, f.k.VerificationsByCase.Remove(f.ctx, collections.Join(caseID, uint64(1)))) },
		"custody-sequences":    func() { require.NoError(t, f.k.CustodyNext.Set(f.ctx, tr.digests[0], 4)) },
	}
	for name, breakIt := range breaks {
		t.Run(name, func(t *testing.T) {
			f, tr = populated(t)
			reg := registry{}
			keeper.RegisterInvariants(reg, f.k)
			breakIt()
			require.Error(t, reg[name](f.ctx))
		})
	}
}

func TestUpdateParams(t *testing.T) {
	f := newFixture(t)
	p := types.DefaultParams()
	p.MaxParties = 4
	f.runRejects(t, []rejectCase{
		{"not the authority", types.ErrUnauthorized, func(ctx sdk.Context) error {
			_, err := f.msg.UpdateParams(ctx, &types.MsgUpdateParams{Authority: f.addr["courtAdmin"], Params: p})
			return err
		}},
		{"invalid params", types.ErrInvalidParams, func(ctx sdk.Context) error {
			bad := p
			bad.AllowedAlgorithms = []types.HashAlgorithm{types.HashAlgorithm_HASH_ALGORITHM_SM3, types.HashAlgorithm_HASH_ALGORITHM_SM3}
			_, err := f.msg.UpdateParams(ctx, &types.MsgUpdateParams{Authority: f.gov, Params: bad})
			return err
		}},
	})
	_, err := f.msg.UpdateParams(f.ctx, &types.MsgUpdateParams{Authority: f.gov, Params: p})
	require.NoError(t, err)
	got, err := f.query.Params(f.ctx, &types.QueryParamsRequest{})
	require.NoError(t, err)
	require.Equal(t, p, got.Params)
}

func TestInvariantsCoverIBCIndexes(t *testing.T) {
	f, _ := populated(t)
	gs, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	withIBCRecords(gs, f.addr["depositor"])
	for name, breakIt := range map[string]func(keeper.Keeper, sdk.Context) error{
		"forward in flight not indexed": func(k keeper.Keeper, ctx sdk.Context) error {
			return k.ForwardsInFlight.Remove(ctx, collections.Join("channel-2", uint64(1)))
		},
		"in-flight entry for a finished forward": func(k keeper.Keeper, ctx sdk.Context) error {
			return k.ForwardsInFlight.Set(ctx, collections.Join("channel-1", uint64(1)), 1)
		},
		"cross-chain deposit not indexed by chain": func(k keeper.Keeper, ctx sdk.Context) error {
			return k.EvidenceByChain.Remove(ctx, collections.Join("court-1", uint64(3)))
		},
		"cross-chain deposit indexed by department": func(k keeper.Keeper, ctx sdk.Context) error {
			return k.EvidenceByDepartment.Set(ctx, collections.Join("", uint64(3)))
		},
	} {
		t.Run(name, func(t *testing.T) {
			k, ctx, _ := emptyKeeper(t)
			require.NoError(t, k.InitGenesis(ctx, gs))
			reg := registry{}
			keeper.RegisterInvariants(reg, k)
			require.NoError(t, reg["evidence-indexes"](ctx))
			require.NoError(t, breakIt(k, ctx))
			require.Error(t, reg["evidence-indexes"](ctx))
		})
	}
}
