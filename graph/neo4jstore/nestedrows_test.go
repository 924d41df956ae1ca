package neo4jstore

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// writeParams nests each article's statements, disputes and mentions under one row of
// the bundles step, with each statement's said_by and via rows and each dispute's
// claims and targets rows in it; the other steps keep a row per record.
func TestWriteParamsNestsRowsByArticle(t *testing.T) {
	r := newRows()
	r.add("articles", map[string]any{"id": "a1"})
	r.add("statements", map[string]any{"id": "s1", "article": "a1", "claim": "c1"})
	r.add("statements", map[string]any{"id": "s2", "article": "a2", "claim": "c2"})
	r.add("said_by", map[string]any{"id": "s1", "agent": "g1"})
	r.add("via", map[string]any{"id": "s2", "agent": "g2", "pos": int64(0)})
	r.add("via", map[string]any{"id": "s2", "agent": "g3", "pos": int64(1)})
	r.add("disputes", map[string]any{"id": "d1", "article": "a1", "disputer": "g1"})
	r.add("dispute_claims", map[string]any{"id": "d1", "claim": "c2"})
	r.add("dispute_targets", map[string]any{"id": "d1", "agent": "g2"})
	r.add("mentions", map[string]any{"article": "a2", "agent": "g2", "start": int64(0), "end": int64(3)})
	r.add("aggregates", map[string]any{"id": "c1"})

	all := r.writeParams()["rows"].([]map[string]any)
	var steps []string
	bundles := map[string]map[string]any{}
	for _, row := range all {
		steps = append(steps, row["step"].(string))
		if row["step"] == "bundles" {
			bundles[row["article"].(string)] = row
		}
	}
	assert.Equal(t, []string{"articles", "bundles", "bundles", "aggregates"}, steps)
	require.Len(t, bundles, 2)

	cases := []struct {
		article, kind string
		ids           []string
	}{
		{"a1", "statements", []string{"s1"}},
		{"a1", "disputes", []string{"d1"}},
		{"a1", "mentions", nil},
		{"a2", "statements", []string{"s2"}},
		{"a2", "disputes", nil},
		{"a2", "mentions", []string{""}},
	}
	for _, c := range cases {
		var ids []string
		for _, x := range bundles[c.article][c.kind].([]map[string]any) {
			id, _ := x["id"].(string)
			ids = append(ids, id)
		}
		assert.Equal(t, c.ids, ids, "%s %s", c.article, c.kind)
	}
	s1 := bundles["a1"]["statements"].([]map[string]any)[0]
	assert.Len(t, s1["said_by"], 1)
	assert.Empty(t, s1["via"])
	s2 := bundles["a2"]["statements"].([]map[string]any)[0]
	assert.Empty(t, s2["said_by"])
	assert.Len(t, s2["via"], 2)
	d1 := bundles["a1"]["disputes"].([]map[string]any)[0]
	assert.Equal(t, "c2", d1["claims"].([]map[string]any)[0]["claim"])
	assert.Equal(t, "g2", d1["targets"].([]map[string]any)[0]["agent"])
}
