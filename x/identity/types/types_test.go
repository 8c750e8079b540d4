package types_test

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"

	"github.com/trustcity/trustcity/x/identity/types"
)

func TestNormalizeDID(t *testing.T) {
	valid := map[string]string{
		"6f1c2b7e-3a4d-4e5f-8a9b-0c1d2e3f4a5b":               "did:trustcity:6f1c2b7e-3a4d-4e5f-8a9b-0c1d2e3f4a5b",
		"did:trustcity:6f1c2b7e-3a4d-4e5f-8a9b-0c1d2e3f4a5b": "did:trustcity:6f1c2b7e-3a4d-4e5f-8a9b-0c1d2e3f4a5b",
		types.DeriveDidID([]byte("creator"), 1):              types.DIDPrefix + types.DeriveDidID([]byte("creator"), 1),
		"did:trustcity:11111111111111111111111111111111":     "did:trustcity:11111111111111111111111111111111", // 32 zero bytes
		"did:trustcity:1111111111111111":                     "did:trustcity:1111111111111111",                 // 16 zero bytes
	}
	for in, want := range valid {
		got, err := types.NormalizeDID(in)
		require.NoError(t, err, in)
		require.Equal(t, want, got)
	}
	for _, in := range []string{"", "did:trustcity:", "did:web:example.com", "zhangsan", "did:trustcity:0OIl", "6F1C2B7E-3A4D-4E5F-8A9B-0C1D2E3F4A5B",
		"did:trustcity:" + strings.Repeat("z", 60)} {
		_, err := types.NormalizeDID(in)
		require.ErrorIs(t, err, types.ErrInvalidDid, in)
	}
	require.NotEqual(t, types.DeriveDidID([]byte("a"), 1), types.DeriveDidID([]byte("a"), 2))
}

func TestValidateAnyDID(t *testing.T) {
	for _, ok := range []string{"did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", "did:web:example.com:users:1", "did:example:a%20b"} {
		require.NoError(t, types.ValidateAnyDID("subject", ok), ok)
	}
	for _, bad := range []string{"", "did:", "did:web:", "did:Web:x", "did:web:x:", "did:web:a b", "did:trustcity:notbase58!", "did:web:" + strings.Repeat("a", 300)} {
		require.ErrorIs(t, types.ValidateAnyDID("subject", bad), types.ErrInvalidDid, bad)
	}
}

func TestStatusListEncoding(t *testing.T) {
	bits := make([]byte, types.StatusListLength/8)
	for _, i := range []uint64{0, 7, 2048, types.StatusListLength - 1} {
		chunk, byteIndex, mask := types.StatusPosition(i)
		bits[chunk*types.StatusChunkBytes+uint64(byteIndex)] |= mask
	}
	require.Equal(t, byte(0x81), bits[0], "index 0 is the most significant bit, index 7 the least")
	require.Equal(t, byte(0x80), bits[256])
	require.Equal(t, byte(0x01), bits[len(bits)-1])
	encoded, err := types.EncodeStatusList(bits)
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(encoded, "u"))
	raw, err := base64.RawURLEncoding.DecodeString(encoded[1:])
	require.NoError(t, err)
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	require.NoError(t, err)
	back, err := io.ReadAll(zr)
	require.NoError(t, err)
	require.Equal(t, bits, back)
	again, err := types.EncodeStatusList(bits)
	require.NoError(t, err)
	require.Equal(t, encoded, again, "the encoding is deterministic")
}

func TestParamsValidate(t *testing.T) {
	require.NoError(t, types.DefaultParams().Validate())
	p := types.DefaultParams()
	p.MaxServices = 0
	require.ErrorIs(t, p.Validate(), types.ErrInvalidParams)
	p = types.DefaultParams()
	p.MaxMetadataBytes = types.MaxMetadataBytesCap + 1
	require.ErrorIs(t, p.Validate(), types.ErrInvalidParams)
	p = types.DefaultParams()
	p.MaxIdLength = 10
	require.ErrorIs(t, p.Validate(), types.ErrInvalidParams, "a UUID URN must fit")
}

func TestDeviceAddress(t *testing.T) {
	sk := secp256k1.GenPrivKeyFromSecret([]byte("device"))
	addr, err := types.DeviceAddress(types.VerificationMethodType_VERIFICATION_METHOD_TYPE_SECP256K1, sk.PubKey().Bytes())
	require.NoError(t, err)
	require.Equal(t, []byte(sk.PubKey().Address()), addr)
	ek := ed25519.GenPrivKeyFromSecret([]byte("device"))
	addr, err = types.DeviceAddress(types.VerificationMethodType_VERIFICATION_METHOD_TYPE_ED25519, ek.PubKey().Bytes())
	require.NoError(t, err)
	require.Equal(t, []byte(ek.PubKey().Address()), addr)
	_, err = types.DeviceAddress(types.VerificationMethodType_VERIFICATION_METHOD_TYPE_X25519, bytes.Repeat([]byte{1}, 32))
	require.Error(t, err)
}

func TestNormalizeRolesAndNames(t *testing.T) {
	roles, err := types.NormalizeRoles([]types.Role{types.Role_ROLE_COURT, types.Role_ROLE_DATA_PROVIDER, types.Role_ROLE_COURT})
	require.NoError(t, err)
	require.Equal(t, []types.Role{types.Role_ROLE_DATA_PROVIDER, types.Role_ROLE_COURT}, roles)
	require.Equal(t, []types.Role{types.Role_ROLE_BANK}, types.Missing([]types.Role{types.Role_ROLE_BANK, types.Role_ROLE_COURT}, roles))
	require.NoError(t, types.ValidateDepartmentID("city-transport-2", 64))
	for _, bad := range []string{"City", "city--transport", "-city", "city-", "city transport", "城市"} {
		require.ErrorIs(t, types.ValidateDepartmentID(bad, 64), types.ErrInvalidDepartment, bad)
	}
}
