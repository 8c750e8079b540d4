// Package keeper holds x/identity's state and the logic behind its messages,
// queries and the authorization API the other TrustCity modules call.
package keeper

import (
	"context"
	"fmt"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/address"
	corestore "cosmossdk.io/core/store"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/identity/types"
	"github.com/trustcity/trustcity/x/internal/msgutil"
)

// Keeper owns the x/identity store. Every look-up a message or query makes
// goes through a key or an index; nothing scans a whole collection.
type Keeper struct {
	cdc          codec.BinaryCodec
	addressCodec address.Codec
	// authority may register top-level departments and change params: the
	// gov module account unless the consensus params name another.
	authority string

	Schema                collections.Schema
	Params                collections.Item[types.Params]
	Departments           collections.Map[string, types.Department]
	Children              collections.KeySet[collections.Pair[string, string]]
	Members               collections.Map[collections.Pair[string, sdk.AccAddress], types.Member]
	Affiliations          collections.Map[sdk.AccAddress, types.Affiliation]
	RoleHolders           collections.Map[collections.Pair[string, int32], uint64]
	CredentialTypeHolders collections.Map[collections.Pair[string, string], uint64]
	Dids                  collections.Map[string, types.DidState]
	DidVersions           collections.Map[collections.Pair[string, uint64], types.DidVersion]
	DidsByController      collections.KeySet[collections.Pair[sdk.AccAddress, string]]
	DidSequence           collections.Sequence
	Credentials           collections.Map[string, types.Credential]
	CredentialsByIssuer   collections.KeySet[collections.Pair[string, string]]
	CredentialsBySubject  collections.KeySet[collections.Pair[string, string]]
	CredentialsByType     collections.KeySet[collections.Pair[string, string]]
	StatusListNext        collections.Map[string, uint64]
	StatusBits            collections.Map[collections.Triple[string, int32, uint64], []byte]
	Devices               collections.Map[sdk.AccAddress, types.Device]
	DevicesByDepartment   collections.KeySet[collections.Pair[string, sdk.AccAddress]]
}

// NewKeeper builds the keeper. authority is the bech32 address allowed to
// register top-level departments and update params.
func NewKeeper(cdc codec.BinaryCodec, storeService corestore.KVStoreService, addressCodec address.Codec, authority string) Keeper {
	if _, err := addressCodec.StringToBytes(authority); err != nil {
		panic(fmt.Sprintf("identity: invalid authority %q: %v", authority, err))
	}
	sb := collections.NewSchemaBuilder(storeService)
	strPair := collections.PairKeyCodec(collections.StringKey, collections.StringKey)
	k := Keeper{
		cdc:          cdc,
		addressCodec: addressCodec,
		authority:    authority,

		Params:      collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		Departments: collections.NewMap(sb, types.DepartmentsKey, "departments", collections.StringKey, codec.CollValue[types.Department](cdc)),
		Children:    collections.NewKeySet(sb, types.ChildrenKey, "children", strPair),
		Members: collections.NewMap(sb, types.MembersKey, "members",
			collections.PairKeyCodec(collections.StringKey, sdk.AccAddressKey), codec.CollValue[types.Member](cdc)),
		Affiliations: collections.NewMap(sb, types.AffiliationsKey, "affiliations", sdk.AccAddressKey, codec.CollValue[types.Affiliation](cdc)),
		RoleHolders: collections.NewMap(sb, types.RoleHoldersKey, "role_holders",
			collections.PairKeyCodec(collections.StringKey, collections.Int32Key), collections.Uint64Value),
		CredentialTypeHolders: collections.NewMap(sb, types.CredentialTypeHoldersKey, "credential_type_holders", strPair, collections.Uint64Value),
		Dids:                  collections.NewMap(sb, types.DidsKey, "dids", collections.StringKey, codec.CollValue[types.DidState](cdc)),
		DidVersions: collections.NewMap(sb, types.DidVersionsKey, "did_versions",
			collections.PairKeyCodec(collections.StringKey, collections.Uint64Key), codec.CollValue[types.DidVersion](cdc)),
		DidsByController: collections.NewKeySet(sb, types.DidsByControllerKey, "dids_by_controller",
			collections.PairKeyCodec(sdk.AccAddressKey, collections.StringKey)),
		DidSequence:          collections.NewSequence(sb, types.DidSequenceKey, "did_sequence"),
		Credentials:          collections.NewMap(sb, types.CredentialsKey, "credentials", collections.StringKey, codec.CollValue[types.Credential](cdc)),
		CredentialsByIssuer:  collections.NewKeySet(sb, types.CredentialsByIssuerKey, "credentials_by_issuer", strPair),
		CredentialsBySubject: collections.NewKeySet(sb, types.CredentialsBySubjectKey, "credentials_by_subject", strPair),
		CredentialsByType:    collections.NewKeySet(sb, types.CredentialsByTypeKey, "credentials_by_type", strPair),
		StatusListNext:       collections.NewMap(sb, types.StatusListNextKey, "status_list_next", collections.StringKey, collections.Uint64Value),
		StatusBits: collections.NewMap(sb, types.StatusBitsKey, "status_bits",
			collections.TripleKeyCodec(collections.StringKey, collections.Int32Key, collections.Uint64Key), collections.BytesValue),
		Devices: collections.NewMap(sb, types.DevicesKey, "devices", sdk.AccAddressKey, codec.CollValue[types.Device](cdc)),
		DevicesByDepartment: collections.NewKeySet(sb, types.DevicesByDepartmentKey, "devices_by_department",
			collections.PairKeyCodec(collections.StringKey, sdk.AccAddressKey)),
	}
	schema, err := sb.Build()
	if err != nil {
		panic(fmt.Sprintf("identity: building the store schema: %v", err))
	}
	k.Schema = schema
	return k
}

