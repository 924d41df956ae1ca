package disputes

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/extract"
)

// testDoc is a hand-made extracted Document over the text:
//
//	"Police said the march was peaceful. Organisers said officers fired tear gas. The ministry denied it."
//
// with entities police (mention 0-6), organisers (36-46, alias "the organisers"),
// ministry (named "Interior Ministry", alias "the ministry", mention 77-89 "The
// ministry"), claims c1 (12-34 "the march was peaceful"), c2 (52-75 "officers fired
// tear gas") and c3 (90-96 "denied", a claim made up by a dispute rule).
func testDoc(disputes ...extract.Dispute) *extract.Document {
	text := "Police said the march was peaceful. Organisers said officers fired tear gas. The ministry denied it."
	return &extract.Document{
		Text:  text,
		Runes: []rune(text),
		Entities: []extract.Entity{
			{ID: "police", Name: "Police"},
			{ID: "organisers", Name: "Organisers", Aliases: []string{"the organisers"}},
			{ID: "ministry", Name: "Interior Ministry", Aliases: []string{"the ministry"}},
		},
		Mentions: []extract.Mention{
			{Entity: "police", Span: extract.Span{Start: 0, End: 6}, Kind: extract.MentionName},
			{Entity: "organisers", Span: extract.Span{Start: 36, End: 46}, Kind: extract.MentionName},
			{Entity: "ministry", Span: extract.Span{Start: 77, End: 89}, Kind: extract.MentionNominal},
		},
		Claims: []extract.Claim{
			{ID: "c1", Span: extract.Span{Start: 12, End: 34}},
			{ID: "c2", Span: extract.Span{Start: 52, End: 75}},
			{ID: "c3", Span: extract.Span{Start: 90, End: 96}},
			// c4 is c1's proposition kept at another statement of it (ids are content-derived)
			{ID: "c4", Span: extract.Span{Start: 0, End: 6}, Text: "The march was peaceful."},
		},
		Disputes: disputes,
	}
}

func span(s, e int) *[2]int { return &[2]int{s, e} }

func strp(s string) *string { return &s }

// goldDenial is the ministry's anaphoric denial of the organisers' claim.
func goldDenial() Case {
	return Case{Doc: "d", ID: "d1", Shape: "anaphoric", Disputer: "The ministry", DisputerSpan: span(77, 89),
		Cue: "denied", CueSpan: [2]int{90, 96}, Claim: "officers fired tear gas", ClaimSpan: span(52, 75)}
}

// pronounGold is goldDenial with its disputer annotated as a pronoun whose referent
// is the organisers (made up for the test): the extractor's mention at the disputer
// span belongs to the ministry, so only the organisers may match.
func pronounGold() Case {
	g := goldDenial()
	g.DisputerForm = "pronoun"
	g.DisputerRef, g.DisputerRefSpan = "Organisers", span(36, 46)
	return g
}

