package keeper

import (
	"context"
	"strings"

	"cosmossdk.io/collections"

	"github.com/trustcity/trustcity/x/datashare/types"
)

// RevokeGrant ends a grant in force; the owner decides.
func (m msgServer) RevokeGrant(ctx context.Context, msg *types.MsgRevokeGrant) (*types.MsgRevokeGrantResponse, error) {
	signer, signerStr, err := m.signer(msg.Signer)
	if err != nil {
		return nil, err
	}
	p, err := m.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	if err := types.ValidateText("reason", msg.Reason, p.MaxTextLength); err != nil {
		return nil, err
	}
	g, err := m.GetGrant(ctx, msg.GrantId)
	if err != nil {
		return nil, err
	}
	d, err := m.GetDataset(ctx, g.DatasetId)
	if err != nil {
		return nil, err
	}
	if err := m.authorizeOwner(ctx, signer, signerStr, d); err != nil {
		return nil, err
	}
	_, now := blockInfo(ctx)
	if err := requireInForce(g, now); err != nil {
		return nil, err
	}
	return &types.MsgRevokeGrantResponse{}, m.endGrant(ctx, g, types.GrantStatus_GRANT_STATUS_REVOKED, msg.Reason)
}

// RelinquishGrant lets the grantee give up a grant in force.
func (m msgServer) RelinquishGrant(ctx context.Context, msg *types.MsgRelinquishGrant) (*types.MsgRelinquishGrantResponse, error) {
	signer, signerStr, err := m.signer(msg.Signer)
	if err != nil {
		return nil, err
	}
	g, err := m.GetGrant(ctx, msg.GrantId)
	if err != nil {
		return nil, err
	}
	if err := m.actsAs(ctx, signer, signerStr, g.Grantee); err != nil {
		return nil, err
	}
	_, now := blockInfo(ctx)
	if err := requireInForce(g, now); err != nil {
		return nil, err
	}
	return &types.MsgRelinquishGrantResponse{}, m.endGrant(ctx, g, types.GrantStatus_GRANT_STATUS_RELINQUISHED, "")
}

// PostKeyEnvelope stores a version's content key encrypted to a key-agreement
// key of the grantee's DID. The grant must be usable (in force and, for
// personal data, covered by consent), so after a revocation the owner can
// rotate: publish a new version and post envelopes only to the grants still
// in force.
func (m msgServer) PostKeyEnvelope(ctx context.Context, msg *types.MsgPostKeyEnvelope) (*types.MsgPostKeyEnvelopeResponse, error) {
	signer, signerStr, err := m.signer(msg.Signer)
	if err != nil {
		return nil, err
	}
	p, err := m.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	if len(msg.Ciphertext) == 0 || len(msg.Ciphertext) > int(p.MaxEnvelopeBytes) {
		return nil, types.ErrInvalidRequest.Wrapf("ciphertext is %d bytes, it must be 1 to %d", len(msg.Ciphertext), p.MaxEnvelopeBytes)
	}
	if err := types.ValidateAlgorithm(msg.Algorithm, p.MaxTextLength); err != nil {
		return nil, err
	}
	g, err := m.GetGrant(ctx, msg.GrantId)
	if err != nil {
		return nil, err
	}
	d, err := m.GetDataset(ctx, g.DatasetId)
	if err != nil {
		return nil, err
	}
	if err := m.authorizeOwner(ctx, signer, signerStr, d); err != nil {
		return nil, err
	}
	if _, err := m.getVersion(ctx, d.Id, msg.Version); err != nil {
		return nil, err
	}
	res, err := m.usable(ctx, d, g, false)
	if err != nil {
		return nil, err
	}
	if err := res.err(); err != nil {
		return nil, err
	}
	if err := m.checkRecipientKey(ctx, g.Grantee, msg.RecipientKey); err != nil {
		return nil, err
	}
	height, now := blockInfo(ctx)
	env := types.KeyEnvelope{
		GrantId: g.Id, Version: msg.Version, DatasetId: d.Id, RecipientKey: msg.RecipientKey,
		Algorithm: msg.Algorithm, Ciphertext: msg.Ciphertext, PostedBy: signerStr, Height: height, PostedAt: now,
	}
	if err := m.Envelopes.Set(ctx, collections.Join(g.Id, msg.Version), env); err != nil {
		return nil, err
	}
	return &types.MsgPostKeyEnvelopeResponse{}, emit(ctx, &types.EventKeyEnvelopePosted{
		GrantId: g.Id, Version: msg.Version, DatasetId: d.Id, Grantee: g.Grantee, RecipientKey: msg.RecipientKey,
	})
}

