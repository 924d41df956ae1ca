package extract

import (
	"sort"
	"strings"

	"github.com/claimgraph/claimgraph/extract/internal/attribml"
	"github.com/claimgraph/claimgraph/extract/lexicon"
)

// Content-boundary rules added to contentRules (attrib_rules.go), each with its
// fixture file testdata/rules/content/NAME.json.

// beForms are the forms of "be" that make a passive cue.
var beForms = lexicon.Set("be_forms.txt") // lexicon/be_forms.txt

// maxClosingAgentWords bounds the agent of a passive cue in passiveClosingAgent.
const maxClosingAgentWords = 6

// isParticiple reports whether a lowercased word looks like a past participle: a
// regular one (-ed) or an irregular one (-en, or an irregular past such as "said",
// "told", "thought").
func isParticiple(w string) bool {
	return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en") || irregularPast[w]
}

// passiveCue reports whether the cue at tokens [a, b) is a passive: a past participle
// in the cue right after a form of "be" (in the cue or just before it, an adverb
// allowed between): "is considered", "was widely seen", "has been described".
func passiveCue(tk []Token, a, b int) bool {
	for k := a; k < b; k++ {
		if !isParticiple(tk[k].Lower) {
			continue
		}
		j := k - 1
		if j >= 0 && strings.HasSuffix(tk[j].Lower, "ly") {
			j--
		}
		if j >= 0 && j >= a-1 && beForms[tk[j].Lower] {
			return true
		}
	}
	return false
}

// agentNouns are the lowercase heads a passive cue's agent may have: group nouns
// ("experts", "members") and titles ("the senator").
var agentNouns = func() map[string]bool {
	m := lexicon.Set("groups.txt")
	for _, r := range lexicon.Rows("titles.txt") {
		w := strings.Fields(strings.ToLower(r[0]))
		m[strings.TrimSuffix(w[len(w)-1], ".")] = true
	}
	return m
}()

// agentHead reports whether token t can end the agent of a passive cue: a name (a
// capitalized word that is not a month or weekday: "by Friday" is a time) or an
// agent noun. Numbers never are ("by 2020", "by 5 percent").
func agentHead(t Token) bool {
	if t.Kind != TokWord {
		return false
	}
	if isCapitalized(t.Text) {
		return !calendarWords[t.Lower]
	}
	return agentNouns[t.Lower]
}

// closingAgent returns the token range [by+1, e) of a by-phrase that closes the
// content piece at tokens [s, e) — "by" and a short noun phrase with an agent head
// that ends the piece — or by = -1. A "by" right after a participle that follows the
// cue (at token cb) belongs to the content's own passive ("a bill written by
// lobbyists") and is not taken.
func closingAgent(tk []Token, s, e, cb int) int {
	for k := e - 1; k > s && k >= e-1-maxClosingAgentWords; k-- {
		if tk[k].Kind == TokPunct || tk[k].Kind == TokQuote || tk[k].Kind == TokNumber {
			return -1
		}
		if tk[k].Lower != "by" {
			continue
		}
		if k+1 >= e || !agentHead(tk[e-1]) || k-1 >= cb && isParticiple(tk[k-1].Lower) {
			return -1
		}
		return k
	}
	return -1
}

// passiveClosingAgent implements the rule that a passive cue's closing by-phrase is
// its source: "The plan is considered a failure by Spencer." — the tagger sometimes
// reads "by Spencer" as part of the content, and the subject ("The plan") as the
// source. When an attribution has a passive cue and its content, after the cue, ends
// with "by" and a short noun phrase headed by a name or an agent noun (no comma, at
// most maxClosingAgentWords words) that closes the sentence or clause, the noun phrase
// becomes the source and the content ends before "by". A source found before the cue
// is the passive's subject, what is said about it: it joins the content. A source
// found elsewhere is kept and the rule does not apply.
func passiveClosingAgent(d *Document, _ []attribml.Tok) {
	tk := d.Tokens
	for ai := range d.Attributions {
		a := &d.Attributions[ai]
		if a.Source != nil && a.Source.End > a.Cue.Start {
			continue
		}
		ca, cb := tokenAt(d, a.Cue.Start), tokenFrom(d, a.Cue.End)
		ps := spanPieces(a.Content)
		last := ps[len(ps)-1]
		if last[0] < a.Cue.End || !passiveCue(tk, ca, cb) {
			continue
		}
		s := tokenAt(d, last[0])
		e := tokenFrom(d, last[1])
		for e > s && (tk[e-1].Text == "." || tk[e-1].Text == ",") {
			e--
		}
		if e < len(tk) && tk[e].Kind != TokPunct {
			continue // the content stops inside a clause
		}
		by := closingAgent(tk, s, e, cb)
		if by < 0 {
			continue
		}
		end := trimPieceEnd(d, last[0], tk[by].Start)
		if end <= last[0] {
			continue
		}
		ps = append(append([][2]int(nil), ps[:len(ps)-1]...), [2]int{last[0], end})
		if a.Source != nil && !overlaps(spanFromPieces(ps), [2]int{a.Source.Start, a.Source.End}) {
			ps = append(ps, [2]int{a.Source.Start, a.Source.End})
			sort.Slice(ps, func(i, j int) bool { return ps[i][0] < ps[j][0] })
		}
		a.Content = spanFromPieces(ps)
		a.Source = &Span{Start: tk[by+1].Start, End: tk[e-1].End}
	}
}

// addresseeVerbs are the cue verbs whose addressee stands before what is said and is
// not part of the content ("told reporters that ...").
var addresseeVerbs = lexicon.Set("addressee_verbs.txt") // lexicon/addressee_verbs.txt

// maxAddresseeWords bounds the addressee skipped by addresseeEnd ("a crowded banquet
// hall at a hotel in downtown Baltimore on Saturday" is 12 words).
const maxAddresseeWords = 14

