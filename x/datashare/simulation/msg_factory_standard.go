package simulation

import (
	"context"

	"cosmossdk.io/collections"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"

	"github.com/trustcity/trustcity/x/datashare/keeper"
	"github.com/trustcity/trustcity/x/datashare/types"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

// MsgRegisterStandardFactory registers a version of a standard whose JSON
// Schema is one of simSchemas: a new standard, or a third of the time a new
// version of an existing one. An account AuthorizeRole accepts as
// STANDARDS_BODY signs.
func MsgRegisterStandardFactory(k keeper.Keeper, identity types.IdentityKeeper) simsx.SimMsgFactoryFn[*types.MsgRegisterStandard] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgRegisterStandard) {
		r := testData.Rand().Rand
		bodies := holders(ctx, identity, testData, reporter, identitytypes.Role_ROLE_STANDARDS_BODY)
		if len(bodies) == 0 {
			return skip[*types.MsgRegisterStandard](reporter, "no simulation account may act as a STANDARDS_BODY")
		}
		by := pick(r, bodies)
		id := randStandardID(r)
		if r.Intn(3) == 0 {
			existing, err := standardsWhere(ctx, k, func(types.Standard) bool { return true })
			if err != nil {
				return skip[*types.MsgRegisterStandard](reporter, "standards: %s", err)
			}
			if len(existing) > 0 {
				id = pick(r, existing).Id
			}
		}
		version := randStandardVersion(r)
		if has, err := k.Standards.Has(ctx, collections.Join(id, version)); err != nil || has {
			return skip[*types.MsgRegisterStandard](reporter, "standard %s@%s is registered already", id, version)
		}
		return []simsx.SimAccount{by.signer}, &types.MsgRegisterStandard{
			Signer:  by.signer.AddressBech32,
			Id:      id,
			Version: version,
			Title:   randTitle(r, "Standard"),
			Schema:  pick(r, simSchemas).doc,
		}
	}
}

// MsgDeprecateStandardFactory deprecates an active standard version; an
// account AuthorizeRole accepts as STANDARDS_BODY for the registering
// department signs.
func MsgDeprecateStandardFactory(k keeper.Keeper, identity types.IdentityKeeper) simsx.SimMsgFactoryFn[*types.MsgDeprecateStandard] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgDeprecateStandard) {
		r := testData.Rand().Rand
		bodies := groupByDept(holders(ctx, identity, testData, reporter, identitytypes.Role_ROLE_STANDARDS_BODY))
		if len(bodies.depts) == 0 {
			return skip[*types.MsgDeprecateStandard](reporter, "no simulation account may act as a STANDARDS_BODY")
		}
		active, err := standardsWhere(ctx, k, func(s types.Standard) bool {
			return s.Status == types.StandardStatus_STANDARD_STATUS_ACTIVE && len(bodies.signers[s.DepartmentId]) > 0
		})
		if err != nil {
			return skip[*types.MsgDeprecateStandard](reporter, "standards: %s", err)
		}
		if len(active) == 0 {
			return skip[*types.MsgDeprecateStandard](reporter, "no active standard of a department a simulation account acts for")
		}
		s := pick(r, active)
		signer := pick(r, bodies.signers[s.DepartmentId])
		return []simsx.SimAccount{signer}, &types.MsgDeprecateStandard{
			Signer: signer.AddressBech32, Id: s.Id, Version: s.Version, Reason: pick(r, reasons),
		}
	}
}
