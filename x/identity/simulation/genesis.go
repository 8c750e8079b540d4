package simulation

import (
	"fmt"
	"math/rand"
	"time"

	"github.com/cosmos/cosmos-sdk/types/module"
	simtypes "github.com/cosmos/cosmos-sdk/types/simulation"

	"github.com/trustcity/trustcity/x/identity/types"
)

// RandomizedGenState writes a random x/identity genesis to simState: random
// params, and a forest of departments administered by simulation accounts.
// Top-level departments can only be registered by the module authority (the
// gov module), so the genesis is where the simulation gets them; the
// message factories grow the trees below them.
func RandomizedGenState(simState *module.SimulationState) {
	gs := RandomGenesis(simState.Rand, simState.Accounts, simState.GenTimestamp)
	bz, err := simState.Cdc.MarshalJSON(gs)
	if err != nil {
		panic(fmt.Sprintf("identity: marshalling the random genesis: %v", err))
	}
	simState.GenState[types.ModuleName] = bz
}

// RandomGenesis returns a genesis that InitGenesis accepts, by construction:
//   - one to three top-level departments, each with zero to two children and
//     sometimes a grandchild, listed parents first; a child's roles and
//     credential types are a random subset of its parent's, all sorted;
//   - up to three members per department with a subset of its roles;
//   - every admin and member a distinct account, so none belongs to two
//     departments; at least half of the accounts stay free, for the message
//     factories to make admins, members and DID controllers of;
//   - a few DIDs controlled by accounts, with one version each.
//
// Top-level departments hold CREDENTIAL_ISSUER and DEVICE_REGISTRAR so that
// credentials and devices can be simulated from the first block; a few
// children start suspended.
func RandomGenesis(r *rand.Rand, accs []simtypes.Account, genesisTime time.Time) *types.GenesisState {
	gs := &types.GenesisState{Params: RandomParams(r)}
	order := r.Perm(len(accs))
	budget := len(accs) / 2 // accounts the genesis may affiliate
	next := func() (string, bool) {
		if budget == 0 || len(order) == 0 {
			return "", false
		}
		budget--
		a := accs[order[0]].AddressBech32
		order = order[1:]
		return a, true
	}

	ids := map[string]bool{}
	newDepartment := func(parent *types.Department) *types.Department {
		admin, ok := next()
		if !ok {
			return nil
		}
		id := randDepartmentID(r)
		for ids[id] {
			id = randDepartmentID(r)
		}
		ids[id] = true
		d := types.Department{
			Id:        id,
			Name:      randName(r),
			Admin:     admin,
			Status:    types.DepartmentStatus_DEPARTMENT_STATUS_ACTIVE,
			Metadata:  randMetadata(r),
			Depth:     1,
			CreatedAt: genesisTime,
		}
		if parent == nil {
			d.Roles = union(subset(r, allRoles(), 0.6), []types.Role{types.Role_ROLE_CREDENTIAL_ISSUER, types.Role_ROLE_DEVICE_REGISTRAR})
			d.CredentialTypes = union(subset(r, credentialTypePool, 0.5), []string{pick(r, credentialTypePool)})
		} else {
			d.ParentId, d.Depth = parent.Id, parent.Depth+1
			d.Roles = subset(r, parent.Roles, 0.7)
			d.CredentialTypes = subset(r, parent.CredentialTypes, 0.7)
			if r.Intn(8) == 0 {
				d.Status = types.DepartmentStatus_DEPARTMENT_STATUS_SUSPENDED
			}
		}
		gs.Departments = append(gs.Departments, d)
		for range r.Intn(4) {
			member, ok := next()
			if !ok {
				break
			}
			gs.Members = append(gs.Members, types.Member{DepartmentId: d.Id, Address: member, Roles: subset(r, d.Roles, 0.5)})
		}
		return &d
	}

	for range 1 + r.Intn(3) {
		top := newDepartment(nil)
		if top == nil {
			break
		}
		for range r.Intn(3) {
			child := newDepartment(top)
			if child != nil && r.Intn(3) == 0 {
				newDepartment(child)
			}
		}
	}
	for range min(r.Intn(4), len(accs)) {
		controller := pick(r, accs).AddressBech32
		doc := randDocument(r)
		doc.Id = types.DIDPrefix + randUUID(r)
		doc.Controllers = []string{controller}
		gs.Dids = append(gs.Dids, types.GenesisDid{
			State:    types.DidState{Id: doc.Id, Version: 1, Created: genesisTime, Updated: genesisTime},
			Versions: []types.DidVersion{{Document: doc, Version: 1, Updated: genesisTime}},
		})
	}
	return gs
}
