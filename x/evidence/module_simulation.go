package judicial

import (
	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	"github.com/cosmos/cosmos-sdk/types/module"
	simtypes "github.com/cosmos/cosmos-sdk/types/simulation"

	"github.com/trustcity/trustcity/x/evidence/simulation"
	"github.com/trustcity/trustcity/x/evidence/types"
)

var (
	_ module.AppModuleSimulation   = AppModule{}
	_ simsx.HasProposalMsgsX       = AppModule{}
	_ module.AppModuleSimulation   = SimulatedAppModule{}
	_ simsx.HasWeightedOperationsX = SimulatedAppModule{}
)

// GenerateGenesisState writes a random genesis: params, deposits, batches,
// verifications and custody events (see simulation.RandomGenesis).
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
	reg.Add(weights.Get("msg_judicial_update_params", 100), simulation.MsgUpdateParamsFactory())
}

// WithSimulationIdentity returns the module with the x/identity keeper its
// message factories ask which simulation accounts may sign: every judicial
// message needs a signer x/identity authorizes, and the keeper keeps its
// own reference private. The app registers the result in its module
// manager; the module alone still simulates its genesis, store decoding
// and params proposals, but sends no messages.
func (am AppModule) WithSimulationIdentity(identity types.IdentityKeeper) SimulatedAppModule {
	return SimulatedAppModule{AppModule: am, identity: identity}
}

// SimulatedAppModule is the judicial AppModule with the identity keeper its
// message factories need (see WithSimulationIdentity).
type SimulatedAppModule struct {
	AppModule
	identity types.IdentityKeeper
}

// WeightedOperationsX registers a message factory for every message of the
// module but MsgUpdateParams, which only governance sends (ProposalMsgsX),
// and MsgForwardDeposit: the simulator runs one chain with no IBC channel,
// so a forward could only fail; app/judicial_ibc_test.go and the two-chain
// test forward between real chains. The weights are the defaults; a
// simulation params file overrides them with op_weight_<name>.
func (am SimulatedAppModule) WeightedOperationsX(weights simsx.WeightSource, reg simsx.Registry) {
	k, id := am.keeper, am.identity
	reg.Add(weights.Get("msg_judicial_deposit", 40), simulation.MsgDepositFactory(k, id))
	reg.Add(weights.Get("msg_judicial_withdraw", 5), simulation.MsgWithdrawFactory(k, id))
	reg.Add(weights.Get("msg_judicial_anchor_batch", 15), simulation.MsgAnchorBatchFactory(k, id))
	reg.Add(weights.Get("msg_judicial_record_verification", 20), simulation.MsgRecordVerificationFactory(k, id))
	reg.Add(weights.Get("msg_judicial_record_custody", 15), simulation.MsgRecordCustodyFactory(k, id))
}
