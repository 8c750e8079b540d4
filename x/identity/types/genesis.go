package types

// DefaultGenesis returns the genesis of a new chain: default params, no state.
func DefaultGenesis() *GenesisState {
	return &GenesisState{Params: DefaultParams()}
}

// Validate performs the stateless checks of a genesis; the keeper's
// InitGenesis replays every record through the same rules the messages
// follow and reports the first that breaks one.
func (gs GenesisState) Validate() error {
	return gs.Params.Validate()
}
