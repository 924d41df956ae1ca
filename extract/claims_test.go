package extract

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

func TestModalityRules(t *testing.T) {
	cases := []struct {
		rule, text string
		want       graph.Modality
	}{
		{"is expected to", "China and Russia are expected to be the biggest sources of opposition.", graph.ModalityPrediction},
		{"would", "The force would coordinate closely with Egypt.", graph.ModalityPrediction},
		{"will", "This small presence will be crucial.", graph.ModalityPrediction},
		{"could", "The concept could succeed.", graph.ModalityHedged},
		{"may", "The ceasefire may collapse.", graph.ModalityHedged},
		{"might", "Such a force might set a precedent.", graph.ModalityHedged},
		{"plain statement", "Hamas returned the remains of 20 hostages.", graph.ModalityAsserted},
		{"will as a noun", "The war will not come for lack of will.", graph.ModalityPrediction},
		{"noun will only", "It failed for lack of will.", graph.ModalityAsserted},
		{"the month May", "The talks began on May 5 in Cairo.", graph.ModalityAsserted},
	}
	for _, c := range cases {
		r := []rune(c.text)
		if got := modalityOf(r, Span{Start: 0, End: len(r)}); got != c.want {
			t.Errorf("%s: %q: modality %s, want %s", c.rule, c.text, got, c.want)
		}
	}
}

func TestClaimRules(t *testing.T) {
	// an attribution's content is a claim of its speaker, with its quantities
	text := "The war has left more than 68,800 Palestinians dead, according to Gaza’s Health Ministry."
	d := docWithAttributions(t, text, attrSpec{"Gaza’s Health Ministry", "according to", "The war has left more than 68,800 Palestinians dead", ""})
	if len(d.Claims) != 1 {
		t.Fatalf("got %d claims, want 1: %+v", len(d.Claims), d.Claims)
	}
	c := d.Claims[0]
	if c.Speaker == nil || *c.Speaker != graph.AgentID("Gaza’s Health Ministry") || c.Attribution == nil || *c.Attribution != "a1" {
		t.Errorf("claim speaker/attribution wrong: %+v", c)
	}
	if c.ID != graph.ClaimID("The war has left more than 68,800 Palestinians dead") || c.Origin != "attribution" {
		t.Errorf("claim id/origin wrong: %+v", c)
	}
	if len(c.Quantities) != 1 || c.Quantities[0].Value != 68800 || c.Quantities[0].Qualifier != "more_than" || c.Quantities[0].Counted != "palestinians dead" {
		t.Errorf("claim quantities wrong: %+v", c.Quantities)
	}

	// a statistic the article asserts itself is a claim with no speaker
	text = "Humanitarian needs are acute. Militants killed about 1,200 people and took 251 hostages. After two years of war, three simple steps remain."
	d = docWithAttributions(t, text)
	if len(d.Claims) != 1 {
		t.Fatalf("article claims: got %d, want 1 (durations and bare number words are not statistics): %+v", len(d.Claims), d.Claims)
	}
	c = d.Claims[0]
	if c.Speaker != nil || c.Attribution != nil || c.Origin != "article" || len(c.Quantities) != 2 {
		t.Errorf("article claim wrong: %+v", c)
	}
	if c.Text != "Militants killed about 1,200 people and took 251 hostages." || c.Span.Text != c.Text {
		t.Errorf("article claim text %q span %+v", c.Text, c.Span)
	}

	// a claim without a marker takes the modality of its cue
	text = "China and Russia are expected to be the biggest sources of opposition."
	d = docWithAttributions(t, text, attrSpec{"China and Russia", "are expected", "to be the biggest sources of opposition", ""})
	if len(d.Claims) != 1 || d.Claims[0].Modality != graph.ModalityPrediction {
		t.Errorf("cue modality: %+v", d.Claims)
	}

	// a leading "that" is not part of the claim
	text = "Officials said that the border was closed."
	d = docWithAttributions(t, text, attrSpec{"Officials", "said", "that the border was closed", ""})
	if len(d.Claims) != 1 || d.Claims[0].Text != "the border was closed" || d.Claims[0].Span.Text != "the border was closed" ||
		d.Claims[0].ID != graph.ClaimID("the border was closed") {
		t.Errorf("claim without that: %+v", d.Claims)
	}

	// a quantity inside an attribution's content is not also an article claim
	text = "Officials said 20 hostages were returned."
	d = docWithAttributions(t, text, attrSpec{"Officials", "said", "20 hostages were returned", ""})
	if len(d.Claims) != 1 || d.Claims[0].Origin != "attribution" {
		t.Errorf("got %+v, want one attributed claim", d.Claims)
	}

	// a split quotation is one claim, its fragments joined
	text = "“Kosovo is the example,” Spencer stated. “It had a mandate.”"
	d = docWithAttributions(t, text)
	s1, s2 := spanOf(t, text, "“Kosovo is the example,”", 0), spanOf(t, text, "“It had a mandate.”", 0)
	d.Attributions = []Attribution{{ID: "a1", Kind: "direct", Cue: spanOf(t, text, "stated", 0),
		Content: Span{Start: s1.Start, End: s2.End, Fragments: [][2]int{{s1.Start, s1.End}, {s2.Start, s2.End}}}}}
	findClaims(d)
	if len(d.Claims) != 1 || d.Claims[0].Text != "“Kosovo is the example,” “It had a mandate.”" {
		t.Errorf("split quote claim: %+v", d.Claims)
	}
}

