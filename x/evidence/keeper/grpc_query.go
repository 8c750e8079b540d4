package keeper

import (
	"context"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/trustcity/trustcity/x/internal/collutil"

	"github.com/trustcity/trustcity/x/evidence/types"
)

// ReportHistoryLimit bounds the verifications and custody events the
// evidence report lists; the paginated queries give the rest.
const ReportHistoryLimit = 100

type queryServer struct {
	k Keeper
}

var _ types.QueryServer = queryServer{}

// NewQueryServerImpl returns the judicial Query service over the keeper.
func NewQueryServerImpl(k Keeper) types.QueryServer { return queryServer{k: k} }

var errEmptyRequest = types.ErrInvalidRequest.Wrap("empty request")

// Params returns the module parameters.
func (q queryServer) Params(ctx context.Context, _ *types.QueryParamsRequest) (*types.QueryParamsResponse, error) {
	p, err := q.k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	return &types.QueryParamsResponse{Params: p}, nil
}

// parsePath decodes an audit path given in hex.
func parsePath(hexPath []string) ([][]byte, error) {
	if len(hexPath) > 64 {
		return nil, types.ErrInvalidProof.Wrapf("audit path of %d nodes; at most 64", len(hexPath))
	}
	out := make([][]byte, len(hexPath))
	for i, s := range hexPath {
		bz, err := types.ParseHex("path node", s)
		if err != nil {
			return nil, types.ErrInvalidProof.Wrap(err.Error())
		}
		out[i] = bz
	}
	return out, nil
}

