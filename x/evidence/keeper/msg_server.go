package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	identitytypes "github.com/trustcity/trustcity/x/identity/types"

	"github.com/trustcity/trustcity/x/evidence/types"
)

type msgServer struct {
	Keeper
}

var _ types.MsgServer = msgServer{}

// NewMsgServerImpl returns the judicial Msg service over the keeper.
func NewMsgServerImpl(k Keeper) types.MsgServer { return msgServer{Keeper: k} }

// UpdateParams replaces the params; only the authority may.
func (m msgServer) UpdateParams(ctx context.Context, msg *types.MsgUpdateParams) (*types.MsgUpdateParamsResponse, error) {
	_, authority, err := m.signer(msg.Authority)
	if err != nil {
		return nil, err
	}
	if err := sdk.ValidateAuthority(sdk.UnwrapSDKContext(ctx), m.authority, authority); err != nil {
		return nil, types.ErrUnauthorized.Wrapf("%s is not the module authority", msg.Authority)
	}
	if err := msg.Params.Validate(); err != nil {
		return nil, err
	}
	if err := m.Params.Set(ctx, msg.Params); err != nil {
		return nil, err
	}
	return &types.MsgUpdateParamsResponse{}, emit(ctx, &types.EventParamsUpdated{Authority: authority, Params: &msg.Params})
}

// authorize asks x/identity for the department the signer acts for with
// role; accredited means holding the role in an active department.
func (m msgServer) authorize(ctx context.Context, signer string, role identitytypes.Role) (string, string, error) {
	addr, canonical, err := m.signer(signer)
	if err != nil {
		return "", "", err
	}
	dept, err := m.identity.AuthorizeRole(ctx, addr, role)
	if err != nil {
		return "", "", err
	}
	return dept, canonical, nil
}
