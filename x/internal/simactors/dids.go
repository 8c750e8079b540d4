package simactors

import (
	"context"

	"cosmossdk.io/collections"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	sdk "github.com/cosmos/cosmos-sdk/types"

	identitykeeper "github.com/trustcity/trustcity/x/identity/keeper"
)

// IdentityKeeper returns x/identity's keeper when identity (a module's
// expected identity keeper) is one, by value or by pointer: the simulations
// read its indexes, which the expected-keeper interfaces do not offer.
func IdentityKeeper(identity any) (identitykeeper.Keeper, bool) {
	switch k := identity.(type) {
	case identitykeeper.Keeper:
		return k, true
	case *identitykeeper.Keeper:
		return *k, k != nil
	default:
		return identitykeeper.Keeper{}, false
	}
}

// ControlledDids maps each active DID simulation accounts control (as
// AuthorizeController confirms) to those accounts, in address order. It
// reads x/identity's controller index, so with another identity keeper it
// finds none.
func ControlledDids(ctx context.Context, identity any, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) (map[string][]simsx.SimAccount, error) {
	ik, ok := IdentityKeeper(identity)
	if !ok {
		return nil, nil
	}
	out := map[string][]simsx.SimAccount{}
	err := ik.DidsByController.Walk(ctx, nil, func(key collections.Pair[sdk.AccAddress, string]) (bool, error) {
		addr, err := testData.AddressCodec().BytesToString(key.K1())
		if err != nil {
			return true, err
		}
		if !testData.HasAccount(addr) {
			return false, nil
		}
		did, err := ik.AuthorizeController(ctx, key.K1(), key.K2())
		if err != nil {
			return false, nil //nolint:nilerr // not controlled (any more), or deactivated
		}
		out[did] = append(out[did], testData.GetAccount(reporter, addr))
		return false, nil
	})
	return out, err
}
