//go:build tools

// Package relayer pins the IBC relayer of the IBC network (`make
// ibc-localnet`): the Go relayer, github.com/cosmos/relayer/v2, built from
// this module with `make relayer`. It is a module of its own because the
// relayer is built on SDK v0.50 / ibc-go v8.
package relayer

import _ "github.com/cosmos/relayer/v2"
