package datashare

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	"github.com/trustcity/trustcity/x/internal/cliutil"
)

const (
	querySvc = "trustcity.datashare.v1.Query"
	msgSvc   = "trustcity.datashare.v1.Msg"
)

var (
	pos = cliutil.Pos
	bin = cliutil.Bin

	granteeFlag  = &autocliv1.FlagOptions{Usage: "act as the data subject: the subject's DID (default: the signer's department)"}
	durationHelp = "a duration such as 720h (whole seconds, at most the max_grant_duration param)"
)

// AutoCLIOptions describes `trustcityd query datashare` and `trustcityd tx
// datashare`.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{Query: queryOptions(), Tx: txOptions()}
}

func queryOptions() *autocliv1.ServiceCommandDescriptor {
	return &autocliv1.ServiceCommandDescriptor{
		Service: querySvc,
		RpcCommandOptions: []*autocliv1.RpcCommandOptions{
			{RpcMethod: "Params", Use: "params", Short: "Show the module parameters"},
			{RpcMethod: "Standard", Use: "standard [id] [version]", Short: "Show one version of a data standard with its JSON Schema", PositionalArgs: pos("id", "version")},
			{RpcMethod: "Standards", Use: "standards", Short: "List data standards (--id for one standard's versions)"},
			{RpcMethod: "Dataset", Use: "dataset [id]", Short: "Show a dataset", PositionalArgs: pos("id")},
			{RpcMethod: "Datasets", Use: "datasets", Short: "List the catalog (--owner or --category to filter)",
				Example: bin + " query datashare datasets --owner weather-bureau\n" + bin + " query datashare datasets --category environment"},
			{RpcMethod: "Version", Use: "version [dataset-id] [version]", Short: "Show one version of a dataset", PositionalArgs: pos("dataset_id", "version")},
			{RpcMethod: "Versions", Use: "versions [dataset-id]", Short: "List a dataset's versions", PositionalArgs: pos("dataset_id")},
			{RpcMethod: "VersionsByHash", Use: "versions-by-hash [content-hash-hex]", Short: "Which dataset versions have this content hash (provenance of a file)",
				PositionalArgs: pos("content_hash"), Example: bin + " query datashare versions-by-hash $(sha256sum data.csv | cut -d' ' -f1)"},
			{RpcMethod: "Request", Use: "request [id]", Short: "Show an access request", PositionalArgs: pos("id")},
			{RpcMethod: "Requests", Use: "requests", Short: "List access requests by --dataset-id, --grantee or --status (pending, approved, rejected)"},
			{RpcMethod: "Grant", Use: "grant [id]", Short: "Show a grant (status at the current block time)", PositionalArgs: pos("id")},
			{RpcMethod: "Grants", Use: "grants", Short: "List grants by --dataset-id or --grantee"},
			{RpcMethod: "CheckAccess", Use: "check-access [dataset-id] [grantee]", Short: "May this department (or DID) use the dataset now, and if not, why?",
				PositionalArgs: pos("dataset_id", "grantee"), Example: bin + " query datashare check-access weather-hourly transport"},
			{RpcMethod: "AutoApprovalRules", Use: "rules [dataset-id]", Short: "List a dataset's auto-approval rules", PositionalArgs: pos("dataset_id")},
			{RpcMethod: "Consent", Use: "consent [id]", Short: "Show a consent (status at the current block time)", PositionalArgs: pos("id")},
			{RpcMethod: "Consents", Use: "consents [subject-did]", Short: "List the consents a data subject gave", PositionalArgs: pos("subject")},
			{RpcMethod: "KeyEnvelopes", Use: "envelopes [grant-id]", Short: "List the key envelopes posted for a grant", PositionalArgs: pos("grant_id")},
			{RpcMethod: "AccessLogs", Use: "access-logs", Short: "List recorded uses by --dataset-id, --grantee or --subject (a citizen's DID)",
				Example: bin + " query datashare access-logs --subject did:trustcity:..."},
			{RpcMethod: "Subscriptions", Use: "subscriptions", Short: "List subscriptions by --dataset-id or --subscriber"},
		},
	}
}