// Words that open what is said after an addressee: a complementizer or question word
// ("told reporters that", "asked Sanders how"), or a subject pronoun of a clause
// without "that" ("assured voters he was"). "to" is not one: "told his advisers to
// figure out" is annotated with the addressee, as an order.
var (
	complementOpeners = attributionWordClass("complement_opener")
	subjectPronouns   = attributionWordClass("subject_pronoun")
)

// subjectPronoun reports whether a lowercased word is a subject pronoun, alone or
// contracted ("he'd", "they’re").
func subjectPronoun(w string) bool {
	if i := strings.IndexAny(w, "'\u2019"); i > 0 {
		w = w[:i]
	}
	return subjectPronouns[w]
}

// addresseeEnd returns the token where what is said begins when a content starting at
// token i (up to token end) opens with an addressee: the first complement opener,
// subject pronoun, colon (skipped) or quotation mark after at least one word, within
// maxAddresseeWords words and before any other punctuation. It returns -1 when the
// content does not open with an addressee.
func addresseeEnd(tk []Token, toks []attribml.Tok, i, end int) int {
	if i >= end || toks[i].InQuote || tk[i].Kind != TokWord || complementOpeners[tk[i].Lower] || subjectPronoun(tk[i].Lower) {
		return -1
	}
	for k := i + 1; k < end && k <= i+maxAddresseeWords; k++ {
		t := tk[k]
		switch {
		case t.Kind == TokQuote:
			return k
		case t.Text == ":":
			return k + 1
		case t.Kind == TokPunct:
			return -1
		case t.Kind == TokWord && (complementOpeners[t.Lower] || subjectPronoun(t.Lower)):
			return k
		}
	}
	return -1
}

// dropAddressee implements the rule that an addressee after the cue is not content:
// "Carson told a crowded hall in Baltimore that he is not giving up" gives "that he
// is not giving up", for the cue verbs of lexicon/addressee_verbs.txt when the content
// begins right after the cue.
func dropAddressee(d *Document, toks []attribml.Tok) {
	tk := d.Tokens
	for ai := range d.Attributions {
		a := &d.Attributions[ai]
		cb := tokenFrom(d, a.Cue.End)
		if cb == 0 || cb >= len(tk) || !addresseeVerbs[tk[cb-1].Lower] || tk[cb].Start != a.Content.Start {
			continue
		}
		ps := spanPieces(a.Content)
		end := tokenFrom(d, ps[0][1])
		k := addresseeEnd(tk, toks, cb, end)
		if k < 0 || k >= end {
			continue
		}
		ps = startFirstPieceAt(ps, tk[k].Start)
		a.Content = spanFromPieces(ps)
	}
}

// quoteRunsTo returns the last token of the quotation that the word at token j lies
// in when the quotation goes on after j in the same paragraph: its closing mark, or
// the paragraph's last quoted token when news style leaves the mark off. It returns j
// when j is not a quoted word.
func quoteRunsTo(toks []attribml.Tok, j int) int {
	if !toks[j].InQuote || toks[j].Kind == attribml.KindQuote {
		return j
	}
	k := j
	for k+1 < len(toks) && toks[k+1].InQuote && toks[k+1].Para == toks[j].Para {
		k++
		if toks[k].Kind == attribml.KindQuote && (toks[k].Closes || k+1 == len(toks) || !toks[k+1].InQuote) {
			break // the closing mark (curly, or a straight mark after which the quotation is shut)
		}
	}
	return k
}

// extendToQuoteEnd implements the rule that a content ending inside a quotation runs
// on to the quotation's end: the tagger sometimes stops a long quotation at a sentence
// or clause inside it ("“Oil pays him a lot of money⟧. He’s got to be for oil,
// right?”"). When the last word of a content outside its cue's own quotation lies
// inside a quotation that goes on in the same paragraph, and no other attribution's
// cue stands in the rest of the quotation, the content is extended to its closing
// mark. A content that leaves out only the closing punctuation is left as it is.
func extendToQuoteEnd(d *Document, toks []attribml.Tok) {
	tk := d.Tokens
	as := d.Attributions
	for ai := range as {
		a := &as[ai]
		ca := tokenAt(d, a.Cue.Start)
		if toks[ca].InQuote {
			continue // a report quoted by another speaker
		}
		ps := spanPieces(a.Content)
		last := ps[len(ps)-1]
		j := tokenFrom(d, last[1]) - 1
		for j > 0 && tk[j].Kind == TokPunct && tk[j].Start >= last[0] {
			j-- // the content's closing punctuation is not its last word
		}
		if j < 0 || tk[j].Start < last[0] {
			continue
		}
		k := quoteRunsTo(toks, j)
		if k == j || tk[k].End <= last[1] {
			continue
		}
		span := Span{Start: last[1], End: tk[k].End}
		if lastWordStart(d, span, span.Start) < 0 {
			continue // only the closing punctuation and mark are left out: nothing to add
		}
		clash := false
		lo, hi := cuesWithin(as, span)
		for b := lo; b < hi; b++ {
			if b != ai {
				clash = true
				break
			}
		}
		if clash {
			continue
		}
		ps = append(append([][2]int(nil), ps[:len(ps)-1]...), [2]int{last[0], tk[k].End})
		a.Content = spanFromPieces(ps)
	}
}

// adjunctOpeners are the words that open an adjunct of the speech act between a cue
// and its that-clause.
var adjunctOpeners = lexicon.Set("adjunct_openers.txt") // lexicon/adjunct_openers.txt

// maxAdjunctWords bounds the adjunct skipped by dropLeadingAdjunct ("during the first
// presidential debate" is 5 words).
const maxAdjunctWords = 12

