package scenario

import (
	"crypto/ed25519"
	"crypto/sha256"
	"fmt"
	"strconv"
	"time"

	"github.com/mr-tron/base58"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/gogoproto/proto"

	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

// The x/identity rows.
//
// identity-create-did creates DIDs, which any account may: it needs nothing
// but funded accounts and runs in both tools. The DID id is left to the
// chain (derived from the signer and a module sequence), so every
// transaction creates a new DID even when the load tool reuses its accounts
// and starts n from zero again on a chain that already holds the DIDs of an
// earlier run.
//
// identity-issue-credential anchors credentials, which only a
// CREDENTIAL_ISSUER of a department permitted the credential type may. Its
// genesis (identityIssuerGenesis) makes Accounts[0] the admin of one
// department permitted benchCredentialType and every other account a member
// with CREDENTIAL_ISSUER, and gives every account a DID to be a credential
// subject. A top-level department can only be registered by the module
// authority, the gov module account, through a proposal and its voting
// period, so a running chain cannot be set up for the row with a few
// transactions: the load tool refuses it, and it is measured by the block
// benchmark only.
const (
	identityCreateDidName       = "identity-create-did"
	identityIssueCredentialName = "identity-issue-credential"
	// benchDepartment is the issuing department of identity-issue-credential.
	benchDepartment = "bench-issuers"
	// benchCredentialType is the type of the credentials it issues.
	benchCredentialType = "BenchCredential"
)

// benchGenesisTime stamps the genesis records of the rows (creation times of
// the department and DIDs); any fixed time does.
var benchGenesisTime = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// identityCreateDid is one MsgCreateDid: a DID controlled by the signer (the
// default) with one Ed25519 verification method, used for authentication.
// The key is derived from the signer and n, so every transaction carries a
// distinct real Ed25519 public key.
func identityCreateDid(env Env, from, n int) []sdk.Msg {
	signer := env.Accounts[from].String()
	seed := sha256.Sum256([]byte(identityCreateDidName + "/" + signer + "/" + strconv.Itoa(n)))
	pub := ed25519.NewKeyFromSeed(seed[:]).Public().(ed25519.PublicKey)
	return []sdk.Msg{&identitytypes.MsgCreateDid{
		Signer: signer,
		VerificationMethods: []identitytypes.VerificationMethod{{
			Id: "key-1", Type: identitytypes.VerificationMethodType_VERIFICATION_METHOD_TYPE_ED25519, PublicKey: pub,
		}},
		Authentication: []string{"key-1"},
	}}
}

// identityIssueCredential is one MsgIssueCredential: credential
// urn:uuid:<UUID derived from the signer and n>, unique over the run, of
// benchCredentialType, about the DID of the next account, with the SHA-256
// of the id as its hash and no expiry.
func identityIssueCredential(env Env, from, n int) []sdk.Msg {
	signer := env.Accounts[from].String()
	sum := sha256.Sum256([]byte(identityIssueCredentialName + "/" + signer + "/" + strconv.Itoa(n)))
	id := "urn:uuid:" + uuidFrom(sum[:16])
	hash := sha256.Sum256([]byte(id))
	return []sdk.Msg{&identitytypes.MsgIssueCredential{
		Signer:     signer,
		Id:         id,
		Type:       benchCredentialType,
		SubjectDid: benchDid(env.Accounts[(from+1)%len(env.Accounts)]),
		Hash:       hash[:],
	}}
}

// identityIssuerGenesis is the x/identity genesis of
// identity-issue-credential (see the comment at the top of this file).
func identityIssuerGenesis(env Env) map[string]proto.Message {
	gs := identitytypes.DefaultGenesis()
	issuer := []identitytypes.Role{identitytypes.Role_ROLE_CREDENTIAL_ISSUER}
	gs.Departments = []identitytypes.Department{{
		Id:              benchDepartment,
		Name:            "Benchmark issuers",
		Admin:           env.Accounts[0].String(),
		Roles:           issuer,
		CredentialTypes: []string{benchCredentialType},
		Status:          identitytypes.DepartmentStatus_DEPARTMENT_STATUS_ACTIVE,
		Depth:           1,
		CreatedAt:       benchGenesisTime,
	}}
	for _, acc := range env.Accounts[1:] {
		gs.Members = append(gs.Members, identitytypes.Member{DepartmentId: benchDepartment, Address: acc.String(), Roles: issuer})
	}
	for _, acc := range env.Accounts {
		did := benchDid(acc)
		gs.Dids = append(gs.Dids, identitytypes.GenesisDid{
			State: identitytypes.DidState{Id: did, Version: 1, Created: benchGenesisTime, Updated: benchGenesisTime},
			Versions: []identitytypes.DidVersion{{
				Document: identitytypes.DidDocument{Id: did, Controllers: []string{acc.String()}},
				Version:  1,
				Updated:  benchGenesisTime,
			}},
		})
	}
	return map[string]proto.Message{identitytypes.ModuleName: gs}
}

// benchDid is the genesis DID of an account in identity-issue-credential:
// did:trustcity:<base58 of the first 16 bytes of SHA-256(address)>.
func benchDid(addr sdk.AccAddress) string {
	sum := sha256.Sum256(addr)
	return identitytypes.DIDPrefix + base58.Encode(sum[:16])
}

// uuidFrom formats 16 bytes as a lower-case version-4 UUID.
func uuidFrom(b []byte) string {
	u := [16]byte(b)
	u[6] = u[6]&0x0f | 0x40
	u[8] = u[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}
