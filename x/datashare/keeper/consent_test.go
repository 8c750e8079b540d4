package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/datashare/types"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

func (f *fixture) consentRun(signer, subject, dept, dataset string, purposes []string, expires time.Time) func(sdk.Context) error {
	return func(ctx sdk.Context) error {
		_, err := f.msg.GiveConsent(ctx, &types.MsgGiveConsent{Signer: f.addr[signer], Subject: subject, DepartmentId: dept,
			Purposes: purposes, DatasetId: dataset, ExpiresAt: expires})
		return err
	}
}

func (f *fixture) recordRun(signer string, grant, version uint64, purpose string) func(sdk.Context) error {
	return func(ctx sdk.Context) error {
		_, err := f.msg.RecordAccess(ctx, &types.MsgRecordAccess{Signer: f.addr[signer], GrantId: grant, Version: version, Purpose: purpose})
		return err
	}
}

// TestPersonalDataNeedsConsent: a hospital's records about a patient, a
// clinic's grant, the patient's consent, the logged use and its revocation.
func TestPersonalDataNeedsConsent(t *testing.T) {
	f := newFixture(t)
	f.createRecords()
	g := f.grant("hospitalAdmin", "clinicAdmin", "records-patient", "", "treatment", 30*day)
	year := start.Add(365 * day)

	err := f.rejects(t, types.ErrNoConsent, f.recordRun("clinicAdmin", g, 1, "treatment"))
	require.Contains(t, err.Error(), "has not consented")
	check, err := f.query.CheckAccess(f.ctx, &types.QueryCheckAccessRequest{DatasetId: "records-patient", Grantee: "clinic"})
	require.NoError(t, err)
	require.Equal(t, types.AccessDenial_ACCESS_DENIAL_NO_CONSENT, check.Denial)

	f.runRejects(t, []rejectCase{
		{"consent by a non-controller", identitytypes.ErrNotController, f.consentRun("stranger", f.patientDID, "clinic", "", []string{"treatment"}, year)},
		{"consent to an unknown department", identitytypes.ErrDepartmentNotFound, f.consentRun("patient", f.patientDID, "nowhere", "", []string{"treatment"}, year)},
		{"consent expiring in the past", types.ErrInvalidDuration, f.consentRun("patient", f.patientDID, "clinic", "", []string{"treatment"}, start.Add(-time.Hour))},
		{"consent too long", types.ErrInvalidDuration, f.consentRun("patient", f.patientDID, "clinic", "", []string{"treatment"}, start.Add(6*365*day))},
		{"consent without purpose", types.ErrInvalidRequest, f.consentRun("patient", f.patientDID, "clinic", "", nil, year)},
		{"consent naming a purpose twice", types.ErrInvalidRequest, f.consentRun("patient", f.patientDID, "clinic", "", []string{"treatment", "treatment"}, year)},
		{"consent on another subject's dataset", types.ErrInvalidRequest, f.consentRun("stranger", f.strangerDID, "clinic", "records-patient", []string{"treatment"}, year)},
	})
	// A consent for another purpose does not cover the grant.
	f.run(f.consentRun("patient", f.patientDID, "clinic", "", []string{"research"}, year))
	err = f.rejects(t, types.ErrNoConsent, f.recordRun("clinicAdmin", g, 1, "treatment"))
	require.Contains(t, err.Error(), "does not cover the purpose")

	// Consent for the dataset and the purpose: the use is logged.
	f.run(f.consentRun("patient", f.patientDID, "clinic", "records-patient", []string{"research", "treatment"}, year))
	f.runRejects(t, []rejectCase{
		{"use for another purpose", types.ErrPurposeMismatch, f.recordRun("clinicAdmin", g, 1, "marketing")},
		{"use by another department", types.ErrUnauthorized, f.recordRun("hospitalAdmin", g, 1, "treatment")},
		{"use of a missing version", types.ErrVersionNotFound, f.recordRun("clinicAdmin", g, 2, "treatment")},
		{"use without a grant", types.ErrGrantNotFound, f.recordRun("clinicAdmin", 99, 1, "treatment")},
	})
	events := f.run(f.recordRun("clinicAdmin", g, 1, "treatment"))
	require.Equal(t, "trustcity.datashare.v1.EventAccessRecorded", events[0].Type)
	logs, err := f.query.AccessLogs(f.ctx, &types.QueryAccessLogsRequest{Subject: f.patientDID})
	require.NoError(t, err)
	require.Len(t, logs.Logs, 1)
	require.Equal(t, "clinic", logs.Logs[0].Grantee)
	require.Equal(t, f.addr["clinicAdmin"], logs.Logs[0].Accessor)
	check, err = f.query.CheckAccess(f.ctx, &types.QueryCheckAccessRequest{DatasetId: "records-patient", Grantee: "clinic"})
	require.NoError(t, err)
	require.True(t, check.Allowed)
	require.NotNil(t, check.Consent)

	// Revoking the dataset consent stops the grant at once.
	consents, err := f.query.Consents(f.ctx, &types.QueryConsentsRequest{Subject: f.patientDID})
	require.NoError(t, err)
	require.Len(t, consents.Consents, 2)
	datasetConsent := consents.Consents[1].Id
	revoke := func(signer string, id uint64) func(sdk.Context) error {
		return func(ctx sdk.Context) error {
			_, err := f.msg.RevokeConsent(ctx, &types.MsgRevokeConsent{Signer: f.addr[signer], ConsentId: id})
			return err
		}
	}
	f.runRejects(t, []rejectCase{
		{"revoke by someone else", identitytypes.ErrNotController, revoke("clinicAdmin", datasetConsent)},
		{"revoke unknown consent", types.ErrConsentNotFound, revoke("patient", 99)},
	})
	f.run(revoke("patient", datasetConsent))
	f.runRejects(t, []rejectCase{
		{"use after the consent was revoked", types.ErrNoConsent, f.recordRun("clinicAdmin", g, 1, "treatment")},
		{"revoke twice", types.ErrConsentNotInForce, revoke("patient", datasetConsent)},
	})

	// Renewed consent, then the grant expires: use refused, status computed.
	f.run(f.consentRun("patient", f.patientDID, "clinic", "records-patient", []string{"treatment"}, year))
	f.run(f.recordRun("clinicAdmin", g, 1, "treatment"))
	f.at(30 * day)
	f.runRejects(t, []rejectCase{{"use of an expired grant", types.ErrGrantNotInForce, f.recordRun("clinicAdmin", g, 1, "treatment")}})
	got, err := f.query.Grant(f.ctx, &types.QueryGrantRequest{Id: g})
	require.NoError(t, err)
	require.Equal(t, types.GrantStatus_GRANT_STATUS_EXPIRED, got.Grant.Status, "expired on read before EndBlock marks it")
	logs, err = f.query.AccessLogs(f.ctx, &types.QueryAccessLogsRequest{DatasetId: "records-patient"})
	require.NoError(t, err)
	require.Len(t, logs.Logs, 2)
	_, err = f.query.AccessLogs(f.ctx, &types.QueryAccessLogsRequest{DatasetId: "records-patient", Grantee: "clinic"})
	require.ErrorIs(t, err, types.ErrInvalidRequest)
}

