package simulation

import (
	"cosmossdk.io/collections"

	"github.com/cosmos/cosmos-sdk/types/kv"
	simtypes "github.com/cosmos/cosmos-sdk/types/simulation"
)

// NewDecodeStore returns the store decoder of the datashare module: it
// prints the two values of a key the simulation found different, decoded by
// the collection the key belongs to. Every key of the module's store
// (params, records, indexes, pointers, sequences and the expiry queue) is in
// a collection of the keeper's schema, so the decoder knows them all; a key
// outside every collection makes it panic.
func NewDecodeStore(schema collections.Schema) func(kvA, kvB kv.Pair) string {
	return simtypes.NewStoreDecoderFuncFromCollectionsSchema(schema)
}
