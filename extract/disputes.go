package extract

import (
	"sort"
	"strconv"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Disputes: who disputes, denies, rejects, refutes, contests, questions, criticizes,
// opposes, refuses or accuses (the verb forms in lexicon/disputes.txt), and which
// claim or agent is targeted. The rules, each with a test sentence in
// disputes_test.go:
//
// Disputer (the verb's subject):
//   - active: the entity mention that ends right before the verb, after skipping
//     auxiliaries and adverbs ("Israel has consistently criticized"), time
//     expressions ("Israel on Tuesday disputed", "Hamas last week rejected") and an
//     aside between commas ("Israel, however, rejected"), or a pronoun resolved like
//     a speaker ("they reject");
//   - coordinated subjects ("Egypt and Qatar rejected") are each a disputer: one
//     dispute per entity, in text order;
//   - possessive of a noun ("their refusal", "Israel’s refusal");
//   - passive: "is disputed by X", "were rejected by X";
//   - a plural group noun with no name ("Critics rejected the report") becomes a
//     group entity.
//
// A verb without a resolvable disputer is not a dispute ("many questions remain",
// "those who reject violence").
//
// Target, tried in order:
//  1. anaphora: "these figures", "this claim", "the report" → the nearest preceding
//     claim (within three sentences) that has a quantity, for number nouns (figures,
//     numbers, toll, count, data, estimates, statistics, tally), or any claim for other
//     nouns (claim, report, allegation, statement, account);
//  2. relative clause: "X, a condition that Israel opposes" → the clause X before the
//     comma, back to "of", "that", "whether" or the start of its clause; an existing claim
//     with that text, else a new claim of origin "disputed";
//  3. an agent object: "accused Hamas", "criticized UNIFIL" → that agent; with "of"
//     or "for" + a clause after it, the accusation is a claim of the disputer (origin
//     "accusation"), or the claim of an attribution whose cue is the verb; a
//     possessive agent before a number noun ("disputed the Health Ministry’s
//     figures") targets that agent and the agent's nearest claim with a quantity,
//     before the verb or else after it, when the text has one;
//  4. a clause object: "refused to ...", "their refusal to ...", "denied that ..." →
//     the claim of an attribution whose cue is the verb, else a new claim of origin
//     "disputed"; an agent named in it is the target agent.

var dispLex = func() map[string]graph.DisputeKind {
	m := map[string]graph.DisputeKind{}
	for _, f := range semLexRows("disputes.txt") {
		m[f[0]] = graph.DisputeKind(f[1])
	}
	return m
}()

// semSkipBeforeVerb are words between a subject and its verb.
var semSkipBeforeVerb = map[string]bool{
	"has": true, "have": true, "had": true, "does": true, "do": true, "did": true, "also": true, "already": true,
	"still": true, "not": true, "never": true, "long": true, "again": true, "been": true, "is": true, "are": true,
	"was": true, "were": true, "will": true, "would": true, "could": true, "may": true, "might": true,
	"to": true, "continues": true, "continued": true, "continue": true, "even": true, "previously": true,
}

// semAnaphorNouns are nouns that refer back to a claim; true for number nouns.
var semAnaphorNouns = map[string]bool{
	"figures": true, "figure": true, "numbers": true, "number": true, "toll": true, "count": true, "data": true,
	"estimates": true, "estimate": true, "statistics": true, "tally": true, "casualties": true,
	"claim": false, "claims": false, "report": false, "reports": false, "allegation": false, "allegations": false,
	"statement": false, "statements": false, "account": false, "accounts": false, "assertion": false,
	"assertions": false, "findings": false, "assessment": false, "charge": false, "charges": false, "accusation": false,
	"accusations": false, "characterization": false, "version": false,
}

var semAnaphorDets = map[string]bool{"these": true, "this": true, "those": true, "that": true, "the": true, "such": true, "its": true, "their": true}

type disputeFinder struct {
	d       *Document
	r       *speakerResolver
	sents   []Span
	byStart map[int][]int          // mention indexes by start
	byEnd   map[int][]int          // mention indexes by end
	claimIx map[string]int         // claim id → index in d.Claims
	byAttr  map[string]string      // attribution id → claim id
	cueAt   map[int]int            // code point inside a cue → attribution index
	cues    map[semDisputeKey]bool // cue spans and disputers of disputes emitted
	coord   []string               // disputers coordinated before the subject ("Egypt and")
	bySpk   map[string][]int       // speaker → indexes of d.Claims[:base] with quantities
	base    int                    // d.Claims[:base] were there before, in text order
	added   bool                   // mentions were appended (sorted again at the end)
}

// semMaxClauseWords bounds the clauses that disputes read, so that time stays linear
// on text without punctuation.
const semMaxClauseWords = 60

// semAddedLookback bounds how many claims added by disputes an anaphor looks at.
const semAddedLookback = 50

// findDisputes fills d.Disputes and adds the claims the disputes create.
func findDisputes(d *Document) {
	f := &disputeFinder{d: d, r: newSpeakerResolver(d), sents: semSentenceSpans(d), byStart: map[int][]int{},
		byEnd: map[int][]int{}, claimIx: map[string]int{}, byAttr: map[string]string{}, cueAt: map[int]int{}, cues: map[semDisputeKey]bool{}}
	for k, m := range d.Mentions {
		if m.Kind != MentionPronoun {
			f.byStart[m.Span.Start] = append(f.byStart[m.Span.Start], k)
			f.byEnd[m.Span.End] = append(f.byEnd[m.Span.End], k)
		}
	}
	sort.SliceStable(d.Claims, func(i, j int) bool { return d.Claims[i].Span.Start < d.Claims[j].Span.Start })
	f.base = len(d.Claims)
	for k := range d.Claims {
		f.index(k)
	}
	for k := range d.Attributions {
		for _, fr := range semFragments(d.Attributions[k].Cue) {
			for p := fr[0]; p < fr[1] && p-fr[0] < 64; p++ {
				if _, ok := f.cueAt[p]; !ok {
					f.cueAt[p] = k
				}
			}
		}
	}
	for si, s := range f.sents {
		if !semSpanHas(d, s, func(t *Token) bool { _, ok := dispLex[t.Lower]; return ok }) {
			continue
		}
		toks := f.r.tx.scan(s.Start, s.End)
		for i, t := range toks {
			kind, ok := dispLex[t.Lower]
			if !ok || t.Kind != 'w' {
				continue
			}
			f.at(si, toks, i, kind)
		}
	}
	sort.SliceStable(d.Claims, func(i, j int) bool { return d.Claims[i].Span.Start < d.Claims[j].Span.Start })
	if f.added {
		sortMentions(d)
	}
}

// mentionEndingAt returns the (longest) mention whose span ends at pos, possibly
// before a possessive ending.
func (f *disputeFinder) mentionEndingAt(pos int) *Mention {
	var best *Mention
	for _, end := range []int{pos, pos - 2} {
		for _, k := range f.byEnd[end] {
			m := &f.d.Mentions[k]
			if end != pos && !semIsApos(f.d.Runes[m.Span.End]) {
				continue
			}
			if best == nil || m.Span.Start < best.Span.Start {
				best = m
			}
		}
	}
	return best
}

// index records claim k in the finder's maps.
func (f *disputeFinder) index(k int) {
	c := &f.d.Claims[k]
	if _, ok := f.claimIx[c.ID]; !ok {
		f.claimIx[c.ID] = k
	}
	if c.Attribution != nil {
		if _, ok := f.byAttr[*c.Attribution]; !ok {
			f.byAttr[*c.Attribution] = c.ID
		}
	}
}

func (f *disputeFinder) hasClaim(id string) bool {
	_, ok := f.claimIx[id]
	return ok
}

// mentionStartingAt returns the longest mention that starts at pos.
func (f *disputeFinder) mentionStartingAt(pos int) *Mention {
	var best *Mention
	for _, k := range f.byStart[pos] {
		m := &f.d.Mentions[k]
		if best == nil || m.Span.End > best.Span.End {
			best = m
		}
	}
	return best
}

// subject finds the disputer of the verb at toks[i]; it returns the entity id and the
// index of the subject's first token (for relative clauses).
func (f *disputeFinder) subject(toks []semTok, i int) (string, int) {
	k := i - 1
	for {
		for k >= 0 && i-k <= 6 && toks[k].Kind == 'w' && (semSkipBeforeVerb[toks[k].Lower] || (strings.HasSuffix(toks[k].Lower, "ly") && toks[k].Text == toks[k].Lower)) {
			k--
		}
		if n := semTimeBefore(toks, k); n > 0 {
			k -= n
			continue
		}
		if n := semAsideBefore(toks, k); n > 0 {
			k -= n
			continue
		}
		break
	}
	if k < 0 {
		return "", -1
	}
	t := toks[k]
	if t.Kind != 'w' {
		return "", -1
	}
	if _, ok := pronLex[t.Lower]; ok {
		if id := f.r.resolvePronoun(t.Text, t.Start); id != "" {
			return id, k
		}
		return "", -1
	}
	if m := f.mentionEndingAt(t.End); m != nil {
		start := k
		for start > 0 && toks[start-1].Start >= m.Span.Start {
			start--
		}
		return m.Entity, start
	}
	if base, poss := semBase(t.Text); poss {
		if m := f.mentionEndingAt(t.Start + len([]rune(base))); m != nil {
			return m.Entity, k
		}
	}
	// "Critics rejected the report": a plural group noun without a name is a group
	if n, ok := entLex.groups[t.Lower]; ok && n == "plural" && (k == 0 || toks[k-1].Kind != 'w' || semDeterminers[toks[k-1].Lower]) {
		id := semAddEntity(f.d, t.Lower, graph.KindGroup)
		f.r.reindex()
		f.d.Mentions = append(f.d.Mentions, Mention{Entity: id, Span: semSpan(f.d.Runes, t.Start, t.End), Kind: MentionNominal})
		f.added = true
		return id, k
	}
	return "", -1
}

// semWeekdays and semMonths name days and months in time expressions.
var semWeekdays = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true}