// checkRecipientKey requires key to be the DID URL of an X25519
// key-agreement key of the grantee's DID (a department's own DID, or the
// grantee DID itself).
func (k Keeper) checkRecipientKey(ctx context.Context, grantee, key string) error {
	did := grantee
	if !types.IsDID(grantee) {
		dept, err := k.identity.GetDepartment(ctx, grantee)
		if err != nil {
			return err
		}
		if dept.Did == "" {
			return types.ErrNoKeyAgreementKey.Wrapf("department %q has no DID to encrypt to", grantee)
		}
		did = dept.Did
	}
	base, fragment, ok := strings.Cut(key, "#")
	if !ok || base != did || fragment == "" {
		return types.ErrNoKeyAgreementKey.Wrapf("recipient key %q must be %s#<key id>", key, did)
	}
	keys, err := k.identity.KeyAgreementKeys(ctx, did)
	if err != nil {
		return err
	}
	for _, vm := range keys {
		if vm.Id == fragment {
			return nil
		}
	}
	return types.ErrNoKeyAgreementKey.Wrapf("%s has no key-agreement key %q", did, fragment)
}

// RecordAccess logs one use of a dataset version under a usable grant, for
// the grant's purpose.
func (m msgServer) RecordAccess(ctx context.Context, msg *types.MsgRecordAccess) (*types.MsgRecordAccessResponse, error) {
	signer, signerStr, err := m.signer(msg.Signer)
	if err != nil {
		return nil, err
	}
	g, err := m.GetGrant(ctx, msg.GrantId)
	if err != nil {
		return nil, err
	}
	if err := m.actsAs(ctx, signer, signerStr, g.Grantee); err != nil {
		return nil, err
	}
	if msg.Purpose != g.Purpose {
		return nil, types.ErrPurposeMismatch.Wrapf("grant %d is for %q, not %q", g.Id, g.Purpose, msg.Purpose)
	}
	d, err := m.GetDataset(ctx, g.DatasetId)
	if err != nil {
		return nil, err
	}
	if _, err := m.getVersion(ctx, d.Id, msg.Version); err != nil {
		return nil, err
	}
	res, err := m.usable(ctx, d, g, true) // actsAs checked the grantee
	if err != nil {
		return nil, err
	}
	if err := res.err(); err != nil {
		return nil, err
	}
	id, err := m.AccessLogSeq.Next(ctx)
	if err != nil {
		return nil, err
	}
	height, now := blockInfo(ctx)
	l := types.AccessLog{
		Id: id, DatasetId: d.Id, Version: msg.Version, GrantId: g.Id, Grantee: g.Grantee, Subject: d.Subject,
		Accessor: signerStr, Purpose: g.Purpose, Height: height, AccessedAt: now,
	}
	if err := m.setAccessLog(ctx, l); err != nil {
		return nil, err
	}
	return &types.MsgRecordAccessResponse{LogId: id}, emit(ctx, &types.EventAccessRecorded{
		LogId: id, DatasetId: d.Id, Version: l.Version, GrantId: g.Id, Grantee: g.Grantee, Subject: d.Subject,
	})
}

// setAccessLog writes a log entry with its indexes.
func (k Keeper) setAccessLog(ctx context.Context, l types.AccessLog) error {
	if err := k.AccessLogs.Set(ctx, l.Id, l); err != nil {
		return err
	}
	if err := k.LogsByDataset.Set(ctx, collections.Join(l.DatasetId, l.Id)); err != nil {
		return err
	}
	if err := k.LogsByGrantee.Set(ctx, collections.Join(l.Grantee, l.Id)); err != nil {
		return err
	}
	if l.Subject == "" {
		return nil
	}
	return k.LogsBySubject.Set(ctx, collections.Join(l.Subject, l.Id))
}
