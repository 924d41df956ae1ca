package extract

import (
	"github.com/claimgraph/claimgraph/graph"
)

// Estimates: "the opposition put the death toll at 40, the government at 12" gives two
// claims of origin "estimate", one per speaker, each with its figure: "the death toll
// at 40" said by the opposition and "the death toll at 12" said by the government.
// Ingest links the two as a numeric conflict (shape figures of the dispute
// vocabulary). The rule, with test sentences in estimates_test.go:
//
//   - an entity mention, an estimate verb (lexicon/dispute_words.txt class
//     estimate_verb: "put", "placed", "estimated"), "the", up to two modifiers and a
//     toll noun (class toll_noun: "toll", "tally"), "at" and a quantity;
//   - then, optionally, a comma or "while"/"whereas"/"but", a second entity mention
//     and "at" and a quantity (the verb and the toll left out).
//
// A toll's figure without a counted thing counts the dead ("dead").

var (
	estimateVerbs = disputeWordClass("estimate_verb")
	tollNouns     = disputeWordClass("toll_noun")
)

// estimateFinder reads estimates in one document.
type estimateFinder struct {
	d      *Document
	tx     *scanText
	quants []Quantity
	byEnd  map[int]string // entity of the name or nominal mention ending at a position
	starts map[int]string // entity of the name or nominal mention starting at a position
}

// findEstimates returns the estimate claims of the document and marks the quantities
// they hold in covered (quants are the document's quantities in text order).
func findEstimates(d *Document, tx *scanText, quants []Quantity, covered []bool) []Claim {
	f := &estimateFinder{d: d, tx: tx, quants: quants, byEnd: map[int]string{}, starts: map[int]string{}}
	for _, m := range d.Mentions {
		if m.Kind != MentionPronoun {
			f.byEnd[m.Span.End] = m.Entity
			f.starts[m.Span.Start] = m.Entity
		}
	}
	var out []Claim
	for _, s := range sentenceSpans(d) {
		if !spanHasToken(d, s, func(t *Token) bool { return tollNouns[t.Lower] }) {
			continue
		}
		toks := tx.scan(s.Start, s.End)
		for i := range toks {
			if estimateVerbs[toks[i].Lower] {
				out = append(out, f.at(toks, i, covered)...)
			}
		}
	}
	return out
}

// at reads an estimate whose verb is toks[i].
func (f *estimateFinder) at(toks []scanToken, i int, covered []bool) []Claim {
	k := skipToSubject(toks, i)
	if k < 0 {
		return nil
	}
	speaker, ok := f.byEnd[toks[k].End]
	if !ok {
		return nil
	}
	j, n := f.tollPhrase(toks, i+1)
	if n < 0 {
		return nil
	}
	q, qi, end := f.quantityAt(toks, n+2)
	if qi < 0 {
		return nil
	}
	phrase := [2]int{toks[j].Start, toks[n].End}
	cue := makeSpan(f.d.Runes, toks[i].Start, toks[i].End)
	out := []Claim{f.claim(speaker, phrase, toks[n+1].Start, q, cue)}
	covered[qi] = true
	if other, at := f.gapped(toks, end, speaker); at > 0 {
		if q2, qi2, _ := f.quantityAt(toks, at+1); qi2 >= 0 {
			out = append(out, f.claim(other, phrase, toks[at].Start, q2, cue))
			covered[qi2] = true
		}
	}
	return out
}

// tollPhrase reads "the death toll at" from toks[j]: it returns j and the index of
// the toll noun (followed by "at"), or -1.
func (f *estimateFinder) tollPhrase(toks []scanToken, j int) (int, int) {
	if j >= len(toks) || toks[j].Lower != "the" {
		return j, -1
	}
	n := j + 1
	for n < len(toks) && n <= j+3 && !tollNouns[toks[n].Lower] {
		n++
	}
	if n >= len(toks) || !tollNouns[toks[n].Lower] || n+1 >= len(toks) {
		return j, -1
	}
	if toks[n+1].Lower != "at" {
		return j, tollModifierEnd(toks, n)
	}
	return j, n
}