var semMonths = map[string]bool{"january": true, "february": true, "march": true, "april": true, "may": true,
	"june": true, "july": true, "august": true, "september": true, "october": true, "november": true,
	"december": true, "jan.": true, "feb.": true, "mar.": true, "apr.": true, "jun.": true, "jul.": true,
	"aug.": true, "sep.": true, "sept.": true, "oct.": true, "nov.": true, "dec.": true}

// semTimeNouns end a time expression after "last", "this", "next", "earlier",
// "later" ("last week", "earlier this month").
var semTimeNouns = map[string]bool{"week": true, "month": true, "year": true, "weekend": true, "night": true,
	"morning": true, "afternoon": true, "evening": true, "day": true}

// semTimeBefore returns the number of tokens of a time expression that ends at token
// k and stands between a subject and its verb ("on Tuesday", "on Nov. 3", "last
// week", "earlier this month", "Tuesday night", "yesterday"), or 0.
func semTimeBefore(toks []semTok, k int) int {
	if k < 0 || (toks[k].Kind != 'w' && toks[k].Kind != 'n') {
		return 0
	}
	w := toks[k].Lower
	switch w {
	case "yesterday", "today", "tonight", "overnight":
		return 1
	}
	j := k // the first token of the expression
	switch {
	case semTimeNouns[w] && k >= 1 && semWeekdays[toks[k-1].Lower]:
		j = k - 1 // "Tuesday night"
	case semTimeNouns[w] || semWeekdays[w]:
	case toks[k].Kind == 'n' && k >= 1 && semMonths[toks[k-1].Lower] && len(toks[k].Text) <= 2:
		j = k - 1 // "Nov. 3"
	case semMonths[w] && semIsCap(toks[k].Text) && w != "may" && w != "march":
	default:
		return 0
	}
	if j < 0 {
		return 0
	}
	// what stands before it: "on", "last", "this", "earlier this", "late"
	if j >= 1 {
		switch toks[j-1].Lower {
		case "on", "late", "early":
			return k - j + 2
		case "last", "this", "next", "past":
			n := k - j + 2
			if j >= 2 && (toks[j-2].Lower == "earlier" || toks[j-2].Lower == "later") {
				n++
			}
			return n
		}
	}
	// a bare weekday ("Israel Tuesday disputed"), not a bare noun ("the week")
	if semWeekdays[toks[j].Lower] {
		return k - j + 1
	}
	return 0
}

