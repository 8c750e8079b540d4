package keeper

import (
	"context"
	"slices"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/identity/types"
)

// CreateDid creates a DID; any account may. The controllers default to the
// signer.
func (m msgServer) CreateDid(ctx context.Context, msg *types.MsgCreateDid) (*types.MsgCreateDidResponse, error) {
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
	controllers, err := m.canonicalList("controller", msg.Controllers)
	if err != nil {
		return nil, err
	}
	if len(controllers) == 0 {
		controllers = []string{msg.Signer}
	}
	doc := types.DidDocument{
		Controllers:         controllers,
		VerificationMethods: msg.VerificationMethods,
		Authentication:      msg.Authentication,
		AssertionMethod:     msg.AssertionMethod,
		KeyAgreement:        msg.KeyAgreement,
		Services:            msg.Services,
	}
	addrs, err := m.checkDocument(ctx, doc, p)
	if err != nil {
		return nil, err
	}
	did, err := m.newDidID(ctx, msg.Id, signer)
	if err != nil {
		return nil, err
	}
	doc.Id = did
	state := types.DidState{Id: did, Created: sdk.UnwrapSDKContext(ctx).BlockTime()}
	if _, err := m.writeDidVersion(ctx, state, doc, false); err != nil {
		return nil, err
	}
	if err := m.setControllerIndex(ctx, did, nil, addrs); err != nil {
		return nil, err
	}
	return &types.MsgCreateDidResponse{Did: did}, emit(ctx, &types.EventDidCreated{Did: did, Controllers: controllers, Signer: msg.Signer})
}

// maxDeriveAttempts bounds the search for a free chain-derived DID id. A
// derived id is taken only if someone created that exact id on purpose; the
// next sequence numbers give fresh ones.
const maxDeriveAttempts = 16

// newDidID settles the id of a new DID: the requested one, or one derived
// from the signer and the module's sequence. It runs after every other
// check, because deriving advances the sequence.
func (m msgServer) newDidID(ctx context.Context, requested string, signer sdk.AccAddress) (string, error) {
	if requested != "" {
		did, err := types.NormalizeDID(requested)
		if err != nil {
			return "", err
		}
		if has, err := m.Dids.Has(ctx, did); err != nil {
			return "", err
		} else if has {
			return "", types.ErrDidExists.Wrapf("%s", did)
		}
		return did, nil
	}
	for range maxDeriveAttempts {
		seq, err := m.DidSequence.Next(ctx)
		if err != nil {
			return "", err
		}
		did := types.DIDPrefix + types.DeriveDidID(signer, seq)
		if has, err := m.Dids.Has(ctx, did); err != nil {
			return "", err
		} else if !has {
			return did, nil
		}
	}
	return "", types.ErrDidExists.Wrapf("no free derived id after %d attempts; give an explicit id", maxDeriveAttempts)
}

// checkDocument validates a document and returns its controllers' addresses.
func (m msgServer) checkDocument(ctx context.Context, doc types.DidDocument, p types.Params) ([]sdk.AccAddress, error) {
	items, err := types.ValidateDocument(doc, p)
	if err != nil {
		return nil, err
	}
	addrs, err := m.controllerAddresses(doc.Controllers)
	if err != nil {
		return nil, err
	}
	consumeItems(ctx, items, "identity: DID document items")
	return addrs, nil
}

// controlledBy checks that signer controls the DID's latest version, which
// must not be deactivated.
func (m msgServer) controlledBy(ctx context.Context, did, signer string) (types.DidState, types.DidVersion, error) {
	state, v, err := m.GetDidVersion(ctx, did, 0)
	if err != nil {
		return state, v, err
	}
	if state.Deactivated {
		return state, v, types.ErrDidDeactivated.Wrapf("%s was deactivated at version %d", state.Id, state.Version)
	}
	if !slices.Contains(v.Document.Controllers, signer) {
		return state, v, types.ErrNotController.Wrapf("%s does not control %s", signer, state.Id)
	}
	return state, v, nil
}

// UpdateDid writes a new version of a DID document; a controller signs.
func (m msgServer) UpdateDid(ctx context.Context, msg *types.MsgUpdateDid) (*types.MsgUpdateDidResponse, error) {
	copied := *msg
	msg = &copied
	if err := m.canonical("signer", &msg.Signer); err != nil {
		return nil, err
	}
	p, err := m.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	state, current, err := m.controlledBy(ctx, msg.Did, msg.Signer)
	if err != nil {
		return nil, err
	}
	if msg.ExpectedVersion != 0 && msg.ExpectedVersion != state.Version {
		return nil, types.ErrVersionMismatch.Wrapf("%s is at version %d, the update expected %d", state.Id, state.Version, msg.ExpectedVersion)
	}
	controllers, err := m.canonicalList("controller", msg.Controllers)
	if err != nil {
		return nil, err
	}
	doc := types.DidDocument{
		Id:                  state.Id,
		Controllers:         controllers,
		VerificationMethods: msg.VerificationMethods,
		Authentication:      msg.Authentication,
		AssertionMethod:     msg.AssertionMethod,
		KeyAgreement:        msg.KeyAgreement,
		Services:            msg.Services,
	}
	addrs, err := m.checkDocument(ctx, doc, p)
	if err != nil {
		return nil, err
	}
	oldAddrs, err := m.controllerAddresses(current.Document.Controllers)
	if err != nil {
		return nil, err
	}
	if state, err = m.writeDidVersion(ctx, state, doc, false); err != nil {
		return nil, err
	}
	if err := m.setControllerIndex(ctx, state.Id, oldAddrs, addrs); err != nil {
		return nil, err
	}
	return &types.MsgUpdateDidResponse{Version: state.Version}, emit(ctx, &types.EventDidUpdated{Did: state.Id, Version: state.Version, Signer: msg.Signer})
}

// DeactivateDid writes the final, deactivated version of a DID; a
// controller signs. The document stays resolvable with deactivated metadata.
func (m msgServer) DeactivateDid(ctx context.Context, msg *types.MsgDeactivateDid) (*types.MsgDeactivateDidResponse, error) {
	copied := *msg
	msg = &copied
	if err := m.canonical("signer", &msg.Signer); err != nil {
		return nil, err
	}
	state, current, err := m.controlledBy(ctx, msg.Did, msg.Signer)
	if err != nil {
		return nil, err
	}
	if state, err = m.writeDidVersion(ctx, state, current.Document, true); err != nil {
		return nil, err
	}
	return &types.MsgDeactivateDidResponse{}, emit(ctx, &types.EventDidDeactivated{Did: state.Id, Version: state.Version, Signer: msg.Signer})
}
