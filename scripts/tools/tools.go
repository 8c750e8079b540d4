//go:build tools

// Package tools pins the versions of the code-generation tools used by
// scripts/proto.mk. Install them with `make proto-tools` (from the repository
// root), which runs `go install` from this module into build/tools.
package tools

import (
	_ "github.com/bufbuild/buf/cmd/buf"
	_ "github.com/cosmos/gogoproto/protoc-gen-gocosmos"
	_ "github.com/grpc-ecosystem/grpc-gateway/protoc-gen-grpc-gateway"
	_ "github.com/grpc-ecosystem/grpc-gateway/protoc-gen-swagger"
)
