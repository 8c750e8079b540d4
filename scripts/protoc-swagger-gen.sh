#!/usr/bin/env bash
# Generates docs/openapi/openapi.json: one Swagger 2.0 (OpenAPI v2) document
# for the node's whole REST API (grpc-gateway routes):
#   - the Cosmos SDK query/service files listed in SDK_SWAGGER_PROTOS,
#   - the ibc-go query files listed in IBC_SWAGGER_PROTOS,
#   - every proto/trustcity/** file with google.api.http annotations
#     (the modules' query.proto files).
#
# The SDK and ibc-go .proto files are read from the Go module cache, at the
# versions the root go.mod requires (`go list -m`), not from committed copies.
# Imports that no Go module zip contains (EXPORTED_PROTOS: ibc-go imports
# cosmos/ics23/v1/proofs.proto, which lives outside the github.com/cosmos/ics23/go
# module) are printed by proto-export (scripts/tools/cmd/proto-export) from the
# file descriptors compiled into its Go dependencies; they are never committed.
# They are assembled with third_party/proto and proto/trustcity into one
# temporary buf workspace, compiled by buf with protoc-gen-swagger
# (buf.gen.swagger.yaml: one document per file) and merged by swagger-merge
# (scripts/tools/cmd/swagger-merge) into a single deterministic document.
#
# Tools come from build/tools (make proto-tools), overridable with
# PROTO_TOOLS_DIR; run through `make proto-gen` or `make proto-swagger-gen`.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

GO=${GO:-go}
PROTO_TOOLS_DIR=${PROTO_TOOLS_DIR:-$ROOT/build/tools}
export PATH="$PROTO_TOOLS_DIR:$PATH"
BUF=${BUF:-$PROTO_TOOLS_DIR/buf}
SWAGGER_MERGE=${SWAGGER_MERGE:-$PROTO_TOOLS_DIR/swagger-merge}
PROTO_EXPORT=${PROTO_EXPORT:-$PROTO_TOOLS_DIR/proto-export}
OPENAPI_OUT=${OPENAPI_OUT:-docs/openapi/openapi.json}
OPENAPI_VERSION=${OPENAPI_VERSION:-1.0.0}

SDK_MODULE=github.com/cosmos/cosmos-sdk
IBC_MODULE=github.com/cosmos/ibc-go/v11
ICS23_MODULE=github.com/cosmos/ics23/go

# Written into the workspace by proto-export, from the descriptors registered by
# ICS23_MODULE at the version scripts/tools/go.mod pins (checked below against
# the root go.mod).
EXPORTED_PROTOS=(
  cosmos/ics23/v1/proofs.proto
)

# Services the app serves over REST. Reflection, epochs, protocolpool, params,
# the IBC apps the app does not wire (ICA, rate limiting, GMP) and the 08-wasm
# light client (not wired either: its /ibc/lightclients/wasm/ routes would 404)
# are left out.
SDK_SWAGGER_PROTOS=(
  cosmos/auth/v1beta1/query.proto
  cosmos/authz/v1beta1/query.proto
  cosmos/bank/v1beta1/query.proto
  cosmos/base/node/v1beta1/query.proto
  cosmos/base/tendermint/v1beta1/query.proto
  cosmos/consensus/v1/query.proto
  cosmos/distribution/v1beta1/query.proto
  cosmos/evidence/v1beta1/query.proto
  cosmos/feegrant/v1beta1/query.proto
  cosmos/gov/v1/query.proto
  cosmos/gov/v1beta1/query.proto
  cosmos/mint/v1beta1/query.proto
  cosmos/slashing/v1beta1/query.proto
  cosmos/staking/v1beta1/query.proto
  cosmos/tx/v1beta1/service.proto
  cosmos/upgrade/v1beta1/query.proto
)
IBC_SWAGGER_PROTOS=(
  ibc/core/client/v1/query.proto
  ibc/core/client/v2/query.proto
  ibc/core/connection/v1/query.proto
  ibc/core/channel/v1/query.proto
  ibc/core/channel/v2/query.proto
  ibc/applications/transfer/v1/query.proto
)

for tool in "$BUF" "$SWAGGER_MERGE" "$PROTO_EXPORT" "$PROTO_TOOLS_DIR/protoc-gen-swagger"; do
  if [ ! -x "$tool" ]; then
    echo "protoc-swagger-gen: $tool not found; run 'make proto-tools' first" >&2
    exit 1
  fi
done

