package keeper

import (
	"context"

	"cosmossdk.io/collections"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/trustcity/trustcity/x/identity/types"
)

// MaxPageLimit caps the page size of every list query, so one request
// cannot make a node read an unbounded number of records.
const MaxPageLimit = 1000

type queryServer struct {
	k Keeper
}

var _ types.QueryServer = queryServer{}

// NewQueryServerImpl returns the x/identity Query service over the keeper.
func NewQueryServerImpl(k Keeper) types.QueryServer { return queryServer{k: k} }

// page returns the request's pagination with its limit capped.
func page(req *query.PageRequest) *query.PageRequest {
	if req == nil {
		return &query.PageRequest{Limit: query.DefaultLimit}
	}
	if req.Limit > MaxPageLimit {
		capped := *req
		capped.Limit = MaxPageLimit
		return &capped
	}
	return req
}

func pairPrefix[K1, K2 any](prefix K1) func(o *query.CollectionsPaginateOptions[collections.Pair[K1, K2]]) {
	return query.WithCollectionPaginationPairPrefix[K1, K2](prefix)
}

// Params returns the module parameters.
func (q queryServer) Params(ctx context.Context, _ *types.QueryParamsRequest) (*types.QueryParamsResponse, error) {
	p, err := q.k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	return &types.QueryParamsResponse{Params: p}, nil
}

// errEmptyRequest answers a nil request.
var errEmptyRequest = types.ErrInvalidRequest.Wrap("empty request")
