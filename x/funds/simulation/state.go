package simulation

import (
	"math/rand"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	sdk "github.com/cosmos/cosmos-sdk/types"

	judicialkeeper "github.com/trustcity/trustcity/x/evidence/keeper"
	"github.com/trustcity/trustcity/x/funds/types"
)

// The factories find their signers by asking x/identity, through the
// methods of types.IdentityKeeper the message handlers call, which
// simulation accounts may act and for which department: AuthorizeRole for a
// FUND_MANAGER or FUND_SUPERVISOR, AuthorizeMember for a member of the
// department holding an allocation or approving a disbursement. They read
// the funds state through the keeper's collections (whole collections, in
// key order: fine for a simulation's state; every choice is deterministic: a
// list built in store and account order, then an index drawn from the
// simulation's random source).
//
// types.IdentityKeeper cannot list departments, DIDs or credentials, and
// types.JudicialKeeper cannot list evidence records. When the keepers are
// x/identity's and x/evidence's (the app's are), the factories read their
// collections for departments below a holder, the DIDs simulation accounts
// control, the credentials about those DIDs and the evidence records in
// force, and still confirm each with the methods the handlers call; with
// any other keepers they find none, and the factories that need them skip.

// skip marks the operation skipped and returns no message.
func skip[T sdk.Msg](reporter simsx.SimulationReporter, format string, args ...any) ([]simsx.SimAccount, T) {
	reporter.Skipf(format, args...)
	var none T
	return nil, none
}

// without returns the accounts of list other than the one with address addr.
func without(list []simsx.SimAccount, addr string) []simsx.SimAccount {
	var out []simsx.SimAccount
	for _, a := range list {
		if a.AddressBech32 != addr {
			out = append(out, a)
		}
	}
	return out
}

// otherAccount returns the address of a random simulation account other
// than addr (addr itself when it is the only one).
func otherAccount(r *rand.Rand, testData *simsx.ChainDataSource, addr string) string {
	all := testData.AllAccounts()
	i := r.Intn(len(all))
	if all[i].AddressBech32 == addr && len(all) > 1 {
		i = (i + 1 + r.Intn(len(all)-1)) % len(all)
	}
	return all[i].AddressBech32
}

// judicialKeeper returns x/evidence's keeper when judicial is one.
func judicialKeeper(judicial types.JudicialKeeper) (judicialkeeper.Keeper, bool) {
	switch k := judicial.(type) {
	case judicialkeeper.Keeper:
		return k, true
	case *judicialkeeper.Keeper:
		return *k, k != nil
	default:
		return judicialkeeper.Keeper{}, false
	}
}
