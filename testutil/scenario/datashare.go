package scenario

import (
	"crypto/sha256"
	"fmt"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/gogoproto/proto"

	"github.com/trustcity/trustcity/app"
	"github.com/trustcity/trustcity/x/datashare/schema"
	datasharetypes "github.com/trustcity/trustcity/x/datashare/types"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

// The x/datashare rows.
//
// Every datashare transaction needs a signer x/identity authorizes. The
// rows' genesis (datashareGenesis) makes Accounts[0] the admin of the
// department benchDataDept, holding DATA_PROVIDER and STANDARDS_BODY, and
// every other account a member of it holding DATA_PROVIDER; a second
// department, benchOwnerDept, holding DATA_PROVIDER and administered by an
// address that is no funded account, owns the datasets the first one asks
// access to. As for the other rows with genesis, only the gov authority may
// register a top-level department, so the load tool refuses these rows and
// the block benchmark measures them.
//
// The datashare records the transactions work on (a standard, datasets,
// versions, an auto-approval rule and grants) are the rows' history
// (datashareHistory, Prefill), not their genesis: the benchmark imports a
// row's genesis states in module-name order, which puts "datashare" before
// "identity", and datashare's import requires the departments owning
// datasets to exist in x/identity already. Prefill runs after the genesis
// and stores the records with the module's own InitGenesis, which checks
// each against x/identity and writes every index, as an import would.
//
//   - datashare-publish-version: one MsgPublishVersion by a DATA_PROVIDER
//     member of benchDataDept on one of its datashareAirDatasets datasets,
//     which name the standard datashareStandardID: a unique SHA-256 content
//     hash and a summary record of some 55 bytes validated against the standard's
//     JSON Schema (the compiled schema is cached, the gas for its bytes
//     charged every time).
//   - datashare-request-auto-approved: one MsgRequestAccess by a member of
//     benchDataDept, for its department, on one of benchOwnerDept's
//     datashareSharedDatasets internal datasets, whose auto-approval rule
//     lists benchDataDept: each transaction creates a request and a grant,
//     and the grant supersedes the department's previous grant on the
//     dataset (as a renewal does).
//   - datashare-record-access: one MsgRecordAccess by a member of
//     benchDataDept of version 1 of one of the shared datasets, under the
//     department's grant in force on it, for the grant's purpose.
const (
	datasharePublishName = "datashare-publish-version"
	datashareRequestName = "datashare-request-auto-approved"
	datashareRecordName  = "datashare-record-access"
	// benchDataDept provides data and asks access; every account acts for it.
	benchDataDept = "bench-data"
	// benchOwnerDept owns the datasets benchDataDept asks access to.
	benchOwnerDept = "bench-owner"
	// datashareStandardID@datashareStandardVersion is the standard of the
	// published datasets.
	datashareStandardID      = "bench-air-reading"
	datashareStandardVersion = "1.0.0"
	// datashareAirDatasets is how many datasets the publish row spreads its
	// versions over, datashareSharedDatasets how many datasets of
	// benchOwnerDept the access rows spread theirs over.
	datashareAirDatasets    = 16
	datashareSharedDatasets = 16
	// datasharePurpose is the purpose of every request and grant.
	datasharePurpose = "traffic planning"
	// datashareGrantDuration is what a request asks for; the rule grants up
	// to datashareRuleDuration, the history's grants run datashareHistoryGrant.
	datashareGrantDuration = 7 * 24 * time.Hour
	datashareRuleDuration  = 30 * 24 * time.Hour
	datashareHistoryGrant  = 365 * 24 * time.Hour
	// datashareGenesisReason is why the datashare rows declare genesis state.
	datashareGenesisReason = "its signers must be members of a DATA_PROVIDER department, and only the gov authority may register a top-level department"
)

// datashareSchema is the JSON Schema of the standard summary records follow.
const datashareSchema = `{"$schema":"https://json-schema.org/draft/2020-12/schema","title":"Air quality reading",` +
	`"type":"object","required":["station","pollutant","value"],"properties":{` +
	`"station":{"type":"string","pattern":"^st-[0-9]{4}$"},"pollutant":{"enum":["pm25","pm10","no2","o3"]},` +
	`"value":{"type":"number","minimum":0,"maximum":1000}},"additionalProperties":false}`

// datashareAirDataset and datashareSharedDataset name the rows' datasets.
func datashareAirDataset(i int) string    { return fmt.Sprintf("bench-air-%02d", i) }
func datashareSharedDataset(i int) string { return fmt.Sprintf("bench-shared-%02d", i) }

// datasharePublish is one MsgPublishVersion of a version of air dataset
// (from+n) mod datashareAirDatasets: the content hash is the SHA-256 of a
// record named by the signer and n, unique over the run, and the summary a
// reading of station from, valid under the dataset's standard.
func datasharePublish(env Env, from, n int) []sdk.Msg {
	signer := env.Accounts[from].String()
	hash := sha256.Sum256(fmt.Appendf(nil, "%s/%s/%d", datasharePublishName, signer, n))
	return []sdk.Msg{&datasharetypes.MsgPublishVersion{
		Signer:      signer,
		DatasetId:   datashareAirDataset((from + n) % datashareAirDatasets),
		ContentHash: hash[:],
		Size_:       uint64(4096 + n),
		Locator:     fmt.Sprintf("https://data.bench.example.org/air/%d/%d.csv", from, n),
		Summary:     fmt.Sprintf(`{"station":"st-%04d","pollutant":"pm25","value":%d.%d}`, from%10000, n%1000, from%10),
	}}
}

// datashareRequest is one MsgRequestAccess by the signer for its
// department on shared dataset (from+n) mod datashareSharedDatasets, which
// the dataset's rule grants at once.
func datashareRequest(env Env, from, n int) []sdk.Msg {
	return []sdk.Msg{&datasharetypes.MsgRequestAccess{
		Signer:    env.Accounts[from].String(),
		DatasetId: datashareSharedDataset((from + n) % datashareSharedDatasets),
		Purpose:   datasharePurpose,
		Duration:  datashareGrantDuration,
	}}
}

// datashareRecord is one MsgRecordAccess by the signer of version 1 of
// shared dataset i = (from+n) mod datashareSharedDatasets under grant i+1,
// its department's grant on it in the history.
func datashareRecord(env Env, from, n int) []sdk.Msg {
	i := (from + n) % datashareSharedDatasets
	return []sdk.Msg{&datasharetypes.MsgRecordAccess{
		Signer:  env.Accounts[from].String(),
		GrantId: uint64(i + 1),
		Version: 1,
		Purpose: datasharePurpose,
	}}
}

// datashareOwnerAdmin is the admin of benchOwnerDept: an address derived
// from a fixed name, of no funded account (every funded account acts for
// benchDataDept, and an account acts for one department only).
func datashareOwnerAdmin() sdk.AccAddress {
	sum := sha256.Sum256([]byte("datashare-bench/" + benchOwnerDept + "/admin"))
	return sdk.AccAddress(sum[:20])
}

// datashareGenesis is the x/identity genesis of the datashare rows (see the
// comment at the top of this file).
func datashareGenesis(env Env) map[string]proto.Message {
	gs := identitytypes.DefaultGenesis()
	provider := []identitytypes.Role{identitytypes.Role_ROLE_DATA_PROVIDER}
	gs.Departments = []identitytypes.Department{
		{
			Id:        benchDataDept,
			Name:      "Benchmark data department",
			Admin:     env.Accounts[0].String(),
			Roles:     []identitytypes.Role{identitytypes.Role_ROLE_DATA_PROVIDER, identitytypes.Role_ROLE_STANDARDS_BODY},
			Status:    identitytypes.DepartmentStatus_DEPARTMENT_STATUS_ACTIVE,
			Depth:     1,
			CreatedAt: benchGenesisTime,
		},
		{
			Id:        benchOwnerDept,
			Name:      "Benchmark dataset owner",
			Admin:     datashareOwnerAdmin().String(),
			Roles:     provider,
			Status:    identitytypes.DepartmentStatus_DEPARTMENT_STATUS_ACTIVE,
			Depth:     1,
			CreatedAt: benchGenesisTime,
		},
	}
	for _, acc := range env.Accounts[1:] {
		gs.Members = append(gs.Members, identitytypes.Member{DepartmentId: benchDataDept, Address: acc.String(), Roles: provider})
	}
	return map[string]proto.Message{identitytypes.ModuleName: gs}
}

// datashareHistory returns the datashare records of the rows: the
// standard; the air datasets of benchDataDept, naming it, without versions;
// the shared internal datasets of benchOwnerDept with one version each, an
// auto-approval rule listing benchDataDept, and an approved request of
// benchDataDept with its grant, in force for datashareHistoryGrant.
func datashareHistory(env Env) *datasharetypes.GenesisState {
	gs := datasharetypes.DefaultGenesis()
	admin := env.Accounts[0].String()
	owner := datashareOwnerAdmin().String()
	schemaHash := sha256.Sum256([]byte(datashareSchema))
	compiled, err := schema.Compile([]byte(datashareSchema))
	if err != nil {
		panic(fmt.Sprintf("the datashare rows' standard: %v", err))
	}
	gs.Standards = []datasharetypes.Standard{{
		Id: datashareStandardID, Version: datashareStandardVersion, DepartmentId: benchDataDept,
		Title: "Air quality reading", Schema: datashareSchema, SchemaHash: schemaHash[:], Complexity: uint64(compiled.Complexity()),
		Status: datasharetypes.StandardStatus_STANDARD_STATUS_ACTIVE, RegisteredBy: admin, RegisteredAt: benchGenesisTime,
	}}
	for i := range datashareAirDatasets {
		id := datashareAirDataset(i)
		gs.Datasets = append(gs.Datasets, datasharetypes.Dataset{
			Id: id, Owner: benchDataDept, Title: "Air quality " + id, Category: datasharetypes.Category_CATEGORY_ENVIRONMENT,
			Sensitivity: datasharetypes.Sensitivity_SENSITIVITY_PUBLIC,
			Standard:    datasharetypes.StandardRef{Id: datashareStandardID, Version: datashareStandardVersion},
			Locator:     "https://data.bench.example.org/air/" + id, Encryption: datasharetypes.EncryptionScheme_ENCRYPTION_SCHEME_NONE,
			CreatedBy: admin, CreatedAt: benchGenesisTime,
		})
	}
	for i := range datashareSharedDatasets {
		id := datashareSharedDataset(i)
		hash := sha256.Sum256([]byte("datashare-history/" + id))
		gs.Datasets = append(gs.Datasets, datasharetypes.Dataset{
			Id: id, Owner: benchOwnerDept, Title: "Traffic flow " + id, Category: datasharetypes.Category_CATEGORY_TRANSPORT,
			Sensitivity: datasharetypes.Sensitivity_SENSITIVITY_INTERNAL,
			Locator:     "s3://bench-owner/" + id, Encryption: datasharetypes.EncryptionScheme_ENCRYPTION_SCHEME_AES_256_GCM,
			LatestVersion: 1, CreatedBy: owner, CreatedAt: benchGenesisTime, RuleIds: []uint64{uint64(i + 1)},
		})
		gs.Versions = append(gs.Versions, datasharetypes.DatasetVersion{
			DatasetId: id, Version: 1, ContentHash: hash[:], Size_: 1 << 20, Locator: "s3://bench-owner/" + id + "/v1",
			Publisher: owner, PublisherKind: datasharetypes.PublisherKind_PUBLISHER_KIND_MEMBER, PublishedAt: benchGenesisTime,
		})
		gs.Rules = append(gs.Rules, datasharetypes.AutoApprovalRule{
			DatasetId: id, Id: uint64(i + 1), Departments: []string{benchDataDept}, MaxDuration: datashareRuleDuration,
			CreatedBy: owner,
		})
		gs.Requests = append(gs.Requests, datasharetypes.AccessRequest{
			Id: uint64(i + 1), DatasetId: id, Grantee: benchDataDept, Requester: admin, Purpose: datasharePurpose,
			Duration: datashareHistoryGrant, Status: datasharetypes.RequestStatus_REQUEST_STATUS_APPROVED,
			RequestedAt: benchGenesisTime, GrantId: uint64(i + 1), DecidedBy: owner,
		})
		gs.Grants = append(gs.Grants, datasharetypes.Grant{
			Id: uint64(i + 1), DatasetId: id, Grantee: benchDataDept, RequestId: uint64(i + 1), Purpose: datasharePurpose,
			GrantedAt: benchGenesisTime, ExpiresAt: benchGenesisTime.Add(datashareHistoryGrant),
			Status: datasharetypes.GrantStatus_GRANT_STATUS_ACTIVE, ApprovedBy: owner,
		})
	}
	gs.NextRequestId = datashareSharedDatasets + 1
	gs.NextGrantId = datashareSharedDatasets + 1
	gs.NextRuleId = datashareSharedDatasets + 1
	return gs
}

// datashareHistoryRecords is how many records datashareHistory holds.
const datashareHistoryRecords = 1 + datashareAirDatasets + 5*datashareSharedDatasets

// storedDatashareHistory is the Prefill of the datashare rows: the records
// of datashareHistory, imported with the module's InitGenesis after the
// rows' x/identity genesis. They are far fewer than a prefill chunk, so the
// benchmark asks for all of them at once; any other range is refused.
func storedDatashareHistory() *Prefill {
	return &Prefill{
		Records: datashareHistoryRecords,
		Write: func(ctx sdk.Context, a *app.App, env Env, from, to int) error {
			if from != 0 || to != datashareHistoryRecords {
				return fmt.Errorf("the datashare history is stored in one piece, not records %d to %d", from, to)
			}
			if err := a.DatashareKeeper.InitGenesis(ctx, datashareHistory(env)); err != nil {
				return fmt.Errorf("storing the datashare history: %w", err)
			}
			return nil
		},
	}
}
