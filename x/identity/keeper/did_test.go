package keeper_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/testutil/keepertest"
	"github.com/trustcity/trustcity/x/identity/types"
)

const uuidDID = "did:trustcity:6f1c2b7e-3a4d-4e5f-8a9b-0c1d2e3f4a5b"

func TestCreateDidRejects(t *testing.T) {
	f := newFixture(t)
	create := func(mutate func(*types.MsgCreateDid)) func(sdk.Context) error {
		return func(ctx sdk.Context) error {
			msg := &types.MsgCreateDid{
				Signer: f.addr["spare1"], Id: uuidDID,
				VerificationMethods: []types.VerificationMethod{ed25519VM("key-1", 0), x25519VM("enc-1")},
				Authentication:      []string{"key-1"}, KeyAgreement: []string{"enc-1"},
				Services: []types.Service{{Id: "portal", Type: "LinkedDomains", Endpoint: "https://citizen.example"}},
			}
			mutate(msg)
			_, err := f.msg.CreateDid(ctx, msg)
			return err
		}
	}
	secpNotOnCurve := append([]byte{0x02}, make([]byte, 32)...)
	for i := range secpNotOnCurve[1:] {
		secpNotOnCurve[1+i] = 0xff
	}
	runRejects(t, f, []rejectCase{
		{"id with personal data", types.ErrInvalidDid, create(func(m *types.MsgCreateDid) { m.Id = "zhang-san-1985" })},
		{"upper-case UUID", types.ErrInvalidDid, create(func(m *types.MsgCreateDid) { m.Id = strings.ToUpper("6f1c2b7e-3a4d-4e5f-8a9b-0c1d2e3f4a5b") })},
		{"another method", types.ErrInvalidDid, create(func(m *types.MsgCreateDid) { m.Id = "did:web:example.com" })},
		{"existing DID", types.ErrDidExists, create(func(m *types.MsgCreateDid) { m.Id = f.subject })},
		{"too many controllers", types.ErrInvalidDid, create(func(m *types.MsgCreateDid) {
			m.Controllers = []string{}
			for _, n := range names[:9] {
				m.Controllers = append(m.Controllers, f.addr[n])
			}
		})},
		{"controller twice", types.ErrInvalidDid, create(func(m *types.MsgCreateDid) { m.Controllers = []string{f.addr["spare1"], f.addr["spare1"]} })},
		{"controller not an address", types.ErrInvalidAddress, create(func(m *types.MsgCreateDid) { m.Controllers = []string{"tcity1nope"} })},
		{"short Ed25519 key", types.ErrInvalidDid, create(func(m *types.MsgCreateDid) { m.VerificationMethods[0].PublicKey = []byte{1, 2, 3} })},
		{"secp256k1 key off the curve", types.ErrInvalidDid, create(func(m *types.MsgCreateDid) {
			m.VerificationMethods[0] = types.VerificationMethod{Id: "key-1", Type: types.VerificationMethodType_VERIFICATION_METHOD_TYPE_SECP256K1, PublicKey: secpNotOnCurve}
		})},
		{"all-zero X25519 key", types.ErrInvalidDid, create(func(m *types.MsgCreateDid) { m.VerificationMethods[1].PublicKey = make([]byte, 32) })},
		{"unknown key type", types.ErrInvalidDid, create(func(m *types.MsgCreateDid) { m.VerificationMethods[0].Type = 9 })},
		{"relationship to a missing key", types.ErrInvalidDid, create(func(m *types.MsgCreateDid) { m.Authentication = []string{"key-9"} })},
		{"X25519 key used for authentication", types.ErrInvalidDid, create(func(m *types.MsgCreateDid) { m.Authentication = []string{"enc-1"} })},
		{"signing key used for key agreement", types.ErrInvalidDid, create(func(m *types.MsgCreateDid) { m.KeyAgreement = []string{"key-1"} })},
		{"key listed twice in a relationship", types.ErrInvalidDid, create(func(m *types.MsgCreateDid) { m.AssertionMethod = []string{"key-1", "key-1"} })},
		{"fragment used twice", types.ErrInvalidDid, create(func(m *types.MsgCreateDid) { m.Services[0].Id = "key-1" })},
		{"fragment with a hash", types.ErrInvalidDid, create(func(m *types.MsgCreateDid) { m.VerificationMethods[0].Id = "#key-1" })},
		{"relative service endpoint", types.ErrInvalidDid, create(func(m *types.MsgCreateDid) { m.Services[0].Endpoint = "/portal" })},
		{"service endpoint too long", types.ErrInvalidDid, create(func(m *types.MsgCreateDid) { m.Services[0].Endpoint = "https://x.example/" + strings.Repeat("a", 600) })},
		{"bad service type", types.ErrInvalidDid, create(func(m *types.MsgCreateDid) { m.Services[0].Type = "" })},
		{"too many verification methods", types.ErrInvalidDid, create(func(m *types.MsgCreateDid) {
			for i := 0; i < 16; i++ {
				m.VerificationMethods = append(m.VerificationMethods, ed25519VM("k"+string(rune('a'+i)), 0))
			}
		})},
		{"too many services", types.ErrInvalidDid, create(func(m *types.MsgCreateDid) {
			for i := 0; i < 8; i++ {
				m.Services = append(m.Services, types.Service{Id: "s" + string(rune('a'+i)), Type: "LinkedDomains", Endpoint: "https://a.example"})
			}
		})},
	})
}

