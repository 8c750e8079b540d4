package openapi_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/trustcity/trustcity/docs/openapi"
)

type swaggerDoc struct {
	Swagger string `json:"swagger"`
	Info    struct {
		Title   string `json:"title"`
		Version string `json:"version"`
	} `json:"info"`
	Paths       map[string]map[string]json.RawMessage `json:"paths"`
	Definitions map[string]json.RawMessage            `json:"definitions"`
}

func TestDocumentParses(t *testing.T) {
	var doc swaggerDoc
	if err := json.Unmarshal(openapi.Document(), &doc); err != nil {
		t.Fatalf("embedded document is not valid JSON: %v", err)
	}
	if doc.Swagger != "2.0" {
		t.Errorf("swagger = %q, want 2.0", doc.Swagger)
	}
	if doc.Info.Title != "TrustCity API" || doc.Info.Version == "" {
		t.Errorf("info = %+v", doc.Info)
	}
	for _, p := range []string{
		"/cosmos/bank/v1beta1/balances/{address}",
		"/cosmos/tx/v1beta1/txs",
		"/cosmos/gov/v1/proposals",
		"/ibc/core/client/v1/client_states",
		"/ibc/core/connection/v1/connections",
		"/ibc/core/channel/v1/channels",
	} {
		if _, ok := doc.Paths[p]; !ok {
			t.Errorf("path %s missing", p)
		}
	}
	var transfer int
	for p := range doc.Paths {
		if strings.HasPrefix(p, "/ibc/apps/transfer/v1/") {
			transfer++
		}
	}
	if transfer == 0 {
		t.Error("no /ibc/apps/transfer/v1/ path")
	}
	// The app does not wire the 08-wasm light client: its routes would 404.
	for p := range doc.Paths {
		if strings.HasPrefix(p, "/ibc/lightclients/wasm/") {
			t.Errorf("path %s of the unwired 08-wasm light client", p)
		}
	}
	if _, ok := doc.Definitions["cosmos.base.v1beta1.Coin"]; !ok {
		t.Error("definition cosmos.base.v1beta1.Coin missing")
	}
}

func TestDocumentIsACopy(t *testing.T) {
	a := openapi.Document()
	a[0] = 'x'
	if openapi.Document()[0] == 'x' {
		t.Error("Document returned the embedded slice itself")
	}
}

func get(t *testing.T, h http.Handler, method, path string, header http.Header) *http.Response {
	t.Helper()
	req := httptest.NewRequest(method, path, nil)
	for k, v := range header {
		req.Header[k] = v
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func TestHandler(t *testing.T) {
	mounted := http.NewServeMux()
	mounted.Handle("/swagger/", openapi.Handler())
	stripped := http.NewServeMux()
	stripped.Handle("/swagger/", http.StripPrefix("/swagger", openapi.Handler()))
	strippedSlash := http.NewServeMux()
	strippedSlash.Handle("/swagger/", http.StripPrefix("/swagger/", openapi.Handler()))

	for name, h := range map[string]http.Handler{"mounted": mounted, "stripped": stripped, "stripped-slash": strippedSlash} {
		t.Run(name, func(t *testing.T) {
			res := get(t, h, http.MethodGet, "/swagger/openapi.json", nil)
			body, _ := io.ReadAll(res.Body)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("GET openapi.json: %d", res.StatusCode)
			}
			if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("Content-Type = %q", ct)
			}
			if string(body) != string(openapi.Document()) {
				t.Error("served document differs from the embedded one")
			}

			etag := res.Header.Get("ETag")
			res = get(t, h, http.MethodGet, "/swagger/openapi.json", http.Header{"If-None-Match": {etag}})
			if etag == "" || res.StatusCode != http.StatusNotModified {
				t.Errorf("conditional GET: ETag %q, status %d", etag, res.StatusCode)
			}

			for _, p := range []string{"/swagger/", "/swagger/index.html"} {
				res = get(t, h, http.MethodGet, p, nil)
				body, _ = io.ReadAll(res.Body)
				if res.StatusCode != http.StatusOK || !strings.Contains(string(body), `href="openapi.json"`) {
					t.Errorf("GET %s: %d\n%s", p, res.StatusCode, body)
				}
				if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
					t.Errorf("GET %s: Content-Type = %q", p, ct)
				}
			}

			res = get(t, h, http.MethodHead, "/swagger/openapi.json", nil)
			if res.StatusCode != http.StatusOK {
				t.Errorf("HEAD: %d", res.StatusCode)
			}
			res = get(t, h, http.MethodGet, "/swagger/other.json", nil)
			if res.StatusCode != http.StatusNotFound {
				t.Errorf("GET other.json: %d, want 404", res.StatusCode)
			}
			res = get(t, h, http.MethodPost, "/swagger/openapi.json", nil)
			if res.StatusCode != http.StatusMethodNotAllowed {
				t.Errorf("POST: %d, want 405", res.StatusCode)
			}
		})
	}
}
