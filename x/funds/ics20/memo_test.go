package ics20_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/trustcity/trustcity/x/funds/ics20"
)

func TestParseMemo(t *testing.T) {
	for _, tc := range []struct {
		memo    string
		program uint64
		tagged  bool
		bad     bool
	}{
		{memo: ""},
		{memo: "thanks for lunch"},
		{memo: `{"forward":{"receiver":"x"}}`},
		{memo: `{not json`},
		{memo: `{"trustcity":{"program":"7"}}`, program: 7, tagged: true},
		{memo: ` {"trustcity":{"program":12}, "other":1}`, program: 12, tagged: true},
		{memo: `{"trustcity":{}}`, tagged: true, bad: true},
		{memo: `{"trustcity":"7"}`, tagged: true, bad: true},
		{memo: `{"trustcity":{"program":"seven"}}`, tagged: true, bad: true},
		{memo: `{"trustcity":{"program":"0"}}`, tagged: true, bad: true},
		{memo: `{"trustcity":{"program":-1}}`, tagged: true, bad: true},
		{memo: `{"trustcity":{"program":"7","extra":true}}`, tagged: true, bad: true},
	} {
		program, tagged, err := ics20.ParseMemo(tc.memo)
		require.Equal(t, tc.tagged, tagged, tc.memo)
		require.Equal(t, tc.bad, err != nil, "%s: %v", tc.memo, err)
		require.Equal(t, tc.program, program, tc.memo)
	}
}
