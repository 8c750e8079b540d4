// Package e2e holds end-to-end tests that drive the real trustcityd binary as
// child processes: a single-validator chain (bank transfers over CLI, REST and
// gRPC, amino-json signing, restart), a four-validator network created by
// `trustcityd testnet` (liveness with one validator down, catch-up), and bad
// input at start-up and in the CLI.
//
// The tests run with a plain `go test ./tests/e2e/...`. TestMain builds the
// binary once unless TRUSTCITYD_BIN names an already-built one. With -short
// they are skipped, because they start real nodes.
package e2e