func TestSubjectOwnGrantNeedsNoConsent(t *testing.T) {
	f := newFixture(t)
	f.createRecords()
	g := f.grant("hospitalAdmin", "patient", "records-patient", f.patientDID, "personal-copy", day)
	f.run(f.recordRun("patient", g, 1, "personal-copy"))
	f.runRejects(t, []rejectCase{{"another citizen uses the subject's grant", identitytypes.ErrNotController, f.recordRun("stranger", g, 1, "personal-copy")}})
}

func TestKeyEnvelopes(t *testing.T) {
	f := newFixture(t)
	f.createRecords()
	g := f.grant("hospitalAdmin", "clinicAdmin", "records-patient", "", "treatment", 30*day)
	post := func(signer, key string, version uint64) func(sdk.Context) error {
		return func(ctx sdk.Context) error {
			_, err := f.msg.PostKeyEnvelope(ctx, &types.MsgPostKeyEnvelope{Signer: f.addr[signer], GrantId: g, Version: version,
				RecipientKey: key, Algorithm: "ECDH-ES+A256KW", Ciphertext: []byte("wrapped-key-bytes")})
			return err
		}
	}
	key := f.clinicDID + "#enc-1"
	f.runRejects(t, []rejectCase{
		{"no consent yet", types.ErrNoConsent, post("hospitalAdmin", key, 1)},
	})
	f.run(f.consentRun("patient", f.patientDID, "clinic", "", []string{"treatment"}, start.Add(365*day)))
	f.runRejects(t, []rejectCase{
		{"posted by the grantee", types.ErrUnauthorized, post("clinicAdmin", key, 1)},
		{"key of another DID", types.ErrNoKeyAgreementKey, post("hospitalAdmin", f.patientDID+"#enc-1", 1)},
		{"unknown key id", types.ErrNoKeyAgreementKey, post("hospitalAdmin", f.clinicDID+"#enc-9", 1)},
		{"no fragment", types.ErrNoKeyAgreementKey, post("hospitalAdmin", f.clinicDID, 1)},
		{"missing version", types.ErrVersionNotFound, post("hospitalAdmin", key, 3)},
		{"empty ciphertext", types.ErrInvalidRequest, func(ctx sdk.Context) error {
			_, err := f.msg.PostKeyEnvelope(ctx, &types.MsgPostKeyEnvelope{Signer: f.addr["hospitalAdmin"], GrantId: g, Version: 1, RecipientKey: key, Algorithm: "A"})
			return err
		}},
	})
	f.run(post("hospitalAdmin", key, 1))
	envs, err := f.query.KeyEnvelopes(f.ctx, &types.QueryKeyEnvelopesRequest{GrantId: g})
	require.NoError(t, err)
	require.Len(t, envs.Envelopes, 1)
	require.Equal(t, []byte("wrapped-key-bytes"), envs.Envelopes[0].Ciphertext)

	// After revocation, a rotated version's key goes only to grants in force.
	_, err = f.msg.RevokeGrant(f.ctx, &types.MsgRevokeGrant{Signer: f.addr["hospitalAdmin"], GrantId: g, Reason: "rotation"})
	require.NoError(t, err)
	f.run(func(ctx sdk.Context) error {
		return f.publish(ctx, "hospitalAdmin", "records-patient", func(m *types.MsgPublishVersion) { m.Summary = ""; m.ParentVersion = 1 })
	})
	f.runRejects(t, []rejectCase{{"envelope to a revoked grant", types.ErrGrantNotInForce, post("hospitalAdmin", key, 2)}})
}

