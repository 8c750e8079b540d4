package funds

import (
	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	"github.com/cosmos/cosmos-sdk/types/module"
	simtypes "github.com/cosmos/cosmos-sdk/types/simulation"

	"github.com/trustcity/trustcity/x/funds/simulation"
	"github.com/trustcity/trustcity/x/funds/types"
)

var (
	_ module.AppModuleSimulation   = AppModule{}
	_ simsx.HasProposalMsgsX       = AppModule{}
	_ module.AppModuleSimulation   = SimulatedAppModule{}
	_ simsx.HasWeightedOperationsX = SimulatedAppModule{}
)

// GenerateGenesisState writes a random genesis: params only (see
// simulation.RandomGenesis for why).
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
	reg.Add(weights.Get("msg_funds_update_params", 100), simulation.MsgUpdateParamsFactory())
}

// WithSimulation returns the module with the keepers its message factories
// ask, which the keeper keeps private: x/identity, for the simulation
// accounts that may sign (FUND_MANAGERs, FUND_SUPERVISORs, members of the
// holding department), the departments below a holder and the credentials
// beneficiaries hold; and x/evidence (judicial), for the evidence records
// in force that milestone confirmations and expenditure reports cite. The
// factories take coins from simulation accounts' balances as the simulator
// reports them, so they need no bank keeper. The app registers the result
// in its module manager; the module alone still simulates its genesis,
// store decoding and params proposals, but sends no messages.
func (am AppModule) WithSimulation(identity types.IdentityKeeper, judicial types.JudicialKeeper) SimulatedAppModule {
	return SimulatedAppModule{AppModule: am, identity: identity, judicial: judicial}
}

// SimulatedAppModule is the funds AppModule with the keepers its message
// factories need (see WithSimulation).
type SimulatedAppModule struct {
	AppModule
	identity types.IdentityKeeper
	judicial types.JudicialKeeper
}

// WeightedOperationsX registers a message factory for every message of the
// module but MsgUpdateParams, which only governance sends (ProposalMsgsX).
// The weights are the defaults; a simulation params file overrides them
// with op_weight_<name>.
func (am SimulatedAppModule) WeightedOperationsX(weights simsx.WeightSource, reg simsx.Registry) {
	k, id, j := am.keeper, am.identity, am.judicial
	reg.Add(weights.Get("msg_funds_create_program", 15), simulation.MsgCreateProgramFactory(k, id))
	reg.Add(weights.Get("msg_funds_fund_program", 25), simulation.MsgFundProgramFactory(k))
	reg.Add(weights.Get("msg_funds_close_program", 3), simulation.MsgCloseProgramFactory(k, id))
	reg.Add(weights.Get("msg_funds_allocate", 20), simulation.MsgAllocateFactory(k, id))
	reg.Add(weights.Get("msg_funds_return_funds", 5), simulation.MsgReturnFundsFactory(k, id))
	reg.Add(weights.Get("msg_funds_disburse", 30), simulation.MsgDisburseFactory(k, id))
	reg.Add(weights.Get("msg_funds_approve_disbursement", 12), simulation.MsgApproveDisbursementFactory(k, id))
	reg.Add(weights.Get("msg_funds_reject_disbursement", 5), simulation.MsgRejectDisbursementFactory(k, id))
	reg.Add(weights.Get("msg_funds_define_milestone", 12), simulation.MsgDefineMilestoneFactory(k, id))
	reg.Add(weights.Get("msg_funds_confirm_milestone", 10), simulation.MsgConfirmMilestoneFactory(k, id, j))
	reg.Add(weights.Get("msg_funds_reject_milestone", 4), simulation.MsgRejectMilestoneFactory(k, id))
	reg.Add(weights.Get("msg_funds_report_expenditure", 15), simulation.MsgReportExpenditureFactory(k, j))
}
