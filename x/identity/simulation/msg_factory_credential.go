package simulation

import (
	"context"
	"slices"
	"time"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/identity/keeper"
	"github.com/trustcity/trustcity/x/identity/types"
)

// MsgIssueCredentialFactory anchors a credential: the signer is an account
// AuthorizeRole accepts as CREDENTIAL_ISSUER for a department permitted at
// least one credential type, the type one of those, the subject an active
// DID of this chain or a DID of another method, and the credential expires
// after the block time or never.
func MsgIssueCredentialFactory(k keeper.Keeper) simsx.SimMsgFactoryFn[*types.MsgIssueCredential] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgIssueCredential) {
		r := testData.Rand().Rand
		issuers, err := holders(ctx, k, testData, reporter, types.Role_ROLE_CREDENTIAL_ISSUER)
		if err != nil {
			return skip[*types.MsgIssueCredential](reporter, "issuers: %s", err)
		}
		var permitted []authorized
		for _, iss := range issuers {
			if d, err := k.GetDepartment(ctx, iss.deptID); err == nil && len(d.CredentialTypes) > 0 {
				permitted = append(permitted, iss)
			}
		}
		if len(permitted) == 0 {
			return skip[*types.MsgIssueCredential](reporter, "no simulation account may issue credentials")
		}
		iss := pick(r, permitted)
		d, err := k.GetDepartment(ctx, iss.deptID)
		if err != nil {
			return skip[*types.MsgIssueCredential](reporter, "department: %s", err)
		}
		id := randCredentialID(r)
		if has, err := k.Credentials.Has(ctx, id); err != nil || has {
			return skip[*types.MsgIssueCredential](reporter, "credential id %s taken", id)
		}
		subject := randForeignDID(r)
		if dids, err := activeDids(ctx, k); err == nil && len(dids) > 0 && r.Intn(4) > 0 {
			subject = pick(r, dids)
		}
		msg := &types.MsgIssueCredential{
			Signer:     iss.signer.AddressBech32,
			Id:         id,
			Type:       pick(r, d.CredentialTypes),
			SubjectDid: subject,
			Hash:       randBytes(r, 32),
		}
		if r.Intn(2) == 0 {
			expires := sdk.UnwrapSDKContext(ctx).BlockTime().Add(time.Duration(1+r.Intn(365*24)) * time.Hour)
			msg.ExpiresAt = &expires
		}
		return []simsx.SimAccount{iss.signer}, msg
	}
}

// MsgUpdateCredentialStatusFactory suspends, reinstates or revokes a
// credential that is not revoked, with a reason; the signer is an account
// AuthorizeRole accepts as CREDENTIAL_ISSUER for the issuing department.
// Revocation, which is final, is drawn one time in five.
func MsgUpdateCredentialStatusFactory(k keeper.Keeper) simsx.SimMsgFactoryFn[*types.MsgUpdateCredentialStatus] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgUpdateCredentialStatus) {
		r := testData.Rand().Rand
		issuers, err := holders(ctx, k, testData, reporter, types.Role_ROLE_CREDENTIAL_ISSUER)
		if err != nil {
			return skip[*types.MsgUpdateCredentialStatus](reporter, "issuers: %s", err)
		}
		byDept := map[string][]simsx.SimAccount{}
		for _, iss := range issuers {
			byDept[iss.deptID] = append(byDept[iss.deptID], iss.signer)
		}
		var open []types.Credential
		err = k.Credentials.Walk(ctx, nil, func(_ string, c types.Credential) (bool, error) {
			if c.Status != types.CredentialStatus_CREDENTIAL_STATUS_REVOKED && len(byDept[c.IssuerDepartment]) > 0 {
				open = append(open, c)
			}
			return false, nil
		})
		if err != nil {
			return skip[*types.MsgUpdateCredentialStatus](reporter, "credentials: %s", err)
		}
		if len(open) == 0 {
			return skip[*types.MsgUpdateCredentialStatus](reporter, "no unrevoked credential whose issuing department a simulation account acts for")
		}
		c := pick(r, open)
		signer := pick(r, byDept[c.IssuerDepartment])
		status := types.CredentialStatus_CREDENTIAL_STATUS_SUSPENDED
		switch {
		case r.Intn(5) == 0:
			status = types.CredentialStatus_CREDENTIAL_STATUS_REVOKED
		case c.Status == types.CredentialStatus_CREDENTIAL_STATUS_SUSPENDED:
			status = types.CredentialStatus_CREDENTIAL_STATUS_ACTIVE
		}
		return []simsx.SimAccount{signer}, &types.MsgUpdateCredentialStatus{
			Signer: signer.AddressBech32, Id: c.Id, Status: status, Reason: pick(r, statusReasons()),
		}
	}
}

// statusReasons lists every reason but UNSPECIFIED, sorted by number.
func statusReasons() []types.StatusReason {
	var out []types.StatusReason
	for n := range types.StatusReason_name {
		if n != int32(types.StatusReason_STATUS_REASON_UNSPECIFIED) {
			out = append(out, types.StatusReason(n))
		}
	}
	slices.Sort(out)
	return out
}
