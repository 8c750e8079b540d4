package app_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	govv1 "github.com/cosmos/cosmos-sdk/x/gov/types/v1"
	govv1beta1 "github.com/cosmos/cosmos-sdk/x/gov/types/v1beta1"

	"github.com/trustcity/trustcity/app"
	"github.com/trustcity/trustcity/testutil/apptest"
)

// TestLegacyTextProposal submits a v1beta1 text proposal wrapped in
// MsgExecLegacyContent, both directly and through the legacy
// MsgSubmitProposal: gov runs the content's handler when the proposal is
// submitted, so the app must route legacy content.
func TestLegacyTextProposal(t *testing.T) {
	f := apptest.New(t, apptest.Config{Accounts: 1})
	proposer := f.Accounts()[0]
	deposit := sdk.NewCoins(sdk.NewCoin(app.BondDenom, math.NewInt(1_000_000)))
	content := govv1beta1.NewTextProposal("City budget hearing", "Open the 2027 budget hearing.")

	exec, err := govv1.NewLegacyContent(content, authtypes.NewModuleAddress(govtypes.ModuleName).String())
	require.NoError(t, err)
	submit, err := govv1.NewMsgSubmitProposal([]sdk.Msg{exec}, deposit, proposer.Address.String(), "", "Hearing", "Open the hearing.", false)
	require.NoError(t, err)
	res, err := f.DeliverMsgs(proposer, submit)
	require.NoError(t, err)
	require.Zero(t, res.Code, res.Log)

	legacy, err := govv1beta1.NewMsgSubmitProposal(content, deposit, proposer.Address)
	require.NoError(t, err)
	res, err = f.DeliverMsgs(proposer, legacy)
	require.NoError(t, err)
	require.Zero(t, res.Code, res.Log)

	proposal, err := f.GovKeeper.Proposals.Get(f.Context(), 2)
	require.NoError(t, err)
	require.Equal(t, uint64(2), proposal.Id)
}
