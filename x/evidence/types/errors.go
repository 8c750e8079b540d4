package types

import (
	"google.golang.org/grpc/codes"

	"cosmossdk.io/errors"
)

// Registered errors of the judicial module. Codes start at 2 and are never
// reused; each carries the gRPC code its queries answer with.
var (
	ErrInvalidParams    = errors.RegisterWithGRPCCode(ModuleName, 2, codes.InvalidArgument, "invalid params")
	ErrUnauthorized     = errors.RegisterWithGRPCCode(ModuleName, 3, codes.PermissionDenied, "unauthorized")
	ErrInvalidDigest    = errors.RegisterWithGRPCCode(ModuleName, 4, codes.InvalidArgument, "invalid digest")
	ErrUnknownAlgorithm = errors.RegisterWithGRPCCode(ModuleName, 5, codes.InvalidArgument, "unknown or disallowed hash algorithm")
	ErrUnknownCategory  = errors.RegisterWithGRPCCode(ModuleName, 6, codes.InvalidArgument, "unknown category")
	ErrAlreadyDeposited = errors.RegisterWithGRPCCode(ModuleName, 7, codes.AlreadyExists, "digest already deposited")
	ErrEvidenceNotFound = errors.RegisterWithGRPCCode(ModuleName, 8, codes.NotFound, "evidence not found")
	ErrAlreadyWithdrawn = errors.RegisterWithGRPCCode(ModuleName, 9, codes.FailedPrecondition, "evidence already withdrawn")
	ErrInvalidBatch     = errors.RegisterWithGRPCCode(ModuleName, 10, codes.InvalidArgument, "invalid batch")
	ErrBatchExists      = errors.RegisterWithGRPCCode(ModuleName, 11, codes.AlreadyExists, "root already anchored")
	ErrBatchNotFound    = errors.RegisterWithGRPCCode(ModuleName, 12, codes.NotFound, "batch not found")
	ErrInvalidProof     = errors.RegisterWithGRPCCode(ModuleName, 13, codes.InvalidArgument, "invalid inclusion proof")
	ErrInvalidRequest   = errors.RegisterWithGRPCCode(ModuleName, 14, codes.InvalidArgument, "invalid request")
	ErrInvalidResult    = errors.RegisterWithGRPCCode(ModuleName, 15, codes.InvalidArgument, "verification result does not fit the record")
	ErrInvalidAddress   = errors.RegisterWithGRPCCode(ModuleName, 16, codes.InvalidArgument, "invalid address")
	ErrInvalidParty     = errors.RegisterWithGRPCCode(ModuleName, 17, codes.InvalidArgument, "invalid party")
	ErrUnknownCustody   = errors.RegisterWithGRPCCode(ModuleName, 18, codes.InvalidArgument, "unknown custody action")
	ErrInvalidGenesis   = errors.RegisterWithGRPCCode(ModuleName, 19, codes.InvalidArgument, "invalid genesis")
	ErrNotAccredited    = errors.RegisterWithGRPCCode(ModuleName, 20, codes.PermissionDenied, "chain not accredited")
	ErrInvalidPacket    = errors.RegisterWithGRPCCode(ModuleName, 21, codes.InvalidArgument, "invalid judicial packet")
	ErrInvalidChannel   = errors.RegisterWithGRPCCode(ModuleName, 22, codes.FailedPrecondition, "invalid judicial channel")
	ErrForwardLimit     = errors.RegisterWithGRPCCode(ModuleName, 23, codes.ResourceExhausted, "too many forwards of one record")
	ErrAlreadyForwarded = errors.RegisterWithGRPCCode(ModuleName, 24, codes.AlreadyExists, "deposit already forwarded to that chain")
	ErrNotForwardable   = errors.RegisterWithGRPCCode(ModuleName, 25, codes.FailedPrecondition, "deposit cannot be forwarded")
	ErrUnknownForward   = errors.RegisterWithGRPCCode(ModuleName, 26, codes.NotFound, "no forward in flight for that packet")
)
