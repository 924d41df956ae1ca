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

// oodFactHalvesSets are the out-of-domain facts measures whose README fixes a tuning
// half and an unseen half (never read; totals only) of seven articles each: oodfacts2
// (commodities, chip and electronics earnings, tennis results, tourism statistics,
// electric vehicle sales, road accidents, film box office) and oodfacts3 (oil output,
// smartphone shipments, births, volcanic eruptions, crypto-asset markets, container
// ports, gold) and oodfacts4 (overdose deaths, air traffic, the Suez Canal, student
// enrolment, crop estimates, energy price caps, wine output). See each README.md for which article is in which half.
var oodFactHalvesSets = []string{"testdata/oodfacts2", "testdata/oodfacts3", "testdata/oodfacts4"}

// TestOODFactHalvesAlign applies the span, front-matter and provenance checks to each
// set of oodFactHalvesSets.
func TestOODFactHalvesAlign(t *testing.T) {
	for _, dir := range oodFactHalvesSets {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			checkFactSetAligns(t, dir)
			checkProvenance(t, dir)
		})
	}
}

// TestOODFactHalves checks that the two halves each README fixes cover every article of
// its set exactly once, seven on each side.
func TestOODFactHalves(t *testing.T) {
	for _, dir := range oodFactHalvesSets {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			readme, err := os.ReadFile(filepath.Join(dir, "README.md"))
			require.NoError(t, err)
			lists := regexp.MustCompile(`(?m)^    ([a-z0-9-]+(?:,[a-z0-9-]+)+)$`).FindAllStringSubmatch(string(readme), -1)
			require.GreaterOrEqual(t, len(lists), 2, "the README gives the tuning and the unseen half")
			tune, unseen := strings.Split(lists[0][1], ","), strings.Split(lists[1][1], ",")
			assert.Len(t, tune, 7)
			assert.Len(t, unseen, 7)
			paths, err := filepath.Glob(filepath.Join(dir, "*.md"))
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
		})
	}
}
