// Package cliutil holds the helpers every TrustCity module's autocli
// description uses.
package cliutil

import autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

// Bin is the node binary's name, used in command examples.
const Bin = "trustcityd"

// Pos lists proto fields as positional arguments, in order.
func Pos(fields ...string) []*autocliv1.PositionalArgDescriptor {
	out := make([]*autocliv1.PositionalArgDescriptor, len(fields))
	for i, f := range fields {
		out[i] = &autocliv1.PositionalArgDescriptor{ProtoField: f}
	}
	return out
}