func TestMatchRule(t *testing.T) {
	cue := extract.Span{Start: 90, End: 96}
	tests := []struct {
		name         string
		gold         Case
		pred         extract.Dispute
		found        bool
		disputerOnly bool
	}{
		{"disputer mention and claim overlap", goldDenial(),
			extract.Dispute{Disputer: "ministry", Claim: strp("c2"), Cue: cue}, true, false},
		{"disputer by alias, no mention overlap", func() Case { g := goldDenial(); g.DisputerSpan = span(0, 3); return g }(),
			extract.Dispute{Disputer: "ministry", Claim: strp("c2"), Cue: cue}, true, false},
		{"alias compared case-insensitively", func() Case { g := goldDenial(); g.DisputerSpan = span(0, 3); g.Disputer = "THE MINISTRY"; return g }(),
			extract.Dispute{Disputer: "ministry", Claim: strp("c2"), Cue: cue}, true, false},
		{"wrong disputer", goldDenial(),
			extract.Dispute{Disputer: "police", Claim: strp("c2"), Cue: cue}, false, false},
		{"right disputer, claim made up near the cue", goldDenial(),
			extract.Dispute{Disputer: "ministry", Claim: strp("c3"), Cue: cue, Sentence: extract.Span{Start: 77, End: 100}}, false, true},
		{"right disputer, agent target only", goldDenial(),
			extract.Dispute{Disputer: "ministry", Target: strp("organisers"), Cue: cue}, false, true},
		{"claim span touching, not overlapping", func() Case { g := goldDenial(); g.ClaimSpan = span(75, 77); return g }(),
			extract.Dispute{Disputer: "ministry", Claim: strp("c2"), Cue: cue}, false, true},
		{"claim stated elsewhere with the gold claim's words", func() Case { g := goldDenial(); g.ClaimSpan = span(12, 34); return g }(),
			extract.Dispute{Disputer: "ministry", Claim: strp("c4"), Cue: cue}, true, false},
		{"claim stated elsewhere with other words", goldDenial(),
			extract.Dispute{Disputer: "ministry", Claim: strp("c4"), Cue: cue}, false, true},
		{"claim id unknown", goldDenial(),
			extract.Dispute{Disputer: "ministry", Claim: strp("nope"), Cue: cue}, false, true},
		{"claim not in text: cue overlap decides", func() Case { g := goldDenial(); g.ClaimSpan = nil; return g }(),
			extract.Dispute{Disputer: "ministry", Claim: strp("c3"), Cue: extract.Span{Start: 93, End: 99}}, true, false},
		{"claim not in text: cue elsewhere", func() Case { g := goldDenial(); g.ClaimSpan = nil; return g }(),
			extract.Dispute{Disputer: "ministry", Claim: strp("c3"), Cue: extract.Span{Start: 7, End: 11}}, false, false},
		{"pronoun with referent: the referent's mention counts", pronounGold(),
			extract.Dispute{Disputer: "organisers", Claim: strp("c2"), Cue: cue}, true, false},
		{"pronoun with referent: a wrong entity on the pronoun does not", pronounGold(),
			extract.Dispute{Disputer: "ministry", Claim: strp("c2"), Cue: cue}, false, false},
		{"pronoun with referent: referent by alias", func() Case {
			g := pronounGold()
			g.DisputerRefSpan = span(0, 1)
			g.DisputerRef = "The Organisers"
			return g
		}(),
			extract.Dispute{Disputer: "organisers", Claim: strp("c2"), Cue: cue}, true, false},
		{"gold without disputer accepts any", func() Case { g := goldDenial(); g.DisputerSpan = nil; g.Disputer = ""; return g }(),
			extract.Dispute{Disputer: "police", Claim: strp("c2"), Cue: cue}, true, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			set, err := NewSet(nil, []Case{tc.gold})
			require.NoError(t, err)
			r := Score(set, map[string]*extract.Document{"d": testDoc(tc.pred)}, Hooks{})
			require.Len(t, r.Cases, 1)
			assert.Equal(t, tc.found, r.Cases[0].Found, "found")
			assert.Equal(t, tc.disputerOnly, r.Cases[0].DisputerOnly, "disputer only")
			assert.Equal(t, 1, r.Total.Predicted)
			if tc.found {
				assert.Equal(t, 1, r.Total.Correct)
				assert.Empty(t, r.FalsePositives)
			} else {
				assert.Equal(t, 0, r.Total.Correct)
				require.Len(t, r.FalsePositives, 1)
				assert.Equal(t, "unknown", r.FalsePositives[0].Shape)
			}
		})
	}
}

