// Package collutil holds the collections helpers every TrustCity keeper
// needs: bounded pagination and reading a whole map for genesis export.
package collutil

import (
	"context"
	"errors"

	"cosmossdk.io/collections"

	"github.com/cosmos/cosmos-sdk/types/query"
)

// MaxPageLimit caps the page size of every list query, so one request
// cannot make a node read an unbounded number of records.
const MaxPageLimit = 1000

// Page returns the request's pagination with its limit capped (a nil
// request gets the SDK's default limit).
func Page(req *query.PageRequest) *query.PageRequest {
	if req == nil {
		return &query.PageRequest{Limit: query.DefaultLimit}
	}
	if req.Limit > MaxPageLimit {
		capped := *req
		capped.Limit = MaxPageLimit
		return &capped
	}
	return req
}

// Values returns every value of a map in key order.
func Values[K, V any](ctx context.Context, m collections.Map[K, V]) ([]V, error) {
	var out []V
	err := m.Walk(ctx, nil, func(_ K, v V) (bool, error) {
		out = append(out, v)
		return false, nil
	})
	return out, err
}

// IsNotFound reports whether err says a collection holds no entry for a key.
func IsNotFound(err error) bool { return errors.Is(err, collections.ErrNotFound) }
