package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ruleAttributions runs one lexical cue rule alone at every verb of its classes in
// text and returns what it reads as (cue, source, content) texts.
func ruleAttributions(text string, r cueRule) [][3]string {
	d := NewDocument(text)
	tx := scanTextOf(d)
	var out [][3]string
	for _, sp := range sentenceSpans(d) {
		s := &cueSentence{d: d, toks: tx.scan(sp.Start, sp.End), span: sp}
		for i, t := range s.toks {
			if t.Text != t.Lower || !lexicalTriggerVerb(t.Lower) {
				continue
			}
			a, ok := r.find(s, i)
			if !ok {
				continue
			}
			src := ""
			if a.Source != nil {
				src = spanText(d, *a.Source)
			}
			out = append(out, [3]string{spanText(d, a.Cue), src, spanTextOf(d.Runes, a.Content)})
		}
	}
	return out
}

// TestCueRuleFixtures runs each lexical cue rule on the sentences of its fixture file
// testdata/rules/cues/NAME.tsv: the cue, source and content words it must read, or
// nothing.
func TestCueRuleFixtures(t *testing.T) {
	rows := readRuleFixtures(t, "cues", 5)
	byRule := map[string]int{}
	for _, row := range rows {
		byRule[row.rule]++
	}
	for _, r := range cueRules {
		file := strings.ReplaceAll(r.name, " ", "-")
		assert.NotZero(t, byRule[file], "lexical cue rule %q needs test sentences in testdata/rules/cues/%s.tsv", r.name, file)
	}
	files, err := filepath.Glob(filepath.Join("testdata", "rules", "cues", "*.tsv"))
	require.NoError(t, err)
	assert.Len(t, files, len(cueRules), "every fixture file names a rule")
	rules := map[string]cueRule{}
	for _, r := range cueRules {
		rules[strings.ReplaceAll(r.name, " ", "-")] = r
	}
	for _, row := range rows {
		name, text, cue, source, content := row.fields[0], row.fields[1], row.fields[2], row.fields[3], row.fields[4]
		r, ok := rules[row.rule]
		require.True(t, ok, "fixture file %s.tsv names no rule", row.rule)
		got := ruleAttributions(text, r)
		if cue == "" {
			assert.Empty(t, got, "%s: %s", row.rule, name)
			continue
		}
		if assert.Len(t, got, 1, "%s: %s", row.rule, name) {
			assert.Equal(t, cue, got[0][0], "%s: %s: cue", row.rule, name)
			assert.Equal(t, source, got[0][1], "%s: %s: source", row.rule, name)
			assert.Contains(t, got[0][2], content, "%s: %s: content", row.rule, name)
		}
	}
}

// The lexical cues end to end: the attribution reaches the claims with its speaker
// resolved, whatever the names (renamed variants of one sentence give the same
// structure), and a verb the model already read is not read twice.
func TestLexicalCuesEndToEnd(t *testing.T) {
	cases := []struct {
		text, speaker, claim string
	}{
		{"Hours after the statement, the Velmora Ministry of Health published a list of 7,028 people with names.", "Velmora Ministry of Health", "a list of 7,028 people with names"},
		{"Hours after the statement, the Ostrava Ministry of Health published a list of 7,028 people with names.", "Ostrava Ministry of Health", "a list of 7,028 people with names"},
		{"Turkish authorities updated the country’s death toll to 6,957 on Wednesday.", "Turkish authorities", "the country’s death toll to 6,957 on Wednesday"},
		{"Chilean authorities updated the country’s death toll to 6,957 on Wednesday.", "Chilean authorities", "the country’s death toll to 6,957 on Wednesday"},
		// rule "document shows a figure", renamed: the data's author speaks the figure
		{"New data from the Velmora Statistics Office estimates a 12 percent fall in thefts in 2024.", "Velmora Statistics Office", "a 12 percent fall in thefts in 2024"},
		{"New data from the Ostrava Bureau of Records estimates a 12 percent fall in thefts in 2024.", "Ostrava Bureau of Records", "a 12 percent fall in thefts in 2024"},
		{"Figures from the Kessler Port Authority show about 4,000 ships called last year.", "Kessler Port Authority", "about 4,000 ships called last year"},
		{"Figures from the Tamsin Port Authority show about 4,000 ships called last year.", "Tamsin Port Authority", "about 4,000 ships called last year"},
	}
	for _, c := range cases {
		d := Extract(c.text)
		names := map[string]string{}
		for _, e := range d.Entities {
			names[e.ID] = e.Name
		}
		found := false
		for _, cl := range d.Claims {
			if cl.Text == c.claim && cl.Speaker != nil {
				assert.Equal(t, c.speaker, names[*cl.Speaker], c.text)
				found = true
			}
		}
		assert.True(t, found, "%s: no claim %q with a speaker", c.text, c.claim)
	}
	d := Extract("The White Helmets have reported 1,280 deaths.")
	assert.Len(t, d.Attributions, 1, "one attribution per verb")
}

// The lexicon of the rules exists and every class is read.
func TestLexicalCueClasses(t *testing.T) {
	for name, class := range map[string]map[string]bool{"that_verb": thatVerbs, "say_verb": cueSayVerbs, "figure_verb": figureVerbs,
		"document_verb": documentVerbs, "update_verb": updateVerbs, "document_noun": documentNouns, "intro_word": introWords,
		"tell_verb": tellVerbs, "hearer_noun": hearerNouns, "subject_skip": subjectSkip} {
		assert.NotEmpty(t, class, "lexicon/lexical_cues.txt class %s", name)
	}
	_, err := os.Stat(filepath.Join("lexicon", "lexical_cues.txt"))
	require.NoError(t, err)
}
