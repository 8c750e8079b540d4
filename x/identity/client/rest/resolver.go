// Package rest serves the DIF Universal Resolver driver route of did:trustcity
// on the node's REST server, next to the grpc-gateway routes.
package rest

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"

	"github.com/gorilla/mux"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/cosmos/cosmos-sdk/client"

	"github.com/trustcity/trustcity/x/identity/types"
)

// ResolverPath is the route a Universal Resolver calls: GET /1.0/identifiers/{did}.
const ResolverPath = "/1.0/identifiers/{did}"

// Media types of DID resolution.
const (
	ContentTypeResolution = `application/ld+json;profile="https://w3id.org/did-resolution"`
	ContentTypeDidLD      = "application/did+ld+json"
	resolutionContext     = "https://w3id.org/did-resolution/v1"
)

// ResolutionResult is a DID resolution result.
type ResolutionResult struct {
	Context               string             `json:"@context"`
	DidDocument           json.RawMessage    `json:"didDocument"`
	DidResolutionMetadata ResolutionMetadata `json:"didResolutionMetadata"`
	DidDocumentMetadata   any                `json:"didDocumentMetadata"`
}

// ResolutionMetadata is the DID resolution metadata.
type ResolutionMetadata struct {
	ContentType  string `json:"contentType,omitempty"`
	Error        string `json:"error,omitempty"`
	ErrorMessage string `json:"errorMessage,omitempty"`
}

// RegisterResolverRoutes adds the resolver route to the API server's router.
func RegisterResolverRoutes(r *mux.Router, clientCtx client.Context) {
	r.HandleFunc(ResolverPath, resolveHandler(clientCtx)).Methods(http.MethodGet)
}

// resolveHandler resolves a DID through the node's Query/Did service. As the
// driver interface asks: 200 with the result, 410 for a deactivated DID
// (with its document), 400 invalidDid, 404 notFound, 501
// methodNotSupported. The optional query parameter versionId picks a
// version. With Accept: application/did+ld+json only the document is sent.
func resolveHandler(clientCtx client.Context) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		did := mux.Vars(r)["did"]
		if !strings.HasPrefix(did, types.DIDPrefix) {
			code, name := http.StatusBadRequest, "invalidDid"
			if types.ValidateAnyDID("did", did) == nil {
				code, name = http.StatusNotImplemented, "methodNotSupported"
			}
			writeError(w, code, name, "this resolver resolves did:"+types.DIDMethod+" only")
			return
		}
		var version uint64
		if v := r.URL.Query().Get("versionId"); v != "" {
			n, err := strconv.ParseUint(v, 10, 64)
			if err != nil || n == 0 {
				writeError(w, http.StatusBadRequest, "invalidDid", "versionId must be a positive integer")
				return
			}
			version = n
		}
		res, err := types.NewQueryClient(clientCtx).Did(r.Context(), &types.QueryDidRequest{Did: did, Version: version})
		if err != nil {
			switch status.Code(err) {
			case codes.NotFound:
				writeError(w, http.StatusNotFound, "notFound", status.Convert(err).Message())
			case codes.InvalidArgument:
				writeError(w, http.StatusBadRequest, "invalidDid", status.Convert(err).Message())
			default:
				writeError(w, http.StatusInternalServerError, "internalError", err.Error())
			}
			return
		}
		code := http.StatusOK
		if res.Metadata.Deactivated {
			code = http.StatusGone
		}
		if wantsDocumentOnly(r) {
			w.Header().Set("Content-Type", ContentTypeDidLD)
			w.WriteHeader(code)
			_, _ = w.Write([]byte(res.JsonLd))
			return
		}
		writeJSON(w, code, ResolutionResult{
			Context:               resolutionContext,
			DidDocument:           json.RawMessage(res.JsonLd),
			DidResolutionMetadata: ResolutionMetadata{ContentType: ContentTypeDidLD},
			DidDocumentMetadata:   types.RenderDidDocumentMetadata(res.Metadata),
		})
	}
}

func wantsDocumentOnly(r *http.Request) bool {
	accept := r.Header.Get("Accept")
	return strings.Contains(accept, ContentTypeDidLD) && !strings.Contains(accept, "did-resolution")
}

func writeError(w http.ResponseWriter, code int, name, message string) {
	writeJSON(w, code, ResolutionResult{
		Context:               resolutionContext,
		DidDocument:           json.RawMessage("null"),
		DidResolutionMetadata: ResolutionMetadata{Error: name, ErrorMessage: message},
		DidDocumentMetadata:   struct{}{},
	})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	bz, err := json.Marshal(v)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", ContentTypeResolution)
	w.WriteHeader(code)
	_, _ = w.Write(bz)
}
