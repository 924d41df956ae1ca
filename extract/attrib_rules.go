package extract

import (
	_ "embed"
	"github.com/claimgraph/claimgraph/extract/lexicon"
	"os"
	"sort"
	"strings"
	"sync"

	"github.com/claimgraph/claimgraph/extract/internal/attribml"
)

// contentRule is a named rule that corrects the span boundaries the role tagger
// found; each has a test sentence in attrib_test.go (TestContentRules).
type contentRule struct {
	name  string
	apply func(d *Document, toks []attribml.Tok)
}

// contentRules run in this order after the spans are cleaned.
var contentRules = []contentRule{
	{"an inverted cue's source follows it", func(d *Document, _ []attribml.Tok) { invertedSource(d) }},
	{"a content does not reach back over a closed quotation's paragraph", noReachBackOverClosedQuote},
	{"a piece beginning inside a quotation begins at its mark", pieceStartsAtQuotationMark},
	{"passive agent", func(d *Document, _ []attribml.Tok) { splitPassiveAgent(d) }},
	{"closing by-phrase of a passive cue is its source", passiveClosingAgent},
	{"the subject of a raising cue is content", raisingSubject},
	{"the subject before a speech cue is its source", swallowedSubject}, // attrib_swallowed.go
	{"an addressee after the cue is not content", dropAddressee},
	{"an adjunct between the cue and that is not content", dropLeadingAdjunct},
	{"a name coordinated with the source is source", coordinatedSourceName},
	{"a name before an appositive source is source", nameBeforeAppositiveSource},
	{"a name before a relative aside and its cue is source", nameBeforeRelativeAside}, // attrib_relativeaside.go
	{"a participle clause after a postposed report is not its content", participleAfterPostposedReport},
	{"a passive participle inside another report's source is no report", dropPassiveInsideSource},
	{"the opening before a parenthetical source and cue is content", openingPhraseBeforeParenthetical},
	{"a following content extends to the boundary the ranker prefers", rankContentEnds}, // attrib_boundary.go
	{"a following content that stops inside a phrase runs on to the boundary the ranker prefers", extendMidPhraseEnds},
	{"a report inside an opening clause ends with the clause", endAtOpeningClause},
	{"a following content ends before a single dash", endBeforeSingleDash}, // attrib_dashend.go
	{"a content ending inside a quotation runs to its end", extendToQuoteEnd},
	{"a piece belongs to the nearest cue", releaseClaimedPieces},
	{"a content ends where a later report begins", releaseLaterContent},
	{"a content ends before a new sentence's quotation that has a cue of its own", endBeforeQuotationWithCue}, // attrib_quotecue.go
	{"a coordinated cue ends the first content", func(d *Document, _ []attribml.Tok) { endAtCoordinatedCue(d) }},
	{"a resumed quotation begins at its mark", resumedQuotationStartsAtMark},
	{"a quotation resumed after its cue's sentence is content", resumedQuoteIsContent},
	{"a quotation paragraph after a quoted report continues it", quotationParagraphContinues},
	{"a quotation run over paragraphs continues a quoted report", quotationRunContinues}, // attrib_quoterun.go
	{"leading connectives are dropped", dropLeadingConnectives},
	{"a judgment is no content", dropJudgments},       // attrib_judgment.go
	{"a recall of goods is no speech", dropGoodsCues}, // attrib_senses.go
	{"final period and dangling words are dropped", trimContentEnds},
	{"a closing bracket the content does not open is not content", dropUnopenedBracket}, // attrib_brackets.go
	{"a parenthetical cue takes the rest of the sentence", func(d *Document, _ []attribml.Tok) { parentheticalRest(d) }},
	{"the what of a free relative is content", whatOpensContent},             // attrib_freerelative.go
	{"the person asked is not content", dropQuestionAddressee},               // attrib_askaddressee.go
	{"an addressee after to is not content", dropToAddressee},                // attrib_askaddressee.go
	{"a cue takes the adverbs and auxiliaries before it", cueTakesAdverbs},   // attrib_cueadverbs.go
	{"a content ends before the writer's correction", endBeforeFactContrast}, // attrib_factcontrast.go
}

