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
	legacy.RegisterAminoMsg(cdc, &MsgUpdateParams{}, "datashare/MsgUpdateParams")
	legacy.RegisterAminoMsg(cdc, &MsgRegisterStandard{}, "datashare/MsgRegisterStandard")
	legacy.RegisterAminoMsg(cdc, &MsgDeprecateStandard{}, "datashare/MsgDeprecateStandard")
	legacy.RegisterAminoMsg(cdc, &MsgCreateDataset{}, "datashare/MsgCreateDataset")
	legacy.RegisterAminoMsg(cdc, &MsgUpdateDataset{}, "datashare/MsgUpdateDataset")
	legacy.RegisterAminoMsg(cdc, &MsgPublishVersion{}, "datashare/MsgPublishVersion")
	legacy.RegisterAminoMsg(cdc, &MsgRequestAccess{}, "datashare/MsgRequestAccess")
	legacy.RegisterAminoMsg(cdc, &MsgApproveRequest{}, "datashare/MsgApproveRequest")
	legacy.RegisterAminoMsg(cdc, &MsgRejectRequest{}, "datashare/MsgRejectRequest")
	legacy.RegisterAminoMsg(cdc, &MsgRevokeGrant{}, "datashare/MsgRevokeGrant")
	legacy.RegisterAminoMsg(cdc, &MsgRelinquishGrant{}, "datashare/MsgRelinquishGrant")
	legacy.RegisterAminoMsg(cdc, &MsgSetAutoApprovalRule{}, "datashare/MsgSetAutoApprovalRule")
	legacy.RegisterAminoMsg(cdc, &MsgRemoveAutoApprovalRule{}, "datashare/MsgRemoveAutoApprovalRule")
	legacy.RegisterAminoMsg(cdc, &MsgGiveConsent{}, "datashare/MsgGiveConsent")
	legacy.RegisterAminoMsg(cdc, &MsgRevokeConsent{}, "datashare/MsgRevokeConsent")
	legacy.RegisterAminoMsg(cdc, &MsgPostKeyEnvelope{}, "datashare/MsgPostKeyEnvelope")
	legacy.RegisterAminoMsg(cdc, &MsgRecordAccess{}, "datashare/MsgRecordAccess")
	legacy.RegisterAminoMsg(cdc, &MsgSubscribe{}, "datashare/MsgSubscribe")
	legacy.RegisterAminoMsg(cdc, &MsgUnsubscribe{}, "datashare/MsgUnsubscribe")
	cdc.RegisterConcrete(&Params{}, "trustcity/x/datashare/Params", nil)
}

// RegisterInterfaces registers the messages as sdk.Msg implementations.
func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	registry.RegisterImplementations((*sdk.Msg)(nil),
		&MsgUpdateParams{},
		&MsgRegisterStandard{},
		&MsgDeprecateStandard{},
		&MsgCreateDataset{},
		&MsgUpdateDataset{},
		&MsgPublishVersion{},
		&MsgRequestAccess{},
		&MsgApproveRequest{},
		&MsgRejectRequest{},
		&MsgRevokeGrant{},
		&MsgRelinquishGrant{},
		&MsgSetAutoApprovalRule{},
		&MsgRemoveAutoApprovalRule{},
		&MsgGiveConsent{},
		&MsgRevokeConsent{},
		&MsgPostKeyEnvelope{},
		&MsgRecordAccess{},
		&MsgSubscribe{},
		&MsgUnsubscribe{},
	)
	msgservice.RegisterMsgServiceDesc(registry, &_Msg_serviceDesc)
}
