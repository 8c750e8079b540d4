package keeper_test

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"io"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/identity/types"
)

func (f *fixture) issue(signer string, n int, mutate func(*types.MsgIssueCredential)) func(sdk.Context) error {
	return func(ctx sdk.Context) error {
		msg := &types.MsgIssueCredential{Signer: signer, Id: credID(n), Type: "DriverLicence", SubjectDid: f.subject, Hash: hashOf(credID(n))}
		if mutate != nil {
			mutate(msg)
		}
		_, err := f.msg.IssueCredential(ctx, msg)
		return err
	}
}

func (f *fixture) setStatus(signer string, n int, status types.CredentialStatus, reason types.StatusReason) func(sdk.Context) error {
	return func(ctx sdk.Context) error {
		_, err := f.msg.UpdateCredentialStatus(ctx, &types.MsgUpdateCredentialStatus{Signer: signer, Id: credID(n), Status: status, Reason: reason})
		return err
	}
}

func TestIssueCredentialRejects(t *testing.T) {
	f := newFixture(t)
	issuer := f.addr["issuer"]
	require.NoError(t, f.issue(issuer, 1, nil)(f.ctx))
	past := f.ctx.BlockTime().Add(-time.Hour)
	runRejects(t, f, []rejectCase{
		{"outsider", types.ErrNotAffiliated, f.issue(f.addr["outsider"], 2, nil)},
		{"member without CREDENTIAL_ISSUER", types.ErrRoleNotHeld, f.issue(f.addr["provider"], 2, nil)},
		{"department without CREDENTIAL_ISSUER", types.ErrRoleNotHeld, f.issue(f.addr["courtAdmin"], 2, nil)},
		{"suspended department", types.ErrDepartmentSuspended, f.issue(f.addr["healthIssuer"], 2, func(m *types.MsgIssueCredential) { m.Type = "ResidentCard" })},
		{"type the department may not issue", types.ErrTypeNotPermitted, f.issue(issuer, 2, func(m *types.MsgIssueCredential) { m.Type = "ResidentCard" })},
		{"existing id", types.ErrCredentialExists, f.issue(issuer, 1, nil)},
		{"id with spaces", types.ErrInvalidRequest, f.issue(issuer, 2, func(m *types.MsgIssueCredential) { m.Id = "licence of zhang san" })},
		{"empty id", types.ErrInvalidRequest, f.issue(issuer, 2, func(m *types.MsgIssueCredential) { m.Id = "" })},
		{"bad type", types.ErrInvalidRequest, f.issue(issuer, 2, func(m *types.MsgIssueCredential) { m.Type = "9Licence" })},
		{"subject not a DID", types.ErrInvalidDid, f.issue(issuer, 2, func(m *types.MsgIssueCredential) { m.SubjectDid = "zhang san" })},
		{"unknown local subject", types.ErrDidNotFound, f.issue(issuer, 2, func(m *types.MsgIssueCredential) { m.SubjectDid = uuidDID })},
		{"short hash", types.ErrInvalidCredential, f.issue(issuer, 2, func(m *types.MsgIssueCredential) { m.Hash = []byte{1, 2} })},
		{"expiry in the past", types.ErrInvalidCredential, f.issue(issuer, 2, func(m *types.MsgIssueCredential) { m.ExpiresAt = &past })},
	})
	f.t = t
	// A subject on another DID method is taken as given.
	require.NoError(t, f.issue(issuer, 3, func(m *types.MsgIssueCredential) {
		m.SubjectDid = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"
	})(f.ctx))
}

