package types

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/mr-tron/base58"
)

// JSON-LD contexts of the documents this module renders.
var didContexts = []string{
	"https://www.w3.org/ns/did/v1",
	"https://w3id.org/security/suites/ed25519-2020/v1",
	"https://w3id.org/security/suites/x25519-2020/v1",
	"https://w3id.org/security/suites/secp256k1-2019/v1",
	"https://w3id.org/security/suites/blockchain-2021/v1",
}

// Multicodec prefixes (unsigned varints) of the keys in publicKeyMultibase.
var multicodecPrefix = map[VerificationMethodType][]byte{
	VerificationMethodType_VERIFICATION_METHOD_TYPE_ED25519:   {0xed, 0x01},
	VerificationMethodType_VERIFICATION_METHOD_TYPE_SECP256K1: {0xe7, 0x01},
	VerificationMethodType_VERIFICATION_METHOD_TYPE_X25519:    {0xec, 0x01},
}

// W3C verification method type names.
var verificationMethodTypeNames = map[VerificationMethodType]string{
	VerificationMethodType_VERIFICATION_METHOD_TYPE_ED25519:   "Ed25519VerificationKey2020",
	VerificationMethodType_VERIFICATION_METHOD_TYPE_SECP256K1: "EcdsaSecp256k1VerificationKey2019",
	VerificationMethodType_VERIFICATION_METHOD_TYPE_X25519:    "X25519KeyAgreementKey2020",
}

// JSONVerificationMethod is a verification method of a rendered document.
type JSONVerificationMethod struct {
	ID                  string `json:"id"`
	Type                string `json:"type"`
	Controller          string `json:"controller"`
	PublicKeyMultibase  string `json:"publicKeyMultibase,omitempty"`
	BlockchainAccountID string `json:"blockchainAccountId,omitempty"`
}

// JSONService is a service of a rendered document.
type JSONService struct {
	ID              string `json:"id"`
	Type            string `json:"type"`
	ServiceEndpoint string `json:"serviceEndpoint"`
}

// JSONDidDocument is the W3C DID Core representation (JSON-LD) of a document.
// Field order is fixed, so the rendering is deterministic.
type JSONDidDocument struct {
	Context              []string                 `json:"@context"`
	ID                   string                   `json:"id"`
	Controller           string                   `json:"controller"`
	VerificationMethod   []JSONVerificationMethod `json:"verificationMethod,omitempty"`
	Authentication       []string                 `json:"authentication,omitempty"`
	AssertionMethod      []string                 `json:"assertionMethod,omitempty"`
	KeyAgreement         []string                 `json:"keyAgreement,omitempty"`
	CapabilityInvocation []string                 `json:"capabilityInvocation,omitempty"`
	Service              []JSONService            `json:"service,omitempty"`
}

// JSONDidDocumentMetadata is the W3C DID document metadata of a resolution.
type JSONDidDocumentMetadata struct {
	Created       string `json:"created"`
	Updated       string `json:"updated"`
	VersionID     string `json:"versionId"`
	NextVersionID string `json:"nextVersionId,omitempty"`
	Deactivated   bool   `json:"deactivated,omitempty"`
}

// PublicKeyMultibase encodes a key as multibase base58btc ("z") of its
// multicodec-prefixed bytes.
func PublicKeyMultibase(t VerificationMethodType, key []byte) string {
	return "z" + base58.Encode(append(append([]byte{}, multicodecPrefix[t]...), key...))
}

// RenderDidDocument builds the W3C DID document of doc. Each controller
// account appears as a BlockchainVerificationMethod2021 whose
// blockchainAccountId is the CAIP-10 account id on chainID, referenced from
// capabilityInvocation: the accounts that may update the DID.
func RenderDidDocument(doc DidDocument, chainID string) JSONDidDocument {
	out := JSONDidDocument{Context: didContexts, ID: doc.Id, Controller: doc.Id}
	ref := func(fragment string) string { return doc.Id + "#" + fragment }
	refs := func(fragments []string) []string {
		if len(fragments) == 0 {
			return nil
		}
		out := make([]string, len(fragments))
		for i, f := range fragments {
			out[i] = ref(f)
		}
		return out
	}
	for _, vm := range doc.VerificationMethods {
		out.VerificationMethod = append(out.VerificationMethod, JSONVerificationMethod{
			ID:                 ref(vm.Id),
			Type:               verificationMethodTypeNames[vm.Type],
			Controller:         doc.Id,
			PublicKeyMultibase: PublicKeyMultibase(vm.Type, vm.PublicKey),
		})
	}
	for i, c := range doc.Controllers {
		id := ref(fmt.Sprintf("controller-%d", i+1))
		out.VerificationMethod = append(out.VerificationMethod, JSONVerificationMethod{
			ID:                  id,
			Type:                "BlockchainVerificationMethod2021",
			Controller:          doc.Id,
			BlockchainAccountID: "cosmos:" + chainID + ":" + c,
		})
		out.CapabilityInvocation = append(out.CapabilityInvocation, id)
	}
	out.Authentication = refs(doc.Authentication)
	out.AssertionMethod = refs(doc.AssertionMethod)
	out.KeyAgreement = refs(doc.KeyAgreement)
	for _, s := range doc.Services {
		out.Service = append(out.Service, JSONService{ID: ref(s.Id), Type: s.Type, ServiceEndpoint: s.Endpoint})
	}
	return out
}

// RenderDidDocumentMetadata builds the W3C DID document metadata.
func RenderDidDocumentMetadata(m DidDocumentMetadata) JSONDidDocumentMetadata {
	return JSONDidDocumentMetadata{
		Created:       XMLDateTime(m.Created),
		Updated:       XMLDateTime(m.Updated),
		VersionID:     m.VersionId,
		NextVersionID: m.NextVersionId,
		Deactivated:   m.Deactivated,
	}
}

// MarshalDidDocument renders doc as JSON-LD text.
func MarshalDidDocument(doc DidDocument, chainID string) (string, error) {
	bz, err := json.Marshal(RenderDidDocument(doc, chainID))
	if err != nil {
		return "", err
	}
	return string(bz), nil
}

// XMLDateTime formats t as the normalized UTC dateTime DID Core uses
// (second precision, "Z").
func XMLDateTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05Z") }
