package types

import (
	"google.golang.org/grpc/codes"

	"cosmossdk.io/errors"
)

// Registered errors of x/funds. Codes start at 2 and are never reused; each
// carries the gRPC code its queries answer with.
var (
	ErrInvalidParams        = errors.RegisterWithGRPCCode(ModuleName, 2, codes.InvalidArgument, "invalid params")
	ErrUnauthorized         = errors.RegisterWithGRPCCode(ModuleName, 3, codes.PermissionDenied, "unauthorized")
	ErrInvalidRequest       = errors.RegisterWithGRPCCode(ModuleName, 4, codes.InvalidArgument, "invalid request")
	ErrInvalidAddress       = errors.RegisterWithGRPCCode(ModuleName, 5, codes.InvalidArgument, "invalid address")
	ErrInvalidAmount        = errors.RegisterWithGRPCCode(ModuleName, 6, codes.InvalidArgument, "invalid amount")
	ErrWrongDenom           = errors.RegisterWithGRPCCode(ModuleName, 7, codes.InvalidArgument, "denom differs from the program's")
	ErrProgramNotFound      = errors.RegisterWithGRPCCode(ModuleName, 8, codes.NotFound, "program not found")
	ErrProgramClosed        = errors.RegisterWithGRPCCode(ModuleName, 9, codes.FailedPrecondition, "program closed")
	ErrBudgetExceeded       = errors.RegisterWithGRPCCode(ModuleName, 10, codes.FailedPrecondition, "funding past the budget cap")
	ErrAllocationNotFound   = errors.RegisterWithGRPCCode(ModuleName, 11, codes.NotFound, "allocation not found")
	ErrInsufficientFunds    = errors.RegisterWithGRPCCode(ModuleName, 12, codes.FailedPrecondition, "more than the allocation has available")
	ErrOutsideJurisdiction  = errors.RegisterWithGRPCCode(ModuleName, 13, codes.PermissionDenied, "department outside the holder's jurisdiction")
	ErrTreeLimit            = errors.RegisterWithGRPCCode(ModuleName, 14, codes.ResourceExhausted, "allocation tree limit reached")
	ErrDisbursementNotFound = errors.RegisterWithGRPCCode(ModuleName, 15, codes.NotFound, "disbursement not found")
	ErrNotPending           = errors.RegisterWithGRPCCode(ModuleName, 16, codes.FailedPrecondition, "not pending")
	ErrSameApprover         = errors.RegisterWithGRPCCode(ModuleName, 17, codes.PermissionDenied, "the requester or the beneficiary cannot approve a disbursement")
	ErrNotEligible          = errors.RegisterWithGRPCCode(ModuleName, 18, codes.PermissionDenied, "beneficiary lacks a valid eligibility credential")
	ErrNoSupervisor         = errors.RegisterWithGRPCCode(ModuleName, 19, codes.FailedPrecondition, "program has no supervisor department")
	ErrMilestoneNotFound    = errors.RegisterWithGRPCCode(ModuleName, 20, codes.NotFound, "milestone not found")
	ErrEvidenceNotFound     = errors.RegisterWithGRPCCode(ModuleName, 21, codes.NotFound, "evidence record not found or withdrawn")
	ErrOverReported         = errors.RegisterWithGRPCCode(ModuleName, 22, codes.FailedPrecondition, "expenditure beyond what was received")
	ErrOpenItems            = errors.RegisterWithGRPCCode(ModuleName, 23, codes.FailedPrecondition, "program has pending disbursements, open milestones or payouts in flight")
	ErrTooManyOpenItems     = errors.RegisterWithGRPCCode(ModuleName, 24, codes.ResourceExhausted, "too many pending disbursements and open milestones")
	ErrInvalidGenesis       = errors.RegisterWithGRPCCode(ModuleName, 25, codes.InvalidArgument, "invalid genesis")
	ErrRootAllocation       = errors.RegisterWithGRPCCode(ModuleName, 26, codes.FailedPrecondition, "the root allocation has no parent")
	ErrLedgerEntryNotFound  = errors.RegisterWithGRPCCode(ModuleName, 27, codes.NotFound, "ledger entry not found")
	ErrNotPaid              = errors.RegisterWithGRPCCode(ModuleName, 28, codes.FailedPrecondition, "disbursement not paid")
)
