package keeper

import (
	"context"
	"encoding/hex"

	"cosmossdk.io/collections"

	"github.com/trustcity/trustcity/x/datashare/types"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

// CreateDataset adds a dataset owned by the signer's department to the
// catalog.
func (m msgServer) CreateDataset(ctx context.Context, msg *types.MsgCreateDataset) (*types.MsgCreateDatasetResponse, error) {
	signer, signerStr, err := m.signer(msg.Signer)
	if err != nil {
		return nil, err
	}
	p, err := m.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	d := types.Dataset{
		Id: msg.Id, Title: msg.Title, Description: msg.Description, Category: msg.Category,
		Sensitivity: msg.Sensitivity, Standard: msg.Standard, Locator: msg.Locator,
		Encryption: msg.Encryption, Subject: msg.Subject, CreatedBy: signerStr,
	}
	if err := validateDatasetFields(&d, p); err != nil {
		return nil, err
	}
	owner, err := m.identity.AuthorizeRole(ctx, signer, identitytypes.Role_ROLE_DATA_PROVIDER)
	if err != nil {
		return nil, err
	}
	d.Owner = owner
	if has, err := m.Datasets.Has(ctx, d.Id); err != nil {
		return nil, err
	} else if has {
		return nil, types.ErrDatasetExists.Wrapf("%q", d.Id)
	}
	if err := m.checkDatasetReferences(ctx, d, true); err != nil {
		return nil, err
	}
	d.CreatedHeight, d.CreatedAt = blockInfo(ctx)
	if err := m.setDataset(ctx, d); err != nil {
		return nil, err
	}
	return &types.MsgCreateDatasetResponse{}, emit(ctx, &types.EventDatasetCreated{
		Id: d.Id, Owner: d.Owner, Category: d.Category.Short(), Sensitivity: d.Sensitivity.Short(), Subject: d.Subject,
	})
}

// validateDatasetFields checks a dataset's stateless fields and normalizes
// its subject DID.
func validateDatasetFields(d *types.Dataset, p types.Params) error {
	if err := types.ValidateSlug("dataset id", d.Id); err != nil {
		return err
	}
	if err := types.ValidateName("title", d.Title, p.MaxTextLength); err != nil {
		return err
	}
	if err := types.ValidateText("description", d.Description, p.MaxDescriptionLength); err != nil {
		return err
	}
	if !d.Category.Known() {
		return types.ErrInvalidRequest.Wrapf("unknown category %d", d.Category)
	}
	if !d.Sensitivity.Known() {
		return types.ErrInvalidRequest.Wrapf("unknown sensitivity %d", d.Sensitivity)
	}
	if !d.Encryption.Known() {
		return types.ErrInvalidRequest.Wrapf("unknown encryption scheme %d", d.Encryption)
	}
	if err := types.ValidateLocator(d.Locator, p.MaxLocatorLength); err != nil {
		return err
	}
	if (d.Standard.Id == "") != (d.Standard.Version == "") {
		return types.ErrInvalidRequest.Wrap("a standard needs both its id and its version")
	}
	if d.Standard.Id != "" {
		if err := types.ValidateSlug("standard id", d.Standard.Id); err != nil {
			return err
		}
		if err := types.ValidateStandardVersion(d.Standard.Version, p.MaxTextLength); err != nil {
			return err
		}
	}
	if d.Sensitivity != types.Sensitivity_SENSITIVITY_PERSONAL {
		if d.Subject != "" {
			return types.ErrInvalidRequest.Wrap("only personal data names a subject")
		}
		return nil
	}
	if d.Subject == "" {
		return types.ErrInvalidRequest.Wrap("personal data needs its subject's DID")
	}
	if d.Encryption == types.EncryptionScheme_ENCRYPTION_SCHEME_NONE {
		return types.ErrPersonalData.Wrap("personal data must be encrypted at rest")
	}
	did, err := identitytypes.NormalizeDID(d.Subject)
	if err != nil {
		return types.ErrInvalidRequest.Wrapf("subject: %s", err)
	}
	d.Subject = did
	return nil
}

// checkDatasetReferences checks the standard exists (and, for a new
// dataset, is not deprecated) and the subject DID exists.
func (k Keeper) checkDatasetReferences(ctx context.Context, d types.Dataset, isNew bool) error {
	if d.Standard.Id != "" {
		s, err := k.Standards.Get(ctx, collections.Join(d.Standard.Id, d.Standard.Version))
		if isNotFound(err) {
			return types.ErrStandardNotFound.Wrapf("%s@%s", d.Standard.Id, d.Standard.Version)
		} else if err != nil {
			return err
		}
		if isNew && s.Status == types.StandardStatus_STANDARD_STATUS_DEPRECATED {
			return types.ErrStandardDeprecated.Wrapf("%s@%s: name a newer version", s.Id, s.Version)
		}
	}
	if d.Subject != "" {
		if _, _, err := k.identity.GetDidVersion(ctx, d.Subject, 0); err != nil {
			return err
		}
	}
	return nil
}

// setDataset writes a dataset with its indexes.
func (k Keeper) setDataset(ctx context.Context, d types.Dataset) error {
	if err := k.Datasets.Set(ctx, d.Id, d); err != nil {
		return err
	}
	if err := k.DatasetsByOwner.Set(ctx, collections.Join(d.Owner, d.Id)); err != nil {
		return err
	}
	return k.DatasetsByCategory.Set(ctx, collections.Join(int32(d.Category), d.Id))
}

// UpdateDataset replaces a dataset's title, description and locator.
func (m msgServer) UpdateDataset(ctx context.Context, msg *types.MsgUpdateDataset) (*types.MsgUpdateDatasetResponse, error) {
	signer, signerStr, err := m.signer(msg.Signer)
	if err != nil {
		return nil, err
	}
	p, err := m.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	if err := types.ValidateName("title", msg.Title, p.MaxTextLength); err != nil {
		return nil, err
	}
	if err := types.ValidateText("description", msg.Description, p.MaxDescriptionLength); err != nil {
		return nil, err
	}
	if err := types.ValidateLocator(msg.Locator, p.MaxLocatorLength); err != nil {
		return nil, err
	}
	d, err := m.GetDataset(ctx, msg.DatasetId)
	if err != nil {
		return nil, err
	}
	if err := m.authorizeOwner(ctx, signer, signerStr, d); err != nil {
		return nil, err
	}
	d.Title, d.Description, d.Locator = msg.Title, msg.Description, msg.Locator
	if err := m.Datasets.Set(ctx, d.Id, d); err != nil {
		return nil, err
	}
	return &types.MsgUpdateDatasetResponse{}, emit(ctx, &types.EventDatasetUpdated{Id: d.Id, Signer: signerStr})
}

// PublishVersion records a new version of a dataset. One event announces it
// to every subscriber.
func (m msgServer) PublishVersion(ctx context.Context, msg *types.MsgPublishVersion) (*types.MsgPublishVersionResponse, error) {
	signer, signerStr, err := m.signer(msg.Signer)
	if err != nil {
		return nil, err
	}
	p, err := m.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	if err := types.ValidateContentHash(msg.ContentHash); err != nil {
		return nil, err
	}
	if err := types.ValidateLocator(msg.Locator, p.MaxLocatorLength); err != nil {
		return nil, err
	}
	if len(msg.DerivedFrom) > int(p.MaxListItems) {
		return nil, types.ErrInvalidRequest.Wrapf("%d derived-from references, the limit is %d", len(msg.DerivedFrom), p.MaxListItems)
	}
	d, err := m.GetDataset(ctx, msg.DatasetId)
	if err != nil {
		return nil, err
	}
	kind, err := m.authorizePublisher(ctx, signer, signerStr, d)
	if err != nil {
		return nil, err
	}
	v := types.DatasetVersion{
		DatasetId: d.Id, Version: d.LatestVersion + 1, ContentHash: msg.ContentHash, Size_: msg.Size_,
		Locator: msg.Locator, ParentVersion: msg.ParentVersion, DerivedFrom: msg.DerivedFrom,
		Summary: msg.Summary, Publisher: signerStr, PublisherKind: kind,
	}
	if err := m.checkVersion(ctx, d, v, p); err != nil {
		return nil, err
	}
	v.Height, v.PublishedAt = blockInfo(ctx)
	if err := m.setVersion(ctx, v); err != nil {
		return nil, err
	}
	d.LatestVersion = v.Version
	if err := m.Datasets.Set(ctx, d.Id, d); err != nil {
		return nil, err
	}
	return &types.MsgPublishVersionResponse{Version: v.Version}, emit(ctx, &types.EventVersionPublished{
		DatasetId: d.Id, Version: v.Version, ContentHash: hex.EncodeToString(v.ContentHash),
		Publisher: signerStr, PublisherKind: kind.Short(), Owner: d.Owner,
	})
}

// checkVersion checks a version's references: the parent is an earlier
// version, derived-from versions exist (in other datasets, none twice), and
// the summary conforms to the dataset's standard (never on personal data).
func (k Keeper) checkVersion(ctx context.Context, d types.Dataset, v types.DatasetVersion, p types.Params) error {
	if v.ParentVersion >= v.Version {
		return types.ErrVersionNotFound.Wrapf("parent version %d: dataset %q has versions 1 to %d", v.ParentVersion, d.Id, v.Version-1)
	}
	for i, ref := range v.DerivedFrom {
		if ref.DatasetId == d.Id {
			return types.ErrInvalidRequest.Wrap("derived_from names the dataset itself: use parent_version")
		}
		for _, prev := range v.DerivedFrom[:i] {
			if prev == ref {
				return types.ErrInvalidRequest.Wrapf("derived_from lists %s@%d twice", ref.DatasetId, ref.Version)
			}
		}
		if has, err := k.Versions.Has(ctx, collections.Join(ref.DatasetId, ref.Version)); err != nil {
			return err
		} else if !has {
			return types.ErrVersionNotFound.Wrapf("derived_from: dataset %q has no version %d", ref.DatasetId, ref.Version)
		}
	}
	if v.Summary == "" {
		return nil
	}
	if d.Sensitivity == types.Sensitivity_SENSITIVITY_PERSONAL {
		return types.ErrPersonalData.Wrap("a personal dataset carries no summary record on chain")
	}
	return k.validateRecord(ctx, d.Standard, v.Summary, p)
}

// setVersion writes a version with its hash index.
func (k Keeper) setVersion(ctx context.Context, v types.DatasetVersion) error {
	if err := k.Versions.Set(ctx, collections.Join(v.DatasetId, v.Version), v); err != nil {
		return err
	}
	return k.VersionsByHash.Set(ctx, collections.Join3(v.ContentHash, v.DatasetId, v.Version))
}
