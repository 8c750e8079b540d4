package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/datashare/types"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
	"github.com/trustcity/trustcity/x/internal/collutil"
)

var isNotFound = collutil.IsNotFound

// actor returns the grantee a signer acts as: with grantee empty, the
// department the signer is the admin or a member of (active); with a DID,
// the DID after checking the signer controls it.
func (k Keeper) actor(ctx context.Context, signer sdk.AccAddress, grantee string) (string, error) {
	if grantee == "" {
		return k.identity.AuthorizeMember(ctx, signer)
	}
	if !types.IsDID(grantee) {
		return "", types.ErrInvalidRequest.Wrapf("grantee %q must be empty (the signer's department) or a DID", grantee)
	}
	return k.identity.AuthorizeController(ctx, signer, grantee)
}

// actsAs checks that signer may act as grantee (a department id or a DID).
func (k Keeper) actsAs(ctx context.Context, signer sdk.AccAddress, signerStr, grantee string) error {
	if types.IsDID(grantee) {
		_, err := k.identity.AuthorizeController(ctx, signer, grantee)
		return err
	}
	dept, err := k.identity.AuthorizeMember(ctx, signer)
	if err != nil {
		return err
	}
	if dept != grantee {
		return types.ErrUnauthorized.Wrapf("%s acts for department %q, not %q", signerStr, dept, grantee)
	}
	return nil
}

// authorizeOwner checks that signer is a DATA_PROVIDER of the dataset's
// owner department.
func (k Keeper) authorizeOwner(ctx context.Context, signer sdk.AccAddress, signerStr string, d types.Dataset) error {
	dept, err := k.identity.AuthorizeRole(ctx, signer, identitytypes.Role_ROLE_DATA_PROVIDER)
	if err != nil {
		return err
	}
	if dept != d.Owner {
		return types.ErrUnauthorized.Wrapf("%s acts for department %q; dataset %q belongs to %q", signerStr, dept, d.Id, d.Owner)
	}
	return nil
}

// authorizePublisher checks that signer may publish a version of d: a
// DATA_PROVIDER of the owner, or an active device of the owner whose scopes
// include the dataset id. It returns which of the two signed.
func (k Keeper) authorizePublisher(ctx context.Context, signer sdk.AccAddress, signerStr string, d types.Dataset) (types.PublisherKind, error) {
	err := k.authorizeOwner(ctx, signer, signerStr, d)
	if err == nil {
		return types.PublisherKind_PUBLISHER_KIND_MEMBER, nil
	}
	if !errors.Is(err, identitytypes.ErrNotAffiliated) {
		return 0, err
	}
	// Devices are not members: try the signer as a device of the owner.
	derr := k.identity.AuthorizeDevice(ctx, signer, d.Owner, d.Id)
	if errors.Is(derr, identitytypes.ErrDeviceNotFound) {
		return 0, err
	}
	if derr != nil {
		return 0, derr
	}
	return types.PublisherKind_PUBLISHER_KIND_DEVICE, nil
}

// GetDataset returns a dataset or ErrDatasetNotFound.
func (k Keeper) GetDataset(ctx context.Context, id string) (types.Dataset, error) {
	d, err := k.Datasets.Get(ctx, id)
	if isNotFound(err) {
		return d, types.ErrDatasetNotFound.Wrapf("%q", id)
	}
	return d, err
}

// GetGrant returns a grant or ErrGrantNotFound.
func (k Keeper) GetGrant(ctx context.Context, id uint64) (types.Grant, error) {
	g, err := k.Grants.Get(ctx, id)
	if isNotFound(err) {
		return g, types.ErrGrantNotFound.Wrapf("grant %d", id)
	}
	return g, err
}

// GetRequest returns a request or ErrRequestNotFound.
func (k Keeper) GetRequest(ctx context.Context, id uint64) (types.AccessRequest, error) {
	r, err := k.Requests.Get(ctx, id)
	if isNotFound(err) {
		return r, types.ErrRequestNotFound.Wrapf("request %d", id)
	}
	return r, err
}

// GetConsent returns a consent or ErrConsentNotFound.
func (k Keeper) GetConsent(ctx context.Context, id uint64) (types.Consent, error) {
	c, err := k.Consents.Get(ctx, id)
	if isNotFound(err) {
		return c, types.ErrConsentNotFound.Wrapf("consent %d", id)
	}
	return c, err
}

// getVersion returns a dataset version or ErrVersionNotFound.
func (k Keeper) getVersion(ctx context.Context, datasetID string, version uint64) (types.DatasetVersion, error) {
	v, err := k.Versions.Get(ctx, collections.Join(datasetID, version))
	if isNotFound(err) {
		return v, types.ErrVersionNotFound.Wrapf("dataset %q has no version %d", datasetID, version)
	}
	return v, err
}
