package eval

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const oodDir = "testdata/ood"

// tuneDir is the out-of-domain tuning set (facts only), readable while writing rules.
const tuneDir = "testdata/oodtune"

// tune2Dir is the second out-of-domain tuning set (facts only; elections, company
// results, migration, public health, labour, energy, weather, sport), readable too.
const tune2Dir = "testdata/oodtune2"

// tune3Dir is the third out-of-domain tuning set (facts only; courts and crime, a health
// study, a technology company, transport accidents, disasters, sport, local government,
// economies outside the US), readable too.
const tune3Dir = "testdata/oodtune3"

// tune4Dir is the fourth out-of-domain tuning set (facts only; labour strikes, elections
// abroad, sports governance, a climate and a weather agency, company earnings, a court
// ruling, a study's results), readable too.
const tune4Dir = "testdata/oodtune4"

func TestSpeakerMatches(t *testing.T) {
	cases := []struct {
		pred, gold string
		want       bool
	}{
		{"Sergiy Lysak", "Sergiy Lysak", true},
		{"sergiy lysak", "Sergiy Lysak", true},                     // case
		{"Lysak", "Sergiy Lysak", true},                            // surname inside the gold name
		{"Governor Sergiy Lysak", "Sergiy Lysak", true},            // gold inside the predicted name
		{"The military", "Ukraine's military", true},               // leading "the" ignored
		{"Gaza’s Health Ministry", "Gaza's health ministry", true}, // curly apostrophe
		{"Lys", "Sergiy Lysak", false},                             // part of a word is not a word
		{"Gaza", "Gaza's health ministry", false},                  // "gaza's" is one word
		{"Sudan's Health Ministry", "Gaza's health ministry", false},
		{"Associated Press", "Othman Abduljaleel", false},
		{"", "Sergiy Lysak", false},
		{"the", "The military", false}, // nothing left after "the"
		{"Sergiy Lysak", "", false},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, SpeakerMatches(c.pred, c.gold), "%q vs gold %q", c.pred, c.gold)
	}
}

func TestQuantityMatches(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	cases := []struct {
		name      string
		q         PredQuantity
		value     float64
		qualifier string
		want      bool
	}{
		{"same value, no gold qualifier", PredQuantity{Value: 11300}, 11300, "", true},
		{"same value, predicted qualifier ignored", PredQuantity{Value: 3, Qualifier: "at_least"}, 3, "", true},
		{"other value", PredQuantity{Value: 1250}, 1280, "", false},
		{"fraction", PredQuantity{Value: 20.6}, 20.6, "", true},
		{"qualifier normalized", PredQuantity{Value: 500, Qualifier: "more_than"}, 500, "more than", true},
		{"qualifier missing", PredQuantity{Value: 500}, 500, "more than", false},
		{"qualifier differs", PredQuantity{Value: 100, Qualifier: "up_to"}, 100, "more than", false},
		{"range upper end", PredQuantity{Value: 18000, Max: f(20000)}, 20000, "", true},
		{"range lower end", PredQuantity{Value: 18000, Max: f(20000)}, 18000, "", true},
		{"inside a range is not a match", PredQuantity{Value: 18000, Max: f(20000)}, 19000, "", false},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, QuantityMatches(c.q, c.value, c.qualifier), c.name)
	}
}

