package identity

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	"github.com/trustcity/trustcity/x/internal/cliutil"
)

const (
	querySvc = "trustcity.identity.v1.Query"
	msgSvc   = "trustcity.identity.v1.Msg"
)

// Usage texts of the flags that carry lists, documents and options.
var (
	rolesFlag     = &autocliv1.FlagOptions{Usage: "a role; repeat the flag for several (--roles court --roles auditor): data-provider, standards-body, credential-issuer, device-registrar, fund-manager, fund-supervisor, auditor, evidence-depositor, court, bank"}
	credTypesFlag = &autocliv1.FlagOptions{Usage: "credential types the department may issue, comma-separated (e.g. DriverLicence,ResidentCard)"}
	metadataFlag  = &autocliv1.FlagOptions{Usage: "free text (no personal data), bounded by the max_metadata_bytes param"}
	didFlag       = &autocliv1.FlagOptions{Usage: "the department's DID (did:trustcity:...); empty for none"}
	scopesFlag    = &autocliv1.FlagOptions{Usage: "dataset ids or scope strings the device may publish to, comma-separated"}
	didDocFlags   = map[string]*autocliv1.FlagOptions{
		"controllers":          {Usage: "controller accounts, comma-separated (default: the signer on create)"},
		"verification_methods": {Usage: `a verification method as JSON, repeatable: {"id":"key-1","type":"VERIFICATION_METHOD_TYPE_ED25519","public_key":"<base64>"} (types ED25519, SECP256K1, X25519)`},
		"authentication":       {Usage: "ids of signing keys for authentication, comma-separated"},
		"assertion_method":     {Usage: "ids of signing keys for assertions, comma-separated"},
		"key_agreement":        {Usage: "ids of X25519 keys for key agreement, comma-separated"},
		"services":             {Usage: `a service as JSON, repeatable: {"id":"portal","type":"LinkedDomains","endpoint":"https://..."}`},
	}
)

func withFlags(base map[string]*autocliv1.FlagOptions, extra map[string]*autocliv1.FlagOptions) map[string]*autocliv1.FlagOptions {
	out := make(map[string]*autocliv1.FlagOptions, len(base)+len(extra))
	for k, v := range base {
		out[k] = v
	}
	for k, v := range extra {
		out[k] = v
	}
	return out
}

