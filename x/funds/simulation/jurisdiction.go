package simulation

import (
	"context"

	"github.com/trustcity/trustcity/x/funds/types"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
	"github.com/trustcity/trustcity/x/internal/simactors"
)

// departments returns every department of x/identity, in id order; none
// with another identity keeper (see the comment at the top of state.go).
func departments(ctx context.Context, identity types.IdentityKeeper) ([]identitytypes.Department, error) {
	ik, ok := simactors.IdentityKeeper(identity)
	if !ok {
		return nil, nil
	}
	var out []identitytypes.Department
	err := ik.Departments.Walk(ctx, nil, func(_ string, d identitytypes.Department) (bool, error) {
		out = append(out, d)
		return false, nil
	})
	return out, err
}

// inJurisdiction returns the departments of all an allocation held by
// holder may pass funds to, by the rules the Allocate handler applies:
// active (their ancestors too), holding at least one role, and strictly
// below holder in the identity tree (children, grandchildren, ...).
func inJurisdiction(ctx context.Context, identity types.IdentityKeeper, all []identitytypes.Department, holder string) []string {
	h, err := identity.GetDepartment(ctx, holder)
	if err != nil {
		return nil
	}
	var out []string
	for _, d := range all {
		if d.Depth <= h.Depth || len(d.Roles) == 0 || identity.CheckActive(ctx, d) != nil {
			continue
		}
		cur, found := d, true
		for found && cur.Depth > h.Depth+1 {
			cur, err = identity.GetDepartment(ctx, cur.ParentId)
			found = err == nil
		}
		if found && cur.ParentId == holder {
			out = append(out, d.Id)
		}
	}
	return out
}
