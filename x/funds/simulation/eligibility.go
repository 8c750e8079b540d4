package simulation

import (
	"context"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	sdk "github.com/cosmos/cosmos-sdk/types"

	judicialtypes "github.com/trustcity/trustcity/x/evidence/types"
	"github.com/trustcity/trustcity/x/funds/types"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
	"github.com/trustcity/trustcity/x/internal/simactors"
)

// eligible is a credential valid now whose subject DID simulation accounts
// control: those accounts may be paid by a program requiring its type.
type eligible struct {
	id, typ       string
	beneficiaries []simsx.SimAccount
}

// eligibleCredentials returns the credentials VerifyCredential finds valid
// now, of a type a program may require (types.ValidateCredentialType under
// maxLen), whose subject DID simulation accounts control, in id order; only
// those of credType when it is not empty.
func eligibleCredentials(ctx context.Context, identity types.IdentityKeeper, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter, credType string, maxLen uint32) ([]eligible, error) {
	ik, ok := simactors.IdentityKeeper(identity)
	if !ok {
		return nil, nil
	}
	dids, err := simactors.ControlledDids(ctx, identity, testData, reporter)
	if err != nil || len(dids) == 0 {
		return nil, err
	}
	var out []eligible
	err = ik.Credentials.Walk(ctx, nil, func(id string, c identitytypes.Credential) (bool, error) {
		if credType != "" && c.Type != credType || len(dids[c.SubjectDid]) == 0 {
			return false, nil
		}
		if types.ValidateCredentialType(c.Type, maxLen) != nil || len(id) > int(identitytypes.MaxIDLengthCap) {
			return false, nil
		}
		if failure, _, err := identity.VerifyCredential(ctx, id, nil); err != nil || failure != identitytypes.VerificationFailure_VERIFICATION_FAILURE_UNSPECIFIED {
			return false, err
		}
		out = append(out, eligible{id: id, typ: c.Type, beneficiaries: dids[c.SubjectDid]})
		return false, nil
	})
	return out, err
}

// stillEligible reports whether a program requiring credType would pay
// beneficiary under credential id now, by the handler's rules: the
// credential valid, of the type, about a DID the beneficiary controls.
func stillEligible(ctx context.Context, identity types.IdentityKeeper, credType, id string, beneficiary sdk.AccAddress) bool {
	if credType == "" {
		return id == ""
	}
	failure, c, err := identity.VerifyCredential(ctx, id, nil)
	if err != nil || failure != identitytypes.VerificationFailure_VERIFICATION_FAILURE_UNSPECIFIED || c.Type != credType {
		return false
	}
	_, err = identity.AuthorizeController(ctx, beneficiary, c.SubjectDid)
	return err == nil
}

// evidenceInForce returns the ids of the judicial evidence records in force
// (ACTIVE, as GetEvidence reports them), in id order. It reads x/evidence's
// Evidence collection, so with another judicial keeper it finds none.
func evidenceInForce(ctx context.Context, judicial types.JudicialKeeper) ([]uint64, error) {
	jk, ok := judicialKeeper(judicial)
	if !ok {
		return nil, nil
	}
	var out []uint64
	err := jk.Evidence.Walk(ctx, nil, func(id uint64, _ judicialtypes.Evidence) (bool, error) {
		e, err := judicial.GetEvidence(ctx, id)
		if err == nil && e.Status == judicialtypes.EvidenceStatus_EVIDENCE_STATUS_ACTIVE {
			out = append(out, id)
		}
		return false, nil
	})
	return out, err
}
