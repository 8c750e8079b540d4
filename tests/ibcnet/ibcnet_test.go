// Package ibcnet is the end-to-end test of TrustCity over IBC: it starts
// `make ibc-localnet`'s network (TrustCity, the bank chain of tests/bankchain,
// the court chain court-1 — a second TrustCity — and the Go relayer, each a
// real process) in a temporary home, once, and drives it through the chains'
// CLIs and REST APIs: funds from the bank chain over ICS-20 (a tagged deposit
// credited, an unknown program's deposit refunded, a payout acknowledged) and
// evidence across chains over the judicial channel (a deposit forwarded to
// the court chain and acknowledged with the court chain's record, one
// forwarded back, one of a digest the court chain already holds refused with
// an error acknowledgement). It needs the three binaries: `make test-ibc` builds them
// and sets TRUSTCITYD_BIN, BANKCHAIN_BIN and RLY_BIN; without them (as in
// `make test`) it skips. The network uses the fixed ports of `make
// ibc-localnet`, so it must not run next to a local chain.
package ibcnet

import (
	"bufio"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
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
	t                             *testing.T
	home, city, bank, rly         string
	cityHome, bankHome, courtHome string
}

// on is the network with the helpers failing t (a subtest).
func (n *network) on(t *testing.T) *network {
	c := *n
	c.t = t
	return &c
}

