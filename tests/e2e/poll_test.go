package e2e

import (
	"testing"
	"time"
)

// pollInterval is the pause between two attempts of a polled condition.
const pollInterval = 500 * time.Millisecond

// eventually calls check until it reports done or timeout passes; on timeout
// it fails the test with what and the last detail check returned. check may
// call t.Fatal itself for errors that retrying cannot fix.
func eventually(t testing.TB, timeout time.Duration, what string, check func() (done bool, detail string)) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	var detail string
	for {
		var done bool
		done, detail = check()
		if done {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %s waiting for %s; last: %s", timeout, what, detail)
		}
		time.Sleep(pollInterval)
	}
}
