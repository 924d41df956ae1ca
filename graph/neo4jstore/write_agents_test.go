package neo4jstore

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/claimgraph/claimgraph/graph"
)

// storedAs decides which merged agents the batch write leaves out: only those whose
// stored properties are exactly what the write would set. Anything else is written.
func TestStoredAs(t *testing.T) {
	a := graph.Agent{ID: "ag_1", Kind: graph.KindPerson, Name: "Jane Roe", Aliases: []string{"Roe"}, Roles: []string{}}
	stored := func(a graph.Agent) props {
		p := props{"id": a.ID}
		for k, v := range agentProps(a) {
			if l, ok := v.([]string); ok { // the driver reads lists back as []any
				anys := make([]any, len(l))
				for i, s := range l {
					anys[i] = s
				}
				v = anys
			}
			p[k] = v
		}
		return p
	}
	withAlias := a
	withAlias.Aliases = []string{"Roe", "J. Roe"}
	renamed := a
	renamed.Name = "Jane Q. Roe"
	noNames := stored(a)
	delete(noNames, "names")
	extra := stored(a)
	extra["pending_write"] = "w1"
	tests := []struct {
		name   string
		stored props
		want   map[string]any
		same   bool
	}{
		{"stored as merged", stored(a), agentProps(a), true},
		{"another property besides (not set by the write)", extra, agentProps(a), true},
		{"a new alias", stored(a), agentProps(withAlias), false},
		{"an alias fewer", stored(withAlias), agentProps(a), false},
		{"a new name", stored(a), agentProps(renamed), false},
		{"stored without its name words", noNames, agentProps(a), false},
		{"a property the write removes", stored(a), map[string]any{"pending_write": nil}, true},
		{"a property the write removes, stored", extra, map[string]any{"pending_write": nil}, false},
		{"a value of a type the write does not set", stored(a), map[string]any{"kind": 3}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.same, storedAs(tt.stored, tt.want))
		})
	}
}
