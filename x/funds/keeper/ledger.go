package keeper

import (
	"context"
	"strings"

	"cosmossdk.io/collections"

	"github.com/trustcity/trustcity/x/funds/types"
)

// appendLedger assigns the next id to e, stamps the block and stores it with
// its indexes: by program, by program and type, by each allocation it
// touches and by each account it names. Entries are never changed.
func (k Keeper) appendLedger(ctx context.Context, e types.LedgerEntry) (uint64, error) {
	id, err := k.LedgerSeq.Next(ctx)
	if err != nil {
		return 0, err
	}
	e.Id = id
	e.Height, e.Time = blockInfo(ctx)
	return id, k.storeLedger(ctx, e)
}

// storeLedger writes an entry and its indexes.
func (k Keeper) storeLedger(ctx context.Context, e types.LedgerEntry) error {
	if err := k.Ledger.Set(ctx, e.Id, e); err != nil {
		return err
	}
	if err := k.LedgerByProgram.Set(ctx, collections.Join(e.ProgramId, e.Id)); err != nil {
		return err
	}
	if err := k.LedgerByType.Set(ctx, collections.Join3(e.ProgramId, int32(e.Type), e.Id)); err != nil {
		return err
	}
	for _, a := range []uint64{e.AllocationId, e.ToAllocationId} {
		if a == 0 {
			continue
		}
		if err := k.LedgerByAllocation.Set(ctx, collections.Join(a, e.Id)); err != nil {
			return err
		}
	}
	for _, party := range []string{e.From, e.To} {
		if party == "" || strings.HasPrefix(party, types.AllocationPartyPrefix) {
			continue
		}
		addr, err := k.addressCodec.StringToBytes(party)
		if err != nil {
			continue // an address on another chain
		}
		if err := k.LedgerByAccount.Set(ctx, collections.Join([]byte(addr), e.Id)); err != nil {
			return err
		}
	}
	return nil
}
