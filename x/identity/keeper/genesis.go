package keeper

import (
	"bytes"
	"context"
	"fmt"
	"slices"

	"cosmossdk.io/collections"

	"github.com/trustcity/trustcity/x/identity/types"
	"github.com/trustcity/trustcity/x/internal/collutil"
)

// InitGenesis imports the whole state. Every record goes through the rules
// the messages enforce (ids, sizes, the subset rules, one department per
// account, key/address match), and the indexes, holder counts and status
// bits are rebuilt from the records; the first violation is returned.
func (k Keeper) InitGenesis(ctx context.Context, gs *types.GenesisState) error {
	p := gs.Params
	if err := p.Validate(); err != nil {
		return err
	}
	if err := k.Params.Set(ctx, p); err != nil {
		return err
	}
	// Records are checked against the hard caps, not the current params,
	// which may have been lowered after they were written.
	p = types.CapParams()
	if err := k.importDids(ctx, gs, p); err != nil {
		return err
	}
	if err := k.importDepartments(ctx, gs.Departments, p); err != nil {
		return err
	}
	if err := k.importMembers(ctx, gs.Members); err != nil {
		return err
	}
	if err := k.importCredentials(ctx, gs, p); err != nil {
		return err
	}
	return k.importDevices(ctx, gs.Devices, p)
}

func (k Keeper) importDids(ctx context.Context, gs *types.GenesisState, p types.Params) error {
	for _, g := range gs.Dids {
		did, err := types.NormalizeDID(g.State.Id)
		if err != nil {
			return err
		}
		if did != g.State.Id {
			return types.ErrInvalidDid.Wrapf("genesis DID %q must be written in full (%s)", g.State.Id, did)
		}
		if has, err := k.Dids.Has(ctx, did); err != nil {
			return err
		} else if has {
			return types.ErrDidExists.Wrapf("genesis lists %s twice", did)
		}
		if g.State.Version == 0 || uint64(len(g.Versions)) != g.State.Version {
			return types.ErrInvalidDid.Wrapf("%s: state says version %d, genesis holds %d versions", did, g.State.Version, len(g.Versions))
		}
		for i, v := range g.Versions {
			if v.Version != uint64(i+1) || v.Document.Id != did {
				return types.ErrInvalidDid.Wrapf("%s: version %d is out of order or belongs to %s", did, v.Version, v.Document.Id)
			}
			if v.Deactivated != (g.State.Deactivated && i == len(g.Versions)-1) {
				return types.ErrInvalidDid.Wrapf("%s: only the last version of a deactivated DID is marked deactivated", did)
			}
			if _, err := types.ValidateDocument(v.Document, p); err != nil {
				return types.ErrInvalidDid.Wrapf("%s version %d: %s", did, v.Version, err)
			}
			if _, err := k.controllerAddresses(v.Document.Controllers); err != nil {
				return err
			}
			for _, c := range v.Document.Controllers {
				if err := k.requireCanonical("controller", c); err != nil {
					return err
				}
			}
			if err := k.DidVersions.Set(ctx, collections.Join(did, v.Version), v); err != nil {
				return err
			}
		}
		if err := k.Dids.Set(ctx, did, g.State); err != nil {
			return err
		}
		addrs, err := k.controllerAddresses(g.Versions[len(g.Versions)-1].Document.Controllers)
		if err != nil {
			return err
		}
		if err := k.setControllerIndex(ctx, did, nil, addrs); err != nil {
			return err
		}
	}
	return k.DidSequence.Set(ctx, gs.DidSequence)
}

func (k Keeper) importDepartments(ctx context.Context, departments []types.Department, p types.Params) error {
	for _, d := range departments {
		if err := types.ValidateDepartmentID(d.Id, p.MaxIdLength); err != nil {
			return err
		}
		if err := types.ValidateName("name", d.Name, p.MaxNameLength); err != nil {
			return fmt.Errorf("department %q: %w", d.Id, err)
		}
		if err := types.ValidateText("metadata", d.Metadata, p.MaxMetadataBytes); err != nil {
			return fmt.Errorf("department %q: %w", d.Id, err)
		}
		if has, err := k.Departments.Has(ctx, d.Id); err != nil {
			return err
		} else if has {
			return types.ErrDepartmentExists.Wrapf("genesis lists department %q twice", d.Id)
		}
		var parent *types.Department
		depth := uint32(1)
		if d.ParentId != "" {
			pd, err := k.GetDepartment(ctx, d.ParentId)
			if err != nil {
				return types.ErrInvalidDepartment.Wrapf("department %q: parent %q must be listed before it", d.Id, d.ParentId)
			}
			parent, depth = &pd, pd.Depth+1
		}
		if d.Depth != depth {
			return types.ErrInvalidDepartment.Wrapf("department %q: depth %d, expected %d", d.Id, d.Depth, depth)
		}
		roles, credTypes, err := k.validateRolesAndTypes(ctx, p, parent, d.Roles, d.CredentialTypes)
		if err != nil {
			return fmt.Errorf("department %q: %w", d.Id, err)
		}
		if !slices.Equal(roles, d.Roles) || !slices.Equal(credTypes, d.CredentialTypes) {
			return types.ErrInvalidDepartment.Wrapf("department %q: roles and credential types must be sorted without duplicates", d.Id)
		}
		if d.Status != types.DepartmentStatus_DEPARTMENT_STATUS_ACTIVE && d.Status != types.DepartmentStatus_DEPARTMENT_STATUS_SUSPENDED {
			return types.ErrInvalidDepartment.Wrapf("department %q: status %s", d.Id, d.Status)
		}
		if err := k.requireGenesisDepartmentDid(ctx, d); err != nil {
			return err
		}
		if err := k.requireCanonical("admin", d.Admin); err != nil {
			return fmt.Errorf("department %q: %w", d.Id, err)
		}
		admin, err := k.decodeAddress("admin", d.Admin)
		if err != nil {
			return fmt.Errorf("department %q: %w", d.Id, err)
		}
		if err := k.requireFree(ctx, admin, d.Admin); err != nil {
			return err
		}
		if err := k.addDepartment(ctx, d, admin); err != nil {
			return err
		}
	}
	return nil
}

