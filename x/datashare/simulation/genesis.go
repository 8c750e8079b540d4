package simulation

import (
	"crypto/sha256"
	"fmt"
	"math/rand"
	"slices"
	"time"

	"github.com/cosmos/cosmos-sdk/types/module"
	simtypes "github.com/cosmos/cosmos-sdk/types/simulation"

	"github.com/trustcity/trustcity/x/datashare/types"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
	"github.com/trustcity/trustcity/x/internal/simactors"
)

// RandomizedGenState writes a random datashare genesis to simState (see
// RandomGenesis).
//
// In the TrustCity app it holds params and standards only. Datasets,
// requests, grants and subscriptions name departments (and DIDs) that must
// exist in x/identity when the genesis is imported, and the simulation
// manager generates the modules' genesis in name order, so "datashare" is
// generated before "identity" and cannot know its departments. Standards
// need only a department name, so the genesis invents one or two
// STANDARDS_BODY department names for them (no simulation account acts for
// those departments, so their standards are never deprecated). The message
// factories build the rest of the state from the first block. When the
// identity genesis is there already (another app, or a test), the genesis
// holds those records too.
func RandomizedGenState(simState *module.SimulationState) {
	var identity *identitytypes.GenesisState
	if bz, ok := simState.GenState[identitytypes.ModuleName]; ok {
		identity = &identitytypes.GenesisState{}
		if err := simState.Cdc.UnmarshalJSON(bz, identity); err != nil {
			panic(fmt.Sprintf("datashare: reading the identity genesis: %v", err))
		}
	}
	gs := RandomGenesis(simState.Rand, simState.Accounts, simState.GenTimestamp, identity)
	bz, err := simState.Cdc.MarshalJSON(gs)
	if err != nil {
		panic(fmt.Sprintf("datashare: marshalling the random genesis: %v", err))
	}
	simState.GenState[types.ModuleName] = bz
}

// genesisDept is a department of the genesis with an account acting for it.
type genesisDept struct {
	id, addr string
}