// skippedContentRules returns the names of the content rules that the environment
// variable CG_SKIP_CONTENT_RULES (names separated by "|") switches off: for measuring
// what each rule gains on a part of PolNeAR train kept out of training, never set in
// production.
var skippedContentRules = sync.OnceValue(func() map[string]bool {
	skip := map[string]bool{}
	for _, n := range strings.Split(os.Getenv("CG_SKIP_CONTENT_RULES"), "|") {
		if n = strings.TrimSpace(n); n != "" {
			skip[n] = true
		}
	}
	return skip
})

// finishAttributions sorts attributions into text order, gives them ids, and fills
// Kind (direct when the content lies inside quotation marks, mixed when only part of
// it does, reported otherwise).
func finishAttributions(d *Document, toks []attribml.Tok) {
	sort.SliceStable(d.Attributions, func(i, j int) bool {
		a, b := d.Attributions[i], d.Attributions[j]
		if a.Cue.Start != b.Cue.Start {
			return a.Cue.Start < b.Cue.Start
		}
		return a.Content.Start < b.Content.Start
	})
	cleanSpans(d)
	skip := skippedContentRules()
	for _, r := range contentRules {
		if !skip[r.name] {
			r.apply(d, toks)
		}
	}
	inheritSources(d)
	for i := range d.Attributions {
		a := &d.Attributions[i]
		a.ID = attributionID(i)
		a.Kind = contentKind(d, toks, a.Content)
	}
	findViaSpans(d)
}

func contentKind(d *Document, toks []attribml.Tok, sp Span) string {
	in, out := 0, 0
	frags := sp.Fragments
	if len(frags) == 0 {
		frags = [][2]int{{sp.Start, sp.End}}
	}
	for _, f := range frags {
		i := sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].Start >= f[0] })
		for ; i < len(d.Tokens) && d.Tokens[i].End <= f[1]; i++ {
			if d.Tokens[i].Kind == TokPunct || d.Tokens[i].Kind == TokQuote {
				continue
			}
			if toks[i].InQuote {
				in++
			} else {
				out++
			}
		}
	}
	switch {
	case in > 0 && out == 0:
		return "direct"
	case in > 0:
		return "mixed"
	}
	return "reported"
}

//go:embed lexicon/agencies.txt
var agenciesFile string

var (
	agencyOnce     sync.Once
	agencyNames    map[string][][]string // first token → token sequences
	agencyTriggers map[string]bool
)

func loadAgencies() {
	agencyNames = map[string][][]string{}
	agencyTriggers = map[string]bool{}
	for _, line := range strings.Split(agenciesFile, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if w, ok := strings.CutPrefix(line, "trigger "); ok {
			agencyTriggers[strings.TrimSpace(w)] = true
			continue
		}
		var words []string
		for _, t := range tokenize([]rune(line)) {
			words = append(words, t.Text)
		}
		agencyNames[words[0]] = append(agencyNames[words[0]], words)
	}
	for _, seqs := range agencyNames { // longest first
		sort.SliceStable(seqs, func(i, j int) bool { return len(seqs[i]) > len(seqs[j]) })
	}
}

// agencyAt returns the end token of the longest agency name starting at token i, or 0.
func agencyAt(tk []Token, i, end int) int {
	for _, seq := range agencyNames[tk[i].Text] {
		if i+len(seq) > end {
			continue
		}
		ok := true
		for k, w := range seq {
			if tk[i+k].Text != w {
				ok = false
				break
			}
		}
		if ok {
			return i + len(seq)
		}
	}
	return 0
}

// agencyWindow is how many tokens before an agency name a trigger may stand.
const agencyWindow = 5