func TestScoreFacts(t *testing.T) {
	v := func(x float64) *float64 { return &x }
	s := func(x string) *string { return &x }
	gold := []GoldFact{
		{Doc: "a", ID: "f1", Speaker: "Sergiy Lysak", ClaimSpan: [2]int{10, 20}, Value: v(8)},
		{Doc: "a", ID: "f2", Speaker: "", ClaimSpan: [2]int{30, 40}, Value: v(500), Qualifier: s("more than")},
		{Doc: "a", ID: "f3", Speaker: "Cristina Fernández de Kirchner", SpeakerAliases: []string{"CFK"}, ClaimSpan: [2]int{50, 60}},
		{Doc: "a", ID: "f4", Speaker: "White Helmets", ClaimSpan: [2]int{70, 80}, Value: v(1280)},
		{Doc: "a", ID: "f5", Speaker: "Othman Abduljaleel", ClaimSpan: [2]int{100, 110}},
		{Doc: "a", ID: "f6", Speaker: "Othman Abduljaleel", ClaimSpan: [2]int{120, 130}},
		{Doc: "b", ID: "f1", Speaker: "CDC", ClaimSpan: [2]int{0, 5}},
	}
	preds := map[string][]FactPrediction{"a": {
		// f1: speaker and value on one overlapping claim: found
		{Start: 15, End: 25, Speaker: []string{"Lysak"}, Quantities: []PredQuantity{{Value: 8}}},
		// f2: value without the qualifier, then with it: found (no gold speaker)
		{Start: 35, End: 45, Quantities: []PredQuantity{{Value: 500}}},
		{Start: 39, End: 41, Quantities: []PredQuantity{{Value: 500, Qualifier: "more_than"}}},
		// f3: matched through the gold alias
		{Start: 55, End: 58, Speaker: []string{"CFK"}},
		// f4: speaker right on one claim, value on another: not found
		{Start: 70, End: 75, Speaker: []string{"The White Helmets"}},
		{Start: 75, End: 80, Quantities: []PredQuantity{{Value: 1280}}},
		// touches f4's end only: no overlap
		{Start: 80, End: 90, Speaker: []string{"White Helmets"}, Quantities: []PredQuantity{{Value: 1280}}},
		// f5: another speaker named: a wrong speaker
		{Start: 100, End: 105, Speaker: []string{"Associated Press"}},
		// f6: no speaker resolved: unresolved, not wrong
		{Start: 120, End: 125},
	}}
	r := ScoreFacts(gold, preds)
	assert.Equal(t, FactCounts{Total: 6, Found: 3, SpanFound: 6, SpeakerTotal: 5, SpeakerRight: 3, SpeakerWrong: 1, ValueTotal: 3, ValueRight: 3}, *r.PerDoc["a"])
	assert.Equal(t, FactCounts{Total: 1, SpeakerTotal: 1, MissingArticle: true}, *r.PerDoc["b"])
	assert.Equal(t, 7, r.Overall.Total)
	assert.Equal(t, 3, r.Overall.Found)
	assert.Equal(t, 6, r.Overall.SpanFound)
	assert.Equal(t, 1, r.Overall.SpeakerWrong)

	var b strings.Builder
	r.Print(&b)
	assert.Contains(t, b.String(), "facts found 3/7 (42.9%)")
	assert.Contains(t, b.String(), "(3 right, 1 wrong, 2 unresolved)")
	assert.Contains(t, b.String(), "(no prediction for this article)")
}

// sub returns body[s:e] in code points.
func sub(body []rune, sp [2]int) string {
	if sp[0] < 0 || sp[1] > len(body) || sp[0] >= sp[1] {
		return "<bad span>"
	}
	return string(body[sp[0]:sp[1]])
}

// TestOODFactsAlign checks every fact annotation against its article body: the claim,
// speaker and cue spans hold the annotated words, so offsets are code points of the
// body after the front matter.
func TestOODFactsAlign(t *testing.T) { checkFactSetAligns(t, oodDir) }

// TestTuneFactsAlign applies the same checks to the tuning set.
func TestTuneFactsAlign(t *testing.T) { checkFactSetAligns(t, tuneDir) }

// TestTune2FactsAlign applies the same checks to the second tuning set.
func TestTune2FactsAlign(t *testing.T) { checkFactSetAligns(t, tune2Dir) }

// TestTune3FactsAlign applies the same checks to the third tuning set.
func TestTune3FactsAlign(t *testing.T) { checkFactSetAligns(t, tune3Dir) }

// TestTune4FactsAlign applies the same checks to the fourth tuning set.
func TestTune4FactsAlign(t *testing.T) { checkFactSetAligns(t, tune4Dir) }

