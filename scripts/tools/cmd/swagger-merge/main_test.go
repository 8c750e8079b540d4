package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const bankDoc = `{
  "swagger": "2.0",
  "info": {"title": "cosmos/bank/v1beta1/query.proto", "version": "version not set"},
  "consumes": ["application/json"],
  "produces": ["application/json"],
  "paths": {
    "/cosmos/bank/v1beta1/balances/{address}": {
      "get": {
        "operationId": "AllBalances",
        "tags": ["Query"],
        "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/cosmos.bank.v1beta1.QueryAllBalancesResponse"}}}
      }
    }
  },
  "definitions": {
    "cosmos.bank.v1beta1.QueryAllBalancesResponse": {"type": "object", "properties": {"balances": {"type": "array", "items": {"$ref": "#/definitions/cosmos.base.v1beta1.Coin"}}}},
    "cosmos.base.v1beta1.Coin": {"type": "object", "properties": {"denom": {"type": "string"}, "amount": {"type": "string"}}},
    "google.protobuf.Any": {"type": "object", "properties": {"type_url": {"type": "string"}}}
  }
}`

// transferDoc is YAML on purpose: inputs may be JSON or YAML.
const transferDoc = `swagger: "2.0"
info: {title: ibc/applications/transfer/v1/query.proto, version: version not set}
consumes: [application/json]
produces: [application/json, text/plain]
paths:
  /ibc/apps/transfer/v1/params:
    get:
      operationId: Params
      tags: [Query]
      responses:
        "200":
          description: ok
          schema: {$ref: "#/definitions/ibc.applications.transfer.v1.QueryParamsResponse"}
definitions:
  ibc.applications.transfer.v1.QueryParamsResponse:
    type: object
    properties:
      send_enabled: {type: boolean}
      max: {type: integer, format: int64, maximum: 100}
  cosmos.base.v1beta1.Coin:
    type: object
    properties:
      denom: {type: string}
      amount: {type: string}
  google.protobuf.Any:
    type: object
    properties:
      type_url: {type: string}
`

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func testOptions(base string) Options {
	return Options{
		Title:              "TrustCity API",
		Description:        "test",
		Version:            "1.0.0",
		Base:               base,
		TagByDir:           true,
		PrefixOperationIDs: true,
	}
}

func TestMergeUnionAndRewrite(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"cosmos/bank/v1beta1/query.swagger.json":          bankDoc,
		"ibc/applications/transfer/v1/query.swagger.yaml": transferDoc,
	})
	out := filepath.Join(t.TempDir(), "openapi.json")
	if err := run(out, testOptions(dir), []string{dir}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := decodeJSON(data)
	if err != nil {
		t.Fatal(err)
	}

	info := doc["info"].(map[string]any)
	if info["title"] != "TrustCity API" || info["version"] != "1.0.0" || info["description"] != "test" {
		t.Errorf("info = %v", info)
	}
	paths := doc["paths"].(map[string]any)
	if len(paths) != 2 {
		t.Errorf("got %d paths, want 2", len(paths))
	}
	bank := paths["/cosmos/bank/v1beta1/balances/{address}"].(map[string]any)["get"].(map[string]any)
	if bank["operationId"] != "CosmosBankV1beta1AllBalances" {
		t.Errorf("operationId = %v", bank["operationId"])
	}
	if tags := bank["tags"].([]any); len(tags) != 1 || tags[0] != "cosmos.bank.v1beta1" {
		t.Errorf("tags = %v", tags)
	}
	transfer := paths["/ibc/apps/transfer/v1/params"].(map[string]any)["get"].(map[string]any)
	if transfer["operationId"] != "IbcApplicationsTransferV1Params" {
		t.Errorf("operationId = %v", transfer["operationId"])
	}
	defs := doc["definitions"].(map[string]any)
	for _, name := range []string{
		"cosmos.bank.v1beta1.QueryAllBalancesResponse",
		"ibc.applications.transfer.v1.QueryParamsResponse",
		"cosmos.base.v1beta1.Coin",
		"google.protobuf.Any",
	} {
		if defs[name] == nil {
			t.Errorf("definition %s missing", name)
		}
	}
	if len(defs) != 4 {
		t.Errorf("got %d definitions, want 4", len(defs))
	}
	// A YAML integer stays an integer.
	maxVal := defs["ibc.applications.transfer.v1.QueryParamsResponse"].(map[string]any)["properties"].(map[string]any)["max"].(map[string]any)["maximum"]
	if n, ok := maxVal.(json.Number); !ok || n.String() != "100" {
		t.Errorf("maximum = %#v", maxVal)
	}
	produces := doc["produces"].([]any)
	if len(produces) != 2 || produces[0] != "application/json" || produces[1] != "text/plain" {
		t.Errorf("produces = %v", produces)
	}
	tags := doc["tags"].([]any)
	if len(tags) != 2 || tags[0].(map[string]any)["name"] != "cosmos.bank.v1beta1" || tags[1].(map[string]any)["name"] != "ibc.applications.transfer.v1" {
		t.Errorf("tags = %v", tags)
	}
}

