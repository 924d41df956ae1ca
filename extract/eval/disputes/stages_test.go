package disputes

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/extract"
)

// TestMissStages puts one missed gold case through each stage of the breakdown, on
// the hand-made document of testDoc.
func TestMissStages(t *testing.T) {
	cue := extract.Span{Start: 90, End: 96}
	sentence := extract.Span{Start: 77, End: 100}
	noEntity := func() Case { g := goldDenial(); g.Disputer, g.DisputerSpan = "Somebody", span(97, 99); return g }
	tests := []struct {
		name      string
		gold      Case
		preds     []extract.Dispute
		conflicts [][2]extract.Span
		stage     string
		extracted int // claim-extracted column
		missing   int // claim-missing column
		notEntity int // disputer-not-entity column
	}{
		{"no dispute anywhere", goldDenial(), nil, nil, StageNoCue, 1, 0, 0},
		{"a dispute in another sentence only", goldDenial(),
			[]extract.Dispute{{Disputer: "police", Claim: strp("c2"), Cue: extract.Span{Start: 7, End: 11}, Sentence: extract.Span{Start: 0, End: 35}}},
			nil, StageNoCue, 1, 0, 0},
		{"dispute at the cue given to another agent", goldDenial(),
			[]extract.Dispute{{Disputer: "police", Claim: strp("c2"), Cue: cue, Sentence: sentence}}, nil, StageDisputerOther, 1, 0, 0},
		{"dispute at the cue, gold disputer no entity", noEntity(),
			[]extract.Dispute{{Disputer: "police", Claim: strp("c2"), Cue: cue, Sentence: sentence}}, nil, StageDisputerNotEntity, 1, 0, 1},
		{"a pronoun disputer whose referent is an entity but whose words are no mention", func() Case {
			g := pronounGold()
			g.DisputerSpan = span(97, 99)
			return g
		}(), nil, nil, StageNoCue, 1, 0, 0},
		{"right disputer, no claim", goldDenial(),
			[]extract.Dispute{{Disputer: "ministry", Cue: cue, Sentence: sentence}}, nil, StageClaimNone, 1, 0, 0},
		{"right disputer, another claim, gold claim extracted", goldDenial(),
			[]extract.Dispute{{Disputer: "ministry", Claim: strp("c1"), Cue: cue, Sentence: sentence}}, nil, StageClaimOther, 1, 0, 0},
		{"right disputer, another claim, gold claim not extracted", func() Case { g := goldDenial(); g.ClaimSpan = span(97, 99); return g }(),
			[]extract.Dispute{{Disputer: "ministry", Claim: strp("c1"), Cue: cue, Sentence: sentence}}, nil, StageClaimNotExtracted, 0, 1, 0},
		{"counterclaim: a conflict with another claim",
			Case{Doc: "d", ID: "k", Shape: "counterclaim", Disputer: "Organisers", DisputerSpan: span(36, 46),
				Cue: "said", CueSpan: [2]int{47, 51}, Claim: "officers fired tear gas", ClaimSpan: span(52, 75), OtherClaim: "the march was peaceful", OtherClaimSpan: span(12, 34)},
			nil, [][2]extract.Span{{{Start: 52, End: 75}, {Start: 90, End: 96}}}, StageConflictOther, 1, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := testDoc(tt.preds...)
			set := Set{Docs: []string{"d"}, Cases: []Case{tt.gold}}
			hooks := Hooks{Conflicts: func(*extract.Document) [][2]extract.Span { return tt.conflicts }}
			res := Score(set, map[string]*extract.Document{"d": d}, hooks)
			require.Equal(t, 0, res.Total.Found, "the case must be a miss")
			require.Len(t, res.Stages, len(StageOrder))
			for _, s := range res.Stages {
				if s.Stage != tt.stage {
					assert.Zero(t, s.Misses, s.Stage)
					continue
				}
				assert.Equal(t, 1, s.Misses)
				assert.Equal(t, tt.extracted, s.ClaimExtracted, "claim-extracted")
				assert.Equal(t, tt.missing, s.ClaimMissing, "claim-missing")
				assert.Equal(t, tt.notEntity, s.DisputerNotEntity, "disputer-not-entity")
				unmarked := 0
				if tt.gold.DisputerSpan != nil && tt.gold.DisputerSpan[0] == 97 {
					unmarked = 1 // "it" is no mention
				}
				assert.Equal(t, unmarked, s.DisputerUnmarked, "disputer-unmarked")
			}
		})
	}
}

// TestMissStagesTaken: two gold cues against one claim by one disputer, one
// prediction at the second cue. The first case (in file order) takes it, so the
// second is lost as matched elsewhere; a found case is in no stage.
func TestMissStagesTaken(t *testing.T) {
	first := goldDenial()
	first.ID, first.CueSpan = "a", [2]int{7, 11}
	second := goldDenial()
	second.ID = "b"
	d := testDoc(extract.Dispute{Disputer: "ministry", Claim: strp("c2"), Cue: extract.Span{Start: 90, End: 96}, Sentence: extract.Span{Start: 77, End: 100}})
	res := Score(Set{Docs: []string{"d"}, Cases: []Case{first, second}}, map[string]*extract.Document{"d": d}, Hooks{})
	require.Equal(t, 1, res.Total.Found)
	got := map[string]int{}
	for _, s := range res.Stages {
		got[s.Stage] = s.Misses
	}
	assert.Equal(t, 1, got[StageTaken])
	assert.Equal(t, 1, got[StageTaken]+got[StageNoCue]+got[StageClaimOther]+got[StageDisputerOther])
}

// TestPrintStagesCountsOnly: the printed breakdown holds the stage names and counts,
// and no text of any case.
func TestPrintStagesCountsOnly(t *testing.T) {
	d := testDoc()
	res := Score(Set{Docs: []string{"d"}, Cases: []Case{goldDenial()}}, map[string]*extract.Document{"d": d}, Hooks{})
	var b bytes.Buffer
	res.PrintStages(&b)
	out := b.String()
	assert.Contains(t, out, "of 1 missed gold cases")
	assert.Regexp(t, `cue-not-recognised\s+1\s+1\s+0\s+0\s+0\s+0\s+anaphoric 1\n`, out)
	assert.Regexp(t, `total\s+1\s+1\s+0\s+0\s+0\s+0\n`, out)
	for _, text := range []string{"ministry", "tear gas", "denied", "Organisers"} {
		assert.False(t, strings.Contains(out, text), "text of a case printed: %q", text)
	}
}

// TestMissStagesDisputerSpeaks: an attribution in the cue's sentence with the gold
// disputer as speaker is counted; one with another speaker is not.
func TestMissStagesDisputerSpeaks(t *testing.T) {
	tests := []struct {
		name    string
		speaker string
		want    int
	}{
		{"the disputer speaks", "ministry", 1},
		{"another speaker", "police", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := testDoc()
			d.Attributions = []extract.Attribution{{Cue: extract.Span{Start: 90, End: 96}, Speaker: strp(tt.speaker), Sentence: extract.Span{Start: 77, End: 100}}}
			res := Score(Set{Docs: []string{"d"}, Cases: []Case{goldDenial()}}, map[string]*extract.Document{"d": d}, Hooks{})
			assert.Equal(t, tt.want, res.Stages[0].DisputerSpeaks)
			assert.Equal(t, map[string]int{"anaphoric": 1}, res.Stages[0].ByShape)
		})
	}
}