// Evidence is the report a judge reads.
func (q queryServer) Evidence(ctx context.Context, req *types.QueryEvidenceRequest) (*types.QueryEvidenceResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	digest, err := types.ParseHex("digest", req.Digest)
	if err != nil {
		return nil, err
	}
	res := &types.QueryEvidenceResponse{CheckedAt: sdk.UnwrapSDKContext(ctx).BlockTime()}
	if res.Evidence, err = q.k.EvidenceOfDigest(ctx, digest); err != nil {
		return nil, err
	}
	if req.BatchId != 0 {
		path, err := parsePath(req.Path)
		if err != nil {
			return nil, err
		}
		b, err := q.k.ProveInclusion(ctx, digest, types.InclusionProof{BatchId: req.BatchId, LeafIndex: req.LeafIndex, Path: path})
		if err != nil {
			return nil, err
		}
		res.Batch = &b
	}
	res.Found = res.Evidence != nil || res.Batch != nil
	truncated := false
	err = q.k.VerificationsByDigest.Walk(ctx, collections.NewPrefixedPairRange[[]byte, uint64](digest), func(key collections.Pair[[]byte, uint64]) (bool, error) {
		if len(res.Verifications) == ReportHistoryLimit {
			truncated = true
			return true, nil
		}
		v, err := q.k.Verifications.Get(ctx, key.K2())
		if err != nil {
			return true, err
		}
		res.Verifications = append(res.Verifications, v)
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	err = q.k.Custody.Walk(ctx, collections.NewPrefixedPairRange[[]byte, uint64](digest), func(_ collections.Pair[[]byte, uint64], ev types.CustodyEvent) (bool, error) {
		if len(res.CustodyEvents) == ReportHistoryLimit {
			truncated = true
			return true, nil
		}
		res.CustodyEvents = append(res.CustodyEvents, ev)
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	res.HistoryTruncated = truncated
	return res, nil
}

// EvidenceById returns a deposit by id.
func (q queryServer) EvidenceById(ctx context.Context, req *types.QueryEvidenceByIdRequest) (*types.QueryEvidenceByIdResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	e, err := q.k.Evidence.Get(ctx, req.Id)
	if isNotFound(err) {
		return nil, types.ErrEvidenceNotFound.Wrapf("record %d", req.Id)
	} else if err != nil {
		return nil, err
	}
	return &types.QueryEvidenceByIdResponse{Evidence: e}, nil
}

// EvidenceByDepartment lists a department's deposits, oldest first.
func (q queryServer) EvidenceByDepartment(ctx context.Context, req *types.QueryEvidenceByDepartmentRequest) (*types.QueryEvidenceByDepartmentResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	list, pageRes, err := query.CollectionPaginate(ctx, q.k.EvidenceByDepartment, collutil.Page(req.Pagination),
		func(key collections.Pair[string, uint64], _ collections.NoValue) (types.Evidence, error) {
			return q.k.Evidence.Get(ctx, key.K2())
		}, query.WithCollectionPaginationPairPrefix[string, uint64](req.DepartmentId))
	if err != nil {
		return nil, err
	}
	return &types.QueryEvidenceByDepartmentResponse{Evidence: list, Pagination: pageRes}, nil
}

// CrossChainDeposits lists the deposits received from a chain, oldest first.
func (q queryServer) CrossChainDeposits(ctx context.Context, req *types.QueryCrossChainDepositsRequest) (*types.QueryCrossChainDepositsResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	if err := types.ValidateChainID(req.ChainId); err != nil {
		return nil, err
	}
	list, pageRes, err := query.CollectionPaginate(ctx, q.k.EvidenceByChain, collutil.Page(req.Pagination),
		func(key collections.Pair[string, uint64], _ collections.NoValue) (types.Evidence, error) {
			return q.k.Evidence.Get(ctx, key.K2())
		}, query.WithCollectionPaginationPairPrefix[string, uint64](req.ChainId))
	if err != nil {
		return nil, err
	}
	return &types.QueryCrossChainDepositsResponse{Evidence: list, Pagination: pageRes}, nil
}

// Batch returns a batch by id.
func (q queryServer) Batch(ctx context.Context, req *types.QueryBatchRequest) (*types.QueryBatchResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	b, err := q.k.GetBatch(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	return &types.QueryBatchResponse{Batch: b}, nil
}

// BatchByRoot returns the batch anchoring a root.
func (q queryServer) BatchByRoot(ctx context.Context, req *types.QueryBatchByRootRequest) (*types.QueryBatchByRootResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	root, err := types.ParseHex("root", req.Root)
	if err != nil {
		return nil, err
	}
	id, err := q.k.BatchByRoot.Get(ctx, root)
	if isNotFound(err) {
		return nil, types.ErrBatchNotFound.Wrapf("root %x", root)
	} else if err != nil {
		return nil, err
	}
	b, err := q.k.GetBatch(ctx, id)
	if err != nil {
		return nil, err
	}
	return &types.QueryBatchByRootResponse{Batch: b}, nil
}

// BatchesByDepartment lists a department's batches, oldest first.
func (q queryServer) BatchesByDepartment(ctx context.Context, req *types.QueryBatchesByDepartmentRequest) (*types.QueryBatchesByDepartmentResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	list, pageRes, err := query.CollectionPaginate(ctx, q.k.BatchesByDepartment, collutil.Page(req.Pagination),
		func(key collections.Pair[string, uint64], _ collections.NoValue) (types.Batch, error) {
			return q.k.GetBatch(ctx, key.K2())
		}, query.WithCollectionPaginationPairPrefix[string, uint64](req.DepartmentId))
	if err != nil {
		return nil, err
	}
	return &types.QueryBatchesByDepartmentResponse{Batches: list, Pagination: pageRes}, nil
}

// VerifyInclusion checks an audit path against an anchored batch. A proof
// that does not hold is an answer (included=false with the reason); only a
// request that cannot be read, or an unknown batch, is an error.
func (q queryServer) VerifyInclusion(ctx context.Context, req *types.QueryVerifyInclusionRequest) (*types.QueryVerifyInclusionResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	digest, err := types.ParseHex("digest", req.Digest)
	if err != nil {
		return nil, err
	}
	path, err := parsePath(req.Path)
	if err != nil {
		return nil, err
	}
	b, err := q.k.ProveInclusion(ctx, digest, types.InclusionProof{BatchId: req.BatchId, LeafIndex: req.LeafIndex, Path: path})
	switch {
	case err == nil:
		return &types.QueryVerifyInclusionResponse{Included: true, Batch: b}, nil
	case types.ErrInvalidProof.Is(err):
		return &types.QueryVerifyInclusionResponse{Included: false, Reason: err.Error(), Batch: b}, nil
	default:
		return nil, err
	}
}

// VerificationsByEvidence lists the verifications of a digest.
func (q queryServer) VerificationsByEvidence(ctx context.Context, req *types.QueryVerificationsByEvidenceRequest) (*types.QueryVerificationsByEvidenceResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	digest, err := types.ParseHex("digest", req.Digest)
	if err != nil {
		return nil, err
	}
	list, pageRes, err := query.CollectionPaginate(ctx, q.k.VerificationsByDigest, collutil.Page(req.Pagination),
		func(key collections.Pair[[]byte, uint64], _ collections.NoValue) (types.Verification, error) {
			return q.k.Verifications.Get(ctx, key.K2())
		}, query.WithCollectionPaginationPairPrefix[[]byte, uint64](digest))
	if err != nil {
		return nil, err
	}
	return &types.QueryVerificationsByEvidenceResponse{Verifications: list, Pagination: pageRes}, nil
}

// VerificationsByCase lists the verifications recorded in a case.
func (q queryServer) VerificationsByCase(ctx context.Context, req *types.QueryVerificationsByCaseRequest) (*types.QueryVerificationsByCaseResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	if req.CaseId == "" {
		return nil, types.ErrInvalidRequest.Wrap("case id is empty")
	}
	list, pageRes, err := query.CollectionPaginate(ctx, q.k.VerificationsByCase, collutil.Page(req.Pagination),
		func(key collections.Pair[string, uint64], _ collections.NoValue) (types.Verification, error) {
			return q.k.Verifications.Get(ctx, key.K2())
		}, query.WithCollectionPaginationPairPrefix[string, uint64](req.CaseId))
	if err != nil {
		return nil, err
	}
	return &types.QueryVerificationsByCaseResponse{Verifications: list, Pagination: pageRes}, nil
}

// CustodyEvents lists a digest's chain of custody in order.
func (q queryServer) CustodyEvents(ctx context.Context, req *types.QueryCustodyEventsRequest) (*types.QueryCustodyEventsResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	digest, err := types.ParseHex("digest", req.Digest)
	if err != nil {
		return nil, err
	}
	list, pageRes, err := query.CollectionPaginate(ctx, q.k.Custody, collutil.Page(req.Pagination),
		func(_ collections.Pair[[]byte, uint64], ev types.CustodyEvent) (types.CustodyEvent, error) {
			return ev, nil
		},
		query.WithCollectionPaginationPairPrefix[[]byte, uint64](digest))
	if err != nil {
		return nil, err
	}
	return &types.QueryCustodyEventsResponse{CustodyEvents: list, Pagination: pageRes}, nil
}