func TestMergeDeterministic(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"b/v1/query.swagger.json":              bankDoc,
		"a/v1/query.swagger.yaml":              transferDoc,
		"cosmos/bank/v1beta1/dup.swagger.json": strings.ReplaceAll(bankDoc, "/balances/", "/other/"),
	})
	var outputs [][]byte
	for i := 0; i < 5; i++ {
		for _, ext := range []string{".json", ".yml"} {
			out := filepath.Join(t.TempDir(), "openapi"+ext)
			// Pass the inputs in a different order each time: output must not change.
			args := []string{
				filepath.Join(dir, "b"),
				filepath.Join(dir, "cosmos"),
				filepath.Join(dir, "a", "v1", "query.swagger.yaml"),
			}
			if i%2 == 1 {
				args[0], args[2] = args[2], args[0]
			}
			if err := run(out, testOptions(dir), args); err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			if i == 0 {
				outputs = append(outputs, data)
				continue
			}
			want := outputs[0]
			if ext == ".yml" {
				want = outputs[1]
			}
			if !bytes.Equal(data, want) {
				t.Fatalf("run %d (%s) differs from the first run", i, ext)
			}
		}
	}
	if !bytes.HasSuffix(outputs[0], []byte("}\n")) {
		t.Error("JSON output should end with a newline")
	}
	if !strings.Contains(string(outputs[1]), "title: TrustCity API") {
		t.Errorf("YAML output lacks the title:\n%s", outputs[1])
	}
	// The YAML output parses back to the same document as the JSON output.
	fromJSON, err := decodeJSON(outputs[0])
	if err != nil {
		t.Fatal(err)
	}
	fromYAML, err := decodeYAML(outputs[1])
	if err != nil {
		t.Fatal(err)
	}
	j1, _ := Encode(fromJSON, "json")
	j2, _ := Encode(fromYAML, "json")
	if !bytes.Equal(j1, j2) {
		t.Error("YAML and JSON outputs describe different documents")
	}
}

func TestMergeIdenticalDuplicatesAllowed(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"x/v1/query.swagger.json": bankDoc,
		"x/v1/copy.swagger.json":  bankDoc, // same dir, so same operationId after prefixing
	})
	opts := testOptions(dir)
	err := run(filepath.Join(t.TempDir(), "o.json"), opts, []string{dir})
	if err != nil {
		t.Fatalf("identical path and definitions from two inputs should merge: %v", err)
	}
}

