package app

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/kv"
	authzkeeper "github.com/cosmos/cosmos-sdk/x/authz/keeper"
	slashingtypes "github.com/cosmos/cosmos-sdk/x/slashing/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"
)

// requireSameStores requires every KV store of the original to hold the same
// state as the import's: the same keys with the same values, except
//   - the prefixes export leaves out by design: notExported (app_test.go),
//     and staking's unbonding-operation ids (UnbondingID, UnbondingIndex,
//     UnbondingType), which serve the unbonding hooks of interchain security,
//     are not part of the staking genesis and are read by no TrustCity module;
//   - the entries sameAfterExport accepts.
//
// Differences are printed with the simulation store decoders where they can.
// (The SDK's simtestutil.DiffKVStores is not used: it reports a key whose
// value differs a second time, as missing from the first store.)
func requireSameStores(t *testing.T, original *App, originalCtx sdk.Context, imported *App, importedCtx sdk.Context) {
	t.Helper()
	decoders := original.SimulationManager().StoreDecoders
	for _, name := range storeKeyNames {
		skip := notExported[name]
		if name == stakingtypes.StoreKey {
			skip = append(slices.Clone(skip), stakingtypes.UnbondingIDKey, stakingtypes.UnbondingIndexKey, stakingtypes.UnbondingTypeKey)
		}
		var report []string
		for _, d := range storeDifferences(originalCtx.KVStore(original.GetKey(name)), importedCtx.KVStore(imported.GetKey(name)), skip) {
			if !sameAfterExport(t, original, originalCtx, name, d) {
				report = append(report, d.describe(decoders[name]))
			}
		}
		require.Emptyf(t, report, "store %s: %d entries differ between the original and the import:\n%s",
			name, len(report), strings.Join(report, ""))
	}
}

// storeDifference is a key whose presence or value differs between two stores.
type storeDifference struct {
	key                    []byte
	original, imported     []byte
	inOriginal, inImported bool
}

// storeDifferences returns, in key order, the keys outside the skipped
// prefixes that only one store holds or that the two hold with different values.
func storeDifferences(original, imported storetypes.KVStore, skip [][]byte) []storeDifference {
	keysA, valuesA := storeEntries(original, skip)
	keysB, valuesB := storeEntries(imported, skip)
	var diffs []storeDifference
	for i, j := 0, 0; i < len(keysA) || j < len(keysB); {
		order := 0
		switch {
		case i == len(keysA):
			order = 1
		case j == len(keysB):
			order = -1
		default:
			order = bytes.Compare(keysA[i], keysB[j])
		}
		switch {
		case order < 0:
			diffs = append(diffs, storeDifference{key: keysA[i], original: valuesA[i], inOriginal: true})
			i++
		case order > 0:
			diffs = append(diffs, storeDifference{key: keysB[j], imported: valuesB[j], inImported: true})
			j++
		default:
			if !bytes.Equal(valuesA[i], valuesB[j]) {
				diffs = append(diffs, storeDifference{key: keysA[i], original: valuesA[i], imported: valuesB[j], inOriginal: true, inImported: true})
			}
			i++
			j++
		}
	}
	return diffs
}

// describe prints the difference, decoded by the store's simulation decoder
// when both sides hold a value it knows, in hex otherwise.
func (d storeDifference) describe(decode func(kvA, kvB kv.Pair) string) (out string) {
	side := func(in bool, value []byte) string {
		if !in {
			return "(absent)"
		}
		return fmt.Sprintf("%X", value)
	}
	out = fmt.Sprintf("key %X\n  original %s\n  import   %s\n", d.key, side(d.inOriginal, d.original), side(d.inImported, d.imported))
	if decode == nil || !d.inOriginal || !d.inImported {
		return out
	}
	defer func() { _ = recover() }() // the decoder does not know this key: keep the hex
	return fmt.Sprintf("key %X\n  %s\n", d.key, decode(kv.Pair{Key: d.key, Value: d.original}, kv.Pair{Key: d.key, Value: d.imported}))
}

