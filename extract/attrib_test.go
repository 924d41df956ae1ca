package extract

import (
	"strings"
	"testing"
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
