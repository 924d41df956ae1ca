package extract

import (
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

func claimText(d *Document, id *string) string {
	if id == nil {
		return ""
	}
	if i := semClaimIndex(d, *id); i >= 0 {
		return d.Claims[i].Text
	}
	return "?" + *id
}

func TestDisputeRules(t *testing.T) {
	cases := []struct {
		rule     string
		text     string
		attrs    []attrSpec
		disputer string // "" for no dispute
		kind     graph.DisputeKind
		target   string // agent name
		claim    string // claim text
		origin   string // origin of the targeted claim
	}{
		{"anaphora to the quantity claim",
			"The war has left more than 68,800 Palestinians dead, according to Gaza’s Health Ministry. The ministry keeps detailed records. Israel disputes these figures but has not provided alternative numbers.",
			[]attrSpec{{"Gaza’s Health Ministry", "according to", "The war has left more than 68,800 Palestinians dead", ""}, {"The ministry", "keeps", "detailed records", ""}},
			"Israel", graph.DisputeDisputes, "", "The war has left more than 68,800 Palestinians dead", "attribution"},
		{"anaphora to any claim",
			"Hamas said the convoy was attacked. Israel denied the claim.",
			[]attrSpec{{"Hamas", "said", "the convoy was attacked", ""}},
			"Israel", graph.DisputeDenies, "", "the convoy was attacked", "attribution"},
		{"relative clause",
			"Its significance stems from the plan’s vision of returning authority to the PA following reforms, a condition that Israel opposes.",
			nil, "Israel", graph.DisputeOpposes, "", "returning authority to the PA following reforms", "disputed"},
		{"accusation with agent and content",
			"Yet three weeks into the ceasefire, Israel accused Hamas of violating the ceasefire, and has continued attacks.",
			nil, "Israel", graph.DisputeAccuses, "Hamas", "Hamas violating the ceasefire", "accusation"},
		{"criticism with adverb and auxiliary",
			"Israel has consistently criticized UNIFIL for allowing Hezbollah to consolidate its position.",
			nil, "Israel", graph.DisputeCriticizes, "United Nations Interim Force in Lebanon", "UNIFIL allowing Hezbollah to consolidate its position", "accusation"},
		{"accusation through the attribution whose cue is the verb",
			"Israel accused Hamas of violating the ceasefire.",
			[]attrSpec{{"Israel", "accused", "Hamas of violating the ceasefire", ""}},
			"Israel", graph.DisputeAccuses, "Hamas", "Hamas of violating the ceasefire", "attribution"},
		{"refusal noun with possessive pronoun",
			"However, Israeli officials have already stated their refusal to permit Turkish troops along their borders.",
			nil, "Israeli officials", graph.DisputeRefuses, "Turkish troops", "permit Turkish troops along their borders", "disputed"},
		{"passive with by",
			"Hamas said 20 people died. These figures were disputed by Israel.",
			[]attrSpec{{"Hamas", "said", "20 people died", ""}},
			"Israel", graph.DisputeDisputes, "", "20 people died", "attribution"},
		{"rejects a that-clause",
			"Egypt rejected that the border was closed.",
			nil, "Egypt", graph.DisputeRejects, "", "the border was closed", "disputed"},
		{"possessive name before a refusal noun",
			"Israel’s refusal to permit Turkish troops, officials said, is firm.",
			nil, "Israel", graph.DisputeRefuses, "Turkish troops", "permit Turkish troops", "disputed"},
		{"pronoun disputer",
			"Hamas said 20 people died. Israeli officials met. They rejected these figures.",
			[]attrSpec{{"Hamas", "said", "20 people died", ""}},
			"Israeli officials", graph.DisputeRejects, "", "20 people died", "attribution"},
		{"bare group noun as disputer",
			"Hamas said 20 people died. Critics questioned these figures.",
			[]attrSpec{{"Hamas", "said", "20 people died", ""}},
			"critics", graph.DisputeQuestions, "", "20 people died", "attribution"},
		{"time expression between subject and verb, figures of a named agent",
			"The Health Ministry said 500 people were killed. Israel on Tuesday disputed the Health Ministry’s figures.",
			[]attrSpec{{"The Health Ministry", "said", "500 people were killed", ""}},
			"Israel", graph.DisputeDisputes, "Health Ministry", "500 people were killed", "attribution"},
		{"time expression, no figures claim in the text",
			"Israel on Tuesday disputed the Health Ministry’s figures.",
			nil, "Israel", graph.DisputeDisputes, "Health Ministry", "", ""},
		{"relative time expression",
			"Hamas said 20 people died. Israel earlier this week rejected these figures.",
			[]attrSpec{{"Hamas", "said", "20 people died", ""}},
			"Israel", graph.DisputeRejects, "", "20 people died", "attribution"},
		{"date between subject and verb",
			"Hamas said 20 people died. Israel on Nov. 3 denied these figures.",
			[]attrSpec{{"Hamas", "said", "20 people died", ""}},
			"Israel", graph.DisputeDenies, "", "20 people died", "attribution"},
		{"aside between commas",
			"Hamas said 20 people died. Israel, in a statement, disputed these figures.",
			[]attrSpec{{"Hamas", "said", "20 people died", ""}},
			"Israel", graph.DisputeDisputes, "", "20 people died", "attribution"},
		{"an aside naming someone is not skipped", "Hamas said 20 people died. He, like Israel, has disputed these figures.",
			[]attrSpec{{"Hamas", "said", "20 people died", ""}}, "", "", "", "", ""},
		{"noun 'questions' is no dispute", "He noted that many questions remain.", nil, "", "", "", "", ""},
		{"relative 'who' is no disputer", "The deal let those who reject violence take part.", nil, "", "", "", "", ""},
		{"passive without agent is no dispute", "Two options are now firmly rejected.", nil, "", "", "", "", ""},
	}
	for _, c := range cases {
		d := docWithAttributions(t, c.text, c.attrs...)
		if c.disputer == "" {
			if len(d.Disputes) != 0 {
				t.Errorf("%s: %q: got disputes %+v, want none", c.rule, c.text, d.Disputes)
			}
			continue
		}
		if len(d.Disputes) != 1 {
			t.Errorf("%s: %q: got %d disputes %+v, want 1", c.rule, c.text, len(d.Disputes), d.Disputes)
			continue
		}
		x := d.Disputes[0]
		if x.Disputer != graph.AgentID(c.disputer) || x.Kind != string(c.kind) {
			t.Errorf("%s: disputer %s kind %s, want %s %s", c.rule, x.Disputer, x.Kind, graph.AgentID(c.disputer), c.kind)
		}
		tgt := ""
		if x.Target != nil {
			tgt = *x.Target
		}
		if c.target != "" && tgt != graph.AgentID(c.target) || c.target == "" && tgt != "" {
			t.Errorf("%s: target %q, want %q", c.rule, tgt, c.target)
		}
		if got := claimText(d, x.Claim); got != c.claim {
			t.Errorf("%s: claim %q, want %q", c.rule, got, c.claim)
		}
		if c.claim != "" && x.Claim != nil {
			if i := semClaimIndex(d, *x.Claim); i >= 0 && d.Claims[i].Origin != c.origin {
				t.Errorf("%s: claim origin %q, want %q", c.rule, d.Claims[i].Origin, c.origin)
			}
		}
		if x.Cue.Text == "" || string(d.Runes[x.Cue.Start:x.Cue.End]) != x.Cue.Text {
			t.Errorf("%s: bad cue %+v", c.rule, x.Cue)
		}
	}
}

// An accusation claim is spoken by the accuser.
func TestAccusationClaimSpeaker(t *testing.T) {
	d := docWithAttributions(t, "Israel accused Hamas of violating the ceasefire.")
	if len(d.Claims) != 1 || d.Claims[0].Speaker == nil || *d.Claims[0].Speaker != graph.AgentID("Israel") {
		t.Fatalf("accusation claim: %+v", d.Claims)
	}
	if d.Claims[0].Span.Fragments == nil || d.Claims[0].Cue.Text != "accused" {
		t.Errorf("accusation claim span/cue: %+v", d.Claims[0])
	}
}

// Coordinated subjects are each a disputer of the same target, in text order.
func TestCoordinatedDisputers(t *testing.T) {
	cases := []struct {
		text      string
		attrs     []attrSpec
		disputers []string
		claim     string
	}{
		{"Egypt and Qatar rejected that the border was closed.", nil, []string{"Egypt", "Qatar"}, "the border was closed"},
		{"Hamas said 20 people died. Egypt, Jordan and Qatar on Monday rejected these figures.",
			[]attrSpec{{"Hamas", "said", "20 people died", ""}}, []string{"Egypt", "Jordan", "Qatar"}, "20 people died"},
		{"Hamas said 20 people died. Israel rejected these figures.",
			[]attrSpec{{"Hamas", "said", "20 people died", ""}}, []string{"Israel"}, "20 people died"},
	}
	for _, c := range cases {
		d := docWithAttributions(t, c.text, c.attrs...)
		if len(d.Disputes) != len(c.disputers) {
			t.Errorf("%q: got %d disputes %+v, want %d", c.text, len(d.Disputes), d.Disputes, len(c.disputers))
			continue
		}
		for i, x := range d.Disputes {
			if x.Disputer != graph.AgentID(c.disputers[i]) {
				t.Errorf("%q: dispute %d disputer %s, want %s", c.text, i, x.Disputer, graph.AgentID(c.disputers[i]))
			}
			if got := claimText(d, x.Claim); got != c.claim {
				t.Errorf("%q: dispute %d claim %q, want %q", c.text, i, got, c.claim)
			}
		}
	}
}
