package extract

import "strings"

// Rule "participle modifying a count" of the attribution stage: a cue that is one past
// participle standing right between a count and a lowercase noun modifies the noun, it
// reports nothing ("74 confirmed dengue deaths", "12 reported cases", "three suspected
// militants"). The attribution the tagger read there is dropped, so that the figure
// stays the article's claim. Test sentences in
// testdata/rules/cue-filters/participle-modifying-a-count.tsv (TestParticipleModifierCues).

// participleModifierCue reports whether attribution a's cue is such a participle.
func participleModifierCue(d *Document, a Attribution) bool {
	i := tokenFrom(d, a.Cue.Start)
	if i == 0 || i+1 >= len(d.Tokens) || d.Tokens[i].End != a.Cue.End {
		return false
	}
	t, p, n := d.Tokens[i], d.Tokens[i-1], d.Tokens[i+1]
	if !strings.HasSuffix(t.Lower, "ed") {
		return false
	}
	if _, word := numberWord(p.Lower); p.Kind != TokNumber && !word {
		return false
	}
	return n.Kind == TokWord && n.Text == n.Lower
}

// dropParticipleModifierCues removes the attributions whose cue is a participle
// modifying a count.
func dropParticipleModifierCues(d *Document, as []Attribution) []Attribution {
	out := as[:0]
	for _, a := range as {
		if !participleModifierCue(d, a) {
			out = append(out, a)
		}
	}
	return out
}
