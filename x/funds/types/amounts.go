package types

import "cosmossdk.io/math"

// Available is what an allocation may still allocate, pay out or return:
// received - returned - allocated - disbursed - reserved.
func (a Allocation) Available() math.Int {
	return a.Received.Sub(a.Returned).Sub(a.Allocated).Sub(a.Disbursed).Sub(a.Reserved)
}

// Net is what the node holds from its parent: received - returned.
func (a Allocation) Net() math.Int { return a.Received.Sub(a.Returned) }

// Held is what the program's escrow holds for it.
func (p Program) Held() math.Int { return p.Funded.Sub(p.Disbursed).Sub(p.Refunded) }

// Summary of an allocation.
func (a Allocation) Summary(denom string) Summary {
	return Summary{
		Denom: denom, Budget: a.Received, Funded: a.Received, Allocated: a.Allocated,
		Disbursed: a.Disbursed, Expended: a.Expended, Returned: a.Returned,
		Reserved: a.Reserved, Available: a.Available(),
	}
}

// Summary of a program, given its root allocation. For a closed program
// nothing is available and returned is the refund.
func (p Program) Summary(root Allocation) Summary {
	s := Summary{
		Denom: p.Denom, Budget: p.BudgetCap, Funded: p.Funded, Allocated: root.Allocated,
		Disbursed: p.Disbursed, Expended: p.Expended, Returned: p.Refunded,
		Reserved: p.Reserved, Available: root.Available(),
	}
	if p.Status == ProgramStatus_PROGRAM_STATUS_CLOSED {
		s.Available = math.ZeroInt()
	}
	return s
}

// Int is the amount type of every record.
type Int = math.Int
