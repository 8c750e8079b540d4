package keeper

import (
	"bytes"
	"context"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/identity/types"
)

// RegisterDevice registers an IoT device for the department the signer acts
// for as DEVICE_REGISTRAR.
func (m msgServer) RegisterDevice(ctx context.Context, msg *types.MsgRegisterDevice) (*types.MsgRegisterDeviceResponse, error) {
	copied := *msg
	msg = &copied
	if err := m.canonical("signer", &msg.Signer); err != nil {
		return nil, err
	}
	if err := m.canonical("address", &msg.Address); err != nil {
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
	deptID, err := m.AuthorizeRole(ctx, signer, types.Role_ROLE_DEVICE_REGISTRAR)
	if err != nil {
		return nil, err
	}
	addr, err := m.decodeAddress("address", msg.Address)
	if err != nil {
		return nil, err
	}
	derived, err := types.DeviceAddress(msg.KeyType, msg.PublicKey)
	if err != nil {
		return nil, types.ErrInvalidDevice.Wrap(err.Error())
	}
	if !bytes.Equal(derived, addr) {
		return nil, types.ErrInvalidDevice.Wrapf("address %s is not the address of the given %s public key", msg.Address, msg.KeyType.Short())
	}
	if err := types.ValidateTypeName("device type", msg.DeviceType, p.MaxIdLength); err != nil {
		return nil, err
	}
	scopes, err := normalizeScopes(ctx, p, msg.Scopes)
	if err != nil {
		return nil, err
	}
	if err := types.ValidateText("metadata", msg.Metadata, p.MaxMetadataBytes); err != nil {
		return nil, err
	}
	if dev, err := m.Devices.Get(ctx, addr); err == nil {
		return nil, types.ErrDeviceExists.Wrapf("device %s is registered to department %q", msg.Address, dev.DepartmentId)
	} else if !isNotFound(err) {
		return nil, err
	}
	if err := m.requireFree(ctx, addr, msg.Address); err != nil {
		return nil, err
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	dev := types.Device{
		Address:          msg.Address,
		DepartmentId:     deptID,
		KeyType:          msg.KeyType,
		PublicKey:        msg.PublicKey,
		DeviceType:       msg.DeviceType,
		Scopes:           scopes,
		Metadata:         msg.Metadata,
		Status:           types.DeviceStatus_DEVICE_STATUS_ACTIVE,
		RegisteredBy:     msg.Signer,
		RegisteredAt:     sdkCtx.BlockTime(),
		RegisteredHeight: sdkCtx.BlockHeight(),
	}
	if err := m.Devices.Set(ctx, addr, dev); err != nil {
		return nil, err
	}
	if err := m.DevicesByDepartment.Set(ctx, collections.Join(deptID, addr)); err != nil {
		return nil, err
	}
	return &types.MsgRegisterDeviceResponse{}, emit(ctx, &types.EventDeviceRegistered{
		Address: dev.Address, DepartmentId: deptID, DeviceType: dev.DeviceType, Scopes: dev.Scopes, Signer: msg.Signer,
	})
}

func normalizeScopes(ctx context.Context, p types.Params, scopes []string) ([]string, error) {
	if len(scopes) > int(p.MaxDeviceScopes) {
		return nil, types.ErrInvalidDevice.Wrapf("%d scopes, the limit is %d", len(scopes), p.MaxDeviceScopes)
	}
	consumeItems(ctx, len(scopes), "identity: device scopes")
	return types.NormalizeNames(scopes, func(s string) error { return types.ValidateIdentifier("scope", s, p.MaxIdLength) })
}

// managedDevice returns a device the signer may manage: the signer acts as
// DEVICE_REGISTRAR for the device's department, and the device is not revoked.
func (m msgServer) managedDevice(ctx context.Context, signerStr, addrStr string) (types.Device, sdk.AccAddress, error) {
	signer, err := m.decodeAddress("signer", signerStr)
	if err != nil {
		return types.Device{}, nil, err
	}
	addr, err := m.decodeAddress("address", addrStr)
	if err != nil {
		return types.Device{}, nil, err
	}
	dev, err := m.Devices.Get(ctx, addr)
	if isNotFound(err) {
		return dev, nil, types.ErrDeviceNotFound.Wrapf("device %s", addrStr)
	} else if err != nil {
		return dev, nil, err
	}
	deptID, err := m.AuthorizeRole(ctx, signer, types.Role_ROLE_DEVICE_REGISTRAR)
	if err != nil {
		return dev, nil, err
	}
	if deptID != dev.DepartmentId {
		return dev, nil, types.ErrUnauthorized.Wrapf("device %s belongs to department %q; %s acts for %q", addrStr, dev.DepartmentId, signerStr, deptID)
	}
	if dev.Status == types.DeviceStatus_DEVICE_STATUS_REVOKED {
		return dev, nil, types.ErrDeviceInactive.Wrapf("device %s is revoked, which is final", addrStr)
	}
	return dev, addr, nil
}

// UpdateDevice replaces a device's scopes and metadata.
func (m msgServer) UpdateDevice(ctx context.Context, msg *types.MsgUpdateDevice) (*types.MsgUpdateDeviceResponse, error) {
	copied := *msg
	msg = &copied
	if err := m.canonical("signer", &msg.Signer); err != nil {
		return nil, err
	}
	if err := m.canonical("address", &msg.Address); err != nil {
		return nil, err
	}
	p, err := m.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	dev, addr, err := m.managedDevice(ctx, msg.Signer, msg.Address)
	if err != nil {
		return nil, err
	}
	scopes, err := normalizeScopes(ctx, p, msg.Scopes)
	if err != nil {
		return nil, err
	}
	if err := types.ValidateText("metadata", msg.Metadata, p.MaxMetadataBytes); err != nil {
		return nil, err
	}
	dev.Scopes, dev.Metadata = scopes, msg.Metadata
	if err := m.Devices.Set(ctx, addr, dev); err != nil {
		return nil, err
	}
	return &types.MsgUpdateDeviceResponse{}, emit(ctx, &types.EventDeviceUpdated{Address: dev.Address, Scopes: dev.Scopes, Signer: msg.Signer})
}

// SetDeviceStatus suspends, reactivates or revokes a device; revocation is
// final.
func (m msgServer) SetDeviceStatus(ctx context.Context, msg *types.MsgSetDeviceStatus) (*types.MsgSetDeviceStatusResponse, error) {
	copied := *msg
	msg = &copied
	if err := m.canonical("signer", &msg.Signer); err != nil {
		return nil, err
	}
	if err := m.canonical("address", &msg.Address); err != nil {
		return nil, err
	}
	dev, addr, err := m.managedDevice(ctx, msg.Signer, msg.Address)
	if err != nil {
		return nil, err
	}
	switch msg.Status {
	case types.DeviceStatus_DEVICE_STATUS_ACTIVE, types.DeviceStatus_DEVICE_STATUS_SUSPENDED, types.DeviceStatus_DEVICE_STATUS_REVOKED:
	default:
		return nil, types.ErrInvalidStatusChange.Wrapf("unknown device status %d", msg.Status)
	}
	if dev.Status == msg.Status {
		return nil, types.ErrInvalidStatusChange.Wrapf("device %s is already %s", msg.Address, msg.Status)
	}
	dev.Status = msg.Status
	if err := m.Devices.Set(ctx, addr, dev); err != nil {
		return nil, err
	}
	return &types.MsgSetDeviceStatusResponse{}, emit(ctx, &types.EventDeviceStatusChanged{Address: dev.Address, Status: dev.Status, Signer: msg.Signer})
}