// Authority returns the module authority's address.
func (k Keeper) Authority() string { return k.authority }

// AddressCodec returns the account address codec.
func (k Keeper) AddressCodec() address.Codec { return k.addressCodec }

// isAuthority reports whether signer is the module authority (the consensus
// params may name another, see sdk.ValidateAuthority).
func (k Keeper) isAuthority(ctx context.Context, signer string) bool {
	if err := k.canonical("authority", &signer); err != nil {
		return false
	}
	return sdk.ValidateAuthority(sdk.UnwrapSDKContext(ctx), k.authority, signer) == nil
}

// decodeAddress decodes a bech32 account address from a message field.
func (k Keeper) decodeAddress(field, s string) (sdk.AccAddress, error) {
	if s == "" {
		return nil, types.ErrInvalidAddress.Wrapf("%s is empty", field)
	}
	bz, err := k.addressCodec.StringToBytes(s)
	if err != nil {
		return nil, types.ErrInvalidAddress.Wrapf("%s %q: %s", field, s, err)
	}
	return bz, nil
}

// canonical rewrites a bech32 account address to its canonical (lower-case)
// form: bech32 also accepts upper case, and every comparison and stored
// record must not depend on how a client wrote an address.
func (k Keeper) canonical(field string, s *string) error {
	bz, err := k.decodeAddress(field, *s)
	if err != nil {
		return err
	}
	c, err := k.addressCodec.BytesToString(bz)
	if err != nil {
		return types.ErrInvalidAddress.Wrapf("%s: %s", field, err)
	}
	*s = c
	return nil
}

// canonicalList returns the addresses of a list in canonical form.
func (k Keeper) canonicalList(field string, list []string) ([]string, error) {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = s
		if err := k.canonical(field, &out[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// requireCanonical refuses a genesis address not in canonical form, so an
// import exports back byte for byte.
func (k Keeper) requireCanonical(field, s string) error {
	c := s
	if err := k.canonical(field, &c); err != nil {
		return err
	}
	if c != s {
		return types.ErrInvalidAddress.Wrapf("%s %s must be written in canonical form %s", field, s, c)
	}
	return nil
}

// emit emits a typed event on the context's event manager.
var emit = msgutil.Emit

// consumeItems charges gas for n items of user-supplied work.
func consumeItems(ctx context.Context, n int, what string) {
	sdk.UnwrapSDKContext(ctx).GasMeter().ConsumeGas(types.GasPerItem*uint64(n), what)
}
