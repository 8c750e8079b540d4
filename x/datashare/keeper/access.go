package keeper

import (
	"context"
	"fmt"
	"time"

	"cosmossdk.io/collections"

	"github.com/trustcity/trustcity/x/datashare/types"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

// accessResult is the answer to "may this grantee use this dataset now?".
type accessResult struct {
	denial  types.AccessDenial
	detail  string
	grant   *types.Grant
	consent *types.Consent
}

func (r accessResult) allowed() bool { return r.denial == types.AccessDenial_ACCESS_DENIAL_UNSPECIFIED }

// err turns a denial into the registered error a transaction fails with.
func (r accessResult) err() error {
	switch r.denial {
	case types.AccessDenial_ACCESS_DENIAL_UNSPECIFIED:
		return nil
	case types.AccessDenial_ACCESS_DENIAL_NO_CONSENT:
		return types.ErrNoConsent.Wrap(r.detail)
	case types.AccessDenial_ACCESS_DENIAL_GRANTEE_SUSPENDED:
		return types.ErrUnauthorized.Wrap(r.detail)
	default:
		return types.ErrGrantNotInForce.Wrap(r.detail)
	}
}

// access answers whether grantee may use dataset d now, through its latest
// grant on d.
func (k Keeper) access(ctx context.Context, d types.Dataset, grantee string) (accessResult, error) {
	id, err := k.LatestGrant.Get(ctx, collections.Join(d.Id, grantee))
	if isNotFound(err) {
		return accessResult{denial: types.AccessDenial_ACCESS_DENIAL_NO_GRANT,
			detail: fmt.Sprintf("%s holds no grant on dataset %q", grantee, d.Id)}, nil
	} else if err != nil {
		return accessResult{}, err
	}
	g, err := k.GetGrant(ctx, id)
	if err != nil {
		return accessResult{}, err
	}
	return k.usable(ctx, d, g, false)
}

// usable answers whether grant g on dataset d may be used now: it is in
// force, a grantee department is active, and for personal data a consent of
// the subject to the grantee department covering the grant's purpose is in
// force. The grant is returned with its status computed at the block time.
// granteeActive says the caller already checked that the grantee department
// is active (a signer acting for it was authorized).
func (k Keeper) usable(ctx context.Context, d types.Dataset, g types.Grant, granteeActive bool) (accessResult, error) {
	_, now := blockInfo(ctx)
	g.Status = g.EffectiveStatus(now)
	res := accessResult{grant: &g}
	if why := notInForce(g, now); why != "" {
		res.denial = types.AccessDenial_ACCESS_DENIAL_GRANT_ENDED
		if g.Status == types.GrantStatus_GRANT_STATUS_EXPIRED {
			res.denial = types.AccessDenial_ACCESS_DENIAL_GRANT_EXPIRED
		}
		res.detail = why
		return res, nil
	}
	if types.IsDID(g.Grantee) {
		// The subject's own grant needs no consent.
		return res, nil
	}
	var err error
	if !granteeActive {
		var dept identitytypes.Department
		if dept, err = k.identity.GetDepartment(ctx, g.Grantee); err == nil {
			err = k.identity.CheckActive(ctx, dept)
		}
	}
	if err != nil {
		res.denial = types.AccessDenial_ACCESS_DENIAL_GRANTEE_SUSPENDED
		res.detail = fmt.Sprintf("grantee department %q cannot act: %s", g.Grantee, err)
		return res, nil
	}
	if d.Sensitivity != types.Sensitivity_SENSITIVITY_PERSONAL {
		return res, nil
	}
	c, detail, err := k.coveringConsent(ctx, d, g.Grantee, g.Purpose, now)
	if err != nil {
		return res, err
	}
	if c == nil {
		res.denial, res.detail = types.AccessDenial_ACCESS_DENIAL_NO_CONSENT, detail
		return res, nil
	}
	res.consent = c
	return res, nil
}

// coveringConsent finds the subject's consent in force to department for
// purpose on dataset d: one given for d itself, else one for every personal
// dataset about the subject. Without one, it says why.
func (k Keeper) coveringConsent(ctx context.Context, d types.Dataset, department, purpose string, now time.Time) (*types.Consent, string, error) {
	why := fmt.Sprintf("%s has not consented to %q using dataset %q", d.Subject, department, d.Id)
	for _, scope := range []string{d.Id, ""} {
		id, err := k.LatestConsent.Get(ctx, collections.Join3(d.Subject, department, scope))
		if isNotFound(err) {
			continue
		} else if err != nil {
			return nil, "", err
		}
		c, err := k.GetConsent(ctx, id)
		if err != nil {
			return nil, "", err
		}
		if c.Covers(purpose, now) {
			c.Status = c.EffectiveStatus(now)
			return &c, "", nil
		}
		switch s := c.EffectiveStatus(now); s {
		case types.ConsentStatus_CONSENT_STATUS_ACTIVE:
			why = fmt.Sprintf("consent %d of %s to %q does not cover the purpose %q", c.Id, d.Subject, department, purpose)
		case types.ConsentStatus_CONSENT_STATUS_EXPIRED:
			why = fmt.Sprintf("consent %d of %s to %q expired at %s", c.Id, d.Subject, department, c.ExpiresAt.UTC().Format(time.RFC3339))
		default:
			why = fmt.Sprintf("consent %d of %s to %q is %s", c.Id, d.Subject, department, s.Short())
		}
	}
	return nil, why, nil
}