// semAsideBefore returns the number of tokens of an aside between commas that ends at
// token k ("Israel, however, rejected", "Israel, in a statement, disputed"), or 0;
// an aside with a capitalized word is not skipped.
func semAsideBefore(toks []semTok, k int) int {
	if k < 2 || toks[k].Text != "," {
		return 0
	}
	for j := k - 1; j >= 1 && k-j <= 5; j-- {
		x := toks[j].Text
		if x == "," {
			if j == k-1 || toks[j-1].Kind != 'w' {
				return 0
			}
			return k - j + 1
		}
		if (toks[j].Kind != 'w' && toks[j].Kind != 'n') || semIsCap(toks[j].Text) {
			return 0 // not an aside that names someone ("He, like Donald Trump, has refused")
		}
	}
	return 0
}

// coordinated returns the entities coordinated before the subject whose first token
// is toks[start] ("Egypt and Qatar", "Egypt, Jordan and Qatar"), in text order.
func (f *disputeFinder) coordinated(toks []semTok, start int, subject string) []string {
	var out []string
	k := start - 1
	for n := 0; n < 4 && k >= 1; n++ {
		if toks[k].Lower != "and" && toks[k].Text != "," {
			break
		}
		m := f.mentionEndingAt(toks[k-1].End)
		if m == nil || m.Kind == MentionPronoun || m.Entity == subject {
			break
		}
		out = append(out, m.Entity)
		k--
		for k > 0 && toks[k-1].Start >= m.Span.Start {
			k--
		}
		k--
	}
	for a, b := 0, len(out)-1; a < b; a, b = a+1, b-1 {
		out[a], out[b] = out[b], out[a]
	}
	return out
}