// checkFactSetAligns checks the fact annotations of one set against its article bodies.
func checkFactSetAligns(t *testing.T, dir string) {
	t.Helper()
	arts, facts, err := LoadFactSet(dir)
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(arts), 6)
	bodies := map[string][]rune{}
	for _, a := range arts {
		bodies[a.ID] = []rune(a.Body)
		assert.Equal(t, strings.TrimSuffix(filepath.Base(a.Path), ".md"), a.ID, "id matches the file name")
	}
	seen := map[string]bool{}
	perDoc := map[string]int{}
	for _, f := range facts {
		key := f.Doc + "/" + f.ID
		assert.False(t, seen[key], "duplicate fact id %s", key)
		seen[key] = true
		perDoc[f.Doc]++
		body := bodies[f.Doc]
		assert.Equal(t, f.Claim, sub(body, f.ClaimSpan), key)
		if f.SpeakerSpan != nil {
			assert.NotEmpty(t, f.Speaker, "%s: a speaker span without a speaker", key)
			assert.NotEqual(t, "<bad span>", sub(body, *f.SpeakerSpan), key)
		}
		if f.CueSpan != nil {
			assert.Equal(t, f.Cue, sub(body, *f.CueSpan), key)
		}
		for _, a := range f.SpeakerAliases {
			assert.Contains(t, string(body), a, "%s: alias not used in the article", key)
		}
		assert.Equal(t, f.Value == nil, f.Unit == nil, "%s: value and unit go together", key)
	}
	for _, a := range arts {
		assert.GreaterOrEqual(t, perDoc[a.ID], 5, "article %s has too few facts", a.ID)
	}
}

// oodDispute is one line of the OOD disputes.jsonl (shared annotation format).
type oodDispute struct {
	Doc          string  `json:"doc"`
	ID           string  `json:"id"`
	Shape        string  `json:"shape"`
	Disputer     string  `json:"disputer"`
	DisputerSpan [2]int  `json:"disputer_span"`
	DisputerForm string  `json:"disputer_form"`
	Cue          string  `json:"cue"`
	CueSpan      [2]int  `json:"cue_span"`
	Claim        string  `json:"claim"`
	ClaimSpan    *[2]int `json:"claim_span"`
	OtherSpan    *[2]int `json:"other_claim_span"`
}

// TestOODDisputesAlign checks the dispute annotations: shared vocabulary, spans that
// hold the annotated disputer and cue, a second claim exactly for the two-claim shapes.
func TestOODDisputesAlign(t *testing.T) {
	arts, _, err := LoadFactSet(oodDir)
	require.NoError(t, err)
	bodies := map[string][]rune{}
	for _, a := range arts {
		bodies[a.ID] = []rune(a.Body)
	}
	f, err := os.Open(filepath.Join(oodDir, "disputes.jsonl"))
	require.NoError(t, err)
	defer f.Close()
	shapes := map[string]bool{"inline": true, "anaphoric": true, "relative": true, "rebuttal": true, "accusation": true, "counterclaim": true, "figures": true}
	forms := map[string]bool{"name": true, "nominal": true, "pronoun": true, "metonym": true, "group": true}
	sc := bufio.NewScanner(f)
	n := 0
	seen := map[string]bool{}
	for sc.Scan() {
		var d oodDispute
		require.NoError(t, json.Unmarshal(sc.Bytes(), &d))
		n++
		key := d.Doc + "/" + d.ID
		assert.False(t, seen[key], "duplicate dispute id %s", key)
		seen[key] = true
		body, ok := bodies[d.Doc]
		require.True(t, ok, "%s: no such article", key)
		assert.True(t, shapes[d.Shape], "%s: shape %q", key, d.Shape)
		assert.True(t, forms[d.DisputerForm], "%s: disputer_form %q", key, d.DisputerForm)
		assert.Equal(t, d.Disputer, sub(body, d.DisputerSpan), key)
		assert.Equal(t, d.Cue, sub(body, d.CueSpan), key)
		require.NotNil(t, d.ClaimSpan, key)
		assert.NotEqual(t, "<bad span>", sub(body, *d.ClaimSpan), key)
		twoClaims := d.Shape == "counterclaim" || d.Shape == "figures"
		assert.Equal(t, twoClaims, d.OtherSpan != nil, "%s: other_claim_span only for counterclaim/figures", key)
		if d.OtherSpan != nil {
			assert.NotEqual(t, "<bad span>", sub(body, *d.OtherSpan), key)
		}
	}
	require.NoError(t, sc.Err())
	assert.Positive(t, n)
}