func TestMergeConflictingDefinition(t *testing.T) {
	changed := strings.Replace(transferDoc, "amount: {type: string}", "amount: {type: integer}", 1)
	dir := writeFiles(t, map[string]string{
		"cosmos/bank/v1beta1/query.swagger.json":          bankDoc,
		"ibc/applications/transfer/v1/query.swagger.yaml": changed,
	})
	err := run(filepath.Join(t.TempDir(), "o.json"), testOptions(dir), []string{dir})
	if err == nil || !strings.Contains(err.Error(), `conflicting definitions "cosmos.base.v1beta1.Coin"`) {
		t.Fatalf("want a conflicting-definition error, got %v", err)
	}
	if !strings.Contains(err.Error(), "cosmos/bank/v1beta1/query.swagger.json") || !strings.Contains(err.Error(), "ibc/applications/transfer/v1/query.swagger.yaml") {
		t.Errorf("error should name both inputs: %v", err)
	}
}

func TestMergeConflictingPath(t *testing.T) {
	other := strings.Replace(bankDoc, `"description": "ok"`, `"description": "different"`, 1)
	dir := writeFiles(t, map[string]string{
		"a/v1/query.swagger.json": bankDoc,
		"b/v1/query.swagger.json": other,
	})
	err := run(filepath.Join(t.TempDir(), "o.json"), testOptions(dir), []string{dir})
	if err == nil || !strings.Contains(err.Error(), "conflicting GET /cosmos/bank/v1beta1/balances/{address}") {
		t.Fatalf("want a conflicting-path error, got %v", err)
	}
}

func TestMergeDuplicateOperationID(t *testing.T) {
	other := strings.ReplaceAll(bankDoc, "/balances/", "/other/")
	dir := writeFiles(t, map[string]string{
		"a.swagger.json": bankDoc,
		"b.swagger.json": other,
	})
	// Files at the base's root get no prefix, so both keep "AllBalances".
	err := run(filepath.Join(t.TempDir(), "o.json"), testOptions(dir), []string{dir})
	if err == nil || !strings.Contains(err.Error(), `duplicate operationId "AllBalances"`) {
		t.Fatalf("want a duplicate-operationId error, got %v", err)
	}
}

func TestMergeUnresolvedRef(t *testing.T) {
	broken := strings.Replace(bankDoc, `"cosmos.base.v1beta1.Coin": {"type": "object", "properties": {"denom": {"type": "string"}, "amount": {"type": "string"}}},`, "", 1)
	dir := writeFiles(t, map[string]string{"a/v1/q.swagger.json": broken})
	err := run(filepath.Join(t.TempDir(), "o.json"), testOptions(dir), []string{dir})
	if err == nil || !strings.Contains(err.Error(), "#/definitions/cosmos.base.v1beta1.Coin") {
		t.Fatalf("want an unresolved-reference error, got %v", err)
	}
}

func TestMergeRejectsNonSwagger2(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a/v1/q.json": `{"openapi": "3.0.0", "paths": {}}`})
	err := run(filepath.Join(t.TempDir(), "o.json"), testOptions(dir), []string{dir})
	if err == nil || !strings.Contains(err.Error(), "not a Swagger 2.0 document") {
		t.Fatalf("want a version error, got %v", err)
	}
}

func TestFailedRunKeepsPreviousOutput(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a/v1/q.json": `{"swagger": "1.2"}`})
	out := filepath.Join(t.TempDir(), "o.json")
	if err := os.WriteFile(out, []byte("previous"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := run(out, testOptions(dir), []string{dir}); err == nil {
		t.Fatal("want an error")
	}
	data, _ := os.ReadFile(out)
	if string(data) != "previous" {
		t.Errorf("output was overwritten: %q", data)
	}
}

func TestNames(t *testing.T) {
	if got := camelName("ibc/core/channel/v2"); got != "IbcCoreChannelV2" {
		t.Errorf("camelName = %q", got)
	}
	if got := camelName("ibc/applications/interchain_accounts/host/v1"); got != "IbcApplicationsInterchainAccountsHostV1" {
		t.Errorf("camelName = %q", got)
	}
	if got := dottedName("trustcity/identity/v1"); got != "trustcity.identity.v1" {
		t.Errorf("dottedName = %q", got)
	}
	if got := pathDir("q.swagger.json"); got != "" {
		t.Errorf("pathDir = %q", got)
	}
}
