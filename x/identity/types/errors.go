package types

import (
	"google.golang.org/grpc/codes"

	"cosmossdk.io/errors"
)

// Registered errors of x/identity. Codes start at 2 and are never reused;
// each carries the gRPC code queries answer with (REST maps it to the HTTP
// status: NotFound → 404, InvalidArgument → 400, ...).
var (
	ErrInvalidParams         = errors.RegisterWithGRPCCode(ModuleName, 2, codes.InvalidArgument, "invalid params")
	ErrUnauthorized          = errors.RegisterWithGRPCCode(ModuleName, 3, codes.PermissionDenied, "unauthorized")
	ErrInvalidDepartment     = errors.RegisterWithGRPCCode(ModuleName, 4, codes.InvalidArgument, "invalid department")
	ErrDepartmentNotFound    = errors.RegisterWithGRPCCode(ModuleName, 5, codes.NotFound, "department not found")
	ErrDepartmentExists      = errors.RegisterWithGRPCCode(ModuleName, 6, codes.AlreadyExists, "department already exists")
	ErrDepartmentSuspended   = errors.RegisterWithGRPCCode(ModuleName, 7, codes.FailedPrecondition, "department suspended")
	ErrRoleNotSubset         = errors.RegisterWithGRPCCode(ModuleName, 8, codes.InvalidArgument, "roles exceed the parent's")
	ErrRoleInUse             = errors.RegisterWithGRPCCode(ModuleName, 9, codes.FailedPrecondition, "role or credential type still delegated")
	ErrTooDeep               = errors.RegisterWithGRPCCode(ModuleName, 10, codes.InvalidArgument, "department tree too deep")
	ErrAlreadyAffiliated     = errors.RegisterWithGRPCCode(ModuleName, 11, codes.AlreadyExists, "account already belongs to a department")
	ErrNotAffiliated         = errors.RegisterWithGRPCCode(ModuleName, 12, codes.NotFound, "account does not belong to a department")
	ErrMemberNotFound        = errors.RegisterWithGRPCCode(ModuleName, 13, codes.NotFound, "member not found")
	ErrRoleNotHeld           = errors.RegisterWithGRPCCode(ModuleName, 14, codes.PermissionDenied, "role not held")
	ErrInvalidDid            = errors.RegisterWithGRPCCode(ModuleName, 15, codes.InvalidArgument, "invalid DID")
	ErrDidNotFound           = errors.RegisterWithGRPCCode(ModuleName, 16, codes.NotFound, "DID not found")
	ErrDidExists             = errors.RegisterWithGRPCCode(ModuleName, 17, codes.AlreadyExists, "DID already exists")
	ErrDidDeactivated        = errors.RegisterWithGRPCCode(ModuleName, 18, codes.FailedPrecondition, "DID deactivated")
	ErrNotController         = errors.RegisterWithGRPCCode(ModuleName, 19, codes.PermissionDenied, "signer is not a controller of the DID")
	ErrVersionMismatch       = errors.RegisterWithGRPCCode(ModuleName, 20, codes.FailedPrecondition, "DID version mismatch")
	ErrInvalidCredential     = errors.RegisterWithGRPCCode(ModuleName, 21, codes.InvalidArgument, "invalid credential")
	ErrCredentialNotFound    = errors.RegisterWithGRPCCode(ModuleName, 22, codes.NotFound, "credential not found")
	ErrCredentialExists      = errors.RegisterWithGRPCCode(ModuleName, 23, codes.AlreadyExists, "credential already exists")
	ErrTypeNotPermitted      = errors.RegisterWithGRPCCode(ModuleName, 24, codes.PermissionDenied, "credential type not permitted")
	ErrInvalidStatusChange   = errors.RegisterWithGRPCCode(ModuleName, 25, codes.FailedPrecondition, "invalid status change")
	ErrInvalidDevice         = errors.RegisterWithGRPCCode(ModuleName, 26, codes.InvalidArgument, "invalid device")
	ErrDeviceNotFound        = errors.RegisterWithGRPCCode(ModuleName, 27, codes.NotFound, "device not found")
	ErrDeviceExists          = errors.RegisterWithGRPCCode(ModuleName, 28, codes.AlreadyExists, "device already exists")
	ErrDeviceInactive        = errors.RegisterWithGRPCCode(ModuleName, 29, codes.FailedPrecondition, "device not active")
	ErrScopeNotAllowed       = errors.RegisterWithGRPCCode(ModuleName, 30, codes.PermissionDenied, "scope not allowed for device")
	ErrInvalidAddress        = errors.RegisterWithGRPCCode(ModuleName, 31, codes.InvalidArgument, "invalid address")
	ErrInvalidRequest        = errors.RegisterWithGRPCCode(ModuleName, 32, codes.InvalidArgument, "invalid request")
	ErrStatusListNotFound    = errors.RegisterWithGRPCCode(ModuleName, 33, codes.NotFound, "status list not found")
	ErrDeviceWrongDepartment = errors.RegisterWithGRPCCode(ModuleName, 34, codes.PermissionDenied, "device belongs to another department")
)
