package keeper

import (
	"context"
	"fmt"
	"time"

	"cosmossdk.io/collections"

	"github.com/trustcity/trustcity/x/datashare/types"
)

// decide moves a pending request to its decided status.
func (k Keeper) decide(ctx context.Context, r *types.AccessRequest, status types.RequestStatus) error {
	if err := k.PendingRequests.Remove(ctx, r.Id); err != nil {
		return err
	}
	r.Status = status
	return k.Requests.Set(ctx, r.Id, *r)
}

// setRequest writes a new request with its indexes.
func (k Keeper) setRequest(ctx context.Context, r types.AccessRequest) error {
	if err := k.Requests.Set(ctx, r.Id, r); err != nil {
		return err
	}
	if err := k.RequestsByDataset.Set(ctx, collections.Join(r.DatasetId, r.Id)); err != nil {
		return err
	}
	if err := k.RequestsByGrantee.Set(ctx, collections.Join(r.Grantee, r.Id)); err != nil {
		return err
	}
	if r.Status != types.RequestStatus_REQUEST_STATUS_PENDING {
		return nil
	}
	return k.PendingRequests.Set(ctx, r.Id)
}

// issueGrant writes the grant a request earns, running for duration from
// now, and records it on the request (which the caller writes with its new
// status). approvedBy is empty when rule ruleID approved. A grant the
// grantee still held on the dataset is superseded; its id is returned.
func (k Keeper) issueGrant(ctx context.Context, r *types.AccessRequest, duration time.Duration, approvedBy string, ruleID uint64) (types.Grant, uint64, error) {
	height, now := blockInfo(ctx)
	superseded, err := k.supersedeGrant(ctx, r.DatasetId, r.Grantee, now)
	if err != nil {
		return types.Grant{}, 0, err
	}
	id, err := k.GrantSeq.Next(ctx)
	if err != nil {
		return types.Grant{}, 0, err
	}
	g := types.Grant{
		Id: id, DatasetId: r.DatasetId, Grantee: r.Grantee, RequestId: r.Id, Purpose: r.Purpose,
		GrantedAt: now, ExpiresAt: now.Add(duration), Status: types.GrantStatus_GRANT_STATUS_ACTIVE,
		ApprovedBy: approvedBy, RuleId: ruleID, Height: height,
	}
	if err := k.setGrant(ctx, g); err != nil {
		return g, 0, err
	}
	if err := k.LatestGrant.Set(ctx, collections.Join(g.DatasetId, g.Grantee), g.Id); err != nil {
		return g, 0, err
	}
	r.GrantId, r.DecidedBy, r.DecidedHeight, r.RuleId = g.Id, approvedBy, height, ruleID
	return g, superseded, nil
}

// setGrant writes a new grant with its expiry entry (the request indexes
// list it, through its request).
func (k Keeper) setGrant(ctx context.Context, g types.Grant) error {
	if err := k.Grants.Set(ctx, g.Id, g); err != nil {
		return err
	}
	if g.Status != types.GrantStatus_GRANT_STATUS_ACTIVE {
		return nil
	}
	return k.ExpiryQueue.Set(ctx, collections.Join3(g.ExpiresAt, types.ExpiryGrant, g.Id))
}

// supersedeGrant ends the grantee's stored-active grant on a dataset, if any:
// superseded when still in force, expired when its time has passed.
func (k Keeper) supersedeGrant(ctx context.Context, datasetID, grantee string, now time.Time) (uint64, error) {
	prev, err := k.LatestGrant.Get(ctx, collections.Join(datasetID, grantee))
	if isNotFound(err) {
		return 0, nil
	} else if err != nil {
		return 0, err
	}
	g, err := k.GetGrant(ctx, prev)
	if err != nil {
		return 0, err
	}
	if g.Status != types.GrantStatus_GRANT_STATUS_ACTIVE {
		return 0, nil
	}
	status := types.GrantStatus_GRANT_STATUS_SUPERSEDED
	if !g.InForce(now) {
		status = types.GrantStatus_GRANT_STATUS_EXPIRED
	}
	if err := k.endGrant(ctx, g, status, ""); err != nil {
		return 0, err
	}
	if status == types.GrantStatus_GRANT_STATUS_SUPERSEDED {
		return g.Id, nil
	}
	return 0, nil
}

// endGrant moves a stored-active grant to a final status, removes its
// expiry entry and emits EventGrantEnded — except on supersession, which the
// event of the superseding grant reports (its superseded field).
func (k Keeper) endGrant(ctx context.Context, g types.Grant, status types.GrantStatus, reason string) error {
	if err := k.ExpiryQueue.Remove(ctx, collections.Join3(g.ExpiresAt, types.ExpiryGrant, g.Id)); err != nil {
		return err
	}
	height, _ := blockInfo(ctx)
	g.Status, g.EndedHeight, g.Reason = status, height, reason
	if err := k.Grants.Set(ctx, g.Id, g); err != nil {
		return err
	}
	if status == types.GrantStatus_GRANT_STATUS_SUPERSEDED {
		return nil
	}
	return emit(ctx, &types.EventGrantEnded{
		GrantId: g.Id, DatasetId: g.DatasetId, Grantee: g.Grantee, Status: status.Short(), Reason: reason,
	})
}

// requireInForce refuses a grant that is not active and unexpired.
func requireInForce(g types.Grant, now time.Time) error {
	if why := notInForce(g, now); why != "" {
		return types.ErrGrantNotInForce.Wrap(why)
	}
	return nil
}

// notInForce says why a grant is not active and unexpired at now ("" when it
// is).
func notInForce(g types.Grant, now time.Time) string {
	switch s := g.EffectiveStatus(now); s {
	case types.GrantStatus_GRANT_STATUS_ACTIVE:
		return ""
	case types.GrantStatus_GRANT_STATUS_EXPIRED:
		return fmt.Sprintf("grant %d expired at %s", g.Id, g.ExpiresAt.UTC().Format(time.RFC3339))
	default:
		return fmt.Sprintf("grant %d is %s (height %d)", g.Id, s.Short(), g.EndedHeight)
	}
}