// dropLeadingAdjunct implements the rule that an adjunct between the cue and "that"
// is not content: "The commission says on its website that X" and "Earnest said
// Monday that X" give "that X". A content that begins right after its cue with an
// adjunct opener (lexicon/adjunct_openers.txt) and reaches "that" within
// maxAdjunctWords words, before any punctuation, starts at "that".
func dropLeadingAdjunct(d *Document, toks []attribml.Tok) {
	tk := d.Tokens
	for ai := range d.Attributions {
		a := &d.Attributions[ai]
		cb := tokenFrom(d, a.Cue.End)
		if cb >= len(tk) || toks[cb].InQuote {
			continue
		}
		ps := spanPieces(a.Content)
		i := tokenAt(d, ps[0][0])
		if i != cb || !adjunctOpeners[tk[i].Lower] {
			continue // the content does not begin right after the cue with an adjunct
		}
		end := tokenFrom(d, ps[0][1])
		for k := i + 1; k < end && k <= i+maxAdjunctWords; k++ {
			if tk[k].Kind == TokQuote || tk[k].Kind == TokPunct {
				break
			}
			if tk[k].Lower == "that" {
				ps = startFirstPieceAt(ps, tk[k].Start)
				a.Content = spanFromPieces(ps)
				break
			}
		}
	}
}

// coordinatedSourceName implements the rule that a name coordinated with the source
// is part of the source: "The move, reported by the Associated Press and Axios,
// represents ..." — the tagger sometimes reads "Axios" as the start of the content.
// When the source is followed by "and" or "or" (or ends with it) and a content piece
// begins right after the coordinator with capitalized words only, up to a comma, those
// words join the source and leave the content (the piece keeps what follows the
// comma).
func coordinatedSourceName(d *Document, _ []attribml.Tok) {
	tk := d.Tokens
	for ai := range d.Attributions {
		a := &d.Attributions[ai]
		if a.Source == nil || len(a.Source.Fragments) > 0 {
			continue
		}
		j := tokenFrom(d, a.Source.End)
		if j > 0 && (tk[j-1].Lower == "and" || tk[j-1].Lower == "or") && tk[j-1].Start > a.Source.Start {
			j-- // the coordinator came out as the source's last word
		}
		if j+1 >= len(tk) || tk[j].Lower != "and" && tk[j].Lower != "or" {
			continue
		}
		ps := spanPieces(a.Content)
		pi := -1
		for p := range ps {
			if ps[p][0] == tk[j+1].Start {
				pi = p
			}
		}
		if pi < 0 {
			continue
		}
		e := j + 1
		for e < len(tk) && tk[e].Start < ps[pi][1] && tk[e].Kind == TokWord && isCapitalized(tk[e].Text) {
			e++
		}
		if e == j+1 || e >= len(tk) || tk[e].Text != "," || tk[e].Start >= ps[pi][1] {
			continue
		}
		a.Source = &Span{Start: a.Source.Start, End: tk[e-1].End}
		var keep [][2]int
		for p, q := range ps {
			if p != pi {
				keep = append(keep, q)
				continue
			}
			if k := e + 1; k < len(tk) && tk[k].Start < q[1] {
				keep = append(keep, [2]int{tk[k].Start, q[1]})
			}
		}
		if len(keep) > 0 {
			a.Content = spanFromPieces(keep)
		}
	}
}

// nameBeforeAppositiveSource implements the rule that a name before an appositive
// source is the source: in "... hampered by darkness, Manish Kumar, an official with
// the state of Bihar, told reporters" the tagger reads the appositive as the source and
// leaves the name at the end of the content. When a source after its content opens
// with an article, is closed by a comma right before the cue (an appositive, not a
// subject: "a state official said" has no comma), and the content ends right before
// the comma that opens it with two to four capitalized words (initials allowed) after
// a comma of its own, those words join the source and the content ends before that
// comma.
func nameBeforeAppositiveSource(d *Document, _ []attribml.Tok) {
	tk := d.Tokens
	for ai := range d.Attributions {
		a := &d.Attributions[ai]
		if a.Source == nil || len(a.Source.Fragments) > 0 || a.Cue.Start < a.Source.End {
			continue
		}
		s, e := tokenFrom(d, a.Source.Start), tokenFrom(d, a.Source.End)
		if s < 3 || s >= len(tk) || !isArticle(tk[s].Lower) || tk[s-1].Text != "," ||
			e+1 >= len(tk) || tk[e].Text != "," || tk[e+1].Start != a.Cue.Start {
			continue
		}
		ps := spanPieces(a.Content)
		last := ps[len(ps)-1]
		if last[1] != tk[s-2].End || last[1] <= a.Content.Start {
			continue
		}
		k, words := s-2, 0
		for k >= 0 && tk[k].Start >= last[0] && words <= 4 {
			if tk[k].Kind == TokWord && isCapitalized(tk[k].Text) {
				words++
			} else if !(tk[k].Text == "." && k > 0 && len([]rune(tk[k-1].Text)) == 1) { // "K. Pathak"
				break
			}
			k--
		}
		if k < 0 || tk[k].Text != "," || tk[k].Start <= last[0] || words < 2 || words > 4 {
			continue
		}
		a.Source = &Span{Start: tk[k+1].Start, End: a.Source.End}
		ps[len(ps)-1] = [2]int{last[0], tk[k].Start}
		a.Content = spanFromPieces(ps)
	}
}

