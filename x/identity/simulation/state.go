package simulation

import (
	"context"
	"slices"

	"cosmossdk.io/collections"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/identity/keeper"
	"github.com/trustcity/trustcity/x/identity/types"
)

// The factories read the state through the keeper to find signers that are
// authorized: admins, overseers, members holding a role and DID controllers
// among the simulation accounts. They walk whole collections, in key order,
// which is fine for a simulation's state and keeps every choice
// deterministic: a list built in store order, then an index drawn from the
// simulation's random source.

// skip marks the operation skipped and returns no message.
func skip[T sdk.Msg](reporter simsx.SimulationReporter, format string, args ...any) ([]simsx.SimAccount, T) {
	reporter.Skipf(format, args...)
	var none T
	return nil, none
}

// simAccount returns the simulation account with the bech32 address, when
// the address is one.
func simAccount(testData *simsx.ChainDataSource, reporter simsx.SimulationReporter, addr string) (simsx.SimAccount, bool) {
	if !testData.HasAccount(addr) {
		return simsx.SimAccount{}, false
	}
	return testData.GetAccount(reporter, addr), true
}

// departments returns every department, in id order.
func departments(ctx context.Context, k keeper.Keeper) ([]types.Department, error) {
	var out []types.Department
	err := k.Departments.Walk(ctx, nil, func(_ string, d types.Department) (bool, error) {
		out = append(out, d)
		return false, nil
	})
	return out, err
}

// managed is a department with a simulation account that may act on it.
type managed struct {
	dept   types.Department
	signer simsx.SimAccount
}

// administered returns the active departments (their ancestors active too)
// whose admin is a simulation account, with that admin: the departments an
// admin may update, add children and members to, or hand over.
func administered(ctx context.Context, k keeper.Keeper, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]managed, error) {
	all, err := departments(ctx, k)
	if err != nil {
		return nil, err
	}
	var out []managed
	for _, d := range all {
		admin, ok := simAccount(testData, reporter, d.Admin)
		if !ok || k.CheckActive(ctx, d) != nil {
			continue
		}
		out = append(out, managed{dept: d, signer: admin})
	}
	return out, nil
}

// overseen returns the child departments whose parent's admin is a
// simulation account and whose parent is active, with that admin: the
// accounts that may change a child's roles or status.
func overseen(ctx context.Context, k keeper.Keeper, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]managed, error) {
	all, err := departments(ctx, k)
	if err != nil {
		return nil, err
	}
	var out []managed
	for _, d := range all {
		if d.ParentId == "" {
			continue
		}
		parent, err := k.GetDepartment(ctx, d.ParentId)
		if err != nil {
			return nil, err
		}
		admin, ok := simAccount(testData, reporter, parent.Admin)
		if !ok || k.CheckActive(ctx, parent) != nil {
			continue
		}
		out = append(out, managed{dept: d, signer: admin})
	}
	return out, nil
}

// isFree reports whether an account may become an admin or a member: it
// belongs to no department and is no device.
func isFree(ctx context.Context, k keeper.Keeper, addr sdk.AccAddress) bool {
	if has, err := k.Affiliations.Has(ctx, addr); err != nil || has {
		return false
	}
	has, err := k.Devices.Has(ctx, addr)
	return err == nil && !has
}

// freeAccount draws a simulation account that is free (see isFree), other
// than the excluded addresses.
func freeAccount(ctx context.Context, k keeper.Keeper, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter, exclude ...string) (simsx.SimAccount, bool) {
	var free []string
	for _, a := range testData.AllAccounts() {
		if isFree(ctx, k, a.Address) && !slices.Contains(exclude, a.AddressBech32) {
			free = append(free, a.AddressBech32)
		}
	}
	if len(free) == 0 {
		return simsx.SimAccount{}, false
	}
	return simAccount(testData, reporter, pick(testData.Rand().Rand, free))
}

// authorized is a simulation account that AuthorizeRole lets act for a
// department with some role.
type authorized struct {
	signer simsx.SimAccount
	deptID string
}

// holders returns the simulation accounts that AuthorizeRole accepts for
// role (an active department's admin, or a member given the role, the
// department holding it), each with the department it acts for, in address
// order.
func holders(ctx context.Context, k keeper.Keeper, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter, role types.Role) ([]authorized, error) {
	var out []authorized
	err := k.Affiliations.Walk(ctx, nil, func(addr sdk.AccAddress, _ types.Affiliation) (bool, error) {
		bech32, err := k.AddressCodec().BytesToString(addr)
		if err != nil {
			return true, err
		}
		acc, ok := simAccount(testData, reporter, bech32)
		if !ok {
			return false, nil
		}
		if deptID, err := k.AuthorizeRole(ctx, addr, role); err == nil {
			out = append(out, authorized{signer: acc, deptID: deptID})
		}
		return false, nil
	})
	return out, err
}

// membersOf returns a department's members, in address order.
func membersOf(ctx context.Context, k keeper.Keeper, deptID string) ([]types.Member, error) {
	var out []types.Member
	rng := collections.NewPrefixedPairRange[string, sdk.AccAddress](deptID)
	err := k.Members.Walk(ctx, rng, func(_ collections.Pair[string, sdk.AccAddress], m types.Member) (bool, error) {
		out = append(out, m)
		return false, nil
	})
	return out, err
}

// activeDids returns the DIDs that are not deactivated, in DID order.
func activeDids(ctx context.Context, k keeper.Keeper) ([]string, error) {
	var out []string
	err := k.Dids.Walk(ctx, nil, func(did string, s types.DidState) (bool, error) {
		if !s.Deactivated {
			out = append(out, did)
		}
		return false, nil
	})
	return out, err
}

// optionalDid returns, half of the time, an active DID for a department to
// name, and otherwise (or when there is none) no DID.
func optionalDid(ctx context.Context, k keeper.Keeper, testData *simsx.ChainDataSource) (string, error) {
	r := testData.Rand()
	if r.Intn(2) == 0 {
		return "", nil
	}
	dids, err := activeDids(ctx, k)
	if err != nil || len(dids) == 0 {
		return "", err
	}
	return pick(r.Rand, dids), nil
}
