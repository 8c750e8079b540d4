package simulation

import (
	"context"
	"slices"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"

	"github.com/trustcity/trustcity/x/datashare/keeper"
	"github.com/trustcity/trustcity/x/datashare/types"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
	"github.com/trustcity/trustcity/x/internal/simactors"
)

// MsgCreateDatasetFactory creates a dataset owned by the department of an
// account AuthorizeRole accepts as DATA_PROVIDER, which signs: public or
// internal, half of the time naming an active standard, or one time in five
// personal data about a DID a simulation account controls (encrypted, no
// standard). A quarter of the time its id is one of the device scopes
// x/identity's simulation gives devices, when still free and a simulation
// account is a device of the signer's department with that scope
// (AuthorizeDevice), so that the device may publish to it.
func MsgCreateDatasetFactory(k keeper.Keeper, identity types.IdentityKeeper) simsx.SimMsgFactoryFn[*types.MsgCreateDataset] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgCreateDataset) {
		r := testData.Rand().Rand
		providers := simactors.Holders(ctx, identity, testData, reporter, identitytypes.Role_ROLE_DATA_PROVIDER)
		if len(providers) == 0 {
			return skip[*types.MsgCreateDataset](reporter, "no simulation account may act as a DATA_PROVIDER")
		}
		by := simactors.Pick(r, providers)
		id := randDatasetID(r)
		if r.Intn(4) == 0 {
			// A dataset a device of the signer's department may publish to.
			var scopes []string
			for _, scope := range deviceScopes {
				if has, err := k.Datasets.Has(ctx, scope); err != nil || has {
					continue
				}
				for _, acc := range testData.AllAccounts() {
					if identity.AuthorizeDevice(ctx, acc.Address, by.Dept, scope) == nil {
						scopes = append(scopes, scope)
						break
					}
				}
			}
			if len(scopes) > 0 {
				id = simactors.Pick(r, scopes)
			}
		}
		if has, err := k.Datasets.Has(ctx, id); err != nil || has {
			return skip[*types.MsgCreateDataset](reporter, "dataset %q exists", id)
		}
		msg := &types.MsgCreateDataset{
			Signer:      by.Signer.AddressBech32,
			Id:          id,
			Title:       randTitle(r, "Dataset"),
			Description: randDescription(r),
			Category:    randCategory(r),
			Sensitivity: types.Sensitivity_SENSITIVITY_PUBLIC,
			Locator:     randLocator(r, id),
		}
		if r.Intn(2) == 0 {
			msg.Sensitivity = types.Sensitivity_SENSITIVITY_INTERNAL
		}
		if r.Intn(5) == 0 {
			dids, err := controlledDids(ctx, identity, testData, reporter)
			if err != nil {
				return skip[*types.MsgCreateDataset](reporter, "DIDs: %s", err)
			}
			if len(dids) > 0 {
				msg.Sensitivity, msg.Subject = types.Sensitivity_SENSITIVITY_PERSONAL, simactors.Pick(r, dids).did
			}
		}
		personal := msg.Sensitivity == types.Sensitivity_SENSITIVITY_PERSONAL
		msg.Encryption = randEncryption(r, personal)
		if !personal && r.Intn(2) == 0 {
			active, err := standardsWhere(ctx, k, func(s types.Standard) bool {
				return s.Status == types.StandardStatus_STANDARD_STATUS_ACTIVE
			})
			if err != nil {
				return skip[*types.MsgCreateDataset](reporter, "standards: %s", err)
			}
			if len(active) > 0 {
				s := simactors.Pick(r, active)
				msg.Standard = types.StandardRef{Id: s.Id, Version: s.Version}
			}
		}
		return []simsx.SimAccount{by.Signer}, msg
	}
}

