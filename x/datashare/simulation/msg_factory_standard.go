package simulation

import (
	"context"

	"cosmossdk.io/collections"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"

	"github.com/trustcity/trustcity/x/datashare/keeper"
	"github.com/trustcity/trustcity/x/datashare/types"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
	"github.com/trustcity/trustcity/x/internal/simactors"
)

// MsgRegisterStandardFactory registers a version of a standard whose JSON
// Schema is one of simSchemas: a new standard, or a third of the time a new
// version of an existing one. An account AuthorizeRole accepts as
// STANDARDS_BODY signs.
func MsgRegisterStandardFactory(k keeper.Keeper, identity types.IdentityKeeper) simsx.SimMsgFactoryFn[*types.MsgRegisterStandard] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgRegisterStandard) {
		r := testData.Rand().Rand
		bodies := simactors.Holders(ctx, identity, testData, reporter, identitytypes.Role_ROLE_STANDARDS_BODY)
		if len(bodies) == 0 {
			return skip[*types.MsgRegisterStandard](reporter, "no simulation account may act as a STANDARDS_BODY")
		}
		by := simactors.Pick(r, bodies)
		id := randStandardID(r)
		if r.Intn(3) == 0 {
			existing, err := standardsWhere(ctx, k, func(types.Standard) bool { return true })
			if err != nil {
				return skip[*types.MsgRegisterStandard](reporter, "standards: %s", err)
			}
			if len(existing) > 0 {
				id = simactors.Pick(r, existing).Id
			}
		}
		version := randStandardVersion(r)
		if has, err := k.Standards.Has(ctx, collections.Join(id, version)); err != nil || has {
			return skip[*types.MsgRegisterStandard](reporter, "standard %s@%s is registered already", id, version)
		}
		return []simsx.SimAccount{by.Signer}, &types.MsgRegisterStandard{
			Signer:  by.Signer.AddressBech32,
			Id:      id,
			Version: version,
			Title:   randTitle(r, "Standard"),
			Schema:  simactors.Pick(r, simSchemas).doc,
		}
	}
}

// MsgDeprecateStandardFactory deprecates an active standard version; an
// account AuthorizeRole accepts as STANDARDS_BODY for the registering
// department signs.
func MsgDeprecateStandardFactory(k keeper.Keeper, identity types.IdentityKeeper) simsx.SimMsgFactoryFn[*types.MsgDeprecateStandard] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgDeprecateStandard) {
		r := testData.Rand().Rand
		bodies := simactors.GroupByDept(simactors.Holders(ctx, identity, testData, reporter, identitytypes.Role_ROLE_STANDARDS_BODY))
		if len(bodies.Depts) == 0 {
			return skip[*types.MsgDeprecateStandard](reporter, "no simulation account may act as a STANDARDS_BODY")
		}
		active, err := standardsWhere(ctx, k, func(s types.Standard) bool {
			return s.Status == types.StandardStatus_STANDARD_STATUS_ACTIVE && len(bodies.Signers[s.DepartmentId]) > 0
		})
		if err != nil {
			return skip[*types.MsgDeprecateStandard](reporter, "standards: %s", err)
		}
		if len(active) == 0 {
			return skip[*types.MsgDeprecateStandard](reporter, "no active standard of a department a simulation account acts for")
		}
		s := simactors.Pick(r, active)
		signer := simactors.Pick(r, bodies.Signers[s.DepartmentId])
		return []simsx.SimAccount{signer}, &types.MsgDeprecateStandard{
			Signer: signer.AddressBech32, Id: s.Id, Version: s.Version, Reason: simactors.Pick(r, reasons),
		}
	}
}
