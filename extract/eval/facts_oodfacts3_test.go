package eval

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// oodFacts3Dir is the third out-of-domain facts measure (oil output, smartphone
// shipments, births, volcanic eruptions, crypto-asset markets, container ports, gold).
// Half of its articles are never read (totals only); see its README.md for which.
const oodFacts3Dir = "testdata/oodfacts3"

// TestOODFacts3Align applies the span and front-matter checks to the oodfacts3 measure.
func TestOODFacts3Align(t *testing.T) {
	checkFactSetAligns(t, oodFacts3Dir)
	checkProvenance(t, oodFacts3Dir)
}

// TestOODFacts3Halves checks that the two halves the README fixes cover every article of
// the set exactly once, seven on each side.
func TestOODFacts3Halves(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(oodFacts3Dir, "README.md"))
	require.NoError(t, err)
	lists := regexp.MustCompile(`(?m)^    ([a-z0-9-]+(?:,[a-z0-9-]+)+)$`).FindAllStringSubmatch(string(readme), -1)
	require.GreaterOrEqual(t, len(lists), 2, "the README gives the tuning and the unseen half")
	tune, unseen := strings.Split(lists[0][1], ","), strings.Split(lists[1][1], ",")
	assert.Len(t, tune, 7)
	assert.Len(t, unseen, 7)
	paths, err := filepath.Glob(filepath.Join(oodFacts3Dir, "*.md"))
	require.NoError(t, err)
	var ids []string
	for _, p := range paths {
		if filepath.Base(p) != "README.md" {
			ids = append(ids, strings.TrimSuffix(filepath.Base(p), ".md"))
		}
	}
	halves := append(append([]string{}, tune...), unseen...)
	sort.Strings(halves)
	sort.Strings(ids)
	assert.Equal(t, ids, halves)
}
