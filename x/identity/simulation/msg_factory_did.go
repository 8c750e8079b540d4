package simulation

import (
	"context"
	"math/rand"
	"slices"

	"github.com/mr-tron/base58"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"

	"github.com/trustcity/trustcity/x/identity/keeper"
	"github.com/trustcity/trustcity/x/identity/types"
)

// MsgCreateDidFactory creates a DID signed by any account: with a derived
// id, a UUID or a base58 id, controlled by the signer alone (the default)
// or with other accounts, and with random keys and services.
func MsgCreateDidFactory(k keeper.Keeper) simsx.SimMsgFactoryFn[*types.MsgCreateDid] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgCreateDid) {
		r := testData.Rand().Rand
		signer := testData.AnyAccount(reporter)
		if reporter.IsSkipped() {
			return nil, nil
		}
		var id string
		switch r.Intn(4) {
		case 0:
			id = randUUID(r)
		case 1:
			id = types.DIDPrefix + base58.Encode(randBytes(r, 16))
		}
		if id != "" {
			did, err := types.NormalizeDID(id)
			if err != nil {
				return skip[*types.MsgCreateDid](reporter, "random DID id: %s", err)
			}
			if has, err := k.Dids.Has(ctx, did); err != nil || has {
				return skip[*types.MsgCreateDid](reporter, "%s taken", did)
			}
		}
		var controllers []string
		if r.Intn(3) > 0 {
			controllers = randControllers(r, testData, signer.AddressBech32)
		}
		doc := randDocument(r)
		return []simsx.SimAccount{signer}, &types.MsgCreateDid{
			Signer:              signer.AddressBech32,
			Id:                  id,
			Controllers:         controllers,
			VerificationMethods: doc.VerificationMethods,
			Authentication:      doc.Authentication,
			AssertionMethod:     doc.AssertionMethod,
			KeyAgreement:        doc.KeyAgreement,
			Services:            doc.Services,
		}
	}
}

// randControllers returns 1 to simMaxControllers distinct accounts, first
// among them first (when given).
func randControllers(r *rand.Rand, testData *simsx.ChainDataSource, first string) []string {
	var out []string
	if first != "" {
		out = append(out, first)
	}
	accs := testData.AllAccounts()
	for range 1 + r.Intn(simMaxControllers) {
		if len(out) == simMaxControllers {
			break
		}
		if a := pick(r, accs).AddressBech32; !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	return out
}

// controlled is an active DID with the simulation accounts that control it.
type controlled struct {
	did     string
	version uint64
	signers []simsx.SimAccount
}

// controlledDids returns the active DIDs at least one simulation account
// controls, in DID order, leaving out those excluded.
func controlledDids(ctx context.Context, k keeper.Keeper, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter, exclude map[string]bool) ([]controlled, error) {
	dids, err := activeDids(ctx, k)
	if err != nil {
		return nil, err
	}
	var out []controlled
	for _, did := range dids {
		if exclude[did] {
			continue
		}
		state, v, err := k.GetDidVersion(ctx, did, 0)
		if err != nil {
			return nil, err
		}
		c := controlled{did: did, version: state.Version}
		for _, addr := range v.Document.Controllers {
			if acc, ok := simAccount(testData, reporter, addr); ok {
				c.signers = append(c.signers, acc)
			}
		}
		if len(c.signers) > 0 {
			out = append(out, c)
		}
	}
	return out, nil
}

// MsgUpdateDidFactory writes a new version of an active DID with new keys,
// services and controllers (the signer usually stays one); a controller
// signs, naming the expected version half of the time.
func MsgUpdateDidFactory(k keeper.Keeper) simsx.SimMsgFactoryFn[*types.MsgUpdateDid] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgUpdateDid) {
		r := testData.Rand().Rand
		all, err := controlledDids(ctx, k, testData, reporter, nil)
		if err != nil {
			return skip[*types.MsgUpdateDid](reporter, "DIDs: %s", err)
		}
		if len(all) == 0 {
			return skip[*types.MsgUpdateDid](reporter, "no active DID controlled by a simulation account")
		}
		c := pick(r, all)
		signer := pick(r, c.signers)
		first := signer.AddressBech32
		if r.Intn(5) == 0 {
			first = ""
		}
		var expected uint64
		if r.Intn(2) == 0 {
			expected = c.version
		}
		doc := randDocument(r)
		return []simsx.SimAccount{signer}, &types.MsgUpdateDid{
			Signer:              signer.AddressBech32,
			Did:                 c.did,
			ExpectedVersion:     expected,
			Controllers:         randControllers(r, testData, first),
			VerificationMethods: doc.VerificationMethods,
			Authentication:      doc.Authentication,
			AssertionMethod:     doc.AssertionMethod,
			KeyAgreement:        doc.KeyAgreement,
			Services:            doc.Services,
		}
	}
}

// MsgDeactivateDidFactory deactivates an active DID; a controller signs. A
// DID a department names may be deactivated too: the department keeps the
// reference, and genesis import accepts it.
func MsgDeactivateDidFactory(k keeper.Keeper) simsx.SimMsgFactoryFn[*types.MsgDeactivateDid] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgDeactivateDid) {
		r := testData.Rand().Rand
		all, err := controlledDids(ctx, k, testData, reporter, nil)
		if err != nil {
			return skip[*types.MsgDeactivateDid](reporter, "DIDs: %s", err)
		}
		if len(all) == 0 {
			return skip[*types.MsgDeactivateDid](reporter, "no active DID controlled by a simulation account")
		}
		c := pick(r, all)
		signer := pick(r, c.signers)
		return []simsx.SimAccount{signer}, &types.MsgDeactivateDid{Signer: signer.AddressBech32, Did: c.did}
	}
}
