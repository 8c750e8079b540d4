package keeper

import (
	"context"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/trustcity/trustcity/x/identity/types"
	"github.com/trustcity/trustcity/x/internal/collutil"
)

// Did resolves a DID, at its latest version or the one asked for.
func (q queryServer) Did(ctx context.Context, req *types.QueryDidRequest) (*types.QueryDidResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	state, v, err := q.k.GetDidVersion(ctx, req.Did, req.Version)
	if err != nil {
		return nil, err
	}
	jsonLD, err := types.MarshalDidDocument(v.Document, sdk.UnwrapSDKContext(ctx).ChainID())
	if err != nil {
		return nil, err
	}
	return &types.QueryDidResponse{Document: v.Document, Metadata: Metadata(state, v), JsonLd: jsonLD}, nil
}

// DidVersions lists the metadata of every version of a DID.
func (q queryServer) DidVersions(ctx context.Context, req *types.QueryDidVersionsRequest) (*types.QueryDidVersionsResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	did, err := types.NormalizeDID(req.Did)
	if err != nil {
		return nil, err
	}
	state, err := q.k.getDidState(ctx, did)
	if err != nil {
		return nil, err
	}
	versions, pageRes, err := query.CollectionPaginate(ctx, q.k.DidVersions, collutil.Page(req.Pagination),
		func(_ collections.Pair[string, uint64], v types.DidVersion) (types.DidDocumentMetadata, error) {
			return Metadata(state, v), nil
		},
		pairPrefix[string, uint64](did))
	if err != nil {
		return nil, err
	}
	return &types.QueryDidVersionsResponse{Versions: versions, Pagination: pageRes}, nil
}

// DidsByController lists the DIDs an account controls (deactivated ones
// included).
func (q queryServer) DidsByController(ctx context.Context, req *types.QueryDidsByControllerRequest) (*types.QueryDidsByControllerResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	addr, err := q.k.decodeAddress("controller", req.Controller)
	if err != nil {
		return nil, err
	}
	dids, pageRes, err := query.CollectionPaginate(ctx, q.k.DidsByController, collutil.Page(req.Pagination),
		func(key collections.Pair[sdk.AccAddress, string], _ collections.NoValue) (string, error) {
			return key.K2(), nil
		},
		pairPrefix[sdk.AccAddress, string](addr))
	if err != nil {
		return nil, err
	}
	return &types.QueryDidsByControllerResponse{Dids: dids, Pagination: pageRes}, nil
}