// A toll's bare figure counts the dead and makes its sentence a statistic of the
// article; a tally of votes or a figure after another number does not.
func TestTollFigures(t *testing.T) {
	cases := []struct {
		text    string
		counted string // counted thing of the only quantity; "" when the sentence is no claim
		qual    string
	}{
		{"The death toll from the quake in the north has climbed past 9,400, making it the deadliest in a decade.", "dead", "more_than"},
		{"The toll rose to 312 on Monday.", "dead", ""},
		{"The vote tally reached 512 by noon.", "", ""}, // 5,120 is a statistic by rule "large figure without a counted noun", still not a toll
		{"The toll road opened in 2009 and carried 40 trucks.", "trucks", ""},
	}
	for _, c := range cases {
		d := Extract(c.text)
		var got []Quantity
		for _, cl := range d.Claims {
			got = append(got, cl.Quantities...)
		}
		if c.counted == "" {
			assert.Empty(t, got, c.text)
			continue
		}
		if assert.Len(t, got, 1, c.text) {
			assert.Equal(t, c.counted, got[0].Counted, c.text)
			assert.Equal(t, c.qual, got[0].Qualifier, c.text)
		}
	}
}

// A number in who speaks ("Envoy 3 Name said", "Three officials said") is not a
// figure the article asserts: the sentence gives one statement, the attribution's,
// never a second, speakerless one of the whole sentence. A figure in the article's own
// voice still is a claim.
func TestNumberInSourceMakesNoArticleClaim(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string // the claim texts, in order
	}{
		{"digit in an unknown name", "Envoy 3 Name said the talks would resume next week.",
			[]string{"the talks would resume next week"}},
		{"digit in a name after the cue", "The talks would resume next week, said Envoy 3 Name.",
			[]string{"The talks would resume next week"}},
		{"counted source", "Three officials said the talks would resume next week.",
			[]string{"the talks would resume next week"}},
		{"figure source", "At least 12 witnesses said the convoy was hit twice.",
			[]string{"the convoy was hit twice"}},
		// PolNeAR's convention: the subject of "were considered to" belongs to the content
		{"the subject of a passive cue is no speaker: it is content, with its figure",
			"Before the declaration of famine, around 24 million Sudanese people were considered to be in acute hunger, and 600,000 were said to be facing famine.",
			[]string{"around 24 million Sudanese people to be in acute hunger", "600,000 to be facing famine"}},
		{"figure in the article's voice stays", "The envoy arrived. Militants killed about 1,200 people on Saturday.",
			[]string{"Militants killed about 1,200 people on Saturday."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Extract(c.text)
			var got []string
			for _, cl := range d.Claims {
				got = append(got, cl.Text)
			}
			assert.Equal(t, c.want, got)
			g := ToGraph(ArticleMeta{URL: "https://example.org/n"}, d)
			require.NoError(t, g.Validate())
			assert.Len(t, g.Statements, len(c.want), "one statement per claim")
			if strings.Contains(c.name, "no speaker") {
				for _, st := range g.Statements {
					assert.Empty(t, st.SpeakerID, "nobody speaks %q", st.Content.Text)
				}
			}
		})
	}
}