// findViaSpans fills ViaSpans: agency names in the attribution's sentence that lie in
// its source span, or outside its content with a trigger word shortly before them.
func findViaSpans(d *Document) {
	agencyOnce.Do(loadAgencies)
	tk := d.Tokens
	for ai := range d.Attributions {
		a := &d.Attributions[ai]
		// look around the cue and the source only, so the cost per attribution is
		// bounded however long the sentence is
		from, to := a.Cue.Start, a.Cue.End
		if a.Source != nil {
			from, to = min(from, a.Source.Start), max(to, a.Source.End)
		}
		ci := sort.Search(len(tk), func(i int) bool { return tk[i].Start >= from })
		ce := sort.Search(len(tk), func(i int) bool { return tk[i].Start >= to })
		if ce-ci > 4*agencyWindow {
			continue // an implausibly long source: no agency spans
		}
		lo := max(ci-4*agencyWindow, sort.Search(len(tk), func(i int) bool { return tk[i].Start >= a.Sentence.Start }))
		hi := min(ce+4*agencyWindow, sort.Search(len(tk), func(i int) bool { return tk[i].Start >= a.Sentence.End }))
		for i := lo; i < hi; i++ {
			e := agencyAt(tk, i, hi)
			if e == 0 {
				continue
			}
			s := i
			if s > lo && tk[s-1].Lower == "the" {
				s--
			}
			sp := Span{Start: tk[s].Start, End: tk[e-1].End}
			inSource := a.Source != nil && sp.Start >= a.Source.Start && sp.End <= a.Source.End
			inContent := inSpan(a.Content, sp.Start) && !inSource
			trig := false
			for k := s - 1; k >= lo && k >= s-agencyWindow; k-- {
				if agencyTriggers[tk[k].Lower] {
					trig = true
					break
				}
			}
			if inSource || (trig && !inContent) {
				a.ViaSpans = append(a.ViaSpans, sp)
			}
			i = e - 1
		}
	}
}

// inSpan reports whether offset x lies in sp (in one of its fragments, if any).
func inSpan(sp Span, x int) bool {
	if len(sp.Fragments) == 0 {
		return x >= sp.Start && x < sp.End
	}
	for _, f := range sp.Fragments {
		if x >= f[0] && x < f[1] {
			return true
		}
	}
	return false
}

// inheritSources gives a participial cue after a comma ("The mayor defended the plan,
// saying it would create jobs") that came out without a source the source of the
// nearest earlier attribution in the same sentence: the participle's subject is the
// main clause's (in PolNeAR train, 145 of 148 "saying" cues have a source).
func inheritSources(d *Document) {
	tk := d.Tokens
	for i := range d.Attributions {
		a := &d.Attributions[i]
		if a.Source != nil {
			continue
		}
		ci := tokenFrom(d, a.Cue.Start)
		if ci == 0 || ci >= len(tk) || !strings.HasSuffix(tk[ci].Lower, "ing") || tk[ci-1].Text != "," {
			continue
		}
		for j := i - 1; j >= 0 && j >= i-8; j-- {
			p := &d.Attributions[j]
			if p.Sentence.Start != a.Sentence.Start || p.Sentence.End != a.Sentence.End {
				break
			}
			if p.Source != nil && p.Source.End <= a.Cue.Start {
				s := *p.Source
				a.Source = &s
				break
			}
		}
	}
}

// Words a source never starts or ends with in PolNeAR train (18,359 sources: "But" 4
// times, "while" 3, the trailing adverbs at most once each; "by" 11 times against 230
// sources right after "by"), but which the role tagger sometimes sweeps in: "But Megan
// Hester said", "she still says", "is considered a failure by Spencer".
var (
	sourceDropFirst = attributionWordClass("source_drop_first")
	sourceDropLast  = attributionWordClass("source_drop_last")
)

// cleanSpans trims sources of leading conjunctions and trailing adverbs and of edge
// punctuation, drops sources without any word, and drops an unbalanced bracket at
// either edge of a content ("that she has pneumonia)").
func cleanSpans(d *Document) {
	tk := d.Tokens
	tokRange := func(sp Span) (int, int) {
		i := tokenFrom(d, sp.Start)
		j := tokenFrom(d, sp.End)
		return i, j
	}
	for ai := range d.Attributions {
		a := &d.Attributions[ai]
		if a.Source != nil && len(a.Source.Fragments) == 0 {
			i, j := tokRange(*a.Source)
			for i < j && (sourceDropFirst[tk[i].Lower] || tk[i].Kind == TokPunct) {
				i++
			}
			for j > i && (sourceDropLast[tk[j-1].Lower] || tk[j-1].Text == ",") {
				j--
			}
			words := false
			for k := i; k < j; k++ {
				if tk[k].Kind == TokWord || tk[k].Kind == TokNumber {
					words = true
					break
				}
			}
			if !words {
				a.Source = nil
			} else {
				a.Source = &Span{Start: tk[i].Start, End: tk[j-1].End}
			}
		}
		if len(a.Content.Fragments) == 0 {
			i, j := tokRange(a.Content)
			if j-i > 1 {
				open, close := 0, 0
				for k := i; k < j; k++ {
					switch tk[k].Text {
					case "(", "[":
						open++
					case ")", "]":
						close++
					}
				}
				if close > open && (tk[j-1].Text == ")" || tk[j-1].Text == "]") {
					j--
				} else if open > close && (tk[i].Text == "(" || tk[i].Text == "[") {
					i++
				}
				a.Content = Span{Start: tk[i].Start, End: tk[j-1].End}
			}
		}
	}
}

