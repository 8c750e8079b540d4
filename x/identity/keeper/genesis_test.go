package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/testutil/keepertest"
	"github.com/trustcity/trustcity/testutil/signer"
	"github.com/trustcity/trustcity/x/identity/keeper"
	"github.com/trustcity/trustcity/x/identity/types"
)

// populated returns a fixture holding every kind of record.
func populated(t *testing.T) *fixture {
	f := newFixture(t)
	expiry := f.ctx.BlockTime().Add(time.Hour)
	require.NoError(t, f.issue(f.addr["issuer"], 1, nil)(f.ctx))
	require.NoError(t, f.issue(f.addr["issuer"], 2, func(m *types.MsgIssueCredential) { m.ExpiresAt = &expiry })(f.ctx))
	require.NoError(t, f.setStatus(f.addr["issuer"], 1, types.CredentialStatus_CREDENTIAL_STATUS_REVOKED, types.StatusReason_STATUS_REASON_SUPERSEDED)(f.ctx))
	require.NoError(t, f.setStatus(f.addr["issuer"], 2, types.CredentialStatus_CREDENTIAL_STATUS_SUSPENDED, types.StatusReason_STATUS_REASON_CERTIFICATE_HOLD)(f.ctx))
	f.must(f.msg.CreateDid(f.ctx, &types.MsgCreateDid{Signer: f.addr["spare1"], Id: uuidDID,
		VerificationMethods: []types.VerificationMethod{ed25519VM("key-1", 0), x25519VM("enc-1")}, Authentication: []string{"key-1"}, KeyAgreement: []string{"enc-1"}}))
	f.must(f.msg.UpdateDid(f.ctx, &types.MsgUpdateDid{Signer: f.addr["spare1"], Did: uuidDID, Controllers: []string{f.addr["spare1"], f.addr["spare2"]}}))
	f.must(f.msg.DeactivateDid(f.ctx, &types.MsgDeactivateDid{Signer: f.addr["spare2"], Did: uuidDID}))
	sensor := signer.NewAccounts("identity/genesis", 1)[0]
	addr, err := keepertest.AddressCodec().BytesToString(sensor.Address)
	require.NoError(t, err)
	f.must(f.msg.RegisterDevice(f.ctx, &types.MsgRegisterDevice{Signer: f.addr["issuer"], Address: addr,
		KeyType: types.VerificationMethodType_VERIFICATION_METHOD_TYPE_SECP256K1, PublicKey: sensor.Key.PubKey().Bytes(), DeviceType: "Meter", Scopes: []string{"energy"}}))
	return f
}

func TestGenesisRoundTrip(t *testing.T) {
	f := populated(t)
	exported, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	require.Len(t, exported.Departments, 4)
	require.Equal(t, "city", exported.Departments[0].Id, "parents come first")

	g := newEmptyFixture(t)
	require.NoError(t, g.k.InitGenesis(g.ctx, exported))
	again, err := g.k.ExportGenesis(g.ctx)
	require.NoError(t, err)
	require.Equal(t, exported, again)
	require.Equal(t, f.dump(), g.dump(), "the import rebuilds every index, counter and status bit")

	cdc := codec.NewProtoCodec(codectypes.NewInterfaceRegistry())
	require.NoError(t, keeper.ValidateGenesis(cdc, keepertest.AddressCodec(), exported))
}

// TestGenesisAfterLoweredLimits: records written under older, larger limits
// still import after governance lowered them.
func TestGenesisAfterLoweredLimits(t *testing.T) {
	f := populated(t)
	p := types.DefaultParams()
	p.MaxVerificationMethods, p.MaxNameLength, p.MaxDeviceScopes = 1, 3, 1
	_, err := f.msg.UpdateParams(f.ctx, &types.MsgUpdateParams{Authority: f.gov, Params: p})
	require.NoError(t, err)
	exported, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	g := newEmptyFixture(t)
	require.NoError(t, g.k.InitGenesis(g.ctx, exported))
	got, err := g.k.Params.Get(g.ctx)
	require.NoError(t, err)
	require.Equal(t, p, got)
}

