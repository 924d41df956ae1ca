package extract

import (
	"sort"
	"strings"
	"unicode"

	"github.com/claimgraph/claimgraph/extract/lexicon"
	"github.com/claimgraph/claimgraph/graph"
)

// Sentence claims: a sentence that no attribution touches and that holds no statistic
// figure (isStatistic, claims.go) is still a claim the article asserts when it states
// a streak, a record or a multiple — the figures a fact-checker checks though they
// are written without digits: "This marks the seventh consecutive monthly decline",
// "The amount of heat stored in the upper ocean hit record highs", "Both capitals
// have doubled their purchases in the past year". Each rule is a named value with test
// sentences in testdata/rules/sentence-claims/NAME.tsv (TestSentenceClaimRules); the
// words live in lexicon/sentence_claim_words.txt.

// sentenceClaimRule is a named rule that makes an unattributed sentence an article
// claim; applies reads the sentence's tokens.
type sentenceClaimRule struct {
	name    string
	applies func(toks []scanToken) bool
}

// sentenceClaimRules are tried, in order, on each sentence without a claim.
var sentenceClaimRules = []sentenceClaimRule{
	{"ordinal of a streak", streakOrdinal},
	{"record figure", recordFigure},
	{"multiple of a figure", multipleFigure},
}

// sentenceClaimWordClasses are the word classes of lexicon/sentence_claim_words.txt.
var sentenceClaimWordClasses = lexicon.Classes("sentence_claim_words.txt")

// sentenceClaimWords are the classes of lexicon/sentence_claim_words.txt.
var sentenceClaimWords = func() map[string]map[string]bool {
	c := map[string]map[string]bool{}
	for _, name := range []string{"ordinal", "streak_marker", "tally_closer", "record_after", "record_before", "record_extreme", "multiplier_verb", "not_a_record"} {
		c[name] = sentenceClaimWordClasses.Class(name)
	}
	return c
}()

// sentenceClaimRuleOf returns the name of the first rule that makes toks a claim.
func sentenceClaimRuleOf(toks []scanToken) (string, bool) {
	for _, r := range sentenceClaimRules {
		if r.applies(toks) {
			return r.name, true
		}
	}
	return "", false
}

// tokWord returns the lowercased word at k, or "" outside toks or for a non-word.
func tokWord(toks []scanToken, k int) string {
	if k < 0 || k >= len(toks) || toks[k].Kind == 'p' || toks[k].Kind == 'q' {
		return ""
	}
	return toks[k].Lower
}

// ordinalAt reads an ordinal from "second" on at toks[i]: a word of class ordinal, or
// digits with an ordinal suffix, glued ("88th") or split by the scanner into the
// number and the suffix. It returns the index after the ordinal and whether it is
// written in digits.
func ordinalAt(toks []scanToken, i int) (next int, digits, ok bool) {
	t := toks[i]
	if sentenceClaimWords["ordinal"][t.Lower] {
		return i + 1, false, true
	}
	s, next := t.Lower, i+1
	if t.Kind == 'n' && i+1 < len(toks) && toks[i+1].Start == t.End && toks[i+1].Kind == 'w' {
		s, next = s+toks[i+1].Lower, i+2
	}
	if len(s) < 3 {
		return 0, false, false
	}
	suf, num := s[len(s)-2:], s[:len(s)-2]
	if suf != "th" && suf != "st" && suf != "nd" && suf != "rd" || num == "1" {
		return 0, false, false
	}
	for _, r := range num {
		if !unicode.IsDigit(r) {
			return 0, false, false
		}
	}
	return next, true, true
}

// streakOrdinal reads rule "ordinal of a streak": an ordinal followed within three
// words by a streak marker ("the seventh consecutive monthly decline", "a third
// straight year", "the fifth year running") or by "in a row", or an ordinal in digits
// whose noun is closed by a running tally ("its 88th launch this year", "the 12th
// time this season", "the 30th so far").
func streakOrdinal(toks []scanToken) bool {
	for i := range toks {
		next, digits, ok := ordinalAt(toks, i)
		if !ok {
			continue
		}
		for k := next; k <= next+3 && k < len(toks); k++ {
			w := tokWord(toks, k)
			if w == "" {
				break
			}
			if sentenceClaimWords["streak_marker"][w] && k <= next+2 {
				return true
			}
			if w == "in" && tokWord(toks, k+1) == "a" && tokWord(toks, k+2) == "row" {
				return true
			}
			if digits {
				p := tokWord(toks, k-1)
				if sentenceClaimWords["tally_closer"][w] && (p == "this" || p == "the" && tokWord(toks, k-2) == "of" || p == "so" || p == "to") {
					return true
				}
			}
		}
	}
	return false
}