// AutoCLIOptions describes the `trustcityd query identity` and `trustcityd
// tx identity` commands: positional arguments for what identifies the
// record, flags for the rest.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: querySvc,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "Params", Use: "params", Short: "Show the module parameters"},
				{RpcMethod: "Department", Use: "department [id]", Short: "Show a department and whether it may act", PositionalArgs: cliutil.Pos("id"),
					Example: cliutil.Bin + " query identity department city-transport"},
				{RpcMethod: "Departments", Use: "departments", Short: "List every department"},
				{RpcMethod: "ChildDepartments", Use: "children [id]", Short: "List the children of a department (\"\" for the top level)", PositionalArgs: cliutil.Pos("id"),
					Example: cliutil.Bin + " query identity children city\n" + cliutil.Bin + " query identity children \"\""},
				{RpcMethod: "Members", Use: "members [department-id]", Short: "List the members of a department", PositionalArgs: cliutil.Pos("department_id")},
				{RpcMethod: "Affiliation", Use: "affiliation [address]", Short: "Show the department an account belongs to and its roles", PositionalArgs: cliutil.Pos("address")},
				{RpcMethod: "Authorization", Use: "authorization [address] [role]", Short: "Check whether an account may act with a role, and for which department",
					PositionalArgs: cliutil.Pos("address", "role"), Example: cliutil.Bin + " query identity authorization tcity1... credential-issuer"},
				{RpcMethod: "Did", Use: "did [did]", Short: "Resolve a DID (latest version, or --version N)", PositionalArgs: cliutil.Pos("did"),
					FlagOptions: map[string]*autocliv1.FlagOptions{"version": {Usage: "version to resolve (0: the latest)"}},
					Example:     cliutil.Bin + " query identity did did:trustcity:8LJYtcNBXv3uQhdk3Z3vAy --version 1"},
				{RpcMethod: "DidVersions", Use: "did-versions [did]", Short: "List the versions of a DID", PositionalArgs: cliutil.Pos("did")},
				{RpcMethod: "DidsByController", Use: "dids-by-controller [address]", Short: "List the DIDs an account controls", PositionalArgs: cliutil.Pos("controller")},
				{RpcMethod: "Credential", Use: "credential [id]", Short: "Show a credential anchor", PositionalArgs: cliutil.Pos("id")},
				{RpcMethod: "VerifyCredential", Use: "verify-credential [id]", Short: "Check whether a credential is valid now (optionally against --hash)",
					FlagOptions:    map[string]*autocliv1.FlagOptions{"hash": {Usage: "hex SHA-256 the anchored hash must equal"}},
					PositionalArgs: cliutil.Pos("id"), Example: cliutil.Bin + " query identity verify-credential urn:uuid:... --hash 9f86d081884c7d65..."},
				{RpcMethod: "CredentialsByIssuer", Use: "credentials-by-issuer [department-id]", Short: "List the credentials a department issued", PositionalArgs: cliutil.Pos("department_id")},
				{RpcMethod: "CredentialsBySubject", Use: "credentials-by-subject [subject-did]", Short: "List the credentials of a subject DID", PositionalArgs: cliutil.Pos("subject_did")},
				{RpcMethod: "CredentialsByType", Use: "credentials-by-type [type]", Short: "List the credentials of a type", PositionalArgs: cliutil.Pos("type")},
				{RpcMethod: "StatusList", Use: "status-list [department-id] [purpose] [list]", Short: "Show a W3C Bitstring Status List of an issuer department",
					PositionalArgs: cliutil.Pos("department_id", "purpose", "list"), Example: cliutil.Bin + " query identity status-list civil-affairs revocation 0"},
				{RpcMethod: "Device", Use: "device [address]", Short: "Show a device", PositionalArgs: cliutil.Pos("address")},
				{RpcMethod: "DevicesByDepartment", Use: "devices [department-id]", Short: "List the devices of a department", PositionalArgs: cliutil.Pos("department_id")},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service: msgSvc,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "UpdateParams", Skip: true}, // authority only: submit through x/gov
				{RpcMethod: "RegisterDepartment", Use: "register-department [id] [name] [parent-id] [admin]",
					Short: "Register a child department of a department you administer (top-level ones go through a gov proposal)",
					Long: "Register a child department. The signer must be the parent's admin; roles and credential types must be a subset of the parent's. " +
						"A top-level department (empty parent) is registered by the module authority through a governance proposal.",
					PositionalArgs: cliutil.Pos("id", "name", "parent_id", "admin"),
					FlagOptions:    map[string]*autocliv1.FlagOptions{"roles": rolesFlag, "credential_types": credTypesFlag, "metadata": metadataFlag, "did": didFlag},
					Example: cliutil.Bin + " tx identity register-department city-transport \"Transport Bureau\" city tcity1... " +
						"--roles data-provider --roles device-registrar --credential-types DriverLicence --from city-admin"},
				{RpcMethod: "UpdateDepartment", Use: "update-department [id] [name]", Short: "Change a department's name, metadata and DID (its admin)",
					PositionalArgs: cliutil.Pos("id", "name"), FlagOptions: map[string]*autocliv1.FlagOptions{"metadata": metadataFlag, "did": didFlag},
					Example: cliutil.Bin + " tx identity update-department city-transport \"Transport Bureau\" --did did:trustcity:... --from transport-admin"},
				{RpcMethod: "SetDepartmentRoles", Use: "set-department-roles [id]", Short: "Replace a department's roles and credential types (an ancestor's admin)",
					PositionalArgs: cliutil.Pos("id"), FlagOptions: map[string]*autocliv1.FlagOptions{"roles": rolesFlag, "credential_types": credTypesFlag},
					Example: cliutil.Bin + " tx identity set-department-roles city-transport --roles data-provider --from city-admin"},
				{RpcMethod: "TransferDepartmentAdmin", Use: "transfer-admin [id] [new-admin]", Short: "Hand a department to a new admin account",
					PositionalArgs: cliutil.Pos("id", "new_admin")},
				{RpcMethod: "SetDepartmentStatus", Use: "set-department-status [id] [status]", Short: "Suspend or reactivate a department (an ancestor's admin)",
					PositionalArgs: cliutil.Pos("id", "status"), Example: cliutil.Bin + " tx identity set-department-status city-transport suspended --from city-admin"},
				{RpcMethod: "SetMember", Use: "set-member [department-id] [member]", Short: "Add a member or replace its roles (the department's admin)",
					PositionalArgs: cliutil.Pos("department_id", "member"), FlagOptions: map[string]*autocliv1.FlagOptions{"roles": rolesFlag},
					Example: cliutil.Bin + " tx identity set-member civil-affairs tcity1... --roles credential-issuer --from civil-admin"},
				{RpcMethod: "RemoveMember", Use: "remove-member [department-id] [member]", Short: "Remove a member (the admin, or the member itself)",
					PositionalArgs: cliutil.Pos("department_id", "member")},
				{RpcMethod: "CreateDid", Use: "create-did", Short: "Create a DID; without --id the chain derives one (see the response and event)",
					FlagOptions: withFlags(didDocFlags, map[string]*autocliv1.FlagOptions{"id": {Usage: "method-specific id: a lower-case UUID or base58 of 16 or 32 bytes; empty to let the chain derive one"}}),
					Example: cliutil.Bin + " tx identity create-did --verification-methods '{\"id\":\"key-1\",\"type\":\"VERIFICATION_METHOD_TYPE_ED25519\",\"public_key\":\"<base64>\"}' " +
						"--authentication key-1 --from alice"},
				{RpcMethod: "UpdateDid", Use: "update-did [did]", Short: "Write a new version of a DID document (a controller); the document is replaced as a whole",
					FlagOptions:    withFlags(didDocFlags, map[string]*autocliv1.FlagOptions{"expected_version": {Usage: "fail unless the DID is at this version (0: do not check)"}}),
					PositionalArgs: cliutil.Pos("did")},
				{RpcMethod: "DeactivateDid", Use: "deactivate-did [did]", Short: "Deactivate a DID for ever (a controller)", PositionalArgs: cliutil.Pos("did")},
				{RpcMethod: "IssueCredential", Use: "issue-credential [id] [type] [subject-did] [hash]",
					Short:          "Anchor a credential (a CREDENTIAL_ISSUER of a department permitted the type); hash is the hex SHA-256 of the credential",
					PositionalArgs: cliutil.Pos("id", "type", "subject_did", "hash"),
					FlagOptions:    map[string]*autocliv1.FlagOptions{"expires_at": {Usage: "expiry (RFC 3339); after it the credential verifies as expired"}},
					Example:        cliutil.Bin + " tx identity issue-credential urn:uuid:6f1c... DriverLicence did:trustcity:... 9f86d081884c7d65... --expires-at 2030-01-01T00:00:00Z --from issuer"},
				{RpcMethod: "UpdateCredentialStatus", Use: "set-credential-status [id] [status] [reason]", Short: "Suspend, reinstate (active) or revoke a credential",
					PositionalArgs: cliutil.Pos("id", "status", "reason"), Example: cliutil.Bin + " tx identity set-credential-status urn:uuid:6f1c... revoked privilege-withdrawn --from issuer"},
				{RpcMethod: "RegisterDevice", Use: "register-device [address] [key-type] [public-key] [device-type]",
					Short:          "Register an IoT device for your department (a DEVICE_REGISTRAR); the address must be the key's; key types: ed25519, secp256-k1",
					PositionalArgs: cliutil.Pos("address", "key_type", "public_key", "device_type"),
					FlagOptions:    map[string]*autocliv1.FlagOptions{"scopes": scopesFlag, "metadata": metadataFlag},
					Example:        cliutil.Bin + " tx identity register-device tcity1... secp256-k1 02a1b2... TrafficSensor --scopes traffic-flow --from registrar"},
				{RpcMethod: "UpdateDevice", Use: "update-device [address]", Short: "Replace a device's scopes and metadata", PositionalArgs: cliutil.Pos("address"),
					FlagOptions: map[string]*autocliv1.FlagOptions{"scopes": scopesFlag, "metadata": metadataFlag}},
				{RpcMethod: "SetDeviceStatus", Use: "set-device-status [address] [status]", Short: "Suspend, reactivate (active) or revoke a device",
					PositionalArgs: cliutil.Pos("address", "status")},
			},
			EnhanceCustomCommand: true,
		},
	}
}
