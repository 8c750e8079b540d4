package keeper

import (
	"context"
	"fmt"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/trustcity/trustcity/x/funds/types"
)

// InvariantRegistry is where the app collects invariants (app.InvariantRegistry).
type InvariantRegistry interface {
	Register(module, name string, check func(sdk.Context) error)
}

// RegisterInvariants registers x/funds' invariants. They read the whole
// store, so they run in simulations and tests, never in a block.
func RegisterInvariants(reg InvariantRegistry, k Keeper) {
	reg.Register(types.ModuleName, "escrow-balance", func(ctx sdk.Context) error { return k.escrowInvariant(ctx) })
	reg.Register(types.ModuleName, "allocation-tree", func(ctx sdk.Context) error { return k.treeInvariant(ctx) })
	reg.Register(types.ModuleName, "ledger-totals", func(ctx sdk.Context) error { return k.ledgerInvariant(ctx) })
	reg.Register(types.ModuleName, "open-items", func(ctx sdk.Context) error { return k.openItemsInvariant(ctx) })
}

// escrowInvariant: the escrow account's balance, denom by denom, equals what
// the programs hold (funded - disbursed - refunded).
func (k Keeper) escrowInvariant(ctx context.Context) error {
	held := sdk.NewCoins()
	err := k.Programs.Walk(ctx, nil, func(id uint64, p types.Program) (bool, error) {
		h := p.Held()
		if h.IsNegative() {
			return true, fmt.Errorf("program %d holds %s%s", id, h, p.Denom)
		}
		held = held.Add(sdk.NewCoin(p.Denom, h))
		return false, nil
	})
	if err != nil {
		return err
	}
	if balance := k.bank.GetAllBalances(ctx, k.escrow); !balance.Equal(held) {
		return fmt.Errorf("escrow %s holds %s; the programs hold %s", k.escrow, balance, held)
	}
	return nil
}

// treeInvariant: no amount is negative and nothing is over-committed
// (available ≥ 0); each node's children hold, net of returns, exactly what it
// allocated and number what it counts; depths follow parents; each program's
// root received what the program was funded with, and the nodes' payments,
// reservations and reported use add up to the program's.
func (k Keeper) treeInvariant(ctx context.Context) error {
	type sums struct {
		net      math.Int
		children uint32
	}
	byParent := map[uint64]*sums{}
	type totals struct{ disbursed, reserved, expended math.Int }
	byProgram := map[uint64]*totals{}
	var nodes []types.Allocation
	err := k.Allocations.Walk(ctx, nil, func(id uint64, a types.Allocation) (bool, error) {
		for _, v := range []math.Int{a.Received, a.Allocated, a.Disbursed, a.Reserved, a.Returned, a.Expended, a.Available()} {
			if v.IsNegative() {
				return true, fmt.Errorf("allocation %d has a negative amount (available %s)", id, a.Available())
			}
		}
		if a.ParentId != 0 {
			s := byParent[a.ParentId]
			if s == nil {
				s = &sums{net: math.ZeroInt()}
				byParent[a.ParentId] = s
			}
			s.net = s.net.Add(a.Net())
			s.children++
		}
		t := byProgram[a.ProgramId]
		if t == nil {
			t = &totals{math.ZeroInt(), math.ZeroInt(), math.ZeroInt()}
			byProgram[a.ProgramId] = t
		}
		t.disbursed, t.reserved, t.expended = t.disbursed.Add(a.Disbursed), t.reserved.Add(a.Reserved), t.expended.Add(a.Expended)
		nodes = append(nodes, a)
		return false, nil
	})
	if err != nil {
		return err
	}
	for _, a := range nodes {
		s := byParent[a.Id]
		if s == nil {
			s = &sums{net: math.ZeroInt()}
		}
		if !s.net.Equal(a.Allocated) || s.children != a.Children {
			return fmt.Errorf("allocation %d allocated %s to %d children; they hold %s in %d", a.Id, a.Allocated, a.Children, s.net, s.children)
		}
		p, err := k.GetProgram(ctx, a.ProgramId)
		if err != nil {
			return fmt.Errorf("allocation %d: %w", a.Id, err)
		}
		if a.ParentId == 0 {
			if a.Id != p.RootAllocationId || a.Depth != 0 || !a.Received.Equal(p.Funded) {
				return fmt.Errorf("allocation %d is a root but program %d's root is %d (depth %d, received %s, funded %s)",
					a.Id, p.Id, p.RootAllocationId, a.Depth, a.Received, p.Funded)
			}
			continue
		}
		parent, err := k.GetAllocation(ctx, a.ParentId)
		if err != nil {
			return fmt.Errorf("allocation %d: %w", a.Id, err)
		}
		if parent.ProgramId != a.ProgramId || a.Depth != parent.Depth+1 {
			return fmt.Errorf("allocation %d (program %d, depth %d) under allocation %d (program %d, depth %d)",
				a.Id, a.ProgramId, a.Depth, parent.Id, parent.ProgramId, parent.Depth)
		}
	}
	return k.Programs.Walk(ctx, nil, func(id uint64, p types.Program) (bool, error) {
		t := byProgram[id]
		if t == nil {
			return true, fmt.Errorf("program %d has no allocations", id)
		}
		if !t.disbursed.Equal(p.Disbursed) || !t.reserved.Equal(p.Reserved) || !t.expended.Equal(p.Expended) {
			return true, fmt.Errorf("program %d counts disbursed %s, reserved %s, expended %s; its allocations %s, %s, %s",
				id, p.Disbursed, p.Reserved, p.Expended, t.disbursed, t.reserved, t.expended)
		}
		if p.Funded.GT(p.BudgetCap) {
			return true, fmt.Errorf("program %d was funded %s past its cap %s", id, p.Funded, p.BudgetCap)
		}
		return false, nil
	})
}

