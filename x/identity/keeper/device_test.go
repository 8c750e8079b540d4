package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/testutil/keepertest"
	"github.com/trustcity/trustcity/testutil/signer"
	"github.com/trustcity/trustcity/x/identity/types"
)

func TestDevices(t *testing.T) {
	f := newFixture(t)
	sensors := signer.NewAccounts("identity/devices", 2)
	sensor, err := keepertest.AddressCodec().BytesToString(sensors[0].Address)
	require.NoError(t, err)
	secp := types.VerificationMethodType_VERIFICATION_METHOD_TYPE_SECP256K1
	edKey := keepertest.Ed25519Keys(1)[0].PubKey()
	edAddr, err := keepertest.AddressCodec().BytesToString(edKey.Address())
	require.NoError(t, err)

	register := func(signerAddr string, mutate func(*types.MsgRegisterDevice)) func(sdk.Context) error {
		return func(ctx sdk.Context) error {
			msg := &types.MsgRegisterDevice{Signer: signerAddr, Address: sensor, KeyType: secp, PublicKey: sensors[0].Key.PubKey().Bytes(),
				DeviceType: "TrafficSensor", Scopes: []string{"traffic-flow", "air-quality", "traffic-flow"}, Metadata: "junction 12"}
			if mutate != nil {
				mutate(msg)
			}
			_, err := f.msg.RegisterDevice(ctx, msg)
			return err
		}
	}
	issuer := f.addr["issuer"]
	runRejects(t, f, []rejectCase{
		{"outsider", types.ErrNotAffiliated, register(f.addr["outsider"], nil)},
		{"member without DEVICE_REGISTRAR", types.ErrRoleNotHeld, register(f.addr["provider"], nil)},
		{"department without DEVICE_REGISTRAR", types.ErrRoleNotHeld, register(f.addr["courtAdmin"], nil)},
		{"address of another key", types.ErrInvalidDevice, register(issuer, func(m *types.MsgRegisterDevice) {
			m.PublicKey = sensors[1].Key.PubKey().Bytes()
		})},
		{"X25519 key", types.ErrInvalidDevice, register(issuer, func(m *types.MsgRegisterDevice) {
			m.KeyType = types.VerificationMethodType_VERIFICATION_METHOD_TYPE_X25519
			m.PublicKey = make([]byte, 32)
			m.PublicKey[0] = 9
		})},
		{"malformed key", types.ErrInvalidDevice, register(issuer, func(m *types.MsgRegisterDevice) { m.PublicKey = []byte{2, 3} })},
		{"bad device type", types.ErrInvalidRequest, register(issuer, func(m *types.MsgRegisterDevice) { m.DeviceType = "traffic sensor" })},
		{"bad scope", types.ErrInvalidRequest, register(issuer, func(m *types.MsgRegisterDevice) { m.Scopes = []string{"no spaces"} })},
		{"too many scopes", types.ErrInvalidDevice, register(issuer, func(m *types.MsgRegisterDevice) {
			m.Scopes = make([]string, 33)
			for i := range m.Scopes {
				m.Scopes[i] = credID(i)
			}
		})},
		{"account of a member", types.ErrAlreadyAffiliated, register(issuer, func(m *types.MsgRegisterDevice) {
			m.Address, m.PublicKey = f.addr["provider"], f.accs[3].Key.PubKey().Bytes()
		})},
		{"bad address", types.ErrInvalidAddress, register(issuer, func(m *types.MsgRegisterDevice) { m.Address = "tcity1zzz" })},
	})
	f.t = t
	require.NoError(t, register(issuer, nil)(f.ctx))
	require.NoError(t, register(issuer, func(m *types.MsgRegisterDevice) {
		m.Address, m.KeyType, m.PublicKey = edAddr, types.VerificationMethodType_VERIFICATION_METHOD_TYPE_ED25519, edKey.Bytes()
	})(f.ctx), "Ed25519 device keys work too")
	f.rejects(types.ErrDeviceExists, register(f.addr["transportAdmin"], nil))
	// A device cannot then become a member.
	f.rejects(types.ErrAlreadyAffiliated, func(ctx sdk.Context) error {
		_, err := f.msg.SetMember(ctx, &types.MsgSetMember{Signer: f.addr["transportAdmin"], DepartmentId: "transport", Member: sensor})
		return err
	})

	dev, err := f.query.Device(f.ctx, &types.QueryDeviceRequest{Address: sensor})
	require.NoError(t, err)
	require.Equal(t, []string{"air-quality", "traffic-flow"}, dev.Device.Scopes, "scopes are sorted and deduplicated")
	require.Equal(t, "transport", dev.Device.DepartmentId)
	list, err := f.query.DevicesByDepartment(f.ctx, &types.QueryDevicesByDepartmentRequest{DepartmentId: "transport"})
	require.NoError(t, err)
	require.Len(t, list.Devices, 2)

	authorize := func(dept, scope string) error { return f.k.AuthorizeDevice(f.ctx, sensors[0].Address, dept, scope) }
	require.NoError(t, authorize("transport", "traffic-flow"))
	require.ErrorIs(t, authorize("transport", "camera-feed"), types.ErrScopeNotAllowed)
	require.ErrorIs(t, authorize("health", "traffic-flow"), types.ErrDeviceWrongDepartment)
	require.ErrorIs(t, f.k.AuthorizeDevice(f.ctx, sensors[1].Address, "transport", "traffic-flow"), types.ErrDeviceNotFound)

	update := func(signerAddr string, scopes ...string) func(sdk.Context) error {
		return func(ctx sdk.Context) error {
			_, err := f.msg.UpdateDevice(ctx, &types.MsgUpdateDevice{Signer: signerAddr, Address: sensor, Scopes: scopes})
			return err
		}
	}
	status := func(signerAddr string, s types.DeviceStatus) func(sdk.Context) error {
		return func(ctx sdk.Context) error {
			_, err := f.msg.SetDeviceStatus(ctx, &types.MsgSetDeviceStatus{Signer: signerAddr, Address: sensor, Status: s})
			return err
		}
	}
	suspended, revoked, active := types.DeviceStatus_DEVICE_STATUS_SUSPENDED, types.DeviceStatus_DEVICE_STATUS_REVOKED, types.DeviceStatus_DEVICE_STATUS_ACTIVE
	runRejects(t, f, []rejectCase{
		{"update by an outsider", types.ErrNotAffiliated, update(f.addr["outsider"], "camera-feed")},
		{"update by a member without the role", types.ErrRoleNotHeld, update(f.addr["provider"], "camera-feed")},
		{"update by another department's registrar", types.ErrUnauthorized, update(f.addr["cityAdmin"], "camera-feed")},
		{"update with a bad scope", types.ErrInvalidRequest, update(issuer, "")},
		{"update of an unknown device", types.ErrDeviceNotFound, func(ctx sdk.Context) error {
			_, err := f.msg.UpdateDevice(ctx, &types.MsgUpdateDevice{Signer: issuer, Address: f.addr["spare3"]})
			return err
		}},
		{"status by an outsider", types.ErrNotAffiliated, status(f.addr["outsider"], suspended)},
		{"same status", types.ErrInvalidStatusChange, status(issuer, active)},
		{"unknown status", types.ErrInvalidStatusChange, status(issuer, 0)},
	})
	f.t = t
	require.NoError(t, update(issuer, "camera-feed")(f.ctx))
	require.NoError(t, authorize("transport", "camera-feed"))
	require.NoError(t, status(issuer, suspended)(f.ctx))
	require.ErrorIs(t, authorize("transport", "camera-feed"), types.ErrDeviceInactive)
	require.NoError(t, status(issuer, active)(f.ctx))
	require.NoError(t, authorize("transport", "camera-feed"))
	// Suspending the department stops its devices.
	f.must(f.msg.SetDepartmentStatus(f.ctx, &types.MsgSetDepartmentStatus{Signer: f.addr["cityAdmin"], Id: "transport", Status: types.DepartmentStatus_DEPARTMENT_STATUS_SUSPENDED}))
	require.ErrorIs(t, authorize("transport", "camera-feed"), types.ErrDepartmentSuspended)
	f.must(f.msg.SetDepartmentStatus(f.ctx, &types.MsgSetDepartmentStatus{Signer: f.addr["cityAdmin"], Id: "transport", Status: types.DepartmentStatus_DEPARTMENT_STATUS_ACTIVE}))
	// Revocation is final.
	require.NoError(t, status(issuer, revoked)(f.ctx))
	f.rejects(types.ErrDeviceInactive, status(issuer, active))
	f.rejects(types.ErrDeviceInactive, update(issuer, "traffic-flow"))
}
