package e2e

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// identityCodespace is the codespace of x/identity's registered errors.
const identityCodespace = "identity"

// x/identity error codes the identity test expects (x/identity/types/errors.go).
const (
	codeUnauthorized  = 3
	codeRoleNotSubset = 8
	codeInvalidDevice = 26
)

// chainTx is a transaction as `q tx --output json` reports it once it is in
// a block, with its events.
type chainTx struct {
	Height    jsonInt   `json:"height"`
	TxHash    string    `json:"txhash"`
	Codespace string    `json:"codespace"`
	Code      uint32    `json:"code"`
	RawLog    string    `json:"raw_log"`
	Events    []txEvent `json:"events"`
}

// txEvent is one ABCI event of a transaction.
type txEvent struct {
	Type       string `json:"type"`
	Attributes []struct {
		Key   string `json:"key"`
		Value string `json:"value"`
	} `json:"attributes"`
}

// attr returns the value of the first attribute key of the first event of
// type typ, and whether there was one.
func (tx chainTx) attr(typ, key string) (string, bool) {
	for _, ev := range tx.Events {
		if ev.Type != typ {
			continue
		}
		for _, a := range ev.Attributes {
			if a.Key == key {
				return a.Value, true
			}
		}
	}
	return "", false
}

// typedAttr decodes the JSON value of an attribute of a typed (proto)
// event, which EmitTypedEvent writes as JSON (strings quoted).
func (tx chainTx) typedAttr(t testing.TB, typ, key string, out any) {
	t.Helper()
	v, ok := tx.attr(typ, key)
	if !ok {
		t.Fatalf("tx %s has no %s event with attribute %q; events: %+v", tx.TxHash, typ, key, tx.Events)
	}
	if err := json.Unmarshal([]byte(v), out); err != nil {
		t.Fatalf("tx %s: %s.%s = %q: %v", tx.TxHash, typ, key, v, err)
	}
}

// chainClient signs and sends transactions with the keys of one home's
// test keyring to one node.
type chainClient struct {
	n       *node
	chainID string
}

// txFlags are the flags every signed transaction of the test carries.
func (c chainClient) txFlags(from string) []string {
	return []string{
		"--from", from, "--chain-id", c.chainID, "--keyring-backend", "test", "--home", c.n.home,
		"--node", c.n.nodeFlag(), "--fees", fmt.Sprintf("%d%s", baseFee, denom),
		"--gas", "400000", "--yes", "--output", "json",
	}
}

// send signs `tx <args...>` with key from and broadcasts it; it must pass
// CheckTx. Message handlers run only in the block, so a transaction a
// handler refuses is still accepted here: wait for it to see its result.
func (c chainClient) send(t testing.TB, from string, args ...string) string {
	t.Helper()
	return broadcastTx(t, append(append([]string{"tx"}, args...), c.txFlags(from)...)...)
}

// wait polls the node until the transaction is in a block and returns it,
// whatever its result code.
func (c chainClient) wait(t testing.TB, hash string) chainTx {
	t.Helper()
	var tx chainTx
	eventually(t, txWaitTimeout, fmt.Sprintf("tx %s in a block", hash), func() (bool, string) {
		c.n.failIfExited(t)
		res := runCLI(t, 30*time.Second, "q", "tx", hash,
			"--node", c.n.nodeFlag(), "--home", c.n.home, "--output", "json")
		if res.code != 0 {
			return false, strings.TrimSpace(tail(res.stderr+res.stdout, 300))
		}
		i := strings.IndexByte(res.stdout, '{')
		if i < 0 {
			return false, "no JSON in output: " + tail(res.stdout, 300)
		}
		tx = chainTx{}
		if err := json.Unmarshal([]byte(res.stdout[i:]), &tx); err != nil {
			return false, fmt.Sprintf("parsing: %v: %s", err, tail(res.stdout, 300))
		}
		return tx.Height > 0, fmt.Sprintf("height %d", tx.Height)
	})
	return tx
}

// mustSucceed waits for a transaction and fails the test unless its code is 0.
func (c chainClient) mustSucceed(t testing.TB, hash string) chainTx {
	t.Helper()
	tx := c.wait(t, hash)
	if tx.Code != 0 {
		t.Fatalf("tx %s failed in block %d: codespace %q code %d: %s", hash, tx.Height, tx.Codespace, tx.Code, tx.RawLog)
	}
	return tx
}

// mustFail waits for a transaction and fails the test unless the chain
// refused it in its block with codespace and code.
func (c chainClient) mustFail(t testing.TB, hash, codespace string, code uint32) chainTx {
	t.Helper()
	tx := c.wait(t, hash)
	if tx.Codespace != codespace || tx.Code != code {
		t.Fatalf("tx %s in block %d: codespace %q code %d (%s); want codespace %q code %d",
			hash, tx.Height, tx.Codespace, tx.Code, tx.RawLog, codespace, code)
	}
	return tx
}

// run signs, sends and waits for a transaction that must succeed.
func (c chainClient) run(t testing.TB, from string, args ...string) chainTx {
	t.Helper()
	return c.mustSucceed(t, c.send(t, from, args...))
}