// participleAfterPostposedReport implements the rule that a participle clause after a
// postposed report is not its content: in "Twenty people were killed in the village, a
// camp leader told AFP, requesting anonymity" the tagger sometimes reads "requesting
// anonymity" as what was told. When a source (no fragments) stands right after a comma
// and before its cue, and the content is one piece that opens, after the cue, its
// hearer or adjunct and a comma, with a lowercase present participle, while the
// sentence before that comma holds at least three words outside quotation marks, the
// content becomes the sentence before the comma.
func participleAfterPostposedReport(d *Document, toks []attribml.Tok) {
	tk := d.Tokens
	for ai := range d.Attributions {
		a := &d.Attributions[ai]
		if a.Source == nil || len(a.Source.Fragments) > 0 || len(a.Content.Fragments) > 0 || a.Source.End > a.Cue.Start || a.Content.Start < a.Cue.End {
			continue
		}
		c := tokenAt(d, a.Content.Start)
		if c < 1 || tk[c-1].Text != "," || !participleToken(tk[c]) {
			continue
		}
		for k := tokenFrom(d, a.Cue.End); k < c-1; k++ {
			if tk[k].Kind != TokWord && tk[k].Kind != TokNumber {
				c = -1 // only a hearer or adjunct between the cue and the comma
				break
			}
		}
		s := tokenFrom(d, a.Source.Start)
		if c < 0 || s < 1 || tk[s-1].Text != "," {
			continue
		}
		si := sentenceAt(d, a.Cue.Start)
		if si >= len(d.Sentences) {
			continue
		}
		first := d.Sentences[si].First
		for first < s-1 && tk[first].Kind != TokWord && tk[first].Kind != TokNumber {
			first++
		}
		words := 0
		for k := first; k < s-1; k++ {
			if toks[k].InQuote {
				words = -1
				break
			}
			if tk[k].Kind == TokWord || tk[k].Kind == TokNumber {
				words++
			}
		}
		if words < 3 {
			continue
		}
		a.Content = Span{Start: tk[first].Start, End: tk[s-2].End}
	}
}

// participleToken reports whether t is a lowercase present participle ("requesting").
func participleToken(t Token) bool {
	return t.Kind == TokWord && t.Text == t.Lower && len(t.Text) > 5 && strings.HasSuffix(t.Text, "ing")
}

// dropPassiveInsideSource implements the rule that a passive participle inside another
// report's source is no report: in "A city staff report considered by the executive
// committee last week said ..." the tagger reads "considered" as a cue whose source is
// "the executive" and whose content is "A city staff report", naming a speaker for a
// noun phrase. An attribution whose cue is followed by "by", and whose cue and content
// both lie inside another attribution's source, is dropped ("Officials who said the dam
// was safe told reporters ..." keeps its inner report: no "by" follows "said").
func dropPassiveInsideSource(d *Document, _ []attribml.Tok) {
	as := d.Attributions
	drop := map[int]bool{}
	for bi := range as {
		b := &as[bi]
		k := tokenFrom(d, b.Cue.End)
		if k >= len(d.Tokens) || d.Tokens[k].Lower != "by" {
			continue
		}
		for ai := range as {
			a := &as[ai]
			if ai == bi || a.Source == nil {
				continue
			}
			if inSpan(*a.Source, b.Cue.Start) && a.Source.Start <= b.Content.Start && b.Content.End <= a.Source.End {
				drop[bi] = true
				break
			}
		}
	}
	if len(drop) == 0 {
		return
	}
	out := as[:0]
	for i, a := range as {
		if !drop[i] {
			out = append(out, a)
		}
	}
	d.Attributions = out
}

// adverbialOpeners open a sentence with an adverbial clause or phrase about the
// circumstances of the statement ("As a phone rang, the announcer said, …", "While in
// Ohio, she said, …"): such an opening is not what is said.
var adverbialOpeners = attributionWordClass("adverbial_opener")

// contentOpening reports whether the tokens [i, j) that open a sentence before a
// parenthetical source can be part of what is said: one phrase without a comma that
// does not open with an adjunct of the speech act ("On Monday", "During his years in
// office") or an adverbial clause ("As a phone rang"); "As for X" is a topic of what is
// said and is taken.
func contentOpening(tk []Token, i, j int) bool {
	for k := i; k < j; k++ {
		if tk[k].Text == "," || tk[k].Text == ";" {
			return false
		}
	}
	w := tk[i].Lower
	if w == "as" && i+1 < j && tk[i+1].Lower == "for" {
		return true
	}
	return !adjunctOpeners[w] && !adverbialOpeners[w]
}

// maxOpeningWords bounds the opening phrase openingPhraseBeforeParenthetical adds.
const maxOpeningWords = 30

// openingPhraseBeforeParenthetical implements the rule that the opening of a sentence
// before a parenthetical source and cue is content: in "Of course, Clinton said, “I
// didn’t know him that well,”" and "As for his ability to deflect attacks, she said,
// “The vetting has not begun,”" the words before ", SOURCE CUE," belong to what is
// said, and the content gets them as its first piece. The source must stand right
// before the cue, between commas ("…, she said, …"), every piece of the content after
// the cue, and the opening must hold no other attribution's cue or content.
func openingPhraseBeforeParenthetical(d *Document, toks []attribml.Tok) {
	tk := d.Tokens
	as := d.Attributions
	for ai := range as {
		a := &as[ai]
		if a.Source == nil || a.Content.Start < a.Cue.End {
			continue
		}
		s := tokenAt(d, a.Source.Start)
		cb := tokenFrom(d, a.Cue.End)
		if s == 0 || tk[s-1].Text != "," || cb >= len(tk) || tk[cb].Text != "," || tokenAt(d, a.Cue.Start) != tokenFrom(d, a.Source.End) {
			continue
		}
		sent := d.Sentences[sentenceAt(d, a.Cue.Start)]
		first := sent.First
		for first < s-1 && (tk[first].Kind == TokQuote || tk[first].Kind == TokPunct) {
			first++
		}
		if first >= s-1 || s-1-first > maxOpeningWords || toks[first].InQuote {
			continue
		}
		if !contentOpening(tk, first, s-1) {
			continue
		}
		opening := Span{Start: tk[first].Start, End: tk[s-2].End}
		clash := false
		for bi := range as {
			if bi != ai && (overlaps(as[bi].Content, [2]int{opening.Start, opening.End}) || as[bi].Cue.Start >= opening.Start && as[bi].Cue.Start < opening.End) {
				clash = true
				break
			}
		}
		if clash || lastWordStart(d, opening, opening.Start) < 0 {
			continue
		}
		a.Content = spanFromPieces(append([][2]int{{opening.Start, opening.End}}, spanPieces(a.Content)...))
	}
}

