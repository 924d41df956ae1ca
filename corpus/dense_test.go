package corpus

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestDenseText: the dense text stays within its limit, comes close to it, and is made
// of attributed sentences by many speakers.
func TestDenseText(t *testing.T) {
	for _, limit := range []int{0, 100, 24 << 10, 2 << 20} {
		text := DenseText(limit)
		require.LessOrEqual(t, len(text), limit)
		if limit >= 24<<10 {
			require.Greater(t, len(text), limit-200, "the text fills its limit")
			require.Greater(t, strings.Count(text, " said"), limit/80, "one attribution every ~60 bytes")
			require.Contains(t, text, "Clara Lopez said")
		}
	}
}
