package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// testnetManifest is D/testnet.json as written by `trustcityd testnet`.
type testnetManifest struct {
	ChainID  string           `json:"chain_id"`
	Nodes    []testnetNode    `json:"nodes"`
	Accounts []testnetAccount `json:"accounts"`
}

// testnetNode describes one validator node of the generated network.
type testnetNode struct {
	Name            string `json:"name"`
	Home            string `json:"home"`
	NodeID          string `json:"node_id"`
	P2P             string `json:"p2p"`
	RPC             string `json:"rpc"`
	API             string `json:"api"`
	GRPC            string `json:"grpc"`
	OperatorAddress string `json:"operator_address"`
	AccountAddress  string `json:"account_address"`
}

// testnetAccount is a funded account whose key is in every node's keyring.
type testnetAccount struct {
	Name    string `json:"name"`
	Address string `json:"address"`
}

// nodeIDPattern matches a CometBFT node id (hex of a 20-byte address).
var nodeIDPattern = regexp.MustCompile(`^[0-9a-f]{40}$`)

// readManifest loads dir/testnet.json.
func readManifest(t testing.TB, dir string) testnetManifest {
	t.Helper()
	path := filepath.Join(dir, "testnet.json")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading %s: %v", path, err)
	}
	var m testnetManifest
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("decoding %s: %v\n%s", path, err, tail(string(b), 2000))
	}
	return m
}

// checkManifest asserts the documented layout: node i is named node<i>, lives
// in dir/node<i> and uses ports base+10i (p2p), +1 (RPC), +2 (REST), +3 (gRPC)
// on loopback; user0 and user1 are listed.
func checkManifest(t testing.TB, m testnetManifest, dir, chainID string, validators, base int) {
	t.Helper()
	if m.ChainID != chainID {
		t.Errorf("testnet.json chain_id = %q, want %q", m.ChainID, chainID)
	}
	if len(m.Nodes) != validators {
		t.Fatalf("testnet.json lists %d nodes, want %d", len(m.Nodes), validators)
	}
	for i, n := range m.Nodes {
		p := base + 10*i
		want := testnetNode{
			Name: fmt.Sprintf("node%d", i),
			P2P:  fmt.Sprintf("tcp://127.0.0.1:%d", p),
			RPC:  fmt.Sprintf("tcp://127.0.0.1:%d", p+1),
			API:  fmt.Sprintf("http://127.0.0.1:%d", p+2),
			GRPC: fmt.Sprintf("127.0.0.1:%d", p+3),
		}
		got := testnetNode{Name: n.Name, P2P: n.P2P, RPC: n.RPC, API: n.API, GRPC: n.GRPC}
		if got != want {
			t.Errorf("testnet.json node %d = %+v, want %+v", i, got, want)
		}
		if !sameDir(n.Home, dir, filepath.Join(dir, want.Name)) {
			t.Errorf("testnet.json node %d home = %q, want %s", i, n.Home, filepath.Join(dir, want.Name))
		}
		if !nodeIDPattern.MatchString(n.NodeID) {
			t.Errorf("testnet.json node %d node_id = %q, want 40 lower-case hex digits", i, n.NodeID)
		}
		if !strings.HasPrefix(n.OperatorAddress, "tcityvaloper1") {
			t.Errorf("testnet.json node %d operator_address = %q, want prefix tcityvaloper1", i, n.OperatorAddress)
		}
		if !strings.HasPrefix(n.AccountAddress, accountPrefix) {
			t.Errorf("testnet.json node %d account_address = %q, want prefix %s", i, n.AccountAddress, accountPrefix)
		}
	}
	for _, name := range []string{"user0", "user1"} {
		if a := m.account(name); !strings.HasPrefix(a, accountPrefix) {
			t.Errorf("testnet.json accounts: %s address = %q, want prefix %s", name, a, accountPrefix)
		}
	}
	if t.Failed() {
		t.FailNow()
	}
}

// account returns the address of the named account, or "".
func (m testnetManifest) account(name string) string {
	for _, a := range m.Accounts {
		if a.Name == name {
			return a.Address
		}
	}
	return ""
}

// sameDir reports whether home (absolute, or relative to the working
// directory or to dir) is the directory want.
func sameDir(home, dir, want string) bool {
	wantInfo, err := os.Stat(want)
	if err != nil {
		return false
	}
	candidates := []string{home}
	if !filepath.IsAbs(home) {
		candidates = append(candidates, filepath.Join(dir, home))
	}
	for _, c := range candidates {
		if info, err := os.Stat(c); err == nil && os.SameFile(info, wantInfo) {
			return true
		}
	}
	return false
}
