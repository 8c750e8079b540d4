package keeper

import (
	"context"
	"crypto/sha256"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/trustcity/trustcity/x/identity/types"
	"github.com/trustcity/trustcity/x/internal/collutil"
)

// Credential returns a credential anchor.
func (q queryServer) Credential(ctx context.Context, req *types.QueryCredentialRequest) (*types.QueryCredentialResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	c, err := q.k.GetCredential(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	return &types.QueryCredentialResponse{Credential: c}, nil
}

// VerifyCredential answers whether a credential is valid now, and why not.
func (q queryServer) VerifyCredential(ctx context.Context, req *types.QueryVerifyCredentialRequest) (*types.QueryVerifyCredentialResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	if req.Id == "" {
		return nil, types.ErrInvalidRequest.Wrap("credential id is empty")
	}
	if len(req.Hash) != 0 && len(req.Hash) != sha256.Size {
		return nil, types.ErrInvalidRequest.Wrapf("hash must be a %d-byte SHA-256 digest, got %d bytes (over REST: standard base64, URL-escaped)", sha256.Size, len(req.Hash))
	}
	failure, c, err := q.k.VerifyCredential(ctx, req.Id, req.Hash)
	if err != nil {
		return nil, err
	}
	return &types.QueryVerifyCredentialResponse{
		Valid:      failure == types.VerificationFailure_VERIFICATION_FAILURE_UNSPECIFIED,
		Failure:    failure,
		Credential: c,
		CheckedAt:  sdk.UnwrapSDKContext(ctx).BlockTime(),
	}, nil
}

// credentialsByIndex pages through one of the credential indexes.
func (q queryServer) credentialsByIndex(ctx context.Context, index collections.KeySet[collections.Pair[string, string]], prefix string, req *query.PageRequest) ([]types.Credential, *query.PageResponse, error) {
	return query.CollectionPaginate(ctx, index, collutil.Page(req),
		func(key collections.Pair[string, string], _ collections.NoValue) (types.Credential, error) {
			return q.k.GetCredential(ctx, key.K2())
		},
		pairPrefix[string, string](prefix))
}

// CredentialsByIssuer lists the credentials a department issued.
func (q queryServer) CredentialsByIssuer(ctx context.Context, req *types.QueryCredentialsByIssuerRequest) (*types.QueryCredentialsByIssuerResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	if _, err := q.k.GetDepartment(ctx, req.DepartmentId); err != nil {
		return nil, err
	}
	list, pageRes, err := q.credentialsByIndex(ctx, q.k.CredentialsByIssuer, req.DepartmentId, req.Pagination)
	if err != nil {
		return nil, err
	}
	return &types.QueryCredentialsByIssuerResponse{Credentials: list, Pagination: pageRes}, nil
}

// CredentialsBySubject lists the credentials issued to a subject DID.
func (q queryServer) CredentialsBySubject(ctx context.Context, req *types.QueryCredentialsBySubjectRequest) (*types.QueryCredentialsBySubjectResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	if err := types.ValidateAnyDID("subject DID", req.SubjectDid); err != nil {
		return nil, err
	}
	list, pageRes, err := q.credentialsByIndex(ctx, q.k.CredentialsBySubject, req.SubjectDid, req.Pagination)
	if err != nil {
		return nil, err
	}
	return &types.QueryCredentialsBySubjectResponse{Credentials: list, Pagination: pageRes}, nil
}

// CredentialsByType lists the credentials of one type.
func (q queryServer) CredentialsByType(ctx context.Context, req *types.QueryCredentialsByTypeRequest) (*types.QueryCredentialsByTypeResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	if req.Type == "" {
		return nil, types.ErrInvalidRequest.Wrap("credential type is empty")
	}
	list, pageRes, err := q.credentialsByIndex(ctx, q.k.CredentialsByType, req.Type, req.Pagination)
	if err != nil {
		return nil, err
	}
	return &types.QueryCredentialsByTypeResponse{Credentials: list, Pagination: pageRes}, nil
}

// StatusList returns one Bitstring Status List of an issuer department.
func (q queryServer) StatusList(ctx context.Context, req *types.QueryStatusListRequest) (*types.QueryStatusListResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	d, err := q.k.GetDepartment(ctx, req.DepartmentId)
	if err != nil {
		return nil, err
	}
	if req.Purpose.Purpose() == "" {
		return nil, types.ErrInvalidRequest.Wrapf("purpose must be STATUS_PURPOSE_REVOCATION or STATUS_PURPOSE_SUSPENSION, got %s", req.Purpose)
	}
	next, err := q.k.StatusListNext.Get(ctx, d.Id)
	if err != nil && !isNotFound(err) {
		return nil, err
	}
	if last := lastList(next); req.List > last {
		return nil, types.ErrStatusListNotFound.Wrapf("department %q has status lists 0 to %d, not %d", d.Id, last, req.List)
	}
	bits, err := q.k.StatusListBits(ctx, d.Id, req.Purpose, req.List)
	if err != nil {
		return nil, err
	}
	encoded, err := types.EncodeStatusList(bits)
	if err != nil {
		return nil, err
	}
	issuer := d.Did
	if issuer == "" {
		issuer = types.DepartmentURN(d.Id)
	}
	cred, err := types.MarshalStatusListCredential(issuer, d.Id, req.Purpose, req.List, encoded, sdk.UnwrapSDKContext(ctx).BlockTime())
	if err != nil {
		return nil, err
	}
	return &types.QueryStatusListResponse{EncodedList: encoded, ListLength: types.StatusListLength, Credential: cred}, nil
}

// lastList is the number of an issuer's last status list given its next
// free index; list 0 exists (empty) before the first credential.
func lastList(next uint64) uint64 {
	if next == 0 {
		return 0
	}
	return (next - 1) / types.StatusListLength
}
