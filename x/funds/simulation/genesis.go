package simulation

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"math/rand"

	"github.com/cosmos/cosmos-sdk/types/module"

	"github.com/trustcity/trustcity/x/funds/types"
)

// RandomizedGenState writes a random funds genesis to simState (see
// RandomGenesis).
//
// It draws from a source of its own, seeded from the simulation's accounts
// (themselves drawn from the simulation seed), not from simState.Rand: the
// simulation manager generates the modules' genesis in name order from that
// one source, so drawing from it here would change the genesis of every
// module after "funds" (identity, judicial, staking, ...) and the meaning of
// every seed tried before the module existed.
func RandomizedGenState(simState *module.SimulationState) {
	bz, err := simState.Cdc.MarshalJSON(RandomGenesis(rand.New(rand.NewSource(accountsSeed(simState)))))
	if err != nil {
		panic(fmt.Sprintf("funds: marshalling the random genesis: %v", err))
	}
	simState.GenState[types.ModuleName] = bz
}

// accountsSeed derives a seed from the simulation's account addresses.
func accountsSeed(simState *module.SimulationState) int64 {
	h := sha256.New()
	h.Write([]byte(types.ModuleName))
	for _, acc := range simState.Accounts {
		h.Write(acc.Address)
	}
	return int64(binary.BigEndian.Uint64(h.Sum(nil)) >> 1)
}

// RandomGenesis returns random params (RandomParams) and no records.
//
// Records cannot be generated here. Every program is held by a department
// that must exist in x/identity, and the simulation manager generates the
// modules' genesis in name order, "funds" before "identity", so no
// department is known yet; and the module's escrow must hold exactly what
// the programs hold, which is bank's genesis, generated before this one.
// The message factories build programs, trees, payments and milestones from
// the first block.
func RandomGenesis(r *rand.Rand) *types.GenesisState {
	gs := types.DefaultGenesis()
	gs.Params = RandomParams(r)
	return gs
}