// spanPieces returns a span's pieces: its fragments, or the span itself.
func spanPieces(sp Span) [][2]int {
	if len(sp.Fragments) > 0 {
		return sp.Fragments
	}
	return [][2]int{{sp.Start, sp.End}}
}

// spanFromPieces builds a span from sorted, non-empty pieces (Fragments only when
// there are several).
func spanFromPieces(ps [][2]int) Span {
	sp := Span{Start: ps[0][0], End: ps[len(ps)-1][1]}
	if len(ps) > 1 {
		sp.Fragments = ps
	}
	return sp
}

// nestedIn reports whether attribution b lies inside a's content: its cue is in a's
// content ("X said that Y said Z": Y's attribution is part of what X said), in the
// same sentence as a's cue or inside quotation marks. A cue outside quotation marks
// in a later sentence ("He added that X. “Y,” he advised.") starts a new report that
// a's content ran on over by mistake.
func nestedIn(d *Document, toks []attribml.Tok, b, a *Attribution) bool {
	if !inSpan(a.Content, b.Cue.Start) {
		return false
	}
	k := tokenAt(d, b.Cue.Start)
	return toks[k].InQuote || sentenceAt(d, b.Cue.Start) == sentenceAt(d, a.Cue.Start)
}

// tokenAt returns the index of the first token starting at or after offset x.
func tokenAt(d *Document, x int) int {
	return min(tokenFrom(d, x), len(d.Tokens)-1)
}

// tokenFrom returns the index of the first token starting at or after offset x,
// len(d.Tokens) when there is none: the end of a token range.
func tokenFrom(d *Document, x int) int {
	return sort.Search(len(d.Tokens), func(k int) bool { return d.Tokens[k].Start >= x })
}

// startFirstPieceAt returns a content's pieces with the first one starting at start
// (a content rule that drops the words before start: "falsely, that ..." → "that ...").
func startFirstPieceAt(ps [][2]int, start int) [][2]int {
	return append([][2]int{{start, ps[0][1]}}, ps[1:]...)
}

// sentenceAt returns the index of the sentence holding offset x.
func sentenceAt(d *Document, x int) int {
	return sort.Search(len(d.Sentences), func(k int) bool { return d.Sentences[k].End > x })
}

// cuesWithin returns the index range [lo, hi) of the attributions (sorted by cue) whose
// cue starts inside sp: the attributions that may compete with one whose context is
// sp, found in logarithmic time so that the content rules stay linear in the text.
func cuesWithin(as []Attribution, sp Span) (int, int) {
	lo := sort.Search(len(as), func(k int) bool { return as[k].Cue.Start >= sp.Start })
	hi := sort.Search(len(as), func(k int) bool { return as[k].Cue.Start >= sp.End })
	return lo, hi
}

// sentencePenalty is the distance cueDistance adds per sentence boundary between a
// cue and a piece: a cue in the piece's own sentence is always nearer.
const sentencePenalty = 1 << 20

// cueDistance is how far the piece p lies from the cue in code points (0 when they
// touch), plus sentencePenalty for each sentence boundary between them.
func cueDistance(d *Document, cue Span, p [2]int) int {
	dist := 0
	switch {
	case p[0] >= cue.End:
		dist = p[0] - cue.End
	case p[1] <= cue.Start:
		dist = cue.Start - p[1]
	}
	sc, sp := sentenceAt(d, cue.Start), sentenceAt(d, p[0])
	return dist + sentencePenalty*max(sc-sp, sp-sc)
}

// overlaps reports whether the piece p shares a code point with sp.
func overlaps(sp Span, p [2]int) bool {
	for _, q := range spanPieces(sp) {
		if max(q[0], p[0]) < min(q[1], p[1]) {
			return true
		}
	}
	return false
}