// addresseeFallback gives content to a cue of lexicon/addressee_verbs.txt that the role
// tagger left without any: in "Smith told Reuters he would not run" the tagger, unsure
// where the content begins after the addressee, sometimes tags none. When no token of
// the context tags (tokens lo on, the cue ending at token b) is content, and an
// addressee after the cue is followed by what is said (addresseeEnd), the tokens from
// there to the end of the sentence (token sentEnd, its final punctuation left out) are
// tagged content.
func addresseeFallback(d *Document, toks []attribml.Tok, lo int, tags []uint8, b, sentEnd int) {
	for _, t := range tags {
		if t == attribml.RoleC {
			return
		}
	}
	tk := d.Tokens
	if b >= sentEnd || !addresseeVerbs[tk[b-1].Lower] {
		return
	}
	k := addresseeEnd(tk, toks, b, sentEnd)
	if k < 0 {
		return
	}
	e := sentEnd
	for e > k && (tk[e-1].Kind == TokPunct || tk[e-1].Kind == TokQuote) {
		e--
	}
	for i := k; i < e && i-lo < len(tags); i++ {
		tags[i-lo] = attribml.RoleC
	}
}

// resumedQuotation returns the token range [s, e) of the quotation that opens the
// sentence after sentence si when it lies in the same paragraph: s its opening mark,
// e past its last token (quoteRunsTo). ok is false when the next sentence does not
// open with a quotation mark or starts a new paragraph.
func resumedQuotation(d *Document, toks []attribml.Tok, si int) (s, e int, ok bool) {
	if si+1 >= len(d.Sentences) || d.Sentences[si+1].Paragraph != d.Sentences[si].Paragraph {
		return 0, 0, false
	}
	s = d.Sentences[si+1].First
	if s+1 >= len(toks) || toks[s].Kind != attribml.KindQuote || !toks[s].Opens || !toks[s+1].InQuote {
		return 0, 0, false
	}
	return s, quoteRunsTo(toks, s+1) + 1, true
}

// resumedQuoteIsContent implements PolNeAR's rule that a quotation resumed after its
// cue's sentence is part of the same content: in "“We will win,” she said on Monday.
// “We have the votes.”" both quotations are what she said (1,115 times in train
// against 209 where the next quotation has a cue of its own). When an attribution's
// cue stands outside quotation marks after a quoted piece of its content, its content
// holds nothing after the cue's sentence, and the next sentence of the same paragraph
// opens a quotation that holds no other attribution's cue or content, the quotation
// becomes another piece of the content; the rule repeats for a further quotation
// opening the sentence after it.
func resumedQuoteIsContent(d *Document, toks []attribml.Tok) {
	tk := d.Tokens
	as := d.Attributions
	for ai := range as {
		a := &as[ai]
		ca := tokenAt(d, a.Cue.Start)
		if toks[ca].InQuote {
			continue
		}
		ps := spanPieces(a.Content)
		first := tokenAt(d, ps[0][0])
		if ps[0][1] > a.Cue.Start || !toks[first].InQuote {
			continue // the content does not open with a quotation before the cue
		}
		si := sentenceAt(d, a.Cue.Start)
		if ps[len(ps)-1][1] > d.Sentences[si].End {
			continue // the content already runs on past the cue's sentence
		}
		for first := true; ; first = false {
			s, e, ok := resumedQuotation(d, toks, si)
			if !ok && first {
				s, e, ok = quotationAfterNarration(d, toks, ai, si)
			}
			if !ok {
				break
			}
			q := Span{Start: tk[s].Start, End: tk[e-1].End}
			if first {
				releaseRunOnReport(d, toks, ai, si, q)
			}
			if quotationClaimed(d, ai, q) {
				break
			}
			ps = append(append([][2]int(nil), ps...), [2]int{tk[s].Start, tk[e-1].End})
			si = sentenceAt(d, tk[e-1].Start)
			if d.Sentences[si].Last != e {
				break // the quotation ends inside a sentence that goes on
			}
		}
		a.Content = spanFromPieces(ps)
	}
}

// maxNarration is how many sentences of the writer's may stand between a quoted
// report's cue and the quotation that resumes it (quotationAfterNarration).
const maxNarration = 2

// quotationAfterNarration returns, like resumedQuotation, the quotation that opens a
// later sentence of the paragraph of sentence si, the cue's sentence of attribution ai,
// when only sentences of the writer's stand between: "“I'm more skilled with my hands
// than with my brain,” said Robin Maynard, half joking. He has worked at the plant for
// 24 years. “But I like working with my hands.”" In PolNeAR train such a quotation goes
// on with the quoted report 89 times in 94 when no other cue stands between (15 in 34
// when one does). The sentences between (at most maxNarration) hold no quotation mark
// and no attribution's cue, and no other cue follows ai's in its own sentence.
func quotationAfterNarration(d *Document, toks []attribml.Tok, ai, si int) (s, e int, ok bool) {
	as := d.Attributions
	if lo, hi := cuesWithin(as, Span{Start: as[ai].Cue.End, End: d.Sentences[si].End}); lo < hi {
		return 0, 0, false
	}
	for sj := si + 1; sj <= si+maxNarration && sj+1 < len(d.Sentences); sj++ {
		st := d.Sentences[sj]
		if st.Paragraph != d.Sentences[si].Paragraph {
			return 0, 0, false
		}
		if lo, hi := cuesWithin(as, Span{Start: st.Start, End: st.End}); lo < hi {
			return 0, 0, false
		}
		for k := st.First; k < st.Last; k++ {
			if toks[k].Kind == attribml.KindQuote || toks[k].InQuote {
				return 0, 0, false
			}
		}
		if s, e, ok := resumedQuotation(d, toks, sj); ok {
			return s, e, true
		}
	}
	return 0, 0, false
}

