package types

import (
	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/codec/legacy"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/msgservice"
)

// RegisterLegacyAminoCodec registers the messages under their amino names so
// Ledger devices can sign them in amino-json mode.
func RegisterLegacyAminoCodec(cdc *codec.LegacyAmino) {
	legacy.RegisterAminoMsg(cdc, &MsgUpdateParams{}, "identity/MsgUpdateParams")
	legacy.RegisterAminoMsg(cdc, &MsgRegisterDepartment{}, "identity/MsgRegisterDepartment")
	legacy.RegisterAminoMsg(cdc, &MsgUpdateDepartment{}, "identity/MsgUpdateDepartment")
	legacy.RegisterAminoMsg(cdc, &MsgSetDepartmentRoles{}, "identity/MsgSetDepartmentRoles")
	legacy.RegisterAminoMsg(cdc, &MsgTransferDepartmentAdmin{}, "identity/MsgTransferDepartmentAdmin")
	legacy.RegisterAminoMsg(cdc, &MsgSetDepartmentStatus{}, "identity/MsgSetDepartmentStatus")
	legacy.RegisterAminoMsg(cdc, &MsgSetMember{}, "identity/MsgSetMember")
	legacy.RegisterAminoMsg(cdc, &MsgRemoveMember{}, "identity/MsgRemoveMember")
	legacy.RegisterAminoMsg(cdc, &MsgCreateDid{}, "identity/MsgCreateDid")
	legacy.RegisterAminoMsg(cdc, &MsgUpdateDid{}, "identity/MsgUpdateDid")
	legacy.RegisterAminoMsg(cdc, &MsgDeactivateDid{}, "identity/MsgDeactivateDid")
	legacy.RegisterAminoMsg(cdc, &MsgIssueCredential{}, "identity/MsgIssueCredential")
	legacy.RegisterAminoMsg(cdc, &MsgUpdateCredentialStatus{}, "identity/MsgUpdateCredentialStatus")
	legacy.RegisterAminoMsg(cdc, &MsgRegisterDevice{}, "identity/MsgRegisterDevice")
	legacy.RegisterAminoMsg(cdc, &MsgUpdateDevice{}, "identity/MsgUpdateDevice")
	legacy.RegisterAminoMsg(cdc, &MsgSetDeviceStatus{}, "identity/MsgSetDeviceStatus")
	cdc.RegisterConcrete(&Params{}, "trustcity/x/identity/Params", nil)
}

// RegisterInterfaces registers the messages as sdk.Msg implementations.
func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	registry.RegisterImplementations((*sdk.Msg)(nil),
		&MsgUpdateParams{},
		&MsgRegisterDepartment{},
		&MsgUpdateDepartment{},
		&MsgSetDepartmentRoles{},
		&MsgTransferDepartmentAdmin{},
		&MsgSetDepartmentStatus{},
		&MsgSetMember{},
		&MsgRemoveMember{},
		&MsgCreateDid{},
		&MsgUpdateDid{},
		&MsgDeactivateDid{},
		&MsgIssueCredential{},
		&MsgUpdateCredentialStatus{},
		&MsgRegisterDevice{},
		&MsgUpdateDevice{},
		&MsgSetDeviceStatus{},
	)
	msgservice.RegisterMsgServiceDesc(registry, &_Msg_serviceDesc)
}