// claimedCloser reports whether another attribution than a, neither nested in a's
// content nor holding a's cue in its own, claims the piece p with a cue closer to it
// than a's cue.
func claimedCloser(d *Document, toks []attribml.Tok, ai int, p [2]int) bool {
	as := d.Attributions
	a := &as[ai]
	da := cueDistance(d, a.Cue, p)
	lo, hi := cuesWithin(as, a.Sentence)
	for j := lo; j < hi; j++ {
		b := &as[j]
		if j == ai || nestedIn(d, toks, b, a) || nestedIn(d, toks, a, b) || !overlaps(b.Content, p) {
			continue
		}
		if cueDistance(d, b.Cue, p) < da {
			return true
		}
	}
	return false
}

// releaseClaimedPieces implements the rule that a piece of content belongs to the
// nearest cue: a piece of a discontinuous content that another attribution's content
// also holds, with that attribution's cue closer to the piece, is dropped. It undoes
// the tagger's habit of running a content on over the next quotation and its own cue:
// "“X,” she said. “Y,” she said." (each cue takes its own quotation), "I told her that
// X. “Y,” I confessed.". A content keeps at least one piece.
func releaseClaimedPieces(d *Document, toks []attribml.Tok) {
	as := d.Attributions
	for i := range as {
		ps := spanPieces(as[i].Content)
		if len(ps) < 2 {
			continue
		}
		var keep [][2]int
		for _, p := range ps {
			if !claimedCloser(d, toks, i, p) {
				keep = append(keep, p)
			}
		}
		if len(keep) > 0 && len(keep) < len(ps) {
			as[i].Content = spanFromPieces(keep)
		}
	}
}

// releaseLaterContent ends a content where a later attribution's content begins: when
// an attribution b whose cue comes after a's cue, neither nested in a's content nor
// holding a's cue in its own, has a content that starts inside a's content after a's
// cue, a's content is cut there. "I told her that X. “Y,” I confessed." gives "told"
// X only. a keeps at least one word after its cue, or is left unchanged.
func releaseLaterContent(d *Document, toks []attribml.Tok) {
	as := d.Attributions
	for i := range as {
		a := &as[i]
		lo, hi := cuesWithin(as, a.Sentence)
		for j := lo; j < hi; j++ {
			b := &as[j]
			if i == j || b.Cue.Start < a.Cue.End || nestedIn(d, toks, b, a) || nestedIn(d, toks, a, b) {
				continue
			}
			cut := b.Content.Start
			if cut <= a.Cue.End || cut >= a.Content.End || lastWordStart(d, a.Content, cut) < 0 {
				continue
			}
			if sp, ok := cutContent(d, a.Content, a.Cue.End, cut); ok {
				a.Content = sp
			}
		}
	}
}

// lastWordStart returns the start of the last word of sp that begins at or after
// from, or -1: the overlap test of releaseLaterContent.
func lastWordStart(d *Document, sp Span, from int) int {
	tk := d.Tokens
	i := tokenFrom(d, from)
	for ; i < len(tk) && tk[i].Start < sp.End; i++ {
		if (tk[i].Kind == TokWord || tk[i].Kind == TokNumber) && inSpan(sp, tk[i].Start) {
			return tk[i].Start
		}
	}
	return -1
}

// cutContent returns content without everything from cut on, its end trimmed of
// spaces and of commas, dashes and opening quotation marks left hanging; ok is false
// when no word of the content would remain, or none after the cue (at cueEnd) when
// the content lay only after it.
func cutContent(d *Document, content Span, cueEnd, cut int) (Span, bool) {
	var keep [][2]int
	for _, p := range spanPieces(content) {
		if p[0] >= cut {
			break
		}
		if e := trimPieceEnd(d, p[0], min(p[1], cut)); e > p[0] {
			keep = append(keep, [2]int{p[0], e})
		}
	}
	if len(keep) == 0 {
		return content, false
	}
	sp := spanFromPieces(keep)
	from := sp.Start
	if content.Start >= cueEnd {
		from = cueEnd
	}
	if lastWordStart(d, sp, from) < 0 {
		return content, false
	}
	return sp, true
}

// trimPieceEnd moves the end e of the piece [s, e) back over trailing spaces and
// over commas, semicolons, dashes and opening quotation marks.
func trimPieceEnd(d *Document, s, e int) int {
	for e > s {
		switch r := d.Runes[e-1]; {
		case r == ' ' || r == '\n' || r == '\t' || r == ',' || r == ';' || r == '\u2014' || r == '\u2013' || r == '-' || r == '\u201c' || r == '(':
			e--
		default:
			return e
		}
	}
	return e
}