func TestCredentialStatusAndVerify(t *testing.T) {
	f := newFixture(t)
	issuer, ta := f.addr["issuer"], f.addr["transportAdmin"]
	expiry := f.ctx.BlockTime().Add(24 * time.Hour)
	require.NoError(t, f.issue(issuer, 1, nil)(f.ctx))
	require.NoError(t, f.issue(issuer, 2, func(m *types.MsgIssueCredential) { m.ExpiresAt = &expiry })(f.ctx))
	suspended, revoked, active := types.CredentialStatus_CREDENTIAL_STATUS_SUSPENDED, types.CredentialStatus_CREDENTIAL_STATUS_REVOKED, types.CredentialStatus_CREDENTIAL_STATUS_ACTIVE
	hold := types.StatusReason_STATUS_REASON_CERTIFICATE_HOLD
	runRejects(t, f, []rejectCase{
		{"outsider", types.ErrNotAffiliated, f.setStatus(f.addr["outsider"], 1, suspended, hold)},
		{"member without the role", types.ErrRoleNotHeld, f.setStatus(f.addr["provider"], 1, suspended, hold)},
		{"another department's issuer", types.ErrUnauthorized, f.setStatus(f.addr["cityAdmin"], 1, suspended, hold)},
		{"no reason", types.ErrInvalidStatusChange, f.setStatus(issuer, 1, suspended, 0)},
		{"unknown reason", types.ErrInvalidStatusChange, f.setStatus(issuer, 1, suspended, 7)},
		{"same status", types.ErrInvalidStatusChange, f.setStatus(issuer, 1, active, types.StatusReason_STATUS_REASON_OTHER)},
		{"unknown status", types.ErrInvalidStatusChange, f.setStatus(issuer, 1, 0, hold)},
		{"unknown credential", types.ErrCredentialNotFound, f.setStatus(issuer, 9, suspended, hold)},
	})
	f.t = t
	verify := func(n int, hash []byte) *types.QueryVerifyCredentialResponse {
		res, err := f.query.VerifyCredential(f.ctx, &types.QueryVerifyCredentialRequest{Id: credID(n), Hash: hash})
		require.NoError(t, err)
		return res
	}
	require.True(t, verify(1, hashOf(credID(1))).Valid)
	require.True(t, verify(1, nil).Valid, "the hash is optional")
	require.Equal(t, types.VerificationFailure_VERIFICATION_FAILURE_HASH_MISMATCH, verify(1, hashOf("forged")).Failure)
	require.Equal(t, types.VerificationFailure_VERIFICATION_FAILURE_UNKNOWN, verify(9, nil).Failure)

	bit := func(purpose types.StatusPurpose, index uint64) bool {
		res, err := f.query.StatusList(f.ctx, &types.QueryStatusListRequest{DepartmentId: "transport", Purpose: purpose})
		require.NoError(t, err)
		require.Equal(t, byte('u'), res.EncodedList[0])
		raw, err := base64.RawURLEncoding.DecodeString(res.EncodedList[1:])
		require.NoError(t, err)
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		require.NoError(t, err)
		bits, err := io.ReadAll(zr)
		require.NoError(t, err)
		require.Len(t, bits, types.StatusListLength/8)
		return bits[index/8]&(0x80>>(index%8)) != 0
	}
	c1, err := f.k.GetCredential(f.ctx, credID(1))
	require.NoError(t, err)
	revocation, suspension := types.StatusPurpose_STATUS_PURPOSE_REVOCATION, types.StatusPurpose_STATUS_PURPOSE_SUSPENSION

	// Suspend (by the department's admin), reinstate (by the issuer), revoke.
	require.NoError(t, f.setStatus(ta, 1, suspended, hold)(f.ctx))
	require.Equal(t, types.VerificationFailure_VERIFICATION_FAILURE_SUSPENDED, verify(1, nil).Failure)
	require.True(t, bit(suspension, c1.StatusListIndex))
	require.NoError(t, f.setStatus(issuer, 1, active, types.StatusReason_STATUS_REASON_REMOVE_FROM_HOLD)(f.ctx))
	require.True(t, verify(1, nil).Valid)
	require.False(t, bit(suspension, c1.StatusListIndex))
	require.NoError(t, f.setStatus(issuer, 1, revoked, types.StatusReason_STATUS_REASON_PRIVILEGE_WITHDRAWN)(f.ctx))
	res := verify(1, nil)
	require.Equal(t, types.VerificationFailure_VERIFICATION_FAILURE_REVOKED, res.Failure)
	require.Equal(t, types.StatusReason_STATUS_REASON_PRIVILEGE_WITHDRAWN, res.Credential.StatusReason)
	require.True(t, bit(revocation, c1.StatusListIndex))
	require.False(t, bit(revocation, c1.StatusListIndex+1), "the neighbour is untouched")
	f.rejects(types.ErrInvalidStatusChange, f.setStatus(issuer, 1, active, types.StatusReason_STATUS_REASON_OTHER))

	// Expiry is judged by block time.
	require.True(t, verify(2, nil).Valid)
	later := f.ctx.WithBlockTime(expiry)
	res, err = f.query.VerifyCredential(later, &types.QueryVerifyCredentialRequest{Id: credID(2)})
	require.NoError(t, err)
	require.Equal(t, types.VerificationFailure_VERIFICATION_FAILURE_EXPIRED, res.Failure)

	// Suspending the issuing department (here through its parent) invalidates.
	f.must(f.msg.SetDepartmentStatus(f.ctx, &types.MsgSetDepartmentStatus{Signer: f.gov, Id: "city", Status: types.DepartmentStatus_DEPARTMENT_STATUS_SUSPENDED}))
	require.Equal(t, types.VerificationFailure_VERIFICATION_FAILURE_ISSUER_SUSPENDED, verify(2, nil).Failure)
}

