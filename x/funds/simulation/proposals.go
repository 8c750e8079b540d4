package simulation

import (
	"context"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"

	"github.com/trustcity/trustcity/x/funds/types"
)

// MsgUpdateParamsFactory is the payload of a governance proposal that
// replaces the params with random ones (RandomParams). The gov module
// account is the module authority; the proposal has no signer of its own.
func MsgUpdateParamsFactory() simsx.SimMsgFactoryFn[*types.MsgUpdateParams] {
	return func(_ context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgUpdateParams) {
		return nil, &types.MsgUpdateParams{
			Authority: testData.ModuleAccountAddress(reporter, govtypes.ModuleName),
			Params:    RandomParams(testData.Rand().Rand),
		}
	}
}
