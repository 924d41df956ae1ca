package extract

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/corpus"
)

// Metamorphic tests: an article whose people, places, organizations and outlets are
// renamed to names that no lexicon holds (invented people and bodies, other real
// countries) must give the same structure: the same attributions with the same cue,
// source and content spans (mapped through the renaming), speakers that are the
// renamed speakers, the same quantities and the same disputes. The cases are the
// seed articles, a sample of PolNeAR dev articles (every eighth file of the dev
// texts, the first ten) and articles of the out-of-domain tuning sets (seven of
// oodtune4: titles before names, acronyms, possessive bodies, participle modifiers),
// in testdata/metamorphic/*.json:
//
//	{"name": ..., "source": where the text comes from,
//	 "seed": a corpus article id, "article": an out-of-domain tuning article (its
//	         file under extract/eval/testdata, the body after the front matter),
//	         or "text": the text itself,
//	 "renames": [[from, to], ...]  whole-word substitutions, longest first,
//	 "names": {canonical name: renamed name}  for names the text does not spell out
//	                                          ("Gaza Strip" written "Gaza"),
//	 "attribution_model_variant": why the attribution model differs (see renameCase)}

// renameCase is one metamorphic fixture.
type renameCase struct {
	Name    string            `json:"name"`
	Source  string            `json:"source"`
	Seed    string            `json:"seed"`
	Article string            `json:"article"`
	Text    string            `json:"text"`
	Renames [][2]string       `json:"renames"`
	Names   map[string]string `json:"names"`
	// AttributionModelVariant, when set, says why the attribution stage (the
	// perceptron models, whose features include the words) gives other attributions on
	// the renamed text: the whole-pipeline test skips the case with that reason, the
	// semantic-stage test still runs it.
	AttributionModelVariant string `json:"attribution_model_variant"`
}

// textEdit is one substitution: old code points [oldStart, oldEnd) became new code
// points [newStart, newEnd).
type textEdit struct{ oldStart, oldEnd, newStart, newEnd int }

// renamedText is a text after the substitutions, with the edits that map offsets.
type renamedText struct {
	text  string
	edits []textEdit
}

// renameWords substitutes every whole-word occurrence of each "from" in text
// (longest first at each position) and records the edits.
func renameWords(text string, renames [][2]string) renamedText {
	pairs := append([][2]string(nil), renames...)
	sort.SliceStable(pairs, func(i, j int) bool { return len([]rune(pairs[i][0])) > len([]rune(pairs[j][0])) })
	src := []rune(text)
	isWord := func(k int) bool {
		return k >= 0 && k < len(src) && (unicode.IsLetter(src[k]) || unicode.IsDigit(src[k]))
	}
	var out []rune
	var edits []textEdit
	for i := 0; i < len(src); {
		matched := false
		if !isWord(i - 1) {
			for _, p := range pairs {
				from, to := []rune(p[0]), []rune(p[1])
				if i+len(from) > len(src) || string(src[i:i+len(from)]) != p[0] || isWord(i+len(from)) {
					continue
				}
				edits = append(edits, textEdit{i, i + len(from), len(out), len(out) + len(to)})
				out = append(out, to...)
				i += len(from)
				matched = true
				break
			}
		}
		if !matched {
			out = append(out, src[i])
			i++
		}
	}
	return renamedText{text: string(out), edits: edits}
}

// pos maps an old offset to the new text; an offset inside a substituted word maps to
// the start of its replacement (or its end, for an end offset).
func (r renamedText) pos(p int, end bool) int {
	delta := 0
	for _, e := range r.edits {
		switch {
		case e.oldEnd <= p:
			delta = e.newEnd - e.oldEnd
		case e.oldStart < p:
			if end {
				return e.newEnd
			}
			return e.newStart
		default:
			return p + delta
		}
	}
	return p + delta
}

// span maps an old span (with its fragments) to the new text, without its text.
func (r renamedText) span(s Span) Span {
	out := Span{Start: r.pos(s.Start, false), End: r.pos(s.End, true)}
	for _, f := range s.Fragments {
		out.Fragments = append(out.Fragments, [2]int{r.pos(f[0], false), r.pos(f[1], true)})
	}
	return out
}