# module_field MODULE FIELD prints a field of the required module (Dir, Version),
# downloading the module into the module cache if it is not there yet.
module_field() {
  local value
  value=$("$GO" list -mod=readonly -m -f "{{.$2}}" "$1")
  if [ "$2" = Dir ] && [ -z "$value" ]; then
    "$GO" mod download "$1"
    value=$("$GO" list -mod=readonly -m -f "{{.$2}}" "$1")
  fi
  if [ -z "$value" ]; then
    echo "protoc-swagger-gen: cannot find $2 of module $1 (is it required in go.mod?)" >&2
    exit 1
  fi
  printf '%s\n' "$value"
}

SDK_DIR=$(module_field "$SDK_MODULE" Dir)
SDK_VERSION=$(module_field "$SDK_MODULE" Version)
IBC_DIR=$(module_field "$IBC_MODULE" Dir)
IBC_VERSION=$(module_field "$IBC_MODULE" Version)
ICS23_VERSION=$(module_field "$ICS23_MODULE" Version)

# The exported descriptors must be those of the version the chain is built with.
export_version=$("$GO" version -m "$PROTO_EXPORT" | awk -v m="$ICS23_MODULE" '$1 == "dep" && $2 == m { print $3 }')
if [ "$export_version" != "$ICS23_VERSION" ]; then
  echo "protoc-swagger-gen: $PROTO_EXPORT has $ICS23_MODULE ${export_version:-(none)}, go.mod requires $ICS23_VERSION;" \
    "pin $ICS23_VERSION in scripts/tools/go.mod and run 'make proto-tools'" >&2
  exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/protoc-swagger-gen.XXXXXX")
# Files copied from the read-only module cache keep their mode: make them
# removable before cleaning up.
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT

# One workspace; later copies win, so the module cache's SDK files replace the
# vendored copies of the same files in third_party/proto.
ws=$tmp/ws
mkdir -p "$ws"
cp -R third_party/proto/. "$ws/"
for d in "$SDK_DIR"/proto/*/; do
  cp -R "$d" "$ws/"
  chmod -R u+w "$ws"
done
cp -R "$IBC_DIR/proto/ibc" "$ws/"
chmod -R u+w "$ws"
if [ -d proto/trustcity ]; then
  cp -R proto/trustcity "$ws/"
fi
"$PROTO_EXPORT" "$ws" "${EXPORTED_PROTOS[@]}"
printf 'version: v2\n' >"$ws/buf.yaml"

targets=("${SDK_SWAGGER_PROTOS[@]}" "${IBC_SWAGGER_PROTOS[@]}")
for f in "${targets[@]}"; do
  if [ ! -f "$ws/$f" ]; then
    echo "protoc-swagger-gen: $f is not in $SDK_MODULE@$SDK_VERSION or $IBC_MODULE@$IBC_VERSION" >&2
    exit 1
  fi
done
ours=0
if [ -d proto/trustcity ]; then
  while IFS= read -r f; do
    targets+=("${f#proto/}")
    ours=$((ours + 1))
  done < <(find proto/trustcity -name '*.proto' -type f -exec grep -l 'google\.api\.http' {} + | LC_ALL=C sort)
fi

echo "protoc-swagger-gen: ${#targets[@]} service files ($ours from proto/trustcity; SDK $SDK_VERSION, ibc-go $IBC_VERSION;" \
  "exported ${EXPORTED_PROTOS[*]} from $ICS23_MODULE $ICS23_VERSION)"
path_args=()
for f in "${targets[@]}"; do path_args+=(--path "$f"); done
(cd "$ws" && "$BUF" generate --template "$ROOT/buf.gen.swagger.yaml" --output "$tmp/swagger" "${path_args[@]}")

description="REST API of the TrustCity chain (trustcityd): the grpc-gateway routes of the TrustCity \
modules, of the Cosmos SDK $SDK_VERSION modules and services and of ibc-go $IBC_VERSION. \
The node's API server (app.toml [api]) serves it; every route mirrors a gRPC query. \
Generated by scripts/protoc-swagger-gen.sh (make proto-gen); do not edit by hand."

mkdir -p "$(dirname "$OPENAPI_OUT")"
"$SWAGGER_MERGE" \
  -base "$tmp/swagger" -tag-by-dir -prefix-operation-ids \
  -title "TrustCity API" -version "$OPENAPI_VERSION" -description "$description" \
  -o "$OPENAPI_OUT" "$tmp/swagger"
echo "protoc-swagger-gen: wrote $OPENAPI_OUT"