// RandomGenesis returns a genesis that InitGenesis accepts, by construction:
// random params and up to three standards of the simulation's schemas (one
// in five deprecated). With identity, the x/identity genesis, not nil, it
// also holds, by the departments there: up to five datasets of
// DATA_PROVIDER departments (public, internal, or personal data about a
// genesis DID) with up to three versions each, their summaries conforming
// to the dataset's standard; up to two auto-approval rules per public or
// internal dataset; up to six requests by other departments or by the data
// subject (pending, rejected, or approved with a grant in force, at most
// one per grantee and dataset); and subscriptions of departments to public
// data. Ids are dense from 1, as the chain hands them out. Without
// identity, standards name invented departments.
func RandomGenesis(r *rand.Rand, accs []simtypes.Account, genesisTime time.Time, identity *identitytypes.GenesisState) *types.GenesisState {
	gs := types.DefaultGenesis()
	gs.Params = RandomParams(r)
	if len(accs) == 0 {
		return gs
	}

	bodies := rolesIn(identity, identitytypes.Role_ROLE_STANDARDS_BODY)
	if len(bodies) == 0 {
		for range 1 + r.Intn(2) {
			bodies = append(bodies, genesisDept{id: "d-" + randSlug(r, 8), addr: simactors.Pick(r, accs).AddressBech32})
		}
	}
	for range r.Intn(4) {
		by := simactors.Pick(r, bodies)
		s := types.Standard{
			Id: randStandardID(r), Version: randStandardVersion(r), DepartmentId: by.id, Title: randTitle(r, "Standard"),
			Schema: simactors.Pick(r, simSchemas).doc, Status: types.StandardStatus_STANDARD_STATUS_ACTIVE,
			RegisteredBy: by.addr, RegisteredAt: genesisTime,
		}
		if slices.ContainsFunc(gs.Standards, func(o types.Standard) bool { return o.Id == s.Id && o.Version == s.Version }) {
			continue
		}
		sum := sha256.Sum256([]byte(s.Schema))
		s.SchemaHash, s.Complexity = sum[:], schemaComplexity(s.Schema)
		if r.Intn(5) == 0 {
			s.Status, s.DeprecationReason = types.StandardStatus_STANDARD_STATUS_DEPRECATED, simactors.Pick(r, reasons)
		}
		gs.Standards = append(gs.Standards, s)
	}

	providers := rolesIn(identity, identitytypes.Role_ROLE_DATA_PROVIDER)
	if len(providers) == 0 {
		return gs
	}
	departments := rolesIn(identity, identitytypes.Role_ROLE_UNSPECIFIED)
	var dids []identitytypes.GenesisDid
	for _, d := range identity.Dids {
		if !d.State.Deactivated {
			dids = append(dids, d)
		}
	}
	var active []types.Standard
	for _, s := range gs.Standards {
		if s.Status == types.StandardStatus_STANDARD_STATUS_ACTIVE {
			active = append(active, s)
		}
	}

	owner := map[string]genesisDept{} // dataset id → owning department
	for range r.Intn(6) {
		by := simactors.Pick(r, providers)
		d := types.Dataset{
			Id: randDatasetID(r), Owner: by.id, Title: randTitle(r, "Dataset"), Description: randDescription(r),
			Category: randCategory(r), Sensitivity: types.Sensitivity_SENSITIVITY_PUBLIC,
			CreatedBy: by.addr, CreatedAt: genesisTime,
		}
		if _, taken := owner[d.Id]; taken {
			continue
		}
		d.Locator = randLocator(r, d.Id)
		switch {
		case len(dids) > 0 && r.Intn(5) == 0:
			d.Sensitivity, d.Subject = types.Sensitivity_SENSITIVITY_PERSONAL, simactors.Pick(r, dids).State.Id
		case r.Intn(2) == 0:
			d.Sensitivity = types.Sensitivity_SENSITIVITY_INTERNAL
		}
		personal := d.Sensitivity == types.Sensitivity_SENSITIVITY_PERSONAL
		d.Encryption = randEncryption(r, personal)
		var doc string
		if !personal && len(active) > 0 && r.Intn(2) == 0 {
			s := simactors.Pick(r, active)
			d.Standard, doc = types.StandardRef{Id: s.Id, Version: s.Version}, s.Schema
		}
		d.LatestVersion = uint64(r.Intn(4))
		for v := uint64(1); v <= d.LatestVersion; v++ {
			version := types.DatasetVersion{
				DatasetId: d.Id, Version: v, ContentHash: randBytes(r, types.ContentHashSize), Size_: uint64(r.Int63n(1 << 30)),
				Locator: randLocator(r, d.Id), ParentVersion: uint64(r.Intn(int(v))),
				Publisher: by.addr, PublisherKind: types.PublisherKind_PUBLISHER_KIND_MEMBER, PublishedAt: genesisTime,
			}
			switch {
			case personal:
			case doc != "":
				version.Summary, _ = schemaRecord(r, doc)
			case r.Intn(2) == 0:
				version.Summary = freeRecord(r)
			}
			gs.Versions = append(gs.Versions, version)
		}
		gs.Datasets = append(gs.Datasets, d)
		owner[d.Id] = by
	}
	if len(gs.Datasets) == 0 {
		return gs
	}

	for i := range gs.Datasets {
		d := &gs.Datasets[i]
		if d.Sensitivity == types.Sensitivity_SENSITIVITY_PERSONAL {
			continue
		}
		for range r.Intn(3) {
			rule := types.AutoApprovalRule{
				DatasetId: d.Id, Id: uint64(len(gs.Rules) + 1), MaxDuration: randDuration(r, simMaxGrantDuration),
				CreatedBy: owner[d.Id].addr,
			}
			if r.Intn(2) == 0 || len(departments) == 0 {
				rule.Role = randRole(r)
			}
			for range r.Intn(3) {
				if len(departments) == 0 {
					break
				}
				if dept := simactors.Pick(r, departments).id; !slices.Contains(rule.Departments, dept) {
					rule.Departments = append(rule.Departments, dept)
				}
			}
			if rule.Role == identitytypes.Role_ROLE_UNSPECIFIED && len(rule.Departments) == 0 {
				rule.Role = randRole(r)
			}
			slices.Sort(rule.Departments)
			gs.Rules = append(gs.Rules, rule)
			d.RuleIds = append(d.RuleIds, rule.Id)
		}
	}

	granted := map[[2]string]bool{} // (dataset, grantee) pairs holding a grant
	for range r.Intn(7) {
		d := simactors.Pick(r, gs.Datasets)
		req := types.AccessRequest{
			Id: uint64(len(gs.Requests) + 1), DatasetId: d.Id, Purpose: simactors.Pick(r, purposes),
			Duration: randDuration(r, simMaxGrantDuration), Status: types.RequestStatus_REQUEST_STATUS_PENDING,
			RequestedAt: genesisTime,
		}
		if d.Subject != "" && r.Intn(2) == 0 {
			req.Grantee = d.Subject
			for _, did := range dids {
				if did.State.Id == d.Subject {
					req.Requester = did.Versions[len(did.Versions)-1].Document.Controllers[0]
				}
			}
		} else {
			others := slices.DeleteFunc(slices.Clone(departments), func(g genesisDept) bool { return g.id == d.Owner })
			if len(others) == 0 {
				continue
			}
			by := simactors.Pick(r, others)
			req.Grantee, req.Requester = by.id, by.addr
		}
		decider := owner[d.Id].addr
		switch r.Intn(3) {
		case 1:
			req.Status, req.DecidedBy, req.Reason = types.RequestStatus_REQUEST_STATUS_REJECTED, decider, simactors.Pick(r, reasons)
		case 2:
			pair := [2]string{d.Id, req.Grantee}
			if granted[pair] {
				req.Status, req.DecidedBy = types.RequestStatus_REQUEST_STATUS_REJECTED, decider
				break
			}
			granted[pair] = true
			g := types.Grant{
				Id: uint64(len(gs.Grants) + 1), DatasetId: d.Id, Grantee: req.Grantee, RequestId: req.Id, Purpose: req.Purpose,
				GrantedAt: genesisTime, ExpiresAt: genesisTime.Add(req.Duration), Status: types.GrantStatus_GRANT_STATUS_ACTIVE,
				ApprovedBy: decider,
			}
			req.Status, req.DecidedBy, req.GrantId = types.RequestStatus_REQUEST_STATUS_APPROVED, decider, g.Id
			gs.Grants = append(gs.Grants, g)
		}
		gs.Requests = append(gs.Requests, req)
	}

	for _, d := range gs.Datasets {
		if d.Sensitivity != types.Sensitivity_SENSITIVITY_PUBLIC || len(departments) == 0 {
			continue
		}
		followers := map[string]bool{}
		for range r.Intn(3) {
			by := simactors.Pick(r, departments)
			if followers[by.id] {
				continue
			}
			followers[by.id] = true
			gs.Subscriptions = append(gs.Subscriptions, types.Subscription{
				DatasetId: d.Id, Subscriber: by.id, CreatedBy: by.addr, CreatedAt: genesisTime,
			})
		}
	}
	gs.NextRequestId = uint64(len(gs.Requests) + 1)
	gs.NextRuleId = uint64(len(gs.Rules) + 1)
	gs.NextGrantId = uint64(len(gs.Grants) + 1)
	return gs
}

// rolesIn returns the departments of an x/identity genesis holding role
// (every department for ROLE_UNSPECIFIED), each with its admin, in genesis
// order.
func rolesIn(identity *identitytypes.GenesisState, role identitytypes.Role) []genesisDept {
	if identity == nil {
		return nil
	}
	var out []genesisDept
	for _, d := range identity.Departments {
		if role == identitytypes.Role_ROLE_UNSPECIFIED || identitytypes.HasRole(d.Roles, role) {
			out = append(out, genesisDept{id: d.Id, addr: d.Admin})
		}
	}
	return out
}
