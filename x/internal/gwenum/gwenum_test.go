package gwenum_test

import (
	"net/url"
	"testing"

	"github.com/grpc-ecosystem/grpc-gateway/runtime"
	"github.com/grpc-ecosystem/grpc-gateway/utilities"
	"github.com/stretchr/testify/require"

	datasharetypes "github.com/trustcity/trustcity/x/datashare/types"
	fundstypes "github.com/trustcity/trustcity/x/funds/types"
	identitytypes "github.com/trustcity/trustcity/x/identity/types"
)

// Every enum query parameter of the REST API is read by name and by number;
// an unknown name is an error.
func TestQueryParametersByName(t *testing.T) {
	type message interface {
		Reset()
		String() string
		ProtoMessage()
	}
	var (
		ledger   fundstypes.QueryLedgerRequest
		datasets datasharetypes.QueryDatasetsRequest
		requests datasharetypes.QueryRequestsRequest
		authz    identitytypes.QueryAuthorizationRequest
		lists    identitytypes.QueryStatusListRequest
	)
	for _, tc := range []struct {
		req         message
		param, name string
		number      int32
		got         func() int32
	}{
		{&ledger, "type", "LEDGER_TYPE_EXPENDITURE", 4, func() int32 { return int32(ledger.Type) }},
		{&datasets, "category", "CATEGORY_TRANSPORT", int32(datasharetypes.Category_CATEGORY_TRANSPORT), func() int32 { return int32(datasets.Category) }},
		{&requests, "status", "REQUEST_STATUS_PENDING", int32(datasharetypes.RequestStatus_REQUEST_STATUS_PENDING), func() int32 { return int32(requests.Status) }},
		{&authz, "role", "ROLE_FUND_MANAGER", int32(identitytypes.Role_ROLE_FUND_MANAGER), func() int32 { return int32(authz.Role) }},
		{&lists, "purpose", "STATUS_PURPOSE_SUSPENSION", int32(identitytypes.StatusPurpose_STATUS_PURPOSE_SUSPENSION), func() int32 { return int32(lists.Purpose) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, v := range []string{tc.name, "0", "bogus"} {
				tc.req.Reset()
				err := runtime.PopulateQueryParameters(tc.req, url.Values{tc.param: {v}}, utilities.NewDoubleArray(nil))
				switch v {
				case "bogus":
					require.Error(t, err)
				case "0":
					require.NoError(t, err)
					require.Zero(t, tc.got())
				default:
					require.NoError(t, err)
					require.Equal(t, tc.number, tc.got())
				}
			}
		})
	}
}
