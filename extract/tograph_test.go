package extract

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/corpus"
	"github.com/claimgraph/claimgraph/graph"
)

func TestToGraphSeedsValidate(t *testing.T) {
	arts, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) == 0 {
		t.Fatal("no built-in articles")
	}
	for _, a := range arts {
		d := Extract(a.Text)
		g := ToGraph(ArticleMeta{URL: a.URL, Title: a.Title, Outlet: a.Outlet, Authors: a.Authors, Published: a.Published}, d)
		if err := g.Validate(); err != nil {
			t.Errorf("%s: %v", a.ID, err)
			continue
		}
		if g.Article.ID != graph.ArticleID(a.URL, a.Text) || g.Article.Text != a.Text {
			t.Errorf("%s: article id/text not derived from the input", a.ID)
		}
		wantAgents := len(d.Entities)
		if oa := OutletAgent(g.Outlet); oa != nil && hasArticleVoice(d) && !hasEntity(d, oa.ID) {
			wantAgents++ // the outlet disputes in the article's voice
		}
		if len(g.Agents) != wantAgents {
			t.Errorf("%s: %d agents for %d entities", a.ID, len(g.Agents), len(d.Entities))
		}
		// one statement per attribution with content, plus article and accusation claims
		want := 0
		for _, at := range d.Attributions {
			if graph.NormalizeClaimText(spanTextOf(d.Runes, at.Content)) != "" {
				want += 1 + len(at.CoSpeakers) // a statement of each co-speaker too
			}
		}
		for _, c := range d.Claims {
			if c.Origin == "article" || c.Origin == "accusation" {
				want++
			}
		}
		if len(g.Statements) != want {
			t.Errorf("%s: %d statements, want %d", a.ID, len(g.Statements), want)
		}
		if len(g.Disputes) != len(d.Disputes) {
			t.Errorf("%s: %d disputes in the graph for %d found", a.ID, len(g.Disputes), len(d.Disputes))
		}
		for _, s := range g.Statements {
			if s.Content.Text == "" || s.Content.Text != spanTextOf(d.Runes, s.Content) {
				t.Errorf("%s: statement %s content text %q does not match its offsets", a.ID, s.ID, s.Content.Text)
			}
		}
	}
}

func TestToGraphMapping(t *testing.T) {
	text := "The war has left more than 68,800 Palestinians dead, according to Gaza’s Health Ministry. Israel disputes these figures. Militants took 251 hostages."
	d := docWithAttributions(t, text, attrSpec{"Gaza’s Health Ministry", "according to", "The war has left more than 68,800 Palestinians dead", ""})
	g := ToGraph(ArticleMeta{URL: "https://example.org/a", Outlet: "Example News", Published: graph.Date{Value: "2025-11-05", Precision: graph.PrecisionDay}}, d)
	if err := g.Validate(); err != nil {
		t.Fatal(err)
	}
	if g.Outlet == nil || g.Article.OutletID != graph.OutletID("Example News") {
		t.Errorf("outlet not set: %+v", g.Outlet)
	}
	cid := graph.ClaimID("The war has left more than 68,800 Palestinians dead")
	var st *graph.Statement
	for i := range g.Statements {
		if g.Statements[i].ClaimID == cid {
			st = &g.Statements[i]
		}
	}
	if st == nil || st.SpeakerID != graph.AgentID("Gaza’s Health Ministry") || st.Kind != graph.SpeechReported || st.Cue.Text != "according to" {
		t.Fatalf("casualty statement wrong: %+v", st)
	}
	var claim *graph.Claim
	for i := range g.Claims {
		if g.Claims[i].ID == cid {
			claim = &g.Claims[i]
		}
	}
	if claim == nil || claim.Kind != graph.ClaimStatistic || len(claim.Quantities) != 1 || claim.Quantities[0].Value != 68800 {
		t.Errorf("casualty claim wrong: %+v", claim)
	}
	if len(g.Disputes) != 1 || g.Disputes[0].ClaimID != cid || g.Disputes[0].DisputerID != graph.AgentID("Israel") || g.Disputes[0].Kind != graph.DisputeDisputes {
		t.Errorf("dispute wrong: %+v", g.Disputes)
	}
	// the article's own statistic: a statement with no speaker
	var own int
	for _, s := range g.Statements {
		if s.SpeakerID == "" && s.Kind == graph.SpeechNone && strings.Contains(s.Content.Text, "251 hostages") {
			own++
		}
	}
	if own != 1 {
		t.Errorf("article statistic statements: %d, want 1", own)
	}
}