func TestSubscriptions(t *testing.T) {
	f := newFixture(t)
	f.weatherWithVersion()
	f.createRecords()
	sub := func(signer, dataset, grantee string) func(sdk.Context) error {
		return func(ctx sdk.Context) error {
			_, err := f.msg.Subscribe(ctx, &types.MsgSubscribe{Signer: f.addr[signer], DatasetId: dataset, Grantee: grantee})
			return err
		}
	}
	f.runRejects(t, []rejectCase{
		{"internal data without a grant", types.ErrGrantNotInForce, sub("driver", "weather-hourly", "")},
		{"outsider", identitytypes.ErrNotAffiliated, sub("outsider", "weather-hourly", "")},
	})
	f.grant("hospitalAdmin", "clinicAdmin", "records-patient", "", "treatment", day)
	f.runRejects(t, []rejectCase{
		{"personal data with a grant but no consent", types.ErrNoConsent, sub("clinicAdmin", "records-patient", "")},
	})
	f.grant("provider", "driver", "weather-hourly", "", "traffic-signal-timing", day)
	f.run(sub("driver", "weather-hourly", ""))
	f.run(sub("patient", "records-patient", f.patientDID))
	f.runRejects(t, []rejectCase{{"twice", types.ErrSubscriptionExists, sub("transportAdmin", "weather-hourly", "")}})
	subs, err := f.query.Subscriptions(f.ctx, &types.QuerySubscriptionsRequest{Subscriber: "transport"})
	require.NoError(t, err)
	require.Len(t, subs.Subscriptions, 1)
	unsub := func(signer, dataset string) func(sdk.Context) error {
		return func(ctx sdk.Context) error {
			_, err := f.msg.Unsubscribe(ctx, &types.MsgUnsubscribe{Signer: f.addr[signer], DatasetId: dataset})
			return err
		}
	}
	f.runRejects(t, []rejectCase{{"unsubscribe what was never followed", types.ErrSubscriptionMissing, unsub("clinicAdmin", "weather-hourly")}})
	f.run(unsub("driver", "weather-hourly"))
	subs, err = f.query.Subscriptions(f.ctx, &types.QuerySubscriptionsRequest{DatasetId: "weather-hourly"})
	require.NoError(t, err)
	require.Empty(t, subs.Subscriptions)
}