// semDisputeKey identifies an emitted dispute: its verb and its disputer.
type semDisputeKey struct {
	start, end int
	disputer   string
}

// speakerClaim returns the claim of speaker with a quantity nearest before pos, else
// the first after it, or "".
func (f *disputeFinder) speakerClaim(speaker string, pos int) string {
	if f.bySpk == nil {
		f.bySpk = map[string][]int{}
		for k := 0; k < f.base; k++ {
			if c := &f.d.Claims[k]; c.Speaker != nil && len(c.Quantities) > 0 {
				f.bySpk[*c.Speaker] = append(f.bySpk[*c.Speaker], k)
			}
		}
	}
	ks := f.bySpk[speaker]
	n := sort.Search(len(ks), func(i int) bool { return f.d.Claims[ks[i]].Span.Start >= pos })
	for b := n - 1; b >= 0; b-- {
		if f.d.Claims[ks[b]].Span.End <= pos {
			return f.d.Claims[ks[b]].ID
		}
	}
	if n < len(ks) {
		return f.d.Claims[ks[n]].ID
	}
	return ""
}

// semDeterminers may stand before a bare group noun that is a disputer.
var semDeterminers = map[string]bool{"the": true, "some": true, "many": true, "most": true, "several": true, "other": true}

func (f *disputeFinder) at(si int, toks []semTok, i int, kind graph.DisputeKind) {
	d := f.d
	t := toks[i]
	sent := f.sents[si]
	var disputer string
	subjStart := -1
	objStart := i + 1
	f.coord = f.coord[:0]
	// passive: "is disputed by X"
	if i >= 1 && semStateAux[toks[i-1].Lower] && i+1 < len(toks) && toks[i+1].Lower == "by" {
		j := i + 2
		if j < len(toks) && toks[j].Lower == "the" {
			j++
		}
		if j < len(toks) {
			if m := f.mentionStartingAt(toks[j].Start); m != nil {
				disputer = m.Entity
			}
		}
		if disputer == "" {
			return
		}
		// the target is the subject before the auxiliary
		if tgt, _ := f.subject(toks, i-1); tgt != "" && tgt != disputer {
			f.emit(kind, disputer, nil, &tgt, t, sent)
			return
		}
		if cl := f.anaphor(toks, semClauseStart(toks, i), i-1, t.Start, si); cl != "" {
			f.emit(kind, disputer, &cl, nil, t, sent)
		}
		return
	}
	if disputer, subjStart = f.subject(toks, i); disputer == "" {
		return
	}
	f.coord = append(f.coord, f.coordinated(toks, subjStart, disputer)...)
	// rule 2: "X, a condition that Israel opposes"
	if subjStart >= 1 && (toks[subjStart-1].Lower == "that" || toks[subjStart-1].Lower == "which") {
		if cl := f.relative(toks, subjStart-1, t, disputer); cl != "" {
			f.emit(kind, disputer, &cl, nil, t, sent)
		}
		return
	}
	attr := f.attributionWithCue(t)
	// rule 1: anaphora in the object
	if cl := f.anaphor(toks, objStart, min(len(toks), objStart+3), t.Start, si); cl != "" {
		f.emit(kind, disputer, &cl, nil, t, sent)
		return
	}
	j := objStart
	if j < len(toks) && toks[j].Lower == "the" {
		j++
	}
	// rule 3: an agent object
	if j < len(toks) {
		if m := f.mentionStartingAt(toks[j].Start); m != nil && m.Entity != disputer {
			target := m.Entity
			k := j
			for k < len(toks) && toks[k].Start < m.Span.End {
				k++
			}
			var claim *string
			// "the Health Ministry’s figures": the agent's claim with a number
			if _, poss := semBase(toks[k-1].Text); poss {
				for n := k; n < len(toks) && n <= k+1; n++ {
					if semAnaphorNouns[toks[n].Lower] {
						if id := f.speakerClaim(target, t.Start); id != "" {
							claim = &id
						}
						break
					}
				}
			}
			if claim == nil && attr != nil {
				if id := f.claimOfAttribution(attr); id != "" {
					claim = &id
				}
			}
			if claim == nil && k < len(toks) && (toks[k].Lower == "of" || toks[k].Lower == "for" || toks[k].Lower == "over") && k+1 < len(toks) {
				end := semClauseEnd(toks, k+1)
				if end > k+1 {
					sp := Span{Start: m.Span.Start, End: toks[end-1].End, Fragments: [][2]int{{m.Span.Start, m.Span.End}, {toks[k+1].Start, toks[end-1].End}}}
					sp = semWithText(d.Runes, sp)
					dis := disputer
					id := f.addClaim(Claim{Text: sp.Text, Span: sp, Speaker: &dis, Origin: "accusation", Cue: semSpan(d.Runes, t.Start, t.End)})
					claim = &id
				}
			}
			f.emit(kind, disputer, claim, &target, t, sent)
			return
		}
	}
	// rule 4: a clause object
	if attr != nil {
		if id := f.claimOfAttribution(attr); id != "" {
			f.emit(kind, disputer, &id, f.firstAgentIn(attr.Content, disputer), t, sent)
			return
		}
	}
	if j < len(toks) && (toks[j].Lower == "to" || toks[j].Lower == "that") && j+1 < len(toks) {
		end := semClauseEnd(toks, j+1)
		if end > j+1 {
			sp := semWithText(d.Runes, Span{Start: toks[j+1].Start, End: toks[end-1].End})
			id := f.addClaim(Claim{Text: sp.Text, Span: sp, Origin: "disputed"})
			f.emit(kind, disputer, &id, f.firstAgentIn(sp, disputer), t, sent)
		}
	}
}