// recordReach is how many words before "record" a word of class record_before may
// stand ("set a new course record").
const recordReach = 4

// recordFigure reads rule "record figure": "record" as the record of a figure — before
// a word of class record_after ("hit record highs", "a record level", "record
// numbers"), after one of class record_before within recordReach words ("a new
// record", "set a record", "broke the previous world record"), or "all-time" before
// an extreme ("an all-time high"). "Criminal record", "on the record" and "a new
// record label" (class not_a_record) are none of these.
func recordFigure(toks []scanToken) bool {
	for i := range toks {
		w := tokWord(toks, i)
		switch w {
		case "record":
			if sentenceClaimWords["record_after"][tokWord(toks, i+1)] {
				return true
			}
			if sentenceClaimWords["not_a_record"][tokWord(toks, i+1)] {
				continue
			}
			for k := i - 1; k >= 0 && k >= i-recordReach; k-- {
				p := tokWord(toks, k)
				if p == "" {
					break
				}
				if sentenceClaimWords["record_before"][p] {
					return true
				}
			}
		case "all-time":
			if sentenceClaimWords["record_extreme"][tokWord(toks, i+1)] {
				return true
			}
		}
	}
	return false
}

// multipleFigure reads rule "multiple of a figure": a verb of multiplying or halving
// ("doubled their purchases", "sales tripled", "halved its forecast") or a "-fold"
// word ("rose tenfold", "a 10-fold increase"). "Doubled down" and "doubled as" are
// idioms, not figures.
func multipleFigure(toks []scanToken) bool {
	for i := range toks {
		w := tokWord(toks, i)
		if sentenceClaimWords["multiplier_verb"][w] {
			if n := tokWord(toks, i+1); n == "down" || n == "as" {
				continue
			}
			return true
		}
		if strings.HasSuffix(w, "fold") && len(w) > 4 && w != "manifold" && w != "scaffold" && w != "billfold" && w != "blindfold" && w != "centerfold" {
			stem := strings.TrimSuffix(strings.TrimSuffix(w, "fold"), "-")
			if _, ok := quantityWords.numWords[stem]; ok {
				return true
			}
			if _, ok := parseDigits(stem); ok {
				return true
			}
		}
	}
	return false
}

// sentenceClaims returns the article claims of the sentence claim rules: each sentence
// that no attribution touches, that holds no claim of claims yet and that one rule
// makes a claim, with the sentence's figures not yet given to another claim. Linear
// in the sentences, claims and attributions (with a binary search each).
func sentenceClaims(d *Document, tx *scanText, quants []Quantity, covered []bool, claims []Claim) []Claim {
	sents := sentenceSpans(d)
	busy := make([]bool, len(sents))
	for k := range claims {
		markSentences(sents, claims[k].Span, busy)
	}
	for i := range d.Attributions {
		a := &d.Attributions[i]
		for _, sp := range []*Span{a.Source, &a.Cue, &a.Content} {
			if sp != nil && sp.End > sp.Start {
				markSentences(sents, *sp, busy)
			}
		}
	}
	var out []Claim
	for si, s := range sents {
		if busy[si] {
			continue
		}
		toks := tx.scan(s.Start, s.End)
		if _, ok := sentenceClaimRuleOf(toks); !ok {
			continue
		}
		qs := []Quantity{}
		for qi := quantityFrom(quants, s.Start); qi < len(quants) && quants[qi].Span.Start < s.End; qi++ {
			if !covered[qi] && quants[qi].Span.End <= s.End {
				qs = append(qs, quants[qi])
			}
		}
		sp := spanWithText(d.Runes, Span{Start: s.Start, End: s.End})
		out = append(out, Claim{ID: graph.ClaimID(sp.Text), Text: sp.Text, Span: sp, Origin: "article", Modality: modalityOfTx(tx, sp), Quantities: qs})
	}
	return out
}

// markSentences marks in busy the sentences of sents (sorted, disjoint) that sp
// overlaps.
func markSentences(sents []Span, sp Span, busy []bool) {
	i := sort.Search(len(sents), func(i int) bool { return sents[i].End > sp.Start })
	for ; i < len(sents) && sents[i].Start < sp.End; i++ {
		busy[i] = true
	}
}
