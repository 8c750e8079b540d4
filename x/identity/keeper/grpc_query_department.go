package keeper

import (
	"context"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/trustcity/trustcity/x/identity/types"
	"github.com/trustcity/trustcity/x/internal/collutil"
)

// Department returns a department and whether it can act now.
func (q queryServer) Department(ctx context.Context, req *types.QueryDepartmentRequest) (*types.QueryDepartmentResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	d, err := q.k.GetDepartment(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	return &types.QueryDepartmentResponse{Department: d, Active: q.k.CheckActive(ctx, d) == nil}, nil
}

// Departments lists every department by id.
func (q queryServer) Departments(ctx context.Context, req *types.QueryDepartmentsRequest) (*types.QueryDepartmentsResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	list, pageRes, err := query.CollectionPaginate(ctx, q.k.Departments, collutil.Page(req.Pagination),
		func(_ string, d types.Department) (types.Department, error) { return d, nil })
	if err != nil {
		return nil, err
	}
	return &types.QueryDepartmentsResponse{Departments: list, Pagination: pageRes}, nil
}

// ChildDepartments lists a department's children ("" for top-level ones).
func (q queryServer) ChildDepartments(ctx context.Context, req *types.QueryChildDepartmentsRequest) (*types.QueryChildDepartmentsResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	if req.Id != "" {
		if _, err := q.k.GetDepartment(ctx, req.Id); err != nil {
			return nil, err
		}
	}
	ids, pageRes, err := query.CollectionPaginate(ctx, q.k.Children, collutil.Page(req.Pagination),
		func(key collections.Pair[string, string], _ collections.NoValue) (string, error) {
			return key.K2(), nil
		},
		pairPrefix[string, string](req.Id))
	if err != nil {
		return nil, err
	}
	return &types.QueryChildDepartmentsResponse{Ids: ids, Pagination: pageRes}, nil
}

// Members lists a department's members.
func (q queryServer) Members(ctx context.Context, req *types.QueryMembersRequest) (*types.QueryMembersResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	if _, err := q.k.GetDepartment(ctx, req.DepartmentId); err != nil {
		return nil, err
	}
	members, pageRes, err := query.CollectionPaginate(ctx, q.k.Members, collutil.Page(req.Pagination),
		func(_ collections.Pair[string, sdk.AccAddress], m types.Member) (types.Member, error) { return m, nil },
		pairPrefix[string, sdk.AccAddress](req.DepartmentId))
	if err != nil {
		return nil, err
	}
	return &types.QueryMembersResponse{Members: members, Pagination: pageRes}, nil
}

// Affiliation returns the department an account belongs to and its roles.
func (q queryServer) Affiliation(ctx context.Context, req *types.QueryAffiliationRequest) (*types.QueryAffiliationResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	addr, err := q.k.decodeAddress("address", req.Address)
	if err != nil {
		return nil, err
	}
	aff, err := q.k.Affiliations.Get(ctx, addr)
	if isNotFound(err) {
		return nil, types.ErrNotAffiliated.Wrapf("account %s is not the admin or a member of any department", req.Address)
	} else if err != nil {
		return nil, err
	}
	d, err := q.k.GetDepartment(ctx, aff.DepartmentId)
	if err != nil {
		return nil, err
	}
	roles := d.Roles
	if !aff.Admin {
		m, err := q.k.Members.Get(ctx, collections.Join(d.Id, addr))
		if err != nil {
			return nil, err
		}
		roles = m.Roles
	}
	return &types.QueryAffiliationResponse{DepartmentId: d.Id, Admin: aff.Admin, Roles: roles}, nil
}

// Authorization runs AuthorizeRole and reports its answer.
func (q queryServer) Authorization(ctx context.Context, req *types.QueryAuthorizationRequest) (*types.QueryAuthorizationResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	addr, err := q.k.decodeAddress("address", req.Address)
	if err != nil {
		return nil, err
	}
	if _, err := types.NormalizeRoles([]types.Role{req.Role}); err != nil {
		return nil, err
	}
	dept, err := q.k.AuthorizeRole(ctx, addr, req.Role)
	if err != nil {
		return &types.QueryAuthorizationResponse{Authorized: false, Reason: err.Error()}, nil
	}
	return &types.QueryAuthorizationResponse{Authorized: true, DepartmentId: dept}, nil
}
