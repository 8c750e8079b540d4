package identity

import (
	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	"github.com/cosmos/cosmos-sdk/types/module"
	simtypes "github.com/cosmos/cosmos-sdk/types/simulation"

	"github.com/trustcity/trustcity/x/identity/simulation"
	"github.com/trustcity/trustcity/x/identity/types"
)

var (
	_ module.AppModuleSimulation   = AppModule{}
	_ simsx.HasWeightedOperationsX = AppModule{}
	_ simsx.HasProposalMsgsX       = AppModule{}
)

// GenerateGenesisState writes a random genesis: params and departments
// administered by simulation accounts (see simulation.RandomGenesis).
func (AppModule) GenerateGenesisState(simState *module.SimulationState) {
	simulation.RandomizedGenState(simState)
}

// RegisterStoreDecoder registers the decoder of the module's store.
func (am AppModule) RegisterStoreDecoder(sdr simtypes.StoreDecoderRegistry) {
	sdr[types.StoreKey] = simulation.NewDecodeStore(am.keeper.Schema)
}

// WeightedOperations returns no legacy operations. module.AppModuleSimulation
// still requires the method, but the simsx runner uses WeightedOperationsX
// whenever a module has it, as this one does.
func (AppModule) WeightedOperations(module.SimulationState) []simtypes.WeightedOperation {
	return nil
}

// WeightedOperationsX registers a message factory for every message of the
// module but MsgUpdateParams, which only governance sends (ProposalMsgsX).
// The weights are the defaults; a simulation params file overrides them
// with op_weight_<name>.
func (am AppModule) WeightedOperationsX(weights simsx.WeightSource, reg simsx.Registry) {
	k := am.keeper
	reg.Add(weights.Get("msg_register_department", 20), simulation.MsgRegisterDepartmentFactory(k))
	reg.Add(weights.Get("msg_update_department", 10), simulation.MsgUpdateDepartmentFactory(k))
	reg.Add(weights.Get("msg_set_department_roles", 10), simulation.MsgSetDepartmentRolesFactory(k))
	reg.Add(weights.Get("msg_transfer_department_admin", 5), simulation.MsgTransferDepartmentAdminFactory(k))
	reg.Add(weights.Get("msg_set_department_status", 5), simulation.MsgSetDepartmentStatusFactory(k))
	reg.Add(weights.Get("msg_set_member", 20), simulation.MsgSetMemberFactory(k))
	reg.Add(weights.Get("msg_remove_member", 5), simulation.MsgRemoveMemberFactory(k))
	reg.Add(weights.Get("msg_create_did", 30), simulation.MsgCreateDidFactory(k))
	reg.Add(weights.Get("msg_update_did", 15), simulation.MsgUpdateDidFactory(k))
	reg.Add(weights.Get("msg_deactivate_did", 3), simulation.MsgDeactivateDidFactory(k))
	reg.Add(weights.Get("msg_issue_credential", 30), simulation.MsgIssueCredentialFactory(k))
	reg.Add(weights.Get("msg_update_credential_status", 15), simulation.MsgUpdateCredentialStatusFactory(k))
	reg.Add(weights.Get("msg_register_device", 20), simulation.MsgRegisterDeviceFactory(k))
	reg.Add(weights.Get("msg_update_device", 10), simulation.MsgUpdateDeviceFactory(k))
	reg.Add(weights.Get("msg_set_device_status", 10), simulation.MsgSetDeviceStatusFactory(k))
}

// ProposalMsgsX registers the governance proposal payloads: MsgUpdateParams.
func (AppModule) ProposalMsgsX(weights simsx.WeightSource, reg simsx.Registry) {
	reg.Add(weights.Get("msg_identity_update_params", 100), simulation.MsgUpdateParamsFactory())
}
