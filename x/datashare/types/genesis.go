package types

// DefaultGenesis returns the genesis of a new chain: default params, no
// records, ids starting at 1 (0 means "none" in references).
func DefaultGenesis() *GenesisState {
	return &GenesisState{
		Params:          DefaultParams(),
		NextRequestId:   1,
		NextGrantId:     1,
		NextRuleId:      1,
		NextConsentId:   1,
		NextAccessLogId: 1,
	}
}

// Validate performs the stateless checks; the keeper's import replays every
// record through the module's rules (ValidateGenesis runs it on a scratch
// store with x/identity's genesis).
func (gs GenesisState) Validate() error {
	return gs.Params.Validate()
}