// start runs scripts/ibc-localnet.sh in its own process group and waits for
// its banner: the chains produce blocks and the channels are open.
func start(t *testing.T) *network {
	bins := map[string]string{}
	for _, env := range []string{"TRUSTCITYD_BIN", "BANKCHAIN_BIN", "RLY_BIN"} {
		bins[env] = os.Getenv(env)
		if bins[env] == "" {
			t.Skipf("the IBC network test needs %s (run it with make test-ibc)", env)
		}
	}
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	n := &network{t: t, home: t.TempDir(), city: bins["TRUSTCITYD_BIN"], bank: bins["BANKCHAIN_BIN"], rly: bins["RLY_BIN"]}
	n.cityHome, n.bankHome, n.courtHome = filepath.Join(n.home, "trustcity"), filepath.Join(n.home, "bank"), filepath.Join(n.home, "court")
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
	// A failed test shows the end of each process's log.
	t.Cleanup(func() {
		if !t.Failed() {
			return
		}
		for _, name := range []string{"trustcity", "court", "bank", "relayer"} {
			b, _ := os.ReadFile(filepath.Join(n.home, name+".log"))
			lines := strings.Split(strings.TrimSpace(string(b)), "\n")
			lines = lines[max(0, len(lines)-40):]
			t.Logf("%s.log, last lines:\n%s", name, strings.Join(lines, "\n"))
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

// td runs trustcityd against the TrustCity chain whose home is home.
func (n *network) td(home string, args ...string) string {
	return n.run(n.city, append(args, "--home", home, "--output", "json")...)
}

func (n *network) tc(args ...string) string {
	return n.td(n.cityHome, args...)
}

func (n *network) bk(args ...string) string {
	return n.run(n.bank, append(args, "--home", n.bankHome, "--output", "json")...)
}

// tdTx sends a transaction to the TrustCity chain whose home is home and
// requires it to succeed in a block.
func (n *network) tdTx(home string, args ...string) {
	n.t.Helper()
	var sent struct {
		Txhash string
		Code   uint32
		RawLog string `json:"raw_log"`
	}
	require.NoError(n.t, json.Unmarshal([]byte(n.td(home, append(append([]string{"tx"}, args...), "--keyring-backend", "test", "--yes")...)), &sent))
	require.Zero(n.t, sent.Code, "%v: %s", args, sent.RawLog)
	var res struct {
		Code   uint32
		RawLog string `json:"raw_log"`
	}
	require.NoError(n.t, json.Unmarshal([]byte(n.td(home, "q", "wait-tx", sent.Txhash)), &res))
	require.Zero(n.t, res.Code, "%v: %s", args, res.RawLog)
}

func (n *network) tcTx(args ...string) {
	n.t.Helper()
	n.tdTx(n.cityHome, args...)
}

// bkTx sends a bank-chain transaction and requires CheckTx to accept it.
func (n *network) bkTx(args ...string) {
	n.t.Helper()
	var res struct{ Code uint32 }
	require.NoError(n.t, json.Unmarshal([]byte(n.bk(append(append([]string{"tx"}, args...), "--yes")...)), &res))
	require.Zero(n.t, res.Code, args)
}

// get reads a REST answer into v.
func (n *network) get(url string, v any) {
	n.t.Helper()
	resp, err := http.Get(url)
	require.NoError(n.t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(n.t, err)
	require.Equal(n.t, http.StatusOK, resp.StatusCode, "GET %s: %s", url, body)
	require.NoError(n.t, json.Unmarshal(body, v), "GET %s: %s", url, body)
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

// TestAcrossChains starts the network once and runs each story on it.
func TestAcrossChains(t *testing.T) {
	n := start(t)
	t.Run("funds from a bank chain", func(t *testing.T) { fundsFromBankChain(n.on(t)) })
	t.Run("evidence across chains", func(t *testing.T) { evidenceAcrossChains(n.on(t)) })
}

// fundsFromBankChain: a tagged ICS-20 deposit from the bank chain is credited
// to a program, an unknown program's is refunded, a payout is acknowledged.
func fundsFromBankChain(n *network) {
	t := n.t
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

// trustcityChain is one of the network's two TrustCity chains.
type trustcityChain struct {
	id, home, rest string
	// judicialChannel is its end of the judicial channel.
	judicialChannel string
}

// forward is a forward of a deposit, as `q judicial deposit` prints it.
type forward struct {
	ChannelID      string `json:"channel_id"`
	Sequence       string
	ChainID        string `json:"chain_id"`
	Forwarder      string
	DepartmentID   string `json:"department_id"`
	Status         string
	RemoteRecordID string     `json:"remote_record_id"`
	RemoteHeight   string     `json:"remote_height"`
	RemoteTime     *time.Time `json:"remote_time"`
	Error          string
}

// evidence is a judicial record, in the CLI's and the REST API's JSON.
type evidence struct {
	ID           string
	Digest       []byte
	DepartmentID string `json:"department_id"`
	Depositor    string
	Height       string
	Time         time.Time
	Origin       *struct {
		ChainID              string `json:"chain_id"`
		PortID               string `json:"port_id"`
		ChannelID            string `json:"channel_id"`
		DestinationChannelID string `json:"destination_channel_id"`
		Sequence             string
		Depositor            string
		DepartmentID         string `json:"department_id"`
		SourceRecordID       string `json:"source_record_id"`
	}
	Forwards []forward
}

// deposit is the record with that id on the chain c.
func (n *network) deposit(c trustcityChain, id string) evidence {
	n.t.Helper()
	var res struct{ Evidence evidence }
	require.NoError(n.t, json.Unmarshal([]byte(n.td(c.home, "q", "judicial", "deposit", id)), &res))
	return res.Evidence
}

// judicialChannel is the chain's end of its open judicial channel.
func (n *network) judicialChannel(home string) string {
	n.t.Helper()
	var res struct {
		Channels []struct {
			State     string
			Ordering  string
			Version   string
			PortID    string `json:"port_id"`
			ChannelID string `json:"channel_id"`
		}
	}
	require.NoError(n.t, json.Unmarshal([]byte(n.td(home, "q", "ibc", "channel", "channels")), &res))
	var ids []string
	for _, ch := range res.Channels {
		if ch.PortID == "judicial" && ch.State == "STATE_OPEN" {
			require.Equal(n.t, "ORDER_UNORDERED", ch.Ordering)
			require.Equal(n.t, "judicial-1", ch.Version)
			ids = append(ids, ch.ChannelID)
		}
	}
	require.Len(n.t, ids, 1, "open judicial channels")
	return ids[0]
}

// evidenceAcrossChains: the notary of TrustCity deposits a digest and
// forwards it to the court chain, which records it with its origin and
// acknowledges it with its record; then the court chain's notary does the
// same the other way; a digest the court chain already holds is refused with
// an error acknowledgement.
func evidenceAcrossChains(n *network) {
	t := n.t
	// The channel ids README.md's walkthrough names.
	city := trustcityChain{id: "trustcity-local-1", home: n.cityHome, rest: "http://127.0.0.1:1317", judicialChannel: n.judicialChannel(n.cityHome)}
	court := trustcityChain{id: "court-1", home: n.courtHome, rest: "http://127.0.0.1:41317", judicialChannel: n.judicialChannel(n.courtHome)}
	require.Equal(t, "channel-1", city.judicialChannel)
	require.Equal(t, "channel-0", court.judicialChannel)

	n.forwardEvidence(city, court)
	n.forwardEvidence(court, city)
	n.forwardRefused(city, court)
}

// randomDigest is a fresh SHA-256-sized digest and its hex.
func (n *network) randomDigest() ([]byte, string) {
	digest := make([]byte, 32)
	_, err := rand.Read(digest)
	require.NoError(n.t, err)
	return digest, hex.EncodeToString(digest)
}

// depositOn deposits digestHex on the chain with notary-admin and returns the
// record id.
func (n *network) depositOn(c trustcityChain, digestHex string) string {
	n.t.Helper()
	n.tdTx(c.home, "judicial", "deposit", digestHex, "sha256", "e-contract", "--from", "notary-admin")
	var found struct{ Evidence evidence }
	require.NoError(n.t, json.Unmarshal([]byte(n.td(c.home, "q", "judicial", "evidence", digestHex)), &found))
	require.NotEmpty(n.t, found.Evidence.ID)
	return found.Evidence.ID
}

// forwardRefused forwards from from a digest that to already holds: to
// answers with an error acknowledgement, and from records the refusal.
func (n *network) forwardRefused(from, to trustcityChain) {
	t := n.t
	_, digestHex := n.randomDigest()
	held := n.depositOn(to, digestHex)
	id := n.depositOn(from, digestHex)
	n.tdTx(from.home, "judicial", "forward", id, from.judicialChannel, "--from", "notary-admin")
	var f forward
	n.eventually(fmt.Sprintf("the forward %s -> %s of a held digest refused", from.id, to.id), func() bool {
		local := n.deposit(from, id)
		require.Len(t, local.Forwards, 1)
		f = local.Forwards[0]
		require.NotEqual(t, "FORWARD_STATUS_ACKNOWLEDGED", f.Status)
		return f.Status == "FORWARD_STATUS_REFUSED"
	})
	require.Contains(t, f.Error, "judicial/7:", "the receiver holds the digest: ErrAlreadyDeposited")
	require.Contains(t, []string{"", "0"}, f.RemoteRecordID)
	var found struct{ Evidence evidence }
	require.NoError(t, json.Unmarshal([]byte(n.td(to.home, "q", "judicial", "evidence", digestHex)), &found))
	require.Equal(t, held, found.Evidence.ID)
	require.Nil(t, found.Evidence.Origin, "the record %s already held", to.id)
}

// forwardEvidence deposits a fresh digest on from with notary-admin, forwards
// it to to and checks both records.
func (n *network) forwardEvidence(from, to trustcityChain) {
	t := n.t
	digest, digestHex := n.randomDigest()
	notary := n.address(n.city, from.home, "notary-admin")
	id := n.depositOn(from, digestHex)
	require.Equal(t, digest, n.deposit(from, id).Digest)

	n.tdTx(from.home, "judicial", "forward", id, from.judicialChannel, "--from", "notary-admin")
	local := n.deposit(from, id)
	require.Len(t, local.Forwards, 1)
	f := local.Forwards[0]
	require.Equal(t, from.judicialChannel, f.ChannelID)
	require.Equal(t, to.id, f.ChainID)
	require.Equal(t, notary, f.Forwarder)
	require.Equal(t, "notary", f.DepartmentID)
	require.NotEmpty(t, f.Sequence)
	require.Contains(t, []string{"FORWARD_STATUS_IN_FLIGHT", "FORWARD_STATUS_ACKNOWLEDGED"}, f.Status)

	n.eventually(fmt.Sprintf("the forward %s -> %s acknowledged", from.id, to.id), func() bool {
		local = n.deposit(from, id)
		require.Len(t, local.Forwards, 1)
		require.NotContains(t, []string{"FORWARD_STATUS_REFUSED", "FORWARD_STATUS_TIMED_OUT"}, local.Forwards[0].Status, local.Forwards[0].Error)
		return local.Forwards[0].Status == "FORWARD_STATUS_ACKNOWLEDGED"
	})
	f = local.Forwards[0]
	require.NotContains(t, []string{"", "0"}, f.RemoteRecordID)
	require.NotNil(t, f.RemoteTime)
	require.Empty(t, f.Error)

	// The receiving chain's record: the same digest, no department or
	// depositor of its own, and where it came from.
	remote := n.deposit(to, f.RemoteRecordID)
	require.Equal(t, f.RemoteRecordID, remote.ID)
	require.Equal(t, digest, remote.Digest)
	require.Empty(t, remote.DepartmentID)
	require.Empty(t, remote.Depositor)
	require.Equal(t, f.RemoteHeight, remote.Height)
	require.True(t, f.RemoteTime.Equal(remote.Time), "remote_time %s, record time %s", f.RemoteTime, remote.Time)
	require.NotNil(t, remote.Origin)
	require.Equal(t, from.id, remote.Origin.ChainID)
	require.Equal(t, "judicial", remote.Origin.PortID)
	require.Equal(t, from.judicialChannel, remote.Origin.ChannelID)
	require.Equal(t, to.judicialChannel, remote.Origin.DestinationChannelID)
	require.Equal(t, f.Sequence, remote.Origin.Sequence)
	require.Equal(t, notary, remote.Origin.Depositor)
	require.Equal(t, "notary", remote.Origin.DepartmentID)
	require.Equal(t, id, remote.Origin.SourceRecordID)

	// Found by its digest and among the sending chain's deposits, on the CLI
	// and over REST.
	var byDigest struct{ Evidence evidence }
	require.NoError(t, json.Unmarshal([]byte(n.td(to.home, "q", "judicial", "evidence", digestHex)), &byDigest))
	require.Equal(t, remote.ID, byDigest.Evidence.ID)
	require.NotNil(t, byDigest.Evidence.Origin)
	require.Equal(t, from.id, byDigest.Evidence.Origin.ChainID)
	byDigest.Evidence = evidence{}
	n.get(to.rest+"/trustcity/judicial/v1/evidence/"+digestHex, &byDigest)
	require.Equal(t, remote.ID, byDigest.Evidence.ID)
	require.Equal(t, digest, byDigest.Evidence.Digest)
	require.NotNil(t, byDigest.Evidence.Origin)
	require.Equal(t, from.id, byDigest.Evidence.Origin.ChainID)
	require.Equal(t, id, byDigest.Evidence.Origin.SourceRecordID)

	var list struct{ Evidence []evidence }
	require.NoError(t, json.Unmarshal([]byte(n.td(to.home, "q", "judicial", "cross-chain-deposits", from.id)), &list))
	require.True(t, containsRecord(list.Evidence, remote.ID, digest), "cross-chain-deposits %s on %s", from.id, to.id)
	list.Evidence = nil
	n.get(to.rest+"/trustcity/judicial/v1/chains/"+from.id+"/deposits", &list)
	require.True(t, containsRecord(list.Evidence, remote.ID, digest), "REST deposits of %s on %s", from.id, to.id)
}

func containsRecord(records []evidence, id string, digest []byte) bool {
	for _, e := range records {
		if e.ID == id && string(e.Digest) == string(digest) {
			return true
		}
	}
	return false
}