func TestCredentialListsAndStatusListQueries(t *testing.T) {
	f := newFixture(t)
	for n := range 3 {
		require.NoError(t, f.issue(f.addr["issuer"], n, nil)(f.ctx))
	}
	byIssuer, err := f.query.CredentialsByIssuer(f.ctx, &types.QueryCredentialsByIssuerRequest{DepartmentId: "transport"})
	require.NoError(t, err)
	require.Len(t, byIssuer.Credentials, 3)
	for i, c := range byIssuer.Credentials {
		require.Equal(t, uint64(i), c.StatusListIndex, "indexes are handed out in order")
	}
	bySubject, err := f.query.CredentialsBySubject(f.ctx, &types.QueryCredentialsBySubjectRequest{SubjectDid: f.subject})
	require.NoError(t, err)
	require.Len(t, bySubject.Credentials, 3)
	byType, err := f.query.CredentialsByType(f.ctx, &types.QueryCredentialsByTypeRequest{Type: "DriverLicence"})
	require.NoError(t, err)
	require.Len(t, byType.Credentials, 3)
	none, err := f.query.CredentialsByType(f.ctx, &types.QueryCredentialsByTypeRequest{Type: "ResidentCard"})
	require.NoError(t, err)
	require.Empty(t, none.Credentials)

	_, err = f.query.StatusList(f.ctx, &types.QueryStatusListRequest{DepartmentId: "transport", Purpose: types.StatusPurpose_STATUS_PURPOSE_REVOCATION, List: 1})
	require.ErrorIs(t, err, types.ErrStatusListNotFound)
	_, err = f.query.StatusList(f.ctx, &types.QueryStatusListRequest{DepartmentId: "transport"})
	require.ErrorIs(t, err, types.ErrInvalidRequest)
	_, err = f.query.StatusList(f.ctx, &types.QueryStatusListRequest{DepartmentId: "nowhere", Purpose: types.StatusPurpose_STATUS_PURPOSE_REVOCATION})
	require.ErrorIs(t, err, types.ErrDepartmentNotFound)
	res, err := f.query.StatusList(f.ctx, &types.QueryStatusListRequest{DepartmentId: "court", Purpose: types.StatusPurpose_STATUS_PURPOSE_SUSPENSION})
	require.NoError(t, err, "list 0 exists before the first credential")
	require.Contains(t, res.Credential, `"statusPurpose":"suspension"`)
	require.Contains(t, res.Credential, `"issuer":"urn:trustcity:department:court"`)
}
