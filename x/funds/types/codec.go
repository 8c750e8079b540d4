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
	legacy.RegisterAminoMsg(cdc, &MsgUpdateParams{}, "funds/MsgUpdateParams")
	legacy.RegisterAminoMsg(cdc, &MsgCreateProgram{}, "funds/MsgCreateProgram")
	legacy.RegisterAminoMsg(cdc, &MsgFundProgram{}, "funds/MsgFundProgram")
	legacy.RegisterAminoMsg(cdc, &MsgCloseProgram{}, "funds/MsgCloseProgram")
	legacy.RegisterAminoMsg(cdc, &MsgAllocate{}, "funds/MsgAllocate")
	legacy.RegisterAminoMsg(cdc, &MsgReturnFunds{}, "funds/MsgReturnFunds")
	legacy.RegisterAminoMsg(cdc, &MsgDisburse{}, "funds/MsgDisburse")
	legacy.RegisterAminoMsg(cdc, &MsgApproveDisbursement{}, "funds/MsgApproveDisbursement")
	legacy.RegisterAminoMsg(cdc, &MsgRejectDisbursement{}, "funds/MsgRejectDisbursement")
	legacy.RegisterAminoMsg(cdc, &MsgDefineMilestone{}, "funds/MsgDefineMilestone")
	legacy.RegisterAminoMsg(cdc, &MsgConfirmMilestone{}, "funds/MsgConfirmMilestone")
	legacy.RegisterAminoMsg(cdc, &MsgRejectMilestone{}, "funds/MsgRejectMilestone")
	legacy.RegisterAminoMsg(cdc, &MsgReportExpenditure{}, "funds/MsgReportExpenditure")
	cdc.RegisterConcrete(&Params{}, "trustcity/x/funds/Params", nil)
}

// RegisterInterfaces registers the messages as sdk.Msg implementations.
func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	registry.RegisterImplementations((*sdk.Msg)(nil),
		&MsgUpdateParams{},
		&MsgCreateProgram{},
		&MsgFundProgram{},
		&MsgCloseProgram{},
		&MsgAllocate{},
		&MsgReturnFunds{},
		&MsgDisburse{},
		&MsgApproveDisbursement{},
		&MsgRejectDisbursement{},
		&MsgDefineMilestone{},
		&MsgConfirmMilestone{},
		&MsgRejectMilestone{},
		&MsgReportExpenditure{},
	)
	msgservice.RegisterMsgServiceDesc(registry, &_Msg_serviceDesc)
}
