package extract

import (
	"sort"
	"strings"
	"unicode"

	"github.com/claimgraph/claimgraph/graph"
)

// Claim rule "a quotation paragraph goes on with the last speaker" (fixtures in
// testdata/rules/speakers/quotation-paragraph-goes-on-with-the-last-speaker.tsv): the
// news convention that a paragraph made of a quotation and nothing else, with no cue
// of its own, is spoken by whoever spoke last ("Council member Jane Roe said it was too
// late for revisions." / "“Too much water has gone under the bridge.”"; "He said: “When
// ... / “And ... / “This government must act.”"): a new speaker would be named with a
// cue. The content rules already carry such a paragraph on as a piece of a quoted
// report's content where the report allows it (attrib_content.go,
// quotationParagraphContinues; attrib_quoterun.go); this rule gives the paragraphs they
// leave out — after a report in the writer's words, after a quotation run over
// paragraphs — a claim of the same attribution and speaker, without changing any
// attribution's content (what PolNeAR's annotation measures).
//
// A paragraph takes the rule when
//   - it opens with an opening quotation mark (“ " ‘ « „) and is one quotation: closed
//     at its end (only punctuation after the closing mark) or left open (a quotation
//     going on over paragraphs), with no speaker's label ("“WALLACE: ...") opening it;
//   - no attribution's cue or content touches it;
//   - the paragraph right before it ends with a report whose speaker is resolved (the
//     report's cue or content ends last in that paragraph, and no name or nominal
//     mention outside quotation marks follows it there: "Jane Roe said X. Acme, which
//     makes Y, did not reply." names someone else last), or is itself such a paragraph
//     (the rule goes on over a run of them);
//   - when that report's speaker is no person (a body, a country, a group), no person is
//     named after its cue in that paragraph ("The Treasury says the deficit will fall,
//     according to its Cabinet Secretary Jane Roe" / "“In relation to GDP ...”": the
//     quotation is the person's or the body's, and the text does not say which), and
//     no two reports of that paragraph have different speakers (the same doubt).
//
// The claim is the quotation's words (without its marks), Origin "quotation" (no
// attribution of its own: the counter-claim and dispute rules, which read attributions'
// claims, leave it alone), with the speaker of that last report and the quantities it
// holds; ToGraph makes it a direct quotation of that speaker (tograph.go).

// continuedQuotations returns the claims of the quotation paragraphs that go on with the
// last speaker, and marks the quantities they hold in covered (quants in text order).
func continuedQuotations(d *Document, tx *scanText, quants []Quantity, covered []bool) []Claim {
	paras := d.Paragraphs
	if len(paras) < 2 || len(d.Attributions) == 0 {
		return nil
	}
	touched, last := reportsByParagraph(d)
	kinds := make(map[string]graph.AgentKind, len(d.Entities))
	for _, e := range d.Entities {
		kinds[e.ID] = e.Kind
	}
	var out []Claim
	var cur *Attribution // the report the paragraph before ends with (or goes on)
	for p := range paras {
		prev := cur
		cur = last[p]
		if cur != nil && (cur.Speaker == nil || mentionAfterReport(d, cur, paras[p]) || personBesideBody(d, kinds, cur, paras[p]) || twoSpeakersIn(d, paras[p])) {
			cur = nil
		}
		if touched[p] || prev == nil {
			continue
		}
		s, e, ok := quotationOfParagraph(d.Runes, paras[p])
		if !ok {
			continue
		}
		sp := spanWithText(d.Runes, Span{Start: s, End: e})
		c := Claim{ID: graph.ClaimID(sp.Text), Text: sp.Text, Span: sp, Speaker: prev.Speaker,
			Origin: "quotation", Modality: modalityOfTx(tx, sp), Quantities: []Quantity{}}
		for qi := quantityFrom(quants, s); qi < len(quants) && quants[qi].Span.Start < e; qi++ {
			if q := quants[qi]; q.Span.End <= e && !covered[qi] {
				c.Quantities = append(c.Quantities, q)
				covered[qi] = true
			}
		}
		out = append(out, c)
		cur = prev // a run of quotation paragraphs goes on with the same speaker
	}
	return out
}

