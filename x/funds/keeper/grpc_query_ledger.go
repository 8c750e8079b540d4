package keeper

import (
	"context"

	"cosmossdk.io/collections"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/trustcity/trustcity/x/funds/types"
	"github.com/trustcity/trustcity/x/internal/collutil"
)

// LedgerEntry returns one ledger entry.
func (q queryServer) LedgerEntry(ctx context.Context, req *types.QueryLedgerEntryRequest) (*types.QueryLedgerEntryResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	e, err := q.k.Ledger.Get(ctx, req.Id)
	if isNotFound(err) {
		return nil, types.ErrLedgerEntryNotFound.Wrapf("entry %d", req.Id)
	} else if err != nil {
		return nil, err
	}
	return &types.QueryLedgerEntryResponse{Entry: e}, nil
}

// Ledger lists a program's entries, all or of one type.
func (q queryServer) Ledger(ctx context.Context, req *types.QueryLedgerRequest) (*types.QueryLedgerResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	if _, err := q.k.GetProgram(ctx, req.ProgramId); err != nil {
		return nil, err
	}
	if _, known := types.LedgerType_name[int32(req.Type)]; !known {
		return nil, types.ErrInvalidRequest.Wrapf("unknown ledger type %d", req.Type)
	}
	get := func(id uint64) (types.LedgerEntry, error) { return q.k.Ledger.Get(ctx, id) }
	var (
		list []types.LedgerEntry
		page *query.PageResponse
		err  error
	)
	if req.Type == types.LedgerType_LEDGER_TYPE_UNSPECIFIED {
		list, page, err = query.CollectionPaginate(ctx, q.k.LedgerByProgram, collutil.Page(req.Pagination),
			func(key pairUU, _ collections.NoValue) (types.LedgerEntry, error) { return get(key.K2()) },
			query.WithCollectionPaginationPairPrefix[uint64, uint64](req.ProgramId))
	} else {
		list, page, err = query.CollectionPaginate(ctx, q.k.LedgerByType, collutil.Page(req.Pagination),
			func(key tripUTU, _ collections.NoValue) (types.LedgerEntry, error) { return get(key.K3()) },
			tripleSuperPrefix[uint64, int32, uint64](req.ProgramId, int32(req.Type)))
	}
	if err != nil {
		return nil, err
	}
	return &types.QueryLedgerResponse{Entries: list, Pagination: page}, nil
}

// AllocationLedger lists the entries moving money into or out of an
// allocation.
func (q queryServer) AllocationLedger(ctx context.Context, req *types.QueryAllocationLedgerRequest) (*types.QueryAllocationLedgerResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	if _, err := q.k.GetAllocation(ctx, req.AllocationId); err != nil {
		return nil, err
	}
	list, page, err := query.CollectionPaginate(ctx, q.k.LedgerByAllocation, collutil.Page(req.Pagination),
		func(key pairUU, _ collections.NoValue) (types.LedgerEntry, error) {
			return q.k.Ledger.Get(ctx, key.K2())
		},
		query.WithCollectionPaginationPairPrefix[uint64, uint64](req.AllocationId))
	if err != nil {
		return nil, err
	}
	return &types.QueryAllocationLedgerResponse{Entries: list, Pagination: page}, nil
}

// AccountLedger lists the entries naming an account as payer or payee.
func (q queryServer) AccountLedger(ctx context.Context, req *types.QueryAccountLedgerRequest) (*types.QueryAccountLedgerResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	addr, _, err := q.k.address("address", req.Address)
	if err != nil {
		return nil, err
	}
	list, page, err := query.CollectionPaginate(ctx, q.k.LedgerByAccount, collutil.Page(req.Pagination),
		func(key pairBU, _ collections.NoValue) (types.LedgerEntry, error) {
			return q.k.Ledger.Get(ctx, key.K2())
		},
		query.WithCollectionPaginationPairPrefix[[]byte, uint64](addr))
	if err != nil {
		return nil, err
	}
	return &types.QueryAccountLedgerResponse{Entries: list, Pagination: page}, nil
}