// A prediction in the article's own voice (Disputer "") matches a gold case without a
// disputer only, never one that names its disputer, even where a mention without an
// entity covers the gold disputer.
func TestArticleVoiceMatchesOnlyArticleCases(t *testing.T) {
	cue := extract.Span{Start: 90, End: 96}
	article := func() Case { g := goldDenial(); g.Disputer, g.DisputerSpan, g.Note = "", nil, "the article"; return g }
	voice := extract.Dispute{Disputer: extract.ArticleVoice, Claim: strp("c2"), Cue: cue, Sentence: extract.Span{Start: 77, End: 100}}
	tests := []struct {
		name  string
		gold  Case
		pred  extract.Dispute
		found bool
	}{
		{"article voice, article case", article(), voice, true},
		{"article voice, named disputer", goldDenial(), voice, false},
		{"article voice, pronoun with referent", pronounGold(), voice, false},
		{"named disputer, article case", article(), extract.Dispute{Disputer: "police", Claim: strp("c2"), Cue: cue}, true},
		{"article voice, article case, wrong claim", article(), extract.Dispute{Disputer: extract.ArticleVoice, Claim: strp("c1"), Cue: cue}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := testDoc(tc.pred)
			// a mention the extractor left without an entity, over both disputer spans
			d.Mentions = append(d.Mentions, extract.Mention{Entity: "", Span: extract.Span{Start: 36, End: 89}, Kind: extract.MentionNominal})
			set, err := NewSet(nil, []Case{tc.gold})
			require.NoError(t, err)
			r := Score(set, map[string]*extract.Document{"d": d}, Hooks{})
			require.Len(t, r.Cases, 1)
			assert.Equal(t, tc.found, r.Cases[0].Found)
			assert.False(t, r.Cases[0].DisputerOnly, "an article-voice prediction is no disputer-only match of a named case")
		})
	}
}

func TestConflictHookMatchesCounterclaims(t *testing.T) {
	gold := Case{Doc: "d", ID: "d1", Shape: "counterclaim", Disputer: "Organisers", DisputerSpan: span(36, 46),
		Cue: "said", CueSpan: [2]int{47, 51}, Claim: "the march was peaceful", ClaimSpan: span(12, 34),
		OtherClaim: "officers fired tear gas", OtherClaimSpan: span(52, 75)}
	conflict := func(a, b extract.Span) func(*extract.Document) [][2]extract.Span {
		return func(*extract.Document) [][2]extract.Span { return [][2]extract.Span{{a, b}} }
	}
	c1, c2, c3 := extract.Span{Start: 12, End: 34}, extract.Span{Start: 52, End: 75}, extract.Span{Start: 90, End: 96}
	tests := []struct {
		name  string
		hook  func(*extract.Document) [][2]extract.Span
		shape string
		found bool
	}{
		{"no hook: nothing", nil, "counterclaim", false},
		{"claims in order", conflict(c1, c2), "counterclaim", true},
		{"claims swapped", conflict(c2, c1), "figures", true},
		{"one side wrong", conflict(c1, c3), "counterclaim", false},
		{"conflicts never match other shapes", conflict(c1, c2), "anaphoric", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := gold
			g.Shape = tc.shape
			set, err := NewSet(nil, []Case{g})
			require.NoError(t, err)
			r := Score(set, map[string]*extract.Document{"d": testDoc()}, Hooks{Conflicts: tc.hook})
			assert.Equal(t, tc.found, r.Cases[0].Found)
			if tc.hook != nil {
				conflictRow := r.Shapes[len(r.Shapes)-1]
				assert.Equal(t, "conflict", conflictRow.Shape)
				assert.Equal(t, 1, conflictRow.Predicted)
			}
		})
	}
}

