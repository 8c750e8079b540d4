package types

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

// IdentityKeeper is what the judicial module asks x/identity: may this
// signer act for a department holding a role, and which department?
type IdentityKeeper interface {
	AuthorizeRole(ctx context.Context, signer sdk.AccAddress, role identitytypes.Role) (string, error)
}
