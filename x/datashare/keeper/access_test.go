package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/datashare/types"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

const day = 24 * time.Hour

func (f *fixture) requestRun(signer, dataset, grantee string, d time.Duration) func(sdk.Context) error {
	return func(ctx sdk.Context) error {
		_, err := f.msg.RequestAccess(ctx, &types.MsgRequestAccess{Signer: f.addr[signer], DatasetId: dataset, Grantee: grantee, Purpose: "traffic-signal-timing", Duration: d})
		return err
	}
}

func TestRequestApproveReject(t *testing.T) {
	f := newFixture(t)
	f.weatherWithVersion()
	f.createRecords()
	f.runRejects(t, []rejectCase{
		{"outsider", identitytypes.ErrNotAffiliated, f.requestRun("outsider", "weather-hourly", "", day)},
		{"suspended department", identitytypes.ErrDepartmentSuspended, f.requestRun("policeAdmin", "weather-hourly", "", day)},
		{"own dataset", types.ErrOwnDataset, f.requestRun("clerk", "weather-hourly", "", day)},
		{"unknown dataset", types.ErrDatasetNotFound, f.requestRun("driver", "nope", "", day)},
		{"zero duration", types.ErrInvalidDuration, f.requestRun("driver", "weather-hourly", "", 0)},
		{"fractional seconds", types.ErrInvalidDuration, f.requestRun("driver", "weather-hourly", "", time.Second+time.Millisecond)},
		{"duration over the limit", types.ErrInvalidDuration, f.requestRun("driver", "weather-hourly", "", 366*day)},
		{"DID not the subject", types.ErrUnauthorized, f.requestRun("stranger", "records-patient", f.strangerDID, day)},
		{"DID the signer does not control", identitytypes.ErrNotController, f.requestRun("stranger", "records-patient", f.patientDID, day)},
		{"grantee a department id", types.ErrInvalidRequest, f.requestRun("driver", "weather-hourly", "transport", day)},
		{"empty purpose", types.ErrInvalidRequest, func(ctx sdk.Context) error {
			_, err := f.msg.RequestAccess(ctx, &types.MsgRequestAccess{Signer: f.addr["driver"], DatasetId: "weather-hourly", Duration: day})
			return err
		}},
	})
	r, err := f.request("driver", "weather-hourly", "", "traffic-signal-timing", 30*day)
	require.NoError(t, err)
	require.Zero(t, r.GrantId, "no rule: the request waits for the owner")

	approve := func(signer string, id uint64, d time.Duration) func(sdk.Context) error {
		return func(ctx sdk.Context) error {
			_, err := f.msg.ApproveRequest(ctx, &types.MsgApproveRequest{Signer: f.addr[signer], RequestId: id, Duration: d})
			return err
		}
	}
	reject := func(signer string, id uint64) func(sdk.Context) error {
		return func(ctx sdk.Context) error {
			_, err := f.msg.RejectRequest(ctx, &types.MsgRejectRequest{Signer: f.addr[signer], RequestId: id, Reason: "not needed"})
			return err
		}
	}
	f.runRejects(t, []rejectCase{
		{"approve by the requester", identitytypes.ErrRoleNotHeld, approve("driver", r.RequestId, 0)},
		{"approve by another owner", types.ErrUnauthorized, approve("hospitalAdmin", r.RequestId, 0)},
		{"approve by a member without DATA_PROVIDER", identitytypes.ErrRoleNotHeld, approve("clerk", r.RequestId, 0)},
		{"approve longer than asked", types.ErrInvalidDuration, approve("provider", r.RequestId, 31*day)},
		{"approve unknown request", types.ErrRequestNotFound, approve("provider", 99, 0)},
		{"reject by another owner", types.ErrUnauthorized, reject("hospitalAdmin", r.RequestId)},
	})
	events := f.run(approve("provider", r.RequestId, 7*day))
	require.Equal(t, "trustcity.datashare.v1.EventAccessGranted", events[len(events)-1].Type)
	req, err := f.query.Request(f.ctx, &types.QueryRequestRequest{Id: r.RequestId})
	require.NoError(t, err)
	require.Equal(t, types.RequestStatus_REQUEST_STATUS_APPROVED, req.Request.Status)
	g, err := f.query.Grant(f.ctx, &types.QueryGrantRequest{Id: req.Request.GrantId})
	require.NoError(t, err)
	require.Equal(t, start.Add(7*day), g.Grant.ExpiresAt, "approval shortened the duration")
	require.Equal(t, "transport", g.Grant.Grantee)
	f.runRejects(t, []rejectCase{
		{"approve twice", types.ErrRequestNotPending, approve("provider", r.RequestId, 0)},
		{"reject an approved request", types.ErrRequestNotPending, reject("provider", r.RequestId)},
	})

	r2, err := f.request("transportAdmin", "weather-hourly", "", "traffic-signal-timing", day)
	require.NoError(t, err)
	f.run(reject("weatherAdmin", r2.RequestId))
	rejected, err := f.query.Requests(f.ctx, &types.QueryRequestsRequest{Grantee: "transport", Status: types.RequestStatus_REQUEST_STATUS_REJECTED})
	require.NoError(t, err)
	require.Len(t, rejected.Requests, 1)
	require.Equal(t, r2.RequestId, rejected.Requests[0].Id)
	_, err = f.query.Requests(f.ctx, &types.QueryRequestsRequest{Status: types.RequestStatus_REQUEST_STATUS_REJECTED})
	require.ErrorIs(t, err, types.ErrInvalidRequest, "decided requests are listed per dataset or grantee")
	r3, err := f.request("clinicAdmin", "weather-hourly", "", "heat", day)
	require.NoError(t, err)
	pending, err := f.query.Requests(f.ctx, &types.QueryRequestsRequest{Status: types.RequestStatus_REQUEST_STATUS_PENDING})
	require.NoError(t, err)
	require.Len(t, pending.Requests, 1)
	require.Equal(t, r3.RequestId, pending.Requests[0].Id)
	byDataset, err := f.query.Requests(f.ctx, &types.QueryRequestsRequest{DatasetId: "weather-hourly", Status: types.RequestStatus_REQUEST_STATUS_APPROVED})
	require.NoError(t, err)
	require.Len(t, byDataset.Requests, 1)
	require.Equal(t, r.RequestId, byDataset.Requests[0].Id)
	_, err = f.query.Requests(f.ctx, &types.QueryRequestsRequest{})
	require.ErrorIs(t, err, types.ErrInvalidRequest)

	// The subject asks for its own data as its DID.
	own, err := f.request("patient", "records-patient", f.patientDID, "personal-copy", day)
	require.NoError(t, err)
	sr, err := f.query.Request(f.ctx, &types.QueryRequestRequest{Id: own.RequestId})
	require.NoError(t, err)
	require.Equal(t, f.patientDID, sr.Request.Grantee)
}