func TestDidLifecycle(t *testing.T) {
	f := newFixture(t)
	owner, other := f.addr["spare1"], f.addr["spare2"]
	res, err := f.msg.CreateDid(f.ctx, &types.MsgCreateDid{
		Signer: owner, Id: "6f1c2b7e-3a4d-4e5f-8a9b-0c1d2e3f4a5b",
		VerificationMethods: []types.VerificationMethod{ed25519VM("key-1", 0), x25519VM("enc-1")},
		Authentication:      []string{"key-1"}, KeyAgreement: []string{"enc-1"},
	})
	require.NoError(t, err)
	require.Equal(t, uuidDID, res.Did, "a bare id gets the method prefix")

	update := func(signer string, expected uint64, controllers ...string) func(sdk.Context) error {
		return func(ctx sdk.Context) error {
			_, err := f.msg.UpdateDid(ctx, &types.MsgUpdateDid{Signer: signer, Did: uuidDID, ExpectedVersion: expected, Controllers: controllers,
				VerificationMethods: []types.VerificationMethod{ed25519VM("key-2", 1)}, AssertionMethod: []string{"key-2"}})
			return err
		}
	}
	deactivate := func(signer, did string) func(sdk.Context) error {
		return func(ctx sdk.Context) error {
			_, err := f.msg.DeactivateDid(ctx, &types.MsgDeactivateDid{Signer: signer, Did: did})
			return err
		}
	}
	runRejects(t, f, []rejectCase{
		{"update by a non-controller", types.ErrNotController, update(other, 0, owner)},
		{"update expecting another version", types.ErrVersionMismatch, update(owner, 2, owner)},
		{"update without controllers", types.ErrInvalidDid, update(owner, 1)},
		{"update of an unknown DID", types.ErrDidNotFound, func(ctx sdk.Context) error {
			_, err := f.msg.UpdateDid(ctx, &types.MsgUpdateDid{Signer: owner, Did: "did:trustcity:00000000-0000-4000-8000-000000000009", Controllers: []string{owner}})
			return err
		}},
		{"update of a malformed DID", types.ErrInvalidDid, func(ctx sdk.Context) error {
			_, err := f.msg.UpdateDid(ctx, &types.MsgUpdateDid{Signer: owner, Did: "did:trustcity:bob", Controllers: []string{owner}})
			return err
		}},
		{"deactivate by a non-controller", types.ErrNotController, deactivate(other, uuidDID)},
		{"deactivate an unknown DID", types.ErrDidNotFound, deactivate(owner, "did:trustcity:00000000-0000-4000-8000-000000000009")},
	})
	f.t = t

	// Version 2 hands control to other; owner loses it.
	require.NoError(t, update(owner, 1, other)(f.ctx))
	f.rejects(types.ErrNotController, update(owner, 0, owner))
	byController := func(addr string) []string {
		r, err := f.query.DidsByController(f.ctx, &types.QueryDidsByControllerRequest{Controller: addr})
		require.NoError(t, err)
		return r.Dids
	}
	require.Empty(t, byController(owner))
	require.Equal(t, []string{uuidDID}, byController(other))

	// Every version stays resolvable.
	v1, err := f.query.Did(f.ctx, &types.QueryDidRequest{Did: uuidDID, Version: 1})
	require.NoError(t, err)
	require.Equal(t, []string{owner}, v1.Document.Controllers)
	require.Equal(t, "2", v1.Metadata.NextVersionId)
	latest, err := f.query.Did(f.ctx, &types.QueryDidRequest{Did: uuidDID})
	require.NoError(t, err)
	require.Equal(t, "2", latest.Metadata.VersionId)
	require.Empty(t, latest.Metadata.NextVersionId)
	_, err = f.query.Did(f.ctx, &types.QueryDidRequest{Did: uuidDID, Version: 3})
	require.ErrorIs(t, err, types.ErrDidNotFound)

	// Deactivation is a final version; nothing changes it afterwards.
	require.NoError(t, deactivate(other, uuidDID)(f.ctx))
	f.rejects(types.ErrDidDeactivated, deactivate(other, uuidDID))
	f.rejects(types.ErrDidDeactivated, update(other, 0, other))
	versions, err := f.query.DidVersions(f.ctx, &types.QueryDidVersionsRequest{Did: uuidDID})
	require.NoError(t, err)
	require.Len(t, versions.Versions, 3)
	require.True(t, versions.Versions[2].Deactivated)
	final, err := f.query.Did(f.ctx, &types.QueryDidRequest{Did: uuidDID})
	require.NoError(t, err)
	require.True(t, final.Metadata.Deactivated)
	// A deactivated DID cannot be a department's DID or a credential subject.
	f.rejects(types.ErrDidDeactivated, func(ctx sdk.Context) error {
		_, err := f.msg.UpdateDepartment(ctx, &types.MsgUpdateDepartment{Signer: f.addr["transportAdmin"], Id: "transport", Name: "T", Did: uuidDID})
		return err
	})
}

