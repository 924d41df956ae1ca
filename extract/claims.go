package extract

import (
	"github.com/claimgraph/claimgraph/extract/lexicon"
	"sort"
	"strings"
	"unicode"

	"github.com/claimgraph/claimgraph/graph"
)

// Claims: every attribution's content (without a leading "that") is a claim with the
// attribution's speaker; a
// sentence that the article asserts without attribution and that carries a statistic
// (a quantity with a counted thing, a percentage or money, other than a bare duration
// such as "two years") is a claim of the article itself (Attribution and Speaker nil).
// Each claim carries the quantities inside its span and a modality from
// lexicon/modality.txt: the first marker in the claim's words decides ("is expected
// to", "would", "will" → prediction; "could", "may", "might" → hedged), else
// "asserted". A modal must be followed by a word ("lack of will." has no modal). A
// claim without a marker takes the modality of its attribution's cue ("are expected",
// "predicts" → prediction; "suggested" → hedged).
// Claims are listed in text order; the same text twice is one claim (its id derives
// from the normalized text, graph.ClaimID).
//
// Quantities are found by findQuantities (quantities.go) sentence by sentence and then
// assigned to the claims whose span holds them.

type modalPhrase struct {
	words    []string
	modality graph.Modality
}

// cueModal are the cue words that give a claim its modality (modality.txt, "cue").
var cueModal = map[string]graph.Modality{}

var modalLex = func() []modalPhrase {
	var out []modalPhrase
	for _, f := range lexiconRows("modality.txt") {
		if len(f) > 2 && f[2] == "cue" {
			cueModal[f[0]] = graph.Modality(f[1])
			continue
		}
		out = append(out, modalPhrase{words: strings.Fields(strings.ToLower(f[0])), modality: graph.Modality(f[1])})
	}
	// longest first, so "is expected to" wins over "expected to"
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].words) > len(out[j].words) })
	return out
}()

// durationWords are counted nouns that are durations, not statistics.
var durationWords = lexicon.Set("duration_words.txt") // lexicon/duration_words.txt

// modalityOf returns the modality the text of runes[s:e] (or its fragments) marks.
func modalityOf(runes []rune, sp Span) graph.Modality {
	return modalityOfTx(&scanText{runes: runes}, sp)
}

// modalityOfTx is modalityOf over a prepared text.
func modalityOfTx(x *scanText, sp Span) graph.Modality {
	for _, f := range spanFragments(sp) {
		// the marker that matters stands early: read at most modalityReach code points
		toks := x.scan(f[0], min(f[1], f[0]+modalityReach))
		for i := range toks {
			for _, m := range modalLex {
				if i+len(m.words) > len(toks) {
					continue
				}
				ok := true
				for k, w := range m.words {
					if toks[i+k].Lower != w {
						ok = false
						break
					}
				}
				if !ok {
					continue
				}
				next := i + len(m.words)
				if len(m.words) == 1 {
					// a modal verb needs a word after it, and not a preposition before it
					if next >= len(toks) || toks[next].Kind != 'w' {
						continue
					}
					if i > 0 && (toks[i-1].Lower == "of" || toks[i-1].Lower == "the" || toks[i-1].Lower == "political" || toks[i-1].Lower == "good") {
						continue
					}
					if toks[i].Lower == "may" && isCapitalized(toks[i].Text) && i > 0 {
						continue // the month
					}
				}
				return m.modality
			}
		}
	}
	return graph.ModalityAsserted
}

// isStatistic reports whether a quantity makes the sentence that holds it a
// statistic the article asserts: a percentage or money, or a count of something that
// is not a duration, written in digits, or qualified ("more than two"), or with a
// casualty word ("two people killed"). A bare number word in a noun phrase ("three
// simple commitments", "two years") is rhetoric, not a statistic.
func isStatistic(tx *scanText, q Quantity) bool {
	if q.Unit != "count" {
		return true
	}
	if q.Counted == "" || durationWords[q.Counted] {
		return extraStatistic(tx, q) // claims_statistics.go
	}
	digits := false
	for _, r := range q.Text {
		if r >= '0' && r <= '9' {
			digits = true
			break
		}
	}
	if digits || q.Qualifier != "" {
		return true
	}
	f := strings.Fields(q.Counted)
	return len(f) > 1 && (quantityWords.states[f[len(f)-1]] || strings.HasPrefix(q.Counted, "remains of")) || extraStatistic(tx, q)
}