func TestGrantRevokeRelinquish(t *testing.T) {
	f := newFixture(t)
	f.weatherWithVersion()
	first := f.grant("provider", "driver", "weather-hourly", "", "traffic-signal-timing", 30*day)
	revoke := func(signer string, id uint64) func(sdk.Context) error {
		return func(ctx sdk.Context) error {
			_, err := f.msg.RevokeGrant(ctx, &types.MsgRevokeGrant{Signer: f.addr[signer], GrantId: id, Reason: "audit"})
			return err
		}
	}
	relinquish := func(signer string, id uint64) func(sdk.Context) error {
		return func(ctx sdk.Context) error {
			_, err := f.msg.RelinquishGrant(ctx, &types.MsgRelinquishGrant{Signer: f.addr[signer], GrantId: id})
			return err
		}
	}
	f.runRejects(t, []rejectCase{
		{"revoke by the grantee", identitytypes.ErrRoleNotHeld, revoke("driver", first)},
		{"revoke by another owner", types.ErrUnauthorized, revoke("hospitalAdmin", first)},
		{"revoke unknown grant", types.ErrGrantNotFound, revoke("provider", 99)},
		{"relinquish by the owner", types.ErrUnauthorized, relinquish("provider", first)},
		{"relinquish by an outsider", identitytypes.ErrNotAffiliated, relinquish("outsider", first)},
	})
	// A second grant to the same grantee supersedes the first.
	second := f.grant("provider", "driver", "weather-hourly", "", "traffic-signal-timing", 60*day)
	g1, err := f.query.Grant(f.ctx, &types.QueryGrantRequest{Id: first})
	require.NoError(t, err)
	require.Equal(t, types.GrantStatus_GRANT_STATUS_SUPERSEDED, g1.Grant.Status)
	f.runRejects(t, []rejectCase{{"revoke a superseded grant", types.ErrGrantNotInForce, revoke("provider", first)}})
	f.run(relinquish("transportAdmin", second))
	f.runRejects(t, []rejectCase{
		{"relinquish twice", types.ErrGrantNotInForce, relinquish("driver", second)},
		{"revoke a relinquished grant", types.ErrGrantNotInForce, revoke("provider", second)},
	})
	third := f.grant("provider", "driver", "weather-hourly", "", "traffic-signal-timing", day)
	f.run(revoke("weatherAdmin", third))
	check, err := f.query.CheckAccess(f.ctx, &types.QueryCheckAccessRequest{DatasetId: "weather-hourly", Grantee: "transport"})
	require.NoError(t, err)
	require.False(t, check.Allowed)
	require.Equal(t, types.AccessDenial_ACCESS_DENIAL_GRANT_ENDED, check.Denial)
	require.Equal(t, types.GrantStatus_GRANT_STATUS_REVOKED, check.Grant.Status)
	grants, err := f.query.Grants(f.ctx, &types.QueryGrantsRequest{Grantee: "transport"})
	require.NoError(t, err)
	require.Len(t, grants.Grants, 3)
}

