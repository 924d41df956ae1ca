package extract

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/claimgraph/claimgraph/graph"
)

// entitiesOf runs the entity stage alone on text.
func entitiesOf(text string) *Document {
	d := NewDocument(text)
	findEntities(d)
	return d
}

func findEntity(d *Document, name string) *Entity {
	for i := range d.Entities {
		if d.Entities[i].Name == name {
			return &d.Entities[i]
		}
	}
	return nil
}

// entityRuleCase is one line of an entity rule's fixture file
// testdata/rules/entities/RULE.tsv.
type entityRuleCase struct {
	file, rule, text, name string
	kind                   graph.AgentKind
	alias                  string // an alias it must have, if set
	role                   string // a role it must have, if set
	absent                 string // an entity name that must not be found, if set
	mention                string // a surface form that must be a mention of it, if set
}

// readEntityRuleFixtures reads every entity rule's fixture file.
func readEntityRuleFixtures(t *testing.T) []entityRuleCase {
	var out []entityRuleCase
	for _, r := range readRuleFixtures(t, "entities", 8) {
		f := r.fields
		out = append(out, entityRuleCase{r.rule, f[0], f[1], f[2], graph.AgentKind(f[3]), f[4], f[5], f[6], f[7]})
	}
	return out
}

func TestEntityRules(t *testing.T) {
	cases := readEntityRuleFixtures(t)
	files := map[string]bool{}
	for _, c := range cases {
		files[c.file] = true
	}
	for _, r := range entityRules {
		assert.True(t, files[strings.ReplaceAll(r.name, " ", "-")], "entity rule %q has no fixture file testdata/rules/entities/%s.tsv", r.name, strings.ReplaceAll(r.name, " ", "-"))
	}
	for _, c := range cases {
		d := entitiesOf(c.text)
		if c.absent != "" && findEntity(d, c.absent) != nil {
			t.Errorf("%s: %q: found entity %q, want none", c.rule, c.text, c.absent)
		}
		if c.name == "" {
			continue
		}
		e := findEntity(d, c.name)
		if e == nil {
			var got []string
			for _, x := range d.Entities {
				got = append(got, x.Name+"/"+string(x.Kind))
			}
			t.Errorf("%s: %q: no entity %q; got %v", c.rule, c.text, c.name, got)
			continue
		}
		if e.Kind != c.kind {
			t.Errorf("%s: %s kind %s, want %s", c.rule, c.name, e.Kind, c.kind)
		}
		wantID := graph.AgentID(c.name)
		if c.kind == graph.KindGroup {
			wantID = graph.ArticleScopedAgentID(c.name, c.text) // "U.S. officials" of this text only
		}
		if e.ID != wantID {
			t.Errorf("%s: id %s, want %s", c.rule, e.ID, wantID)
		}
		if c.alias != "" && !contains(e.Aliases, c.alias) {
			t.Errorf("%s: %s aliases %q, want %q", c.rule, c.name, e.Aliases, c.alias)
		}
		if c.role != "" && !contains(e.Roles, c.role) {
			t.Errorf("%s: %s roles %q, want %q", c.rule, c.name, e.Roles, c.role)
		}
		if c.mention != "" {
			found := false
			for _, m := range d.Mentions {
				if m.Entity == e.ID && m.Span.Text == c.mention && string(d.Runes[m.Span.Start:m.Span.End]) == c.mention {
					found = true
				}
			}
			if !found {
				t.Errorf("%s: no mention %q of %s in %+v", c.rule, c.mention, c.name, d.Mentions)
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// The same agent gets the same id in two documents, whatever alias names it.
func TestEntityIDsAcrossDocuments(t *testing.T) {
	a := entitiesOf("The IDF confirmed the report.")
	b := entitiesOf("The Israel Defense Forces said so, and the Israeli Defense Forces agreed.")
	ea, eb := findEntity(a, "Israel Defense Forces"), findEntity(b, "Israel Defense Forces")
	if ea == nil || eb == nil || ea.ID != eb.ID {
		t.Fatalf("IDF entities differ: %+v vs %+v", ea, eb)
	}
	if n := len(b.Entities); n != 1 {
		t.Errorf("two variants of one name gave %d entities", n)
	}
	if !strings.HasPrefix(ea.ID, graph.PrefixAgent) {
		t.Errorf("id %q lacks the agent prefix", ea.ID)
	}
}