// Whatever the input, the bundle of a non-empty text validates and every span lies on
// character boundaries inside the text.
func TestToGraphOddInputs(t *testing.T) {
	inputs := []string{
		"x", "\x00\xff\xfe binary \x80", strings.Repeat("“", 500), "He said.", "“Unbalanced, he said. ”” “",
		"Israel disputes these figures.", "more than", "Israel accused", strings.Repeat("68,800 ", 300),
		"According to", "a condition that Israel opposes", "Their refusal to.",
	}
	for _, in := range inputs {
		d := Extract(in)
		g := ToGraph(ArticleMeta{}, d)
		if strings.TrimSpace(d.Text) == "" {
			continue
		}
		if err := g.Validate(); err != nil {
			t.Errorf("%q: %v", in, err)
		}
		n := utf8.RuneCountInString(d.Text)
		for _, m := range d.Mentions {
			if m.Span.Start < 0 || m.Span.End > n || m.Span.Start > m.Span.End {
				t.Errorf("%q: mention span %+v outside the text", in, m.Span)
			}
		}
	}
	if err := ToGraph(ArticleMeta{}, Extract("")).Validate(); err == nil {
		t.Error("an empty article validated")
	}
}

// checkSemSpans asserts that every span the semantic stages report lies inside the
// text and that its text matches its offsets.
func checkSemSpans(t *testing.T, label string, d *Document) {
	t.Helper()
	n := len(d.Runes)
	check := func(what string, sp Span) {
		if sp.Start < 0 || sp.End > n || sp.Start > sp.End {
			t.Errorf("%s: %s span [%d,%d) outside the text of %d", label, what, sp.Start, sp.End, n)
			return
		}
		for _, f := range sp.Fragments {
			if f[0] < sp.Start || f[1] > sp.End || f[0] > f[1] {
				t.Errorf("%s: %s fragment %v outside its span", label, what, f)
			}
		}
		if sp.Text != "" && sp.Text != spanTextOf(d.Runes, sp) {
			t.Errorf("%s: %s span text %q does not match its offsets", label, what, sp.Text)
		}
	}
	for _, m := range d.Mentions {
		check("mention", m.Span)
	}
	for _, c := range d.Claims {
		check("claim", c.Span)
		for _, q := range c.Quantities {
			check("quantity", q.Span)
		}
	}
	for _, x := range d.Disputes {
		check("dispute cue", x.Cue)
		check("dispute sentence", x.Sentence)
	}
}

// Mutated seed texts (a fixed pseudo-random sequence of deletions, duplications and
// odd characters) keep every span in place.
func TestSemSpansOnMutatedSeeds(t *testing.T) {
	arts, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	odd := []string{"“", "”", "\"", "’", "\u00a0", "\n\n", ".", ",", "(", "U.S.", "68,800", "—", "\uFFFD", "he", "disputes"}
	seed := uint32(7)
	next := func(n int) int { seed = seed*1664525 + 1013904223; return int(seed>>8) % n }
	for _, a := range arts {
		checkSemSpans(t, a.ID, Extract(a.Text))
		for round := 0; round < 6; round++ {
			r := []rune(a.Text)
			for k := 0; k < 40; k++ {
				p := next(len(r))
				switch next(3) {
				case 0:
					r = append(r[:p], r[min(len(r), p+next(30)):]...)
				case 1:
					r = append(r[:p], append([]rune(odd[next(len(odd))]), r[p:]...)...)
				default:
					e := min(len(r), p+next(60))
					r = append(r[:e], append(append([]rune{}, r[p:e]...), r[e:]...)...)
				}
				if len(r) == 0 {
					r = []rune("x")
				}
			}
			d := Extract(string(r))
			checkSemSpans(t, a.ID, d)
			if err := ToGraph(ArticleMeta{}, d).Validate(); err != nil {
				t.Errorf("%s round %d: %v", a.ID, round, err)
			}
		}
	}
}

// FuzzSemantic checks the semantic stages on any input: no panic, every span inside
// the text with matching text, and a graph bundle that validates.
func FuzzSemantic(f *testing.F) {
	for _, s := range []string{
		"The war has left more than 68,800 Palestinians dead, according to Gaza’s Health Ministry. Israel disputes these figures.",
		"“Kosovo gives you the best example,” Spencer stated. “It had a mandate.”",
		"Israel accused Hamas of violating the ceasefire, a condition that Israel opposes.",
		"On Wednesday, the U.S. ambassador, Mike Waltz, presented it, a senior U.S. official reported.",
		"Their refusal to permit 50-60 troops by 1999 (ISF) he said “",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		d := Extract(in)
		checkSemSpans(t, "fuzz", d)
		if strings.TrimSpace(d.Text) != "" {
			if err := ToGraph(ArticleMeta{}, d).Validate(); err != nil {
				t.Fatalf("%q: %v", in, err)
			}
		}
	})
}