// coordinationStart returns the offset where a coordination opening the cue at token
// k begins — "and" or "but" right before it (after an optional comma and adverb: ",
// and also said"), or the comma before a participle cue (", adding that") — or -1.
func coordinationStart(tk []Token, k int) int {
	j := k - 1
	if j >= 0 && sourceDropLast[tk[j].Lower] {
		j-- // "and also said", "but later told"
	}
	if j < 0 {
		return -1
	}
	switch {
	case tk[j].Lower == "and" || tk[j].Lower == "but":
		if j > 0 && tk[j-1].Text == "," {
			j--
		}
		return tk[j].Start
	case tk[j].Text == "," && j == k-1 && strings.HasSuffix(tk[k].Lower, "ing"):
		return tk[j].Start
	case j == k-1 && j > 0 && closingQuoteMark(tk[j]) && tk[j-1].Text == "," && strings.HasSuffix(tk[k].Lower, "ing"):
		return tk[j].End // `called it “maniacal,” adding that …`: the quotation closes before the participle
	}
	return -1
}

// closingQuoteMark reports whether t is a quotation mark that can close a quotation
// (not “ or ‘, which only open one).
func closingQuoteMark(t Token) bool {
	return t.Kind == TokQuote && t.Text != "“" && t.Text != "‘"
}

// endAtCoordinatedCue ends a content where a second cue coordinated with the first
// begins: "He said X and said that Y", "announced that X and vowed to Y", "called it X,
// adding that Y" give X as the first cue's content. The second cue must stand inside
// the first content, right after "and", "but" or a comma (participle), and have no
// source of its own inside that content (else it is a nested report: "said that
// officials denied Y").
func endAtCoordinatedCue(d *Document) {
	tk := d.Tokens
	as := d.Attributions
	for i := range as {
		a := &as[i]
		lo, hi := cuesWithin(as, a.Sentence)
		for j := lo; j < hi; j++ {
			b := &as[j]
			if j == i || b.Cue.Start <= a.Cue.End || !inSpan(a.Content, b.Cue.Start) {
				continue
			}
			if b.Source != nil && inSpan(a.Content, b.Source.Start) {
				continue
			}
			k := sort.Search(len(tk), func(x int) bool { return tk[x].Start >= b.Cue.Start })
			cut := coordinationStart(tk, k)
			if cut < a.Cue.End || cut <= a.Content.Start {
				continue
			}
			if sp, ok := cutContent(d, a.Content, a.Cue.End, cut); ok {
				a.Content = sp
				break
			}
		}
	}
}

// Connectives that link a sentence to the one before and that PolNeAR leaves out of a
// content they open ("But HarperCollins declined…, according to…", "Still, almost two
// in three voters…, according to…", "acknowledged, however, “…”"): coordinators
// dropped on their own, adverbs only with the comma that follows them.
var (
	leadingCoordinators = attributionWordClass("leading_coordinator")
	leadingAdverbs      = attributionWordClass("leading_adverb")
	leadingPhrases      = [][2]string{{"in", "contrast"}, {"by", "contrast"}, {"in", "addition"}, {"of", "course"}, {"for", "example"}, {"for", "instance"}}
)

// connectiveEnd returns the index of the first token after a connective that opens a
// content at token i (and its comma), or i when there is none. Quoted words are never
// dropped: they are the speaker's own.
func connectiveEnd(tk []Token, toks []attribml.Tok, i, end int) int {
	if i >= end || toks[i].InQuote {
		return i
	}
	w := tk[i].Lower
	comma := func(k int) int {
		if k < end && tk[k].Text == "," {
			return k + 1
		}
		return -1
	}
	if leadingCoordinators[w] && i+1 < end && tk[i+1].Text != "," {
		return i + 1
	}
	if leadingAdverbs[w] {
		if k := comma(i + 1); k > 0 {
			return k
		}
	}
	for _, p := range leadingPhrases {
		if w == p[0] && i+1 < end && tk[i+1].Lower == p[1] {
			if k := comma(i + 2); k > 0 {
				return k
			}
		}
	}
	return i
}

