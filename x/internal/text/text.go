// Package text checks the free text a message may carry; each module wraps
// the error in its own registered error.
package text

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

// Check requires s to be at most maxLen bytes of valid UTF-8 without control
// characters other than newline and tab.
func Check(field, s string, maxLen uint32) error {
	if len(s) > int(maxLen) {
		return fmt.Errorf("%s is %d bytes, the limit is %d", field, len(s), maxLen)
	}
	if !utf8.ValidString(s) {
		return fmt.Errorf("%s is not valid UTF-8", field)
	}
	for _, r := range s {
		if unicode.IsControl(r) && r != '\n' && r != '\t' {
			return fmt.Errorf("%s contains the control character %U", field, r)
		}
	}
	return nil
}
