// Package keeper holds the funds module's state: programs and their escrow,
// allocation trees, disbursements with their approvals, milestones and the
// IATI-typed ledger.
package keeper

import (
	"fmt"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/address"
	corestore "cosmossdk.io/core/store"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkaddress "github.com/cosmos/cosmos-sdk/types/address"

	"github.com/trustcity/trustcity/x/funds/types"
	"github.com/trustcity/trustcity/x/internal/collutil"
	"github.com/trustcity/trustcity/x/internal/msgutil"
)

type (
	pairUU  = collections.Pair[uint64, uint64]
	pairUS  = collections.Pair[uint64, string]
	pairBU  = collections.Pair[[]byte, uint64]
	pairSU  = collections.Pair[string, uint64]
	tripUUU = collections.Triple[uint64, uint32, uint64]
	tripUTU = collections.Triple[uint64, int32, uint64]
)

// Keeper owns the funds store and the escrow module account.
type Keeper struct {
	cdc          codec.BinaryCodec
	addressCodec address.Codec
	authority    string
	identity     types.IdentityKeeper
	judicial     types.JudicialKeeper
	bank         types.BankKeeper
	transfer     types.TransferKeeper
	escrow       sdk.AccAddress
	deposits     sdk.AccAddress
	payouts      sdk.AccAddress

	Schema collections.Schema
	Params collections.Item[types.Params]

	ProgramSeq collections.Sequence
	Programs   collections.Map[uint64, types.Program]

	AllocationSeq collections.Sequence
	Allocations   collections.Map[uint64, types.Allocation]
	Children      collections.Map[pairUS, uint64]
	Tree          collections.KeySet[tripUUU]

	DisbursementSeq           collections.Sequence
	Disbursements             collections.Map[uint64, types.Disbursement]
	DisbursementsByAllocation collections.KeySet[pairUU]
	Pending                   collections.KeySet[pairUU]

	MilestoneSeq        collections.Sequence
	Milestones          collections.Map[uint64, types.Milestone]
	MilestonesByProgram collections.KeySet[pairUU]

	LedgerSeq          collections.Sequence
	Ledger             collections.Map[uint64, types.LedgerEntry]
	LedgerByProgram    collections.KeySet[pairUU]
	LedgerByType       collections.KeySet[tripUTU]
	LedgerByAllocation collections.KeySet[pairUU]
	LedgerByAccount    collections.KeySet[pairBU]

	Payouts collections.Map[pairSU, uint64]
}