// dropLeadingConnectives removes a connective from the start of every content (see
// connectiveEnd), keeping at least one word.
func dropLeadingConnectives(d *Document, toks []attribml.Tok) {
	tk := d.Tokens
	for ai := range d.Attributions {
		a := &d.Attributions[ai]
		ps := spanPieces(a.Content)
		i := tokenFrom(d, ps[0][0])
		end := tokenFrom(d, ps[0][1])
		k := connectiveEnd(tk, toks, i, end)
		if k == i || k >= end {
			continue
		}
		ps = startFirstPieceAt(ps, tk[k].Start)
		a.Content = spanFromPieces(ps)
	}
}

// danglingEnds are words a content practically never ends with (in PolNeAR train at
// most once each in 22,525 gold contents; "as", "in", "on", "to", "for", "with" do end
// some, as particles or objects left out), but which the role tagger sometimes
// leaves at the end of one ("... the first", "... and").
var danglingEnds = lexicon.Set("dangling_ends.txt") // lexicon/dangling_ends.txt

// trimContentEnds drops from the end of every content a sentence-final period, comma
// or semicolon outside quotation marks (PolNeAR leaves the period of a reported
// statement out: 3,189 times against 35 in 300 train files) and dangling function
// words, keeping at least one word.
func trimContentEnds(d *Document, toks []attribml.Tok) {
	tk := d.Tokens
	for ai := range d.Attributions {
		a := &d.Attributions[ai]
		ps := spanPieces(a.Content)
		last := ps[len(ps)-1]
		i := tokenFrom(d, last[0])
		j := tokenFrom(d, last[1])
		for j-1 > i && !toks[j-1].InQuote && (trimmableEnd(tk[j-1]) || tk[j-1].Lower == "as" && tk[j-2].Text == ",") {
			j-- // ", as" opens a clause that is not part of the content
		}
		if end := tk[j-1].End; end != last[1] {
			ps = append(append([][2]int(nil), ps[:len(ps)-1]...), [2]int{last[0], end})
			a.Content = spanFromPieces(ps)
		}
	}
}

func trimmableEnd(t Token) bool {
	switch t.Text {
	case ".", ",", ";":
		return true
	}
	return danglingEnds[t.Lower]
}

// maxAgentWords bounds the agent of a passive cue in splitPassiveAgent.
const maxAgentWords = 6

// splitPassiveAgent handles a passive cue whose content came out starting with the
// agent: in "described by U.S. officials as an enforcement force" (also "called",
// "labelled", "seen by X as Y") the words between "by" and "as" are the source and
// what follows "as" the content. Only when no source was found.
func splitPassiveAgent(d *Document) {
	tk := d.Tokens
	for ai := range d.Attributions {
		a := &d.Attributions[ai]
		if a.Source != nil || len(a.Content.Fragments) > 0 {
			continue
		}
		i := tokenAt(d, a.Content.Start)
		if tk[i].Lower != "by" || tk[i].Start != a.Content.Start || i+2 >= len(tk) {
			continue
		}
		for k := i + 2; k < len(tk) && k <= i+1+maxAgentWords && tk[k].End < a.Content.End; k++ {
			if tk[k].Kind == TokPunct {
				break
			}
			if tk[k].Lower == "as" {
				a.Source = &Span{Start: tk[i+1].Start, End: tk[k-1].End}
				a.Content = Span{Start: tk[k+1].Start, End: a.Content.End}
				break
			}
		}
	}
}

// maxInvertedSourceWords bounds the source that follows an inverted cue.
const maxInvertedSourceWords = 8