// estimateCue reports whether an attribution's cue is an estimate verb ("put"): its
// figures are read by the estimate rule, one claim per speaker.
func estimateCue(tx *scanText, cue Span) bool {
	toks := tx.scan(cue.Start, cue.End)
	return len(toks) == 1 && estimateVerbs[toks[0].Lower]
}

// tollModifierReach bounds the prepositional phrase after a toll noun.
const tollModifierReach = 6

// tollModifierEnd reads rule "toll with a modifier": a prepositional phrase after the toll
// noun ("the death toll from the floods at 65", "the toll in Kherson at 40") belongs to
// the toll phrase; it returns the index of its last word (followed by "at"), or -1.
func tollModifierEnd(toks []scanToken, n int) int {
	if !tollModifierPrepositions[toks[n+1].Lower] {
		return -1
	}
	for e := n + 2; e < len(toks) && e <= n+1+tollModifierReach; e++ {
		if toks[e].Kind != 'w' {
			return -1
		}
		if toks[e].Lower == "at" {
			return e - 1
		}
	}
	return -1
}

// tollModifierPrepositions open the modifier of a toll noun ("the toll from the floods").
var tollModifierPrepositions = figureWordClass("toll_modifier_preposition")

// gapped reads ", the government at" after the first figure (toks[end:]): the second
// speaker (not speaker) and the index of its "at", or 0.
func (f *estimateFinder) gapped(toks []scanToken, end int, speaker string) (string, int) {
	e := end
	for e < len(toks) && (toks[e].Text == "," || toks[e].Lower == "while" || toks[e].Lower == "whereas" || toks[e].Lower == "but") {
		e++
	}
	if e == end || e >= len(toks) {
		return "", 0
	}
	other, ok := f.starts[toks[e].Start] // "the government" is a nominal mention with its article
	if !ok && toks[e].Lower == "the" && e+1 < len(toks) {
		e++
		other, ok = f.starts[toks[e].Start]
	}
	if !ok || other == speaker {
		return "", 0
	}
	for e < len(toks) && toks[e].Lower != "at" && toks[e].Kind == 'w' && e-end < 8 {
		if _, n := f.tollPhrase(toks, e+1); estimateVerbs[toks[e].Lower] && n >= 0 {
			return "", 0 // "while Israel put the toll at 12" is an estimate of its own
		}
		e++
	}
	if e >= len(toks) || toks[e].Lower != "at" {
		return "", 0
	}
	return other, e
}

// quantityAt returns the quantity that starts at toks[j], its index in f.quants and
// the index of the first token after it; the index is -1 when there is none.
func (f *estimateFinder) quantityAt(toks []scanToken, j int) (Quantity, int, int) {
	if j >= len(toks) {
		return Quantity{}, -1, j
	}
	qi := quantityFrom(f.quants, toks[j].Start)
	if qi >= len(f.quants) || f.quants[qi].Span.Start != toks[j].Start {
		return Quantity{}, -1, j
	}
	q := f.quants[qi]
	e := j
	for e < len(toks) && toks[e].Start < q.Span.End {
		e++
	}
	return q, qi, e
}

// claim makes the estimate claim "<the toll phrase> at <quantity>" of speaker.
func (f *estimateFinder) claim(speaker string, phrase [2]int, at int, q Quantity, cue Span) Claim {
	if q.Counted == "" {
		q.Counted = "dead"
	}
	sp := spanWithText(f.d.Runes, Span{Start: phrase[0], End: q.Span.End, Fragments: [][2]int{phrase, {at, q.Span.End}}})
	s := speaker
	return Claim{ID: graph.ClaimID(sp.Text), Text: sp.Text, Span: sp, Speaker: &s, Origin: "estimate",
		Modality: graph.ModalityAsserted, Quantities: []Quantity{q}, Cue: cue}
}
