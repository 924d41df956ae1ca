package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/extract/lexicon"
)

// ruleFixtureRow is one line of a rule's fixture file testdata/rules/STAGE/RULE.tsv:
// the rule (the file's name) and the line's tab-separated fields, padded to the count
// the stage's format has.
type ruleFixtureRow struct {
	rule   string
	fields []string
}

// readRuleFixtures reads every fixture file of a stage (lexicon format: "#" comments,
// tab-separated fields) and pads each line to nfields fields.
func readRuleFixtures(t *testing.T, stage string, nfields int) []ruleFixtureRow {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", "rules", stage, "*.tsv"))
	require.NoError(t, err)
	require.NotEmpty(t, paths, "no fixture files for stage %s", stage)
	var out []ruleFixtureRow
	for _, p := range paths {
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		rule := strings.TrimSuffix(filepath.Base(p), ".tsv")
		for _, f := range lexicon.Parse(string(b)) {
			for k := range f {
				f[k] = strings.ReplaceAll(f[k], `\n`, "\n") // a paragraph break written as \n
			}
			for len(f) < nfields {
				f = append(f, "")
			}
			out = append(out, ruleFixtureRow{rule, f})
		}
	}
	return out
}

// ruleFileRows reads the fixture file of one rule, testdata/rules/STAGE/RULE.tsv (the
// rule's name with spaces written as hyphens), as rows; the file must exist and hold
// at least one row, so that every rule has test sentences.
func ruleFileRows(t *testing.T, stage, rule string) [][]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "rules", stage, strings.ReplaceAll(rule, " ", "-")+".tsv"))
	require.NoError(t, err, "rule %q needs a fixture file", rule)
	rows := lexicon.Parse(string(b))
	require.NotEmpty(t, rows, "rule %q: no rows in its fixture file", rule)
	return rows
}
