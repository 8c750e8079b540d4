package simulation

import (
	"context"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"

	"github.com/trustcity/trustcity/x/evidence/keeper"
	"github.com/trustcity/trustcity/x/evidence/types"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

// MsgAnchorBatchFactory anchors the RFC 6962 root of a real tree of one to
// simMaxBatchLeaves digests, built with the merkle package and an algorithm
// the params allow; an account AuthorizeRole accepts as EVIDENCE_DEPOSITOR
// signs. The metadata records the leaves' seed, so later verifications and
// custody events can prove any leaf (see simBatch).
func MsgAnchorBatchFactory(k keeper.Keeper, identity types.IdentityKeeper) simsx.SimMsgFactoryFn[*types.MsgAnchorBatch] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgAnchorBatch) {
		r := testData.Rand().Rand
		depositors := holders(ctx, identity, testData, reporter, identitytypes.Role_ROLE_EVIDENCE_DEPOSITOR)
		if len(depositors) == 0 {
			return skip[*types.MsgAnchorBatch](reporter, "no simulation account may act as an EVIDENCE_DEPOSITOR")
		}
		p, err := k.Params.Get(ctx)
		if err != nil {
			return skip[*types.MsgAnchorBatch](reporter, "params: %s", err)
		}
		by := pick(r, depositors)
		a := pick(r, p.AllowedAlgorithms)
		sb := randSimBatch(r)
		root := sb.Root(a)
		if has, err := k.BatchByRoot.Has(ctx, root); err != nil || has {
			return skip[*types.MsgAnchorBatch](reporter, "root %x is anchored already", root)
		}
		return []simsx.SimAccount{by.signer}, &types.MsgAnchorBatch{
			Signer:    by.signer.AddressBech32,
			Root:      root,
			LeafCount: uint64(sb.leaves),
			Algorithm: a,
			Category:  randCategory(r),
			Metadata:  sb.Metadata(),
		}
	}
}
