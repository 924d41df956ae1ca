package extract

import (
	"sort"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Corrected descriptions (rule counterclaim-in-fact-clause, test sentences in
// testdata/rules/counterclaims/counterclaim-in-fact-clause.tsv): inside a sentence, the
// article's own voice sets a marker of fact (lexicon/dispute_words.txt class
// fact_marker: "in reality", "in fact", "actually") right before or after a form of
// "be" and describes something with the same noun a speaker used, under another
// description: "'He's a good golfer,' the developer said of Mr. Clinton, who, in
// reality, is a so-so golfer"; "Reyes called it a small fire. The fire was in fact a
// major blaze." All must hold:
//
//   - the marker is inside the sentence (a marker opening it is counterclaim-in-fact's),
//     next to a form of "be" (", who, in reality, is", "was actually", "is, in fact,"),
//     outside the content of every attribution: the article speaks;
//   - after them comes a description: a determiner ("a", "an", "the") and at most
//     three modifiers before its noun, the last word before a punctuation mark, a
//     function word or a participle ("a so-so golfer known for ..." → modifiers
//     "so-so", noun "golfer");
//   - a claim said by someone (a speaker's, or an attribution's whose speaker went
//     unresolved), in the same sentence before the marker or in the two before, holds
//     the same noun after a determiner and modifiers of its own ("a good golfer"), and
//     the two sets of modifiers share no word: the noun is the same thing, described
//     otherwise. A description without modifiers on either side ("is a golfer") says
//     nothing against the claim.
//
// The disputer is the article's voice, the claim disputed the speaker's claim, the
// cue the marker, the kind "contradicts" and the shape counterclaim.
var counterclaimFactClauseRule = &disputeRule{name: "counterclaim-in-fact-clause", shape: graph.ShapeCounterclaim}

// maxModifiers is how many words may stand between a description's determiner and
// its noun.
const maxModifiers = 3

// description is a determiner's noun phrase: its modifiers and its noun, lowercased.
type description struct {
	mods map[string]bool
	noun string
}

// describedAt reads a description at toks[k] (a determiner); ok is false when there
// is none.
func describedAt(toks []scanToken, k int) (description, bool) {
	if k >= len(toks) || !describingDeterminer(toks[k].Lower) {
		return description{}, false
	}
	var words []string
	for j := k + 1; j < len(toks); j++ {
		t := toks[j]
		if t.Kind == 'p' && t.Text == "-" && len(words) > 0 && j+1 < len(toks) && toks[j+1].Start == t.End {
			continue // "so-so": one modifier in three tokens
		}
		if t.Kind == 'w' && j > k+1 && toks[j-1].Text == "-" && toks[j-1].End == t.Start && len(words) > 0 {
			words[len(words)-1] += "-" + t.Lower
			continue
		}
		if t.Kind != 'w' || functionWords[t.Lower] || negations[t.Lower] || beWords[t.Lower] || endsDescription(t.Lower) {
			break
		}
		words = append(words, t.Lower)
		if len(words) > maxModifiers+1 {
			return description{}, false
		}
	}
	if len(words) == 0 {
		return description{}, false
	}
	d := description{mods: map[string]bool{}, noun: foldWord(words[len(words)-1])}
	for _, w := range words[:len(words)-1] {
		d.mods[w] = true
	}
	return d, true
}

// describingDeterminer: a determiner that opens a description.
func describingDeterminer(w string) bool { return w == "a" || w == "an" || w == "the" }

// endsDescription reports whether a word is a participle that ends a description
// ("known for", "made by", "taking"): an irregular form or a word in -ed or -ing.
func endsDescription(w string) bool {
	return verbBases[w] != "" || len(w) > 4 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing"))
}

// otherwiseDescribed reports whether the tokens of a claim hold a description of the
// same noun as d, with modifiers of its own that d does not have.
func otherwiseDescribed(toks []scanToken, d description) bool {
	for k := range toks {
		c, ok := describedAt(toks, k)
		if !ok || c.noun != d.noun || len(c.mods) == 0 {
			continue
		}
		shared := false
		for m := range c.mods {
			if d.mods[m] {
				shared = true
			}
		}
		if !shared {
			return true
		}
	}
	return false
}

// factClauseAt reads a marker of fact inside a sentence next to a form of "be" at
// toks[k] (", in reality, is", "was actually", "is, in fact,") and returns the marker's
// tokens and the index of the description's determiner after them; ok is false when
// there is none.
func factClauseAt(toks []scanToken, k int) (start, end, det int, ok bool) {
	n := factMarkerLen(toks[k:])
	if n == 0 || k == 0 {
		return 0, 0, 0, false
	}
	j := k + n
	if j < len(toks) && toks[j].Text == "," {
		j++
	}
	switch {
	case j < len(toks) && beWords[toks[j].Lower]: // ", in reality, is a ..."
		j++
	case beWords[toks[k-1].Lower] || k > 1 && toks[k-1].Text == "," && beWords[toks[k-2].Lower]: // "was actually a ...", "is, in fact, a ..."
	default:
		return 0, 0, 0, false
	}
	if j >= len(toks) || !describingDeterminer(toks[j].Lower) {
		return 0, 0, 0, false
	}
	return k, k + n, j, true
}

// factMarkerLen returns the number of tokens of a fact marker at the start of toks,
// or 0.
func factMarkerLen(toks []scanToken) int {
	for _, m := range factMarkers {
		if len(m) > len(toks) {
			continue
		}
		ok := true
		for i, w := range m {
			if toks[i].Lower != w {
				ok = false
				break
			}
		}
		if ok {
			return len(m)
		}
	}
	return 0
}

// factClauses finds the descriptions the article corrects inside a sentence.
func (f *disputeFinder) factClauses() {
	cs := f.d.Claims[:f.base]
	for si, s := range f.sents {
		toks := f.r.tx.scan(s.Start, s.End)
		for k := 1; k < len(toks); k++ {
			start, end, det, ok := factClauseAt(toks, k)
			if !ok || f.attributionHoldingSpan(toks[start].Start) != nil {
				continue
			}
			d, ok := describedAt(toks, det)
			if !ok || len(d.mods) == 0 {
				continue
			}
			at := toks[start].Start
			for i := sort.Search(len(cs), func(i int) bool { return cs[i].Span.Start >= at }) - 1; i >= 0; i-- {
				a := &cs[i]
				if a.Span.End > at {
					continue
				}
				if a.Span.Start < f.sents[max(0, si-2)].Start {
					break
				}
				if a.Origin != "attribution" || !otherwiseDescribed(f.r.tx.scan(a.Span.Start, a.Span.End), d) {
					continue
				}
				id := a.ID
				cue := scanToken{Text: string(f.d.Runes[toks[start].Start:toks[end-1].End]), Start: toks[start].Start, End: toks[end-1].End}
				f.coord = f.coord[:0]
				f.emitOne(graph.DisputeContradicts, ArticleVoice, counterclaimFactClauseRule, ruleMatch{claim: &id, target: a.Speaker}, cue, s)
				break
			}
		}
	}
}