// semClauseEnd returns the index after the last token of the clause starting at j: up
// to a comma, semicolon, colon, dash, closing quote or the sentence end.
func semClauseEnd(toks []semTok, j int) int {
	k := j
	for k < len(toks) && k-j < semMaxClauseWords {
		x := toks[k].Text
		if x == "," || x == ";" || x == ":" || x == "." || x == "—" || x == "–" || x == "!" || x == "?" || x == "(" || toks[k].Kind == 'q' {
			break
		}
		k++
	}
	return k
}

// semClauseStart returns the first token of the clause that holds toks[i].
func semClauseStart(toks []semTok, i int) int {
	k := i
	for k > 0 && i-k < semMaxClauseWords {
		x := toks[k-1].Text
		if x == "," || x == ";" || x == ":" || x == "—" || x == "–" {
			break
		}
		k--
	}
	return k
}

// anaphor applies rule 1 to toks[from:to]: a determiner and an anaphoric noun.
func (f *disputeFinder) anaphor(toks []semTok, from, to, before, si int) string {
	for k := from; k+1 < len(toks) && k < to; k++ {
		if !semAnaphorDets[toks[k].Lower] {
			continue
		}
		// up to one adjective between: "these casualty figures"
		for n := k + 1; n <= k+2 && n < len(toks); n++ {
			numeric, ok := semAnaphorNouns[toks[n].Lower]
			if !ok {
				continue
			}
			return f.precedingClaim(before, si, numeric)
		}
	}
	return ""
}

