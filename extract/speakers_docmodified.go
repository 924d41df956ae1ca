package extract

import "sort"

// Speaker rule "modified document anaphor" (fixtures in
// testdata/rules/speakers/modified-document-anaphor.tsv): a source that is a document
// or data noun with modifiers ("Provisional data", "the new monthly report") and
// nothing else is spoken by the author of the last document of that noun an earlier
// attribution named as its source, when that source held every one of the modifiers
// too ("New provisional data from the statistics office estimates a 24 percent fall.
// … Provisional data shows about 87,000 deaths." → the statistics office), and lies at
// most two paragraphs back. The modifiers must be plain (plainDocumentModifier) and
// at most maxDocumentModifiers; a bare noun ("data shows") and a modifier the earlier
// source lacks ("preliminary data" after "final data from X") name no earlier
// document. Rule 1's "document anaphor" reads the plain "the report".

// modifiedDocumentAnaphor applies the rule to a source's words; "" when it does not
// apply.
func (r *speakerResolver) modifiedDocumentAnaphor(words []scanToken) string {
	k := 0
	if len(words) > 0 && isArticle(words[0].Lower) {
		if words[0].Lower != "the" {
			return "" // "a new report": another document
		}
		k = 1
	}
	n := len(words) - 1
	if n <= k || n-k > maxDocumentModifiers {
		return ""
	}
	noun := words[n]
	if noun.Text != noun.Lower || !(authorDocumentNouns[noun.Lower] || dataNouns[noun.Lower]) || relationalDocumentNouns[noun.Lower] {
		return ""
	}
	last, ok := r.lastDocument[noun.Lower]
	if !ok || last.source == nil || last.cueEnd > words[0].Start {
		return ""
	}
	paras := r.d.Paragraphs
	p := sort.Search(len(paras), func(i int) bool { return paras[i].End >= words[0].Start })
	if p < len(paras) && p >= 2 && paras[p-2].Start > last.cueEnd {
		return ""
	}
	earlier := map[string]bool{}
	for _, w := range wordTokens(r.tx.scan(last.source.Start, last.source.End)) {
		earlier[w.Lower] = true
	}
	if !earlier[noun.Lower] {
		return ""
	}
	for _, m := range words[k:n] {
		if m.Kind != 'w' || !earlier[m.Lower] {
			return ""
		}
		if m.Text != m.Lower && m != words[0] {
			return "" // a capitalized modifier names another document
		}
		lm := m
		lm.Text = lm.Lower
		if !plainDocumentModifier(lm) {
			return ""
		}
	}
	r.addMention(Mention{Entity: last.speaker, Span: makeSpan(r.d.Runes, words[0].Start, noun.End), Kind: MentionNominal})
	return last.speaker
}
