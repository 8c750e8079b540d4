package keeper

import (
	"context"

	"cosmossdk.io/collections"

	"github.com/trustcity/trustcity/x/datashare/types"
)

// Subscribe records that a grantee follows a dataset's new versions. Public
// data may be followed by any department; other data by the owner, the
// subject, or a grantee whose grant is usable now.
func (m msgServer) Subscribe(ctx context.Context, msg *types.MsgSubscribe) (*types.MsgSubscribeResponse, error) {
	signer, signerStr, err := m.signer(msg.Signer)
	if err != nil {
		return nil, err
	}
	d, err := m.GetDataset(ctx, msg.DatasetId)
	if err != nil {
		return nil, err
	}
	subscriber, err := m.actor(ctx, signer, msg.Grantee)
	if err != nil {
		return nil, err
	}
	open := d.Sensitivity == types.Sensitivity_SENSITIVITY_PUBLIC || subscriber == d.Owner || subscriber == d.Subject
	if !open {
		res, err := m.access(ctx, d, subscriber)
		if err != nil {
			return nil, err
		}
		if err := res.err(); err != nil {
			return nil, err
		}
	}
	key := collections.Join(d.Id, subscriber)
	if has, err := m.Subscriptions.Has(ctx, key); err != nil {
		return nil, err
	} else if has {
		return nil, types.ErrSubscriptionExists.Wrapf("%s already follows %q", subscriber, d.Id)
	}
	height, now := blockInfo(ctx)
	s := types.Subscription{DatasetId: d.Id, Subscriber: subscriber, CreatedBy: signerStr, Height: height, CreatedAt: now}
	if err := m.setSubscription(ctx, s); err != nil {
		return nil, err
	}
	return &types.MsgSubscribeResponse{}, emit(ctx, &types.EventSubscribed{DatasetId: d.Id, Subscriber: subscriber})
}

// setSubscription writes a subscription with its index.
func (k Keeper) setSubscription(ctx context.Context, s types.Subscription) error {
	if err := k.Subscriptions.Set(ctx, collections.Join(s.DatasetId, s.Subscriber), s); err != nil {
		return err
	}
	return k.SubsBySubscriber.Set(ctx, collections.Join(s.Subscriber, s.DatasetId))
}

// Unsubscribe ends a subscription.
func (m msgServer) Unsubscribe(ctx context.Context, msg *types.MsgUnsubscribe) (*types.MsgUnsubscribeResponse, error) {
	signer, _, err := m.signer(msg.Signer)
	if err != nil {
		return nil, err
	}
	subscriber, err := m.actor(ctx, signer, msg.Grantee)
	if err != nil {
		return nil, err
	}
	key := collections.Join(msg.DatasetId, subscriber)
	if has, err := m.Subscriptions.Has(ctx, key); err != nil {
		return nil, err
	} else if !has {
		return nil, types.ErrSubscriptionMissing.Wrapf("%s does not follow %q", subscriber, msg.DatasetId)
	}
	if err := m.Subscriptions.Remove(ctx, key); err != nil {
		return nil, err
	}
	if err := m.SubsBySubscriber.Remove(ctx, collections.Join(subscriber, msg.DatasetId)); err != nil {
		return nil, err
	}
	return &types.MsgUnsubscribeResponse{}, emit(ctx, &types.EventUnsubscribed{DatasetId: msg.DatasetId, Subscriber: subscriber})
}
