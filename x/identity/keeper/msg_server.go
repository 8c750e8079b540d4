package keeper

import (
	"context"

	"github.com/trustcity/trustcity/x/identity/types"
)

type msgServer struct {
	Keeper
}

var _ types.MsgServer = msgServer{}

// NewMsgServerImpl returns the x/identity Msg service over the keeper.
func NewMsgServerImpl(k Keeper) types.MsgServer { return msgServer{Keeper: k} }

// UpdateParams replaces the params; only the authority may.
func (m msgServer) UpdateParams(ctx context.Context, msg *types.MsgUpdateParams) (*types.MsgUpdateParamsResponse, error) {
	copied := *msg
	msg = &copied
	if err := m.canonical("authority", &msg.Authority); err != nil {
		return nil, err
	}
	if !m.isAuthority(ctx, msg.Authority) {
		return nil, types.ErrUnauthorized.Wrapf("%s is not the module authority", msg.Authority)
	}
	if err := msg.Params.Validate(); err != nil {
		return nil, err
	}
	if err := m.Params.Set(ctx, msg.Params); err != nil {
		return nil, err
	}
	return &types.MsgUpdateParamsResponse{}, emit(ctx, &types.EventParamsUpdated{Authority: msg.Authority, Params: &msg.Params})
}
