package main

import (
	"fmt"
	"sort"
	"time"
)

// txState is what broadcasting a transaction came to.
type txState uint8

const (
	// notSent: the run ended, or an earlier transaction of the same account
	// was rejected, before this one was sent.
	notSent txState = iota
	// accepted: CheckTx returned code 0; the transaction is in the mempool.
	accepted
	// rejected: CheckTx returned a non-zero code.
	rejected
	// unanswered: the node gave no CheckTx result (a transport error or a
	// non-retryable RPC error); the transaction may or may not be in the mempool.
	unanswered
)

// maxLogLen bounds the error text kept per transaction.
const maxLogLen = 240

// txRecord is one pre-signed transaction of the run and what became of it.
type txRecord struct {
	Bytes    []byte
	Hash     [32]byte // SHA-256 of Bytes: the CometBFT transaction hash
	Account  int      // index of the signing account
	Sequence uint64   // its signer's sequence

	State     txState
	Submitted time.Time // when the broadcast that got an answer was sent
	Reason    string    // for rejected and unanswered: why
	Skipped   bool      // notSent because an earlier transaction of its account was rejected
}

// submittedAt records t as the submit time unless an earlier broadcast of
// the same transaction already set one: latency counts from the first.
func (tx *txRecord) submittedAt(t time.Time) {
	if tx.Submitted.IsZero() {
		tx.Submitted = t
	}
}

// reason formats a CheckTx or block result error as "codespace code N: log".
func reason(codespace string, code uint32, log string) string {
	if len(log) > maxLogLen {
		log = log[:maxLogLen] + "…"
	}
	if codespace == "" {
		codespace = "?"
	}
	return fmt.Sprintf("%s code %d: %s", codespace, code, log)
}

// reasonKey groups reasons by codespace and code: their logs differ in
// detail (sequence numbers, amounts) but not in cause.
func reasonKey(r string) string {
	for i := 0; i+2 < len(r); i++ {
		if r[i] == ':' && r[i+1] == ' ' {
			return r[:i]
		}
	}
	return r
}

// tally counts reasons by key and keeps the first example of each.
type tally struct {
	counts  map[string]int
	example map[string]string
}

func (t *tally) add(r string) {
	if t.counts == nil {
		t.counts, t.example = map[string]int{}, map[string]string{}
	}
	k := reasonKey(r)
	if t.counts[k] == 0 {
		t.example[k] = r
	}
	t.counts[k]++
}

// top returns the most common reason (ties broken by key, for a stable
// report) with its count, or "" when nothing was added.
func (t *tally) top() (string, int) {
	keys := make([]string, 0, len(t.counts))
	for k := range t.counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if t.counts[keys[i]] != t.counts[keys[j]] {
			return t.counts[keys[i]] > t.counts[keys[j]]
		}
		return keys[i] < keys[j]
	})
	if len(keys) == 0 {
		return "", 0
	}
	return t.example[keys[0]], t.counts[keys[0]]
}

// counts are the run's per-transaction outcomes. The block counts cover every
// block read, not only the measured ones.
type counts struct {
	Presigned  int `json:"presigned"`
	Submitted  int `json:"submitted"` // got a CheckTx answer (accepted + rejected)
	Accepted   int `json:"accepted_checktx"`
	Rejected   int `json:"rejected_checktx"`
	Unanswered int `json:"unanswered"`
	NotSent    int `json:"not_sent"`
	Skipped    int `json:"not_sent_after_rejection"` // part of NotSent

	CommittedOK   int `json:"committed_ok"`
	FailedInBlock int `json:"failed_in_block"`
	NotIncluded   int `json:"not_included"` // accepted at CheckTx, in no block read

	TopRejection      string `json:"top_rejection,omitempty"`
	TopRejectionCount int    `json:"top_rejection_count,omitempty"`
	TopFailure        string `json:"top_block_failure,omitempty"`
	TopFailureCount   int    `json:"top_block_failure_count,omitempty"`
	TopUnanswered     string `json:"top_unanswered,omitempty"`
}

// countOutcomes matches the broadcast outcomes of txs with the blocks read.
// failures maps a transaction index to its block result reason when its
// code was not 0.
func countOutcomes(txs []*txRecord, blocks []block, failures map[int]string) counts {
	c := counts{Presigned: len(txs)}
	inBlock := make(map[int]bool)
	var failed tally
	for _, b := range blocks {
		for _, in := range b.Ours {
			if inBlock[in.Tx] {
				continue // a transaction is committed once; guard against a re-read block
			}
			inBlock[in.Tx] = true
			if in.Code == 0 {
				c.CommittedOK++
			} else {
				c.FailedInBlock++
				failed.add(failures[in.Tx])
			}
		}
	}
	var rejections, noAnswer tally
	for i, tx := range txs {
		switch tx.State {
		case notSent:
			c.NotSent++
			if tx.Skipped {
				c.Skipped++
			}
		case accepted:
			c.Submitted++
			c.Accepted++
			if !inBlock[i] {
				c.NotIncluded++
			}
		case rejected:
			c.Submitted++
			c.Rejected++
			rejections.add(tx.Reason)
		case unanswered:
			c.Unanswered++
			noAnswer.add(tx.Reason)
		}
	}
	c.TopRejection, c.TopRejectionCount = rejections.top()
	c.TopFailure, c.TopFailureCount = failed.top()
	c.TopUnanswered, _ = noAnswer.top()
	return c
}
