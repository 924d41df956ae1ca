package extract

import (
	"github.com/claimgraph/claimgraph/extract/internal/attribml"
)

// dropJudgments removes from a content the words by which the text judges it untrue or
// unsupported (lexicon/judgments.txt): "without evidence" and its like right after the
// cue ("claimed, without evidence, that ..." → "that ...") or at the end of the
// content after a comma ("said that ..., without offering any evidence" → "that
// ..."), and a judging adverb between commas right after the cue ("claimed, falsely,
// that ..." → "that ..."). They are no part of what the speaker says: the dispute rule
// judged-cue (disputes_article.go) reads them as the text's judgment of the claim.
// Quoted words are never dropped: they are the speaker's own.
func dropJudgments(d *Document, toks []attribml.Tok) {
	tk := d.Tokens
	for ai := range d.Attributions {
		a := &d.Attributions[ai]
		ps := spanPieces(a.Content)
		i := tokenFrom(d, ps[0][0])
		end := tokenFrom(d, ps[0][1])
		k := evidencePhraseEnd(tk, toks, i, end)
		if k == i && i+1 < end && judgingAdverbs[tk[i].Lower] && !toks[i].InQuote && tk[i+1].Text == "," {
			k = i + 1 // "falsely, that ..."
		}
		if k > i && k < end {
			if tk[k].Text == "," {
				k++
			}
			if k < end {
				ps = startFirstPieceAt(ps, tk[k].Start)
				a.Content = spanFromPieces(ps)
			}
		}
		last := ps[len(ps)-1]
		i = tokenFrom(d, last[0])
		end = tokenFrom(d, last[1])
		for c := i + 1; c+1 < end; c++ {
			if tk[c].Text != "," {
				continue
			}
			k := evidencePhraseEnd(tk, toks, c+1, end)
			if k <= c+1 || !onlyPunctuation(tk[k:end]) {
				continue
			}
			ps = append(append([][2]int(nil), ps[:len(ps)-1]...), [2]int{last[0], tk[c-1].End})
			a.Content = spanFromPieces(ps)
			break
		}
	}
}

// evidencePhraseEnd returns the index after "without [offering] [any] evidence" when it
// starts at tk[i], outside quotation marks and before end, else i.
func evidencePhraseEnd(tk []Token, toks []attribml.Tok, i, end int) int {
	if i >= end || tk[i].Lower != "without" || toks[i].InQuote {
		return i
	}
	j := i + 1
	for j < end && j-i <= 3 && evidenceLeads[tk[j].Lower] {
		j++
	}
	if j < end && evidenceNouns[tk[j].Lower] && (j+1 >= end || tk[j+1].Kind != TokWord || tk[j+1].Lower == "that") {
		return j + 1
	}
	return i
}

// onlyPunctuation reports whether tokens holds no word or number.
func onlyPunctuation(tokens []Token) bool {
	for _, t := range tokens {
		if t.Kind == TokWord || t.Kind == TokNumber {
			return false
		}
	}
	return true
}
