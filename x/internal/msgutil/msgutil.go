// Package msgutil holds what every TrustCity message handler does the same
// way: reading the signer's address in canonical form and emitting typed
// events.
package msgutil

import (
	"context"
	"fmt"
	"time"

	"github.com/cosmos/gogoproto/proto"

	"cosmossdk.io/core/address"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Canonical decodes a bech32 account address and returns it with its
// canonical (lower-case) form: bech32 also accepts upper case, and no stored
// record or comparison may depend on how a client wrote an address. Each
// module wraps the error in its own registered error.
func Canonical(codec address.Codec, s string) (sdk.AccAddress, string, error) {
	bz, err := codec.StringToBytes(s)
	if err != nil {
		return nil, "", fmt.Errorf("%q: %w", s, err)
	}
	canonical, err := codec.BytesToString(bz)
	if err != nil {
		return nil, "", err
	}
	return bz, canonical, nil
}

// Emit emits a typed event on the context's event manager.
func Emit(ctx context.Context, ev proto.Message) error {
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(ev)
}

// BlockInfo returns the height and time of the block being executed.
func BlockInfo(ctx context.Context) (int64, time.Time) {
	c := sdk.UnwrapSDKContext(ctx)
	return c.BlockHeight(), c.BlockTime()
}
