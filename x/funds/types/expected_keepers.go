package types

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	transfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"

	judicialtypes "github.com/trustcity/trustcity/x/evidence/types"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

// IdentityKeeper is what x/funds asks x/identity: who acts for which
// department, where a department sits in the tree, and whether a credential
// is valid and whose it is.
type IdentityKeeper interface {
	AuthorizeRole(ctx context.Context, signer sdk.AccAddress, role identitytypes.Role) (string, error)
	AuthorizeMember(ctx context.Context, signer sdk.AccAddress) (string, error)
	AuthorizeController(ctx context.Context, signer sdk.AccAddress, did string) (string, error)
	GetDepartment(ctx context.Context, id string) (identitytypes.Department, error)
	CheckActive(ctx context.Context, d identitytypes.Department) error
	VerifyCredential(ctx context.Context, id string, hash []byte) (identitytypes.VerificationFailure, *identitytypes.Credential, error)
}

// JudicialKeeper is what x/funds asks x/evidence (module judicial): does an
// evidence record exist.
type JudicialKeeper interface {
	GetEvidence(ctx context.Context, id uint64) (judicialtypes.Evidence, error)
}

// BankKeeper moves the escrowed coins.
type BankKeeper interface {
	SendCoinsFromAccountToModule(ctx context.Context, sender sdk.AccAddress, recipientModule string, amt sdk.Coins) error
	SendCoinsFromModuleToAccount(ctx context.Context, senderModule string, recipient sdk.AccAddress, amt sdk.Coins) error
	GetAllBalances(ctx context.Context, addr sdk.AccAddress) sdk.Coins
	BlockedAddr(addr sdk.AccAddress) bool
}

// TransferKeeper sends ICS-20 transfers (payouts to bank chains).
type TransferKeeper interface {
	Transfer(ctx context.Context, msg *transfertypes.MsgTransfer) (*transfertypes.MsgTransferResponse, error)
}

// AccountKeeper gives the escrow module account's address.
type AccountKeeper interface {
	GetModuleAddress(name string) sdk.AccAddress
}
