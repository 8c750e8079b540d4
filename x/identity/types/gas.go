package types

// GasPerItem is charged for each item of user-supplied work a message
// carries (a role, a scope, a verification method, a relationship entry),
// on top of the store's own per-byte gas.
const GasPerItem uint64 = 200