// renamedName is what a name of the original text is called after the renaming.
func (c renameCase) renamedName(name string) string {
	if n, ok := c.Names[name]; ok {
		return n
	}
	return renameWords(name, c.Renames).text
}

func loadRenameCases(t *testing.T) []renameCase {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "metamorphic", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	seeds := map[string]string{}
	arts, err := corpus.Default()
	require.NoError(t, err)
	for _, a := range arts {
		seeds[a.ID] = a.Text
	}
	var cases []renameCase
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		var c renameCase
		require.NoError(t, json.Unmarshal(b, &c), f)
		if c.Seed != "" {
			c.Text = seeds[c.Seed]
		}
		if c.Article != "" {
			c.Text = articleBody(t, filepath.Join("eval", "testdata", filepath.FromSlash(c.Article)))
		}
		require.NotEmpty(t, c.Text, "%s: no text", f)
		require.NotEmpty(t, c.Renames, "%s: no renames", f)
		cases = append(cases, c)
	}
	return cases
}

// articleBody reads the body of an out-of-domain set's article: every byte after the
// closing "---" line of its front matter.
func articleBody(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	_, body, ok := strings.Cut(strings.TrimPrefix(string(b), "---\n"), "\n---\n")
	require.True(t, ok, "%s: no front matter", path)
	return body
}

func entityName(d *Document, id *string) string {
	if id == nil {
		return ""
	}
	for _, e := range d.Entities {
		if e.ID == *id {
			return e.Name
		}
	}
	return "?" + *id
}

func optSpanText(d *Document, s *Span) string {
	if s == nil {
		return ""
	}
	return spanTextOf(d.Runes, *s)
}

func sameSpan(a, b Span) bool {
	if a.Start != b.Start || a.End != b.End || len(a.Fragments) != len(b.Fragments) {
		return false
	}
	for i := range a.Fragments {
		if a.Fragments[i] != b.Fragments[i] {
			return false
		}
	}
	return true
}

// structureDiffs lists how the renamed document's structure differs from the
// original's, mapped through the renaming; empty when they agree.
func structureDiffs(c renameCase, r renamedText, orig, ren *Document) []string {
	var diffs []string
	diffs = append(diffs, attributionDiffs(c, r, orig, ren)...)
	diffs = append(diffs, quantityDiffs(c, orig, ren)...)
	diffs = append(diffs, disputeDiffs(c, orig, ren)...)
	return diffs
}

func attributionDiffs(c renameCase, r renamedText, orig, ren *Document) []string {
	if len(orig.Attributions) != len(ren.Attributions) {
		return []string{fmt.Sprintf("%d attributions, renamed %d", len(orig.Attributions), len(ren.Attributions))}
	}
	var diffs []string
	for k := range orig.Attributions {
		a, b := &orig.Attributions[k], &ren.Attributions[k]
		where := fmt.Sprintf("attribution %s (cue %q, content %.50q)", a.ID, spanTextOf(orig.Runes, a.Cue), spanTextOf(orig.Runes, a.Content))
		if !sameSpan(r.span(a.Cue), b.Cue) || !sameSpan(r.span(a.Content), b.Content) || a.Kind != b.Kind {
			diffs = append(diffs, fmt.Sprintf("%s: renamed cue %q content %.50q kind %s", where, spanTextOf(ren.Runes, b.Cue), spanTextOf(ren.Runes, b.Content), b.Kind))
			continue
		}
		if (a.Source == nil) != (b.Source == nil) || (a.Source != nil && !sameSpan(r.span(*a.Source), *b.Source)) {
			diffs = append(diffs, fmt.Sprintf("%s: source %q, renamed %q", where, optSpanText(orig, a.Source), optSpanText(ren, b.Source)))
		}
		if want, got := c.renamedName(entityName(orig, a.Speaker)), entityName(ren, b.Speaker); want != got {
			diffs = append(diffs, fmt.Sprintf("%s: speaker %q should become %q, got %q", where, entityName(orig, a.Speaker), want, got))
		}
	}
	return diffs
}