// A denial is a dispute of its content, not a statement of the denier: the graph has
// the disputed claim, Russia's dispute of it, and no statement by Russia saying it.
func TestToGraphDenialIsNoStatement(t *testing.T) {
	d := Extract("Russia denied that its troops had crossed the border.")
	g := ToGraph(ArticleMeta{URL: "https://example.org/denial"}, d)
	require.NoError(t, g.Validate())
	require.Len(t, g.Disputes, 1)
	x := g.Disputes[0]
	assert.Equal(t, graph.AgentID("Russia"), x.DisputerID)
	assert.Equal(t, graph.ClaimID("its troops had crossed the border"), x.ClaimID)
	assert.Equal(t, graph.DisputeDenies, x.Kind)
	for _, s := range g.Statements {
		assert.NotEqual(t, graph.AgentID("Russia"), s.SpeakerID, "statement %+v", s)
	}
}

// A dispute in the article's own voice is its outlet's, as an agent of kind outlet;
// without an outlet in the metadata it is left out of the graph.
func TestToGraphArticleVoice(t *testing.T) {
	text := "Mayor Tom Reyes falsely claimed that the mill had closed in June."
	tests := []struct {
		name     string
		outlet   string
		disputer string // "" when the dispute is left out
		agents   int    // agents beyond the document's entities
	}{
		{"outlet disputes", "Example News", graph.AgentID("Example News"), 1},
		{"outlet name trimmed", "  Example News ", graph.AgentID("Example News"), 1},
		{"no outlet: left out", "", "", 0},
		{"blank outlet: left out", "   ", "", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := Extract(text)
			require.Len(t, d.Disputes, 1)
			require.True(t, d.Disputes[0].IsArticleVoice())
			g := ToGraph(ArticleMeta{URL: "https://example.org/a", Outlet: tc.outlet}, d)
			require.NoError(t, g.Validate())
			assert.Len(t, g.Agents, len(d.Entities)+tc.agents)
			if tc.disputer == "" {
				assert.Empty(t, g.Disputes)
				for _, a := range g.Agents {
					assert.NotEqual(t, graph.KindOutlet, a.Kind, "no outlet agent made up: %+v", a)
				}
				return
			}
			require.Len(t, g.Disputes, 1)
			x := g.Disputes[0]
			assert.Equal(t, tc.disputer, x.DisputerID)
			assert.Equal(t, graph.ClaimID("the mill had closed in June"), x.ClaimID)
			assert.Equal(t, graph.DisputeRebuts, x.Kind)
			assert.Equal(t, "falsely claimed", x.Cue.Text)
			var outletAgent *graph.Agent
			for i := range g.Agents {
				if g.Agents[i].ID == tc.disputer {
					outletAgent = &g.Agents[i]
				}
			}
			require.NotNil(t, outletAgent)
			assert.Equal(t, graph.KindOutlet, outletAgent.Kind)
			assert.Equal(t, "Example News", outletAgent.Name)
			// the claimant still states the claim: the article disputes it, it does not retract it
			var stated bool
			for _, s := range g.Statements {
				stated = stated || s.ClaimID == x.ClaimID && s.SpeakerID == graph.AgentID("Tom Reyes")
			}
			assert.True(t, stated, "the mayor's statement of the claim stays")
		})
	}
}

// An outlet that the article also names as an entity is one agent, not two.
func TestToGraphArticleVoiceOutletNamedInText(t *testing.T) {
	text := "Example News reported on the vote. Mayor Tom Reyes falsely claimed that the mill had closed in June."
	d := Extract(text)
	var named bool
	for _, e := range d.Entities {
		named = named || e.ID == graph.AgentID("Example News")
	}
	require.True(t, named, "the text names the outlet: %+v", d.Entities)
	g := ToGraph(ArticleMeta{URL: "https://example.org/b", Outlet: "Example News"}, d)
	require.NoError(t, g.Validate())
	ids := map[string]int{}
	for _, a := range g.Agents {
		ids[a.ID]++
	}
	assert.Equal(t, 1, ids[graph.AgentID("Example News")])
	assert.Len(t, g.Agents, len(d.Entities), "the entity is the outlet's agent")
	var found bool
	for _, x := range g.Disputes {
		found = found || x.DisputerID == graph.AgentID("Example News") && x.ClaimID == graph.ClaimID("the mill had closed in June")
	}
	assert.True(t, found, "%+v", g.Disputes)
}

func TestOutletAgent(t *testing.T) {
	assert.Nil(t, OutletAgent(nil))
	assert.Nil(t, OutletAgent(&graph.Outlet{ID: "o_x", Name: "  "}))
	assert.Equal(t, &graph.Agent{ID: graph.AgentID("The Times"), Kind: graph.KindOutlet, Name: "The Times"},
		OutletAgent(&graph.Outlet{ID: graph.OutletID("The Times"), Name: " The Times "}))
}

func hasArticleVoice(d *Document) bool {
	for _, x := range d.Disputes {
		if x.IsArticleVoice() {
			return true
		}
	}
	return false
}

func hasEntity(d *Document, id string) bool {
	for _, e := range d.Entities {
		if e.ID == id {
			return true
		}
	}
	return false
}