func TestScoreCountsPerShapeAndOneToOne(t *testing.T) {
	denial := goldDenial()
	// the same denial annotated twice (two mentions) but predicted once: one found
	twice := denial
	twice.ID = "d2"
	figures := Case{Doc: "d", ID: "d3", Shape: "figures", Cue: "said", CueSpan: [2]int{7, 11},
		Claim: "the march was peaceful", ClaimSpan: span(12, 34), OtherClaimSpan: span(52, 75)}
	set, err := NewSet([]string{"d", "empty"}, []Case{denial, twice, figures})
	require.NoError(t, err)
	assert.Equal(t, []string{"d", "empty"}, set.Docs)
	d := testDoc(
		extract.Dispute{Disputer: "ministry", Claim: strp("c2"), Cue: extract.Span{Start: 90, End: 96}, Kind: "denies"},
		extract.Dispute{Disputer: "police", Claim: strp("c1"), Cue: extract.Span{Start: 7, End: 11}, Kind: "rejects"},
		extract.Dispute{Disputer: "organisers", Target: strp("police"), Cue: extract.Span{Start: 47, End: 51}, Kind: "accuses"},
	)
	shapeOf := func(p extract.Dispute) string {
		if p.Kind == "accuses" {
			return "accusation"
		}
		return "anaphoric"
	}
	r := Score(set, map[string]*extract.Document{"d": d}, Hooks{Shape: shapeOf})
	assert.Equal(t, 2, r.Documents)
	byShape := map[string]ShapeScore{}
	for _, s := range r.Shapes {
		byShape[s.Shape] = s
	}
	assert.Equal(t, ShapeScore{Shape: "anaphoric", Gold: 2, Found: 1, Recall: 0.5, Predicted: 2, Correct: 2, Precision: 1}, byShape["anaphoric"])
	assert.Equal(t, ShapeScore{Shape: "figures", Gold: 1, Found: 1, Recall: 1}, byShape["figures"])
	assert.Equal(t, ShapeScore{Shape: "accusation", Predicted: 1}, byShape["accusation"])
	assert.Equal(t, ShapeScore{Shape: "total", Gold: 3, Found: 2, Recall: 2.0 / 3, Predicted: 3, Correct: 2, Precision: 2.0 / 3}, r.Total)
	require.Len(t, r.FalsePositives, 1)
	assert.Equal(t, FalsePositive{Doc: "d", Shape: "accusation", Kind: "accuses", Cue: "said"}, r.FalsePositives[0])
	kinds := map[string]ShapeScore{}
	for _, k := range r.ByKind {
		kinds[k.Shape] = k
	}
	assert.Equal(t, 1, kinds["denies"].Correct)
	assert.Equal(t, 0, kinds["accuses"].Correct)
	assert.Equal(t, 1, r.DisputerOnly, "the second mention of the denial: disputer found, prediction used up")
}

// A case that any prediction of its claim serves (no disputer annotated) stands
// first in the file; the later denial has one matching prediction only. First fit
// gave the first case that prediction and lost the denial; the maximum matching
// finds both.
func TestScoreMatchingIsMaximum(t *testing.T) {
	open := Case{Doc: "d", ID: "d0", Shape: "counterclaim", Cue: "said", CueSpan: [2]int{47, 51},
		Claim: "officers fired tear gas", ClaimSpan: span(52, 75)}
	denial := goldDenial()
	set, err := NewSet([]string{"d"}, []Case{open, denial})
	require.NoError(t, err)
	d := testDoc(
		extract.Dispute{Disputer: "ministry", Claim: strp("c2"), Cue: extract.Span{Start: 90, End: 96}, Kind: "denies"},
		extract.Dispute{Disputer: "police", Claim: strp("c2"), Cue: extract.Span{Start: 7, End: 11}, Kind: "rejects"},
	)
	r := Score(set, map[string]*extract.Document{"d": d}, Hooks{})
	assert.Equal(t, 2, r.Total.Found, "both cases found")
	assert.Equal(t, 2, r.Total.Correct)
	assert.Empty(t, r.FalsePositives)
	for _, c := range r.Cases {
		assert.True(t, c.Found, c.ID)
	}
}

func TestNegativesHit(t *testing.T) {
	refusal := Case{Doc: "d", ID: "n1", Shape: "none", Cue: "said", CueSpan: [2]int{7, 11}, Claim: "x"}
	other := Case{Doc: "d", ID: "n2", Shape: "none", Cue: "said", CueSpan: [2]int{47, 51}, Claim: "x"}
	set, err := NewSet([]string{"d"}, nil)
	require.NoError(t, err)
	set.Negatives = []Case{refusal, other}
	d := testDoc(extract.Dispute{Disputer: "police", Claim: strp("c1"), Cue: extract.Span{Start: 7, End: 11}, Kind: "refuses"})
	r := Score(set, map[string]*extract.Document{"d": d}, Hooks{})
	assert.Equal(t, 1, r.NegativesHit)
	assert.Equal(t, 2, r.Negatives)
	var b bytes.Buffer
	r.Print(&b)
	assert.Contains(t, b.String(), "annotated non-disputes predicted as disputes 1 of 2\n")
}