// ledgerInvariant: summing the ledger gives every node's received,
// allocated, disbursed, returned and expended, and every program's funded,
// disbursed, expended and refunded.
func (k Keeper) ledgerInvariant(ctx context.Context) error {
	zero := math.ZeroInt()
	node := map[uint64]*types.Allocation{}
	prog := map[uint64]*types.Program{}
	getNode := func(id uint64) *types.Allocation {
		if node[id] == nil {
			node[id] = &types.Allocation{Received: zero, Allocated: zero, Disbursed: zero, Returned: zero, Expended: zero}
		}
		return node[id]
	}
	getProg := func(id uint64) *types.Program {
		if prog[id] == nil {
			prog[id] = &types.Program{Funded: zero, Disbursed: zero, Expended: zero, Refunded: zero}
		}
		return prog[id]
	}
	err := k.Ledger.Walk(ctx, nil, func(id uint64, e types.LedgerEntry) (bool, error) {
		if has, err := k.Programs.Has(ctx, e.ProgramId); err != nil || !has {
			return true, fmt.Errorf("ledger entry %d names program %d, which does not exist (%v)", id, e.ProgramId, err)
		}
		from, p := getNode(e.AllocationId), getProg(e.ProgramId)
		switch e.Type {
		case types.LedgerType_LEDGER_TYPE_INCOMING_FUNDS:
			from.Received = from.Received.Add(e.Amount)
			p.Funded = p.Funded.Add(e.Amount)
		case types.LedgerType_LEDGER_TYPE_OUTGOING_COMMITMENT:
			from.Allocated = from.Allocated.Add(e.Amount)
			to := getNode(e.ToAllocationId)
			to.Received = to.Received.Add(e.Amount)
		case types.LedgerType_LEDGER_TYPE_RETURN:
			from.Returned = from.Returned.Add(e.Amount)
			to := getNode(e.ToAllocationId)
			to.Allocated = to.Allocated.Sub(e.Amount)
		case types.LedgerType_LEDGER_TYPE_DISBURSEMENT:
			from.Disbursed = from.Disbursed.Add(e.Amount)
			p.Disbursed = p.Disbursed.Add(e.Amount)
		case types.LedgerType_LEDGER_TYPE_EXPENDITURE:
			from.Expended = from.Expended.Add(e.Amount)
			p.Expended = p.Expended.Add(e.Amount)
		case types.LedgerType_LEDGER_TYPE_REFUND:
			p.Refunded = p.Refunded.Add(e.Amount)
		case types.LedgerType_LEDGER_TYPE_PAYOUT_RETURNED:
			from.Disbursed = from.Disbursed.Sub(e.Amount)
			p.Disbursed = p.Disbursed.Sub(e.Amount)
		default:
			return true, fmt.Errorf("ledger entry %d has type %s", id, e.Type)
		}
		return false, nil
	})
	if err != nil {
		return err
	}
	err = k.Allocations.Walk(ctx, nil, func(id uint64, a types.Allocation) (bool, error) {
		l := getNode(id)
		if !l.Received.Equal(a.Received) || !l.Allocated.Equal(a.Allocated) || !l.Disbursed.Equal(a.Disbursed) ||
			!l.Returned.Equal(a.Returned) || !l.Expended.Equal(a.Expended) {
			return true, fmt.Errorf("allocation %d holds received %s allocated %s disbursed %s returned %s expended %s; the ledger says %s %s %s %s %s",
				id, a.Received, a.Allocated, a.Disbursed, a.Returned, a.Expended, l.Received, l.Allocated, l.Disbursed, l.Returned, l.Expended)
		}
		return false, nil
	})
	if err != nil {
		return err
	}
	return k.Programs.Walk(ctx, nil, func(id uint64, p types.Program) (bool, error) {
		l := getProg(id)
		if !l.Funded.Equal(p.Funded) || !l.Disbursed.Equal(p.Disbursed) || !l.Expended.Equal(p.Expended) || !l.Refunded.Equal(p.Refunded) {
			return true, fmt.Errorf("program %d holds funded %s disbursed %s expended %s refunded %s; the ledger says %s %s %s %s",
				id, p.Funded, p.Disbursed, p.Expended, p.Refunded, l.Funded, l.Disbursed, l.Expended, l.Refunded)
		}
		return false, nil
	})
}