// reportsByParagraph returns, by paragraph, whether an attribution's cue or content
// touches it, and the attribution whose cue or content ends last in it (nil for none).
// Linear in the paragraphs and attributions (two sweeps over sorted bounds).
func reportsByParagraph(d *Document) (touched []bool, last []*Attribution) {
	paras := d.Paragraphs
	touched = make([]bool, len(paras))
	last = make([]*Attribution, len(paras))
	as := d.Attributions
	lo := make([]int, len(as))
	hi := make([]int, len(as))
	for i := range as {
		lo[i] = min(as[i].Cue.Start, as[i].Content.Start)
		hi[i] = max(as[i].Cue.End, as[i].Content.End)
	}
	byLo := make([]int, len(as))
	byHi := make([]int, len(as))
	for i := range as {
		byLo[i], byHi[i] = i, i
	}
	sort.SliceStable(byLo, func(a, b int) bool { return lo[byLo[a]] < lo[byLo[b]] })
	sort.SliceStable(byHi, func(a, b int) bool { return hi[byHi[a]] < hi[byHi[b]] })
	j, maxHi, k := 0, -1, 0
	for p, ps := range paras {
		for ; j < len(byLo) && lo[byLo[j]] < ps.End; j++ {
			maxHi = max(maxHi, hi[byLo[j]])
		}
		touched[p] = maxHi > ps.Start
		for ; k < len(byHi) && hi[byHi[k]] <= ps.End; k++ {
			if hi[byHi[k]] > ps.Start {
				last[p] = &as[byHi[k]]
			}
		}
	}
	return touched, last
}

// mentionAfterReport reports whether a name or nominal mention outside quotation marks
// follows the report a in its last paragraph para: someone else is named last.
func mentionAfterReport(d *Document, a *Attribution, para Span) bool {
	end := max(a.Cue.End, a.Content.End)
	ms := d.Mentions
	k := sort.Search(len(ms), func(i int) bool { return ms[i].Span.Start >= end })
	mask := scanTextOf(d).quoteMask
	for ; k < len(ms) && ms[k].Span.Start < para.End; k++ {
		if ms[k].Kind == MentionPronoun {
			continue
		}
		if mask == nil || ms[k].Span.Start >= len(mask) || !mask[ms[k].Span.Start] {
			return true
		}
	}
	return false
}

// quotationClosers maps each opening quotation mark to its closing mark.
var quotationClosers = map[rune]rune{'“': '”', '"': '"', '‘': '’', '«': '»', '„': '“'}

// quotationOfParagraph returns the words [s, e) of the quotation that makes up the
// paragraph para: it opens with an opening mark and runs to its closing mark with only
// punctuation after it, or to the paragraph's end (left open). ok is false for any other
// paragraph, for a speaker's label opening it ("“WALLACE: ...") and for fewer than three
// words.
func quotationOfParagraph(rs []rune, para Span) (s, e int, ok bool) {
	if para.End-para.Start < 2 {
		return 0, 0, false
	}
	closer, isOpen := quotationClosers[rs[para.Start]]
	if !isOpen {
		return 0, 0, false
	}
	s, e = para.Start+1, para.End
	for i := s; i < para.End; i++ {
		if rs[i] != closer || closer == '’' && i+1 < para.End && unicode.IsLetter(rs[i+1]) {
			continue // "We’ve": an apostrophe, not a closing mark
		}
		for _, r := range rs[i+1 : para.End] {
			if !unicode.IsPunct(r) && !unicode.IsSpace(r) {
				return 0, 0, false // the writer goes on after the quotation
			}
		}
		e = i
		break
	}
	for e > s && (unicode.IsSpace(rs[e-1]) || rs[e-1] == ',') {
		e--
	}
	words := strings.Fields(string(rs[s:e]))
	if len(words) < 3 || len(words[0]) > 1 && strings.HasSuffix(words[0], ":") || len(words) > 1 && words[1] == ":" {
		return 0, 0, false
	}
	return s, e, true
}

// personBesideBody reports whether the report a's speaker is no person and a person is
// mentioned after a's cue in the paragraph para.
func personBesideBody(d *Document, kinds map[string]graph.AgentKind, a *Attribution, para Span) bool {
	if kinds[*a.Speaker] == graph.KindPerson {
		return false
	}
	ms := d.Mentions
	k := sort.Search(len(ms), func(i int) bool { return ms[i].Span.Start >= a.Cue.Start })
	for ; k < len(ms) && ms[k].Span.Start < para.End; k++ {
		if ms[k].Entity != *a.Speaker && kinds[ms[k].Entity] == graph.KindPerson {
			return true
		}
	}
	return false
}

// twoSpeakersIn reports whether two attributions whose cues lie in para have different
// speakers (or one has none).
func twoSpeakersIn(d *Document, para Span) bool {
	as := d.Attributions
	k := sort.Search(len(as), func(i int) bool { return as[i].Cue.Start >= para.Start })
	var first *string
	for ; k < len(as) && as[k].Cue.Start < para.End; k++ {
		switch {
		case as[k].Speaker == nil:
			return true
		case first == nil:
			first = as[k].Speaker
		case *first != *as[k].Speaker:
			return true
		}
	}
	return false
}
