package e2e

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// txWaitTimeout bounds how long a broadcast transaction may take to commit.
const txWaitTimeout = 90 * time.Second

// txResponse is the part of the SDK's TxResponse JSON the tests read.
type txResponse struct {
	Height    jsonInt `json:"height"`
	TxHash    string  `json:"txhash"`
	Codespace string  `json:"codespace"`
	Code      uint32  `json:"code"`
	RawLog    string  `json:"raw_log"`
}

// parseTxResponse decodes the first JSON object in CLI output.
func parseTxResponse(out string) (txResponse, error) {
	var res txResponse
	i := strings.IndexByte(out, '{')
	if i < 0 {
		return res, errors.New("no JSON object in output")
	}
	dec := json.NewDecoder(strings.NewReader(out[i:]))
	if err := dec.Decode(&res); err != nil {
		return res, err
	}
	return res, nil
}

// broadcastTx runs a `tx ...` command that must end in `--output json` and
// `--yes`, checks that it was accepted into the mempool (code 0) and returns
// the transaction hash.
func broadcastTx(t testing.TB, args ...string) string {
	t.Helper()
	res := mustCLI(t, args...)
	tx, err := parseTxResponse(res.stdout)
	if err != nil {
		t.Fatalf("parsing tx response: %v\n%s", err, res)
	}
	if tx.Code != 0 {
		t.Fatalf("tx rejected at check: codespace %q code %d: %s", tx.Codespace, tx.Code, tx.RawLog)
	}
	if tx.TxHash == "" {
		t.Fatalf("tx response without txhash:\n%s", res)
	}
	return tx.TxHash
}

// waitTxCommitted polls `trustcityd q tx HASH` against n until the
// transaction is in a block, then fails the test unless its code is 0.
func waitTxCommitted(t testing.TB, n *node, hash string) txResponse {
	t.Helper()
	var tx txResponse
	eventually(t, txWaitTimeout, fmt.Sprintf("tx %s committed", hash), func() (bool, string) {
		n.failIfExited(t)
		res := runCLI(t, 30*time.Second, "q", "tx", hash,
			"--node", n.nodeFlag(), "--home", n.home, "--output", "json")
		if res.code != 0 {
			return false, strings.TrimSpace(tail(res.stderr+res.stdout, 300))
		}
		var err error
		tx, err = parseTxResponse(res.stdout)
		if err != nil {
			return false, fmt.Sprintf("parsing: %v: %s", err, tail(res.stdout, 300))
		}
		return tx.Height > 0, fmt.Sprintf("height %d", tx.Height)
	})
	if tx.Code != 0 {
		t.Fatalf("tx %s failed in block %d: codespace %q code %d: %s", hash, tx.Height, tx.Codespace, tx.Code, tx.RawLog)
	}
	return tx
}

// baseFee is the fee (in utcity) every test transaction pays: the test nodes
// accept any fee (minimum gas price zero), and 2000utcity also pays the CLI's
// default 200000 gas at the production default of 0.001utcity per gas.
const baseFee = 2000