func TestPrintAndJSON(t *testing.T) {
	set, err := NewSet(nil, []Case{goldDenial()})
	require.NoError(t, err)
	docs := map[string]*extract.Document{"d": testDoc(extract.Dispute{Disputer: "ministry", Claim: strp("c2"), Cue: extract.Span{Start: 90, End: 96}, Kind: "denies"})}
	r := Score(set, docs, Hooks{})
	var a, b bytes.Buffer
	r.Print(&a)
	Score(set, docs, Hooks{}).Print(&b)
	assert.Equal(t, a.String(), b.String(), "deterministic")
	out := a.String()
	assert.Contains(t, out, "anaphoric         1     1   1.000         0       0     0.000\n")
	assert.Contains(t, out, "unknown           0     0   0.000         1       1     1.000\n")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	assert.Equal(t, "summary dispute_recall=1.000 dispute_precision=1.000 gold=1 predicted=1", lines[len(lines)-1])
	var js bytes.Buffer
	require.NoError(t, r.WriteJSON(&js))
	var back Result
	require.NoError(t, json.Unmarshal(js.Bytes(), &back))
	assert.Equal(t, r.Total, back.Total)
	assert.Len(t, back.Cases, 1)
}

func TestNewSetRejectsCaseWithoutCue(t *testing.T) {
	_, err := NewSet(nil, []Case{{Doc: "d", ID: "d1", Shape: "inline"}})
	assert.Error(t, err)
	_, err = NewSet(nil, []Case{{ID: "d1", Shape: "inline", CueSpan: [2]int{1, 2}}})
	assert.Error(t, err)
}

func TestCheckCaseSpans(t *testing.T) {
	text := []rune("Ça dit: the ministry denied it.")
	good := Case{Doc: "x", ID: "d1", Disputer: "the ministry", DisputerSpan: span(8, 20), Cue: "denied", CueSpan: [2]int{21, 27}, Claim: "it", ClaimSpan: span(28, 30)}
	assert.NoError(t, CheckCaseSpans(good, text))
	bad := good
	bad.CueSpan = [2]int{20, 26}
	assert.Error(t, CheckCaseSpans(bad, text))
	out := good
	out.ClaimSpan = span(28, 40)
	assert.Error(t, CheckCaseSpans(out, text))
}

// Coordinated disputers of one dispute mention ("the police and the organisers denied
// it") are one prediction: found when any of them is the gold disputer, and counted
// once; the same disputers with another cue are another prediction.
func TestCoordinatedDisputersAreOneMention(t *testing.T) {
	cue := extract.Span{Start: 90, End: 96}
	set, err := NewSet(nil, []Case{goldDenial()})
	require.NoError(t, err)
	both := []extract.Dispute{
		{Disputer: "police", Claim: strp("c2"), Cue: cue},
		{Disputer: "ministry", Claim: strp("c2"), Cue: cue},
	}
	r := Score(set, map[string]*extract.Document{"d": testDoc(both...)}, Hooks{})
	assert.True(t, r.Cases[0].Found)
	assert.Equal(t, 1, r.Total.Predicted)
	assert.Equal(t, 1, r.Total.Correct)

	other := append(both, extract.Dispute{Disputer: "police", Claim: strp("c2"), Cue: extract.Span{Start: 7, End: 11}})
	r = Score(set, map[string]*extract.Document{"d": testDoc(other...)}, Hooks{})
	assert.Equal(t, 2, r.Total.Predicted)
	assert.Equal(t, 1, r.Total.Correct)
	assert.Len(t, r.FalsePositives, 1)
}
