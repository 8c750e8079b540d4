package datashare

import (
	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	"github.com/cosmos/cosmos-sdk/types/module"
	simtypes "github.com/cosmos/cosmos-sdk/types/simulation"

	"github.com/trustcity/trustcity/x/datashare/simulation"
	"github.com/trustcity/trustcity/x/datashare/types"
)

var (
	_ module.AppModuleSimulation   = AppModule{}
	_ simsx.HasProposalMsgsX       = AppModule{}
	_ module.AppModuleSimulation   = SimulatedAppModule{}
	_ simsx.HasWeightedOperationsX = SimulatedAppModule{}
)

// GenerateGenesisState writes a random genesis: params and standards, and
// more when the identity genesis was generated first (see
// simulation.RandomizedGenState).
func (AppModule) GenerateGenesisState(simState *module.SimulationState) {
	simulation.RandomizedGenState(simState)
}

// RegisterStoreDecoder registers the decoder of the module's store.
func (am AppModule) RegisterStoreDecoder(sdr simtypes.StoreDecoderRegistry) {
	sdr[types.StoreKey] = simulation.NewDecodeStore(am.keeper.Schema)
}

// WeightedOperations returns no legacy operations. module.AppModuleSimulation
// still requires the method; the message factories are SimulatedAppModule's.
func (AppModule) WeightedOperations(module.SimulationState) []simtypes.WeightedOperation {
	return nil
}

// ProposalMsgsX registers the governance proposal payloads: MsgUpdateParams.
func (AppModule) ProposalMsgsX(weights simsx.WeightSource, reg simsx.Registry) {
	reg.Add(weights.Get("msg_datashare_update_params", 100), simulation.MsgUpdateParamsFactory())
}

// WithSimulationIdentity returns the module with the x/identity keeper its
// message factories ask which simulation accounts may sign: every datashare
// message needs a signer x/identity authorizes (a DATA_PROVIDER or
// STANDARDS_BODY, a department's member, a DID's controller, a device), and
// the keeper keeps its own reference private. The app registers the result
// in its module manager; the module alone still simulates its genesis,
// store decoding and params proposals, but sends no messages.
func (am AppModule) WithSimulationIdentity(identity types.IdentityKeeper) SimulatedAppModule {
	return SimulatedAppModule{AppModule: am, identity: identity}
}

// SimulatedAppModule is the datashare AppModule with the identity keeper its
// message factories need (see WithSimulationIdentity).
type SimulatedAppModule struct {
	AppModule
	identity types.IdentityKeeper
}

// WeightedOperationsX registers a message factory for every message of the
// module but MsgUpdateParams, which only governance sends (ProposalMsgsX).
// The weights are the defaults; a simulation params file overrides them
// with op_weight_<name>.
func (am SimulatedAppModule) WeightedOperationsX(weights simsx.WeightSource, reg simsx.Registry) {
	k, id := am.keeper, am.identity
	reg.Add(weights.Get("msg_datashare_register_standard", 10), simulation.MsgRegisterStandardFactory(k, id))
	reg.Add(weights.Get("msg_datashare_deprecate_standard", 3), simulation.MsgDeprecateStandardFactory(k, id))
	reg.Add(weights.Get("msg_datashare_create_dataset", 25), simulation.MsgCreateDatasetFactory(k, id))
	reg.Add(weights.Get("msg_datashare_update_dataset", 5), simulation.MsgUpdateDatasetFactory(k, id))
	reg.Add(weights.Get("msg_datashare_publish_version", 30), simulation.MsgPublishVersionFactory(k, id))
	reg.Add(weights.Get("msg_datashare_request_access", 30), simulation.MsgRequestAccessFactory(k, id))
	reg.Add(weights.Get("msg_datashare_approve_request", 15), simulation.MsgApproveRequestFactory(k, id))
	reg.Add(weights.Get("msg_datashare_reject_request", 5), simulation.MsgRejectRequestFactory(k, id))
	reg.Add(weights.Get("msg_datashare_revoke_grant", 4), simulation.MsgRevokeGrantFactory(k, id))
	reg.Add(weights.Get("msg_datashare_relinquish_grant", 3), simulation.MsgRelinquishGrantFactory(k, id))
	reg.Add(weights.Get("msg_datashare_set_auto_approval_rule", 10), simulation.MsgSetAutoApprovalRuleFactory(k, id))
	reg.Add(weights.Get("msg_datashare_remove_auto_approval_rule", 3), simulation.MsgRemoveAutoApprovalRuleFactory(k, id))
	reg.Add(weights.Get("msg_datashare_give_consent", 15), simulation.MsgGiveConsentFactory(k, id))
	reg.Add(weights.Get("msg_datashare_revoke_consent", 3), simulation.MsgRevokeConsentFactory(k, id))
	reg.Add(weights.Get("msg_datashare_post_key_envelope", 10), simulation.MsgPostKeyEnvelopeFactory(k, id))
	reg.Add(weights.Get("msg_datashare_record_access", 25), simulation.MsgRecordAccessFactory(k, id))
	reg.Add(weights.Get("msg_datashare_subscribe", 10), simulation.MsgSubscribeFactory(k, id))
	reg.Add(weights.Get("msg_datashare_unsubscribe", 4), simulation.MsgUnsubscribeFactory(k, id))
}
