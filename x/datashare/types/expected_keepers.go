package types

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

// IdentityKeeper is what x/datashare asks x/identity: who acts for which
// department, which devices may publish, who controls a DID and which keys
// envelopes are encrypted to.
type IdentityKeeper interface {
	AuthorizeRole(ctx context.Context, signer sdk.AccAddress, role identitytypes.Role) (string, error)
	AuthorizeMember(ctx context.Context, signer sdk.AccAddress) (string, error)
	AuthorizeDevice(ctx context.Context, device sdk.AccAddress, departmentID, scope string) error
	AuthorizeController(ctx context.Context, signer sdk.AccAddress, did string) (string, error)
	GetDepartment(ctx context.Context, id string) (identitytypes.Department, error)
	CheckActive(ctx context.Context, d identitytypes.Department) error
	GetDidVersion(ctx context.Context, did string, version uint64) (identitytypes.DidState, identitytypes.DidVersion, error)
	KeyAgreementKeys(ctx context.Context, did string) ([]identitytypes.VerificationMethod, error)
}
