package types

// DefaultGenesis returns the genesis of a new chain: default params, no records.
func DefaultGenesis() *GenesisState {
	// Ids start at 1: 0 means "none" in references.
	return &GenesisState{Params: DefaultParams(), NextEvidenceId: 1, NextBatchId: 1, NextVerificationId: 1}
}

// Validate performs the stateless checks; the keeper's import replays every
// record through the module's rules (ValidateGenesis runs it on a scratch store).
func (gs GenesisState) Validate() error {
	return gs.Params.Validate()
}
