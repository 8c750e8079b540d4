// Package ibcnet is the two-chain end-to-end test: it starts `make
// ibc-localnet`'s network (TrustCity, the bank chain of tests/bankchain and
// the Go relayer, each a real process) in a temporary home and drives it
// through the two chains' CLIs. It needs the three binaries: `make test-ibc`
// builds them and sets TRUSTCITYD_BIN, BANKCHAIN_BIN and RLY_BIN; without
// them (as in `make test`) it skips. The network uses the fixed ports of
// `make ibc-localnet`, so it must not run next to a local chain.
package ibcnet

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

type network struct {
	t                     *testing.T
	home, city, bank, rly string
	cityHome, bankHome    string
}

// start runs scripts/ibc-localnet.sh in its own process group and waits for
// its banner: both chains produce blocks and the channel is open.
func start(t *testing.T) *network {
	bins := map[string]string{}
	for _, env := range []string{"TRUSTCITYD_BIN", "BANKCHAIN_BIN", "RLY_BIN"} {
		bins[env] = os.Getenv(env)
		if bins[env] == "" {
			t.Skipf("the two-chain test needs %s (run it with make test-ibc)", env)
		}
	}
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	n := &network{t: t, home: t.TempDir(), city: bins["TRUSTCITYD_BIN"], bank: bins["BANKCHAIN_BIN"], rly: bins["RLY_BIN"]}
	n.cityHome, n.bankHome = filepath.Join(n.home, "trustcity"), filepath.Join(n.home, "bank")
	cmd := exec.Command("bash", filepath.Join(root, "scripts", "ibc-localnet.sh"))
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "IBC_HOME="+n.home, "BIN="+n.city, "BANK_BIN="+n.bank, "RLY_BIN="+n.rly)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	out, err := cmd.StdoutPipe()
	require.NoError(t, err)
	cmd.Stderr = cmd.Stdout
	require.NoError(t, cmd.Start())
	t.Cleanup(func() {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM)
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		}
	})
	ready := make(chan error, 1)
	go func() {
		var lines []string
		scanner := bufio.NewScanner(out)
		for scanner.Scan() {
			lines = append(lines, scanner.Text())
			if strings.Contains(scanner.Text(), "linked by the Go relayer") {
				ready <- nil
				for scanner.Scan() {
				}
				return
			}
		}
		ready <- fmt.Errorf("the network script ended:\n%s", strings.Join(lines, "\n"))
	}()
	select {
	case err := <-ready:
		require.NoError(t, err)
	case <-time.After(6 * time.Minute):
		t.Fatal("the network was not up after 6 minutes")
	}
	return n
}

// run runs a binary with args and returns its standard output.
func (n *network) run(bin string, args ...string) string {
	n.t.Helper()
	out, err := exec.Command(bin, args...).Output()
	var stderr string
	if exitErr, ok := err.(*exec.ExitError); ok {
		stderr = string(exitErr.Stderr)
	}
	require.NoError(n.t, err, "%s %s: %s", filepath.Base(bin), strings.Join(args, " "), stderr)
	return string(out)
}

func (n *network) tc(args ...string) string {
	return n.run(n.city, append(args, "--home", n.cityHome, "--output", "json")...)
}

func (n *network) bk(args ...string) string {
	return n.run(n.bank, append(args, "--home", n.bankHome, "--output", "json")...)
}

// tcTx sends a TrustCity transaction and requires it to succeed in a block.
func (n *network) tcTx(args ...string) {
	n.t.Helper()
	var sent struct{ Txhash string }
	require.NoError(n.t, json.Unmarshal([]byte(n.tc(append(append([]string{"tx"}, args...), "--keyring-backend", "test", "--yes")...)), &sent))
	var res struct{ Code uint32 }
	require.NoError(n.t, json.Unmarshal([]byte(n.tc("q", "wait-tx", sent.Txhash)), &res))
	require.Zero(n.t, res.Code, args)
}

// bkTx sends a bank-chain transaction and requires CheckTx to accept it.
func (n *network) bkTx(args ...string) {
	n.t.Helper()
	var res struct{ Code uint32 }
	require.NoError(n.t, json.Unmarshal([]byte(n.bk(append(append([]string{"tx"}, args...), "--yes")...)), &res))
	require.Zero(n.t, res.Code, args)
}

