package types

// DefaultGenesis returns the genesis of a new chain: default params, no
// records, ids starting at 1 (0 means "none" in references).
func DefaultGenesis() *GenesisState {
	return &GenesisState{
		Params:             DefaultParams(),
		NextProgramId:      1,
		NextAllocationId:   1,
		NextDisbursementId: 1,
		NextMilestoneId:    1,
		NextLedgerId:       1,
	}
}

// Validate performs the stateless checks; the keeper's import replays every
// record through the module's rules and invariants (ValidateGenesis runs it
// on a scratch store with x/identity's and x/bank's genesis).
func (gs GenesisState) Validate() error {
	return gs.Params.Validate()
}
