package keeper

import (
	"context"
	"slices"
	"strconv"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/identity/types"
)

// getDidState returns a DID's state or ErrDidNotFound.
func (k Keeper) getDidState(ctx context.Context, did string) (types.DidState, error) {
	s, err := k.Dids.Get(ctx, did)
	if isNotFound(err) {
		return s, types.ErrDidNotFound.Wrapf("%s", did)
	}
	return s, err
}

// GetDidVersion returns one version of a DID document (0: the latest) with
// its state.
func (k Keeper) GetDidVersion(ctx context.Context, did string, version uint64) (types.DidState, types.DidVersion, error) {
	full, err := types.NormalizeDID(did)
	if err != nil {
		return types.DidState{}, types.DidVersion{}, err
	}
	state, err := k.getDidState(ctx, full)
	if err != nil {
		return state, types.DidVersion{}, err
	}
	if version == 0 {
		version = state.Version
	}
	v, err := k.DidVersions.Get(ctx, collections.Join(full, version))
	if isNotFound(err) {
		return state, v, types.ErrDidNotFound.Wrapf("%s has no version %d (latest is %d)", full, version, state.Version)
	}
	return state, v, err
}

// Metadata returns the DID resolution metadata of version v.
func Metadata(state types.DidState, v types.DidVersion) types.DidDocumentMetadata {
	m := types.DidDocumentMetadata{
		Created:     state.Created,
		Updated:     v.Updated,
		VersionId:   strconv.FormatUint(v.Version, 10),
		Deactivated: v.Deactivated || state.Deactivated,
		Height:      v.Height,
	}
	if v.Version < state.Version {
		m.NextVersionId = strconv.FormatUint(v.Version+1, 10)
	}
	return m
}

// KeyAgreementKeys returns the X25519 key-agreement keys of an active DID,
// the keys key envelopes are encrypted to.
func (k Keeper) KeyAgreementKeys(ctx context.Context, did string) ([]types.VerificationMethod, error) {
	state, v, err := k.GetDidVersion(ctx, did, 0)
	if err != nil {
		return nil, err
	}
	if state.Deactivated {
		return nil, types.ErrDidDeactivated.Wrapf("%s", state.Id)
	}
	var keys []types.VerificationMethod
	for _, vm := range v.Document.VerificationMethods {
		if slices.Contains(v.Document.KeyAgreement, vm.Id) {
			keys = append(keys, vm)
		}
	}
	return keys, nil
}

// controllerAddresses decodes and checks a document's controllers: valid
// addresses, none twice.
func (k Keeper) controllerAddresses(controllers []string) ([]sdk.AccAddress, error) {
	addrs := make([]sdk.AccAddress, 0, len(controllers))
	for i, c := range controllers {
		addr, err := k.decodeAddress("controller", c)
		if err != nil {
			return nil, err
		}
		if slices.Contains(controllers[:i], c) {
			return nil, types.ErrInvalidDid.Wrapf("controller %s is listed twice", c)
		}
		addrs = append(addrs, addr)
	}
	return addrs, nil
}

// writeDidVersion stores a new version and moves the DID's state to it.
func (k Keeper) writeDidVersion(ctx context.Context, state types.DidState, doc types.DidDocument, deactivated bool) (types.DidState, error) {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	state.Version++
	state.Updated = sdkCtx.BlockTime()
	state.Deactivated = deactivated
	v := types.DidVersion{
		Document:    doc,
		Version:     state.Version,
		Updated:     state.Updated,
		Height:      sdkCtx.BlockHeight(),
		Deactivated: deactivated,
	}
	if err := k.DidVersions.Set(ctx, collections.Join(state.Id, v.Version), v); err != nil {
		return state, err
	}
	return state, k.Dids.Set(ctx, state.Id, state)
}

// setControllerIndex replaces the reverse-index entries of a DID's
// controllers: old ones removed, new ones added.
func (k Keeper) setControllerIndex(ctx context.Context, did string, old, updated []sdk.AccAddress) error {
	for _, a := range old {
		if err := k.DidsByController.Remove(ctx, collections.Join(a, did)); err != nil {
			return err
		}
	}
	for _, a := range updated {
		if err := k.DidsByController.Set(ctx, collections.Join(a, did)); err != nil {
			return err
		}
	}
	return nil
}