func TestAutoApproval(t *testing.T) {
	f := newFixture(t)
	f.weatherWithVersion()
	f.createRecords()
	setRule := func(signer, dataset string, role identitytypes.Role, depts []string, d time.Duration) func(sdk.Context) error {
		return func(ctx sdk.Context) error {
			_, err := f.msg.SetAutoApprovalRule(ctx, &types.MsgSetAutoApprovalRule{Signer: f.addr[signer], DatasetId: dataset, Role: role, Departments: depts, MaxDuration: d})
			return err
		}
	}
	none := identitytypes.Role_ROLE_UNSPECIFIED
	f.runRejects(t, []rejectCase{
		{"rule by another department", types.ErrUnauthorized, setRule("hospitalAdmin", "weather-hourly", none, []string{"transport"}, 90*day)},
		{"rule by a member without DATA_PROVIDER", identitytypes.ErrRoleNotHeld, setRule("clerk", "weather-hourly", none, []string{"transport"}, 90*day)},
		{"rule on personal data", types.ErrPersonalData, setRule("hospitalAdmin", "records-patient", none, []string{"clinic"}, 90*day)},
		{"rule with neither role nor departments", types.ErrInvalidRequest, setRule("provider", "weather-hourly", none, nil, 90*day)},
		{"rule naming a department twice", types.ErrInvalidRequest, setRule("provider", "weather-hourly", none, []string{"transport", "transport"}, 90*day)},
		{"rule naming an unknown department", identitytypes.ErrDepartmentNotFound, setRule("provider", "weather-hourly", none, []string{"nowhere"}, 90*day)},
		{"rule with an unknown role", types.ErrInvalidRequest, setRule("provider", "weather-hourly", 77, nil, 90*day)},
		{"rule beyond the grant limit", types.ErrInvalidDuration, setRule("provider", "weather-hourly", none, []string{"transport"}, 400*day)},
	})
	f.run(setRule("provider", "weather-hourly", none, []string{"transport"}, 90*day))

	// Longer than the rule allows: the request waits.
	long, err := f.request("driver", "weather-hourly", "", "traffic-signal-timing", 120*day)
	require.NoError(t, err)
	require.Zero(t, long.GrantId)
	// Within the rule: granted in the same transaction.
	ctx := f.ctx.WithEventManager(sdk.NewEventManager())
	res, err := f.msg.RequestAccess(ctx, &types.MsgRequestAccess{Signer: f.addr["driver"], DatasetId: "weather-hourly", Purpose: "traffic-signal-timing", Duration: 30 * day})
	require.NoError(t, err)
	require.NotZero(t, res.GrantId)
	require.Equal(t, uint64(1), res.RuleId)
	var auto bool
	for _, e := range ctx.EventManager().Events() {
		auto = auto || e.Type == "trustcity.datashare.v1.EventAutomatedDataExchange"
	}
	require.True(t, auto, "an automated grant emits EventAutomatedDataExchange")
	check, err := f.query.CheckAccess(f.ctx, &types.QueryCheckAccessRequest{DatasetId: "weather-hourly", Grantee: "transport"})
	require.NoError(t, err)
	require.True(t, check.Allowed)

	// A role rule: hospital and clinic hold DATA_PROVIDER, police is suspended.
	f.run(setRule("provider", "weather-hourly", identitytypes.Role_ROLE_DATA_PROVIDER, nil, 10*day))
	clinic, err := f.request("clinicAdmin", "weather-hourly", "", "heat-wave-planning", 5*day)
	require.NoError(t, err)
	require.Equal(t, uint64(2), clinic.RuleId)
	rules, err := f.query.AutoApprovalRules(f.ctx, &types.QueryAutoApprovalRulesRequest{DatasetId: "weather-hourly"})
	require.NoError(t, err)
	require.Len(t, rules.Rules, 2)

	// Personal data never matches a rule, even a requester the rule would name.
	p, err := f.request("clinicAdmin", "records-patient", "", "treatment", day)
	require.NoError(t, err)
	require.Zero(t, p.GrantId)

	remove := func(signer string, id uint64) func(sdk.Context) error {
		return func(ctx sdk.Context) error {
			_, err := f.msg.RemoveAutoApprovalRule(ctx, &types.MsgRemoveAutoApprovalRule{Signer: f.addr[signer], DatasetId: "weather-hourly", RuleId: id})
			return err
		}
	}
	f.runRejects(t, []rejectCase{
		{"remove by another department", types.ErrUnauthorized, remove("hospitalAdmin", 1)},
		{"remove an unknown rule", types.ErrRuleNotFound, remove("provider", 9)},
	})
	f.run(remove("provider", 1))
	again, err := f.request("driver", "weather-hourly", "", "traffic-signal-timing", 30*day)
	require.NoError(t, err)
	require.Zero(t, again.GrantId, "the rule is gone")
}

