package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/datashare/keeper"
	"github.com/trustcity/trustcity/x/datashare/types"
)

// checks collects the module's invariants.
type checks map[string]func(sdk.Context) error

func (c checks) Register(_, name string, check func(sdk.Context) error) { c[name] = check }

func (f *fixture) invariantsHold() {
	f.t.Helper()
	c := checks{}
	keeper.RegisterInvariants(c, f.k)
	require.Len(f.t, c, 6)
	for name, check := range c {
		require.NoError(f.t, check(f.ctx), name)
	}
}

func TestEndBlockExpiresInOrderWithinTheLimit(t *testing.T) {
	f := newFixture(t)
	f.weatherWithVersion()
	f.createRecords()
	p := types.DefaultParams()
	p.MaxExpiriesPerBlock = 2
	_, err := f.msg.UpdateParams(f.ctx, &types.MsgUpdateParams{Authority: f.gov, Params: p})
	require.NoError(t, err)
	g1 := f.grant("provider", "driver", "weather-hourly", "", "traffic", day)
	g2 := f.grant("provider", "clinicAdmin", "weather-hourly", "", "heat", 2*day)
	g3 := f.grant("hospitalAdmin", "clinicAdmin", "records-patient", "", "treatment", 3*day)
	f.run(f.consentRun("patient", f.patientDID, "clinic", "", []string{"treatment"}, start.Add(day)))
	f.invariantsHold()

	status := func(id uint64) types.GrantStatus {
		g, err := f.k.Grants.Get(f.ctx, id)
		require.NoError(t, err)
		return g.Status
	}
	// Nothing is due yet.
	f.at(day - 1)
	require.NoError(t, f.k.EndBlock(f.ctx))
	require.Equal(t, types.GrantStatus_GRANT_STATUS_ACTIVE, status(g1))

	// Three entries are due (grant 1, the consent, grant 2) but only two are
	// marked per block, oldest first.
	f.at(3*day - 1)
	ctx := f.ctx.WithEventManager(sdk.NewEventManager())
	require.NoError(t, f.k.EndBlock(ctx))
	require.Len(t, ctx.EventManager().Events(), 2)
	require.Equal(t, types.GrantStatus_GRANT_STATUS_EXPIRED, status(g1))
	c, err := f.k.Consents.Get(f.ctx, 1)
	require.NoError(t, err)
	require.Equal(t, types.ConsentStatus_CONSENT_STATUS_EXPIRED, c.Status)
	require.Equal(t, types.GrantStatus_GRANT_STATUS_ACTIVE, status(g2), "left for the next block")
	// Still never honoured: status is computed on read.
	check, err := f.query.CheckAccess(f.ctx, &types.QueryCheckAccessRequest{DatasetId: "weather-hourly", Grantee: "clinic"})
	require.NoError(t, err)
	require.Equal(t, types.AccessDenial_ACCESS_DENIAL_GRANT_EXPIRED, check.Denial)
	f.invariantsHold()

	require.NoError(t, f.k.EndBlock(f.ctx))
	require.Equal(t, types.GrantStatus_GRANT_STATUS_EXPIRED, status(g2))
	require.Equal(t, types.GrantStatus_GRANT_STATUS_ACTIVE, status(g3))
	f.invariantsHold()
	has, err := f.k.ExpiryQueue.Has(f.ctx, collections.Join3(start.Add(3*day), types.ExpiryGrant, g3))
	require.NoError(t, err)
	require.True(t, has, "the unexpired grant stays queued")
}
