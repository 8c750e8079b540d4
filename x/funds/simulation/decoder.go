package simulation

import (
	"cosmossdk.io/collections"

	"github.com/cosmos/cosmos-sdk/types/kv"
	simtypes "github.com/cosmos/cosmos-sdk/types/simulation"
)

// NewDecodeStore returns the store decoder of the funds module: it prints
// the two values of a key the simulation found different, decoded by the
// collection the key belongs to. Every key of the module's store (params,
// sequences, records and their indexes) is in a collection of the keeper's
// schema, so the decoder knows them all; a key outside every collection
// makes it panic.
func NewDecodeStore(schema collections.Schema) func(kvA, kvB kv.Pair) string {
	return simtypes.NewStoreDecoderFuncFromCollectionsSchema(schema)
}
