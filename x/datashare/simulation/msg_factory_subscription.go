package simulation

import (
	"context"

	"cosmossdk.io/collections"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"

	"github.com/trustcity/trustcity/x/datashare/keeper"
	"github.com/trustcity/trustcity/x/datashare/types"
	"github.com/trustcity/trustcity/x/internal/simactors"
)

// MsgSubscribeFactory follows a dataset's new versions. A third of the time
// (when simulation accounts control DIDs) the subscriber is a DID, a
// controller signing (AuthorizeController), on public data, on personal
// data about it, or on data it holds a usable grant on; otherwise it is the
// department of a random member (AuthorizeMember), on public data, on its
// own data, or on data it holds a usable grant on. Datasets it follows
// already are left out.
func MsgSubscribeFactory(k keeper.Keeper, identity types.IdentityKeeper) simsx.SimMsgFactoryFn[*types.MsgSubscribe] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgSubscribe) {
		r := testData.Rand().Rand
		now := blockTime(ctx)
		all, err := datasets(ctx, k)
		if err != nil {
			return skip[*types.MsgSubscribe](reporter, "datasets: %s", err)
		}
		if len(all) == 0 {
			return skip[*types.MsgSubscribe](reporter, "no dataset")
		}
		var (
			signer     simsx.SimAccount
			subscriber string // department id or DID
			grantee    string // the message's grantee: empty for the signer's department
			own        func(d types.Dataset) bool
		)
		dids, err := controlledDids(ctx, identity, testData, reporter)
		if err != nil {
			return skip[*types.MsgSubscribe](reporter, "DIDs: %s", err)
		}
		if len(dids) > 0 && r.Intn(3) == 0 {
			c := simactors.Pick(r, dids)
			signer, subscriber, grantee = simactors.Pick(r, c.signers), c.did, c.did
			own = func(d types.Dataset) bool { return d.Subject == c.did }
		} else {
			actors := simactors.Members(ctx, identity, testData, reporter)
			if len(actors) == 0 {
				return skip[*types.MsgSubscribe](reporter, "no simulation account acts for a department")
			}
			a := simactors.Pick(r, actors)
			signer, subscriber = a.Signer, a.Dept
			own = func(d types.Dataset) bool { return d.Owner == a.Dept }
		}
		var followable []types.Dataset
		for _, d := range all {
			if has, err := k.Subscriptions.Has(ctx, collections.Join(d.Id, subscriber)); err != nil || has {
				continue
			}
			ok := d.Sensitivity == types.Sensitivity_SENSITIVITY_PUBLIC || own(d)
			if !ok {
				if ok, err = accessOf(ctx, k, identity, d, subscriber, now); err != nil {
					return skip[*types.MsgSubscribe](reporter, "access of %s to %q: %s", subscriber, d.Id, err)
				}
			}
			if ok {
				followable = append(followable, d)
			}
		}
		if len(followable) == 0 {
			return skip[*types.MsgSubscribe](reporter, "%s may follow no dataset it does not follow yet", subscriber)
		}
		return []simsx.SimAccount{signer}, &types.MsgSubscribe{
			Signer: signer.AddressBech32, DatasetId: simactors.Pick(r, followable).Id, Grantee: grantee,
		}
	}
}

// MsgUnsubscribeFactory ends a subscription; a member of the subscribing
// department (AuthorizeMember) or a controller of the subscribing DID
// (AuthorizeController) signs.
func MsgUnsubscribeFactory(k keeper.Keeper, identity types.IdentityKeeper) simsx.SimMsgFactoryFn[*types.MsgUnsubscribe] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgUnsubscribe) {
		r := testData.Rand().Rand
		var subs []types.Subscription
		err := k.Subscriptions.Walk(ctx, nil, func(_ collections.Pair[string, string], s types.Subscription) (bool, error) {
			subs = append(subs, s)
			return false, nil
		})
		if err != nil {
			return skip[*types.MsgUnsubscribe](reporter, "subscriptions: %s", err)
		}
		if len(subs) == 0 {
			return skip[*types.MsgUnsubscribe](reporter, "no subscription")
		}
		depts := simactors.GroupByDept(simactors.Members(ctx, identity, testData, reporter))
		dids, err := controlledDids(ctx, identity, testData, reporter)
		if err != nil {
			return skip[*types.MsgUnsubscribe](reporter, "DIDs: %s", err)
		}
		byDid := controllers(dids)
		var ended []types.Subscription
		for _, s := range subs {
			if len(granteeSigners(s.Subscriber, depts, byDid)) > 0 {
				ended = append(ended, s)
			}
		}
		if len(ended) == 0 {
			return skip[*types.MsgUnsubscribe](reporter, "no subscription of a department or DID a simulation account acts for")
		}
		s := simactors.Pick(r, ended)
		signer := simactors.Pick(r, granteeSigners(s.Subscriber, depts, byDid))
		msg := &types.MsgUnsubscribe{Signer: signer.AddressBech32, DatasetId: s.DatasetId}
		if types.IsDID(s.Subscriber) {
			msg.Grantee = s.Subscriber
		}
		return []simsx.SimAccount{signer}, msg
	}
}
