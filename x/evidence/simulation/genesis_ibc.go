package simulation

import (
	"fmt"
	"math/rand"
	"time"

	"github.com/trustcity/trustcity/x/evidence/types"
)

// simChains are the chain ids the simulation's params accredit from and
// its genesis records name: no IBC runs in a simulation, so no channel
// reaches them, and forwards stay with the genesis.
var simChains = []string{"court-1", "bank-1", "province-1"}

// randOrigin returns the origin of a deposit received from another chain.
func randOrigin(r *rand.Rand, at time.Time) *types.CrossChainOrigin {
	return &types.CrossChainOrigin{
		ChainId: pick(r, simChains), PortId: types.PortID, ChannelId: fmt.Sprintf("channel-%d", r.Intn(4)),
		DestinationChannelId: fmt.Sprintf("channel-%d", r.Intn(4)), Sequence: 1 + uint64(r.Intn(1000)),
		Depositor: "remote-" + randSlug(r, 8), DepartmentId: "d-" + randSlug(r, 6), SourceRecordId: 1 + uint64(r.Intn(1000)),
		DepositedAt: at.Add(-time.Duration(1+r.Intn(3600)) * time.Second),
	}
}

// randForwards returns one to three finished forwards of a deposit by the
// department that made it: acknowledged, refused or timed out.
func randForwards(r *rand.Rand, by actor, at time.Time) []types.Forward {
	var out []types.Forward
	for i := range 1 + r.Intn(3) {
		resolved := at
		f := types.Forward{
			ChannelId: fmt.Sprintf("channel-%d", i), Sequence: 1 + uint64(r.Intn(1000)), ChainId: pick(r, simChains),
			Forwarder: by.addr, DepartmentId: by.dept, Time: at, ResolvedHeight: 1, ResolvedTime: &resolved,
		}
		switch r.Intn(3) {
		case 0:
			remote := at.Add(time.Duration(1+r.Intn(60)) * time.Second)
			f.Status, f.RemoteRecordId, f.RemoteHeight, f.RemoteTime = types.ForwardStatus_FORWARD_STATUS_ACKNOWLEDGED, 1+uint64(r.Intn(1000)), 1+int64(r.Intn(1000)), &remote
		case 1:
			f.Status, f.Error = types.ForwardStatus_FORWARD_STATUS_REFUSED, "ABCI error: judicial/20: error handling packet: see events for details"
		default:
			f.Status = types.ForwardStatus_FORWARD_STATUS_TIMED_OUT
		}
		out = append(out, f)
	}
	return out
}
