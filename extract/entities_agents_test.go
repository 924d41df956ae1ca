package extract

import (
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// agentRuleCase is one line of a fixture file testdata/rules/agents/RULE.tsv.
type agentRuleCase struct {
	file, name, text, phrase, want, disputer string
}

func readAgentRuleFixtures(t *testing.T) []agentRuleCase {
	var out []agentRuleCase
	for _, r := range readRuleFixtures(t, "agents", 5) {
		f := r.fields
		out = append(out, agentRuleCase{r.rule, f[0], f[1], f[2], f[3], f[4]})
	}
	return out
}

// phraseSpan returns the code-point span of the last occurrence of phrase in text.
func phraseSpan(t *testing.T, text, phrase string) (int, int) {
	t.Helper()
	i := strings.LastIndex(text, phrase)
	if i < 0 {
		t.Fatalf("phrase %q not in %q", phrase, text)
	}
	s := len([]rune(text[:i]))
	return s, s + len([]rune(phrase))
}

// mentionedAt returns the organization entities with a mention overlapping [s, e).
func mentionedAt(d *Document, s, e int) []Entity {
	var out []Entity
	for _, m := range d.Mentions {
		if m.Span.Start >= e || s >= m.Span.End {
			continue
		}
		if i := entityIndex(d, m.Entity); i >= 0 && d.Entities[i].Kind == graph.KindOrganization {
			out = append(out, d.Entities[i])
		}
	}
	return out
}

func TestAgentRuleFixtures(t *testing.T) {
	cases := readAgentRuleFixtures(t)
	for _, file := range []string{"class-nominal", "descriptor-nominal", "scoped-agent", "demonym-body", "organization-names", "named-by-class-noun", "named-by-apposition", "named-by-descriptor"} {
		n := 0
		for _, c := range cases {
			if c.file == file {
				n++
			}
		}
		if n == 0 {
			t.Errorf("agent rule %s has no test sentences in testdata/rules/agents/%s.tsv", file, file)
		}
	}
	for _, c := range cases {
		t.Run(c.file+"/"+c.name, func(t *testing.T) {
			d := Extract(c.text)
			s, e := phraseSpan(t, c.text, c.phrase)
			got := mentionedAt(d, s, e)
			var names []string
			for _, x := range got {
				names = append(names, x.Name+" "+x.ID)
			}
			var want *Entity
			switch {
			case c.want == "-":
				if len(got) > 0 {
					t.Fatalf("%q is a mention of %v, want none", c.phrase, names)
				}
			case strings.HasPrefix(c.want, "scoped:"):
				name := strings.TrimPrefix(c.want, "scoped:")
				for i := range got {
					if got[i].Name == name && graph.IsArticleScopedAgentID(got[i].ID) {
						want = &got[i]
					}
				}
				if want == nil {
					t.Fatalf("%q is a mention of %v, want the article-scoped agent %q", c.phrase, names, name)
				}
			default:
				for i := range got {
					if got[i].Name == c.want {
						want = &got[i]
					}
				}
				if want == nil {
					t.Fatalf("%q is a mention of %v, want %q", c.phrase, names, c.want)
				}
				if graph.IsArticleScopedAgentID(want.ID) || want.ID != graph.AgentID(want.Name) {
					t.Errorf("%q: id %s, want the agent id of its name %s", c.want, want.ID, graph.AgentID(want.Name))
				}
			}
			switch c.disputer {
			case "yes":
				if want == nil {
					t.Fatalf("disputer yes needs an entity")
				}
				for _, x := range d.Disputes {
					if x.Disputer == want.ID {
						return
					}
				}
				t.Errorf("no dispute has disputer %s; disputes %+v", want.Name, d.Disputes)
			case "no":
				for _, x := range d.Disputes {
					if x.Disputer != ArticleVoice && x.Cue.Start >= s {
						t.Errorf("dispute %q by %s after %q, want none", x.Cue.Text, x.Disputer, c.phrase)
					}
				}
			}
		})
	}
}

// Two documents' "the ministry" with nothing named before it are two agents, and the
// same document's phrase is one agent however often it is written.
func TestScopedAgentPerDocument(t *testing.T) {
	a := Extract("Forty people were killed on Monday. The ministry said the toll would rise. The ministry denied that the army fired first.")
	b := Extract("A bridge collapsed in the capital. The ministry said nine people were hurt.")
	idsOf := func(d *Document) map[string]bool {
		out := map[string]bool{}
		for _, m := range d.Mentions {
			if strings.EqualFold(m.Span.Text, "the ministry") {
				out[m.Entity] = true
			}
		}
		return out
	}
	ia, ib := idsOf(a), idsOf(b)
	if len(ia) != 1 || len(ib) != 1 {
		t.Fatalf("want one agent for each document's \"the ministry\", got %v and %v", ia, ib)
	}
	for id := range ia {
		if ib[id] {
			t.Errorf("two documents' \"the ministry\" share the agent %s", id)
		}
		if !graph.IsArticleScopedAgentID(id) {
			t.Errorf("%s is not article-scoped", id)
		}
	}
}

// The agent rules hold whatever the organizations and places are called: each text,
// and the text with its organizations renamed to names no lexicon holds and its
// countries to other listed ones, must resolve the phrase to the (renamed) entity and
// keep its dispute.
func TestAgentRulesRenamed(t *testing.T) {
	cases := []struct {
		name, text, phrase, want string
		renames                  [][2]string // whole-text substitutions, in order
		disputed                 bool
	}{
		{"armed forces and the army",
			"Fighting went on near the city, where the Sudanese Armed Forces have held out for months. The army denied that it had bombed the market.",
			"The army", "Sudan’s Armed Forces", [][2]string{{"Sudanese", "Chadian"}, {"Sudan", "Chad"}}, true},
		{"a company and its suffix",
			"Boeing Co. faces new claims from a whistleblower who said the planes were unsafe. The company rejected the claims.",
			"The company", "Boeing Co", [][2]string{{"Boeing", "Velkor"}}, true},
		{"a descriptor before the name",
			"The paramilitary Rapid Support Forces took the town. The paramilitary denied that it had killed civilians.",
			"The paramilitary", "Rapid Support Forces", [][2]string{{"Rapid Support Forces", "Dastan Liberation Front"}}, true},
		{"demonym forces",
			"Russian forces shelled the port overnight. The army denied that it had hit the hospital.",
			"The army", "Russia’s Forces", [][2]string{{"Russian", "Ukrainian"}, {"Russia", "Ukraine"}}, true},
		{"a ministry of a place",
			"The Kenyan Interior Ministry said 40 people were killed. The ministry denied that police had fired on the crowd.",
			"The ministry", "Kenya’s Interior Ministry", [][2]string{{"Kenyan", "Peruvian"}, {"Kenya", "Peru"}}, true},
		{"two armies compete, renamed too",
			"The Sudanese army and the Chadian army clashed. The army denied that it had crossed first.",
			"The army", "-", [][2]string{{"Sudanese", "Malian"}, {"Chadian", "Nigerien"}}, false},
		{"a college and the college",
			"Brantley College suspended three students on Friday. The college denied that the students had been expelled.",
			"The college", "Brantley College", [][2]string{{"Brantley", "Quorvath"}}, true},
		{"a broadcasting corporation and the network",
			"Harlow Broadcasting Corporation aired the interview on Sunday. The network denied that the clip had been edited.",
			"The network", "Harlow Broadcasting Corporation", [][2]string{{"Harlow", "Tessaro"}}, true},
		{"a medical center and the hospital",
			"Patients were taken to the Brantley Medical Center. The hospital denied that two had died.",
			"The hospital", "Brantley Medical Center", [][2]string{{"Brantley", "Ulvenmoor"}}, true},
		{"a college is no university, renamed too",
			"Brantley College suspended three students. The university denied that the students had been expelled.",
			"The university", "-", [][2]string{{"Brantley", "Quorvath"}}, false},
	}
	for _, c := range cases {
		for _, renamed := range []bool{false, true} {
			text, want := c.text, c.want
			if renamed {
				for _, r := range c.renames {
					text = strings.ReplaceAll(text, r[0], r[1])
					want = strings.ReplaceAll(want, r[0], r[1])
				}
			}
			d := Extract(text)
			s, e := phraseSpan(t, text, c.phrase)
			got := mentionedAt(d, s, e)
			var id string
			for _, x := range got {
				if x.Name == want {
					id = x.ID
				}
			}
			switch {
			case want == "-" && len(got) > 0:
				t.Errorf("%s (renamed %v): %q is a mention of %v, want none", c.name, renamed, c.phrase, got)
			case want != "-" && id == "":
				t.Errorf("%s (renamed %v): %q is a mention of %v, want %q", c.name, renamed, c.phrase, got, want)
			}
			disputed := false
			for _, x := range d.Disputes {
				if id != "" && x.Disputer == id {
					disputed = true
				}
			}
			if disputed != c.disputed {
				t.Errorf("%s (renamed %v): disputed by %q = %v, want %v (%+v)", c.name, renamed, want, disputed, c.disputed, d.Disputes)
			}
		}
	}
}
