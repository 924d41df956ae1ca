package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func spanText(d *Document, s Span) string {
	if len(s.Fragments) > 0 {
		var parts []string
		for _, f := range s.Fragments {
			parts = append(parts, string(d.Runes[f[0]:f[1]]))
		}
		return strings.Join(parts, " … ")
	}
	return string(d.Runes[s.Start:s.End])
}

// TestAttributions checks the constructions the attribution stage must handle. Each
// case names the cue and expects the source and content found for it; edges are
// compared after trimming quotes, spaces and . , : ; as the PolNeAR scorer does.
func TestAttributions(t *testing.T) {
	cases := []struct {
		name, text, cue, source, content, kind string
	}{
		{"reported-that", "Officials said that the bridge would reopen next week.", "said", "Officials", "that the bridge would reopen next week", "reported"},
		{"reported-told", "The minister told the AP that talks had stalled.", "told", "The minister", "that talks had stalled", "reported"},
		{"direct-after", "“We will not surrender,” the commander said.", "said", "the commander", "We will not surrender", "direct"},
		{"direct-inverted", "\"The border is secure,\" said John Spencer, a former Army officer.", "said", "John Spencer, a former Army officer", "The border is secure", "direct"},
		{"split-quote", "“We are ready,” he said, “and we will win.”", "said", "he", "We are ready … and we will win", "direct"},
		{"according-to-after", "More than 40 people were killed in the strike, according to the Health Ministry.", "according to", "the Health Ministry", "More than 40 people were killed in the strike", "reported"},
		{"according-to-before", "According to the report, the plant will close in March.", "According to", "the report", "the plant will close in March", "reported"},
		{"says-present", "Smith says the vote was rigged.", "says", "Smith", "the vote was rigged", "reported"},
		{"colon", "The senator added: “This bill is dead.”", "added", "The senator", "This bill is dead", "direct"},
		{"multi-sentence-quote", "“We tried. We failed,” she said.", "said", "she", "We tried. We failed", "direct"},
		{"wrote", "In a letter, the governor wrote that the budget was balanced.", "wrote", "the governor", "that the budget was balanced", "reported"},
		{"saying", "The mayor defended the plan, saying it would create jobs.", "saying", "The mayor", "it would create jobs", "reported"},
		{"has-indicated", "Trump has indicated he would veto the bill.", "has indicated", "Trump", "he would veto the bill", "reported"},
		{"in-a-statement", "The ministry said in a statement that 40 people had died.", "said in a statement", "The ministry", "that 40 people had died", "reported"},
		{"passive-by", "The plan is considered a failure by Spencer.", "is considered", "Spencer", "The plan … a failure", "reported"},
		{"according-to-reports", "The ceasefire collapsed, according to reports from Reuters and the Associated Press.", "according to", "reports from Reuters and the Associated Press", "The ceasefire collapsed", "reported"},
		{"as-reported-by", "The deal is done, as reported by Axios.", "reported", "Axios", "The deal is done", "reported"},
		{"split-over-sentences", "“We are ready,” he said. “We have always been ready.”", "said", "he", "We are ready … We have always been ready", "direct"},
		{"told-addressee-without-that", "Smith told Reuters he would not run again.", "told", "Smith", "he would not run again", "reported"},
		{"told-addressee-two-words", "The mayor told Fox News she would resign.", "told", "The mayor", "she would resign", "reported"},
		{"quote-over-paragraphs", "“This is the first sentence. This is the second.\n\n“And this paragraph goes on,” Smith said.", "said", "Smith", "This is the first sentence. This is the second.\n\n“And this paragraph goes on", "direct"},
	}
	trim := func(s string) string { return strings.Trim(s, " \t\n\"'“”‘’.,:;") }
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Extract(c.text)
			var got *Attribution
			for i := range d.Attributions {
				if trim(spanText(d, d.Attributions[i].Cue)) == c.cue {
					got = &d.Attributions[i]
				}
			}
			if got == nil {
				var cues []string
				for _, a := range d.Attributions {
					cues = append(cues, spanText(d, a.Cue))
				}
				t.Fatalf("no attribution with cue %q; cues %q", c.cue, cues)
			}
			src := ""
			if got.Source != nil {
				src = spanText(d, *got.Source)
			}
			if trim(src) != trim(c.source) {
				t.Errorf("source %q, want %q", src, c.source)
			}
			cont := spanText(d, got.Content)
			if len(got.Content.Fragments) > 0 {
				var parts []string
				for _, f := range got.Content.Fragments {
					parts = append(parts, trim(string(d.Runes[f[0]:f[1]])))
				}
				cont = strings.Join(parts, " … ")
			}
			if trim(cont) != trim(c.content) {
				t.Errorf("content %q, want %q", cont, c.content)
			}
			if got.Kind != c.kind {
				t.Errorf("kind %q, want %q", got.Kind, c.kind)
			}
			if got.Confidence <= 0 || got.Confidence >= 1 {
				t.Errorf("confidence %v outside (0, 1)", got.Confidence)
			}
			if got.ID == "" || got.Sentence.End <= got.Sentence.Start {
				t.Errorf("id %q sentence %+v", got.ID, got.Sentence)
			}
		})
	}
}

