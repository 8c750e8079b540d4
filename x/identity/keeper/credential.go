package keeper

import (
	"bytes"
	"context"
	"slices"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/identity/types"
)

// GetCredential returns a credential anchor or ErrCredentialNotFound.
func (k Keeper) GetCredential(ctx context.Context, id string) (types.Credential, error) {
	c, err := k.Credentials.Get(ctx, id)
	if isNotFound(err) {
		return c, types.ErrCredentialNotFound.Wrapf("credential %q", id)
	}
	return c, err
}

// VerifyCredential answers whether credential id is valid at the current
// block time and, when hash is given, anchored with that hash. The checks
// run in a fixed order: unknown, hash mismatch, revoked, suspended, expired,
// issuer department suspended. The credential is returned when it exists.
func (k Keeper) VerifyCredential(ctx context.Context, id string, hash []byte) (types.VerificationFailure, *types.Credential, error) {
	c, err := k.Credentials.Get(ctx, id)
	if isNotFound(err) {
		return types.VerificationFailure_VERIFICATION_FAILURE_UNKNOWN, nil, nil
	} else if err != nil {
		return 0, nil, err
	}
	switch {
	case len(hash) > 0 && !bytes.Equal(hash, c.Hash):
		return types.VerificationFailure_VERIFICATION_FAILURE_HASH_MISMATCH, &c, nil
	case c.Status == types.CredentialStatus_CREDENTIAL_STATUS_REVOKED:
		return types.VerificationFailure_VERIFICATION_FAILURE_REVOKED, &c, nil
	case c.Status == types.CredentialStatus_CREDENTIAL_STATUS_SUSPENDED:
		return types.VerificationFailure_VERIFICATION_FAILURE_SUSPENDED, &c, nil
	case c.ExpiresAt != nil && !sdk.UnwrapSDKContext(ctx).BlockTime().Before(*c.ExpiresAt):
		return types.VerificationFailure_VERIFICATION_FAILURE_EXPIRED, &c, nil
	}
	d, err := k.GetDepartment(ctx, c.IssuerDepartment)
	if err != nil {
		return 0, &c, err
	}
	if k.CheckActive(ctx, d) != nil {
		return types.VerificationFailure_VERIFICATION_FAILURE_ISSUER_SUSPENDED, &c, nil
	}
	return types.VerificationFailure_VERIFICATION_FAILURE_UNSPECIFIED, &c, nil
}

// addCredential stores a credential with its indexes and status bits.
func (k Keeper) addCredential(ctx context.Context, c types.Credential) error {
	if err := k.Credentials.Set(ctx, c.Id, c); err != nil {
		return err
	}
	if err := k.CredentialsByIssuer.Set(ctx, collections.Join(c.IssuerDepartment, c.Id)); err != nil {
		return err
	}
	if err := k.CredentialsBySubject.Set(ctx, collections.Join(c.SubjectDid, c.Id)); err != nil {
		return err
	}
	if err := k.CredentialsByType.Set(ctx, collections.Join(c.Type, c.Id)); err != nil {
		return err
	}
	return k.writeStatusBits(ctx, c)
}

// writeStatusBits sets the credential's bits in its issuer's revocation and
// suspension lists from its status.
func (k Keeper) writeStatusBits(ctx context.Context, c types.Credential) error {
	if err := k.setStatusBit(ctx, c.IssuerDepartment, types.StatusPurpose_STATUS_PURPOSE_REVOCATION, c.StatusListIndex,
		c.Status == types.CredentialStatus_CREDENTIAL_STATUS_REVOKED); err != nil {
		return err
	}
	return k.setStatusBit(ctx, c.IssuerDepartment, types.StatusPurpose_STATUS_PURPOSE_SUSPENSION, c.StatusListIndex,
		c.Status == types.CredentialStatus_CREDENTIAL_STATUS_SUSPENDED)
}

// setStatusBit sets or clears one bit; a chunk that becomes all zero is
// deleted, so a list's storage grows only with the credentials it flags.
func (k Keeper) setStatusBit(ctx context.Context, dept string, purpose types.StatusPurpose, index uint64, on bool) error {
	chunk, byteIndex, mask := types.StatusPosition(index)
	key := collections.Join3(dept, int32(purpose), chunk)
	bits, err := k.StatusBits.Get(ctx, key)
	if isNotFound(err) {
		if !on {
			return nil
		}
		bits = make([]byte, types.StatusChunkBytes)
	} else if err != nil {
		return err
	}
	if on {
		bits[byteIndex] |= mask
	} else {
		bits[byteIndex] &^= mask
	}
	if !slices.ContainsFunc(bits, func(b byte) bool { return b != 0 }) {
		return k.StatusBits.Remove(ctx, key)
	}
	return k.StatusBits.Set(ctx, key, bits)
}

// StatusListBits returns the bitstring of one status list of a department.
func (k Keeper) StatusListBits(ctx context.Context, dept string, purpose types.StatusPurpose, list uint64) ([]byte, error) {
	bits := make([]byte, types.StatusListLength/8)
	first := list * types.ChunksPerList
	for c := uint64(0); c < types.ChunksPerList; c++ {
		chunk, err := k.StatusBits.Get(ctx, collections.Join3(dept, int32(purpose), first+c))
		if isNotFound(err) {
			continue
		} else if err != nil {
			return nil, err
		}
		copy(bits[c*types.StatusChunkBytes:], chunk)
	}
	return bits, nil
}