// denialCue reports whether an attribution's cue is a verb that disputes the truth
// of its content ("denied", "disputes", "rejected"; lexicon/disputes.txt).
func denialCue(x *scanText, cue Span) bool {
	for _, fr := range spanFragments(cue) {
		for _, t := range x.scan(fr[0], fr[1]) {
			if k, ok := disputeVerbs[t.Lower]; ok && truthKinds[k] {
				return true
			}
		}
	}
	return false
}

// modalityReach bounds how much of a claim modalityOf reads.
const modalityReach = 2000

// cueModality returns the modality an attribution's cue gives ("are expected",
// "predicts"), or asserted.
func cueModality(x *scanText, cue Span) graph.Modality {
	for _, f := range spanFragments(cue) {
		for _, t := range x.scan(max(0, f[0]), min(len(x.runes), f[1], f[0]+200)) {
			if m, ok := cueModal[t.Lower]; ok {
				return m
			}
		}
	}
	return graph.ModalityAsserted
}

// spanFragments returns the pieces of a span: its Fragments, or the span itself.
func spanFragments(sp Span) [][2]int {
	if len(sp.Fragments) > 0 {
		return sp.Fragments
	}
	return [][2]int{{sp.Start, sp.End}}
}

// spanTextOf is the text of a span, its fragments joined by a space, trimmed of
// surrounding spaces.
func spanTextOf(runes []rune, sp Span) string {
	var parts []string
	for _, f := range spanFragments(sp) {
		s, e := max(0, f[0]), min(len(runes), f[1])
		if s < e {
			parts = append(parts, strings.TrimSpace(string(runes[s:e])))
		}
	}
	return strings.TrimSpace(strings.Join(parts, " "))
}

// spanWithText returns the span with its Text filled in from the document.
func spanWithText(runes []rune, sp Span) Span {
	sp.Start, sp.End = max(0, min(sp.Start, len(runes))), max(0, min(sp.End, len(runes)))
	if sp.End < sp.Start {
		sp.End = sp.Start
	}
	sp.Text = spanTextOf(runes, sp)
	return sp
}

func spanInside(sp Span, s, e int) bool {
	for _, f := range spanFragments(sp) {
		if s >= f[0] && e <= f[1] {
			return true
		}
	}
	return false
}