// precedingClaim returns the nearest claim that ends before pos, starts at most three
// sentences back, and has a quantity when numeric.
func (f *disputeFinder) precedingClaim(pos, si int, numeric bool) string {
	minStart := f.sents[max(0, si-3)].Start
	best := -1
	// claims up to f.base are in text order; those added by disputes follow (only the
	// last semAddedLookback of them are considered)
	cs := f.d.Claims
	var ks []int
	from := sort.Search(f.base, func(i int) bool { return cs[i].Span.Start >= minStart })
	for k := from; k < f.base && cs[k].Span.Start <= pos; k++ {
		ks = append(ks, k)
	}
	for k := max(f.base, len(cs)-semAddedLookback); k < len(cs); k++ {
		ks = append(ks, k)
	}
	for _, k := range ks {
		c := &cs[k]
		if c.Span.End > pos || c.Span.Start < minStart || (numeric && len(c.Quantities) == 0) || c.Origin == "disputed" {
			continue
		}
		if best < 0 || c.Span.End > f.d.Claims[best].Span.End {
			best = k
		}
	}
	if best < 0 {
		return ""
	}
	return f.d.Claims[best].ID
}

// relative applies rule 2: "X, a condition that Israel opposes", toks[rel] being
// "that" or "which".
func (f *disputeFinder) relative(toks []semTok, rel int, verb semTok, disputer string) string {
	// the noun phrase before "that": back to a comma
	k := rel - 1
	for k >= 0 && toks[k].Text != "," && rel-k <= 4 {
		k--
	}
	if k < 0 || toks[k].Text != "," {
		// "the plan that Israel opposes": the noun phrase itself may be anaphoric
		return f.anaphor(toks, max(0, rel-3), rel, verb.Start, f.sentenceOf(verb.Start))
	}
	comma := k
	// the clause before the comma, back to "of", "to", "that" or a clause boundary
	s := comma - 1
	for s > 0 && comma-s < semMaxClauseWords {
		w := toks[s-1].Lower
		x := toks[s-1].Text
		if w == "of" || w == "that" || w == "whether" || x == "," || x == ";" || x == ":" || toks[s-1].Kind == 'q' {
			break
		}
		s--
	}
	if s < 0 || s >= comma {
		return ""
	}
	sp := semWithText(f.d.Runes, Span{Start: toks[s].Start, End: toks[comma-1].End})
	id := graph.ClaimID(sp.Text)
	if f.hasClaim(id) {
		return id
	}
	return f.addClaim(Claim{Text: sp.Text, Span: sp, Origin: "disputed"})
}

