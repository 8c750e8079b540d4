package e2e

import (
	"fmt"
	"testing"
	"time"
)

const (
	singleChainID = "trustcity-e2e-1"
	// genesisFunds is what each funded genesis account starts with.
	genesisFunds = 100000000000
	// selfBond is the validator's gentx delegation.
	selfBond = "50000000000" + denom
	// startTimeout bounds a node's start-up to its first blocks.
	startTimeout = 3 * time.Minute
	// restTimeout bounds waiting for the REST API to show a state change.
	restTimeout = time.Minute
)

// TestSingleNodeLifecycle builds a one-validator chain with the genesis CLI,
// starts it, moves coins with direct and amino-json signing, reads balances
// over REST and gRPC, and restarts the node from the same home.
func TestSingleNodeLifecycle(t *testing.T) {
	requireBinary(t)
	home := t.TempDir()

	initHome(t, home, singleChainID)
	addKey(t, home, "validator")
	alice := addKey(t, home, "alice")
	bob := addKey(t, home, "bob")
	for _, name := range []string{"validator", "alice"} {
		mustCLI(t, "genesis", "add-genesis-account", name, fmt.Sprintf("%d%s", genesisFunds, denom),
			"--keyring-backend", "test", "--home", home)
	}
	mustCLI(t, "genesis", "gentx", "validator", selfBond,
		"--chain-id", singleChainID, "--keyring-backend", "test", "--home", home)
	mustCLI(t, "genesis", "collect-gentxs", "--home", home)
	mustCLI(t, "genesis", "validate", "--home", home)

	ports := newNodePorts(t)
	n := newNode(t, "single", home, ports.endpoints(), ports.startFlags()...)
	n.start(t)
	n.waitHeight(t, 1, startTimeout)

	fee := int64(baseFee)
	send := func(t *testing.T, amount int64, extra ...string) {
		t.Helper()
		args := []string{"tx", "bank", "send", "alice", bob, fmt.Sprintf("%d%s", amount, denom),
			"--chain-id", singleChainID, "--keyring-backend", "test", "--home", home,
			"--node", n.nodeFlag(), "--fees", fmt.Sprintf("%d%s", fee, denom),
			"--yes", "--output", "json"}
		hash := broadcastTx(t, append(args, extra...)...)
		tx := waitTxCommitted(t, n, hash)
		t.Logf("tx %s committed at height %d", hash, tx.Height)
	}
	bobWant, aliceWant := int64(0), int64(genesisFunds)

	step(t, "REST latest block", func(t *testing.T) {
		eventually(t, restTimeout, "REST blocks/latest with a height", func() (bool, string) {
			h, err := n.restLatestHeight()
			if err != nil {
				return false, err.Error()
			}
			return h > 0, fmt.Sprintf("height %d", h)
		})
	})

	step(t, "OpenAPI document served", func(t *testing.T) {
		var doc struct {
			Swagger string                    `json:"swagger"`
			Paths   map[string]map[string]any `json:"paths"`
		}
		if err := getJSON(n.apiURL()+"/swagger/openapi.json", &doc); err != nil {
			t.Fatalf("GET /swagger/openapi.json: %v", err)
		}
		if doc.Swagger != "2.0" {
			t.Fatalf("swagger version %q, want 2.0", doc.Swagger)
		}
		for _, path := range []string{"/cosmos/bank/v1beta1/balances/{address}", "/ibc/apps/transfer/v1/denoms"} {
			if _, ok := doc.Paths[path]; !ok {
				t.Fatalf("OpenAPI document lacks %s", path)
			}
		}
	})

	step(t, "bank send, balance over REST and gRPC", func(t *testing.T) {
		send(t, 12345)
		bobWant += 12345
		aliceWant -= 12345 + fee
		n.waitRESTBalance(t, bob, bobWant, restTimeout)
		if got := n.grpcBalance(t, bob); got != bobWant {
			t.Fatalf("gRPC balance of bob = %d, want %d", got, bobWant)
		}
		n.waitRESTBalance(t, alice, aliceWant, restTimeout)
	})

	step(t, "amino-json signed send", func(t *testing.T) {
		send(t, 1, "--sign-mode", "amino-json")
		bobWant++
		aliceWant -= 1 + fee
		n.waitRESTBalance(t, bob, bobWant, restTimeout)
		n.waitRESTBalance(t, alice, aliceWant, restTimeout)
	})

	step(t, "restart from the same home", func(t *testing.T) {
		before, err := n.height()
		if err != nil {
			t.Fatalf("height before stop: %v", err)
		}
		n.stop(t)
		n.start(t)
		after := n.waitHeight(t, before+1, startTimeout)
		t.Logf("height %d before stop, %d after restart", before, after)
		n.waitRESTBalance(t, bob, bobWant, restTimeout)
		if got := n.grpcBalance(t, bob); got != bobWant {
			t.Fatalf("gRPC balance of bob after restart = %d, want %d", got, bobWant)
		}
	})
}

// step runs a subtest and stops the parent test if it failed, because later
// steps build on the state earlier ones left.
func step(t *testing.T, name string, f func(t *testing.T)) {
	t.Helper()
	if !t.Run(name, f) {
		t.FailNow()
	}
}
