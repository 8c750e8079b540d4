package keeper

import (
	"context"
	"crypto/sha256"
	"fmt"
	"strings"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/identity/types"
)

// IssueCredential anchors a credential for the department the signer acts
// for as CREDENTIAL_ISSUER; the department must be permitted its type.
func (m msgServer) IssueCredential(ctx context.Context, msg *types.MsgIssueCredential) (*types.MsgIssueCredentialResponse, error) {
	copied := *msg
	msg = &copied
	if err := m.canonical("signer", &msg.Signer); err != nil {
		return nil, err
	}
	p, err := m.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	signer, err := m.decodeAddress("signer", msg.Signer)
	if err != nil {
		return nil, err
	}
	deptID, err := m.AuthorizeRole(ctx, signer, types.Role_ROLE_CREDENTIAL_ISSUER)
	if err != nil {
		return nil, err
	}
	if err := types.ValidateIdentifier("credential id", msg.Id, p.MaxIdLength); err != nil {
		return nil, err
	}
	if err := types.ValidateTypeName("credential type", msg.Type, p.MaxIdLength); err != nil {
		return nil, err
	}
	if err := types.ValidateAnyDID("subject DID", msg.SubjectDid); err != nil {
		return nil, err
	}
	if len(msg.Hash) != sha256.Size {
		return nil, types.ErrInvalidCredential.Wrapf("hash must be a %d-byte SHA-256 digest, got %d bytes", sha256.Size, len(msg.Hash))
	}
	d, err := m.GetDepartment(ctx, deptID)
	if err != nil {
		return nil, err
	}
	if !containsSorted(d.CredentialTypes, msg.Type) {
		return nil, types.ErrTypeNotPermitted.Wrapf("department %q may not issue %s credentials", d.Id, msg.Type)
	}
	if err := m.requireLocalSubject(ctx, msg.SubjectDid); err != nil {
		return nil, err
	}
	now := sdk.UnwrapSDKContext(ctx).BlockTime()
	if msg.ExpiresAt != nil && !msg.ExpiresAt.After(now) {
		return nil, types.ErrInvalidCredential.Wrapf("expiry %s is not after the block time %s", types.XMLDateTime(*msg.ExpiresAt), types.XMLDateTime(now))
	}
	if has, err := m.Credentials.Has(ctx, msg.Id); err != nil {
		return nil, err
	} else if has {
		return nil, types.ErrCredentialExists.Wrapf("credential %q", msg.Id)
	}
	index, err := m.StatusListNext.Get(ctx, d.Id)
	if err != nil && !isNotFound(err) {
		return nil, err
	}
	if err := m.StatusListNext.Set(ctx, d.Id, index+1); err != nil {
		return nil, err
	}
	c := types.Credential{
		Id:               msg.Id,
		Type:             msg.Type,
		SubjectDid:       msg.SubjectDid,
		Hash:             msg.Hash,
		IssuerDepartment: d.Id,
		Issuer:           msg.Signer,
		IssuedAt:         now,
		ExpiresAt:        msg.ExpiresAt,
		IssuedHeight:     sdk.UnwrapSDKContext(ctx).BlockHeight(),
		Status:           types.CredentialStatus_CREDENTIAL_STATUS_ACTIVE,
		StatusUpdatedAt:  now,
		StatusListIndex:  index,
	}
	if err := m.addCredential(ctx, c); err != nil {
		return nil, err
	}
	return &types.MsgIssueCredentialResponse{StatusListIndex: index}, emit(ctx, &types.EventCredentialIssued{
		Id: c.Id, Type: c.Type, IssuerDepartment: c.IssuerDepartment, StatusListIndex: index, Signer: msg.Signer,
	})
}

// requireLocalSubject checks that a did:trustcity subject exists and is
// active; DIDs of other methods are taken as given.
func (m msgServer) requireLocalSubject(ctx context.Context, did string) error {
	if !strings.HasPrefix(did, types.DIDPrefix) {
		return nil
	}
	state, err := m.getDidState(ctx, did)
	if err != nil {
		return err
	}
	if state.Deactivated {
		return types.ErrDidDeactivated.Wrapf("subject %s", did)
	}
	return nil
}

// UpdateCredentialStatus suspends, reinstates or revokes a credential. Only a
// CREDENTIAL_ISSUER of the issuing department may; revocation is final.
func (m msgServer) UpdateCredentialStatus(ctx context.Context, msg *types.MsgUpdateCredentialStatus) (*types.MsgUpdateCredentialStatusResponse, error) {
	copied := *msg
	msg = &copied
	if err := m.canonical("signer", &msg.Signer); err != nil {
		return nil, err
	}
	signer, err := m.decodeAddress("signer", msg.Signer)
	if err != nil {
		return nil, err
	}
	c, err := m.GetCredential(ctx, msg.Id)
	if err != nil {
		return nil, err
	}
	deptID, err := m.AuthorizeRole(ctx, signer, types.Role_ROLE_CREDENTIAL_ISSUER)
	if err != nil {
		return nil, err
	}
	if deptID != c.IssuerDepartment {
		return nil, types.ErrUnauthorized.Wrapf("credential %q was issued by department %q; %s acts for %q", c.Id, c.IssuerDepartment, msg.Signer, deptID)
	}
	if _, known := types.StatusReason_name[int32(msg.Reason)]; !known || msg.Reason == types.StatusReason_STATUS_REASON_UNSPECIFIED {
		return nil, types.ErrInvalidStatusChange.Wrapf("a status change needs a reason code, got %d", msg.Reason)
	}
	if err := checkCredentialTransition(c.Status, msg.Status); err != nil {
		return nil, types.ErrInvalidStatusChange.Wrapf("credential %q: %s", c.Id, err)
	}
	c.Status, c.StatusReason = msg.Status, msg.Reason
	c.StatusUpdatedAt = sdk.UnwrapSDKContext(ctx).BlockTime()
	if err := m.Credentials.Set(ctx, c.Id, c); err != nil {
		return nil, err
	}
	if err := m.writeStatusBits(ctx, c); err != nil {
		return nil, err
	}
	return &types.MsgUpdateCredentialStatusResponse{}, emit(ctx, &types.EventCredentialStatusChanged{
		Id: c.Id, Status: c.Status, Reason: c.StatusReason, IssuerDepartment: c.IssuerDepartment, Signer: msg.Signer,
	})
}

// checkCredentialTransition allows ACTIVE→SUSPENDED, SUSPENDED→ACTIVE and
// ACTIVE|SUSPENDED→REVOKED.
func checkCredentialTransition(from, to types.CredentialStatus) error {
	switch {
	case from == types.CredentialStatus_CREDENTIAL_STATUS_REVOKED:
		return fmt.Errorf("it is revoked, which is final")
	case to == from:
		return fmt.Errorf("it is already %s", to)
	case to == types.CredentialStatus_CREDENTIAL_STATUS_ACTIVE,
		to == types.CredentialStatus_CREDENTIAL_STATUS_SUSPENDED,
		to == types.CredentialStatus_CREDENTIAL_STATUS_REVOKED:
		return nil
	default:
		return fmt.Errorf("unknown target status %d", to)
	}
}
