package keeper

import (
	"context"
	"slices"
	"time"

	"cosmossdk.io/collections"

	"github.com/trustcity/trustcity/x/datashare/types"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

// RequestAccess records a request for access. A request from a department
// on a public or internal dataset that one of the owner's auto-approval
// rules matches is granted in the same transaction.
func (m msgServer) RequestAccess(ctx context.Context, msg *types.MsgRequestAccess) (*types.MsgRequestAccessResponse, error) {
	signer, signerStr, err := m.signer(msg.Signer)
	if err != nil {
		return nil, err
	}
	p, err := m.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	if err := types.ValidateName("purpose", msg.Purpose, p.MaxTextLength); err != nil {
		return nil, err
	}
	if err := types.ValidateDuration("duration", msg.Duration, p.MaxGrantDuration); err != nil {
		return nil, err
	}
	d, err := m.GetDataset(ctx, msg.DatasetId)
	if err != nil {
		return nil, err
	}
	grantee, err := m.actor(ctx, signer, msg.Grantee)
	if err != nil {
		return nil, err
	}
	switch {
	case types.IsDID(grantee) && grantee != d.Subject:
		return nil, types.ErrUnauthorized.Wrapf("%s is not the subject of dataset %q: only the subject requests as a DID", grantee, d.Id)
	case grantee == d.Owner:
		return nil, types.ErrOwnDataset.Wrapf("department %q owns dataset %q", grantee, d.Id)
	}
	// Rules are matched before anything is written: the request is stored
	// once, with its final status.
	rule, err := m.matchRule(ctx, d, grantee, msg.Duration, p)
	if err != nil {
		return nil, err
	}
	id, err := m.RequestSeq.Next(ctx)
	if err != nil {
		return nil, err
	}
	height, now := blockInfo(ctx)
	r := types.AccessRequest{
		Id: id, DatasetId: d.Id, Grantee: grantee, Requester: signerStr, Purpose: msg.Purpose,
		Duration: msg.Duration, Status: types.RequestStatus_REQUEST_STATUS_PENDING, Height: height, RequestedAt: now,
	}
	if err := emit(ctx, &types.EventAccessRequested{RequestId: id, DatasetId: d.Id, Grantee: grantee, Purpose: r.Purpose}); err != nil {
		return nil, err
	}
	if rule == nil {
		return &types.MsgRequestAccessResponse{RequestId: id}, m.setRequest(ctx, r)
	}
	g, superseded, err := m.issueGrant(ctx, &r, r.Duration, "", rule.Id)
	if err != nil {
		return nil, err
	}
	r.Status = types.RequestStatus_REQUEST_STATUS_APPROVED
	if err := m.setRequest(ctx, r); err != nil {
		return nil, err
	}
	return &types.MsgRequestAccessResponse{RequestId: id, GrantId: g.Id, RuleId: rule.Id}, emit(ctx, &types.EventAutomatedDataExchange{
		RequestId: id, GrantId: g.Id, DatasetId: d.Id, Grantee: grantee, RuleId: rule.Id, ExpiresAt: g.ExpiresAt, Superseded: superseded,
	})
}

// matchRule returns the first (by id) of the dataset's auto-approval rules
// the request matches, charging rule_gas per rule looked at. The dataset
// lists its rule ids, so matching reads each rule by key and never opens an
// iterator over a store the block has written to. Requests for
// personal data and requests by a data subject never match.
func (k Keeper) matchRule(ctx context.Context, d types.Dataset, grantee string, duration time.Duration, p types.Params) (*types.AutoApprovalRule, error) {
	if d.Sensitivity == types.Sensitivity_SENSITIVITY_PERSONAL || types.IsDID(grantee) {
		return nil, nil
	}
	var dept *identitytypes.Department
	for _, id := range d.RuleIds {
		consumeGas(ctx, p.RuleGas, "datashare: auto-approval rule")
		rule, err := k.Rules.Get(ctx, collections.Join(d.Id, id))
		if err != nil {
			return nil, err
		}
		if duration > rule.MaxDuration {
			continue
		}
		if slices.Contains(rule.Departments, grantee) {
			return &rule, nil
		}
		if rule.Role == identitytypes.Role_ROLE_UNSPECIFIED {
			continue
		}
		if dept == nil {
			got, err := k.identity.GetDepartment(ctx, grantee)
			if err != nil {
				return nil, err
			}
			dept = &got
		}
		if identitytypes.HasRole(dept.Roles, rule.Role) {
			return &rule, nil
		}
	}
	return nil, nil
}

// ApproveRequest grants a pending request, optionally for a shorter
// duration than asked.
func (m msgServer) ApproveRequest(ctx context.Context, msg *types.MsgApproveRequest) (*types.MsgApproveRequestResponse, error) {
	signer, signerStr, err := m.signer(msg.Signer)
	if err != nil {
		return nil, err
	}
	r, d, err := m.pendingRequest(ctx, msg.RequestId)
	if err != nil {
		return nil, err
	}
	if err := m.authorizeOwner(ctx, signer, signerStr, d); err != nil {
		return nil, err
	}
	duration := r.Duration
	if msg.Duration != 0 {
		if err := types.ValidateDuration("duration", msg.Duration, r.Duration); err != nil {
			return nil, types.ErrInvalidDuration.Wrapf("approval may only shorten the requested %s: %s", r.Duration, err)
		}
		duration = msg.Duration
	}
	g, superseded, err := m.issueGrant(ctx, &r, duration, signerStr, 0)
	if err != nil {
		return nil, err
	}
	if err := m.decide(ctx, &r, types.RequestStatus_REQUEST_STATUS_APPROVED); err != nil {
		return nil, err
	}
	return &types.MsgApproveRequestResponse{GrantId: g.Id}, emit(ctx, &types.EventAccessGranted{
		RequestId: r.Id, GrantId: g.Id, DatasetId: d.Id, Grantee: g.Grantee, ExpiresAt: g.ExpiresAt,
		ApprovedBy: signerStr, Superseded: superseded,
	})
}

// pendingRequest returns a pending request with its dataset.
func (k Keeper) pendingRequest(ctx context.Context, id uint64) (types.AccessRequest, types.Dataset, error) {
	r, err := k.GetRequest(ctx, id)
	if err != nil {
		return r, types.Dataset{}, err
	}
	if r.Status != types.RequestStatus_REQUEST_STATUS_PENDING {
		return r, types.Dataset{}, types.ErrRequestNotPending.Wrapf("request %d is %s", r.Id, r.Status.Short())
	}
	d, err := k.GetDataset(ctx, r.DatasetId)
	return r, d, err
}

// RejectRequest rejects a pending request with a reason.
func (m msgServer) RejectRequest(ctx context.Context, msg *types.MsgRejectRequest) (*types.MsgRejectRequestResponse, error) {
	signer, signerStr, err := m.signer(msg.Signer)
	if err != nil {
		return nil, err
	}
	p, err := m.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	if err := types.ValidateText("reason", msg.Reason, p.MaxTextLength); err != nil {
		return nil, err
	}
	r, d, err := m.pendingRequest(ctx, msg.RequestId)
	if err != nil {
		return nil, err
	}
	if err := m.authorizeOwner(ctx, signer, signerStr, d); err != nil {
		return nil, err
	}
	height, _ := blockInfo(ctx)
	r.DecidedBy, r.DecidedHeight, r.Reason = signerStr, height, msg.Reason
	if err := m.decide(ctx, &r, types.RequestStatus_REQUEST_STATUS_REJECTED); err != nil {
		return nil, err
	}
	return &types.MsgRejectRequestResponse{}, emit(ctx, &types.EventAccessRejected{
		RequestId: r.Id, DatasetId: d.Id, Grantee: r.Grantee, Reason: msg.Reason,
	})
}