// setGovPeriods shortens the governance deposit and voting periods of the
// genesis in home, and sets the minimum deposit, so a proposal passes in
// seconds. Every other value is kept as it was (numbers included).
func setGovPeriods(t testing.TB, home string, voting time.Duration, minDeposit string) {
	t.Helper()
	editGenesis(t, home, func(genesis map[string]any) {
		params := genesisObject(t, genesis, "app_state", "gov", "params")
		params["voting_period"] = durationString(voting)
		params["max_deposit_period"] = durationString(voting)
		// The expedited period must be shorter than the regular one.
		params["expedited_voting_period"] = durationString(voting / 2)
		params["min_deposit"] = []any{map[string]any{"denom": denom, "amount": strings.TrimSuffix(minDeposit, denom)}}
	})
}

// editGenesis decodes the genesis in home (numbers kept as written), lets
// change edit it and writes it back.
func editGenesis(t testing.TB, home string, change func(genesis map[string]any)) {
	t.Helper()
	path := filepath.Join(home, "config", "genesis.json")
	bz, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading genesis: %v", err)
	}
	var genesis map[string]any
	dec := json.NewDecoder(bytes.NewReader(bz))
	dec.UseNumber()
	if err := dec.Decode(&genesis); err != nil {
		t.Fatalf("decoding genesis: %v", err)
	}
	change(genesis)
	out, err := json.MarshalIndent(genesis, "", "  ")
	if err != nil {
		t.Fatalf("encoding genesis: %v", err)
	}
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatalf("writing genesis: %v", err)
	}
}

// genesisObject returns the JSON object of genesis at keys, failing the test
// when there is none.
func genesisObject(t testing.TB, genesis map[string]any, keys ...string) map[string]any {
	t.Helper()
	obj, ok := lookupJSON(genesis, keys...).(map[string]any)
	if !ok {
		t.Fatalf("genesis has no %s object", strings.Join(keys, "."))
	}
	return obj
}

// lookupJSON walks nested JSON objects along keys; nil when a key is absent.
func lookupJSON(v any, keys ...string) any {
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

// durationString formats d as proto JSON does ("12s").
func durationString(d time.Duration) string {
	return fmt.Sprintf("%ds", int64(d/time.Second))
}

// httpGet fetches url and returns the status code and body, whatever the
// status.
func httpGet(url string) (int, []byte, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return 0, nil, err
	}
	resp, err := httpClient.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 4<<20))
	if err != nil {
		return resp.StatusCode, nil, fmt.Errorf("GET %s: reading body: %w", url, err)
	}
	return resp.StatusCode, body, nil
}

// mustGetJSON fetches url over REST, requires status want and decodes the
// body into out.
func mustGetJSON(t testing.TB, url string, want int, out any) {
	t.Helper()
	code, body, err := httpGet(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	if code != want {
		t.Fatalf("GET %s: status %d, want %d: %s", url, code, want, tail(string(body), 800))
	}
	if err := json.Unmarshal(body, out); err != nil {
		t.Fatalf("GET %s: decoding %q: %v", url, tail(string(body), 800), err)
	}
}

// keyPubKey returns the compressed secp256k1 public key of a key in home's
// test keyring.
func keyPubKey(t testing.TB, home, name string) []byte {
	t.Helper()
	res := mustCLI(t, "keys", "show", name, "--keyring-backend", "test", "--home", home, "--output", "json")
	var info struct {
		PubKey string `json:"pubkey"`
	}
	if err := json.Unmarshal([]byte(res.stdout), &info); err != nil {
		t.Fatalf("keys show %s: %v\n%s", name, err, res)
	}
	var pk struct {
		Type string `json:"@type"`
		Key  []byte `json:"key"` // base64 in JSON
	}
	if err := json.Unmarshal([]byte(info.PubKey), &pk); err != nil {
		t.Fatalf("keys show %s: pubkey %q: %v", name, info.PubKey, err)
	}
	if pk.Type != "/cosmos.crypto.secp256k1.PubKey" || len(pk.Key) != 33 {
		t.Fatalf("key %s: want a 33-byte secp256k1 key, got %s of %d bytes", name, pk.Type, len(pk.Key))
	}
	return pk.Key
}

// statusBit decodes a W3C Bitstring Status List encodedList (multibase "u"
// + base64url without padding of the GZIP-compressed bitstring) and returns
// the bit at index, bit 0 being the most significant bit of byte 0, and the
// list's length in bits.
func statusBit(encoded string, index uint64) (bool, int, error) {
	if !strings.HasPrefix(encoded, "u") {
		return false, 0, fmt.Errorf("encodedList %q lacks the multibase prefix u", tail(encoded, 40))
	}
	gz, err := base64.RawURLEncoding.DecodeString(encoded[1:])
	if err != nil {
		return false, 0, fmt.Errorf("base64url: %w", err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return false, 0, fmt.Errorf("gzip: %w", err)
	}
	bits, err := io.ReadAll(io.LimitReader(zr, 1<<20))
	if err != nil {
		return false, 0, fmt.Errorf("gunzip: %w", err)
	}
	if index/8 >= uint64(len(bits)) {
		return false, len(bits) * 8, fmt.Errorf("index %d outside a list of %d bits", index, len(bits)*8)
	}
	return bits[index/8]&(0x80>>(index%8)) != 0, len(bits) * 8, nil
}

// hexOf is hex.EncodeToString, for CLI arguments.
func hexOf(b []byte) string { return hex.EncodeToString(b) }
