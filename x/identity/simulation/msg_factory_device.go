package simulation

import (
	"context"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/identity/keeper"
	"github.com/trustcity/trustcity/x/identity/types"
)

// MsgRegisterDeviceFactory registers a device with a fresh Ed25519 or
// secp256k1 key (its address derived from the key, as the keeper requires)
// for the department of an account AuthorizeRole accepts as
// DEVICE_REGISTRAR, which signs.
func MsgRegisterDeviceFactory(k keeper.Keeper) simsx.SimMsgFactoryFn[*types.MsgRegisterDevice] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgRegisterDevice) {
		r := testData.Rand().Rand
		registrars, err := holders(ctx, k, testData, reporter, types.Role_ROLE_DEVICE_REGISTRAR)
		if err != nil {
			return skip[*types.MsgRegisterDevice](reporter, "registrars: %s", err)
		}
		if len(registrars) == 0 {
			return skip[*types.MsgRegisterDevice](reporter, "no simulation account may register devices")
		}
		reg := pick(r, registrars)
		keyType := types.VerificationMethodType_VERIFICATION_METHOD_TYPE_ED25519
		if r.Intn(2) == 0 {
			keyType = types.VerificationMethodType_VERIFICATION_METHOD_TYPE_SECP256K1
		}
		key := randKey(r, keyType)
		addr, err := types.DeviceAddress(keyType, key)
		if err != nil {
			return skip[*types.MsgRegisterDevice](reporter, "device key: %s", err)
		}
		if !isFree(ctx, k, addr) {
			return skip[*types.MsgRegisterDevice](reporter, "device address %s in use", sdk.AccAddress(addr))
		}
		addrStr, err := k.AddressCodec().BytesToString(addr)
		if err != nil {
			return skip[*types.MsgRegisterDevice](reporter, "device address: %s", err)
		}
		return []simsx.SimAccount{reg.signer}, &types.MsgRegisterDevice{
			Signer:     reg.signer.AddressBech32,
			Address:    addrStr,
			KeyType:    keyType,
			PublicKey:  key,
			DeviceType: pick(r, deviceTypes),
			Scopes:     randScopes(r),
			Metadata:   randMetadata(r),
		}
	}
}

// managedDevices returns the devices that are not revoked and whose
// department a simulation account acts for as DEVICE_REGISTRAR, with those
// accounts, in device address order.
func managedDevices(ctx context.Context, k keeper.Keeper, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]types.Device, map[string][]simsx.SimAccount, error) {
	registrars, err := holders(ctx, k, testData, reporter, types.Role_ROLE_DEVICE_REGISTRAR)
	if err != nil {
		return nil, nil, err
	}
	byDept := map[string][]simsx.SimAccount{}
	for _, reg := range registrars {
		byDept[reg.deptID] = append(byDept[reg.deptID], reg.signer)
	}
	var out []types.Device
	err = k.Devices.Walk(ctx, nil, func(_ sdk.AccAddress, dev types.Device) (bool, error) {
		if dev.Status != types.DeviceStatus_DEVICE_STATUS_REVOKED && len(byDept[dev.DepartmentId]) > 0 {
			out = append(out, dev)
		}
		return false, nil
	})
	return out, byDept, err
}

// MsgUpdateDeviceFactory replaces the scopes and metadata of a device that
// is not revoked; a DEVICE_REGISTRAR of its department signs.
func MsgUpdateDeviceFactory(k keeper.Keeper) simsx.SimMsgFactoryFn[*types.MsgUpdateDevice] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgUpdateDevice) {
		r := testData.Rand().Rand
		devices, byDept, err := managedDevices(ctx, k, testData, reporter)
		if err != nil {
			return skip[*types.MsgUpdateDevice](reporter, "devices: %s", err)
		}
		if len(devices) == 0 {
			return skip[*types.MsgUpdateDevice](reporter, "no unrevoked device a simulation account may manage")
		}
		dev := pick(r, devices)
		signer := pick(r, byDept[dev.DepartmentId])
		return []simsx.SimAccount{signer}, &types.MsgUpdateDevice{
			Signer: signer.AddressBech32, Address: dev.Address, Scopes: randScopes(r), Metadata: randMetadata(r),
		}
	}
}

// MsgSetDeviceStatusFactory suspends or reactivates a device that is not
// revoked, or (one time in six) revokes it; a DEVICE_REGISTRAR of its
// department signs.
func MsgSetDeviceStatusFactory(k keeper.Keeper) simsx.SimMsgFactoryFn[*types.MsgSetDeviceStatus] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgSetDeviceStatus) {
		r := testData.Rand().Rand
		devices, byDept, err := managedDevices(ctx, k, testData, reporter)
		if err != nil {
			return skip[*types.MsgSetDeviceStatus](reporter, "devices: %s", err)
		}
		if len(devices) == 0 {
			return skip[*types.MsgSetDeviceStatus](reporter, "no unrevoked device a simulation account may manage")
		}
		dev := pick(r, devices)
		signer := pick(r, byDept[dev.DepartmentId])
		status := types.DeviceStatus_DEVICE_STATUS_SUSPENDED
		switch {
		case r.Intn(6) == 0:
			status = types.DeviceStatus_DEVICE_STATUS_REVOKED
		case dev.Status == types.DeviceStatus_DEVICE_STATUS_SUSPENDED:
			status = types.DeviceStatus_DEVICE_STATUS_ACTIVE
		}
		return []simsx.SimAccount{signer}, &types.MsgSetDeviceStatus{Signer: signer.AddressBech32, Address: dev.Address, Status: status}
	}
}
