package keeper

import (
	"context"

	"github.com/trustcity/trustcity/x/datashare/types"
)

// EndBlock marks grants and consents whose expiry has passed, at most
// max_expiries_per_block of them per block, oldest first; the rest wait for
// the next block. Reads never depend on it: status is computed at the block
// time, so an expired grant is never honoured before it is marked.
func (k Keeper) EndBlock(ctx context.Context) error {
	p, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	_, now := blockInfo(ctx)
	var due []expKey
	iter, err := k.ExpiryQueue.Iterate(ctx, nil)
	if err != nil {
		return err
	}
	for ; iter.Valid() && len(due) < int(p.MaxExpiriesPerBlock); iter.Next() {
		key, err := iter.Key()
		if err != nil {
			iter.Close()
			return err
		}
		if key.K1().After(now) {
			break
		}
		due = append(due, key)
	}
	iter.Close()
	for _, key := range due {
		switch key.K2() {
		case types.ExpiryGrant:
			g, err := k.GetGrant(ctx, key.K3())
			if err != nil {
				return err
			}
			if err := k.endGrant(ctx, g, types.GrantStatus_GRANT_STATUS_EXPIRED, ""); err != nil {
				return err
			}
		case types.ExpiryConsent:
			c, err := k.GetConsent(ctx, key.K3())
			if err != nil {
				return err
			}
			if err := k.endConsent(ctx, c, types.ConsentStatus_CONSENT_STATUS_EXPIRED); err != nil {
				return err
			}
		default:
			return types.ErrInvalidGenesis.Wrapf("expiry queue entry of unknown kind %d", key.K2())
		}
	}
	return nil
}
