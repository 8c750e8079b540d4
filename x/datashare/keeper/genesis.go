package keeper

import (
	"context"

	"cosmossdk.io/collections"

	"github.com/trustcity/trustcity/x/datashare/types"
	"github.com/trustcity/trustcity/x/internal/collutil"
)

// InitGenesis imports the whole state. Every record is checked against the
// module's rules (sizes against the hard caps, since params may have been
// lowered after a record was written) and against the records it names;
// indexes, latest-grant and latest-consent pointers and the expiry queue
// are rebuilt; id sequences continue above the highest id imported. With
// x/identity wired in, owners and subjects must exist there too.
func (k Keeper) InitGenesis(ctx context.Context, gs *types.GenesisState) error {
	if err := gs.Params.Validate(); err != nil {
		return err
	}
	if err := k.Params.Set(ctx, gs.Params); err != nil {
		return err
	}
	imp := importer{k: k, caps: types.CapParams(), versionCount: map[string]uint64{}}
	steps := []func(context.Context, *types.GenesisState) error{
		imp.standards, imp.datasets, imp.versions, imp.rules, imp.requests, imp.grants,
		imp.consents, imp.envelopes, imp.logs, imp.subscriptions,
	}
	for _, step := range steps {
		if err := step(ctx, gs); err != nil {
			return err
		}
	}
	for _, s := range []struct {
		name  string
		seq   collections.Sequence
		given uint64
		above uint64
	}{
		{"request", k.RequestSeq, gs.NextRequestId, imp.maxRequest},
		{"grant", k.GrantSeq, gs.NextGrantId, imp.maxGrant},
		{"rule", k.RuleSeq, gs.NextRuleId, imp.maxRule},
		{"consent", k.ConsentSeq, gs.NextConsentId, imp.maxConsent},
		{"access log", k.AccessLogSeq, gs.NextAccessLogId, imp.maxLog},
	} {
		if s.given != 0 && s.given <= s.above {
			return types.ErrInvalidGenesis.Wrapf("next %s id %d is not above the highest id %d", s.name, s.given, s.above)
		}
		if err := s.seq.Set(ctx, max(s.given, s.above+1)); err != nil {
			return err
		}
	}
	return nil
}

// ExportGenesis exports the whole state in key order.
func (k Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	gs := &types.GenesisState{}
	var err error
	if gs.Params, err = k.Params.Get(ctx); err != nil {
		return nil, err
	}
	if gs.Standards, err = collutil.Values(ctx, k.Standards); err != nil {
		return nil, err
	}
	if gs.Datasets, err = collutil.Values(ctx, k.Datasets); err != nil {
		return nil, err
	}
	if gs.Versions, err = collutil.Values(ctx, k.Versions); err != nil {
		return nil, err
	}
	if gs.Requests, err = collutil.Values(ctx, k.Requests); err != nil {
		return nil, err
	}
	if gs.Grants, err = collutil.Values(ctx, k.Grants); err != nil {
		return nil, err
	}
	if gs.Rules, err = collutil.Values(ctx, k.Rules); err != nil {
		return nil, err
	}
	if gs.Consents, err = collutil.Values(ctx, k.Consents); err != nil {
		return nil, err
	}
	if gs.Envelopes, err = collutil.Values(ctx, k.Envelopes); err != nil {
		return nil, err
	}
	if gs.AccessLogs, err = collutil.Values(ctx, k.AccessLogs); err != nil {
		return nil, err
	}
	if gs.Subscriptions, err = collutil.Values(ctx, k.Subscriptions); err != nil {
		return nil, err
	}
	for _, s := range []struct {
		seq collections.Sequence
		out *uint64
	}{
		{k.RequestSeq, &gs.NextRequestId}, {k.GrantSeq, &gs.NextGrantId}, {k.RuleSeq, &gs.NextRuleId},
		{k.ConsentSeq, &gs.NextConsentId}, {k.AccessLogSeq, &gs.NextAccessLogId},
	} {
		if *s.out, err = s.seq.Peek(ctx); err != nil {
			return nil, err
		}
	}
	return gs, nil
}
