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
	legacy.RegisterAminoMsg(cdc, &MsgUpdateParams{}, "judicial/MsgUpdateParams")
	legacy.RegisterAminoMsg(cdc, &MsgDeposit{}, "judicial/MsgDeposit")
	legacy.RegisterAminoMsg(cdc, &MsgWithdraw{}, "judicial/MsgWithdraw")
	legacy.RegisterAminoMsg(cdc, &MsgAnchorBatch{}, "judicial/MsgAnchorBatch")
	legacy.RegisterAminoMsg(cdc, &MsgRecordVerification{}, "judicial/MsgRecordVerification")
	legacy.RegisterAminoMsg(cdc, &MsgRecordCustody{}, "judicial/MsgRecordCustody")
	legacy.RegisterAminoMsg(cdc, &MsgForwardDeposit{}, "judicial/MsgForwardDeposit")
	cdc.RegisterConcrete(&Params{}, "trustcity/x/judicial/Params", nil)
}

// RegisterInterfaces registers the messages as sdk.Msg implementations.
func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	registry.RegisterImplementations((*sdk.Msg)(nil),
		&MsgUpdateParams{},
		&MsgDeposit{},
		&MsgWithdraw{},
		&MsgAnchorBatch{},
		&MsgRecordVerification{},
		&MsgRecordCustody{},
		&MsgForwardDeposit{},
	)
	msgservice.RegisterMsgServiceDesc(registry, &_Msg_serviceDesc)
}