// findClaims fills d.Claims.
func findClaims(d *Document) {
	tx := scanTextOf(d)
	var quants []Quantity
	for _, s := range sentenceSpans(d) {
		if spanHasToken(d, s, mayCount) {
			quants = append(quants, findQuantitiesTx(tx, s.Start, s.End)...)
		}
	}
	seen := make(map[string]bool, len(d.Attributions))
	claims := make([]Claim, 0, len(d.Attributions)+len(quants)/2+1)
	add := func(c Claim) {
		if c.Text == "" || seen[c.ID] {
			return
		}
		seen[c.ID] = true
		claims = append(claims, c)
	}
	covered := make([]bool, len(quants))
	lo := lookbackOf(quants)
	for i := range d.Attributions {
		a := &d.Attributions[i]
		// A number in an attribution's source or cue ("Three officials said", "Envoy 3
		// Name said") describes who speaks, not a figure the article asserts: the
		// sentence is not an article statistic besides the attribution's claim. The
		// subject of a passive cue ("600,000 were said to be facing famine") is what
		// the content is about, not a speaker: its figure stays the article's.
		passive := len(d.Tokens) > 0 && passiveCue(d.Tokens, tokenFrom(d, a.Cue.Start), tokenFrom(d, a.Cue.End))
		for _, sp := range []*Span{a.Source, &a.Cue} {
			if sp == nil || sp.End <= sp.Start || passive {
				continue
			}
			for qi := lo.from(quants, sp.Start); qi < len(quants); qi++ {
				q := quants[qi].Span
				if lo.sorted && q.Start >= sp.End {
					break
				}
				if q.Start < sp.End && sp.Start < q.End {
					covered[qi] = true
				}
			}
		}
		sp := claimSpanOf(d.Runes, a.Content)
		text := strings.TrimSpace(sp.Text)
		if !hasASCIIAlnum(text) && graph.NormalizeClaimText(text) == "" {
			continue // an ASCII letter or digit survives normalization
		}
		mod := modalityOfTx(tx, sp)
		if mod == graph.ModalityAsserted {
			mod = cueModality(tx, a.Cue)
		}
		c := Claim{ID: graph.ClaimID(text), Text: text, Span: sp, Speaker: a.Speaker, Origin: "attribution", Modality: mod, Quantities: []Quantity{}}
		if denialCue(tx, a.Cue) {
			// "Russia denied that its troops had crossed the border": the content is
			// what Russia disputes, not what it claims (findDisputes links the two)
			c.Speaker, c.Origin = nil, "disputed"
		}
		id := a.ID
		c.Attribution = &id
		for _, f := range spanFragments(sp) {
			for qi := quantityFrom(quants, f[0]); qi < len(quants) && quants[qi].Span.Start < f[1]; qi++ {
				if q := quants[qi]; q.Span.End <= f[1] {
					if q.Unit == "count" && q.Counted == "" && !estimateCue(tx, a.Cue) && tollFigure(tx, q) {
						q.Counted = "dead" // "the death toll rose to 65, the Red Cross said"
					}
					c.Quantities = append(c.Quantities, q)
					covered[qi] = true
				}
			}
		}
		add(c)
	}
	// a quotation paragraph with no cue goes on with the last speaker (claims_continued.go)
	for _, c := range continuedQuotations(d, tx, quants, covered) {
		add(c)
	}
	// estimates: "the opposition put the death toll at 40, the government at 12"
	for _, c := range findEstimates(d, tx, quants, covered) {
		if seen[c.ID] {
			countedFrom(claims, c) // "officials put the death toll at 40" is an attribution too
			continue
		}
		add(c)
	}
	// article-asserted statistics
	for _, s := range sentenceSpans(d) {
		var qs []Quantity
		statistic := false
		for qi := quantityFrom(quants, s.Start); qi < len(quants) && quants[qi].Span.Start < s.End; qi++ {
			q := quants[qi]
			if covered[qi] || q.Span.End > s.End {
				continue
			}
			if q.Unit == "count" && q.Counted == "" && tollFigure(tx, q) {
				q.Counted = "dead"
			}
			if isStatistic(tx, q) {
				statistic = true
			} else if !companionFigure(tx, q) {
				continue
			}
			qs = append(qs, q)
		}
		if !statistic {
			continue
		}
		sp := spanWithText(d.Runes, Span{Start: s.Start, End: s.End})
		c := Claim{ID: graph.ClaimID(sp.Text), Text: sp.Text, Span: sp, Origin: "article", Modality: modalityOfTx(tx, sp), Quantities: qs}
		add(c)
	}
	// streaks, records and multiples without a statistic figure (claims_sentences.go)
	for _, c := range sentenceClaims(d, tx, quants, covered, claims) {
		add(c)
	}
	addAgeFigures(d, tx, claims) // claims_ages.go
	sort.SliceStable(claims, func(i, j int) bool { return claims[i].Span.Start < claims[j].Span.Start })
	// "... This was stated in a report by X.": the figures before are X's (claims_sourced.go)
	sourcedClaims(d, tx, claims)
	if len(claims) == 0 {
		claims = nil // as before the slice was sized ahead
	}
	d.Claims = claims
}

// countedFrom gives the claim of claims with est's id the counted thing of est's
// quantity where it has none.
func countedFrom(claims []Claim, est Claim) {
	for k := range claims {
		if claims[k].ID != est.ID {
			continue
		}
		for i := range claims[k].Quantities {
			q := &claims[k].Quantities[i]
			if q.Counted == "" && q.Span.Start == est.Quantities[0].Span.Start {
				q.Counted = est.Quantities[0].Counted
			}
		}
	}
}

// numberStartBytes marks the first bytes of the number words, so that mayCount looks up
// only the tokens that may be one.
var numberStartBytes = func() (first [256]bool) {
	for w := range quantityWords.numWords {
		if w != "" {
			first[w[0]] = true
		}
	}
	return first
}()

// mayCount reports whether a token may start a quantity: digits or a number word.
func mayCount(t *Token) bool {
	if t.Kind == TokNumber {
		return true
	}
	for _, r := range t.Text {
		if r >= '0' && r <= '9' {
			return true
		}
	}
	if t.Lower == "one" {
		return true // "one percent", "one million" (quantities_more.go)
	}
	if numberLikeWord(t.Lower) {
		return true // "thousands of", "a million", "half of" (quantities_units.go)
	}
	if zeroCasualtyWords[t.Lower] {
		return true // "No deaths have been reported" (quantities_zero.go)
	}
	if t.Lower == "" || !numberStartBytes[t.Lower[0]] {
		return false // no number word starts with this byte
	}
	if _, ok := quantityWords.numWords[t.Lower]; ok {
		return true
	}
	a, _, _ := strings.Cut(t.Lower, "-")
	_, ok := quantityWords.numWords[a]
	return ok
}