// requireGenesisDepartmentDid checks a department's DID on import: written
// in full and existing. Unlike a message, an import accepts a deactivated
// DID: it may have been deactivated after the department named it.
func (k Keeper) requireGenesisDepartmentDid(ctx context.Context, d types.Department) error {
	if d.Did == "" {
		return nil
	}
	did, err := types.NormalizeDID(d.Did)
	if err != nil {
		return fmt.Errorf("department %q: %w", d.Id, err)
	}
	if did != d.Did {
		return types.ErrInvalidDepartment.Wrapf("department %q: DID must be written in full (%s)", d.Id, did)
	}
	if _, err := k.getDidState(ctx, did); err != nil {
		return fmt.Errorf("department %q: %w", d.Id, err)
	}
	return nil
}

func (k Keeper) importMembers(ctx context.Context, members []types.Member) error {
	for _, m := range members {
		d, err := k.GetDepartment(ctx, m.DepartmentId)
		if err != nil {
			return err
		}
		if err := k.requireCanonical("member", m.Address); err != nil {
			return err
		}
		addr, err := k.decodeAddress("member", m.Address)
		if err != nil {
			return err
		}
		roles, err := types.NormalizeRoles(m.Roles)
		if err != nil {
			return err
		}
		if !slices.Equal(roles, m.Roles) {
			return types.ErrInvalidRequest.Wrapf("member %s: roles must be sorted without duplicates", m.Address)
		}
		if missing := types.Missing(roles, d.Roles); len(missing) > 0 {
			return types.ErrRoleNotSubset.Wrapf("member %s: department %q does not hold %s", m.Address, d.Id, types.RoleNames(missing))
		}
		if err := k.requireFree(ctx, addr, m.Address); err != nil {
			return err
		}
		if err := k.adjustRoleHolders(ctx, d.Id, roles, 1); err != nil {
			return err
		}
		if err := k.Affiliations.Set(ctx, addr, types.Affiliation{DepartmentId: d.Id}); err != nil {
			return err
		}
		if err := k.Members.Set(ctx, collections.Join(d.Id, addr), m); err != nil {
			return err
		}
	}
	return nil
}

func (k Keeper) importCredentials(ctx context.Context, gs *types.GenesisState, p types.Params) error {
	for _, c := range gs.StatusListCounters {
		if _, err := k.GetDepartment(ctx, c.DepartmentId); err != nil {
			return err
		}
		if has, err := k.StatusListNext.Has(ctx, c.DepartmentId); err != nil {
			return err
		} else if has {
			return types.ErrInvalidCredential.Wrapf("genesis lists the status-list counter of %q twice", c.DepartmentId)
		}
		if err := k.StatusListNext.Set(ctx, c.DepartmentId, c.NextIndex); err != nil {
			return err
		}
	}
	used := make(map[string]map[uint64]bool)
	for _, c := range gs.Credentials {
		if err := validateGenesisCredential(c, p); err != nil {
			return err
		}
		if _, err := k.GetDepartment(ctx, c.IssuerDepartment); err != nil {
			return err
		}
		if err := k.requireCanonical("issuer", c.Issuer); err != nil {
			return err
		}
		if has, err := k.Credentials.Has(ctx, c.Id); err != nil {
			return err
		} else if has {
			return types.ErrCredentialExists.Wrapf("genesis lists credential %q twice", c.Id)
		}
		next, err := k.StatusListNext.Get(ctx, c.IssuerDepartment)
		if err != nil && !isNotFound(err) {
			return err
		}
		if c.StatusListIndex >= next {
			return types.ErrInvalidCredential.Wrapf("credential %q: status-list index %d is not below department %q's counter %d", c.Id, c.StatusListIndex, c.IssuerDepartment, next)
		}
		if used[c.IssuerDepartment] == nil {
			used[c.IssuerDepartment] = make(map[uint64]bool)
		}
		if used[c.IssuerDepartment][c.StatusListIndex] {
			return types.ErrInvalidCredential.Wrapf("credential %q: status-list index %d of %q is used twice", c.Id, c.StatusListIndex, c.IssuerDepartment)
		}
		used[c.IssuerDepartment][c.StatusListIndex] = true
		if err := k.addCredential(ctx, c); err != nil {
			return err
		}
	}
	return nil
}

