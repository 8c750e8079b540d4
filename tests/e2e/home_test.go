package e2e

import (
	"strconv"
	"strings"
	"testing"
)

// accountPrefix is the bech32 prefix of account addresses.
const accountPrefix = "tcity1"

// initHome runs `trustcityd init` for a fresh home and pins the block
// interval to one second (through `trustcityd config set`) so tests wait less.
func initHome(t testing.TB, home, chainID string) {
	t.Helper()
	mustCLI(t, "init", "test", "--chain-id", chainID, "--home", home, "--default-denom", denom)
	mustCLI(t, "config", "set", "comet", "consensus.timeout_commit", `"1s"`, "--home", home)
}

// addKey creates a key in home's test keyring and returns its address.
func addKey(t testing.TB, home, name string) string {
	t.Helper()
	mustCLI(t, "keys", "add", name, "--keyring-backend", "test", "--home", home, "--output", "json")
	return keyAddress(t, home, name)
}

// keyAddress returns the account address of a key in home's test keyring.
func keyAddress(t testing.TB, home, name string) string {
	t.Helper()
	res := mustCLI(t, "keys", "show", name, "-a", "--keyring-backend", "test", "--home", home)
	addr := strings.TrimSpace(res.stdout)
	if !strings.HasPrefix(addr, accountPrefix) {
		t.Fatalf("key %s: address %q lacks prefix %q", name, addr, accountPrefix)
	}
	return addr
}

// nodePorts are the loopback ports of a node started with explicit flags.
type nodePorts struct {
	p2p, rpc, api, grpc, proxy int
}

// newNodePorts picks five consecutive free loopback ports. They come from
// below the kernel's ephemeral range (see freePortBlock) rather than from
// 127.0.0.1:0, because a restarted node binds them again and an outgoing
// connection could meanwhile take an ephemeral port as its source port.
func newNodePorts(t testing.TB) nodePorts {
	t.Helper()
	b := freePortBlock(t, 5)
	return nodePorts{p2p: b, rpc: b + 1, api: b + 2, grpc: b + 3, proxy: b + 4}
}

// endpoints returns the addresses the tests talk to.
func (p nodePorts) endpoints() endpoints {
	return endpoints{rpc: loopback(p.rpc), api: loopback(p.api), grpc: loopback(p.grpc)}
}

// startFlags puts every listener of a node on p's loopback ports, enables
// REST (with the OpenAPI document) and disables pprof, so no default port (26656-26658, 1317, 9090,
// 6060) is used. proxy_app is unused in-process but set for the same reason.
func (p nodePorts) startFlags() []string {
	return []string{
		"--p2p.laddr", "tcp://" + loopback(p.p2p),
		"--rpc.laddr", "tcp://" + loopback(p.rpc),
		"--rpc.pprof_laddr", "",
		"--proxy_app", "tcp://" + loopback(p.proxy),
		"--grpc.address", loopback(p.grpc),
		"--api.enable",
		"--api.swagger",
		"--api.address", "tcp://" + loopback(p.api),
		"--minimum-gas-prices", "0" + denom,
	}
}

// loopback formats a 127.0.0.1 host:port.
func loopback(port int) string {
	return "127.0.0.1:" + strconv.Itoa(port)
}
