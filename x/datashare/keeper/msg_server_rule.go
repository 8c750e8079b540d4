package keeper

import (
	"context"
	"slices"

	"cosmossdk.io/collections"

	"github.com/trustcity/trustcity/x/datashare/types"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

// SetAutoApprovalRule adds a rule that grants matching requests on a public
// or internal dataset without a human step.
func (m msgServer) SetAutoApprovalRule(ctx context.Context, msg *types.MsgSetAutoApprovalRule) (*types.MsgSetAutoApprovalRuleResponse, error) {
	signer, signerStr, err := m.signer(msg.Signer)
	if err != nil {
		return nil, err
	}
	p, err := m.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	rule := types.AutoApprovalRule{DatasetId: msg.DatasetId, Role: msg.Role, Departments: msg.Departments, MaxDuration: msg.MaxDuration}
	if err := validateRule(&rule, p); err != nil {
		return nil, err
	}
	d, err := m.GetDataset(ctx, msg.DatasetId)
	if err != nil {
		return nil, err
	}
	if err := m.authorizeOwner(ctx, signer, signerStr, d); err != nil {
		return nil, err
	}
	if d.Sensitivity == types.Sensitivity_SENSITIVITY_PERSONAL {
		return nil, types.ErrPersonalData.Wrapf("dataset %q is personal: every grant on it is decided by the owner and needs the subject's consent", d.Id)
	}
	for _, dept := range rule.Departments {
		if _, err := m.identity.GetDepartment(ctx, dept); err != nil {
			return nil, err
		}
	}
	if len(d.RuleIds) >= int(p.MaxRulesPerDataset) {
		return nil, types.ErrTooManyRules.Wrapf("dataset %q has %d rules, the limit is %d", d.Id, len(d.RuleIds), p.MaxRulesPerDataset)
	}
	id, err := m.RuleSeq.Next(ctx)
	if err != nil {
		return nil, err
	}
	rule.Id, rule.CreatedBy = id, signerStr
	rule.Height, _ = blockInfo(ctx)
	if err := m.Rules.Set(ctx, collections.Join(d.Id, id), rule); err != nil {
		return nil, err
	}
	d.RuleIds = append(d.RuleIds, id)
	if err := m.Datasets.Set(ctx, d.Id, d); err != nil {
		return nil, err
	}
	return &types.MsgSetAutoApprovalRuleResponse{RuleId: id}, emit(ctx, &types.EventAutoApprovalRuleSet{DatasetId: d.Id, RuleId: id})
}

// validateRule checks a rule's stateless fields and sorts its departments.
func validateRule(rule *types.AutoApprovalRule, p types.Params) error {
	if err := types.ValidateSlug("dataset id", rule.DatasetId); err != nil {
		return err
	}
	if _, ok := identitytypes.Role_name[int32(rule.Role)]; !ok {
		return types.ErrInvalidRequest.Wrapf("unknown role %d", rule.Role)
	}
	if rule.Role == identitytypes.Role_ROLE_UNSPECIFIED && len(rule.Departments) == 0 {
		return types.ErrInvalidRequest.Wrap("a rule names a role, departments, or both")
	}
	if len(rule.Departments) > int(p.MaxListItems) {
		return types.ErrInvalidRequest.Wrapf("%d departments, the limit is %d", len(rule.Departments), p.MaxListItems)
	}
	depts := slices.Clone(rule.Departments)
	slices.Sort(depts)
	for i, dept := range depts {
		if err := types.ValidateDepartmentID("department", dept); err != nil {
			return err
		}
		if i > 0 && depts[i-1] == dept {
			return types.ErrInvalidRequest.Wrapf("department %q is listed twice", dept)
		}
	}
	rule.Departments = depts
	return types.ValidateDuration("max_duration", rule.MaxDuration, p.MaxGrantDuration)
}

// RemoveAutoApprovalRule removes a rule; requests already granted keep
// their grants.
func (m msgServer) RemoveAutoApprovalRule(ctx context.Context, msg *types.MsgRemoveAutoApprovalRule) (*types.MsgRemoveAutoApprovalRuleResponse, error) {
	signer, signerStr, err := m.signer(msg.Signer)
	if err != nil {
		return nil, err
	}
	d, err := m.GetDataset(ctx, msg.DatasetId)
	if err != nil {
		return nil, err
	}
	if err := m.authorizeOwner(ctx, signer, signerStr, d); err != nil {
		return nil, err
	}
	i := slices.Index(d.RuleIds, msg.RuleId)
	if i < 0 {
		return nil, types.ErrRuleNotFound.Wrapf("dataset %q has no rule %d", d.Id, msg.RuleId)
	}
	if err := m.Rules.Remove(ctx, collections.Join(d.Id, msg.RuleId)); err != nil {
		return nil, err
	}
	d.RuleIds = slices.Delete(d.RuleIds, i, i+1)
	if err := m.Datasets.Set(ctx, d.Id, d); err != nil {
		return nil, err
	}
	return &types.MsgRemoveAutoApprovalRuleResponse{}, emit(ctx, &types.EventAutoApprovalRuleRemoved{DatasetId: d.Id, RuleId: msg.RuleId})
}