// releaseRunOnReport lets a quotation resumed after the cue's sentence si of the quoted
// report ai go to that report when a reported content of a later cue of the same
// sentence ran on over the sentence's end into it: in "“Nobody cares,” the member
// said, adding that donors may balk. “Most campaigns run on a tight budget.”" the
// second quotation goes on with what was quoted (PolNeAR train: 50 resumed quotations
// after a sentence with a second cue belong to the quoted report, 13 to the second
// cue). The other content must follow its cue outside quotation marks, open with no
// quotation mark, and end inside the quotation q; it is cut at q's start.
func releaseRunOnReport(d *Document, toks []attribml.Tok, ai, si int, q Span) {
	as := d.Attributions
	lo, hi := cuesWithin(as, Span{Start: as[ai].Cue.End, End: d.Sentences[si].End})
	for bi := lo; bi < hi; bi++ {
		b := &as[bi]
		if bi == ai || b.Content.Start < b.Cue.End || b.Content.Start >= q.Start || b.Content.End <= q.Start || b.Content.End > q.End {
			continue
		}
		if toks[tokenAt(d, b.Cue.Start)].InQuote || toks[tokenAt(d, b.Content.Start)].InQuote {
			continue
		}
		if sp, ok := cutContent(d, b.Content, b.Cue.End, q.Start); ok {
			b.Content = sp
		}
	}
}

// quotationParagraphContinues implements the news convention that a paragraph made of
// one quotation and nothing else, right after a paragraph whose last report is quoted,
// goes on with the same speaker ("Jane Roe, the chief executive, said: “We grew.”" /
// "“Our cloud business led.”"): a new speaker would be named with a cue of its own.
// When an attribution's content is a quotation (no words of the writer's in it: a
// mixed report of a transcript or a paraphrase goes on with no such convention), its
// cue stands outside quotation marks, its content ends in the cue's paragraph, no
// other report follows its cue there, and the next paragraph opens with a quotation
// that runs to its end (closing punctuation aside) and holds no other attribution's cue
// or content, the quotation becomes another piece of the content; the rule repeats for
// the paragraph after it.
func quotationParagraphContinues(d *Document, toks []attribml.Tok) {
	tk := d.Tokens
	as := d.Attributions
	for ai := range as {
		a := &as[ai]
		ps, para, ok := lastQuotationOfParagraph(d, toks, ai)
		if !ok {
			continue
		}
		extended := false
		for {
			s, e, ok := quotationParagraph(d, toks, para+1)
			if !ok || quotationClaimed(d, ai, Span{Start: tk[s].Start, End: tk[e-1].End}) {
				break
			}
			ps = append(ps, [2]int{tk[s].Start, tk[e-1].End})
			extended = true
			para++
		}
		if extended {
			a.Content = spanFromPieces(ps)
		}
	}
}

// laterReportInParagraph reports whether an attribution other than ai has its cue in
// paragraph para after ai's cue.
func laterReportInParagraph(d *Document, ai, para int) bool {
	p := d.Paragraphs[para]
	lo, hi := cuesWithin(d.Attributions, p)
	for bi := lo; bi < hi; bi++ {
		if bi != ai && d.Attributions[bi].Cue.Start > d.Attributions[ai].Cue.Start {
			return true
		}
	}
	return false
}

// quotationParagraph returns the token range [s, e) of the quotation that makes up
// paragraph para: its first token an opening mark, its last the closing mark, with at
// most closing punctuation after it. A quotation left open (a transcript's turns, or
// an excerpt cut off) or one opening with a speaker's label ("“WALLACE: ...”") is none.
func quotationParagraph(d *Document, toks []attribml.Tok, para int) (s, e int, ok bool) {
	if para >= len(d.Paragraphs) {
		return 0, 0, false
	}
	p := d.Paragraphs[para]
	s = tokenFrom(d, p.Start)
	if s+1 >= len(toks) || d.Tokens[s].Start >= p.End || toks[s].Kind != attribml.KindQuote || !toks[s].Opens || !toks[s+1].InQuote {
		return 0, 0, false
	}
	e = quoteRunsTo(toks, s+1) + 1
	if toks[e-1].Kind != attribml.KindQuote || e-1 == s {
		return 0, 0, false // a quotation left open: a transcript's turn, or one the text cuts off
	}
	if s+3 < e && d.Tokens[s+1].Kind == TokWord && isCapitalized(d.Tokens[s+1].Text) && (d.Tokens[s+2].Text == ":" || d.Tokens[s+3].Text == ":") {
		return 0, 0, false // "“WALLACE: ...”": a speaker's label opens a transcript's turn
	}
	for k := e; k < len(d.Tokens) && d.Tokens[k].Start < p.End; k++ {
		if d.Tokens[k].Kind != TokPunct {
			return 0, 0, false // the paragraph goes on after the quotation
		}
	}
	return s, e, true
}

// quotationClaimed reports whether an attribution other than ai has its cue inside
// the quotation q or a content that overlaps it. Only the attributions whose cue lies
// in q's paragraph or the ones next to it are looked at (cuesWithin), so that the
// rules using it stay linear in the text.
func quotationClaimed(d *Document, ai int, q Span) bool {
	as := d.Attributions
	p := d.Sentences[min(sentenceAt(d, q.Start), len(d.Sentences)-1)].Paragraph
	win := Span{Start: d.Paragraphs[max(p-1, 0)].Start, End: d.Paragraphs[min(p+1, len(d.Paragraphs)-1)].End}
	lo, hi := cuesWithin(as, win)
	for bi := lo; bi < hi; bi++ {
		if bi == ai {
			continue
		}
		if inSpan(q, as[bi].Cue.Start) || overlaps(as[bi].Content, [2]int{q.Start, q.End}) {
			return true
		}
	}
	return false
}

// quotationOpening returns the opening mark of the quotation the token at k lies in
// when that quotation opens in the same paragraph before k, or -1.
func quotationOpening(toks []attribml.Tok, k int) int {
	for o := k - 1; o >= 0 && toks[o].InQuote && toks[o].Para == toks[k].Para; o-- {
		if toks[o].Kind == attribml.KindQuote && toks[o].Opens {
			return o
		}
		if toks[o].Closes {
			return -1
		}
	}
	return -1
}