// claimSpanOf is the claim an attribution's content states: the content without a
// leading complementizer ("said that the talks failed" claims "the talks failed"), so
// that the same claim reported with and without "that" is one claim. Its Text is set.
func claimSpanOf(runes []rune, content Span) Span {
	sp := spanWithText(runes, content)
	if len(sp.Fragments) > 0 {
		return sp
	}
	s := sp.Start
	for s < sp.End && unicode.IsSpace(runes[s]) {
		s++
	}
	if s+5 <= sp.End && strings.EqualFold(string(runes[s:s+4]), "that") && unicode.IsSpace(runes[s+4]) {
		s += 5
		for s < sp.End && unicode.IsSpace(runes[s]) {
			s++
		}
		if s < sp.End {
			return spanWithText(runes, Span{Start: s, End: sp.End})
		}
	}
	return sp
}

// quantityFrom returns the index of the first quantity (sorted by start) that starts
// at or after pos.
func quantityFrom(qs []Quantity, pos int) int {
	return sort.Search(len(qs), func(i int) bool { return qs[i].Span.Start >= pos })
}

// quantityLookback finds the quantities that may overlap a span without a scan of
// every quantity per span (quadratic in a long document): when the quantities are in
// text order, one that overlaps [start, end) starts at or after start less the longest
// quantity, and before end. Unsorted, from gives 0 and the caller scans them all.
type quantityLookback struct {
	sorted  bool // the quantities are sorted by Span.Start
	longest int  // the longest quantity span, End - Start
}

func lookbackOf(qs []Quantity) quantityLookback {
	lo := quantityLookback{sorted: true}
	for i, q := range qs {
		if i > 0 && q.Span.Start < qs[i-1].Span.Start {
			lo.sorted = false
		}
		lo.longest = max(lo.longest, q.Span.End-q.Span.Start)
	}
	return lo
}

// from is the first index of qs that may overlap a span starting at start.
func (lo quantityLookback) from(qs []Quantity, start int) int {
	if !lo.sorted {
		return 0
	}
	return quantityFrom(qs, start-lo.longest)
}

// claimIndex returns the index of the claim with id in d.Claims, or -1.
func claimIndex(d *Document, id string) int {
	for i := range d.Claims {
		if d.Claims[i].ID == id {
			return i
		}
	}
	return -1
}

// hasASCIIAlnum reports whether s holds an ASCII letter or digit.
func hasASCIIAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		if (c >= 'a' && c <= 'z') || (s[i] >= '0' && s[i] <= '9') {
			return true
		}
	}
	return false
}

// deathModifiers make a tally one of the dead ("the death tally", "the casualty
// tally"); a bare tally may count votes.
var deathModifiers = figureWordClass("death_modifier")

// tollReach bounds how many tokens before a figure tollFigures looks for a toll noun.
const tollReach = 12

// tollFigure reports whether a count without a counted thing is a toll's figure: a
// toll noun (lexicon/dispute_words.txt toll_noun) stands before it in its clause
// ("the death toll ... has climbed past 9,400", "the toll rose to 312"). As in the
// estimate rule, a toll's bare figure counts the dead, and the figure makes the
// sentence a statistic the article asserts. A sentence end, a semicolon or another
// number in between breaks the link; a tally counts the dead only as "the death
// tally" (a bare tally may count votes).
func tollFigure(tx *scanText, q Quantity) bool {
	toks := tx.scan(max(0, q.Span.Start-200), q.Span.Start)
	for k := len(toks) - 1; k >= 0 && k >= len(toks)-tollReach; k-- {
		t := toks[k]
		if t.Kind == 'n' || t.Text == "." || t.Text == ";" || t.Text == "!" || t.Text == "?" {
			return false
		}
		if tollNouns[t.Lower] && (strings.HasPrefix(t.Lower, "toll") || k > 0 && deathModifiers[toks[k-1].Lower]) {
			return true
		}
	}
	return false
}