// invertedSource applies the rule "an inverted cue's source follows it": in "CONTENT,
// said ministry official Jane Roe." the verb comes before its subject, which ends the
// sentence; where the tagger took that subject for the content (and the start of the
// sentence for the source, or none), the roles are put right. It applies when a say
// verb (lexical_cues.txt say_verb) alone is the cue, a comma stands right before it,
// the content starts right after it (alone, or after a piece before the comma), and
// the rest of the sentence up to its final
// period is at most maxInvertedSourceWords words without a comma or quotation mark
// that end in a capitalized name (an acronym in parentheses may follow it: "said the
// State Election Commission (SEC).") or in a lowercase title, group or spokesperson
// noun; the content becomes the sentence before the comma (three words or more,
// unquoted).
func invertedSource(d *Document) {
	tk := d.Tokens
	for ai := range d.Attributions {
		a := &d.Attributions[ai]
		ps := spanPieces(a.Content)
		if len(ps) > 2 || len(ps) == 2 && ps[0][1] > a.Cue.Start || a.Cue.End <= a.Cue.Start {
			continue // the content is one piece, or the sentence before the cue and one after it
		}
		after := ps[len(ps)-1]
		c := tokenFrom(d, a.Cue.Start)
		if c < 1 || c+1 >= len(tk) || tk[c].End != a.Cue.End || !cueSayVerbs[tk[c].Lower] || tk[c-1].Text != "," || tk[c+1].Start != after[0] {
			continue
		}
		si := sentenceAt(d, a.Cue.Start)
		if si >= len(d.Sentences) {
			continue
		}
		sent := d.Sentences[si]
		last := sent.Last - 1
		if last > c && tk[last].Text == "." {
			last--
		}
		if last <= c || last-c > maxInvertedSourceWords+3 || after[1] > tk[last].End+1 {
			continue
		}
		// "said the State Election Commission (SEC).": an acronym in parentheses closes the name
		end := last
		if last-3 > c && tk[last].Text == ")" && tk[last-2].Text == "(" && isAcronym(tk[last-1].Text) {
			last -= 3
		}
		if last-c > maxInvertedSourceWords {
			continue
		}
		ok := true
		for k := c + 1; k <= last; k++ {
			if tk[k].Kind == TokPunct && tk[k].Text != "." && tk[k].Text != "-" || tk[k].Kind == TokQuote {
				ok = false
				break
			}
		}
		head := tk[last]
		_, group := entityWords.groups[head.Lower]
		named := head.Text != head.Lower && isCapitalized(head.Text)
		if !ok || !(named || group || entityWords.titles[head.Lower] || spokespersonNouns[head.Lower]) {
			continue
		}
		first := sent.First
		for first < c-1 && tk[first].Kind != TokWord && tk[first].Kind != TokNumber {
			first++
		}
		words := 0
		for k := first; k < c-1; k++ {
			if tk[k].Kind == TokQuote {
				ok = false
			}
			if tk[k].Kind == TokWord || tk[k].Kind == TokNumber {
				words++
			}
		}
		if !ok || words < 3 {
			continue
		}
		a.Source = &Span{Start: tk[c+1].Start, End: tk[end].End}
		a.Content = Span{Start: tk[first].Start, End: tk[c-2].End}
	}
}

// parentheticalRest applies the rule "a parenthetical cue takes the rest of the
// sentence": in "Following the attacks, Ryder said, the assessment is that ..." the
// tagger gives the part before the source only; the part after the comma that closes
// the cue is reported speech too. It applies when the source stands between two
// commas right before the cue, the content ends before the source, and the rest of
// the sentence (three words or more, no quotation mark) lies in no other attribution.
func parentheticalRest(d *Document) {
	tx := scanTextOf(d)
	for i := range d.Attributions {
		a := &d.Attributions[i]
		if a.Source == nil || a.Content.End > a.Source.Start || len(a.Content.Fragments) > 0 {
			continue
		}
		si := sentenceAt(d, a.Cue.Start)
		if si >= len(d.Sentences) {
			continue
		}
		sent := d.Sentences[si]
		if a.Source.Start-a.Content.End > 3 || sent.End-sent.Start > maxLexicalSentence {
			continue
		}
		before := tx.scan(a.Content.End, a.Source.Start)
		after := tx.scan(a.Cue.End, sent.End)
		if len(before) != 1 || before[0].Text != "," || len(after) < 4 || after[0].Text != "," {
			continue
		}
		last, words := -1, 0
		for k := 1; k < len(after); k++ {
			if after[k].Kind == 'q' {
				words = -1
				break
			}
			if after[k].Kind == 'w' || after[k].Kind == 'n' {
				last = k
				words++
			}
		}
		if words < 3 {
			continue
		}
		rest := [2]int{after[1].Start, after[last].End}
		if restClaimed(d, i, rest) {
			continue
		}
		a.Content = Span{Start: a.Content.Start, End: rest[1], Fragments: [][2]int{{a.Content.Start, a.Content.End}, rest}}
	}
}

// restClaimed reports whether a cue or content of an attribution other than the i-th
// overlaps p.
func restClaimed(d *Document, i int, p [2]int) bool {
	for j := range d.Attributions {
		if j == i {
			continue
		}
		b := &d.Attributions[j]
		if overlaps(b.Cue, p) || overlaps(b.Content, p) {
			return true
		}
	}
	return false
}
