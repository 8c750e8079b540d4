package main

import (
	"context"
	"crypto/sha256"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	rpchttp "github.com/cometbft/cometbft/rpc/client/http"
	coretypes "github.com/cometbft/cometbft/rpc/core/types"
)

const (
	// httpTimeout is the backstop on every HTTP request to the node, including
	// those the SDK's client code makes without a deadline of its own.
	httpTimeout = 30 * time.Second
	// pollInterval is the pause between two looks at the node's height.
	pollInterval = 200 * time.Millisecond
)

// node is the one CometBFT RPC endpoint the tool talks to.
type node struct {
	url string
	rpc *rpchttp.HTTP
}

// dialNode prepares a client for the CometBFT RPC at rawURL. Unless
// allowRemote, the host must be a loopback address: a load generator aimed
// at a shared node by mistake does real harm. conns is how many requests may
// be in flight at once.
func dialNode(rawURL string, allowRemote bool, conns int) (*node, error) {
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "tcp") {
		return nil, fmt.Errorf("-node %q: want http://host:port", rawURL)
	}
	if !allowRemote {
		if err := requireLoopback(u.Hostname()); err != nil {
			return nil, fmt.Errorf("-node %q: %w (pass -allow-remote to load another host)", rawURL, err)
		}
	}
	u.Scheme = "http"
	hc := &http.Client{
		Timeout: httpTimeout,
		Transport: &http.Transport{
			Proxy:               nil, // traffic goes to the node and nowhere else
			DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
			MaxIdleConns:        conns + 4,
			MaxIdleConnsPerHost: conns + 4,
			IdleConnTimeout:     30 * time.Second,
			DisableCompression:  true,
		},
	}
	c, err := rpchttp.NewWithClient(u.String(), "/websocket", hc)
	if err != nil {
		return nil, fmt.Errorf("-node %q: %w", rawURL, err)
	}
	return &node{url: u.String(), rpc: c}, nil
}

// requireLoopback accepts "localhost" and loopback IP literals.
func requireLoopback(host string) error {
	if host == "localhost" {
		return nil
	}
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("host %q is not a loopback address", host)
	}
	return nil
}

// status returns the node's status, with an error that says the node could
// not be reached.
func (n *node) status(ctx context.Context) (*coretypes.ResultStatus, error) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	st, err := n.rpc.Status(ctx)
	if err != nil {
		return nil, fmt.Errorf("node not reachable at %s: %w", n.url, err)
	}
	return st, nil
}

// height returns the node's latest committed height.
func (n *node) height(ctx context.Context) (int64, error) {
	st, err := n.status(ctx)
	if err != nil {
		return 0, err
	}
	return st.SyncInfo.LatestBlockHeight, nil
}

// waitHeight waits until the node has committed height h and returns the
// latest height, failing when no such block comes within timeout.
func (n *node) waitHeight(ctx context.Context, h int64, timeout time.Duration) (int64, error) {
	deadline := time.Now().Add(timeout)
	for {
		latest, err := n.height(ctx)
		if err != nil {
			return 0, err
		}
		if latest >= h {
			return latest, nil
		}
		if time.Now().After(deadline) {
			return 0, fmt.Errorf("no block %d within %s (latest %d): is the chain producing blocks?", h, timeout, latest)
		}
		if !sleepUntil(ctx, time.Now().Add(pollInterval)) {
			return 0, ctx.Err()
		}
	}
}

// readBlock reads block h and its execution results and finds the
// transactions of index among them. failures receives the reason of each
// of them that failed.
func (n *node) readBlock(ctx context.Context, h int64, index map[[32]byte]int, failures map[int]string) (block, error) {
	ctx, cancel := context.WithTimeout(ctx, httpTimeout)
	defer cancel()
	rb, err := n.rpc.Block(ctx, &h)
	if err != nil {
		return block{}, fmt.Errorf("reading block %d: %w", h, err)
	}
	// CometBFT stores a block before it has executed it, so the results of
	// the latest block may not be there yet.
	var rr *coretypes.ResultBlockResults
	for {
		rr, err = n.rpc.BlockResults(ctx, &h)
		if err == nil {
			break
		}
		if !strings.Contains(err.Error(), "could not find results") {
			return block{}, fmt.Errorf("reading results of block %d: %w", h, err)
		}
		if !sleepUntil(ctx, time.Now().Add(pollInterval)) {
			return block{}, fmt.Errorf("reading results of block %d: not stored within %s: %w", h, httpTimeout, err)
		}
	}
	raw := make([][]byte, len(rb.Block.Txs))
	for i, tx := range rb.Block.Txs {
		raw[i] = tx
	}
	codes := make([]uint32, len(rr.TxsResults))
	for i, r := range rr.TxsResults {
		codes[i] = r.Code
	}
	ours, err := matchTxs(raw, codes, index)
	if err != nil {
		return block{}, fmt.Errorf("block %d: %w", h, err)
	}
	if failures != nil {
		for i, tx := range raw {
			if r := rr.TxsResults[i]; r.Code != 0 {
				if j, ok := index[sha256.Sum256(tx)]; ok {
					failures[j] = reason(r.Codespace, r.Code, r.Log)
				}
			}
		}
	}
	return block{Height: h, Time: rb.Block.Time, Total: len(raw), Ours: ours}, nil
}
