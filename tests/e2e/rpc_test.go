package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"testing"
	"time"
)

// httpClient bounds every HTTP request the tests make.
var httpClient = &http.Client{Timeout: 10 * time.Second}

// getJSON fetches url and decodes a 200 response's JSON body into out.
func getJSON(url string, out any) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := httpClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 4<<20))
	if err != nil {
		return fmt.Errorf("GET %s: reading body: %w", url, err)
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s: %s", url, resp.Status, tail(string(body), 500))
	}
	if err := json.Unmarshal(body, out); err != nil {
		return fmt.Errorf("GET %s: decoding %q: %w", url, tail(string(body), 500), err)
	}
	return nil
}

// jsonInt is an integer that JSON carries either as a number or, like
// CometBFT and the SDK's proto JSON do for 64-bit values, as a string.
type jsonInt int64

func (i *jsonInt) UnmarshalJSON(b []byte) error {
	b = bytes.Trim(b, `"`)
	if len(b) == 0 || string(b) == "null" {
		*i = 0
		return nil
	}
	v, err := strconv.ParseInt(string(b), 10, 64)
	if err != nil {
		return fmt.Errorf("integer %q: %w", b, err)
	}
	*i = jsonInt(v)
	return nil
}

// cometStatus is the part of CometBFT's /status response the tests read.
type cometStatus struct {
	Result struct {
		NodeInfo struct {
			ID      string `json:"id"`
			Network string `json:"network"`
		} `json:"node_info"`
		SyncInfo struct {
			LatestBlockHeight jsonInt `json:"latest_block_height"`
			CatchingUp        bool    `json:"catching_up"`
		} `json:"sync_info"`
	} `json:"result"`
}

// status queries the node's CometBFT RPC /status.
func (n *node) status() (cometStatus, error) {
	var st cometStatus
	err := getJSON(n.rpcURL()+"/status", &st)
	return st, err
}

// height returns the node's latest committed height.
func (n *node) height() (int64, error) {
	st, err := n.status()
	return int64(st.Result.SyncInfo.LatestBlockHeight), err
}

// waitHeight waits until the node's latest height exceeds above and returns
// that height. It fails at once if the node process exits.
func (n *node) waitHeight(t testing.TB, above int64, timeout time.Duration) int64 {
	t.Helper()
	var h int64
	eventually(t, timeout, fmt.Sprintf("%s height > %d", n.name, above), func() (bool, string) {
		n.failIfExited(t)
		var err error
		h, err = n.height()
		if err != nil {
			return false, err.Error()
		}
		return h > above, fmt.Sprintf("height %d", h)
	})
	return h
}

// cometValidators is the part of CometBFT's /validators response the tests read.
type cometValidators struct {
	Result struct {
		Validators []struct {
			Address     string  `json:"address"`
			VotingPower jsonInt `json:"voting_power"`
		} `json:"validators"`
		Total jsonInt `json:"total"`
	} `json:"result"`
}

// validators returns the node's current CometBFT validator set.
func (n *node) validators() (cometValidators, error) {
	var v cometValidators
	err := getJSON(n.rpcURL()+"/validators?per_page=100", &v)
	return v, err
}
