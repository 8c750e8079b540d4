# Protobuf / OpenAPI targets. Include from the top-level Makefile with
#
#     include scripts/proto.mk
#
# or run directly from the repository root: make -f scripts/proto.mk proto-gen
#
# Needs only Go, git, make and bash: buf compiles the .proto files itself (no
# protoc, no docker, no npm) and every tool is built from the pinned module in
# scripts/tools into build/tools.
#
#   proto-tools         install the pinned tools into build/tools (skipped when up to date)
#   proto-gen           proto-go-gen + proto-swagger-gen
#   proto-go-gen        Go code (*.pb.go, *.pb.gw.go) from proto/trustcity/**
#   proto-swagger-gen   docs/openapi/openapi.json (SDK + ibc-go + proto/trustcity REST API)
#   proto-lint          buf lint of proto/ (third_party/proto is not linted)
#   proto-format        buf format -w of proto/
#   proto-format-check  fail if proto/ is not buf-formatted
#   proto-check         proto-gen, then fail if generated files differ from git
#   proto-tools-clean   remove build/tools

PROTO_REPO_ROOT := $(abspath $(dir $(lastword $(MAKEFILE_LIST)))..)

GO ?= go
# Where the tools are installed (git-ignored): $(BUILDDIR)/tools when the including
# Makefile defines BUILDDIR, else build/tools.
PROTO_TOOLS_DIR ?= $(if $(BUILDDIR),$(BUILDDIR),$(PROTO_REPO_ROOT)/build)/tools
# The nested Go module that pins the tools' versions.
PROTO_TOOLS_MOD := $(PROTO_REPO_ROOT)/scripts/tools
PROTO_TOOL_PKGS := \
	github.com/bufbuild/buf/cmd/buf \
	github.com/cosmos/gogoproto/protoc-gen-gocosmos \
	github.com/grpc-ecosystem/grpc-gateway/protoc-gen-grpc-gateway \
	github.com/grpc-ecosystem/grpc-gateway/protoc-gen-swagger \
	./cmd/swagger-merge \
	./cmd/proto-export
PROTO_TOOL_BINS := $(addprefix $(PROTO_TOOLS_DIR)/,buf protoc-gen-gocosmos protoc-gen-grpc-gateway protoc-gen-swagger swagger-merge proto-export)
PROTO_TOOLS_STAMP := $(PROTO_TOOLS_DIR)/.proto-tools.stamp
PROTO_TOOLS_SRCS := $(PROTO_TOOLS_MOD)/go.mod $(PROTO_TOOLS_MOD)/go.sum $(wildcard $(PROTO_TOOLS_MOD)/*.go $(PROTO_TOOLS_MOD)/cmd/*/*.go)
PROTO_BUF := $(PROTO_TOOLS_DIR)/buf
# The version tools.go pins; checked after installing.
PROTO_BUF_VERSION := 1.72.0

# Generated outputs that proto-check compares with git.
PROTO_OPENAPI := docs/openapi/openapi.json
PROTO_GENERATED_PATHSPECS := '*.pb.go' '*.pb.gw.go' '$(PROTO_OPENAPI)'

PROTO_ENV := PROTO_TOOLS_DIR='$(PROTO_TOOLS_DIR)' GO='$(GO)' OPENAPI_OUT='$(PROTO_OPENAPI)'

# True when proto/ holds at least one .proto file (buf refuses an empty module).
proto_has_files = $(shell find '$(PROTO_REPO_ROOT)/proto' -name '*.proto' -type f 2>/dev/null | head -n 1)

.PHONY: proto-tools proto-tools-force proto-tools-clean proto-gen proto-go-gen proto-swagger-gen \
	proto-lint proto-format proto-format-check proto-check

proto-tools: $(PROTO_TOOLS_STAMP) ## Install the pinned protobuf tools (buf, protoc plugins, swagger-merge, proto-export) into build/tools

# Reinstall when the tools module changes or a binary is missing.
$(PROTO_TOOLS_STAMP): $(PROTO_TOOLS_SRCS) $(if $(filter-out $(wildcard $(PROTO_TOOL_BINS)),$(PROTO_TOOL_BINS)),proto-tools-force)
	@echo "proto-tools: installing $(notdir $(PROTO_TOOL_BINS)) into $(PROTO_TOOLS_DIR)"
	@mkdir -p '$(PROTO_TOOLS_DIR)'
	cd '$(PROTO_TOOLS_MOD)' && GOWORK=off GOBIN='$(PROTO_TOOLS_DIR)' $(GO) install $(PROTO_TOOL_PKGS)
	@v=$$('$(PROTO_BUF)' --version) && [ "$$v" = '$(PROTO_BUF_VERSION)' ] || \
		{ echo "proto-tools: expected buf $(PROTO_BUF_VERSION), got $$v" >&2; exit 1; }
	@touch '$@'

proto-tools-force:

proto-tools-clean: ## Remove the installed protobuf tools
	rm -rf '$(PROTO_TOOLS_DIR)'

proto-gen: proto-go-gen proto-swagger-gen ## Generate Go code from proto/ and docs/openapi/openapi.json

proto-go-gen: proto-tools ## Generate *.pb.go / *.pb.gw.go from proto/trustcity
	@cd '$(PROTO_REPO_ROOT)' && $(PROTO_ENV) bash scripts/protocgen.sh

proto-swagger-gen: proto-tools ## Generate docs/openapi/openapi.json (SDK + IBC + TrustCity REST API)
	@cd '$(PROTO_REPO_ROOT)' && $(PROTO_ENV) bash scripts/protoc-swagger-gen.sh

# The module is the input (`buf lint proto`); `buf lint --path proto` fails on a v2 workspace.
proto-lint: proto-tools ## Lint proto/ with buf
	@if [ -z "$(proto_has_files)" ]; then echo "proto-lint: no .proto files under proto/; nothing to lint"; \
	else cd '$(PROTO_REPO_ROOT)' && '$(PROTO_BUF)' lint proto && echo "proto-lint: ok"; fi

proto-format: proto-tools ## Format proto/ with buf format -w
	@if [ -z "$(proto_has_files)" ]; then echo "proto-format: no .proto files under proto/"; \
	else cd '$(PROTO_REPO_ROOT)' && '$(PROTO_BUF)' format -w proto; fi

proto-format-check: proto-tools ## Fail if proto/ is not buf-formatted
	@if [ -z "$(proto_has_files)" ]; then echo "proto-format-check: no .proto files under proto/"; \
	else cd '$(PROTO_REPO_ROOT)' && '$(PROTO_BUF)' format --diff --exit-code proto && echo "proto-format-check: ok" \
		|| { echo "proto-format-check: run 'make proto-format'" >&2; exit 1; }; fi

# Regenerates everything, then fails if the generated files (*.pb.go, *.pb.gw.go,
# docs/openapi) differ from what git has: modified, deleted or new untracked files.
proto-check: proto-gen ## Regenerate, then fail if generated files differ from git
	@cd '$(PROTO_REPO_ROOT)' && changes=$$(git status --porcelain --untracked-files=all -- $(PROTO_GENERATED_PATHSPECS)) && \
	if [ -n "$$changes" ]; then \
		echo "proto-check: generated files are out of date with the .proto files (or not committed):" >&2; \
		echo "$$changes" | sed 's/^/  /' >&2; \
		echo "proto-check: run 'make proto-gen' and commit the result." >&2; \
		exit 1; \
	else echo "proto-check: generated files are up to date"; fi
