package keeper

import (
	"context"
	"fmt"
	"slices"

	"cosmossdk.io/collections"

	"github.com/trustcity/trustcity/x/datashare/schema"
	"github.com/trustcity/trustcity/x/datashare/types"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

// importer carries what genesis import learns as it goes.
type importer struct {
	k                                                 Keeper
	caps                                              types.Params
	versionCount                                      map[string]uint64 // versions imported per dataset
	maxRequest, maxGrant, maxRule, maxConsent, maxLog uint64
}

func errAt(kind string, id any, err error) error {
	return fmt.Errorf("%s %v: %w", kind, id, err)
}

func (imp *importer) standards(ctx context.Context, gs *types.GenesisState) error {
	for _, s := range gs.Standards {
		key := collections.Join(s.Id, s.Version)
		err := validateStandardFields(s.Id, s.Version, s.Title, s.Schema, imp.caps)
		if err == nil {
			var compiled *schema.Schema
			if compiled, err = imp.k.compile(ctx, s.Schema, imp.caps); err == nil && uint64(compiled.Complexity()) != s.Complexity {
				err = types.ErrInvalidGenesis.Wrapf("complexity %d, the schema's is %d", s.Complexity, compiled.Complexity())
			}
		}
		if err == nil {
			if has, herr := imp.k.Standards.Has(ctx, key); herr != nil || has {
				err = types.ErrInvalidGenesis.Wrap("listed twice")
			}
		}
		if err == nil && s.Status != types.StandardStatus_STANDARD_STATUS_ACTIVE && s.Status != types.StandardStatus_STANDARD_STATUS_DEPRECATED {
			err = types.ErrInvalidGenesis.Wrapf("status %d", s.Status)
		}
		if err == nil && s.DepartmentId == "" {
			err = types.ErrInvalidGenesis.Wrap("no department")
		}
		if err == nil {
			err = imp.k.Standards.Set(ctx, key, s)
		}
		if err != nil {
			return errAt("standard", s.Id+"@"+s.Version, err)
		}
	}
	return nil
}

func (imp *importer) datasets(ctx context.Context, gs *types.GenesisState) error {
	for _, d := range gs.Datasets {
		normalized := d
		err := validateDatasetFields(&normalized, imp.caps)
		if err == nil && normalized.Subject != d.Subject {
			err = types.ErrInvalidGenesis.Wrapf("subject %q must be written %q", d.Subject, normalized.Subject)
		}
		if err == nil {
			err = types.ValidateDepartmentID("owner", d.Owner)
		}
		if err == nil && (len(d.RuleIds) > types.MaxRulesPerDatasetCap || !slices.IsSorted(d.RuleIds) || len(slices.Compact(slices.Clone(d.RuleIds))) != len(d.RuleIds)) {
			err = types.ErrInvalidGenesis.Wrap("rule ids must be ascending, without duplicates, within the cap")
		}
		if err == nil {
			if has, herr := imp.k.Datasets.Has(ctx, d.Id); herr != nil || has {
				err = types.ErrInvalidGenesis.Wrap("listed twice")
			}
		}
		if err == nil && d.Standard.Id != "" {
			if has, herr := imp.k.Standards.Has(ctx, collections.Join(d.Standard.Id, d.Standard.Version)); herr != nil || !has {
				err = types.ErrStandardNotFound.Wrapf("%s@%s", d.Standard.Id, d.Standard.Version)
			}
		}
		if err == nil && imp.k.identity != nil {
			if _, err = imp.k.identity.GetDepartment(ctx, d.Owner); err == nil && d.Subject != "" {
				_, _, err = imp.k.identity.GetDidVersion(ctx, d.Subject, 0)
			}
		}
		if err == nil {
			err = imp.k.setDataset(ctx, d)
		}
		if err != nil {
			return errAt("dataset", d.Id, err)
		}
	}
	return nil
}

func (imp *importer) versions(ctx context.Context, gs *types.GenesisState) error {
	for _, v := range gs.Versions {
		err := imp.importVersion(ctx, v)
		if err != nil {
			return errAt("version", fmt.Sprintf("%s@%d", v.DatasetId, v.Version), err)
		}
		imp.versionCount[v.DatasetId]++
	}
	// References are checked once every version is in: derived-from may name
	// a version listed later.
	for _, v := range gs.Versions {
		d, _ := imp.k.Datasets.Get(ctx, v.DatasetId)
		if err := imp.k.checkVersion(ctx, d, types.DatasetVersion{Version: v.Version, ParentVersion: v.ParentVersion, DerivedFrom: v.DerivedFrom}, imp.caps); err != nil {
			return errAt("version", fmt.Sprintf("%s@%d", v.DatasetId, v.Version), err)
		}
	}
	for _, d := range gs.Datasets {
		if imp.versionCount[d.Id] != d.LatestVersion {
			return errAt("dataset", d.Id, types.ErrInvalidGenesis.Wrapf("latest version %d but %d versions listed", d.LatestVersion, imp.versionCount[d.Id]))
		}
	}
	return nil
}

func (imp *importer) importVersion(ctx context.Context, v types.DatasetVersion) error {
	d, err := imp.k.GetDataset(ctx, v.DatasetId)
	if err != nil {
		return err
	}
	if v.Version == 0 || v.Version > d.LatestVersion {
		return types.ErrInvalidGenesis.Wrapf("dataset %q has versions 1 to %d", d.Id, d.LatestVersion)
	}
	if has, err := imp.k.Versions.Has(ctx, collections.Join(v.DatasetId, v.Version)); err != nil || has {
		return types.ErrInvalidGenesis.Wrap("listed twice")
	}
	if err := types.ValidateContentHash(v.ContentHash); err != nil {
		return err
	}
	if err := types.ValidateLocator(v.Locator, imp.caps.MaxLocatorLength); err != nil {
		return err
	}
	if len(v.DerivedFrom) > int(imp.caps.MaxListItems) {
		return types.ErrInvalidGenesis.Wrap("too many derived-from references")
	}
	if v.PublisherKind != types.PublisherKind_PUBLISHER_KIND_MEMBER && v.PublisherKind != types.PublisherKind_PUBLISHER_KIND_DEVICE {
		return types.ErrInvalidGenesis.Wrapf("publisher kind %d", v.PublisherKind)
	}
	if v.Summary != "" {
		if d.Sensitivity == types.Sensitivity_SENSITIVITY_PERSONAL {
			return types.ErrPersonalData.Wrap("a personal dataset carries no summary record")
		}
		if err := imp.k.validateRecord(ctx, d.Standard, v.Summary, imp.caps); err != nil {
			return err
		}
	}
	return imp.k.setVersion(ctx, v)
}

func (imp *importer) rules(ctx context.Context, gs *types.GenesisState) error {
	for _, r := range gs.Rules {
		err := imp.importRule(ctx, r)
		if err != nil {
			return errAt("rule", r.Id, err)
		}
		imp.maxRule = max(imp.maxRule, r.Id)
	}
	for _, d := range gs.Datasets {
		for _, id := range d.RuleIds {
			if has, err := imp.k.Rules.Has(ctx, collections.Join(d.Id, id)); err != nil || !has {
				return errAt("dataset", d.Id, types.ErrInvalidGenesis.Wrapf("lists rule %d, which is missing", id))
			}
		}
	}
	return nil
}

func (imp *importer) importRule(ctx context.Context, r types.AutoApprovalRule) error {
	if r.Id == 0 {
		return types.ErrInvalidGenesis.Wrap("ids start at 1")
	}
	sorted := r
	if err := validateRule(&sorted, imp.caps); err != nil {
		return err
	}
	if !slices.Equal(sorted.Departments, r.Departments) {
		return types.ErrInvalidGenesis.Wrap("departments must be sorted")
	}
	d, err := imp.k.GetDataset(ctx, r.DatasetId)
	if err != nil {
		return err
	}
	if d.Sensitivity == types.Sensitivity_SENSITIVITY_PERSONAL {
		return types.ErrPersonalData.Wrap("no auto-approval on personal data")
	}
	if !slices.Contains(d.RuleIds, r.Id) {
		return types.ErrInvalidGenesis.Wrapf("dataset %q does not list it", d.Id)
	}
	key := collections.Join(r.DatasetId, r.Id)
	if has, err := imp.k.Rules.Has(ctx, key); err != nil || has {
		return types.ErrInvalidGenesis.Wrap("listed twice")
	}
	return imp.k.Rules.Set(ctx, key, r)
}

func (imp *importer) requests(ctx context.Context, gs *types.GenesisState) error {
	for _, r := range gs.Requests {
		err := imp.importRequest(ctx, r)
		if err != nil {
			return errAt("request", r.Id, err)
		}
		imp.maxRequest = max(imp.maxRequest, r.Id)
	}
	return nil
}

func (imp *importer) importRequest(ctx context.Context, r types.AccessRequest) error {
	if r.Id == 0 {
		return types.ErrInvalidGenesis.Wrap("ids start at 1")
	}
	if has, err := imp.k.Requests.Has(ctx, r.Id); err != nil || has {
		return types.ErrInvalidGenesis.Wrap("listed twice")
	}
	if _, err := imp.k.GetDataset(ctx, r.DatasetId); err != nil {
		return err
	}
	if g, err := types.NormalizeGrantee(r.Grantee); err != nil || g != r.Grantee {
		return types.ErrInvalidGenesis.Wrapf("grantee %q", r.Grantee)
	}
	if err := types.ValidateName("purpose", r.Purpose, imp.caps.MaxTextLength); err != nil {
		return err
	}
	if err := types.ValidateDuration("duration", r.Duration, imp.caps.MaxGrantDuration); err != nil {
		return err
	}
	switch r.Status {
	case types.RequestStatus_REQUEST_STATUS_PENDING, types.RequestStatus_REQUEST_STATUS_REJECTED:
		if r.GrantId != 0 {
			return types.ErrInvalidGenesis.Wrap("only an approved request names a grant")
		}
	case types.RequestStatus_REQUEST_STATUS_APPROVED:
		if r.GrantId == 0 {
			return types.ErrInvalidGenesis.Wrap("an approved request names its grant")
		}
	default:
		return types.ErrInvalidGenesis.Wrapf("status %d", r.Status)
	}
	return imp.k.setRequest(ctx, r)
}

func (imp *importer) grants(ctx context.Context, gs *types.GenesisState) error {
	for _, g := range gs.Grants {
		err := imp.importGrant(ctx, g)
		if err != nil {
			return errAt("grant", g.Id, err)
		}
		imp.maxGrant = max(imp.maxGrant, g.Id)
	}
	// Every approved request's grant must exist; only a pair's latest grant
	// may still be active.
	for _, r := range gs.Requests {
		if r.Status != types.RequestStatus_REQUEST_STATUS_APPROVED {
			continue
		}
		if g, err := imp.k.Grants.Get(ctx, r.GrantId); err != nil || g.RequestId != r.Id {
			return errAt("request", r.Id, types.ErrInvalidGenesis.Wrapf("grant %d is missing or belongs to another request", r.GrantId))
		}
	}
	for _, g := range gs.Grants {
		latest, err := imp.k.LatestGrant.Get(ctx, collections.Join(g.DatasetId, g.Grantee))
		if err != nil {
			return err
		}
		if g.Status == types.GrantStatus_GRANT_STATUS_ACTIVE && latest != g.Id {
			return errAt("grant", g.Id, types.ErrInvalidGenesis.Wrapf("active but grant %d is newer for the same grantee and dataset", latest))
		}
	}
	return nil
}

func (imp *importer) importGrant(ctx context.Context, g types.Grant) error {
	if g.Id == 0 {
		return types.ErrInvalidGenesis.Wrap("ids start at 1")
	}
	if has, err := imp.k.Grants.Has(ctx, g.Id); err != nil || has {
		return types.ErrInvalidGenesis.Wrap("listed twice")
	}
	r, err := imp.k.GetRequest(ctx, g.RequestId)
	if err != nil {
		return err
	}
	if r.GrantId != g.Id || r.DatasetId != g.DatasetId || r.Grantee != g.Grantee || r.Purpose != g.Purpose {
		return types.ErrInvalidGenesis.Wrapf("does not match request %d", r.Id)
	}
	if !g.ExpiresAt.After(g.GrantedAt) {
		return types.ErrInvalidGenesis.Wrap("expires before it was granted")
	}
	if _, ok := types.GrantStatus_name[int32(g.Status)]; !ok || g.Status == types.GrantStatus_GRANT_STATUS_UNSPECIFIED {
		return types.ErrInvalidGenesis.Wrapf("status %d", g.Status)
	}
	if err := types.ValidateText("reason", g.Reason, imp.caps.MaxTextLength); err != nil {
		return err
	}
	if err := imp.k.setGrant(ctx, g); err != nil {
		return err
	}
	pair := collections.Join(g.DatasetId, g.Grantee)
	latest, err := imp.k.LatestGrant.Get(ctx, pair)
	if err != nil && !isNotFound(err) {
		return err
	}
	if g.Id > latest {
		return imp.k.LatestGrant.Set(ctx, pair, g.Id)
	}
	return nil
}

func (imp *importer) consents(ctx context.Context, gs *types.GenesisState) error {
	for _, c := range gs.Consents {
		err := imp.importConsent(ctx, c)
		if err != nil {
			return errAt("consent", c.Id, err)
		}
		imp.maxConsent = max(imp.maxConsent, c.Id)
	}
	for _, c := range gs.Consents {
		latest, err := imp.k.LatestConsent.Get(ctx, collections.Join3(c.Subject, c.DepartmentId, c.DatasetId))
		if err != nil {
			return err
		}
		if c.Status == types.ConsentStatus_CONSENT_STATUS_ACTIVE && latest != c.Id {
			return errAt("consent", c.Id, types.ErrInvalidGenesis.Wrapf("active but consent %d is newer for the same scope", latest))
		}
	}
	return nil
}

func (imp *importer) importConsent(ctx context.Context, c types.Consent) error {
	if c.Id == 0 {
		return types.ErrInvalidGenesis.Wrap("ids start at 1")
	}
	if has, err := imp.k.Consents.Has(ctx, c.Id); err != nil || has {
		return types.ErrInvalidGenesis.Wrap("listed twice")
	}
	if did, err := identitytypes.NormalizeDID(c.Subject); err != nil || did != c.Subject {
		return types.ErrInvalidGenesis.Wrapf("subject %q", c.Subject)
	}
	if err := types.ValidateDepartmentID("department id", c.DepartmentId); err != nil {
		return err
	}
	purposes, err := types.NormalizePurposes(c.Purposes, imp.caps.MaxTextLength, imp.caps.MaxListItems)
	if err != nil {
		return err
	}
	if !slices.Equal(purposes, c.Purposes) {
		return types.ErrInvalidGenesis.Wrap("purposes must be sorted")
	}
	if c.DatasetId != "" {
		d, err := imp.k.GetDataset(ctx, c.DatasetId)
		if err != nil {
			return err
		}
		if d.Subject != c.Subject {
			return types.ErrInvalidGenesis.Wrapf("dataset %q is not about %s", d.Id, c.Subject)
		}
	}
	if !c.ExpiresAt.After(c.GivenAt) {
		return types.ErrInvalidGenesis.Wrap("expires before it was given")
	}
	if _, ok := types.ConsentStatus_name[int32(c.Status)]; !ok || c.Status == types.ConsentStatus_CONSENT_STATUS_UNSPECIFIED {
		return types.ErrInvalidGenesis.Wrapf("status %d", c.Status)
	}
	if err := imp.k.setConsent(ctx, c); err != nil {
		return err
	}
	scope := collections.Join3(c.Subject, c.DepartmentId, c.DatasetId)
	latest, err := imp.k.LatestConsent.Get(ctx, scope)
	if err != nil && !isNotFound(err) {
		return err
	}
	if c.Id > latest {
		return imp.k.LatestConsent.Set(ctx, scope, c.Id)
	}
	return nil
}

func (imp *importer) envelopes(ctx context.Context, gs *types.GenesisState) error {
	for _, e := range gs.Envelopes {
		err := imp.importEnvelope(ctx, e)
		if err != nil {
			return errAt("envelope", fmt.Sprintf("%d@%d", e.GrantId, e.Version), err)
		}
	}
	return nil
}

func (imp *importer) importEnvelope(ctx context.Context, e types.KeyEnvelope) error {
	g, err := imp.k.GetGrant(ctx, e.GrantId)
	if err != nil {
		return err
	}
	if g.DatasetId != e.DatasetId {
		return types.ErrInvalidGenesis.Wrapf("grant %d is on dataset %q", g.Id, g.DatasetId)
	}
	if _, err := imp.k.getVersion(ctx, e.DatasetId, e.Version); err != nil {
		return err
	}
	if len(e.Ciphertext) == 0 || len(e.Ciphertext) > int(imp.caps.MaxEnvelopeBytes) {
		return types.ErrInvalidGenesis.Wrapf("ciphertext of %d bytes", len(e.Ciphertext))
	}
	if err := types.ValidateAlgorithm(e.Algorithm, imp.caps.MaxTextLength); err != nil {
		return err
	}
	key := collections.Join(e.GrantId, e.Version)
	if has, err := imp.k.Envelopes.Has(ctx, key); err != nil || has {
		return types.ErrInvalidGenesis.Wrap("listed twice")
	}
	return imp.k.Envelopes.Set(ctx, key, e)
}

func (imp *importer) logs(ctx context.Context, gs *types.GenesisState) error {
	for _, l := range gs.AccessLogs {
		err := imp.importLog(ctx, l)
		if err != nil {
			return errAt("access log", l.Id, err)
		}
		imp.maxLog = max(imp.maxLog, l.Id)
	}
	return nil
}

func (imp *importer) importLog(ctx context.Context, l types.AccessLog) error {
	if l.Id == 0 {
		return types.ErrInvalidGenesis.Wrap("ids start at 1")
	}
	if has, err := imp.k.AccessLogs.Has(ctx, l.Id); err != nil || has {
		return types.ErrInvalidGenesis.Wrap("listed twice")
	}
	g, err := imp.k.GetGrant(ctx, l.GrantId)
	if err != nil {
		return err
	}
	d, err := imp.k.GetDataset(ctx, l.DatasetId)
	if err != nil {
		return err
	}
	if g.DatasetId != l.DatasetId || g.Grantee != l.Grantee || g.Purpose != l.Purpose || d.Subject != l.Subject {
		return types.ErrInvalidGenesis.Wrapf("does not match grant %d and its dataset", g.Id)
	}
	if _, err := imp.k.getVersion(ctx, l.DatasetId, l.Version); err != nil {
		return err
	}
	return imp.k.setAccessLog(ctx, l)
}

func (imp *importer) subscriptions(ctx context.Context, gs *types.GenesisState) error {
	for _, s := range gs.Subscriptions {
		err := imp.importSubscription(ctx, s)
		if err != nil {
			return errAt("subscription", s.DatasetId+"/"+s.Subscriber, err)
		}
	}
	return nil
}

func (imp *importer) importSubscription(ctx context.Context, s types.Subscription) error {
	if _, err := imp.k.GetDataset(ctx, s.DatasetId); err != nil {
		return err
	}
	if g, err := types.NormalizeGrantee(s.Subscriber); err != nil || g != s.Subscriber {
		return types.ErrInvalidGenesis.Wrapf("subscriber %q", s.Subscriber)
	}
	if has, err := imp.k.Subscriptions.Has(ctx, collections.Join(s.DatasetId, s.Subscriber)); err != nil || has {
		return types.ErrInvalidGenesis.Wrap("listed twice")
	}
	return imp.k.setSubscription(ctx, s)
}