// sameAfterExport reports whether a difference still holds the same state.
// The first two cases are reminders a module files for later and checks when
// their time comes, which the original keeps in a form import does not
// rebuild; the third is a record whose absence means the same as its zero:
//   - authz: an empty grant expiry queue item in the original only. x/authz
//     empties a queue item, rather than deleting it, when its last grant is
//     revoked or used up; import rebuilds the queue from the live grants.
//   - staking: a time slice of the unbonding, redelegation or validator queue.
//     Import queues entries in genesis (key) order, the original in the order
//     they happened; and the original keeps reminders that no longer match
//     an entry due at that time (an unbonding cancelled in full) or that
//     repeat one (two undelegations merged into one entry in a block). The
//     staking end blocker skips both. So the import's slice must hold exactly
//     the original's reminders that match an entry, once each, in any order.
//   - slashing: an all-zero chunk of a validator's missed-block bitmap in the
//     original only. x/slashing clears a bit, rather than deleting its chunk,
//     when a validator signs again; export lists only missed blocks, so
//     import writes chunks with a set bit, and a missing chunk reads as zeros.
func sameAfterExport(t *testing.T, original *App, ctx sdk.Context, store string, d storeDifference) bool {
	switch store {
	case authzkeeper.StoreKey:
		return bytes.HasPrefix(d.key, authzkeeper.GrantQueuePrefix) && d.inOriginal && !d.inImported && len(d.original) == 0
	case slashingtypes.StoreKey:
		// A chunk is a marshalled bitset: an 8-byte bit count, then the words.
		return bytes.HasPrefix(d.key, slashingtypes.ValidatorMissedBlockBitmapKeyPrefix) && d.inOriginal && !d.inImported &&
			len(d.original) >= 8 && !slices.ContainsFunc(d.original[8:], func(b byte) bool { return b != 0 })
	case stakingtypes.StoreKey:
		want, ok := stakingQueueSlice(t, original, ctx, d.key, d.original, true)
		if !ok {
			return false
		}
		got, _ := stakingQueueSlice(t, original, ctx, d.key, d.imported, false)
		return slices.Equal(want, got)
	}
	return false
}

// stakingQueueSlice returns the reminders of a staking queue time slice, one
// string each and sorted, or false when key is not a queue slice's. With
// live, it keeps each pair the original's slice names as many times as the
// pair has entries due at the slice's time (0 for stale reminders): an
// import writes one reminder per entry.
func stakingQueueSlice(t *testing.T, a *App, ctx sdk.Context, key, value []byte, live bool) ([]string, bool) {
	t.Helper()
	cdc, sk := a.AppCodec(), a.StakingKeeper
	accAddr := func(s string) sdk.AccAddress {
		bz, err := a.AccountKeeper.AddressCodec().StringToBytes(s)
		require.NoError(t, err)
		return bz
	}
	valAddr := func(s string) sdk.ValAddress {
		bz, err := sk.ValidatorAddressCodec().StringToBytes(s)
		require.NoError(t, err)
		return bz
	}
	due := func(completions []time.Time, at time.Time) int {
		n := 0
		for _, c := range completions {
			if c.Equal(at) {
				n++
			}
		}
		return n
	}

	var reminders []string
	seen := map[string]bool{}
	// keep appends reminder n times (once without live), and each distinct
	// live reminder only the first time it is met.
	keep := func(reminder string, n int) {
		if live && seen[reminder] {
			return
		}
		seen[reminder] = true
		for range n {
			reminders = append(reminders, reminder)
		}
	}
	switch {
	case bytes.HasPrefix(key, stakingtypes.UnbondingQueueKey):
		at, err := sdk.ParseTimeBytes(key[len(stakingtypes.UnbondingQueueKey):])
		require.NoError(t, err)
		var pairs stakingtypes.DVPairs
		require.NoError(t, cdc.Unmarshal(value, &pairs))
		for _, p := range pairs.Pairs {
			n := 1
			if live {
				ubd, err := sk.GetUnbondingDelegation(ctx, accAddr(p.DelegatorAddress), valAddr(p.ValidatorAddress))
				var completions []time.Time
				for _, e := range ubd.Entries {
					completions = append(completions, e.CompletionTime)
				}
				if n = due(completions, at); err != nil {
					n = 0
				}
			}
			keep(p.String(), n)
		}
	case bytes.HasPrefix(key, stakingtypes.RedelegationQueueKey):
		at, err := sdk.ParseTimeBytes(key[len(stakingtypes.RedelegationQueueKey):])
		require.NoError(t, err)
		var triplets stakingtypes.DVVTriplets
		require.NoError(t, cdc.Unmarshal(value, &triplets))
		for _, p := range triplets.Triplets {
			n := 1
			if live {
				red, err := sk.GetRedelegation(ctx, accAddr(p.DelegatorAddress), valAddr(p.ValidatorSrcAddress), valAddr(p.ValidatorDstAddress))
				var completions []time.Time
				for _, e := range red.Entries {
					completions = append(completions, e.CompletionTime)
				}
				if n = due(completions, at); err != nil {
					n = 0
				}
			}
			keep(p.String(), n)
		}
	case bytes.HasPrefix(key, stakingtypes.ValidatorQueueKey):
		var addrs stakingtypes.ValAddresses
		require.NoError(t, cdc.Unmarshal(value, &addrs))
		reminders = slices.Clone(addrs.Addresses)
	default:
		return nil, false
	}
	slices.Sort(reminders)
	return reminders, true
}
