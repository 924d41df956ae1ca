package graph

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDecodeCursor checks that every cursor a store makes decodes to itself, and that
// crafted ones are refused rather than wrapped or truncated.
func TestDecodeCursor(t *testing.T) {
	good := []Cursor{
		{Key: "c_0123456789abcdef"},
		{Key: "c_x", N: 7},
		{Key: "c_x", N: MaxCursorCount},
		{Key: strings.Repeat("k", MaxCursorKeyLen)},
	}
	for _, c := range good {
		got, err := DecodeCursor(EncodeCursor(c))
		require.NoError(t, err, "%+v", c)
		assert.Equal(t, c, got)
	}
	bad := map[string]string{
		"count past 32 bits": EncodeCursor(Cursor{Key: "c_x", N: MaxCursorCount + 1}),
		"count wraps to 3":   EncodeCursor(Cursor{Key: "c_x", N: 1<<32 + 3}),
		"negative count":     EncodeCursor(Cursor{Key: "c_x", N: -1}),
		"no key":             EncodeCursor(Cursor{N: 3}),
		"key too long":       EncodeCursor(Cursor{Key: strings.Repeat("k", MaxCursorKeyLen+1)}),
		"not base64":         "!!",
		"not json":           "bm90IGpzb24",
		"key not UTF-8":      "eyJrIjoiXHhmZiJ9", // {"k":"\xff"} is not even JSON: refused
	}
	for name, s := range bad {
		_, err := DecodeCursor(s)
		assert.Equal(t, EINVALID, ErrorCode(err), name)
	}
}