// pieceStartsAtQuotationMark implements the rule that a piece of content after its cue
// that begins inside a quotation begins at the quotation's opening mark: in "“This is
// a bad day,” said Rep. Smith. “Donald Trump is a fraud.”" the tagger sometimes leaves
// the name that opens the resumed quotation out of the content. When a piece after the
// cue (outside quotation marks) starts on a word inside a quotation that opened after
// the cue, and the words from the opening mark to the piece hold no other
// attribution's cue or content, the piece starts at the mark.
func pieceStartsAtQuotationMark(d *Document, toks []attribml.Tok) {
	tk := d.Tokens
	as := d.Attributions
	for ai := range as {
		a := &as[ai]
		if toks[tokenAt(d, a.Cue.Start)].InQuote {
			continue
		}
		ps := spanPieces(a.Content)
		changed := false
		for p := range ps {
			k := tokenAt(d, ps[p][0])
			if ps[p][0] < a.Cue.End || k == 0 || !toks[k].InQuote || toks[k].Kind == attribml.KindQuote || !toks[k-1].InQuote {
				continue
			}
			o := quotationOpening(toks, k)
			if o < 0 || tk[o].Start < a.Cue.End || p > 0 && ps[p-1][1] > tk[o].Start {
				continue
			}
			if quotationClaimed(d, ai, Span{Start: tk[o].Start, End: tk[k].Start}) {
				continue
			}
			ps = append([][2]int(nil), ps...)
			ps[p][0] = tk[o].Start
			changed = true
		}
		if changed {
			a.Content = spanFromPieces(ps)
		}
	}
}

// raisingWords are the raising verbs and the adverbs of lexicon/raising_cues.txt.
var (
	raisingWords   = lexicon.Classes("raising_cues.txt")
	raisingVerbs   = raisingWords.Class("verb")
	raisingAdverbs = raisingWords.Class("adverb")
)

// maxRaisingSubjectWords bounds the subject raisingSubject adds to a content.
const maxRaisingSubjectWords = 12

// raisingCue reports whether the cue at tokens [a, b) is a raising cue: its last word
// a raising verb ("appears", "seemed", "likely") or a passive participle ("is expected",
// "was said").
func raisingCue(tk []Token, a, b int) bool {
	return raisingVerbs[tk[b-1].Lower] || passiveCue(tk, a, b) && isParticiple(tk[b-1].Lower)
}

// subjectBefore returns the token range [s, e) of the subject right before the cue at
// token ca: e skips back over auxiliaries (lexicon/clause_words.txt forms of "be",
// "have", "do" and modals) and adverbs (-ly, lexicon/raising_cues.txt) before the
// cue; s is the first token after the sentence start (sf) or after the nearest
// punctuation mark (an abbreviation's period aside: "Mr."), quotation mark, lowercase
// clause word or clause coordinator (clauseCoordinator) before e. ok is false
// when no word is left, the run is longer than maxRaisingSubjectWords or a quotation mark
// or other punctuation is inside it.
func subjectBefore(tk []Token, sf, ca int) (s, e int, ok bool) {
	e = ca
	for e > sf && tk[e-1].Kind == TokWord && tk[e-1].Text == tk[e-1].Lower && (clauseWords[tk[e-1].Lower] && !complementOpeners[tk[e-1].Lower] || raisingAdverbs[tk[e-1].Lower] || strings.HasSuffix(tk[e-1].Lower, "ly")) {
		e--
	}
	s = e
	for s > sf && (tk[s-1].Kind != TokPunct || tk[s-1].Text == ".") && tk[s-1].Kind != TokQuote && !(tk[s-1].Text == tk[s-1].Lower && clauseWords[tk[s-1].Lower]) && !clauseCoordinator(tk, sf, s-1) {
		s--
	}
	if s == e || e-s > maxRaisingSubjectWords {
		return 0, 0, false
	}
	if s > sf && tk[s-1].Kind == TokQuote {
		return 0, 0, false // the subject would start inside a quotation
	}
	return s, e, true
}

// clauseCoordinator reports whether the token at k coordinates two clauses: "and",
// "but", "or" or "yet" after a comma, or after a past-tense verb earlier in the
// sentence (from token sf): "Voting began on Wednesday and Kasich appears …". Between
// nouns ("the relationship between America and Britain appears …") it does not.
func clauseCoordinator(tk []Token, sf, k int) bool {
	switch tk[k].Text {
	case "and", "but", "or", "yet":
	default:
		return false
	}
	if k > sf && tk[k-1].Text == "," {
		return true
	}
	for j := sf; j < k; j++ {
		if t := tk[j]; t.Kind == TokWord && t.Text == t.Lower && (irregularPast[t.Lower] || strings.HasSuffix(t.Lower, "ed")) {
			return true
		}
	}
	return false
}

// raisingSubject implements PolNeAR's rule that the subject of a raising cue is part of
// the content: "Kasich appears to have the state to himself" and "Trump had been
// expected to visit the Hill" give "Kasich … to have …" and "Trump … to visit …"
// (177 of 183 such cues in train). When a raising cue (raisingCue) outside quotation
// marks is followed right away by a content opening with "to", the content has no piece
// before the cue, and the subject before the cue (subjectBefore) holds no other
// attribution's cue or content, the subject becomes the content's first piece; a
// source that was the subject is dropped. A first piece the tagger found that holds
// the subject and more (the clause before it, the adverbs after it) is cut to it.
func raisingSubject(d *Document, toks []attribml.Tok) {
	tk := d.Tokens
	as := d.Attributions
	for ai := range as {
		a := &as[ai]
		ca, cb := tokenAt(d, a.Cue.Start), tokenFrom(d, a.Cue.End)
		if toks[ca].InQuote || cb >= len(tk) || tk[cb].Lower != "to" || !raisingCue(tk, ca, cb) {
			continue
		}
		ps := spanPieces(a.Content)
		sent := d.Sentences[sentenceAt(d, a.Cue.Start)]
		s, e, ok := subjectBefore(tk, sent.First, ca)
		if !ok {
			continue
		}
		subj := Span{Start: tk[s].Start, End: tk[e-1].End}
		if len(ps) == 2 && ps[1][0] == tk[cb].Start && ps[0][0] <= subj.Start && ps[0][1] >= subj.End && ps[0][1] <= a.Cue.Start {
			// the tagger took the subject with words of the clause before it or the
			// adverbs after it: the piece becomes the subject
			if ps[0] != [2]int{subj.Start, subj.End} && !quotationClaimed(d, ai, subj) {
				a.Content = spanFromPieces([][2]int{{subj.Start, subj.End}, ps[1]})
			}
			continue
		}
		if tk[cb].Start != a.Content.Start {
			continue
		}
		if a.Source != nil && (a.Source.Start < subj.Start || a.Source.End > subj.End) {
			continue // a source of its own elsewhere: not a raising reading
		}
		if quotationClaimed(d, ai, subj) {
			continue
		}
		a.Content = spanFromPieces(append([][2]int{{subj.Start, subj.End}}, spanPieces(a.Content)...))
		a.Source = nil
	}
}