// eventually polls until cond holds, for at most a minute.
func (n *network) eventually(what string, cond func() bool) {
	n.t.Helper()
	deadline := time.Now().Add(time.Minute)
	for !cond() {
		if time.Now().After(deadline) {
			n.t.Fatalf("%s: not after a minute", what)
		}
		time.Sleep(2 * time.Second)
	}
}

func (n *network) address(bin, home, key string) string {
	return strings.TrimSpace(n.run(bin, "keys", "show", key, "-a", "--keyring-backend", "test", "--home", home))
}

// stake is an account's stake balance on the bank chain.
func (n *network) stake(addr string) string {
	var res struct {
		Balances []struct{ Denom, Amount string }
	}
	require.NoError(n.t, json.Unmarshal([]byte(n.bk("q", "bank", "balances", addr)), &res))
	for _, b := range res.Balances {
		if b.Denom == "stake" {
			return b.Amount
		}
	}
	return "0"
}

func TestFundsAcrossTwoChains(t *testing.T) {
	n := start(t)
	sum := sha256.Sum256([]byte("transfer/channel-0/stake"))
	voucher := "ibc/" + strings.ToUpper(hex.EncodeToString(sum[:]))
	treasury := n.address(n.city, n.cityHome, "treasury-admin")
	household := n.address(n.city, n.cityHome, "household")
	alice := n.address(n.bank, n.bankHome, "alice")
	var account struct {
		Account struct{ Value struct{ Address string } }
	}
	require.NoError(t, json.Unmarshal([]byte(n.tc("q", "auth", "module-account", "funds")), &account))
	escrow := account.Account.Value.Address

	n.tcTx("funds", "create-program", "Bank-funded relief", "1000000000"+voucher, "16010", "500000000"+voucher, treasury, "--from", "treasury-admin")

	// A tagged deposit is credited to the program, its origin on the ledger.
	n.bkTx("ibc-transfer", "transfer", "transfer", "channel-0", escrow, "250000000stake", "--memo", `{"trustcity":{"program":"1"}}`, "--from", "alice")
	type ledger struct {
		Entries []struct {
			Type      string
			Amount    string
			From      string
			IbcOrigin *struct {
				SourceChannel string `json:"source_channel"`
				Sender        string
				DenomTrace    string `json:"denom_trace"`
			} `json:"ibc_origin"`
		}
	}
	var entries ledger
	n.eventually("the deposit credited", func() bool {
		require.NoError(t, json.Unmarshal([]byte(n.tc("q", "funds", "ledger", "1")), &entries))
		return len(entries.Entries) == 1
	})
	e := entries.Entries[0]
	require.Equal(t, "LEDGER_TYPE_INCOMING_FUNDS", e.Type)
	require.Equal(t, "250000000", e.Amount)
	require.Equal(t, alice, e.From)
	require.NotNil(t, e.IbcOrigin)
	require.Equal(t, "channel-0", e.IbcOrigin.SourceChannel)
	require.Equal(t, "transfer/channel-0/stake", e.IbcOrigin.DenomTrace)

	// A deposit naming an unknown program is refunded on the bank chain.
	before := n.stake(alice)
	n.bkTx("ibc-transfer", "transfer", "transfer", "channel-0", escrow, "1000stake", "--memo", `{"trustcity":{"program":"9"}}`, "--from", "alice")
	n.eventually("the refused deposit sent", func() bool { return n.stake(alice) != before })
	n.eventually("the refused deposit refunded", func() bool { return n.stake(alice) == before })
	require.NoError(t, json.Unmarshal([]byte(n.tc("q", "funds", "ledger", "1")), &entries))
	require.Len(t, entries.Entries, 1, "nothing credited")

	// A payout reaches the supplier's account on the bank chain.
	n.run(n.bank, "keys", "add", "shop", "--keyring-backend", "test", "--home", n.bankHome)
	shop := n.address(n.bank, n.bankHome, "shop")
	n.tcTx("funds", "disburse", "1", household, "40000000"+voucher, "16010", strings.Repeat("ab", 32),
		"--ibc-channel", "channel-0", "--ibc-receiver", shop, "--from", "treasury-admin")
	n.eventually("the payout acknowledged", func() bool {
		var d struct{ Disbursement struct{ Status string } }
		require.NoError(t, json.Unmarshal([]byte(n.tc("q", "funds", "disbursement", "1")), &d))
		return d.Disbursement.Status == "DISBURSEMENT_STATUS_PAID"
	})
	require.Equal(t, "40000000", n.stake(shop))
}