func validateGenesisCredential(c types.Credential, p types.Params) error {
	if err := types.ValidateIdentifier("credential id", c.Id, p.MaxIdLength); err != nil {
		return err
	}
	if err := types.ValidateTypeName("credential type", c.Type, p.MaxIdLength); err != nil {
		return err
	}
	if err := types.ValidateAnyDID("subject DID", c.SubjectDid); err != nil {
		return err
	}
	if len(c.Hash) != 32 {
		return types.ErrInvalidCredential.Wrapf("credential %q: hash is %d bytes, not 32", c.Id, len(c.Hash))
	}
	if _, ok := types.CredentialStatus_name[int32(c.Status)]; !ok || c.Status == types.CredentialStatus_CREDENTIAL_STATUS_UNSPECIFIED {
		return types.ErrInvalidCredential.Wrapf("credential %q: status %d", c.Id, c.Status)
	}
	return nil
}

func (k Keeper) importDevices(ctx context.Context, devices []types.Device, p types.Params) error {
	for _, dev := range devices {
		if _, err := k.GetDepartment(ctx, dev.DepartmentId); err != nil {
			return err
		}
		if err := k.requireCanonical("device address", dev.Address); err != nil {
			return err
		}
		if err := k.requireCanonical("registered_by", dev.RegisteredBy); err != nil {
			return err
		}
		addr, err := k.decodeAddress("device address", dev.Address)
		if err != nil {
			return err
		}
		derived, err := types.DeviceAddress(dev.KeyType, dev.PublicKey)
		if err != nil || !bytes.Equal(derived, addr) {
			return types.ErrInvalidDevice.Wrapf("device %s: address and public key do not match", dev.Address)
		}
		if err := types.ValidateTypeName("device type", dev.DeviceType, p.MaxIdLength); err != nil {
			return err
		}
		if len(dev.Scopes) > int(p.MaxDeviceScopes) {
			return types.ErrInvalidDevice.Wrapf("device %s: %d scopes, the limit is %d", dev.Address, len(dev.Scopes), p.MaxDeviceScopes)
		}
		scopes, err := types.NormalizeNames(dev.Scopes, func(s string) error { return types.ValidateIdentifier("scope", s, p.MaxIdLength) })
		if err != nil {
			return err
		}
		if !slices.Equal(scopes, dev.Scopes) {
			return types.ErrInvalidDevice.Wrapf("device %s: scopes must be sorted without duplicates", dev.Address)
		}
		if _, ok := types.DeviceStatus_name[int32(dev.Status)]; !ok || dev.Status == types.DeviceStatus_DEVICE_STATUS_UNSPECIFIED {
			return types.ErrInvalidDevice.Wrapf("device %s: status %d", dev.Address, dev.Status)
		}
		if err := k.requireFree(ctx, addr, dev.Address); err != nil {
			return err
		}
		if err := k.Devices.Set(ctx, addr, dev); err != nil {
			return err
		}
		if err := k.DevicesByDepartment.Set(ctx, collections.Join(dev.DepartmentId, addr)); err != nil {
			return err
		}
	}
	return nil
}

// ExportGenesis exports the whole state: departments parents first (by
// depth, then id), everything else in store order.
func (k Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	p, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	gs := &types.GenesisState{Params: p}
	if gs.Departments, err = collutil.Values(ctx, k.Departments); err != nil {
		return nil, err
	}
	slices.SortStableFunc(gs.Departments, func(a, b types.Department) int { return int(a.Depth) - int(b.Depth) })
	if gs.Members, err = collutil.Values(ctx, k.Members); err != nil {
		return nil, err
	}
	states, err := collutil.Values(ctx, k.Dids)
	if err != nil {
		return nil, err
	}
	for _, s := range states {
		g := types.GenesisDid{State: s}
		err := k.DidVersions.Walk(ctx, collections.NewPrefixedPairRange[string, uint64](s.Id), func(_ collections.Pair[string, uint64], v types.DidVersion) (bool, error) {
			g.Versions = append(g.Versions, v)
			return false, nil
		})
		if err != nil {
			return nil, err
		}
		gs.Dids = append(gs.Dids, g)
	}
	if gs.DidSequence, err = k.DidSequence.Peek(ctx); err != nil {
		return nil, err
	}
	if gs.Credentials, err = collutil.Values(ctx, k.Credentials); err != nil {
		return nil, err
	}
	err = k.StatusListNext.Walk(ctx, nil, func(dept string, next uint64) (bool, error) {
		gs.StatusListCounters = append(gs.StatusListCounters, types.StatusListCounter{DepartmentId: dept, NextIndex: next})
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	if gs.Devices, err = collutil.Values(ctx, k.Devices); err != nil {
		return nil, err
	}
	return gs, nil
}