// NewKeeper builds the keeper. authority may change params; identity
// answers who may act for which department; judicial tells whether cited
// evidence exists; bank and the escrow module account hold the coins;
// transfer sends payouts to bank chains (nil: payouts over IBC are refused).
func NewKeeper(cdc codec.BinaryCodec, storeService corestore.KVStoreService, addressCodec address.Codec, authority string,
	identity types.IdentityKeeper, judicial types.JudicialKeeper, bank types.BankKeeper, accounts types.AccountKeeper,
	transfer types.TransferKeeper,
) Keeper {
	if _, err := addressCodec.StringToBytes(authority); err != nil {
		panic(fmt.Sprintf("funds: invalid authority %q: %v", authority, err))
	}
	escrow := accounts.GetModuleAddress(types.ModuleName)
	if escrow == nil {
		panic("funds: the escrow module account is not registered")
	}
	sb := collections.NewSchemaBuilder(storeService)
	uu := collections.PairKeyCodec(collections.Uint64Key, collections.Uint64Key)
	k := Keeper{
		cdc: cdc, addressCodec: addressCodec, authority: authority,
		identity: identity, judicial: judicial, bank: bank, escrow: escrow,
		transfer: transfer,
		deposits: sdkaddress.Module(types.ModuleName, []byte("ibc-deposits")),
		payouts:  sdkaddress.Module(types.ModuleName, []byte("ibc-payouts")),

		Params: collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),

		ProgramSeq: collections.NewSequence(sb, types.ProgramSeqKey, "program_seq"),
		Programs:   collections.NewMap(sb, types.ProgramsKey, "programs", collections.Uint64Key, codec.CollValue[types.Program](cdc)),

		AllocationSeq: collections.NewSequence(sb, types.AllocationSeqKey, "allocation_seq"),
		Allocations:   collections.NewMap(sb, types.AllocationsKey, "allocations", collections.Uint64Key, codec.CollValue[types.Allocation](cdc)),
		Children: collections.NewMap(sb, types.ChildrenKey, "children",
			collections.PairKeyCodec(collections.Uint64Key, collections.StringKey), collections.Uint64Value),
		Tree: collections.NewKeySet(sb, types.TreeKey, "tree",
			collections.TripleKeyCodec(collections.Uint64Key, collections.Uint32Key, collections.Uint64Key)),

		DisbursementSeq:           collections.NewSequence(sb, types.DisbursementSeqKey, "disbursement_seq"),
		Disbursements:             collections.NewMap(sb, types.DisbursementsKey, "disbursements", collections.Uint64Key, codec.CollValue[types.Disbursement](cdc)),
		DisbursementsByAllocation: collections.NewKeySet(sb, types.DisbursementsByAllocationKey, "disbursements_by_allocation", uu),
		Pending:                   collections.NewKeySet(sb, types.PendingKey, "pending", uu),

		MilestoneSeq:        collections.NewSequence(sb, types.MilestoneSeqKey, "milestone_seq"),
		Milestones:          collections.NewMap(sb, types.MilestonesKey, "milestones", collections.Uint64Key, codec.CollValue[types.Milestone](cdc)),
		MilestonesByProgram: collections.NewKeySet(sb, types.MilestonesByProgramKey, "milestones_by_program", uu),

		LedgerSeq:       collections.NewSequence(sb, types.LedgerSeqKey, "ledger_seq"),
		Ledger:          collections.NewMap(sb, types.LedgerKey, "ledger", collections.Uint64Key, codec.CollValue[types.LedgerEntry](cdc)),
		LedgerByProgram: collections.NewKeySet(sb, types.LedgerByProgramKey, "ledger_by_program", uu),
		LedgerByType: collections.NewKeySet(sb, types.LedgerByTypeKey, "ledger_by_type",
			collections.TripleKeyCodec(collections.Uint64Key, collections.Int32Key, collections.Uint64Key)),
		LedgerByAllocation: collections.NewKeySet(sb, types.LedgerByAllocationKey, "ledger_by_allocation", uu),
		LedgerByAccount: collections.NewKeySet(sb, types.LedgerByAccountKey, "ledger_by_account",
			collections.PairKeyCodec(collections.BytesKey, collections.Uint64Key)),

		Payouts: collections.NewMap(sb, types.PayoutsKey, "payouts",
			collections.PairKeyCodec(collections.StringKey, collections.Uint64Key), collections.Uint64Value),
	}
	s, err := sb.Build()
	if err != nil {
		panic(fmt.Sprintf("funds: building the store schema: %v", err))
	}
	k.Schema = s
	return k
}

// Authority returns the module authority's address.
func (k Keeper) Authority() string { return k.authority }

// AddressCodec returns the account address codec.
func (k Keeper) AddressCodec() address.Codec { return k.addressCodec }

// EscrowAddress is the module account holding every program's coins.
func (k Keeper) EscrowAddress() sdk.AccAddress { return k.escrow }

// signer decodes a message's signer and returns it with its canonical form.
func (k Keeper) signer(s string) (sdk.AccAddress, string, error) {
	return k.address("signer", s)
}

// address decodes an account address field into bytes and canonical form.
func (k Keeper) address(field, s string) (sdk.AccAddress, string, error) {
	bz, canonical, err := msgutil.Canonical(k.addressCodec, s)
	if err != nil {
		return nil, "", types.ErrInvalidAddress.Wrapf("%s %s", field, err)
	}
	return bz, canonical, nil
}

var emit = msgutil.Emit

var isNotFound = collutil.IsNotFound

var blockInfo = msgutil.BlockInfo
