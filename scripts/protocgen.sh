#!/usr/bin/env bash
# Generates Go code for every .proto file under proto/trustcity:
#   *.pb.go     gogoproto messages + gRPC services   (protoc-gen-gocosmos)
#   *.pb.gw.go  grpc-gateway v1 REST handlers        (protoc-gen-grpc-gateway)
#
# buf compiles the files itself (no protoc), using the workspace in buf.yaml
# (proto/ + third_party/proto/) and the template buf.gen.yaml. Output goes to
# a temporary directory first; only files under github.com/trustcity/trustcity/
# are copied into the repository, at their go_package paths.
#
# Previously generated files whose source .proto no longer exists are removed.
# With no .proto files under proto/trustcity the script does nothing.
#
# Tools come from build/tools (make proto-tools), overridable with
# PROTO_TOOLS_DIR; run through `make proto-gen`.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

GO_MODULE=github.com/trustcity/trustcity
PROTO_TOOLS_DIR=${PROTO_TOOLS_DIR:-$ROOT/build/tools}
export PATH="$PROTO_TOOLS_DIR:$PATH"
BUF=${BUF:-$PROTO_TOOLS_DIR/buf}

for tool in "$BUF" "$PROTO_TOOLS_DIR/protoc-gen-gocosmos" "$PROTO_TOOLS_DIR/protoc-gen-grpc-gateway"; do
  if [ ! -x "$tool" ]; then
    echo "protocgen: $tool not found; run 'make proto-tools' first" >&2
    exit 1
  fi
done

# Generated files (ours) currently in the tree, recognised by the source
# comment the generators write: "// source: trustcity/...".
list_generated() {
  find . \( -path ./.git -o -path ./build -o -path ./third_party -o -path ./proto -o -name node_modules \) -prune \
    -o -type f \( -name '*.pb.go' -o -name '*.pb.gw.go' \) -print |
    sed 's|^\./||' |
    while IFS= read -r f; do
      header=$(head -n 12 "$f")
      case "$header" in
        *"// source: trustcity/"*) printf '%s\n' "$f" ;;
      esac
    done | LC_ALL=C sort
}

mapfile -t protos < <(find proto/trustcity -name '*.proto' -type f 2>/dev/null | LC_ALL=C sort)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/protocgen.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

if [ ${#protos[@]} -eq 0 ]; then
  echo "protocgen: no .proto files under proto/trustcity; nothing to generate"
else
  echo "protocgen: generating Go code for ${#protos[@]} file(s) under proto/trustcity"
  "$BUF" generate --template buf.gen.yaml --output "$tmp/out" proto

  # Everything must land inside this Go module.
  stray=$(cd "$tmp/out" && find . -type f ! -path "./$GO_MODULE/*" | LC_ALL=C sort)
  if [ -n "$stray" ]; then
    echo "protocgen: generated files outside $GO_MODULE (check go_package options):" >&2
    printf '  %s\n' $stray >&2
    exit 1
  fi
  if [ -d "$tmp/out/$GO_MODULE" ]; then
    (cd "$tmp/out/$GO_MODULE" && find . -type f | sed 's|^\./||' | LC_ALL=C sort) >"$tmp/new"
    cp -R "$tmp/out/$GO_MODULE/." "$ROOT/"
  fi
fi
touch "$tmp/new"

# Remove stale generated files (their .proto was deleted or renamed).
list_generated >"$tmp/existing"
stale=$(LC_ALL=C comm -23 "$tmp/existing" "$tmp/new")
if [ -n "$stale" ]; then
  echo "protocgen: removing stale generated files:"
  printf '  %s\n' $stale
  rm -f $stale
  # Drop directories the removal left empty.
  for f in $stale; do rmdir -p "$(dirname "$f")" 2>/dev/null || true; done
fi