func quantityDiffs(c renameCase, orig, ren *Document) []string {
	if len(orig.Claims) != len(ren.Claims) {
		return []string{fmt.Sprintf("%d claims, renamed %d", len(orig.Claims), len(ren.Claims))}
	}
	var diffs []string
	for k := range orig.Claims {
		a, b := orig.Claims[k], ren.Claims[k]
		if len(a.Quantities) != len(b.Quantities) {
			diffs = append(diffs, fmt.Sprintf("claim %.50q: %d quantities, renamed %d", a.Text, len(a.Quantities), len(b.Quantities)))
			continue
		}
		for i, q := range a.Quantities {
			p := b.Quantities[i]
			if q.Value != p.Value || !sameMax(q.Max, p.Max) || q.Unit != p.Unit || q.Qualifier != p.Qualifier {
				diffs = append(diffs, fmt.Sprintf("claim %.50q: quantity %q became %q", a.Text, q.Text, p.Text))
			}
		}
	}
	return diffs
}

// sameMax compares two range maxima by value (nil for no range).
func sameMax(a, b *float64) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

func disputeDiffs(c renameCase, orig, ren *Document) []string {
	if len(orig.Disputes) != len(ren.Disputes) {
		return []string{fmt.Sprintf("%d disputes, renamed %d", len(orig.Disputes), len(ren.Disputes))}
	}
	var diffs []string
	claimText := func(d *Document, id *string) string {
		if id == nil {
			return ""
		}
		for _, cl := range d.Claims {
			if cl.ID == *id {
				return cl.Text
			}
		}
		return "?"
	}
	for k := range orig.Disputes {
		a, b := orig.Disputes[k], ren.Disputes[k]
		where := fmt.Sprintf("dispute %s (%s, cue %q)", a.ID, a.Kind, spanTextOf(orig.Runes, a.Cue))
		if a.Kind != b.Kind {
			diffs = append(diffs, fmt.Sprintf("%s: renamed kind %s", where, b.Kind))
		}
		if want, got := c.renamedName(entityName(orig, &a.Disputer)), entityName(ren, &b.Disputer); want != got {
			diffs = append(diffs, fmt.Sprintf("%s: disputer %q should become %q, got %q", where, entityName(orig, &a.Disputer), want, got))
		}
		if want, got := c.renamedName(entityName(orig, a.Target)), entityName(ren, b.Target); want != got {
			diffs = append(diffs, fmt.Sprintf("%s: target should become %q, got %q", where, want, got))
		}
		if want, got := renameWords(claimText(orig, a.Claim), c.Renames).text, claimText(ren, b.Claim); want != got {
			diffs = append(diffs, fmt.Sprintf("%s: claim %.60q should become %.60q, got %.60q", where, claimText(orig, a.Claim), want, got))
		}
	}
	return diffs
}

// TestMetamorphicRenaming runs every fixture: the original and the renamed text must
// give the same structure.
func TestMetamorphicRenaming(t *testing.T) {
	for _, c := range loadRenameCases(t) {
		t.Run(c.Name, func(t *testing.T) {
			if c.AttributionModelVariant != "" {
				t.Skip("attribution model not invariant to renaming: " + c.AttributionModelVariant)
			}
			r := renameWords(c.Text, c.Renames)
			require.NotEqual(t, c.Text, r.text, "the renaming changed nothing")
			orig, ren := Extract(c.Text), Extract(r.text)
			require.NotEmpty(t, orig.Attributions, "no attribution to compare")
			for _, d := range structureDiffs(c, r, orig, ren) {
				t.Errorf("%s (%s): %s", c.Name, c.Source, d)
			}
		})
	}
}

