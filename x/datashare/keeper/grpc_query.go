package keeper

import (
	"context"

	"cosmossdk.io/collections"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/trustcity/trustcity/x/datashare/types"
	"github.com/trustcity/trustcity/x/internal/collutil"
)

type queryServer struct {
	k Keeper
}

var _ types.QueryServer = queryServer{}

// NewQueryServerImpl returns the datashare Query service over the keeper.
func NewQueryServerImpl(k Keeper) types.QueryServer { return queryServer{k: k} }

var errEmptyRequest = types.ErrInvalidRequest.Wrap("empty request")

// Params returns the module parameters.
func (q queryServer) Params(ctx context.Context, req *types.QueryParamsRequest) (*types.QueryParamsResponse, error) {
	p, err := q.k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	return &types.QueryParamsResponse{Params: p}, nil
}

// Standard returns one version of a standard.
func (q queryServer) Standard(ctx context.Context, req *types.QueryStandardRequest) (*types.QueryStandardResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	s, err := q.k.Standards.Get(ctx, collections.Join(req.Id, req.Version))
	if isNotFound(err) {
		return nil, types.ErrStandardNotFound.Wrapf("%s@%s", req.Id, req.Version)
	} else if err != nil {
		return nil, err
	}
	return &types.QueryStandardResponse{Standard: s}, nil
}

// Standards lists standard versions, of one id or all.
func (q queryServer) Standards(ctx context.Context, req *types.QueryStandardsRequest) (*types.QueryStandardsResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	var opts []func(*query.CollectionsPaginateOptions[pairSS])
	if req.Id != "" {
		opts = append(opts, query.WithCollectionPaginationPairPrefix[string, string](req.Id))
	}
	list, page, err := query.CollectionPaginate(ctx, q.k.Standards, collutil.Page(req.Pagination),
		func(_ pairSS, s types.Standard) (types.Standard, error) { return s, nil }, opts...)
	if err != nil {
		return nil, err
	}
	return &types.QueryStandardsResponse{Standards: list, Pagination: page}, nil
}

// Dataset returns a dataset.
func (q queryServer) Dataset(ctx context.Context, req *types.QueryDatasetRequest) (*types.QueryDatasetResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	d, err := q.k.GetDataset(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	return &types.QueryDatasetResponse{Dataset: d}, nil
}

// Datasets lists the catalog: all, one owner's, or one category's.
func (q queryServer) Datasets(ctx context.Context, req *types.QueryDatasetsRequest) (*types.QueryDatasetsResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	var (
		list []types.Dataset
		page *query.PageResponse
		err  error
	)
	get := func(id string) (types.Dataset, error) { return q.k.Datasets.Get(ctx, id) }
	switch {
	case req.Owner != "" && req.Category != types.Category_CATEGORY_UNSPECIFIED:
		return nil, types.ErrInvalidRequest.Wrap("filter by owner or by category, not both")
	case req.Owner != "":
		list, page, err = query.CollectionPaginate(ctx, q.k.DatasetsByOwner, collutil.Page(req.Pagination),
			func(key pairSS, _ collections.NoValue) (types.Dataset, error) { return get(key.K2()) },
			query.WithCollectionPaginationPairPrefix[string, string](req.Owner))
	case req.Category != types.Category_CATEGORY_UNSPECIFIED:
		list, page, err = query.CollectionPaginate(ctx, q.k.DatasetsByCategory, collutil.Page(req.Pagination),
			func(key collections.Pair[int32, string], _ collections.NoValue) (types.Dataset, error) {
				return get(key.K2())
			},
			query.WithCollectionPaginationPairPrefix[int32, string](int32(req.Category)))
	default:
		list, page, err = query.CollectionPaginate(ctx, q.k.Datasets, collutil.Page(req.Pagination),
			func(_ string, d types.Dataset) (types.Dataset, error) { return d, nil })
	}
	if err != nil {
		return nil, err
	}
	return &types.QueryDatasetsResponse{Datasets: list, Pagination: page}, nil
}

// Version returns one version of a dataset.
func (q queryServer) Version(ctx context.Context, req *types.QueryVersionRequest) (*types.QueryVersionResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	v, err := q.k.getVersion(ctx, req.DatasetId, req.Version)
	if err != nil {
		return nil, err
	}
	return &types.QueryVersionResponse{Version: v}, nil
}

// Versions lists a dataset's versions, oldest first.
func (q queryServer) Versions(ctx context.Context, req *types.QueryVersionsRequest) (*types.QueryVersionsResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	list, page, err := query.CollectionPaginate(ctx, q.k.Versions, collutil.Page(req.Pagination),
		func(_ pairSU, v types.DatasetVersion) (types.DatasetVersion, error) { return v, nil },
		query.WithCollectionPaginationPairPrefix[string, uint64](req.DatasetId))
	if err != nil {
		return nil, err
	}
	return &types.QueryVersionsResponse{Versions: list, Pagination: page}, nil
}

// VersionsByHash answers which dataset versions carry a content hash.
func (q queryServer) VersionsByHash(ctx context.Context, req *types.QueryVersionsByHashRequest) (*types.QueryVersionsByHashResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	hash, err := types.ParseContentHash(req.ContentHash)
	if err != nil {
		return nil, err
	}
	prefix := collections.TriplePrefix[[]byte, string, uint64](hash)
	list, page, err := query.CollectionPaginate(ctx, q.k.VersionsByHash, collutil.Page(req.Pagination),
		func(key hashKey, _ collections.NoValue) (types.DatasetVersion, error) {
			return q.k.Versions.Get(ctx, collections.Join(key.K2(), key.K3()))
		}, func(o *query.CollectionsPaginateOptions[hashKey]) { o.Prefix = &prefix })
	if err != nil {
		return nil, err
	}
	return &types.QueryVersionsByHashResponse{Versions: list, Pagination: page}, nil
}