// closedParagraphEnd reports whether the paragraph ending at token k ends with a
// closed quotation: its last token a closing quotation mark. A quotation news style
// leaves open at a paragraph's end (to reopen it in the next) is not closed.
func closedParagraphEnd(toks []attribml.Tok, k int) bool {
	t := toks[k]
	return t.Kind == attribml.KindQuote && (t.Closes || k > 0 && toks[k-1].InQuote && (k+1 >= len(toks) || !toks[k+1].InQuote || toks[k+1].Para != t.Para))
}

// noReachBackOverClosedQuote implements the rule that a content does not reach back
// over a paragraph that closed its quotation: in "“X,” Rubio added. “Y.”¶¶“Z,”
// Christie said." the tagger sometimes gives Christie's cue a piece running from “Y.”
// in the paragraph before. A piece that starts in a paragraph before the cue's and
// runs on past the end of a paragraph ending in a closing quotation mark is cut to
// start after that paragraph; a piece lying wholly in such paragraphs before the cue
// is dropped (a content keeps at least one piece).
func noReachBackOverClosedQuote(d *Document, toks []attribml.Tok) {
	tk := d.Tokens
	for ai := range d.Attributions {
		a := &d.Attributions[ai]
		cp := toks[tokenAt(d, a.Cue.Start)].Para
		ps := spanPieces(a.Content)
		var keep [][2]int
		changed := false
		for _, p := range ps {
			s, e := tokenAt(d, p[0]), tokenFrom(d, p[1])
			if toks[s].Para >= cp {
				keep = append(keep, p)
				continue
			}
			cut := -1 // the first token after the last closed paragraph the piece crosses
			for k := s; k < e && toks[k].Para < cp; k++ {
				if (k+1 >= len(toks) || toks[k+1].Para != toks[k].Para) && closedParagraphEnd(toks, k) {
					cut = k + 1
				}
			}
			switch {
			case cut < 0:
				keep = append(keep, p)
			case cut < e:
				keep = append(keep, [2]int{tk[cut].Start, p[1]})
				changed = true
			default:
				changed = true
			}
		}
		if changed && len(keep) > 0 {
			a.Content = spanFromPieces(keep)
		}
	}
}

// resumedQuotationStartsAtMark implements the rule that a quotation resumed after its
// cue's sentence begins at its opening mark: in "“Here comes the boss,” she said,
// clapping. “The boss.”" the tagger sometimes starts the second piece inside the cue's
// sentence ("clapping. “The boss.”", "on Twitter. “…”"), taking the cue's adjuncts or
// the source's apposition for what is said. When a content opens with a quoted piece
// before its cue (outside quotation marks) and a later piece starts outside quotation
// marks in the cue's sentence and runs on into the next sentence, which opens with a
// quotation mark, that piece starts at the mark.
func resumedQuotationStartsAtMark(d *Document, toks []attribml.Tok) {
	tk := d.Tokens
	for ai := range d.Attributions {
		a := &d.Attributions[ai]
		ca := tokenAt(d, a.Cue.Start)
		ps := spanPieces(a.Content)
		if toks[ca].InQuote || len(ps) < 2 || ps[0][1] > a.Cue.Start || !toks[tokenAt(d, ps[0][0])].InQuote {
			continue
		}
		si := sentenceAt(d, a.Cue.Start)
		s, _, ok := resumedQuotation(d, toks, si)
		if !ok {
			continue
		}
		for p := 1; p < len(ps); p++ {
			k := tokenAt(d, ps[p][0])
			if ps[p][0] < a.Cue.End || toks[k].InQuote || sentenceAt(d, ps[p][0]) != si || ps[p][1] <= tk[s].Start {
				continue
			}
			ps = append([][2]int(nil), ps...)
			ps[p][0] = tk[s].Start
			a.Content = spanFromPieces(ps)
			break
		}
	}
}

// lastQuotationOfParagraph returns the content pieces ps of attribution ai and the
// paragraph para of its cue when the rules that carry a quotation on into the next
// paragraphs may apply: the content is a quotation (not a report in the writer's words,
// one mixing them with a quotation, nor one whose cue is quoted itself), it ends in the
// cue's paragraph, and no later report of that paragraph takes the quotation over.
func lastQuotationOfParagraph(d *Document, toks []attribml.Tok, ai int) (ps [][2]int, para int, ok bool) {
	a := &d.Attributions[ai]
	if contentKind(d, toks, a.Content) != "direct" || toks[tokenAt(d, a.Cue.Start)].InQuote {
		return nil, 0, false
	}
	ps = spanPieces(a.Content)
	si := sentenceAt(d, a.Cue.Start)
	if si >= len(d.Sentences) {
		return nil, 0, false
	}
	para = d.Sentences[si].Paragraph
	if d.Sentences[sentenceAt(d, ps[len(ps)-1][1]-1)].Paragraph != para || laterReportInParagraph(d, ai, para) {
		return nil, 0, false
	}
	return ps, para, true
}
