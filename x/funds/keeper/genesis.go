package keeper

import (
	"context"

	"cosmossdk.io/collections"

	"github.com/trustcity/trustcity/x/funds/types"
	"github.com/trustcity/trustcity/x/internal/collutil"
)

// InitGenesis imports the whole state. Each record is checked on its own
// (addresses canonical, amounts non-negative, texts against the hard caps,
// references to records imported before it) and then the module's invariants
// are run over the result: the tree adds up, the ledger agrees with every
// node and program, open items match their reservations and, with x/bank
// wired in, the escrow holds exactly what the programs hold. With x/identity
// wired in, every department named must exist there. Indexes are rebuilt and
// id sequences continue above the highest id imported.
func (k Keeper) InitGenesis(ctx context.Context, gs *types.GenesisState) error {
	if err := gs.Params.Validate(); err != nil {
		return err
	}
	if err := k.Params.Set(ctx, gs.Params); err != nil {
		return err
	}
	imp := importer{k: k}
	for _, step := range []func(context.Context, *types.GenesisState) error{
		imp.programs, imp.allocations, imp.disbursements, imp.milestones, imp.ledger,
	} {
		if err := step(ctx, gs); err != nil {
			return err
		}
	}
	for _, s := range []struct {
		name  string
		seq   collections.Sequence
		given uint64
		above uint64
	}{
		{"program", k.ProgramSeq, gs.NextProgramId, imp.maxProgram},
		{"allocation", k.AllocationSeq, gs.NextAllocationId, imp.maxAllocation},
		{"disbursement", k.DisbursementSeq, gs.NextDisbursementId, imp.maxDisbursement},
		{"milestone", k.MilestoneSeq, gs.NextMilestoneId, imp.maxMilestone},
		{"ledger", k.LedgerSeq, gs.NextLedgerId, imp.maxLedger},
	} {
		if s.given != 0 && s.given <= s.above {
			return types.ErrInvalidGenesis.Wrapf("next %s id %d is not above the highest id %d", s.name, s.given, s.above)
		}
		if err := s.seq.Set(ctx, max(s.given, s.above+1)); err != nil {
			return err
		}
	}
	checks := []func(context.Context) error{k.treeInvariant, k.ledgerInvariant, k.openItemsInvariant}
	if k.bank != nil {
		checks = append(checks, k.escrowInvariant)
	}
	for _, check := range checks {
		if err := check(ctx); err != nil {
			return types.ErrInvalidGenesis.Wrap(err.Error())
		}
	}
	return nil
}

// ExportGenesis exports the whole state in key order.
func (k Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	gs := &types.GenesisState{}
	var err error
	if gs.Params, err = k.Params.Get(ctx); err != nil {
		return nil, err
	}
	if gs.Programs, err = collutil.Values(ctx, k.Programs); err != nil {
		return nil, err
	}
	if gs.Allocations, err = collutil.Values(ctx, k.Allocations); err != nil {
		return nil, err
	}
	if gs.Disbursements, err = collutil.Values(ctx, k.Disbursements); err != nil {
		return nil, err
	}
	if gs.Milestones, err = collutil.Values(ctx, k.Milestones); err != nil {
		return nil, err
	}
	if gs.Ledger, err = collutil.Values(ctx, k.Ledger); err != nil {
		return nil, err
	}
	for _, s := range []struct {
		seq collections.Sequence
		out *uint64
	}{
		{k.ProgramSeq, &gs.NextProgramId},
		{k.AllocationSeq, &gs.NextAllocationId},
		{k.DisbursementSeq, &gs.NextDisbursementId},
		{k.MilestoneSeq, &gs.NextMilestoneId},
		{k.LedgerSeq, &gs.NextLedgerId},
	} {
		if *s.out, err = s.seq.Peek(ctx); err != nil {
			return nil, err
		}
	}
	return gs, nil
}