func TestCreateDidDerivesIDs(t *testing.T) {
	f := newFixture(t)
	seen := map[string]bool{f.subject: true}
	for range 3 {
		res, err := f.msg.CreateDid(f.ctx, &types.MsgCreateDid{Signer: f.addr["spare1"]})
		require.NoError(t, err)
		require.False(t, seen[res.Did])
		seen[res.Did] = true
		_, err = types.NormalizeDID(res.Did)
		require.NoError(t, err)
	}
	// Someone who takes the next derived id on purpose does not block the
	// signer: the next sequence number gives a fresh id.
	seq, err := f.k.DidSequence.Peek(f.ctx)
	require.NoError(t, err)
	squatted := types.DeriveDidID(f.accs[9].Address, seq)
	_, err = f.msg.CreateDid(f.ctx, &types.MsgCreateDid{Signer: f.addr["outsider"], Id: squatted})
	require.NoError(t, err)
	res, err := f.msg.CreateDid(f.ctx, &types.MsgCreateDid{Signer: f.addr["spare2"]})
	require.NoError(t, err)
	require.NotEqual(t, types.DIDPrefix+squatted, res.Did)
}

func TestResolveJSONLD(t *testing.T) {
	f := newFixture(t)
	_, err := f.msg.CreateDid(f.ctx, &types.MsgCreateDid{
		Signer: f.addr["spare1"], Id: uuidDID,
		VerificationMethods: []types.VerificationMethod{ed25519VM("key-1", 0), x25519VM("enc-1")},
		Authentication:      []string{"key-1"}, KeyAgreement: []string{"enc-1"},
		Services: []types.Service{{Id: "portal", Type: "LinkedDomains", Endpoint: "https://citizen.example"}},
	})
	require.NoError(t, err)
	res, err := f.query.Did(f.ctx, &types.QueryDidRequest{Did: uuidDID})
	require.NoError(t, err)
	var doc map[string]any
	require.NoError(t, json.Unmarshal([]byte(res.JsonLd), &doc))
	require.Equal(t, "https://www.w3.org/ns/did/v1", doc["@context"].([]any)[0])
	require.Equal(t, uuidDID, doc["id"])
	vms := doc["verificationMethod"].([]any)
	require.Len(t, vms, 3, "two keys and the controller account")
	key := vms[0].(map[string]any)
	require.Equal(t, uuidDID+"#key-1", key["id"])
	require.Equal(t, "Ed25519VerificationKey2020", key["type"])
	require.True(t, strings.HasPrefix(key["publicKeyMultibase"].(string), "z6Mk"), "multicodec ed25519-pub in base58btc starts z6Mk")
	enc := vms[1].(map[string]any)
	require.True(t, strings.HasPrefix(enc["publicKeyMultibase"].(string), "z6LS"), "multicodec x25519-pub in base58btc starts z6LS")
	account := vms[2].(map[string]any)
	require.Equal(t, "cosmos:"+keepertest.ChainID+":"+f.addr["spare1"], account["blockchainAccountId"])
	require.Equal(t, []any{uuidDID + "#key-1"}, doc["authentication"])
	require.Equal(t, []any{uuidDID + "#enc-1"}, doc["keyAgreement"])
	require.Equal(t, []any{uuidDID + "#controller-1"}, doc["capabilityInvocation"])
	require.Equal(t, "https://citizen.example", doc["service"].([]any)[0].(map[string]any)["serviceEndpoint"])

	keys, err := f.k.KeyAgreementKeys(f.ctx, uuidDID)
	require.NoError(t, err)
	require.Len(t, keys, 1)
	require.Equal(t, "enc-1", keys[0].Id)
}
