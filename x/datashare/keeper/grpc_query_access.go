package keeper

import (
	"context"

	"cosmossdk.io/collections"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/trustcity/trustcity/x/datashare/types"
	"github.com/trustcity/trustcity/x/internal/collutil"
)

// Request returns an access request.
func (q queryServer) Request(ctx context.Context, req *types.QueryRequestRequest) (*types.QueryRequestResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	r, err := q.k.GetRequest(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	return &types.QueryRequestResponse{Request: r}, nil
}

// Requests lists requests by dataset, grantee or status; the other given
// filters narrow the list.
func (q queryServer) Requests(ctx context.Context, req *types.QueryRequestsRequest) (*types.QueryRequestsResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	keep := func(r types.AccessRequest) bool {
		return (req.DatasetId == "" || r.DatasetId == req.DatasetId) &&
			(req.Grantee == "" || r.Grantee == req.Grantee) &&
			(req.Status == types.RequestStatus_REQUEST_STATUS_UNSPECIFIED || r.Status == req.Status)
	}
	byID := func(id uint64) (bool, error) {
		r, err := q.k.Requests.Get(ctx, id)
		return err == nil && keep(r), err
	}
	get := func(id uint64) (types.AccessRequest, error) { return q.k.Requests.Get(ctx, id) }
	var (
		list []types.AccessRequest
		page *query.PageResponse
		err  error
	)
	switch {
	case req.DatasetId != "" || req.Grantee != "":
		index, prefix := q.k.RequestsByDataset, req.DatasetId
		if req.DatasetId == "" {
			index, prefix = q.k.RequestsByGrantee, req.Grantee
		}
		list, page, err = query.CollectionFilteredPaginate(ctx, index, collutil.Page(req.Pagination),
			func(key pairSU, _ collections.NoValue) (bool, error) { return byID(key.K2()) },
			func(key pairSU, _ collections.NoValue) (types.AccessRequest, error) { return get(key.K2()) },
			query.WithCollectionPaginationPairPrefix[string, uint64](prefix))
	case req.Status == types.RequestStatus_REQUEST_STATUS_PENDING:
		list, page, err = query.CollectionPaginate(ctx, q.k.PendingRequests, collutil.Page(req.Pagination),
			func(id uint64, _ collections.NoValue) (types.AccessRequest, error) { return get(id) })
	case req.Status != types.RequestStatus_REQUEST_STATUS_UNSPECIFIED:
		return nil, types.ErrInvalidRequest.Wrap("decided requests are listed by dataset_id or grantee (status narrows the list)")
	default:
		return nil, types.ErrInvalidRequest.Wrap("give a dataset_id, a grantee or the pending status")
	}
	if err != nil {
		return nil, err
	}
	return &types.QueryRequestsResponse{Requests: list, Pagination: page}, nil
}

// Grant returns a grant, its status computed at the block time.
func (q queryServer) Grant(ctx context.Context, req *types.QueryGrantRequest) (*types.QueryGrantResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	g, err := q.k.GetGrant(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	_, now := blockInfo(ctx)
	g.Status = g.EffectiveStatus(now)
	return &types.QueryGrantResponse{Grant: g}, nil
}

// Grants lists the grants on a dataset or of a grantee, statuses computed at
// the block time.
func (q queryServer) Grants(ctx context.Context, req *types.QueryGrantsRequest) (*types.QueryGrantsResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	index, prefix := q.k.RequestsByDataset, req.DatasetId
	switch {
	case req.DatasetId != "" && req.Grantee != "":
		return nil, types.ErrInvalidRequest.Wrap("give a dataset_id or a grantee, not both: check-access answers for a pair")
	case req.Grantee != "":
		index, prefix = q.k.RequestsByGrantee, req.Grantee
	case req.DatasetId == "":
		return nil, types.ErrInvalidRequest.Wrap("give a dataset_id or a grantee")
	}
	// The request indexes list the grants, through approved requests.
	_, now := blockInfo(ctx)
	list, page, err := query.CollectionFilteredPaginate(ctx, index, collutil.Page(req.Pagination),
		func(key pairSU, _ collections.NoValue) (bool, error) {
			r, err := q.k.Requests.Get(ctx, key.K2())
			return err == nil && r.GrantId != 0, err
		},
		func(key pairSU, _ collections.NoValue) (types.Grant, error) {
			r, err := q.k.Requests.Get(ctx, key.K2())
			if err != nil {
				return types.Grant{}, err
			}
			g, err := q.k.Grants.Get(ctx, r.GrantId)
			g.Status = g.EffectiveStatus(now)
			return g, err
		}, query.WithCollectionPaginationPairPrefix[string, uint64](prefix))
	if err != nil {
		return nil, err
	}
	return &types.QueryGrantsResponse{Grants: list, Pagination: page}, nil
}

// CheckAccess answers whether a grantee may use a dataset now, and why not.
func (q queryServer) CheckAccess(ctx context.Context, req *types.QueryCheckAccessRequest) (*types.QueryCheckAccessResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	grantee, err := types.NormalizeGrantee(req.Grantee)
	if err != nil {
		return nil, err
	}
	d, err := q.k.GetDataset(ctx, req.DatasetId)
	if err != nil {
		return nil, err
	}
	res, err := q.k.access(ctx, d, grantee)
	if err != nil {
		return nil, err
	}
	return &types.QueryCheckAccessResponse{
		Allowed: res.allowed(), Denial: res.denial, Detail: res.detail, Grant: res.grant, Consent: res.consent,
	}, nil
}

// AutoApprovalRules lists a dataset's rules in the order they are tried.
func (q queryServer) AutoApprovalRules(ctx context.Context, req *types.QueryAutoApprovalRulesRequest) (*types.QueryAutoApprovalRulesResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	list, page, err := query.CollectionPaginate(ctx, q.k.Rules, collutil.Page(req.Pagination),
		func(_ pairSU, r types.AutoApprovalRule) (types.AutoApprovalRule, error) { return r, nil },
		query.WithCollectionPaginationPairPrefix[string, uint64](req.DatasetId))
	if err != nil {
		return nil, err
	}
	return &types.QueryAutoApprovalRulesResponse{Rules: list, Pagination: page}, nil
}

// Consent returns a consent, its status computed at the block time.
func (q queryServer) Consent(ctx context.Context, req *types.QueryConsentRequest) (*types.QueryConsentResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	c, err := q.k.GetConsent(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	_, now := blockInfo(ctx)
	c.Status = c.EffectiveStatus(now)
	return &types.QueryConsentResponse{Consent: c}, nil
}

// Consents lists the consents a subject gave, oldest first.
func (q queryServer) Consents(ctx context.Context, req *types.QueryConsentsRequest) (*types.QueryConsentsResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	if req.Subject == "" {
		return nil, types.ErrInvalidRequest.Wrap("give the subject's DID")
	}
	subject, err := types.NormalizeGrantee(req.Subject)
	if err != nil {
		return nil, err
	}
	_, now := blockInfo(ctx)
	list, page, err := query.CollectionPaginate(ctx, q.k.ConsentsBySubject, collutil.Page(req.Pagination),
		func(key pairSU, _ collections.NoValue) (types.Consent, error) {
			c, err := q.k.Consents.Get(ctx, key.K2())
			c.Status = c.EffectiveStatus(now)
			return c, err
		}, query.WithCollectionPaginationPairPrefix[string, uint64](subject))
	if err != nil {
		return nil, err
	}
	return &types.QueryConsentsResponse{Consents: list, Pagination: page}, nil
}

// KeyEnvelopes lists the envelopes posted for a grant, by version.
func (q queryServer) KeyEnvelopes(ctx context.Context, req *types.QueryKeyEnvelopesRequest) (*types.QueryKeyEnvelopesResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	list, page, err := query.CollectionPaginate(ctx, q.k.Envelopes, collutil.Page(req.Pagination),
		func(_ pairUU, e types.KeyEnvelope) (types.KeyEnvelope, error) { return e, nil },
		query.WithCollectionPaginationPairPrefix[uint64, uint64](req.GrantId))
	if err != nil {
		return nil, err
	}
	return &types.QueryKeyEnvelopesResponse{Envelopes: list, Pagination: page}, nil
}

// AccessLogs lists recorded uses by dataset, grantee or subject.
func (q queryServer) AccessLogs(ctx context.Context, req *types.QueryAccessLogsRequest) (*types.QueryAccessLogsResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	index, prefix, given := q.k.LogsByDataset, req.DatasetId, 0
	for _, f := range []string{req.DatasetId, req.Grantee, req.Subject} {
		if f != "" {
			given++
		}
	}
	if given != 1 {
		return nil, types.ErrInvalidRequest.Wrap("give exactly one of dataset_id, grantee, subject")
	}
	switch {
	case req.Grantee != "":
		index, prefix = q.k.LogsByGrantee, req.Grantee
	case req.Subject != "":
		subject, err := types.NormalizeGrantee(req.Subject)
		if err != nil {
			return nil, err
		}
		index, prefix = q.k.LogsBySubject, subject
	}
	list, page, err := query.CollectionPaginate(ctx, index, collutil.Page(req.Pagination),
		func(key pairSU, _ collections.NoValue) (types.AccessLog, error) {
			return q.k.AccessLogs.Get(ctx, key.K2())
		},
		query.WithCollectionPaginationPairPrefix[string, uint64](prefix))
	if err != nil {
		return nil, err
	}
	return &types.QueryAccessLogsResponse{Logs: list, Pagination: page}, nil
}

// Subscriptions lists the subscriptions to a dataset or of a subscriber.
func (q queryServer) Subscriptions(ctx context.Context, req *types.QuerySubscriptionsRequest) (*types.QuerySubscriptionsResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	var (
		list []types.Subscription
		page *query.PageResponse
		err  error
	)
	switch {
	case (req.DatasetId == "") == (req.Subscriber == ""):
		return nil, types.ErrInvalidRequest.Wrap("give exactly one of dataset_id, subscriber")
	case req.DatasetId != "":
		list, page, err = query.CollectionPaginate(ctx, q.k.Subscriptions, collutil.Page(req.Pagination),
			func(_ pairSS, s types.Subscription) (types.Subscription, error) { return s, nil },
			query.WithCollectionPaginationPairPrefix[string, string](req.DatasetId))
	default:
		list, page, err = query.CollectionPaginate(ctx, q.k.SubsBySubscriber, collutil.Page(req.Pagination),
			func(key pairSS, _ collections.NoValue) (types.Subscription, error) {
				return q.k.Subscriptions.Get(ctx, collections.Join(key.K2(), key.K1()))
			}, query.WithCollectionPaginationPairPrefix[string, string](req.Subscriber))
	}
	if err != nil {
		return nil, err
	}
	return &types.QuerySubscriptionsResponse{Subscriptions: list, Pagination: page}, nil
}
