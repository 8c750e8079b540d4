package keeper

import "slices"

// containsSorted reports whether the sorted list holds s.
func containsSorted(list []string, s string) bool {
	_, found := slices.BinarySearch(list, s)
	return found
}
