package extract

import "github.com/claimgraph/claimgraph/extract/lexicon"

// Hearer rule "a gathering as the hearer of a postposed tell verb" (fixtures in
// testdata/rules/cues/postposed-subject-tells.tsv and
// postposed-subject-says-adjunct.tsv): a speaker tells a gathering as well as a
// person or an outlet ("..., President Jarek Olin told a cabinet meeting.", "...,
// Lee told a media briefing on Wednesday.", "..., the minister told the annual
// party conference"). The hearer is an optional article, at most
// maxEventModifiers lowercase modifiers or capitalized words, and a noun of
// lexicon/gathering_nouns.txt.

// gatheringNouns are the gatherings of lexicon/gathering_nouns.txt.
var gatheringNouns = lexicon.Set("gathering_nouns.txt")

// maxEventModifiers bounds the words between the article and the gathering's noun
// ("a regular weekly news briefing").
const maxEventModifiers = 3

// speechEventHearer returns the index after a gathering that opens at toks[j] (the
// word after a tell verb), or 0 when none does.
func speechEventHearer(toks []scanToken, j int) int {
	if j < len(toks) && isArticle(toks[j].Lower) {
		j++
	}
	for k := j; k < len(toks) && k <= j+maxEventModifiers; k++ {
		t := toks[k]
		if t.Kind != 'w' && t.Kind != 'n' && t.Text != "-" {
			return 0
		}
		if t.Text == t.Lower && gatheringNouns[t.Lower] {
			if k+1 < len(toks) && (toks[k+1].Lower == "of" || toks[k+1].Lower == "that") {
				return 0 // "told a meeting of ...": the rest is more than a hearer; "that" is a clause
			}
			return k + 1
		}
		if t.Text == t.Lower && clauseWords[t.Lower] {
			return 0
		}
	}
	return 0
}
