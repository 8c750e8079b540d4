package e2e

import (
	"fmt"
	"math/rand/v2"
	"net"
	"os"
	"strconv"
	"strings"
	"testing"
)

// freePorts returns n distinct loopback TCP ports that were free a moment
// ago: it holds n listeners on 127.0.0.1:0 at once, then closes them.
func freePorts(t testing.TB, n int) []int {
	t.Helper()
	listeners := make([]net.Listener, 0, n)
	defer func() {
		for _, l := range listeners {
			_ = l.Close()
		}
	}()
	ports := make([]int, 0, n)
	for range n {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatalf("reserving a loopback port: %v", err)
		}
		listeners = append(listeners, l)
		ports = append(ports, l.Addr().(*net.TCPAddr).Port)
	}
	return ports
}

// freePortBlock returns a base port P such that P..P+size-1 are all free on
// 127.0.0.1. It prefers ports below the kernel's ephemeral range, so that
// outgoing connections made meanwhile cannot take one of them.
func freePortBlock(t testing.TB, size int) int {
	t.Helper()
	lo, hi := 20000, 32000
	if eph, ok := ephemeralLow(); ok && eph-size > lo {
		hi = eph - size
	}
	if hi <= lo {
		lo, hi = 30000, 50000-size
	}
	for range 200 {
		base := lo + rand.IntN(hi-lo)
		if portsFree(base, size) {
			return base
		}
	}
	t.Fatalf("no block of %d free loopback ports found in [%d, %d)", size, lo, hi+size)
	return 0
}

// portsFree reports whether every port in base..base+size-1 can be bound on
// 127.0.0.1 right now.
func portsFree(base, size int) bool {
	listeners := make([]net.Listener, 0, size)
	defer func() {
		for _, l := range listeners {
			_ = l.Close()
		}
	}()
	for p := base; p < base+size; p++ {
		l, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", p))
		if err != nil {
			return false
		}
		listeners = append(listeners, l)
	}
	return true
}

// ephemeralLow reads the low end of Linux's ephemeral port range.
func ephemeralLow() (int, bool) {
	b, err := os.ReadFile("/proc/sys/net/ipv4/ip_local_port_range")
	if err != nil {
		return 0, false
	}
	fields := strings.Fields(string(b))
	if len(fields) != 2 {
		return 0, false
	}
	low, err := strconv.Atoi(fields[0])
	return low, err == nil
}