func TestViaSpans(t *testing.T) {
	cases := []struct{ text, want string }{
		{"The ceasefire collapsed on Tuesday, according to reports from Reuters and the Associated Press.", "Reuters|the Associated Press"},
		{"The talks will resume next week, as reported by Axios.", "Axios"},
		{"The general told the Associated Press that the army would withdraw.", "the Associated Press"},
		{"The New York Post reports that the mayor resigned.", "The New York Post"},
	}
	for _, c := range cases {
		d := Extract(c.text)
		var got []string
		for _, a := range d.Attributions {
			for _, v := range a.ViaSpans {
				got = append(got, spanText(d, v))
			}
		}
		if strings.Join(got, "|") != c.want {
			t.Errorf("%q: via spans %q, want %q", c.text, got, c.want)
		}
	}
}

func TestExtractDeterministic(t *testing.T) {
	text := "“We are ready,” he said. Officials said that the bridge would reopen, according to the AP."
	a := Extract(text)
	for i := 0; i < 3; i++ {
		b := Extract(text)
		if len(a.Attributions) != len(b.Attributions) {
			t.Fatal("different number of attributions")
		}
		for k := range a.Attributions {
			x, y := a.Attributions[k], b.Attributions[k]
			if x.Cue.Start != y.Cue.Start || x.Cue.End != y.Cue.End || x.Content.Start != y.Content.Start || x.Content.End != y.Content.End || x.Confidence != y.Confidence {
				t.Fatalf("run %d differs: %+v vs %+v", i, x, y)
			}
		}
	}
}

// occurrenceSpan returns the span of the n-th (0-based) occurrence of sub in d's text.
func occurrenceSpan(t *testing.T, d *Document, sub string, n int) Span {
	t.Helper()
	text := string(d.Runes)
	off := 0
	for k := 0; ; k++ {
		i := strings.Index(text[off:], sub)
		require.GreaterOrEqual(t, i, 0, "%q not found", sub)
		if k == n {
			s := len([]rune(text[:off+i]))
			return Span{Start: s, End: s + len([]rune(sub))}
		}
		off += i + len(sub)
	}
}

// testAttribution is an attribution written by hand for a rule test: cue and content
// pieces as (text, occurrence) pairs, source optional.
type testAttribution struct {
	cue     string
	cueN    int
	source  string
	content []string // pieces, each the first occurrence after the previous one
}

// makeAttributions builds a document with hand-made attributions, as the role tagger
// could have produced them, sorted as finishAttributions sorts them.
func makeAttributions(t *testing.T, text string, as []testAttribution) *Document {
	t.Helper()
	d := NewDocument(text)
	for _, ta := range as {
		a := Attribution{Cue: occurrenceSpan(t, d, ta.cue, ta.cueN)}
		if ta.source != "" {
			s := occurrenceSpan(t, d, ta.source, 0)
			a.Source = &s
		}
		var ps [][2]int
		from := 0
		for _, c := range ta.content {
			sp := occurrenceSpan(t, d, c, 0)
			for k := 1; sp.Start < from; k++ {
				sp = occurrenceSpan(t, d, c, k)
			}
			ps = append(ps, [2]int{sp.Start, sp.End})
			from = sp.End
		}
		a.Content = spanFromPieces(ps)
		a.Sentence = Span{Start: 0, End: len(d.Runes)}
		d.Attributions = append(d.Attributions, a)
	}
	return d
}