func TestTooManyRules(t *testing.T) {
	f := newFixture(t)
	f.weatherWithVersion()
	p := types.DefaultParams()
	p.MaxRulesPerDataset = 2
	_, err := f.msg.UpdateParams(f.ctx, &types.MsgUpdateParams{Authority: f.gov, Params: p})
	require.NoError(t, err)
	set := func(ctx sdk.Context) error {
		_, err := f.msg.SetAutoApprovalRule(ctx, &types.MsgSetAutoApprovalRule{Signer: f.addr["provider"], DatasetId: "weather-hourly", Departments: []string{"transport"}, MaxDuration: day})
		return err
	}
	f.run(set)
	f.run(set)
	f.runRejects(t, []rejectCase{{"third rule", types.ErrTooManyRules, set}})
}

func TestUpdateParams(t *testing.T) {
	f := newFixture(t)
	bad := types.DefaultParams()
	bad.MaxGrantDuration = 0
	f.runRejects(t, []rejectCase{
		{"not the authority", types.ErrUnauthorized, func(ctx sdk.Context) error {
			_, err := f.msg.UpdateParams(ctx, &types.MsgUpdateParams{Authority: f.addr["provider"], Params: types.DefaultParams()})
			return err
		}},
		{"invalid params", types.ErrInvalidParams, func(ctx sdk.Context) error {
			_, err := f.msg.UpdateParams(ctx, &types.MsgUpdateParams{Authority: f.gov, Params: bad})
			return err
		}},
	})
}