// MsgUpdateDatasetFactory replaces a dataset's title, description and
// locator; an account AuthorizeRole accepts as DATA_PROVIDER of the owner
// signs.
func MsgUpdateDatasetFactory(k keeper.Keeper, identity types.IdentityKeeper) simsx.SimMsgFactoryFn[*types.MsgUpdateDataset] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgUpdateDataset) {
		r := testData.Rand().Rand
		providers := simactors.GroupByDept(simactors.Holders(ctx, identity, testData, reporter, identitytypes.Role_ROLE_DATA_PROVIDER))
		if len(providers.Depts) == 0 {
			return skip[*types.MsgUpdateDataset](reporter, "no simulation account may act as a DATA_PROVIDER")
		}
		all, err := datasets(ctx, k)
		if err != nil {
			return skip[*types.MsgUpdateDataset](reporter, "datasets: %s", err)
		}
		owned := slices.DeleteFunc(all, func(d types.Dataset) bool { return len(providers.Signers[d.Owner]) == 0 })
		if len(owned) == 0 {
			return skip[*types.MsgUpdateDataset](reporter, "no dataset of a department a simulation account provides data for")
		}
		d := simactors.Pick(r, owned)
		signer := simactors.Pick(r, providers.Signers[d.Owner])
		return []simsx.SimAccount{signer}, &types.MsgUpdateDataset{
			Signer:      signer.AddressBech32,
			DatasetId:   d.Id,
			Title:       randTitle(r, "Dataset"),
			Description: randDescription(r),
			Locator:     randLocator(r, d.Id),
		}
	}
}

// MsgPublishVersionFactory publishes the next version of a dataset, signed
// by an account AuthorizeRole accepts as DATA_PROVIDER of the owner or, for
// a dataset named after a device scope, by a simulation account
// AuthorizeDevice accepts as a device of the owner with that scope. Half of
// the time it names an earlier version as parent, and it may list up to two
// versions of other datasets it derives from. Three times in four, a
// version of a dataset whose standard is one of the simulation's carries a
// summary record conforming to it; a dataset without a standard gets a
// free JSON record a third of the time; personal data never carries one.
func MsgPublishVersionFactory(k keeper.Keeper, identity types.IdentityKeeper) simsx.SimMsgFactoryFn[*types.MsgPublishVersion] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgPublishVersion) {
		r := testData.Rand().Rand
		providers := simactors.GroupByDept(simactors.Holders(ctx, identity, testData, reporter, identitytypes.Role_ROLE_DATA_PROVIDER))
		all, err := datasets(ctx, k)
		if err != nil {
			return skip[*types.MsgPublishVersion](reporter, "datasets: %s", err)
		}
		type publishable struct {
			d       types.Dataset
			signers []simsx.SimAccount
		}
		var candidates []publishable
		for _, d := range all {
			signers := slices.Clone(providers.Signers[d.Owner])
			if slices.Contains(deviceScopes, d.Id) {
				for _, acc := range testData.AllAccounts() {
					if identity.AuthorizeDevice(ctx, acc.Address, d.Owner, d.Id) == nil {
						signers = append(signers, testData.GetAccount(reporter, acc.AddressBech32))
					}
				}
			}
			if len(signers) > 0 {
				candidates = append(candidates, publishable{d: d, signers: signers})
			}
		}
		if len(candidates) == 0 {
			return skip[*types.MsgPublishVersion](reporter, "no dataset a simulation account may publish to")
		}
		c := simactors.Pick(r, candidates)
		d, signer := c.d, simactors.Pick(r, c.signers)
		msg := &types.MsgPublishVersion{
			Signer:      signer.AddressBech32,
			DatasetId:   d.Id,
			ContentHash: randBytes(r, types.ContentHashSize),
			Size_:       uint64(r.Int63n(1 << 40)),
			Locator:     randLocator(r, d.Id),
		}
		if d.LatestVersion > 0 && r.Intn(2) == 0 {
			msg.ParentVersion = 1 + uint64(r.Int63n(int64(d.LatestVersion)))
		}
		var sources []types.Dataset
		for _, other := range all {
			if other.Id != d.Id && other.LatestVersion > 0 {
				sources = append(sources, other)
			}
		}
		for range r.Intn(3) {
			if len(sources) == 0 {
				break
			}
			src := simactors.Pick(r, sources)
			ref := types.DatasetRef{DatasetId: src.Id, Version: 1 + uint64(r.Int63n(int64(src.LatestVersion)))}
			if !slices.Contains(msg.DerivedFrom, ref) {
				msg.DerivedFrom = append(msg.DerivedFrom, ref)
			}
		}
		switch {
		case d.Sensitivity == types.Sensitivity_SENSITIVITY_PERSONAL:
		case d.Standard.Id == "":
			if r.Intn(3) == 0 {
				msg.Summary = freeRecord(r)
			}
		case r.Intn(4) > 0:
			s, err := k.Standards.Get(ctx, joinStandard(d.Standard))
			if err != nil {
				return skip[*types.MsgPublishVersion](reporter, "standard %s@%s: %s", d.Standard.Id, d.Standard.Version, err)
			}
			msg.Summary, _ = schemaRecord(r, s.Schema)
		}
		return []simsx.SimAccount{signer}, msg
	}
}
