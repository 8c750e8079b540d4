package keeper

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"

	"cosmossdk.io/collections"

	"github.com/trustcity/trustcity/x/datashare/schema"
	"github.com/trustcity/trustcity/x/datashare/types"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

// RegisterStandard registers one immutable version of a data standard: its
// JSON Schema document must compile. Gas is charged per byte of schema.
func (m msgServer) RegisterStandard(ctx context.Context, msg *types.MsgRegisterStandard) (*types.MsgRegisterStandardResponse, error) {
	signer, signerStr, err := m.signer(msg.Signer)
	if err != nil {
		return nil, err
	}
	p, err := m.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	if err := validateStandardFields(msg.Id, msg.Version, msg.Title, msg.Schema, p); err != nil {
		return nil, err
	}
	dept, err := m.identity.AuthorizeRole(ctx, signer, identitytypes.Role_ROLE_STANDARDS_BODY)
	if err != nil {
		return nil, err
	}
	key := collections.Join(msg.Id, msg.Version)
	if has, err := m.Standards.Has(ctx, key); err != nil {
		return nil, err
	} else if has {
		return nil, types.ErrStandardExists.Wrapf("%s@%s (versions are immutable: register a new version)", msg.Id, msg.Version)
	}
	compiled, err := m.compile(ctx, msg.Schema, p)
	if err != nil {
		return nil, err
	}
	height, now := blockInfo(ctx)
	sum := sha256.Sum256([]byte(msg.Schema))
	s := types.Standard{
		Id: msg.Id, Version: msg.Version, DepartmentId: dept, Title: msg.Title, Schema: msg.Schema,
		SchemaHash: sum[:], Status: types.StandardStatus_STANDARD_STATUS_ACTIVE,
		RegisteredBy: signerStr, Height: height, RegisteredAt: now, Complexity: uint64(compiled.Complexity()),
	}
	if err := m.Standards.Set(ctx, key, s); err != nil {
		return nil, err
	}
	return &types.MsgRegisterStandardResponse{}, emit(ctx, &types.EventStandardRegistered{
		Id: s.Id, Version: s.Version, DepartmentId: dept, SchemaHash: hex.EncodeToString(s.SchemaHash),
	})
}

// validateStandardFields checks a standard's stateless fields.
func validateStandardFields(id, version, title, doc string, p types.Params) error {
	if err := types.ValidateSlug("standard id", id); err != nil {
		return err
	}
	if err := types.ValidateStandardVersion(version, p.MaxTextLength); err != nil {
		return err
	}
	if err := types.ValidateName("title", title, p.MaxTextLength); err != nil {
		return err
	}
	if doc == "" {
		return types.ErrInvalidSchema.Wrap("schema is empty")
	}
	if len(doc) > int(p.MaxSchemaBytes) {
		return types.ErrInvalidSchema.Wrapf("schema is %d bytes, the limit is %d", len(doc), p.MaxSchemaBytes)
	}
	return nil
}

// compile charges gas for a schema's bytes, compiles it and checks its
// complexity against the params.
func (k Keeper) compile(ctx context.Context, doc string, p types.Params) (*schema.Schema, error) {
	consumeGas(ctx, p.SchemaGasPerByte*uint64(len(doc)), "datashare: schema")
	s, err := k.schemas.Compile([]byte(doc))
	if err != nil {
		return nil, types.ErrInvalidSchema.Wrap(err.Error())
	}
	if s.Complexity() > int(p.MaxSchemaComplexity) {
		return nil, types.ErrInvalidSchema.Wrapf("complexity %d (JSON values with every reference expanded) exceeds the limit %d", s.Complexity(), p.MaxSchemaComplexity)
	}
	return s, nil
}

// validationUnitBase is added to a record's size when validation work is
// counted, so an empty record still costs something per schema node.
const validationUnitBase = 16

// validateRecord checks a summary record against a standard (or, with no
// standard, that it is one JSON value). It charges validation_gas per 1,000
// units of work, the standard's complexity times (record bytes + 16): the
// time validation takes grows with that product.
func (k Keeper) validateRecord(ctx context.Context, ref types.StandardRef, record string, p types.Params) error {
	if len(record) > int(p.MaxRecordBytes) {
		return types.ErrInvalidRequest.Wrapf("summary is %d bytes, the limit is %d", len(record), p.MaxRecordBytes)
	}
	doc, complexity := `true`, uint64(1) // no standard: any JSON value conforms
	if ref.Id != "" {
		st, err := k.Standards.Get(ctx, collections.Join(ref.Id, ref.Version))
		if err != nil {
			return err
		}
		doc, complexity = st.Schema, st.Complexity
	}
	units := complexity * (uint64(len(record)) + validationUnitBase)
	consumeGas(ctx, p.ValidationGas*((units+999)/1000), "datashare: record validation")
	s, err := k.schemas.Compile([]byte(doc))
	if err != nil {
		return types.ErrInvalidSchema.Wrap(err.Error())
	}
	if err := s.Validate([]byte(record)); err != nil {
		detail := strings.TrimPrefix(strings.TrimPrefix(err.Error(), schema.ErrNonConforming.Error()), ": ")
		if errors.Is(err, schema.ErrInvalidRecord) {
			return types.ErrInvalidRequest.Wrapf("summary: %s", err)
		}
		if ref.Id == "" {
			return types.ErrNonConforming.Wrap(detail)
		}
		return types.ErrNonConforming.Wrapf("standard %s@%s: %s", ref.Id, ref.Version, detail)
	}
	return nil
}

// DeprecateStandard marks a standard version deprecated: datasets naming it
// keep validating against it, new datasets may not name it.
func (m msgServer) DeprecateStandard(ctx context.Context, msg *types.MsgDeprecateStandard) (*types.MsgDeprecateStandardResponse, error) {
	signer, signerStr, err := m.signer(msg.Signer)
	if err != nil {
		return nil, err
	}
	p, err := m.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	if err := types.ValidateText("reason", msg.Reason, p.MaxTextLength); err != nil {
		return nil, err
	}
	key := collections.Join(msg.Id, msg.Version)
	s, err := m.Standards.Get(ctx, key)
	if isNotFound(err) {
		return nil, types.ErrStandardNotFound.Wrapf("%s@%s", msg.Id, msg.Version)
	} else if err != nil {
		return nil, err
	}
	dept, err := m.identity.AuthorizeRole(ctx, signer, identitytypes.Role_ROLE_STANDARDS_BODY)
	if err != nil {
		return nil, err
	}
	if dept != s.DepartmentId {
		return nil, types.ErrUnauthorized.Wrapf("%s acts for department %q; %s@%s was registered by %q", signerStr, dept, s.Id, s.Version, s.DepartmentId)
	}
	if s.Status == types.StandardStatus_STANDARD_STATUS_DEPRECATED {
		return nil, types.ErrStandardDeprecated.Wrapf("%s@%s was deprecated at height %d", s.Id, s.Version, s.DeprecatedHeight)
	}
	height, _ := blockInfo(ctx)
	s.Status = types.StandardStatus_STANDARD_STATUS_DEPRECATED
	s.DeprecationReason = msg.Reason
	s.DeprecatedHeight = height
	if err := m.Standards.Set(ctx, key, s); err != nil {
		return nil, err
	}
	return &types.MsgDeprecateStandardResponse{}, emit(ctx, &types.EventStandardDeprecated{Id: s.Id, Version: s.Version, Reason: msg.Reason})
}
