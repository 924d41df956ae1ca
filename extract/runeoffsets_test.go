package extract

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestRuneOffsets checks runeOffsets against the byte offset of every code point (and
// of the end) on texts of plain ASCII, of multi-byte code points, mixed at and across
// the stride's bounds, and with invalid bytes repaired as NewDocument repairs them.
func TestRuneOffsets(t *testing.T) {
	tests := []struct {
		name string
		text string
	}{
		{"empty", ""},
		{"ascii short", "He said it."},
		{"ascii one stride", strings.Repeat("a", offStride)},
		{"ascii strides and a rest", strings.Repeat("abc ", 3*offStride+5)},
		{"multi-byte only", strings.Repeat("“é”", offStride)},
		{"a curly quote at each stride's end", strings.Repeat(strings.Repeat("x", offStride-1)+"’", 4)},
		{"two-byte code points filling a stride's bytes", strings.Repeat("é", offStride/2) + strings.Repeat("a", offStride+3)},
		{"mixed", strings.Repeat("Müller said “no” — 北京 ", 50)},
		{"repaired invalid bytes", NewDocument("a\xffb\xfe“c”" + strings.Repeat("d", 70)).Text},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want []int
			for b := range tt.text {
				want = append(want, b)
			}
			want = append(want, len(tt.text))
			o := newRuneOffsets(tt.text, len(want)-1)
			require.NotNil(t, o)
			for i, w := range want {
				require.Equal(t, w, o.at(i), "code point %d", i)
			}
			require.Nil(t, newRuneOffsets(tt.text, len(want)), "a code point count that does not match")
		})
	}
}
