package extract

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// quantityWithText returns the quantity of in whose text is text, if any.
func quantityWithText(t *testing.T, in, text string) (Quantity, bool) {
	t.Helper()
	for _, q := range quantitiesOf(t, in) {
		if q.Text == text {
			return q, true
		}
	}
	return Quantity{}, false
}

// TestQuantityReadingRules runs the fixture files of the reading rules
// (testdata/rules/quantity-readings/NAME.tsv): each row's sentence holds a quantity of
// that text, value, unit and qualifier; a row with an empty quantity text holds no
// percentage (the rule must not read one there).
func TestQuantityReadingRules(t *testing.T) {
	for _, fx := range readRuleFixtures(t, "quantity-readings", 5) {
		row := fx.fields
		if row[1] == "" {
			for _, q := range quantitiesOf(t, row[0]) {
				assert.NotEqual(t, "percent", q.Unit, "%s: %q: %+v", fx.rule, row[0], q)
			}
			continue
		}
		q, ok := quantityWithText(t, row[0], row[1])
		if !assert.True(t, ok, "%s: %q: no quantity %q in %+v", fx.rule, row[0], row[1], quantitiesOf(t, row[0])) {
			continue
		}
		v, err := strconv.ParseFloat(row[2], 64)
		require.NoError(t, err, fx.rule)
		assert.InDelta(t, v, q.Value, 1e-6*v, "%s: %q", fx.rule, row[0])
		assert.Equal(t, row[3], q.Unit, "%s: %q", fx.rule, row[0])
		assert.Equal(t, row[4], q.Qualifier, "%s: %q", fx.rule, row[0])
	}
}

// TestQuantityListRules runs each list rule's fixture file
// (testdata/rules/quantity-lists/NAME.tsv) with every rule, and the rows that expect a
// counted noun again without the rule, which must then leave the quantity uncounted
// (so that each rule is needed for its examples).
func TestQuantityListRules(t *testing.T) {
	for i, rule := range quantityListRules {
		t.Run(rule.name, func(t *testing.T) {
			rows := ruleFileRows(t, "quantity-lists", rule.name)
			saved := quantityListRules
			defer func() { quantityListRules = saved }()
			for _, row := range rows {
				for len(row) < 3 {
					row = append(row, "")
				}
				quantityListRules = saved
				q, ok := quantityWithText(t, row[0], row[1])
				require.True(t, ok, "%q: no quantity %q", row[0], row[1])
				assert.Equal(t, row[2], q.Counted, row[0])
				if row[2] == "" {
					continue
				}
				quantityListRules = append(append([]quantityListRule(nil), saved[:i]...), saved[i+1:]...)
				q, _ = quantityWithText(t, row[0], row[1])
				assert.Empty(t, q.Counted, "%q passes without the rule", row[0])
			}
		})
	}
}
