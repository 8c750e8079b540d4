package keeper

import (
	"context"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/trustcity/trustcity/x/identity/types"
	"github.com/trustcity/trustcity/x/internal/collutil"
)

// Device returns a device.
func (q queryServer) Device(ctx context.Context, req *types.QueryDeviceRequest) (*types.QueryDeviceResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	addr, err := q.k.decodeAddress("address", req.Address)
	if err != nil {
		return nil, err
	}
	dev, err := q.k.Devices.Get(ctx, addr)
	if isNotFound(err) {
		return nil, types.ErrDeviceNotFound.Wrapf("device %s", req.Address)
	} else if err != nil {
		return nil, err
	}
	return &types.QueryDeviceResponse{Device: dev}, nil
}

// DevicesByDepartment lists a department's devices.
func (q queryServer) DevicesByDepartment(ctx context.Context, req *types.QueryDevicesByDepartmentRequest) (*types.QueryDevicesByDepartmentResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	if _, err := q.k.GetDepartment(ctx, req.DepartmentId); err != nil {
		return nil, err
	}
	devices, pageRes, err := query.CollectionPaginate(ctx, q.k.DevicesByDepartment, collutil.Page(req.Pagination),
		func(key collections.Pair[string, sdk.AccAddress], _ collections.NoValue) (types.Device, error) {
			return q.k.Devices.Get(ctx, key.K2())
		},
		pairPrefix[string, sdk.AccAddress](req.DepartmentId))
	if err != nil {
		return nil, err
	}
	return &types.QueryDevicesByDepartmentResponse{Devices: devices, Pagination: pageRes}, nil
}
