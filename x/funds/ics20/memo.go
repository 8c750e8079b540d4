// Package ics20 is x/funds' middleware on the ICS-20 transfer stack: a
// transfer whose memo names a program, sent to the program escrow, is
// credited to that program on arrival; a tagged transfer that cannot be
// credited is refused with an error acknowledgement, so the sending chain
// refunds its sender. Transfers without the tag pass through untouched.
package ics20

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// MemoKey is the top-level key of the memo object that tags a deposit:
//
//	{"trustcity":{"program":"7"}}
//
// The program id may also be a JSON number. Other top-level keys are
// ignored, so the tag can sit next to another middleware's.
const MemoKey = "trustcity"

// depositTag is the value under MemoKey.
type depositTag struct {
	Program json.RawMessage `json:"program"`
}

// ParseMemo returns the program a transfer's memo names. tagged is false when
// the memo is not a JSON object with MemoKey (a plain transfer); err is set
// when it has MemoKey but not in the documented form.
func ParseMemo(memo string) (program uint64, tagged bool, err error) {
	trimmed := strings.TrimSpace(memo)
	if !strings.HasPrefix(trimmed, "{") {
		return 0, false, nil
	}
	var top map[string]json.RawMessage
	if json.Unmarshal([]byte(trimmed), &top) != nil {
		return 0, false, nil // not JSON: a free-text memo
	}
	raw, ok := top[MemoKey]
	if !ok {
		return 0, false, nil
	}
	var tag depositTag
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&tag); err != nil {
		return 0, true, fmt.Errorf(`memo: %q must be {"program":"<id>"}: %w`, MemoKey, err)
	}
	if len(tag.Program) == 0 {
		return 0, true, fmt.Errorf(`memo: %q names no program`, MemoKey)
	}
	text := string(tag.Program)
	if unquoted, err := strconv.Unquote(text); err == nil {
		text = unquoted
	}
	id, err := strconv.ParseUint(text, 10, 64)
	if err != nil || id == 0 {
		return 0, true, fmt.Errorf("memo: program %s is not a program id", tag.Program)
	}
	return id, true, nil
}
