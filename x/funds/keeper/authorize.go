package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	judicialtypes "github.com/trustcity/trustcity/x/evidence/types"
	"github.com/trustcity/trustcity/x/funds/types"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

// authorizeHolder checks that signer is a member (or the admin) of the
// department holding allocation a.
func (k Keeper) authorizeHolder(ctx context.Context, signer sdk.AccAddress, signerStr string, a types.Allocation) error {
	dept, err := k.identity.AuthorizeMember(ctx, signer)
	if err != nil {
		return err
	}
	if dept != a.DepartmentId {
		return types.ErrUnauthorized.Wrapf("%s acts for department %q; allocation %d is held by %q", signerStr, dept, a.Id, a.DepartmentId)
	}
	return nil
}

// authorizeManager checks that signer is a FUND_MANAGER member of the
// program's manager department.
func (k Keeper) authorizeManager(ctx context.Context, signer sdk.AccAddress, signerStr string, p types.Program) error {
	dept, err := k.identity.AuthorizeRole(ctx, signer, identitytypes.Role_ROLE_FUND_MANAGER)
	if err != nil {
		return err
	}
	if dept != p.ManagerDepartment {
		return types.ErrUnauthorized.Wrapf("%s acts for department %q; program %d is managed by %q", signerStr, dept, p.Id, p.ManagerDepartment)
	}
	return nil
}

// authorizeSupervisor checks that signer is a FUND_SUPERVISOR member of the
// program's supervisor department.
func (k Keeper) authorizeSupervisor(ctx context.Context, signer sdk.AccAddress, signerStr string, p types.Program) (string, error) {
	if p.SupervisorDepartment == "" {
		return "", types.ErrNoSupervisor.Wrapf("program %d", p.Id)
	}
	dept, err := k.identity.AuthorizeRole(ctx, signer, identitytypes.Role_ROLE_FUND_SUPERVISOR)
	if err != nil {
		return "", err
	}
	if dept != p.SupervisorDepartment {
		return "", types.ErrUnauthorized.Wrapf("%s acts for department %q; program %d is supervised by %q", signerStr, dept, p.Id, p.SupervisorDepartment)
	}
	return dept, nil
}

// authorizeApprover checks that signer may decide on a pending
// disbursement: a member of the holding department other than its
// requester, or a member of the program's supervisor department. It returns
// the department the signer acts for.
func (k Keeper) authorizeApprover(ctx context.Context, signer sdk.AccAddress, signerStr string, p types.Program, d types.Disbursement) (string, error) {
	dept, err := k.identity.AuthorizeMember(ctx, signer)
	if err != nil {
		return "", err
	}
	switch {
	case dept == d.DepartmentId && signerStr == d.Requester:
		return "", types.ErrSameApprover.Wrapf("%s requested disbursement %d", signerStr, d.Id)
	case dept == d.DepartmentId, p.SupervisorDepartment != "" && dept == p.SupervisorDepartment:
		return dept, nil
	}
	return "", types.ErrUnauthorized.Wrapf("%s acts for department %q; disbursement %d is approved by %q or the supervisor department %q",
		signerStr, dept, d.Id, d.DepartmentId, p.SupervisorDepartment)
}

// checkJurisdiction requires dept to be active, to hold at least one role and
// to sit strictly below the holder's department in the identity tree. It
// charges jurisdiction_gas per level walked.
func (k Keeper) checkJurisdiction(ctx context.Context, holder, dept string, gasPerLevel uint64) error {
	if dept == holder {
		return types.ErrOutsideJurisdiction.Wrapf("department %q already holds this allocation", dept)
	}
	h, err := k.identity.GetDepartment(ctx, holder)
	if err != nil {
		return err
	}
	d, err := k.identity.GetDepartment(ctx, dept)
	if err != nil {
		return err
	}
	if err := k.identity.CheckActive(ctx, d); err != nil {
		return err
	}
	if len(d.Roles) == 0 {
		return types.ErrOutsideJurisdiction.Wrapf("department %q holds no role", dept)
	}
	if d.Depth <= h.Depth {
		return types.ErrOutsideJurisdiction.Wrapf("department %q is not below %q in the identity tree", dept, holder)
	}
	gas := sdk.UnwrapSDKContext(ctx).GasMeter()
	cur := d
	for cur.Depth > h.Depth+1 {
		gas.ConsumeGas(gasPerLevel, "funds: jurisdiction walk")
		if cur, err = k.identity.GetDepartment(ctx, cur.ParentId); err != nil {
			return err
		}
	}
	if cur.ParentId != holder {
		return types.ErrOutsideJurisdiction.Wrapf("department %q is not below %q in the identity tree", dept, holder)
	}
	return nil
}

// checkEligible requires, when the program names an eligibility credential
// type, a credential of that type, valid now, whose subject DID the
// beneficiary controls.
func (k Keeper) checkEligible(ctx context.Context, p types.Program, beneficiary sdk.AccAddress, beneficiaryStr, credentialID string) error {
	if p.EligibilityCredentialType == "" {
		if credentialID != "" {
			return types.ErrInvalidRequest.Wrapf("program %d requires no eligibility credential; leave credential_id empty", p.Id)
		}
		return nil
	}
	if credentialID == "" {
		return types.ErrNotEligible.Wrapf("program %d pays holders of a %q credential; name it in credential_id", p.Id, p.EligibilityCredentialType)
	}
	if len(credentialID) > int(identitytypes.MaxIDLengthCap) {
		return types.ErrInvalidRequest.Wrapf("credential id is %d bytes, the limit is %d", len(credentialID), identitytypes.MaxIDLengthCap)
	}
	failure, c, err := k.identity.VerifyCredential(ctx, credentialID, nil)
	if err != nil {
		return err
	}
	if failure != identitytypes.VerificationFailure_VERIFICATION_FAILURE_UNSPECIFIED {
		return types.ErrNotEligible.Wrapf("credential %q: %s", credentialID, failure)
	}
	if c.Type != p.EligibilityCredentialType {
		return types.ErrNotEligible.Wrapf("credential %q is a %q, program %d requires %q", credentialID, c.Type, p.Id, p.EligibilityCredentialType)
	}
	if _, err := k.identity.AuthorizeController(ctx, beneficiary, c.SubjectDid); err != nil {
		if !identitytypes.ErrNotController.Is(err) {
			return types.ErrNotEligible.Wrapf("credential %q is about %s: %s", credentialID, c.SubjectDid, err)
		}
		return types.ErrNotEligible.Wrapf("credential %q is about %s, which the beneficiary %s does not control", credentialID, c.SubjectDid, beneficiaryStr)
	}
	return nil
}

// checkEvidence requires a judicial evidence record in force.
func (k Keeper) checkEvidence(ctx context.Context, id uint64) error {
	if id == 0 {
		return types.ErrEvidenceNotFound.Wrap("no evidence record named")
	}
	e, err := k.judicial.GetEvidence(ctx, id)
	if err != nil {
		return types.ErrEvidenceNotFound.Wrap(err.Error())
	}
	if e.Status != judicialActive {
		return types.ErrEvidenceNotFound.Wrapf("evidence record %d was withdrawn", id)
	}
	return nil
}

const judicialActive = judicialtypes.EvidenceStatus_EVIDENCE_STATUS_ACTIVE
