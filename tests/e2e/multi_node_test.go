package e2e

import (
	"fmt"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

const (
	multiChainID    = "trustcity-multi-e2e"
	multiValidators = 4
	// portsPerNode is the port stride `trustcityd testnet` uses per node.
	portsPerNode = 10
	// networkTimeout bounds each liveness wait of the four-node network; four
	// nodes share two slow cores and a stopped proposer costs a round.
	networkTimeout = 4 * time.Minute
	// maxLag is how far behind the others a caught-up node may be.
	maxLag = 2
)

// TestFourValidatorNetwork generates a four-validator network with
// `trustcityd testnet`, runs it, checks liveness with one validator stopped
// and that the restarted validator catches up, and moves coins through one
// node while reading them on another.
func TestFourValidatorNetwork(t *testing.T) {
	requireBinary(t)
	dir := t.TempDir()
	base := freePortBlock(t, multiValidators*portsPerNode)

	mustCLI(t, "testnet",
		"--validators", strconv.Itoa(multiValidators),
		"--output-dir", dir,
		"--chain-id", multiChainID,
		"--base-port", strconv.Itoa(base),
		"--keyring-backend", "test")
	m := readManifest(t, dir)
	checkManifest(t, m, dir, multiChainID, multiValidators, base)

	nodes := make([]*node, multiValidators)
	for i := range nodes {
		name := fmt.Sprintf("node%d", i)
		p := base + portsPerNode*i
		nodes[i] = newNode(t, name, filepath.Join(dir, name), endpoints{
			rpc:  loopback(p + 1),
			api:  loopback(p + 2),
			grpc: loopback(p + 3),
		})
	}

	step(t, "keyrings hold the listed keys", func(t *testing.T) {
		for i, n := range nodes {
			if got := keyAddress(t, n.home, n.name); got != m.Nodes[i].AccountAddress {
				t.Errorf("%s keyring: key %s = %s, testnet.json says %s", n.name, n.name, got, m.Nodes[i].AccountAddress)
			}
			for _, user := range []string{"user0", "user1"} {
				if got, want := keyAddress(t, n.home, user), m.account(user); got != want {
					t.Errorf("%s keyring: key %s = %s, testnet.json says %s", n.name, user, got, want)
				}
			}
		}
	})

	for _, n := range nodes {
		n.start(t)
	}

	step(t, "every node produces blocks", func(t *testing.T) {
		for i, n := range nodes {
			h := n.waitHeight(t, 0, networkTimeout)
			n.waitHeight(t, h+1, networkTimeout)
			st, err := n.status()
			if err != nil {
				t.Fatalf("%s status: %v", n.name, err)
			}
			if st.Result.NodeInfo.ID != m.Nodes[i].NodeID {
				t.Errorf("%s node id = %s, testnet.json says %s", n.name, st.Result.NodeInfo.ID, m.Nodes[i].NodeID)
			}
			if st.Result.NodeInfo.Network != multiChainID {
				t.Errorf("%s network = %q, want %q", n.name, st.Result.NodeInfo.Network, multiChainID)
			}
		}
	})

	step(t, "validator set has four members", func(t *testing.T) {
		for _, n := range nodes {
			v, err := n.validators()
			if err != nil {
				t.Fatalf("%s /validators: %v", n.name, err)
			}
			if int(v.Result.Total) != multiValidators || len(v.Result.Validators) != multiValidators {
				t.Fatalf("%s /validators: total %d, listed %d, want %d", n.name, v.Result.Total, len(v.Result.Validators), multiValidators)
			}
			for _, val := range v.Result.Validators {
				if val.VotingPower <= 0 {
					t.Errorf("%s /validators: %s has voting power %d", n.name, val.Address, val.VotingPower)
				}
			}
		}
		assertBondedValidators(t, nodes[0], m)
	})

	step(t, "bank send through node1 shows on node2 REST", func(t *testing.T) {
		user1 := m.account("user1")
		var before int64
		eventually(t, restTimeout, "node2 REST balance of user1", func() (bool, string) {
			var err error
			before, err = nodes[2].restBalance(user1)
			if err != nil {
				return false, err.Error()
			}
			return true, ""
		})
		const amount = 777
		hash := broadcastTx(t, "tx", "bank", "send", "user0", user1, fmt.Sprintf("%d%s", amount, denom),
			"--chain-id", multiChainID, "--keyring-backend", "test", "--home", nodes[1].home,
			"--node", nodes[1].nodeFlag(), "--fees", fmt.Sprintf("%d%s", baseFee, denom),
			"--yes", "--output", "json")
		waitTxCommitted(t, nodes[1], hash)
		nodes[2].waitRESTBalance(t, user1, before+amount, restTimeout)
	})

	step(t, "three validators keep committing while node3 is down", func(t *testing.T) {
		nodes[3].stop(t)
		for _, n := range nodes[:3] {
			h, err := n.height()
			if err != nil {
				t.Fatalf("%s height: %v", n.name, err)
			}
			got := n.waitHeight(t, h+2, networkTimeout)
			t.Logf("%s: height %d -> %d with node3 down", n.name, h, got)
		}
	})

	step(t, "restarted node3 catches up", func(t *testing.T) {
		n3 := nodes[3]
		n3.start(t)
		eventually(t, networkTimeout, fmt.Sprintf("node3 within %d blocks of node0", maxLag), func() (bool, string) {
			n3.failIfExited(t)
			ref, err := nodes[0].height()
			if err != nil {
				return false, "node0: " + err.Error()
			}
			h, err := n3.height()
			if err != nil {
				return false, "node3: " + err.Error()
			}
			return h >= ref-maxLag, fmt.Sprintf("node3 at %d, node0 at %d", h, ref)
		})
	})
}

// assertBondedValidators checks over REST that the staking module has
// exactly the testnet's operators bonded.
func assertBondedValidators(t testing.TB, n *node, m testnetManifest) {
	t.Helper()
	var res struct {
		Validators []struct {
			OperatorAddress string `json:"operator_address"`
			Status          string `json:"status"`
		} `json:"validators"`
	}
	eventually(t, restTimeout, n.name+" REST staking validators", func() (bool, string) {
		err := getJSON(n.apiURL()+"/cosmos/staking/v1beta1/validators?status=BOND_STATUS_BONDED", &res)
		if err != nil {
			return false, err.Error()
		}
		return true, ""
	})
	bonded := map[string]bool{}
	for _, v := range res.Validators {
		bonded[v.OperatorAddress] = v.Status == "BOND_STATUS_BONDED"
	}
	if len(bonded) != len(m.Nodes) {
		t.Errorf("REST lists %d bonded validators, want %d", len(bonded), len(m.Nodes))
	}
	for _, mn := range m.Nodes {
		if !bonded[mn.OperatorAddress] {
			t.Errorf("validator %s (%s) is not bonded", mn.OperatorAddress, mn.Name)
		}
	}
}
