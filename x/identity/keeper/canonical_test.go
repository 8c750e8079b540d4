package keeper_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/testutil/keepertest"
	"github.com/trustcity/trustcity/x/identity/keeper"
	"github.com/trustcity/trustcity/x/identity/types"
)

// TestUpperCaseAddresses: bech32 accepts an all-upper-case address. It names
// the same account, acts as it, and is stored in canonical form.
func TestUpperCaseAddresses(t *testing.T) {
	f := newFixture(t)
	upper := strings.ToUpper
	_, err := f.msg.SetMember(f.ctx, &types.MsgSetMember{Signer: upper(f.addr["transportAdmin"]), DepartmentId: "transport",
		Member: upper(f.addr["spare1"]), Roles: []types.Role{types.Role_ROLE_DATA_PROVIDER}})
	require.NoError(t, err, "the admin writing its address in upper case is still the admin")
	members, err := f.query.Members(f.ctx, &types.QueryMembersRequest{DepartmentId: "transport"})
	require.NoError(t, err)
	var stored []string
	for _, m := range members.Members {
		stored = append(stored, m.Address)
	}
	require.Contains(t, stored, f.addr["spare1"])

	f.rejects(types.ErrInvalidDid, func(ctx sdk.Context) error {
		_, err := f.msg.CreateDid(ctx, &types.MsgCreateDid{Signer: f.addr["spare2"], Controllers: []string{f.addr["spare2"], upper(f.addr["spare2"])}})
		return err
	})
	res, err := f.msg.CreateDid(f.ctx, &types.MsgCreateDid{Signer: upper(f.addr["spare2"]), Controllers: []string{upper(f.addr["spare2"])}})
	require.NoError(t, err)
	_, err = f.msg.UpdateDid(f.ctx, &types.MsgUpdateDid{Signer: f.addr["spare2"], Did: res.Did, Controllers: []string{f.addr["spare2"]}})
	require.NoError(t, err, "the lower-case form controls a DID created in upper case")
	for name, check := range invariants(f.k) {
		require.NoError(t, check(f.ctx), name)
	}
}

func TestGenesisDepartmentWithDeactivatedDid(t *testing.T) {
	f := newFixture(t)
	f.must(f.msg.UpdateDepartment(f.ctx, &types.MsgUpdateDepartment{Signer: f.addr["transportAdmin"], Id: "transport", Name: "Transport", Did: f.subject}))
	f.must(f.msg.DeactivateDid(f.ctx, &types.MsgDeactivateDid{Signer: f.addr["outsider"], Did: f.subject}))
	gs, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	cdc := codec.NewProtoCodec(codectypes.NewInterfaceRegistry())
	require.NoError(t, keeper.ValidateGenesis(cdc, keepertest.AddressCodec(), gs), "a department keeps a DID deactivated after it was named")

	gs.Departments[0].Admin = strings.ToUpper(gs.Departments[0].Admin)
	require.ErrorIs(t, keeper.ValidateGenesis(cdc, keepertest.AddressCodec(), gs), types.ErrInvalidAddress)
}
