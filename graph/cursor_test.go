package graph

import (
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDecodeCursor checks that every cursor a store makes decodes to itself and has
// the documented form, that every string of that form decodes, and that crafted
// cursors are refused rather than wrapped or truncated.
func TestDecodeCursor(t *testing.T) {
	form := regexp.MustCompile(CursorPattern)
	good := []Cursor{
		{Key: "c_0123456789abcdef"},
		{Key: "c_x", N: 7},
		{Key: "c_x", N: MaxCursorCount},
		{Key: "ag_gazas-health-ministry"},
		{Key: "ag_émile-zola"},
		{Key: strings.Repeat("k", MaxCursorKeyLen)},
		{Key: strings.Repeat("é", MaxCursorKeyLen)},
	}
	for _, c := range good {
		s := EncodeCursor(c)
		assert.Regexp(t, form, s)
		got, err := DecodeCursor(s)
		require.NoError(t, err, "%+v", c)
		assert.Equal(t, c, got)
	}
	// Strings of the form that no store made are positions all the same.
	for _, s := range []string{"", "00000000.!", "ffffffff.~", "0000abcd.zzz", "00000000.\u00a0"} {
		require.Regexp(t, form, s)
		_, err := DecodeCursor(s)
		assert.NoError(t, err, s)
	}
	bad := map[string]string{
		"count past 32 bits":  "100000003.c_x",
		"uppercase hex":       "0000000A.c_x",
		"not hex":             "0000000g.c_x",
		"signed":              "+0000001.c_x",
		"no dot":              "00000000c_x",
		"no key":              "00000000.",
		"space in key":        "00000000.c x",
		"control char in key": "00000000.c\x01",
		"DEL in key":          "00000000.c\x7f",
		"key too long":        "00000000." + strings.Repeat("k", MaxCursorKeyLen+1),
		"key not UTF-8":       "00000000.\xff",
		"old base64 form":     "eyJrIjoiY194In0",
		"too short":           "0000",
	}
	for name, s := range bad {
		if name != "key not UTF-8" { // Go's regexp reads a bad byte as U+FFFD; no JSON or URL string holds one
			assert.NotRegexp(t, form, s, name)
		}
		_, err := DecodeCursor(s)
		assert.Equal(t, EINVALID, ErrorCode(err), name)
	}
}
