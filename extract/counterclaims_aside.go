package extract

// Contrast asides: an answer is marked as one by a concessive adverb set off by commas
// inside its clause as much as by one opening it: "Reyes, however, said the mill had
// never closed" answers as "However, Reyes said ..." does. The rules that ask for a
// marked answer (counterclaim-response, rebuttal-contrast-reply) accept such an aside
// (lexicon/dispute_words.txt class aside_contrast: "however", "though",
// "nevertheless", "nonetheless") when it stands between commas before the answer's
// content and outside it, after its source or its cue ("Reyes, however, said ...",
// "Reyes said, however, that ..."). An aside inside the content ("Reyes said the mill,
// however, would close") concedes within the statement and marks no answer. The test
// sentences are those of the two rules (testdata/rules/disputes/counterclaim-response.tsv
// and rebuttal-contrast-reply.tsv); negatives in none.tsv.

// asideContrasts are the concessive adverbs that mark an answer between commas.
var asideContrasts = disputeWordClass("aside_contrast")

// contrastAside reports whether the sentence of attribution a holds a concessive
// adverb between commas before a's content and outside it (after the sentence's
// first word: one opening the sentence is the opening rules' case).
func (f *disputeFinder) contrastAside(a *Attribution) bool {
	if a == nil || a.Content.End <= a.Content.Start {
		return false
	}
	s := f.sents[f.sentenceOf(a.Cue.Start)]
	end := min(s.End, a.Content.Start)
	if end <= s.Start {
		return false
	}
	toks := f.r.tx.scan(s.Start, end)
	for k := 1; k+1 < len(toks); k++ {
		if asideContrasts[toks[k].Lower] && toks[k-1].Text == "," && toks[k+1].Text == "," {
			return true
		}
	}
	return false
}
