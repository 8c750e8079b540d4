// Package simactors finds the simulation accounts x/identity lets act for a
// department, so each module's message factories pick signers with the same
// checks its handlers make.
package simactors

import (
	"context"
	"math/rand"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	sdk "github.com/cosmos/cosmos-sdk/types"

	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

// Authorizer is the part of x/identity's keeper the lookups ask.
type Authorizer interface {
	AuthorizeRole(ctx context.Context, signer sdk.AccAddress, role identitytypes.Role) (string, error)
	AuthorizeMember(ctx context.Context, signer sdk.AccAddress) (string, error)
}

// Actor is a simulation account and the department it acts for.
type Actor struct {
	Signer simsx.SimAccount
	Dept   string
}

// Members returns the simulation accounts AuthorizeMember accepts (the admin
// or a member of an active department), each with its department, in the
// simulation's account order.
func Members(ctx context.Context, identity Authorizer, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) []Actor {
	return collect(testData, reporter, func(addr sdk.AccAddress) (string, error) { return identity.AuthorizeMember(ctx, addr) })
}

// Holders returns the simulation accounts AuthorizeRole accepts for role,
// each with the department it acts for, in the simulation's account order.
func Holders(ctx context.Context, identity Authorizer, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter, role identitytypes.Role) []Actor {
	return collect(testData, reporter, func(addr sdk.AccAddress) (string, error) { return identity.AuthorizeRole(ctx, addr, role) })
}

func collect(testData *simsx.ChainDataSource, reporter simsx.SimulationReporter, authorize func(sdk.AccAddress) (string, error)) []Actor {
	var out []Actor
	for _, acc := range testData.AllAccounts() {
		if dept, err := authorize(acc.Address); err == nil {
			out = append(out, Actor{Signer: testData.GetAccount(reporter, acc.AddressBech32), Dept: dept})
		}
	}
	return out
}

// ByDept groups actors by department: the departments in first-seen order,
// and each one's accounts.
type ByDept struct {
	Depts   []string
	Signers map[string][]simsx.SimAccount
}

// GroupByDept groups actors by the department they act for.
func GroupByDept(actors []Actor) ByDept {
	g := ByDept{Signers: map[string][]simsx.SimAccount{}}
	for _, a := range actors {
		if len(g.Signers[a.Dept]) == 0 {
			g.Depts = append(g.Depts, a.Dept)
		}
		g.Signers[a.Dept] = append(g.Signers[a.Dept], a.Signer)
	}
	return g
}

// Pick returns a random element of a non-empty list.
func Pick[T any](r *rand.Rand, items []T) T {
	return items[r.Intn(len(items))]
}