func txOptions() *autocliv1.ServiceCommandDescriptor {
	return &autocliv1.ServiceCommandDescriptor{
		Service: msgSvc,
		RpcCommandOptions: []*autocliv1.RpcCommandOptions{
			{RpcMethod: "UpdateParams", Skip: true}, // authority only: submit through x/gov
			{RpcMethod: "RegisterStandard", Use: "register-standard [id] [version] [title] [schema-json]",
				Short:          "Register a version of a data standard: a JSON Schema document (a STANDARDS_BODY member)",
				PositionalArgs: pos("id", "version", "title", "schema"),
				Example:        bin + ` tx datashare register-standard weather-observation 1.0.0 "Weather observation" "$(cat weather.schema.json)" --from weather-bureau-admin`},
			{RpcMethod: "DeprecateStandard", Use: "deprecate-standard [id] [version] [reason]", Short: "Deprecate a standard version", PositionalArgs: pos("id", "version", "reason")},
			{RpcMethod: "CreateDataset", Use: "create-dataset [id] [title] [category] [sensitivity] [locator] [encryption]",
				Short:          "Add a dataset of the signer's department to the catalog (a DATA_PROVIDER member)",
				Long:           "Categories: transport, health, environment, public-security, energy, civil-affairs, other. Sensitivity: public, internal, personal (personal needs --subject and encryption). Encryption: none, aes-256-gcm, sm4-gcm, chacha20-poly1305.",
				PositionalArgs: pos("id", "title", "category", "sensitivity", "locator", "encryption"),
				FlagOptions: map[string]*autocliv1.FlagOptions{
					"standard": {Usage: `the data standard of summary records, as JSON: {"id":"weather-observation","version":"1.0.0"}`},
					"subject":  {Usage: "the data subject's DID (personal data only)"},
				},
				Example: bin + ` tx datashare create-dataset weather-hourly "Hourly observations" environment public https://data.weather.example/hourly none --standard '{"id":"weather-observation","version":"1.0.0"}' --from weather-bureau-admin`},
			{RpcMethod: "UpdateDataset", Use: "update-dataset [dataset-id] [title] [locator]", Short: "Replace a dataset's title, description and locator", PositionalArgs: pos("dataset_id", "title", "locator")},
			{RpcMethod: "PublishVersion", Use: "publish-version [dataset-id] [content-hash-hex] [size] [locator]",
				Short:          "Publish a version (a DATA_PROVIDER member or an in-scope device of the owner)",
				PositionalArgs: pos("dataset_id", "content_hash", "size", "locator"),
				FlagOptions: map[string]*autocliv1.FlagOptions{
					"summary":      {Usage: "a JSON record conforming to the dataset's standard (not for personal data)"},
					"derived_from": {Usage: `versions of other datasets this one was built from, as JSON: {"dataset_id":"roads","version":"3"}; repeat the flag`},
				},
				Example: bin + ` tx datashare publish-version weather-hourly $(sha256sum obs.csv | cut -d' ' -f1) 5120 https://data.weather.example/obs-0101.csv --summary '{"station":"NJ-001","temperature_c":4.5}' --from weather-bureau-admin`},
			{RpcMethod: "RequestAccess", Use: "request-access [dataset-id] [purpose] [duration]",
				Short:          "Ask for access for the signer's department (or, with --grantee, for the data subject); " + durationHelp,
				PositionalArgs: pos("dataset_id", "purpose", "duration"),
				FlagOptions:    map[string]*autocliv1.FlagOptions{"grantee": granteeFlag},
				Example:        bin + ` tx datashare request-access weather-hourly traffic-signal-timing 720h --from transport-admin`},
			{RpcMethod: "ApproveRequest", Use: "approve [request-id]", Short: "Approve a pending request (optionally --duration shorter than asked)", PositionalArgs: pos("request_id")},
			{RpcMethod: "RejectRequest", Use: "reject [request-id] [reason]", Short: "Reject a pending request", PositionalArgs: pos("request_id", "reason")},
			{RpcMethod: "RevokeGrant", Use: "revoke-grant [grant-id] [reason]", Short: "Revoke a grant in force", PositionalArgs: pos("grant_id", "reason")},
			{RpcMethod: "RelinquishGrant", Use: "relinquish-grant [grant-id]", Short: "Give up a grant your department (or DID) holds", PositionalArgs: pos("grant_id")},
			{RpcMethod: "SetAutoApprovalRule", Use: "set-rule [dataset-id] [max-duration]",
				Short:          "Grant matching requests automatically: departments holding --role and/or listed in --departments (public or internal data)",
				PositionalArgs: pos("dataset_id", "max_duration"),
				FlagOptions: map[string]*autocliv1.FlagOptions{
					"role":        {Usage: "a role the requesting department must hold: data-provider, standards-body, ..."},
					"departments": {Usage: "departments whose requests match, comma-separated"},
				},
				Example: bin + ` tx datashare set-rule weather-hourly 2160h --departments transport --from weather-bureau-admin`},
			{RpcMethod: "RemoveAutoApprovalRule", Use: "remove-rule [dataset-id] [rule-id]", Short: "Remove an auto-approval rule", PositionalArgs: pos("dataset_id", "rule_id")},
			{RpcMethod: "GiveConsent", Use: "consent [subject-did] [department-id] [expires-at]",
				Short:          "Consent, as the data subject, to a department using your personal data for --purposes until a time (RFC 3339)",
				PositionalArgs: pos("subject", "department_id", "expires_at"),
				FlagOptions: map[string]*autocliv1.FlagOptions{
					"purposes":   {Usage: "purposes, comma-separated (a grant is covered when its purpose is one of them)"},
					"dataset_id": {Usage: "limit the consent to one dataset (default: every personal dataset about you)"},
				},
				Example: bin + ` tx datashare consent did:trustcity:... hospital 2027-06-30T00:00:00Z --purposes treatment --from alice`},
			{RpcMethod: "RevokeConsent", Use: "revoke-consent [consent-id]", Short: "Revoke a consent: grants relying on it stop at once", PositionalArgs: pos("consent_id")},
			{RpcMethod: "PostKeyEnvelope", Use: "post-envelope [grant-id] [version] [recipient-key] [algorithm] [ciphertext]",
				Short:          "Post a version's content key encrypted to the grantee's key-agreement key (ciphertext: a file, hex or base64)",
				PositionalArgs: pos("grant_id", "version", "recipient_key", "algorithm", "ciphertext"),
				Example:        bin + ` tx datashare post-envelope 4 2 did:trustcity:...#key-x25519 ECDH-ES+A256KW envelope.bin --from health-admin`},
			{RpcMethod: "RecordAccess", Use: "record-access [grant-id] [version] [purpose]", Short: "Record one use of a dataset version under a grant in force",
				PositionalArgs: pos("grant_id", "version", "purpose")},
			{RpcMethod: "Subscribe", Use: "subscribe [dataset-id]", Short: "Follow a dataset's new versions (EventVersionPublished)",
				PositionalArgs: pos("dataset_id"), FlagOptions: map[string]*autocliv1.FlagOptions{"grantee": granteeFlag}},
			{RpcMethod: "Unsubscribe", Use: "unsubscribe [dataset-id]", Short: "Stop following a dataset",
				PositionalArgs: pos("dataset_id"), FlagOptions: map[string]*autocliv1.FlagOptions{"grantee": granteeFlag}},
		},
	}
}