// contentRuleFile is a content rule's fixture file testdata/rules/content/NAME.json
// (the rule's name with spaces as hyphens).
type contentRuleFile struct {
	Rule  string `json:"rule"`
	Cases []struct {
		Case         string `json:"case"`
		Text         string `json:"text"`
		Attributions []struct {
			Cue        string   `json:"cue"`
			Occurrence int      `json:"cue_occurrence"`
			Source     string   `json:"source"`
			Content    []string `json:"content"`
		} `json:"attributions"`
		Want []string `json:"want"` // each content after the rule, pieces joined by " … "
		// WantSources, when given, is each source after the rule ("" for none).
		WantSources []string `json:"want_sources"`
		// WantCues, when given, is each cue after the rule.
		WantCues []string `json:"want_cues"`
	} `json:"cases"`
}

// TestContentRules runs each content-boundary rule of attrib_rules.go on the invented
// sentences of its fixture file, with the attributions the tagger gets wrong, and checks
// the contents after the rule.
func TestContentRules(t *testing.T) {
	for _, r := range contentRules {
		t.Run(r.name, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", "rules", "content", strings.ReplaceAll(r.name, " ", "-")+".json"))
			require.NoError(t, err, "content rule %q needs a fixture file", r.name)
			var f contentRuleFile
			require.NoError(t, json.Unmarshal(b, &f))
			require.Equal(t, r.name, f.Rule)
			require.NotEmpty(t, f.Cases)
			for _, c := range f.Cases {
				var in []testAttribution
				for _, a := range c.Attributions {
					in = append(in, testAttribution{a.Cue, a.Occurrence, a.Source, a.Content})
				}
				d := makeAttributions(t, c.Text, in)
				r.apply(d, attribToks(d))
				var got, sources, cues []string
				for _, a := range d.Attributions {
					got = append(got, spanText(d, a.Content))
					sources = append(sources, optSpanText(d, a.Source))
					cues = append(cues, spanText(d, a.Cue))
				}
				assert.Equal(t, c.Want, got, c.Case)
				if c.WantSources != nil {
					assert.Equal(t, c.WantSources, sources, c.Case)
				}
				if c.WantCues != nil {
					assert.Equal(t, c.WantCues, cues, c.Case)
				}
			}
		})
	}
	files, err := filepath.Glob(filepath.Join("testdata", "rules", "content", "*.json"))
	require.NoError(t, err)
	assert.Len(t, files, len(contentRules), "every fixture file names a rule")
}

// TestAttributionsNameInvariant checks the attribution stage alone on renamings that
// change a name's spelling and its length in words: the attributions must come out
// the same, spans mapped through the renaming.
func TestAttributionsNameInvariant(t *testing.T) {
	cases := []struct {
		text    string
		renames [][2]string
	}{
		{"The talks will resume next week, as reported by Axios.", [][2]string{{"Axios", "Kestrel Times"}}},
		{"Mark Brodie arrived in Geneva. Brodie said the talks had failed.", [][2]string{{"Mark Brodie", "Ulvik Tarrowby-Quen"}, {"Brodie", "Tarrowby-Quen"}, {"Geneva", "Port Velmora"}}},
		{"“We will not leave,” said Hamish Falconer, Britain’s minister for the Middle East.", [][2]string{{"Hamish Falconer", "Zanvik Oph"}, {"Britain", "Chile"}, {"Middle East", "Andes"}}},
		{"Clinton’s campaign told CNN on Monday that Trump had lied about Iraq.", [][2]string{{"Clinton", "Vikhaldru"}, {"CNN", "Brightline Courier"}, {"Trump", "Lovelmor"}, {"Iraq", "Ghana"}}},
		{"Kasich told Reuters he would not endorse Trump.", [][2]string{{"Kasich", "Braultor"}, {"Reuters", "Corran Daily"}, {"Trump", "Lovelmor"}}},
	}
	for _, c := range cases {
		r := renameWords(c.text, c.renames)
		orig, ren := NewDocument(c.text), NewDocument(r.text)
		findAttributions(orig)
		findAttributions(ren)
		require.NotEmpty(t, orig.Attributions, c.text)
		require.Len(t, ren.Attributions, len(orig.Attributions), r.text)
		for k, a := range orig.Attributions {
			b := ren.Attributions[k]
			assert.Equal(t, r.span(a.Cue), b.Cue, "%s: cue", r.text)
			assert.Equal(t, r.span(a.Content), b.Content, "%s: content", r.text)
			if assert.Equal(t, a.Source == nil, b.Source == nil, "%s: source", r.text) && a.Source != nil {
				assert.Equal(t, r.span(*a.Source), *b.Source, "%s: source", r.text)
			}
		}
	}
}
