// Package keepertest holds what a keeper test over a bare store needs: a
// context over a real in-memory multistore, deterministic keys and addresses,
// and TrustCity's address codecs and authority. It builds no app; tests that
// need the other modules use testutil/apptest.
//
//	key := storetypes.NewKVStoreKey(types.StoreKey)
//	ctx := keepertest.Context(t, key)
//	k := keeper.NewKeeper(cdc, runtime.NewKVStoreService(key), keepertest.AddressCodec(), keepertest.Authority())
//	alice := keepertest.AccAddrs(1)[0]
package keepertest