// TestOODProvenance checks that every article of the unseen set and of the first and
// third tuning sets records where it came from.
func TestOODProvenance(t *testing.T) {
	for _, dir := range []string{oodDir, tuneDir, tune3Dir} {
		checkProvenance(t, dir)
	}
}

// checkProvenance checks the front matter of every article of one set.
func checkProvenance(t *testing.T, dir string) {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.md"))
	require.NoError(t, err)
	for _, p := range paths {
		if filepath.Base(p) == "README.md" {
			continue
		}
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		require.True(t, utf8.Valid(data))
		head, _, ok := strings.Cut(strings.TrimPrefix(string(data), "---\n"), "\n---\n")
		require.True(t, ok, "%s: front matter", p)
		for _, key := range []string{"id: ", "url: http", "outlet: ", "license: ", "retrieved: 20", "notes: "} {
			assert.Contains(t, "\n"+head, "\n"+key, "%s: front matter lacks %q", p, key)
		}
	}
}

func TestLoadFactSetErrors(t *testing.T) {
	dir := t.TempDir()
	_, _, err := LoadFactSet(dir)
	require.Error(t, err, "no articles")

	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.md"), []byte("---\nid: a\n---\nShort text.\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "facts.jsonl"),
		[]byte(`{"doc":"a","id":"f1","speaker":"","claim":"x","claim_span":[5,40]}`+"\n"), 0o644))
	_, _, err = LoadFactSet(dir)
	require.ErrorContains(t, err, "outside the body")

	require.NoError(t, os.WriteFile(filepath.Join(dir, "facts.jsonl"),
		[]byte(`{"doc":"b","id":"f1","speaker":"","claim":"x","claim_span":[0,1]}`+"\n"), 0o644))
	_, _, err = LoadFactSet(dir)
	require.ErrorContains(t, err, "names no article")

	require.NoError(t, os.WriteFile(filepath.Join(dir, "facts.jsonl"),
		[]byte(`{"doc":"a","id":"f1","speaker":"","claim":"Short","claim_span":[0,5]}`+"\n"), 0o644))
	arts, facts, err := LoadFactSet(dir)
	require.NoError(t, err)
	require.Len(t, arts, 1)
	assert.Equal(t, "Short text.\n", arts[0].Body)
	assert.Len(t, facts, 1)
}

// MissedFacts lists exactly the facts ScoreFacts does not find, with the components
// and the overlapping predictions, and PrintMisses names each failed component.
func TestMissedFacts(t *testing.T) {
	v := func(x float64) *float64 { return &x }
	gold := []GoldFact{
		{Doc: "a", ID: "f1", Claim: "found", Speaker: "Jane Roe", ClaimSpan: [2]int{0, 10}, Value: v(8)},
		{Doc: "a", ID: "f2", Claim: "wrong speaker", Speaker: "Jane Roe", ClaimSpan: [2]int{20, 30}},
		{Doc: "a", ID: "f3", Claim: "no claim", ClaimSpan: [2]int{40, 50}, Value: v(3)},
	}
	preds := map[string][]FactPrediction{"a": {
		{Start: 0, End: 10, Speaker: []string{"Jane Roe"}, Quantities: []PredQuantity{{Value: 8}}},
		{Start: 18, End: 25, Speaker: []string{"Acme"}},
	}}
	misses := MissedFacts(gold, preds)
	require.Len(t, misses, 2)
	assert.Equal(t, "f2", misses[0].Fact.ID)
	assert.True(t, misses[0].Span)
	assert.False(t, misses[0].Speaker)
	assert.Len(t, misses[0].Overlapping, 1)
	assert.Equal(t, "f3", misses[1].Fact.ID)
	assert.False(t, misses[1].Span)
	assert.Empty(t, misses[1].Overlapping)

	var b strings.Builder
	PrintMisses(&b, misses)
	assert.Contains(t, b.String(), "a/f2  span ok, speaker MISS, value ok")
	assert.Contains(t, b.String(), `speaker ["Acme"]`)
	assert.Contains(t, b.String(), "a/f3  span MISS, speaker MISS, value MISS") // nothing overlaps: no component holds
}
