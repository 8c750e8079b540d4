package types_test

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/trustcity/trustcity/x/evidence/types"
)

// Standard test vectors: SM3 from GB/T 32905-2016 appendix A, SHA3-256 and
// SHA-256 of "abc" from FIPS 202 / FIPS 180-4 examples.
func TestHashVectors(t *testing.T) {
	sum := func(a types.HashAlgorithm, msg string) string {
		h := a.New()
		h.Write([]byte(msg))
		return hex.EncodeToString(h.Sum(nil))
	}
	require.Equal(t, "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0", sum(types.HashAlgorithm_HASH_ALGORITHM_SM3, "abc"))
	require.Equal(t, "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732", sum(types.HashAlgorithm_HASH_ALGORITHM_SM3, strings.Repeat("abcd", 16)))
	require.Equal(t, "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532", sum(types.HashAlgorithm_HASH_ALGORITHM_SHA3_256, "abc"))
	require.Equal(t, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", sum(types.HashAlgorithm_HASH_ALGORITHM_SHA256, "abc"))
	require.Nil(t, types.HashAlgorithm(0).New())
	require.Nil(t, types.HashAlgorithm(9).New())
}

func TestParseAlgorithm(t *testing.T) {
	for in, want := range map[string]types.HashAlgorithm{
		"sha256": types.HashAlgorithm_HASH_ALGORITHM_SHA256, "SHA3-256": types.HashAlgorithm_HASH_ALGORITHM_SHA3_256,
		"sm3": types.HashAlgorithm_HASH_ALGORITHM_SM3, "HASH_ALGORITHM_SM3": types.HashAlgorithm_HASH_ALGORITHM_SM3,
	} {
		got, err := types.ParseAlgorithm(in)
		require.NoError(t, err, in)
		require.Equal(t, want, got)
	}
	for _, bad := range []string{"", "md5", "unspecified", "sha3"} {
		_, err := types.ParseAlgorithm(bad)
		require.ErrorIs(t, err, types.ErrUnknownAlgorithm, bad)
	}
	require.Equal(t, "sha3-256", types.HashAlgorithm_HASH_ALGORITHM_SHA3_256.Short())
}

func TestParamsValidate(t *testing.T) {
	require.NoError(t, types.DefaultParams().Validate())
	require.NoError(t, types.CapParams().Validate())
	for name, mutate := range map[string]func(*types.Params){
		"no algorithm":         func(p *types.Params) { p.AllowedAlgorithms = nil },
		"unknown algorithm":    func(p *types.Params) { p.AllowedAlgorithms = []types.HashAlgorithm{5} },
		"algorithm twice":      func(p *types.Params) { p.AllowedAlgorithms = append(p.AllowedAlgorithms, p.AllowedAlgorithms[0]) },
		"zero metadata":        func(p *types.Params) { p.MaxMetadataBytes = 0 },
		"parties over cap":     func(p *types.Params) { p.MaxParties = types.MaxPartiesCap + 1 },
		"one-leaf batches":     func(p *types.Params) { p.MaxBatchLeaves = 1 },
		"batch leaves at 2^64": func(p *types.Params) { p.MaxBatchLeaves = ^uint64(0) },
		"forward timeout 0":    func(p *types.Params) { p.ForwardTimeout = 0 },
		"forward timeout long": func(p *types.Params) { p.ForwardTimeout = types.MaxForwardTimeout + time.Second },
		"no forwards":          func(p *types.Params) { p.MaxForwards = 0 },
		"forwards over cap":    func(p *types.Params) { p.MaxForwards = types.MaxForwardsCap + 1 },
		"empty chain id":       func(p *types.Params) { p.AccreditedChains = []string{""} },
		"chain id with space":  func(p *types.Params) { p.AccreditedChains = []string{"court 1"} },
		"chain id too long":    func(p *types.Params) { p.AccreditedChains = []string{strings.Repeat("c", 51)} },
		"chain twice":          func(p *types.Params) { p.AccreditedChains = []string{"court-1", "bank-1", "court-1"} },
	} {
		p := types.DefaultParams()
		mutate(&p)
		require.ErrorIs(t, p.Validate(), types.ErrInvalidParams, name)
	}
}

func TestDepositPacketRoundTrip(t *testing.T) {
	digest := sha256.Sum256([]byte("contract"))
	d := types.DepositPacketData{
		Digest: digest[:], Algorithm: types.HashAlgorithm_HASH_ALGORITHM_SHA256, Category: types.Category_CATEGORY_E_CONTRACT,
		Parties: []string{"did:web:bank.example"}, Metadata: "loan 7", Depositor: "cosmos1x", DepartmentId: "loans",
		SourceRecordId: 7, DepositedAt: time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC),
	}
	bz, err := d.GetBytes()
	require.NoError(t, err)
	// The wire form is proto3 JSON with the proto field names.
	require.Contains(t, string(bz), `"source_record_id":"7"`)
	require.Contains(t, string(bz), `"algorithm":"HASH_ALGORITHM_SHA256"`)
	got, err := types.ParseDepositPacket(bz)
	require.NoError(t, err)
	require.Equal(t, d, got)
	require.NoError(t, got.Validate(types.DefaultParams()))

	for name, bad := range map[string][]byte{
		"empty":         nil,
		"not JSON":      []byte("deposit"),
		"unknown field": []byte(`{"colour":"red"}`),
		"too big":       make([]byte, types.MaxPacketBytes+1),
	} {
		_, err := types.ParseDepositPacket(bad)
		require.ErrorIs(t, err, types.ErrInvalidPacket, name)
	}

	ack := types.DepositAcknowledgement{RecordId: 3, Height: 40, Time: d.DepositedAt}
	bz, err = ack.GetBytes()
	require.NoError(t, err)
	gotAck, err := types.ParseDepositAcknowledgement(bz)
	require.NoError(t, err)
	require.Equal(t, ack, gotAck)
	_, err = types.ParseDepositAcknowledgement([]byte(`{"record_id":"0"}`))
	require.ErrorIs(t, err, types.ErrInvalidPacket)
	_, err = types.ParseDepositAcknowledgement([]byte(`[]`))
	require.ErrorIs(t, err, types.ErrInvalidPacket)
}
