package extract

import (
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// Which mentions become article-scoped group agents: every unnamed group a source
// names (a group noun, with or without a demonym, a name or a complement, an unnamed
// holder of a role), with its name and the kind group; a named agent keeps the id of
// its name; and a text with no group as a source gets no group at all.
func TestUnnamedGroupsAreArticleScoped(t *testing.T) {
	cases := []struct {
		name, text, phrase string
		want               string // "group:NAME" article-scoped group, "named:NAME" the agent id of NAME, "-" no group in the text
	}{
		{"bare plural group noun", "Officials said the bridge was unsafe.", "Officials", "group:officials"},
		{"critics", "Hamas said 20 people died. Critics questioned these figures.", "Critics", "group:critics"},
		{"analysts", "Analysts said inflation would rise in the spring.", "Analysts", "group:analysts"},
		{"residents", "Residents said the water had been cut off for a week.", "Residents", "group:residents"},
		{"witnesses", "Witnesses said the car exploded near the market.", "Witnesses", "group:witnesses"},
		{"sources", "Sources said the deal was close.", "Sources", "group:sources"},
		{"lawmakers", "Lawmakers said the budget would pass by Friday.", "Lawmakers", "group:lawmakers"},
		{"premodified group", "Local officials put the death toll at 40.", "Local officials", "group:local officials"},
		{"demonym group", "Sudanese officials said the road to the camp was closed.", "Sudanese officials", "group:Sudanese officials"},
		{"country group", "U.S. officials said the talks had stalled.", "U.S. officials", "group:U.S. officials"},
		{"organization's members", "Hamas officials said the talks had stalled.", "Hamas officials", "group:Hamas officials"},
		{"group with a complement", "Permanent members of the Security Council said the vote would be delayed.", "Permanent members", "group:permanent members of the Security Council"},
		{"group before who", "The plan was praised by economists who say it will lower prices.", "economists", "group:economists"},
		{"named outlet stays named", "Reuters said the talks had stalled.", "Reuters", "named:Reuters"},
		{"country stays named", "Sudan said the road to the camp was closed.", "Sudan", "named:Sudan"},
		{"no source, no group", "The bridge was closed on Monday after heavy rain.", "bridge", "-"},
		{"a group noun that is no source", "The city paid the officials' salaries on Monday.", "officials", "-"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Extract(c.text)
			var groups []string
			for _, e := range d.Entities {
				if e.Kind == graph.KindGroup {
					groups = append(groups, e.Name+" "+e.ID)
				}
			}
			if c.want == "-" {
				if len(groups) > 0 {
					t.Fatalf("%q: groups %v, want none", c.text, groups)
				}
				return
			}
			kind, name, _ := strings.Cut(c.want, ":")
			s, end := phraseSpan(t, c.text, c.phrase)
			var got *Entity
			for _, m := range d.Mentions {
				if m.Span.Start >= end || s >= m.Span.End {
					continue
				}
				if i := entityIndex(d, m.Entity); i >= 0 && d.Entities[i].Name == name {
					got = &d.Entities[i]
				}
			}
			if got == nil {
				t.Fatalf("%q: %q is no mention of %q; groups %v, entities %+v", c.text, c.phrase, name, groups, d.Entities)
			}
			switch kind {
			case "group":
				if got.Kind != graph.KindGroup {
					t.Errorf("%q: kind %s, want group", name, got.Kind)
				}
				if want := graph.ArticleScopedAgentID(name, c.text); got.ID != want || !graph.IsArticleScopedAgentID(got.ID) {
					t.Errorf("%q: id %s, want the article-scoped %s", name, got.ID, want)
				}
			case "named":
				if got.ID != graph.AgentID(name) || graph.IsArticleScopedAgentID(got.ID) {
					t.Errorf("%q: id %s, want the id of its name %s", name, got.ID, graph.AgentID(name))
				}
				if len(groups) > 0 {
					t.Errorf("%q: groups %v, want none", c.text, groups)
				}
			}
		})
	}
}

// Two documents' "officials" (and "U.S. officials") are two agents, and one document's
// are one agent however often it writes them.
func TestGroupPerDocument(t *testing.T) {
	for _, phrase := range []string{"Officials", "U.S. officials"} {
		a := Extract(phrase + " said the toll would rise. " + phrase + " denied that the army fired first.")
		b := Extract("A bridge collapsed in the capital. " + phrase + " said nine people were hurt.")
		idsOf := func(d *Document) map[string]bool {
			out := map[string]bool{}
			for _, m := range d.Mentions {
				if m.Span.Text == phrase {
					out[m.Entity] = true
				}
			}
			return out
		}
		ia, ib := idsOf(a), idsOf(b)
		if len(ia) != 1 || len(ib) != 1 {
			t.Fatalf("%s: want one agent in each document, got %v and %v", phrase, ia, ib)
		}
		for id := range ia {
			if ib[id] {
				t.Errorf("two documents' %q share the agent %s", phrase, id)
			}
			if !graph.IsArticleScopedAgentID(id) {
				t.Errorf("%s is not article-scoped", id)
			}
		}
	}
}
