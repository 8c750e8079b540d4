package keeper

import (
	"context"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/trustcity/trustcity/x/funds/types"
	"github.com/trustcity/trustcity/x/internal/collutil"
)

type queryServer struct {
	k Keeper
}

var _ types.QueryServer = queryServer{}

// NewQueryServerImpl returns the funds Query service over the keeper.
func NewQueryServerImpl(k Keeper) types.QueryServer { return queryServer{k: k} }

var errEmptyRequest = types.ErrInvalidRequest.Wrap("empty request")

// triplePrefix pages through the keys of a triple-keyed set starting with k1.
func triplePrefix[K1, K2, K3 any](k1 K1) func(o *query.CollectionsPaginateOptions[collections.Triple[K1, K2, K3]]) {
	return func(o *query.CollectionsPaginateOptions[collections.Triple[K1, K2, K3]]) {
		p := collections.TriplePrefix[K1, K2, K3](k1)
		o.Prefix = &p
	}
}

// tripleSuperPrefix pages through the keys starting with (k1, k2).
func tripleSuperPrefix[K1, K2, K3 any](k1 K1, k2 K2) func(o *query.CollectionsPaginateOptions[collections.Triple[K1, K2, K3]]) {
	return func(o *query.CollectionsPaginateOptions[collections.Triple[K1, K2, K3]]) {
		p := collections.TripleSuperPrefix[K1, K2, K3](k1, k2)
		o.Prefix = &p
	}
}

// Params returns the module parameters.
func (q queryServer) Params(ctx context.Context, _ *types.QueryParamsRequest) (*types.QueryParamsResponse, error) {
	p, err := q.k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	return &types.QueryParamsResponse{Params: p}, nil
}