func (f *disputeFinder) sentenceOf(pos int) int {
	k := sort.Search(len(f.sents), func(i int) bool { return f.sents[i].End > pos })
	if k < len(f.sents) && f.sents[k].Start <= pos {
		return k
	}
	return 0
}

// attributionWithCue returns the attribution whose cue holds the verb, or nil.
func (f *disputeFinder) attributionWithCue(t semTok) *Attribution {
	k, ok := f.cueAt[t.Start]
	if !ok {
		return nil
	}
	a := &f.d.Attributions[k]
	for _, fr := range semFragments(a.Cue) {
		if t.Start >= fr[0] && t.End <= fr[1] {
			return a
		}
	}
	return nil
}

func (f *disputeFinder) claimOfAttribution(a *Attribution) string {
	if id, ok := f.byAttr[a.ID]; ok {
		return id
	}
	// a claim with the same text from an earlier attribution
	text := claimSpanOf(f.d.Runes, a.Content).Text
	if text == "" {
		return ""
	}
	if id := graph.ClaimID(text); f.hasClaim(id) {
		return id
	}
	return ""
}

// firstAgentIn returns the first entity other than the disputer mentioned in sp.
func (f *disputeFinder) firstAgentIn(sp Span, disputer string) *string {
	for _, m := range f.d.Mentions {
		if m.Kind == MentionPronoun || m.Entity == disputer {
			continue
		}
		if semInside(sp, m.Span.Start, m.Span.End) {
			id := m.Entity
			return &id
		}
	}
	return nil
}

// addClaim adds a claim (unless one with its text exists) and returns its id.
func (f *disputeFinder) addClaim(c Claim) string {
	c.Text = strings.TrimSpace(c.Text)
	c.ID = graph.ClaimID(c.Text)
	if f.hasClaim(c.ID) {
		return c.ID
	}
	c.Modality = string(modalityOfTx(f.r.tx, c.Span))
	c.Quantities = []Quantity{}
	if si := f.sentenceOf(c.Span.Start); si < len(f.sents) {
		s := f.sents[si]
		for _, q := range findQuantitiesTx(f.r.tx, s.Start, s.End) {
			if semInside(c.Span, q.Span.Start, q.Span.End) {
				c.Quantities = append(c.Quantities, q)
			}
		}
	}
	f.d.Claims = append(f.d.Claims, c)
	f.index(len(f.d.Claims) - 1)
	return c.ID
}

func (f *disputeFinder) emit(kind graph.DisputeKind, disputer string, claim, target *string, verb semTok, sent Span) {
	for _, c := range f.coord {
		f.emitOne(kind, c, claim, target, verb, sent)
	}
	f.emitOne(kind, disputer, claim, target, verb, sent)
}

func (f *disputeFinder) emitOne(kind graph.DisputeKind, disputer string, claim, target *string, verb semTok, sent Span) {
	if claim == nil && target == nil {
		return
	}
	if target != nil && *target == disputer {
		target = nil
		if claim == nil {
			return
		}
	}
	key := semDisputeKey{verb.Start, verb.End, disputer}
	if f.cues[key] {
		return
	}
	f.cues[key] = true
	f.d.Disputes = append(f.d.Disputes, Dispute{
		ID:       "d" + strconv.Itoa(len(f.d.Disputes)+1),
		Disputer: disputer,
		Claim:    claim,
		Target:   target,
		Cue:      semSpan(f.d.Runes, verb.Start, verb.End),
		Kind:     string(kind),
		Sentence: semContext(f.d.Runes, sent),
	})
}
