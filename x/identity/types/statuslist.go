package types

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"time"
)

const (
	// StatusListLength is the number of entries of one status list: the
	// 131,072-bit (16 KiB) minimum of W3C Bitstring Status List v1.0, which
	// gives group privacy to each credential.
	StatusListLength = 131072
	// StatusChunkBits is how many bits one stored chunk holds; a status
	// change rewrites one chunk, not the whole list.
	StatusChunkBits = 2048
	// StatusChunkBytes is the size of a stored chunk.
	StatusChunkBytes = StatusChunkBits / 8
	// ChunksPerList is how many chunks make one status list.
	ChunksPerList = StatusListLength / StatusChunkBits
)

// StatusPosition locates a status-list index in chunk storage.
func StatusPosition(index uint64) (chunk uint64, byteIndex int, mask byte) {
	chunk = index / StatusChunkBits
	bit := index % StatusChunkBits
	// Bit 0 of the list is the left-most (most significant) bit of byte 0.
	return chunk, int(bit / 8), byte(0x80) >> (bit % 8)
}

// EncodeStatusList compresses a bitstring with GZIP and encodes it as
// multibase base64url without padding ("u" prefix).
func EncodeStatusList(bits []byte) (string, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return "", err
	}
	if _, err := zw.Write(bits); err != nil {
		return "", err
	}
	if err := zw.Close(); err != nil {
		return "", err
	}
	return "u" + base64.RawURLEncoding.EncodeToString(buf.Bytes()), nil
}

// Purpose is the statusPurpose value of W3C Bitstring Status List.
func (p StatusPurpose) Purpose() string {
	switch p {
	case StatusPurpose_STATUS_PURPOSE_REVOCATION:
		return "revocation"
	case StatusPurpose_STATUS_PURPOSE_SUSPENSION:
		return "suspension"
	default:
		return ""
	}
}

// StatusListCredential is a BitstringStatusListCredential as JSON-LD.
type StatusListCredential struct {
	Context           []string                    `json:"@context"`
	ID                string                      `json:"id"`
	Type              []string                    `json:"type"`
	Issuer            string                      `json:"issuer"`
	ValidFrom         string                      `json:"validFrom"`
	CredentialSubject StatusListCredentialSubject `json:"credentialSubject"`
}

// StatusListCredentialSubject is the subject of a status list credential.
type StatusListCredentialSubject struct {
	ID            string `json:"id"`
	Type          string `json:"type"`
	StatusPurpose string `json:"statusPurpose"`
	EncodedList   string `json:"encodedList"`
}

// StatusListURL is the REST path of a status list, relative to a node's API
// server; credentials point their credentialStatus at it.
func StatusListURL(departmentID string, purpose StatusPurpose, list uint64) string {
	return fmt.Sprintf("/trustcity/identity/v1/departments/%s/status-lists/%s/%d", departmentID, purpose.String(), list)
}

// MarshalStatusListCredential renders the status list credential of an
// issuer department. issuer is the department's DID, or a URN naming the
// department when it has none.
func MarshalStatusListCredential(issuer, departmentID string, purpose StatusPurpose, list uint64, encoded string, at time.Time) (string, error) {
	id := StatusListURL(departmentID, purpose, list)
	bz, err := json.Marshal(StatusListCredential{
		Context:   []string{"https://www.w3.org/ns/credentials/v2"},
		ID:        id,
		Type:      []string{"VerifiableCredential", "BitstringStatusListCredential"},
		Issuer:    issuer,
		ValidFrom: XMLDateTime(at),
		CredentialSubject: StatusListCredentialSubject{
			ID:            id + "#list",
			Type:          "BitstringStatusList",
			StatusPurpose: purpose.Purpose(),
			EncodedList:   encoded,
		},
	})
	if err != nil {
		return "", err
	}
	return string(bz), nil
}

// DepartmentURN names a department that has no DID.
func DepartmentURN(departmentID string) string { return "urn:trustcity:department:" + departmentID }