// TestMetamorphicSemanticStages runs every fixture with the attributions held fixed:
// the renamed document gets the original's attributions (spans mapped), so the
// entity, speaker, claim and dispute stages are tested apart from the attribution
// model, whose features include the words themselves.
func TestMetamorphicSemanticStages(t *testing.T) {
	for _, c := range loadRenameCases(t) {
		t.Run(c.Name, func(t *testing.T) {
			r := renameWords(c.Text, c.Renames)
			orig, ren := NewDocument(c.Text), NewDocument(r.text)
			findAttributions(orig)
			require.NotEmpty(t, orig.Attributions, "no attribution to compare")
			for _, a := range orig.Attributions {
				b := a
				b.Cue, b.Content = r.span(a.Cue), r.span(a.Content)
				if a.Source != nil {
					s := r.span(*a.Source)
					b.Source = &s
				}
				b.Sentence = r.span(a.Sentence)
				b.ViaSpans = nil
				for _, v := range a.ViaSpans {
					b.ViaSpans = append(b.ViaSpans, r.span(v))
				}
				ren.Attributions = append(ren.Attributions, b)
			}
			for _, st := range Stages[1:] {
				st(orig)
				st(ren)
			}
			for _, d := range structureDiffs(c, r, orig, ren) {
				t.Errorf("%s (%s): %s", c.Name, c.Source, d)
			}
		})
	}
}

// TestRenameWords checks the substitution helper: whole words only, longest first,
// offsets mapped.
func TestRenameWords(t *testing.T) {
	text := "Gaza’s Health Ministry said so; Gazan officials and the Gaza Strip agreed."
	r := renameWords(text, [][2]string{{"Gaza", "Velmora"}, {"Gaza Strip", "Korrin Coast"}})
	require.Equal(t, "Velmora’s Health Ministry said so; Gazan officials and the Korrin Coast agreed.", r.text)
	said := strings.Index(text, "said")
	s := r.span(Span{Start: len([]rune(text[:said])), End: len([]rune(text[:said])) + 4})
	require.Equal(t, "said", string([]rune(r.text)[s.Start:s.End]))
	require.Equal(t, Span{Start: 0, End: 7}, r.span(Span{Start: 0, End: 4}))
}

// The renaming test of the issue and its examples: a ministry keyed by another place
// is not Gaza's, a metonymic capital disputes, an unlisted surname links to the full
// name at the start of a sentence.
func TestRenamedExamples(t *testing.T) {
	cases := []struct {
		name, text, content, speaker string
		disputer                     string // the disputer of the claim with content, if set
	}{
		{"another place's ministry, and a capital disputing",
			"The war has left more than 68,800 Palestinians dead, according to Darfur’s Health Ministry. Khartoum disputes these figures.",
			"68,800", "Darfur’s Health Ministry", "Sudan"},
		{"according to another country's ministry",
			"The strike killed 14 people, according to Ukraine’s Health Ministry.",
			"killed 14 people", "Ukraine’s Health Ministry", ""},
		{"another country's ministry said",
			"Sudan’s Health Ministry said at least 40 people had died in the floods.",
			"40 people", "Sudan’s Health Ministry", ""},
		{"an unlisted surname at a sentence start",
			"Mark Brodie arrived in Geneva. Brodie said the talks had failed.",
			"the talks had failed", "Mark Brodie", ""},
	}
	for _, c := range cases {
		d := Extract(c.text)
		var a *Attribution
		for i := range d.Attributions {
			if strings.Contains(spanTextOf(d.Runes, d.Attributions[i].Content), c.content) {
				a = &d.Attributions[i]
			}
		}
		require.NotNil(t, a, "%s: no attribution with %q in %q", c.name, c.content, c.text)
		require.Equal(t, c.speaker, entityName(d, a.Speaker), c.name)
		if c.disputer == "" {
			continue
		}
		found := false
		for _, x := range d.Disputes {
			for _, cl := range d.Claims {
				if x.Claim != nil && cl.ID == *x.Claim && cl.Attribution != nil && *cl.Attribution == a.ID {
					found = found || entityName(d, &x.Disputer) == c.disputer
				}
			}
		}
		require.True(t, found, "%s: no dispute by %s of the claim; disputes %+v", c.name, c.disputer, d.Disputes)
	}
}