// openItemsInvariant: each program's open items are its pending
// disbursements, open milestones and payouts in flight, and each
// allocation's reservation its pending disbursements and open milestones;
// the pending and payout indexes list exactly the pending and in-flight
// disbursements.
func (k Keeper) openItemsInvariant(ctx context.Context) error {
	items := map[uint64]uint32{}
	reserved := map[uint64]math.Int{}
	pendingCount, inFlight := 0, 0
	add := func(program, allocation uint64, amount math.Int) {
		items[program]++
		if r, ok := reserved[allocation]; ok {
			reserved[allocation] = r.Add(amount)
		} else {
			reserved[allocation] = amount
		}
	}
	err := k.Disbursements.Walk(ctx, nil, func(id uint64, d types.Disbursement) (bool, error) {
		pending := d.Status == types.DisbursementStatus_DISBURSEMENT_STATUS_PENDING
		indexed, err := k.Pending.Has(ctx, collections.Join(d.ProgramId, id))
		if err != nil {
			return true, err
		}
		if pending != indexed {
			return true, fmt.Errorf("disbursement %d is %s; pending index: %t", id, d.Status, indexed)
		}
		if d.Expended.GT(d.Amount) {
			return true, fmt.Errorf("disbursement %d of %s reports %s expended", id, d.Amount, d.Expended)
		}
		if pending {
			pendingCount++
			add(d.ProgramId, d.AllocationId, d.Amount)
		}
		if d.Status == types.DisbursementStatus_DISBURSEMENT_STATUS_IN_FLIGHT {
			inFlight++
			items[d.ProgramId]++ // an open item with nothing reserved: its coins are out
			if d.IbcPayout == nil {
				return true, fmt.Errorf("disbursement %d is in flight without an IBC payout", id)
			}
			named, err := k.Payouts.Get(ctx, collections.Join(d.IbcPayout.SourceChannel, d.IbcPayout.Sequence))
			if err != nil || named != id {
				return true, fmt.Errorf("disbursement %d is in flight as %s/%d, which the payout index does not name it for", id, d.IbcPayout.SourceChannel, d.IbcPayout.Sequence)
			}
		}
		return false, nil
	})
	if err != nil {
		return err
	}
	indexed := 0
	if err := k.Pending.Walk(ctx, nil, func(pairUU) (bool, error) { indexed++; return false, nil }); err != nil {
		return err
	}
	if indexed != pendingCount {
		return fmt.Errorf("the pending index lists %d disbursements; %d are pending", indexed, pendingCount)
	}
	payouts := 0
	if err := k.Payouts.Walk(ctx, nil, func(pairSU, uint64) (bool, error) { payouts++; return false, nil }); err != nil {
		return err
	}
	if payouts != inFlight {
		return fmt.Errorf("the payout index lists %d payouts; %d disbursements are in flight", payouts, inFlight)
	}
	err = k.Milestones.Walk(ctx, nil, func(_ uint64, m types.Milestone) (bool, error) {
		if m.Status == types.MilestoneStatus_MILESTONE_STATUS_OPEN {
			add(m.ProgramId, m.AllocationId, m.Amount)
		}
		return false, nil
	})
	if err != nil {
		return err
	}
	err = k.Programs.Walk(ctx, nil, func(id uint64, p types.Program) (bool, error) {
		if p.OpenItems != items[id] {
			return true, fmt.Errorf("program %d counts %d open items; there are %d", id, p.OpenItems, items[id])
		}
		return false, nil
	})
	if err != nil {
		return err
	}
	return k.Allocations.Walk(ctx, nil, func(id uint64, a types.Allocation) (bool, error) {
		want, ok := reserved[id]
		if !ok {
			want = math.ZeroInt()
		}
		if !a.Reserved.Equal(want) {
			return true, fmt.Errorf("allocation %d reserves %s; its pending payments and open milestones come to %s", id, a.Reserved, want)
		}
		return false, nil
	})
}
