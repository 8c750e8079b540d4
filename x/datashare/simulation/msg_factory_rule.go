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

// MsgSetAutoApprovalRuleFactory adds an auto-approval rule to a public or
// internal dataset with room for one more (max_rules_per_dataset): half of
// the time a role, and up to three departments simulation accounts act for
// (x/identity has them), at least one of the two; a maximum duration. An
// account AuthorizeRole accepts as DATA_PROVIDER of the owner signs.
func MsgSetAutoApprovalRuleFactory(k keeper.Keeper, identity types.IdentityKeeper) simsx.SimMsgFactoryFn[*types.MsgSetAutoApprovalRule] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgSetAutoApprovalRule) {
		r := testData.Rand().Rand
		p, err := k.Params.Get(ctx)
		if err != nil {
			return skip[*types.MsgSetAutoApprovalRule](reporter, "params: %s", err)
		}
		providers := simactors.GroupByDept(simactors.Holders(ctx, identity, testData, reporter, identitytypes.Role_ROLE_DATA_PROVIDER))
		if len(providers.Depts) == 0 {
			return skip[*types.MsgSetAutoApprovalRule](reporter, "no simulation account may act as a DATA_PROVIDER")
		}
		all, err := datasets(ctx, k)
		if err != nil {
			return skip[*types.MsgSetAutoApprovalRule](reporter, "datasets: %s", err)
		}
		var open []types.Dataset
		for _, d := range all {
			if d.Sensitivity == types.Sensitivity_SENSITIVITY_PERSONAL || len(providers.Signers[d.Owner]) == 0 {
				continue
			}
			rules, err := rulesOf(ctx, k, d.Id)
			if err != nil {
				return skip[*types.MsgSetAutoApprovalRule](reporter, "rules: %s", err)
			}
			if len(rules) < int(p.MaxRulesPerDataset) {
				open = append(open, d)
			}
		}
		if len(open) == 0 {
			return skip[*types.MsgSetAutoApprovalRule](reporter, "no public or internal dataset with room for a rule that a simulation account provides")
		}
		d := simactors.Pick(r, open)
		signer := simactors.Pick(r, providers.Signers[d.Owner])
		msg := &types.MsgSetAutoApprovalRule{
			Signer:      signer.AddressBech32,
			DatasetId:   d.Id,
			MaxDuration: randDuration(r, min(p.MaxGrantDuration, simMaxGrantDuration)),
		}
		if r.Intn(2) == 0 {
			msg.Role = randRole(r)
		}
		known := simactors.GroupByDept(simactors.Members(ctx, identity, testData, reporter)).Depts
		for range r.Intn(simMaxListItems) {
			if len(known) == 0 || len(msg.Departments) == 3 {
				break
			}
			if dept := simactors.Pick(r, known); !slices.Contains(msg.Departments, dept) {
				msg.Departments = append(msg.Departments, dept)
			}
		}
		if msg.Role == identitytypes.Role_ROLE_UNSPECIFIED && len(msg.Departments) == 0 {
			msg.Role = randRole(r)
		}
		return []simsx.SimAccount{signer}, msg
	}
}

// MsgRemoveAutoApprovalRuleFactory removes an auto-approval rule; an account
// AuthorizeRole accepts as DATA_PROVIDER of the dataset's owner signs.
func MsgRemoveAutoApprovalRuleFactory(k keeper.Keeper, identity types.IdentityKeeper) simsx.SimMsgFactoryFn[*types.MsgRemoveAutoApprovalRule] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgRemoveAutoApprovalRule) {
		r := testData.Rand().Rand
		providers := simactors.GroupByDept(simactors.Holders(ctx, identity, testData, reporter, identitytypes.Role_ROLE_DATA_PROVIDER))
		if len(providers.Depts) == 0 {
			return skip[*types.MsgRemoveAutoApprovalRule](reporter, "no simulation account may act as a DATA_PROVIDER")
		}
		type removable struct {
			rule    types.AutoApprovalRule
			signers []simsx.SimAccount
		}
		var candidates []removable
		owners := map[string]string{} // dataset id → owner
		err := k.Rules.Walk(ctx, nil, func(_ pairSU, rule types.AutoApprovalRule) (bool, error) {
			owner, ok := owners[rule.DatasetId]
			if !ok {
				d, err := k.GetDataset(ctx, rule.DatasetId)
				if err != nil {
					return true, err
				}
				owner, owners[rule.DatasetId] = d.Owner, d.Owner
			}
			if signers := providers.Signers[owner]; len(signers) > 0 {
				candidates = append(candidates, removable{rule: rule, signers: signers})
			}
			return false, nil
		})
		if err != nil {
			return skip[*types.MsgRemoveAutoApprovalRule](reporter, "rules: %s", err)
		}
		if len(candidates) == 0 {
			return skip[*types.MsgRemoveAutoApprovalRule](reporter, "no rule on a dataset a simulation account provides")
		}
		c := simactors.Pick(r, candidates)
		signer := simactors.Pick(r, c.signers)
		return []simsx.SimAccount{signer}, &types.MsgRemoveAutoApprovalRule{
			Signer: signer.AddressBech32, DatasetId: c.rule.DatasetId, RuleId: c.rule.Id,
		}
	}
}
