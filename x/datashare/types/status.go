package types

import "time"

// EffectiveStatus is the grant's status at time now: an active grant whose
// expiry has passed is expired even before EndBlock marks it.
func (g Grant) EffectiveStatus(now time.Time) GrantStatus {
	if g.Status == GrantStatus_GRANT_STATUS_ACTIVE && !now.Before(g.ExpiresAt) {
		return GrantStatus_GRANT_STATUS_EXPIRED
	}
	return g.Status
}

// InForce reports whether the grant is active and unexpired at now.
func (g Grant) InForce(now time.Time) bool {
	return g.EffectiveStatus(now) == GrantStatus_GRANT_STATUS_ACTIVE
}

// EffectiveStatus is the consent's status at time now.
func (c Consent) EffectiveStatus(now time.Time) ConsentStatus {
	if c.Status == ConsentStatus_CONSENT_STATUS_ACTIVE && !now.Before(c.ExpiresAt) {
		return ConsentStatus_CONSENT_STATUS_EXPIRED
	}
	return c.Status
}

// Covers reports whether the consent is in force at now and names purpose.
func (c Consent) Covers(purpose string, now time.Time) bool {
	if c.EffectiveStatus(now) != ConsentStatus_CONSENT_STATUS_ACTIVE {
		return false
	}
	for _, p := range c.Purposes {
		if p == purpose {
			return true
		}
	}
	return false
}
