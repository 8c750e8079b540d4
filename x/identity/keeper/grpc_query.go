package keeper

import (
	"context"

	"cosmossdk.io/collections"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/trustcity/trustcity/x/identity/types"
)

type queryServer struct {
	k Keeper
}

var _ types.QueryServer = queryServer{}

// NewQueryServerImpl returns the x/identity Query service over the keeper.
func NewQueryServerImpl(k Keeper) types.QueryServer { return queryServer{k: k} }

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
