package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/trustcity/trustcity/x/identity/types"
	"github.com/trustcity/trustcity/x/internal/collutil"
)

func TestQueriesNotFoundAndEmpty(t *testing.T) {
	f := newFixture(t)
	q := f.query
	_, err := q.Department(f.ctx, &types.QueryDepartmentRequest{Id: "nowhere"})
	require.ErrorIs(t, err, types.ErrDepartmentNotFound)
	_, err = q.Members(f.ctx, &types.QueryMembersRequest{DepartmentId: "nowhere"})
	require.ErrorIs(t, err, types.ErrDepartmentNotFound)
	_, err = q.ChildDepartments(f.ctx, &types.QueryChildDepartmentsRequest{Id: "nowhere"})
	require.ErrorIs(t, err, types.ErrDepartmentNotFound)
	_, err = q.Affiliation(f.ctx, &types.QueryAffiliationRequest{Address: f.addr["outsider"]})
	require.ErrorIs(t, err, types.ErrNotAffiliated)
	_, err = q.Affiliation(f.ctx, &types.QueryAffiliationRequest{Address: "nope"})
	require.ErrorIs(t, err, types.ErrInvalidAddress)
	_, err = q.Authorization(f.ctx, &types.QueryAuthorizationRequest{Address: f.addr["issuer"]})
	require.ErrorIs(t, err, types.ErrInvalidRequest, "a role is required")
	_, err = q.Did(f.ctx, &types.QueryDidRequest{Did: "did:trustcity:00000000-0000-4000-8000-000000000000"})
	require.ErrorIs(t, err, types.ErrDidNotFound)
	_, err = q.Did(f.ctx, &types.QueryDidRequest{Did: "x"})
	require.ErrorIs(t, err, types.ErrInvalidDid)
	_, err = q.DidVersions(f.ctx, &types.QueryDidVersionsRequest{Did: "did:trustcity:00000000-0000-4000-8000-000000000000"})
	require.ErrorIs(t, err, types.ErrDidNotFound)
	_, err = q.Credential(f.ctx, &types.QueryCredentialRequest{Id: credID(1)})
	require.ErrorIs(t, err, types.ErrCredentialNotFound)
	_, err = q.VerifyCredential(f.ctx, &types.QueryVerifyCredentialRequest{})
	require.ErrorIs(t, err, types.ErrInvalidRequest)
	_, err = q.VerifyCredential(f.ctx, &types.QueryVerifyCredentialRequest{Id: credID(1), Hash: make([]byte, 48)})
	require.ErrorIs(t, err, types.ErrInvalidRequest, "a hash of the wrong size is an error, not a mismatch")
	_, err = q.CredentialsBySubject(f.ctx, &types.QueryCredentialsBySubjectRequest{SubjectDid: "someone"})
	require.ErrorIs(t, err, types.ErrInvalidDid)
	_, err = q.CredentialsByIssuer(f.ctx, &types.QueryCredentialsByIssuerRequest{DepartmentId: "nowhere"})
	require.ErrorIs(t, err, types.ErrDepartmentNotFound)
	_, err = q.Device(f.ctx, &types.QueryDeviceRequest{Address: f.addr["outsider"]})
	require.ErrorIs(t, err, types.ErrDeviceNotFound)
	_, err = q.DevicesByDepartment(f.ctx, &types.QueryDevicesByDepartmentRequest{DepartmentId: "nowhere"})
	require.ErrorIs(t, err, types.ErrDepartmentNotFound)

	// Nil requests get an error, never a panic.
	_, err = q.Department(f.ctx, nil)
	require.ErrorIs(t, err, types.ErrInvalidRequest)
	_, err = q.Did(f.ctx, nil)
	require.ErrorIs(t, err, types.ErrInvalidRequest)
	_, err = q.StatusList(f.ctx, nil)
	require.ErrorIs(t, err, types.ErrInvalidRequest)
}

func TestQueriesPaginate(t *testing.T) {
	f := newFixture(t)
	top, err := f.query.ChildDepartments(f.ctx, &types.QueryChildDepartmentsRequest{})
	require.NoError(t, err)
	require.Equal(t, []string{"city", "court"}, top.Ids)
	children, err := f.query.ChildDepartments(f.ctx, &types.QueryChildDepartmentsRequest{Id: "city"})
	require.NoError(t, err)
	require.Equal(t, []string{"health", "transport"}, children.Ids)

	var ids []string
	var next []byte
	for {
		res, err := f.query.Departments(f.ctx, &types.QueryDepartmentsRequest{Pagination: &query.PageRequest{Key: next, Limit: 3}})
		require.NoError(t, err)
		for _, d := range res.Departments {
			ids = append(ids, d.Id)
		}
		if next = res.Pagination.NextKey; next == nil {
			break
		}
	}
	require.Equal(t, []string{"city", "court", "health", "transport"}, ids)

	members, err := f.query.Members(f.ctx, &types.QueryMembersRequest{DepartmentId: "transport", Pagination: &query.PageRequest{Limit: 1, CountTotal: true}})
	require.NoError(t, err)
	require.Len(t, members.Members, 1)
	require.Equal(t, uint64(2), members.Pagination.Total)

	// A huge limit is capped.
	res, err := f.query.Departments(f.ctx, &types.QueryDepartmentsRequest{Pagination: &query.PageRequest{Limit: collutil.MaxPageLimit * 10}})
	require.NoError(t, err)
	require.Len(t, res.Departments, 4)

	aff, err := f.query.Affiliation(f.ctx, &types.QueryAffiliationRequest{Address: f.addr["transportAdmin"]})
	require.NoError(t, err)
	require.True(t, aff.Admin)
	require.Len(t, aff.Roles, 3, "an admin may use every role of its department")
	dept, err := f.query.Department(f.ctx, &types.QueryDepartmentRequest{Id: "health"})
	require.NoError(t, err)
	require.False(t, dept.Active)
}