// Program returns a program and its summary.
func (q queryServer) Program(ctx context.Context, req *types.QueryProgramRequest) (*types.QueryProgramResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	p, err := q.k.GetProgram(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	root, err := q.k.GetAllocation(ctx, p.RootAllocationId)
	if err != nil {
		return nil, err
	}
	return &types.QueryProgramResponse{Program: p, Summary: p.Summary(root)}, nil
}

// Programs lists programs.
func (q queryServer) Programs(ctx context.Context, req *types.QueryProgramsRequest) (*types.QueryProgramsResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	list, page, err := query.CollectionPaginate(ctx, q.k.Programs, collutil.Page(req.Pagination),
		func(_ uint64, p types.Program) (types.Program, error) { return p, nil })
	if err != nil {
		return nil, err
	}
	return &types.QueryProgramsResponse{Programs: list, Pagination: page}, nil
}

// Allocation returns an allocation and its summary.
func (q queryServer) Allocation(ctx context.Context, req *types.QueryAllocationRequest) (*types.QueryAllocationResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	a, err := q.k.GetAllocation(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	p, err := q.k.GetProgram(ctx, a.ProgramId)
	if err != nil {
		return nil, err
	}
	summary := a.Summary(p.Denom)
	if p.Status == types.ProgramStatus_PROGRAM_STATUS_CLOSED {
		summary.Available = math.ZeroInt() // refunded at closing
	}
	return &types.QueryAllocationResponse{Allocation: a, Summary: summary}, nil
}

// AllocationTree lists a program's allocations by depth, then id.
func (q queryServer) AllocationTree(ctx context.Context, req *types.QueryAllocationTreeRequest) (*types.QueryAllocationTreeResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	if _, err := q.k.GetProgram(ctx, req.ProgramId); err != nil {
		return nil, err
	}
	list, page, err := query.CollectionPaginate(ctx, q.k.Tree, collutil.Page(req.Pagination),
		func(key tripUUU, _ collections.NoValue) (types.Allocation, error) {
			return q.k.Allocations.Get(ctx, key.K3())
		},
		triplePrefix[uint64, uint32, uint64](req.ProgramId))
	if err != nil {
		return nil, err
	}
	return &types.QueryAllocationTreeResponse{Allocations: list, Pagination: page}, nil
}

// Children lists an allocation's children, by department id.
func (q queryServer) Children(ctx context.Context, req *types.QueryChildrenRequest) (*types.QueryChildrenResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	if _, err := q.k.GetAllocation(ctx, req.Id); err != nil {
		return nil, err
	}
	list, page, err := query.CollectionPaginate(ctx, q.k.Children, collutil.Page(req.Pagination),
		func(_ pairUS, id uint64) (types.Allocation, error) { return q.k.Allocations.Get(ctx, id) },
		query.WithCollectionPaginationPairPrefix[uint64, string](req.Id))
	if err != nil {
		return nil, err
	}
	return &types.QueryChildrenResponse{Allocations: list, Pagination: page}, nil
}

// Disbursement returns a disbursement.
func (q queryServer) Disbursement(ctx context.Context, req *types.QueryDisbursementRequest) (*types.QueryDisbursementResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	d, err := q.k.GetDisbursement(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	return &types.QueryDisbursementResponse{Disbursement: d}, nil
}

// Disbursements lists an allocation's disbursements.
func (q queryServer) Disbursements(ctx context.Context, req *types.QueryDisbursementsRequest) (*types.QueryDisbursementsResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	if _, err := q.k.GetAllocation(ctx, req.AllocationId); err != nil {
		return nil, err
	}
	list, page, err := q.disbursementsOf(ctx, q.k.DisbursementsByAllocation, req.AllocationId, req.Pagination)
	if err != nil {
		return nil, err
	}
	return &types.QueryDisbursementsResponse{Disbursements: list, Pagination: page}, nil
}

// PendingApprovals lists a program's pending disbursements.
func (q queryServer) PendingApprovals(ctx context.Context, req *types.QueryPendingApprovalsRequest) (*types.QueryPendingApprovalsResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	if _, err := q.k.GetProgram(ctx, req.ProgramId); err != nil {
		return nil, err
	}
	list, page, err := q.disbursementsOf(ctx, q.k.Pending, req.ProgramId, req.Pagination)
	if err != nil {
		return nil, err
	}
	return &types.QueryPendingApprovalsResponse{Disbursements: list, Pagination: page}, nil
}

// disbursementsOf pages through a (prefix, disbursement id) index.
func (q queryServer) disbursementsOf(ctx context.Context, index collections.KeySet[pairUU], prefix uint64, req *query.PageRequest) ([]types.Disbursement, *query.PageResponse, error) {
	return query.CollectionPaginate(ctx, index, collutil.Page(req),
		func(key pairUU, _ collections.NoValue) (types.Disbursement, error) {
			return q.k.Disbursements.Get(ctx, key.K2())
		},
		query.WithCollectionPaginationPairPrefix[uint64, uint64](prefix))
}

// Milestone returns a milestone.
func (q queryServer) Milestone(ctx context.Context, req *types.QueryMilestoneRequest) (*types.QueryMilestoneResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	m, err := q.k.GetMilestone(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	return &types.QueryMilestoneResponse{Milestone: m}, nil
}

// Milestones lists a program's milestones.
func (q queryServer) Milestones(ctx context.Context, req *types.QueryMilestonesRequest) (*types.QueryMilestonesResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	if _, err := q.k.GetProgram(ctx, req.ProgramId); err != nil {
		return nil, err
	}
	list, page, err := query.CollectionPaginate(ctx, q.k.MilestonesByProgram, collutil.Page(req.Pagination),
		func(key pairUU, _ collections.NoValue) (types.Milestone, error) {
			return q.k.Milestones.Get(ctx, key.K2())
		},
		query.WithCollectionPaginationPairPrefix[uint64, uint64](req.ProgramId))
	if err != nil {
		return nil, err
	}
	return &types.QueryMilestonesResponse{Milestones: list, Pagination: page}, nil
}