func TestGenesisRejects(t *testing.T) {
	f := populated(t)
	cdc := codec.NewProtoCodec(codectypes.NewInterfaceRegistry())
	base, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	cases := []struct {
		name   string
		mutate func(gs *types.GenesisState)
		want   error
	}{
		{"bad params", func(gs *types.GenesisState) { gs.Params.MaxControllers = 0 }, types.ErrInvalidParams},
		{"child before its parent", func(gs *types.GenesisState) {
			gs.Departments[0], gs.Departments[2] = gs.Departments[2], gs.Departments[0]
		}, types.ErrInvalidDepartment},
		{"child exceeding its parent", func(gs *types.GenesisState) {
			for i := range gs.Departments {
				if gs.Departments[i].Id == "transport" {
					gs.Departments[i].Roles = append(gs.Departments[i].Roles, types.Role_ROLE_BANK)
				}
			}
			gs.Departments[0].Roles = []types.Role{types.Role_ROLE_DATA_PROVIDER, types.Role_ROLE_CREDENTIAL_ISSUER, types.Role_ROLE_DEVICE_REGISTRAR}
		}, types.ErrRoleNotSubset},
		{"wrong depth", func(gs *types.GenesisState) { gs.Departments[2].Depth = 5 }, types.ErrInvalidDepartment},
		{"department twice", func(gs *types.GenesisState) { gs.Departments = append(gs.Departments, gs.Departments[0]) }, types.ErrDepartmentExists},
		{"admin of two departments", func(gs *types.GenesisState) { gs.Departments[1].Admin = gs.Departments[0].Admin }, types.ErrAlreadyAffiliated},
		{"member exceeding its department", func(gs *types.GenesisState) { gs.Members[0].Roles = []types.Role{types.Role_ROLE_COURT} }, types.ErrRoleNotSubset},
		{"member of an unknown department", func(gs *types.GenesisState) { gs.Members[0].DepartmentId = "nowhere" }, types.ErrDepartmentNotFound},
		{"DID versions missing", func(gs *types.GenesisState) { gs.Dids[0].State.Version = 7 }, types.ErrInvalidDid},
		{"credential of an unknown issuer", func(gs *types.GenesisState) { gs.Credentials[0].IssuerDepartment = "nowhere" }, types.ErrDepartmentNotFound},
		{"credential beyond its counter", func(gs *types.GenesisState) { gs.Credentials[0].StatusListIndex = 99 }, types.ErrInvalidCredential},
		{"two credentials on one index", func(gs *types.GenesisState) { gs.Credentials[1].StatusListIndex = gs.Credentials[0].StatusListIndex }, types.ErrInvalidCredential},
		{"credential twice", func(gs *types.GenesisState) { gs.Credentials = append(gs.Credentials, gs.Credentials[0]) }, types.ErrCredentialExists},
		{"device key and address apart", func(gs *types.GenesisState) { gs.Devices[0].PublicKey = f.accs[0].Key.PubKey().Bytes() }, types.ErrInvalidDevice},
		{"device that is a member", func(gs *types.GenesisState) {
			gs.Devices[0].Address = f.addr["issuer"]
			gs.Devices[0].PublicKey = f.accs[2].Key.PubKey().Bytes()
		}, types.ErrAlreadyAffiliated},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			gs := cloneGenesis(t, cdc, base)
			tc.mutate(gs)
			err := keeper.ValidateGenesis(cdc, keepertest.AddressCodec(), gs)
			require.ErrorIs(t, err, tc.want)
		})
	}
}

func cloneGenesis(t *testing.T, cdc codec.Codec, gs *types.GenesisState) *types.GenesisState {
	bz, err := cdc.MarshalJSON(gs)
	require.NoError(t, err)
	var out types.GenesisState
	require.NoError(t, cdc.UnmarshalJSON(bz, &out))
	return &out
}

func TestUpdateParams(t *testing.T) {
	f := newBareFixture(t)
	p := types.DefaultParams()
	p.MaxServices = 3
	runRejects(t, f, []rejectCase{
		{"not the authority", types.ErrUnauthorized, func(ctx sdk.Context) error {
			_, err := f.msg.UpdateParams(ctx, &types.MsgUpdateParams{Authority: f.addr["outsider"], Params: p})
			return err
		}},
		{"invalid params", types.ErrInvalidParams, func(ctx sdk.Context) error {
			bad := p
			bad.MaxDepartmentDepth = types.MaxDepartmentDepthCap + 1
			_, err := f.msg.UpdateParams(ctx, &types.MsgUpdateParams{Authority: f.gov, Params: bad})
			return err
		}},
	})
	f.t = t
	_, err := f.msg.UpdateParams(f.ctx, &types.MsgUpdateParams{Authority: f.gov, Params: p})
	require.NoError(t, err)
	res, err := f.query.Params(f.ctx, &types.QueryParamsRequest{})
	require.NoError(t, err)
	require.Equal(t, p, res.Params)
}
