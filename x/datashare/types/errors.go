package types

import (
	"google.golang.org/grpc/codes"

	"cosmossdk.io/errors"
)

// Registered errors of x/datashare. Codes start at 2 and are never reused;
// each carries the gRPC code its queries answer with.
var (
	ErrInvalidParams       = errors.RegisterWithGRPCCode(ModuleName, 2, codes.InvalidArgument, "invalid params")
	ErrUnauthorized        = errors.RegisterWithGRPCCode(ModuleName, 3, codes.PermissionDenied, "unauthorized")
	ErrInvalidRequest      = errors.RegisterWithGRPCCode(ModuleName, 4, codes.InvalidArgument, "invalid request")
	ErrInvalidAddress      = errors.RegisterWithGRPCCode(ModuleName, 5, codes.InvalidArgument, "invalid address")
	ErrInvalidSchema       = errors.RegisterWithGRPCCode(ModuleName, 6, codes.InvalidArgument, "invalid JSON Schema")
	ErrStandardExists      = errors.RegisterWithGRPCCode(ModuleName, 7, codes.AlreadyExists, "standard version already registered")
	ErrStandardNotFound    = errors.RegisterWithGRPCCode(ModuleName, 8, codes.NotFound, "standard not found")
	ErrStandardDeprecated  = errors.RegisterWithGRPCCode(ModuleName, 9, codes.FailedPrecondition, "standard deprecated")
	ErrDatasetExists       = errors.RegisterWithGRPCCode(ModuleName, 10, codes.AlreadyExists, "dataset already exists")
	ErrDatasetNotFound     = errors.RegisterWithGRPCCode(ModuleName, 11, codes.NotFound, "dataset not found")
	ErrVersionNotFound     = errors.RegisterWithGRPCCode(ModuleName, 12, codes.NotFound, "dataset version not found")
	ErrNonConforming       = errors.RegisterWithGRPCCode(ModuleName, 13, codes.InvalidArgument, "record does not conform to the standard")
	ErrPersonalData        = errors.RegisterWithGRPCCode(ModuleName, 14, codes.FailedPrecondition, "not allowed on personal data")
	ErrRequestNotFound     = errors.RegisterWithGRPCCode(ModuleName, 15, codes.NotFound, "access request not found")
	ErrRequestNotPending   = errors.RegisterWithGRPCCode(ModuleName, 16, codes.FailedPrecondition, "access request not pending")
	ErrGrantNotFound       = errors.RegisterWithGRPCCode(ModuleName, 17, codes.NotFound, "grant not found")
	ErrGrantNotInForce     = errors.RegisterWithGRPCCode(ModuleName, 18, codes.FailedPrecondition, "grant not in force")
	ErrNoConsent           = errors.RegisterWithGRPCCode(ModuleName, 19, codes.FailedPrecondition, "no consent in force")
	ErrConsentNotFound     = errors.RegisterWithGRPCCode(ModuleName, 20, codes.NotFound, "consent not found")
	ErrConsentNotInForce   = errors.RegisterWithGRPCCode(ModuleName, 21, codes.FailedPrecondition, "consent not in force")
	ErrRuleNotFound        = errors.RegisterWithGRPCCode(ModuleName, 22, codes.NotFound, "auto-approval rule not found")
	ErrTooManyRules        = errors.RegisterWithGRPCCode(ModuleName, 23, codes.ResourceExhausted, "too many auto-approval rules")
	ErrInvalidDuration     = errors.RegisterWithGRPCCode(ModuleName, 24, codes.InvalidArgument, "invalid duration")
	ErrNoKeyAgreementKey   = errors.RegisterWithGRPCCode(ModuleName, 25, codes.FailedPrecondition, "recipient key is not a key-agreement key of the grantee")
	ErrPurposeMismatch     = errors.RegisterWithGRPCCode(ModuleName, 26, codes.PermissionDenied, "purpose differs from the grant's")
	ErrOwnDataset          = errors.RegisterWithGRPCCode(ModuleName, 27, codes.InvalidArgument, "a department does not request its own dataset")
	ErrSubscriptionExists  = errors.RegisterWithGRPCCode(ModuleName, 28, codes.AlreadyExists, "already subscribed")
	ErrSubscriptionMissing = errors.RegisterWithGRPCCode(ModuleName, 29, codes.NotFound, "subscription not found")
	ErrInvalidGenesis      = errors.RegisterWithGRPCCode(ModuleName, 30, codes.InvalidArgument, "invalid genesis")
)
