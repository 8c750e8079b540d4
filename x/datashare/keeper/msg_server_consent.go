package keeper

import (
	"context"
	"time"

	"cosmossdk.io/collections"

	"github.com/trustcity/trustcity/x/datashare/types"
)

// GiveConsent records a data subject's consent to a department for
// purposes until a time. It replaces the subject's consent for the same
// department and dataset scope.
func (m msgServer) GiveConsent(ctx context.Context, msg *types.MsgGiveConsent) (*types.MsgGiveConsentResponse, error) {
	signer, signerStr, err := m.signer(msg.Signer)
	if err != nil {
		return nil, err
	}
	p, err := m.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	purposes, err := types.NormalizePurposes(msg.Purposes, p.MaxTextLength, p.MaxListItems)
	if err != nil {
		return nil, err
	}
	if err := types.ValidateDepartmentID("department id", msg.DepartmentId); err != nil {
		return nil, err
	}
	height, now := blockInfo(ctx)
	if !msg.ExpiresAt.After(now) {
		return nil, types.ErrInvalidDuration.Wrapf("expires_at %s is not after the block time %s", msg.ExpiresAt.UTC().Format(time.RFC3339), now.UTC().Format(time.RFC3339))
	}
	if msg.ExpiresAt.Sub(now) > p.MaxConsentDuration {
		return nil, types.ErrInvalidDuration.Wrapf("a consent runs at most %s", p.MaxConsentDuration)
	}
	subject, err := m.identity.AuthorizeController(ctx, signer, msg.Subject)
	if err != nil {
		return nil, err
	}
	if _, err := m.identity.GetDepartment(ctx, msg.DepartmentId); err != nil {
		return nil, err
	}
	if msg.DatasetId != "" {
		d, err := m.GetDataset(ctx, msg.DatasetId)
		if err != nil {
			return nil, err
		}
		if d.Subject != subject {
			return nil, types.ErrInvalidRequest.Wrapf("dataset %q is not personal data about %s", d.Id, subject)
		}
	}
	superseded, err := m.supersedeConsent(ctx, subject, msg.DepartmentId, msg.DatasetId, now)
	if err != nil {
		return nil, err
	}
	id, err := m.ConsentSeq.Next(ctx)
	if err != nil {
		return nil, err
	}
	c := types.Consent{
		Id: id, Subject: subject, DepartmentId: msg.DepartmentId, Purposes: purposes, DatasetId: msg.DatasetId,
		GivenAt: now, ExpiresAt: msg.ExpiresAt.UTC(), Status: types.ConsentStatus_CONSENT_STATUS_ACTIVE,
		GivenBy: signerStr, Height: height,
	}
	if err := m.setConsent(ctx, c); err != nil {
		return nil, err
	}
	if err := m.LatestConsent.Set(ctx, collections.Join3(c.Subject, c.DepartmentId, c.DatasetId), c.Id); err != nil {
		return nil, err
	}
	return &types.MsgGiveConsentResponse{ConsentId: id}, emit(ctx, &types.EventConsentGiven{
		ConsentId: id, Subject: subject, DepartmentId: c.DepartmentId, DatasetId: c.DatasetId, ExpiresAt: c.ExpiresAt, Superseded: superseded,
	})
}

// setConsent writes a new consent with its index and its expiry entry.
func (k Keeper) setConsent(ctx context.Context, c types.Consent) error {
	if err := k.Consents.Set(ctx, c.Id, c); err != nil {
		return err
	}
	if err := k.ConsentsBySubject.Set(ctx, collections.Join(c.Subject, c.Id)); err != nil {
		return err
	}
	if c.Status != types.ConsentStatus_CONSENT_STATUS_ACTIVE {
		return nil
	}
	return k.ExpiryQueue.Set(ctx, collections.Join3(c.ExpiresAt, types.ExpiryConsent, c.Id))
}

// supersedeConsent ends the stored-active consent of a scope, if any.
func (k Keeper) supersedeConsent(ctx context.Context, subject, department, datasetID string, now time.Time) (uint64, error) {
	prev, err := k.LatestConsent.Get(ctx, collections.Join3(subject, department, datasetID))
	if isNotFound(err) {
		return 0, nil
	} else if err != nil {
		return 0, err
	}
	c, err := k.GetConsent(ctx, prev)
	if err != nil {
		return 0, err
	}
	if c.Status != types.ConsentStatus_CONSENT_STATUS_ACTIVE {
		return 0, nil
	}
	status := types.ConsentStatus_CONSENT_STATUS_SUPERSEDED
	if c.EffectiveStatus(now) == types.ConsentStatus_CONSENT_STATUS_EXPIRED {
		status = types.ConsentStatus_CONSENT_STATUS_EXPIRED
	}
	if err := k.endConsent(ctx, c, status); err != nil {
		return 0, err
	}
	if status == types.ConsentStatus_CONSENT_STATUS_SUPERSEDED {
		return c.Id, nil
	}
	return 0, nil
}

// endConsent moves a stored-active consent to a final status, removes its
// expiry entry and emits EventConsentEnded — except on supersession, which
// EventConsentGiven reports (its superseded field).
func (k Keeper) endConsent(ctx context.Context, c types.Consent, status types.ConsentStatus) error {
	if err := k.ExpiryQueue.Remove(ctx, collections.Join3(c.ExpiresAt, types.ExpiryConsent, c.Id)); err != nil {
		return err
	}
	height, _ := blockInfo(ctx)
	c.Status, c.EndedHeight = status, height
	if err := k.Consents.Set(ctx, c.Id, c); err != nil {
		return err
	}
	if status == types.ConsentStatus_CONSENT_STATUS_SUPERSEDED {
		return nil
	}
	return emit(ctx, &types.EventConsentEnded{ConsentId: c.Id, Subject: c.Subject, DepartmentId: c.DepartmentId, Status: status.Short()})
}

// RevokeConsent ends a consent in force: grants that relied on it stop
// being usable in the same block.
func (m msgServer) RevokeConsent(ctx context.Context, msg *types.MsgRevokeConsent) (*types.MsgRevokeConsentResponse, error) {
	signer, _, err := m.signer(msg.Signer)
	if err != nil {
		return nil, err
	}
	c, err := m.GetConsent(ctx, msg.ConsentId)
	if err != nil {
		return nil, err
	}
	if _, err := m.identity.AuthorizeController(ctx, signer, c.Subject); err != nil {
		return nil, err
	}
	_, now := blockInfo(ctx)
	if s := c.EffectiveStatus(now); s != types.ConsentStatus_CONSENT_STATUS_ACTIVE {
		return nil, types.ErrConsentNotInForce.Wrapf("consent %d is %s", c.Id, s.Short())
	}
	return &types.MsgRevokeConsentResponse{}, m.endConsent(ctx, c, types.ConsentStatus_CONSENT_STATUS_REVOKED)
}
