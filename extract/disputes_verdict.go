package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"

	"github.com/claimgraph/claimgraph/extract/lexicon"
)

// Verdicts on what someone said. News and fact-checks dispute a claim by judging its
// speaker or by rating it, with no dispute word bound to the claim itself. Three rules,
// each with test sentences in testdata/rules/disputes/RULE.tsv (words in
// lexicon/verdicts.txt):
//
//   - judged-agent: an agent judged wrong in what it said, as the subject of its
//     clause: "So Reyes got that wrong", "Reyes was wrong about the bridge", "The
//     minister didn't get the figure right", "the minister misrepresented the number of
//     pupils" (class misrepresent_verb of lexicon/dispute_words.txt). The claim is the
//     agent's latest claim up to three sentences back; when the text states none, the
//     dispute targets the agent alone (what it said is not in the text).
//   - fact-check-verdict: a fact-checker's rating: "The Fact Checker gave Reyes three
//     Pinocchios" (the subject disputes the claim of the one rated), "PolitiFact rated
//     the claim Mostly False", and a rating under a heading ("Verdict" over "False"),
//     which disputes the claim quoted under a "Claim" heading just before it, in the
//     article's voice.
//   - contrary-to-claim: a correction opened against a named claim: "Contrary to
//     Reyes's claim, the bridge passed its inspection", "contrary to what Reyes said,
//     ...": the article (or the speaker whose statement holds the words) disputes that
//     agent's latest claim.
//
// The structure carries these rules, not the words of the claim: the agent is a mention
// of an entity that opens its clause (a name, or a pronoun the entity stage resolved),
// and the claim is found by its speaker. Not verdicts: first-person retractions ("I was
// wrong"), negated or doubted judgments ("Reyes was not wrong", "whether Reyes got it
// wrong"), questions, a judgment whose voice is the agent's own, and the words of a
// quotation that no attribution gives a speaker.

// verdictWords are the word classes of lexicon/verdicts.txt.
var verdictWords = lexicon.Classes("verdicts.txt")

// The word classes of the verdict rules (documented in lexicon/verdicts.txt).
var (
	gotWrongWords    = verdictWords.Class("got_wrong")
	getRightWords    = verdictWords.Class("get_right")
	gotVerbs         = verdictWords.Class("got_verb")
	negatedDo        = verdictWords.Class("negated_do")
	wrongAboutWords  = verdictWords.Class("wrong_about")
	aboutWords       = verdictWords.Class("about")
	verdictOpeners   = verdictWords.Class("clause_opener")
	awardVerbs       = verdictWords.Class("award_verb")
	earnVerbs        = verdictWords.Class("earn_verb")
	ratingUnits      = verdictWords.Class("rating_unit")
	rateVerbs        = verdictWords.Class("rate_verb")
	verdictLabels    = verdictWords.Class("verdict_label")
	verdictHeadings  = verdictWords.Class("verdict_heading")
	claimHeadings    = verdictWords.Class("claim_heading")
	contraryOpenings = verdictWords.Class("contrary")
	misstateVerbs    = verdictWords.Class("misstate_verb")
	misstatedObjects = verdictWords.Class("misstated_object")
)

// The rules of verdicts.
var (
	judgedAgentRule      = &disputeRule{name: "judged-agent", shape: graph.ShapeRebuttal}
	factCheckVerdictRule = &disputeRule{name: "fact-check-verdict", shape: graph.ShapeRebuttal}
	contraryToClaimRule  = &disputeRule{name: "contrary-to-claim", shape: graph.ShapeRebuttal}
)

// verdictRules lists the rules of this file, for the fixture test.
var verdictRules = []*disputeRule{judgedAgentRule, factCheckVerdictRule, contraryToClaimRule}

// maxVerdictObject bounds the words between "got" and "wrong" ("got the number of
// pupils wrong") and between "rated" and its label.
const maxVerdictObject = 7

// verdictBack is how many sentences back the judged agent's claim may stand.
const verdictBack = 3

// verdicts finds the disputes of the three verdict rules in every sentence.
func (f *disputeFinder) verdicts() {
	for si, s := range f.sents {
		toks := f.r.tx.scan(s.Start, s.End)
		if len(toks) == 0 || toks[len(toks)-1].Text == "?" {
			continue // a question judges nothing
		}
		for k := 0; k < len(toks); k++ {
			if toks[k].Kind == 'w' {
				f.verdictAt(si, toks, k)
			}
		}
		f.headedVerdict(si, toks)
	}
}

// verdictAt tries the verdict rules on the word at toks[k].
func (f *disputeFinder) verdictAt(si int, toks []scanToken, k int) {
	w := toks[k].Lower
	switch {
	case gotVerbs[w] || wrongAboutWords[w] || misrepresentVerbs[w] || misstateVerbs[w]:
		if end, ok := judgedAgentEnd(toks, k); ok {
			f.judgedAgent(si, toks, k, end)
		}
	case awardVerbs[w] || earnVerbs[w]:
		f.awardedRating(si, toks, k)
	case rateVerbs[w]:
		f.ratedClaim(si, toks, k)
	case w == "contrary":
		f.contraryToClaim(si, toks, k)
	}
}

// judgedAgentEnd returns the index of the last word of the judgment that starts at
// toks[k] ("got that wrong", "get the figure right" after a negated "do", "wrong"
// after a form of "be" ending its clause or followed by "about", a misrepresenting
// verb), and whether there is one.
func judgedAgentEnd(toks []scanToken, k int) (int, bool) {
	w := toks[k].Lower
	switch {
	case misrepresentVerbs[w]:
		return k, k+1 < len(toks) && toks[k+1].Kind == 'w'
	case misstateVerbs[w]:
		return k, misstatedObject(toks, k+1)
	case wrongAboutWords[w]:
		if !predicative(toks, k) {
			return 0, false
		}
		if k+1 >= len(toks) || toks[k+1].Kind == 'p' && toks[k+1].Text != "-" || aboutWords[toks[k+1].Lower] {
			return k, true
		}
		return 0, false
	}
	want := gotWrongWords
	if negatedDoBefore(toks, k) {
		want = getRightWords
	}
	for j := k + 1; j < len(toks) && j-k <= maxVerdictObject; j++ {
		if toks[j].Kind != 'w' && toks[j].Kind != 'n' && toks[j].Kind != 'q' {
			return 0, false
		}
		if want[toks[j].Lower] && j > k+1 {
			return j, true
		}
	}
	return 0, false
}

// negatedDoBefore reports whether a negated "do" stands right before toks[k] ("didn't
// get", "did not get").
func negatedDoBefore(toks []scanToken, k int) bool {
	if k >= 1 && negatedDo[toks[k-1].Lower] {
		return true
	}
	return k >= 2 && negatedDo[toks[k-2].Lower+" "+toks[k-1].Lower]
}

// judgedAgent: the agent opening the clause of the judgment at toks[k..end] was wrong
// in what it said.
func (f *disputeFinder) judgedAgent(si int, toks []scanToken, k, end int) {
	verb := k
	for verb > 0 && verbGroupWord(toks[verb-1]) {
		verb--
	}
	if verb == k && !gotVerbs[toks[k].Lower] && !misrepresentVerbs[toks[k].Lower] && !misstateVerbs[toks[k].Lower] {
		return
	}
	if firstPersonSubject(toks, verb) || doubted(toks, verb) || negatedJudgment(toks, verb, k) {
		return
	}
	agent, start := f.clauseAgent(toks, verb)
	if agent == "" {
		return
	}
	cueFrom := k
	if verb < k && beWords[toks[k-1].Lower] {
		cueFrom = k - 1
	}
	f.emitVerdict(si, toks, k, start, judgedAgentRule, agent, joinTokens(toks, cueFrom, end))
}

// verbGroupWord reports whether t may stand in a verb group before the judging word:
// a form of "be", a negated "do", "not", an auxiliary or an adverb ("was clearly",
// "did not", "also").
func verbGroupWord(t scanToken) bool {
	w := t.Lower
	switch {
	case beWords[w] || negatedDo[w] || wordsBeforeVerb[w]:
		return true
	case w == "not" || w == "did" || w == "does" || w == "do" || w == "also":
		return true
	}
	return strings.HasSuffix(w, "ly") && t.Text == w
}

// doubted reports whether a word of doubt ("whether", "if") stands earlier in the
// clause of toks[k]: "whether Reyes got it wrong" judges nothing.
func doubted(toks []scanToken, k int) bool {
	for j := clauseStart(toks, k); j < k; j++ {
		if doubtWords[toks[j].Lower] {
			return true
		}
	}
	return false
}

// negatedJudgment reports whether "not" or a negated "be" stands between the agent's
// verb group start and the judging word ("Reyes was not wrong"); a negated "do" before
// "get ... right" is the judgment itself.
func negatedJudgment(toks []scanToken, from, k int) bool {
	for j := from; j < k; j++ {
		w := toks[j].Lower
		if negatedDo[w] || w == "did" || w == "does" || w == "do" {
			continue
		}
		if w == "not" && j > from && negatedDo[toks[j-1].Lower+" not"] {
			continue
		}
		if w == "not" || w == "never" || negatedBe(w) {
			return true
		}
	}
	return false
}

// clauseAgent returns the entity that ends right before toks[verb] and opens its
// clause (the sentence's first words, or after a comma, a colon or an opener such as
// "So" or "But"), with the index of its first token; "" when there is none.
func (f *disputeFinder) clauseAgent(toks []scanToken, verb int) (string, int) {
	if verb == 0 {
		return "", -1
	}
	m := f.entityEndingAt(toks, verb-1)
	if m == nil {
		m = f.pronounMentionAt(toks[verb-1])
	}
	if m == nil {
		return "", -1
	}
	start := verb - 1
	for start > 0 && toks[start-1].Start >= m.Span.Start {
		start--
	}
	if start > 0 && toks[start-1].Lower == "the" {
		start-- // "The Harlow Courier gave ..."
	}
	for j := start - 1; j >= 0; j-- {
		t := toks[j]
		if t.Text == "," || t.Text == ":" || t.Text == ";" || t.Text == "—" || t.Lower == "that" || sayVerbs[t.Lower] {
			return m.Entity, start // a clause of its own, or the content of a statement
		}
		if !verdictOpeners[t.Lower] {
			if f.titledBefore(toks, start, m.Entity) {
				return m.Entity, start
			}
			return "", -1
		}
	}
	return m.Entity, start
}

// maxVerdictTitle bounds the words of a title before the judged agent's name.
const maxVerdictTitle = 5

// titledBefore reports whether the words before toks[start] back to the start of the
// sentence or clause are the title the entity stage gave the person entity ("Former
// union leader Wilson Karanja was wrong"): a few words, none of saying.
func (f *disputeFinder) titledBefore(toks []scanToken, start int, entity string) bool {
	titled := false
	for _, e := range f.d.Entities {
		if e.ID == entity && e.Kind == graph.KindPerson && len(e.Roles) > 0 {
			titled = true
		}
	}
	if !titled {
		return false
	}
	for j := start - 1; j >= 0; j-- {
		t := toks[j]
		if t.Text == "," || t.Text == ":" || t.Text == ";" {
			return true
		}
		if t.Kind != 'w' || start-j > maxVerdictTitle || sayVerbs[t.Lower] || t.Lower == "that" {
			return false
		}
	}
	return true
}

// pronounMentionAt returns the pronoun mention the entity stage resolved at t, or nil.
func (f *disputeFinder) pronounMentionAt(t scanToken) *Mention {
	if !pronLexHas(t.Lower) || t.Lower == "i" || t.Lower == "we" || t.Lower == "it" {
		return nil
	}
	for k := range f.d.Mentions {
		m := &f.d.Mentions[k]
		if m.Kind == MentionPronoun && m.Span.Start == t.Start && m.Entity != "" {
			return m
		}
	}
	return nil
}

// agentClaim returns the latest claim of agent that ends before pos, at most
// verdictBack sentences before sentence si, else the agent's latest claim anywhere
// before (a fact-check states the claim it judges at its top), or "".
func (f *disputeFinder) agentClaim(pos, si int, agent string) string {
	if id := f.agentClaimFrom(pos, f.sents[max(0, si-verdictBack)].Start, agent); id != "" {
		return id
	}
	return f.agentClaimFrom(pos, 0, agent)
}

// agentClaimFrom returns the latest claim of agent that starts at minStart or after and
// ends before pos, or "".
func (f *disputeFinder) agentClaimFrom(pos, minStart int, agent string) string {
	best := -1
	for k := range f.d.Claims {
		c := &f.d.Claims[k]
		if c.Speaker == nil || *c.Speaker != agent || c.Span.End > pos || c.Span.Start < minStart {
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

// emitVerdict records a verdict on agent's claim (or on the agent alone when the text
// states none of its claims), in the voice of whoever writes the judging words at
// toks[at]: the article, or the speaker of the statement that holds them, never the
// agent itself; the agent's claim ends before toks[from].
func (f *disputeFinder) emitVerdict(si int, toks []scanToken, at, from int, r *disputeRule, agent string, cue scanToken) {
	voice, ok := f.voiceOf(toks, at, judgment{rule: r})
	if !ok || voice == agent {
		return
	}
	m := ruleMatch{target: &agent}
	if id := f.agentClaim(toks[from].Start, si, agent); id != "" {
		m = ruleMatch{claim: &id}
	}
	f.emitVerdictMatch(si, r, voice, m, cue)
}

// emitVerdictMatch records one verdict unless another dispute already holds its cue.
func (f *disputeFinder) emitVerdictMatch(si int, r *disputeRule, voice string, m ruleMatch, cue scanToken) {
	for _, x := range f.d.Disputes {
		if x.Cue.Start < cue.End && cue.Start < x.Cue.End {
			return
		}
	}
	f.coord = f.coord[:0]
	f.emitOne(graph.DisputeRebuts, voice, r, m, cue, f.sents[si])
}

// awardedRating: "The Fact Checker gave Reyes three Pinocchios" (the subject rates the
// one named after the verb), "Reyes earned four Pinocchios" (the article reports the
// rating of the subject).
func (f *disputeFinder) awardedRating(si int, toks []scanToken, k int) {
	unit := -1
	for j := k + 1; j < len(toks) && j-k <= maxVerdictObject; j++ {
		if ratingUnits[toks[j].Lower] {
			unit = j
			break
		}
	}
	if unit < 0 || unit-k < 2 || negatedDoBefore(toks, k) {
		return
	}
	cue := joinTokens(toks, unit-1, unit)
	if earnVerbs[toks[k].Lower] {
		agent, start := f.clauseAgent(toks, k)
		if agent != "" {
			f.emitVerdict(si, toks, unit, start, factCheckVerdictRule, agent, cue)
		}
		return
	}
	m := f.entityStartingAt(toks, k+1)
	rater := f.rater(toks, k)
	if m == nil || rater == "" || rater == m.Entity {
		return
	}
	agent := m.Entity
	match := ruleMatch{target: &agent}
	if id := f.agentClaim(toks[k].Start, si, agent); id != "" {
		match = ruleMatch{claim: &id}
	}
	f.emitVerdictMatch(si, factCheckVerdictRule, rater, match, cue)
}

// rater returns the entity that gives a rating with the verb at toks[k]: the agent
// opening the clause, or one whose name a capitalized desk name follows ("The
// Washington Post Fact Checker gave ...": the outlet's desk speaks for the outlet).
func (f *disputeFinder) rater(toks []scanToken, k int) string {
	if r, _ := f.clauseAgent(toks, k); r != "" {
		return r
	}
	for j := k - 2; j >= 0 && k-j <= 3; j-- {
		if !isCapitalized(toks[j+1].Text) || toks[j+1].Kind != 'w' {
			return ""
		}
		if m := f.entityEndingAt(toks, j); m != nil {
			if r, _ := f.clauseAgent(toks, j+1); r == m.Entity {
				return r
			}
			return ""
		}
	}
	return ""
}

// ratedClaim: "PolitiFact rated the claim Mostly False", "We rate this statement
// False": the rater (the article for "we") disputes the claim the object names (a
// possessor's latest claim, else the latest claim of the sentences before).
func (f *disputeFinder) ratedClaim(si int, toks []scanToken, k int) {
	for j := k + 2; j < len(toks) && j-k <= maxVerdictObject; j++ {
		n := verdictLabelAt(toks, j)
		if n == 0 {
			continue
		}
		if e := j + n; e < len(toks) && toks[e].Kind == 'w' {
			return // "rated the claim false in part", a label inside a longer phrase
		}
		rater := ArticleVoice
		if k > 0 && toks[k-1].Lower != "we" {
			r, _ := f.clauseAgent(toks, k)
			if r == "" {
				return
			}
			rater = r
		}
		f.ratedTarget(si, toks, k, j, rater, joinTokens(toks, j, j+n-1))
		return
	}
}

// ratedTarget finds the claim that the object of a rating verb names (toks between
// k and label) and records the dispute.
func (f *disputeFinder) ratedTarget(si int, toks []scanToken, k, label int, rater string, cue scanToken) {
	if p := f.possessor(toks, label); p != nil && *p != rater {
		if id := f.agentClaim(toks[k].Start, si, *p); id != "" {
			f.emitVerdictMatch(si, factCheckVerdictRule, rater, ruleMatch{claim: &id}, cue)
		}
		return
	}
	for j := k + 1; j < label; j++ {
		if _, ok := claimNouns[toks[j].Lower]; ok || toks[j].Lower == "it" || toks[j].Lower == "this" || toks[j].Lower == "that" {
			if id := f.precedingClaim(toks[k].Start, si, false, rater, 1); id != "" {
				f.emitVerdictMatch(si, factCheckVerdictRule, rater, ruleMatch{claim: &id}, cue)
			}
			return
		}
	}
}

// verdictLabelAt returns the number of words of the verdict label starting at toks[j]
// (the longest), or 0.
func verdictLabelAt(toks []scanToken, j int) int {
	return phraseAt(toks, j, verdictLabels)
}

// phraseAt returns the number of words of the longest phrase of class that starts at
// toks[j] (at most four words), or 0.
func phraseAt(toks []scanToken, j int, class map[string]bool) int {
	best := 0
	words := ""
	for n := 1; n <= 4 && j+n <= len(toks); n++ {
		t := toks[j+n-1]
		if t.Kind != 'w' {
			break
		}
		if n > 1 {
			words += " "
		}
		words += t.Lower
		if class[words] {
			best = n
		}
	}
	return best
}

// headedVerdict: a heading of a fact-checker's verdict ("Verdict", "Our ruling") that
// makes up its sentence, with its rating after a colon or as the whole next sentence,
// rates the claim quoted under a claim heading ("Claim") up to four sentences before.
func (f *disputeFinder) headedVerdict(si int, toks []scanToken) {
	h := phraseAt(toks, 0, verdictHeadings)
	if h == 0 {
		return
	}
	rest, lsi := toks[h:], si
	if len(rest) > 0 && rest[0].Text == ":" {
		rest = rest[1:]
	} else if len(rest) == 0 && si+1 < len(f.sents) {
		lsi = si + 1
		rest = f.r.tx.scan(f.sents[lsi].Start, f.sents[lsi].End)
	}
	n := verdictLabelAt(rest, 0)
	if n == 0 || len(rest) > n+1 || len(rest) == n+1 && rest[n].Kind != 'p' {
		return
	}
	id := f.headedClaim(si)
	if id == "" {
		return
	}
	f.emitVerdictMatch(lsi, factCheckVerdictRule, ArticleVoice, ruleMatch{claim: &id}, joinTokens(rest, 0, n-1))
}

// headedClaim returns the claim under the claim heading nearest before sentence si
// (at most four sentences back): the claim the text holds there, else the quotation
// there as a claim of nobody the text names.
func (f *disputeFinder) headedClaim(si int) string {
	for b := si - 1; b >= 0 && si-b <= 4; b-- {
		toks := f.r.tx.scan(f.sents[b].Start, f.sents[b].End)
		h := phraseAt(toks, 0, claimHeadings)
		if h == 0 || !(len(toks) == h || len(toks) > h && toks[h].Text == ":") {
			continue
		}
		from := f.sents[b].Start
		if len(toks) > h {
			from = toks[h].End
		}
		to := f.sents[si].Start
		for k := range f.d.Claims {
			c := &f.d.Claims[k]
			if c.Span.Start >= from && c.Span.End <= to {
				return c.ID
			}
		}
		return f.quotedClaim(from, to)
	}
	return ""
}

// quotedClaim adds the first quotation between from and to as a claim that the text
// gives nobody (Origin "disputed") and returns its id, or "".
func (f *disputeFinder) quotedClaim(from, to int) string {
	toks := f.r.tx.scan(from, to)
	open := -1
	for k, t := range toks {
		if t.Kind != 'q' {
			continue
		}
		if open < 0 {
			open = k
			continue
		}
		if k-open < 4 {
			return ""
		}
		s, e := toks[open+1].Start, toks[k-1].End
		return f.addClaim(Claim{Text: string(f.d.Runes[s:e]), Span: makeSpan(f.d.Runes, s, e), Origin: "disputed"})
	}
	return ""
}

// contraryToClaim: "Contrary to Reyes's claim, the bridge passed", "contrary to what
// Reyes said, ...": the words' voice disputes the named agent's latest claim.
func (f *disputeFinder) contraryToClaim(si int, toks []scanToken, k int) {
	n := phraseAt(toks, k, contraryOpenings)
	if n == 0 || k+n+1 >= len(toks) {
		return
	}
	j := k + n
	var agent string
	if toks[j].Lower == "what" {
		if m := f.entityStartingAt(toks, j+1); m != nil {
			if v := j + 1 + mentionWords(toks, j+1, m); v < len(toks) && sayVerbs[toks[v].Lower] {
				agent = m.Entity
			}
		}
	} else {
		for e := j; e < len(toks) && e-j <= 4; e++ {
			if _, ok := claimNouns[toks[e].Lower]; ok {
				if p := f.possessor(toks, e); p != nil {
					agent = *p
				}
				break
			}
		}
	}
	if agent == "" {
		f.contraryToReports(si, toks, k, n) // disputes_reports.go: "Contrary to the reports, ..."
		return
	}
	voice, ok := f.voiceOf(toks, k, judgment{rule: contraryToClaimRule})
	if a := f.mainClauseStatement(toks, k); a != nil {
		if a.Speaker == nil {
			return // "Contrary to Reyes's claim, officials say ...": whose words the text does not name
		}
		voice, ok = *a.Speaker, true
	}
	if !ok || voice == agent {
		return
	}
	m := ruleMatch{target: &agent}
	if id := f.sharedAgentClaim(toks, k, si, agent); id != "" {
		m = ruleMatch{claim: &id}
	}
	f.emitVerdictMatch(si, contraryToClaimRule, voice, m, joinTokens(toks, k, k+n-1))
}

// mainClauseStatement returns the attribution whose cue stands in the sentence after
// the opening at toks[k] and whose content follows its cue ("Contrary to Reyes's
// claim, engineers say the bridge passed"): its speaker states the correction. Nil when
// none does.
func (f *disputeFinder) mainClauseStatement(toks []scanToken, k int) *Attribution {
	end := toks[len(toks)-1].End
	for i := range f.d.Attributions {
		a := &f.d.Attributions[i]
		if a.Cue.Start > toks[k].Start && a.Cue.End <= end && a.Content.Start >= a.Cue.End && a.Content.Start < end {
			return a
		}
	}
	return nil
}

// sharedAgentClaim returns the agent's latest claim before toks[k] (up to verdictBack
// sentences back, else anywhere before) that shares a content word with the rest of
// the sentence: the correction answers that claim. "" when none does.
func (f *disputeFinder) sharedAgentClaim(toks []scanToken, k, si int, agent string) string {
	words := map[string]bool{}
	for _, t := range toks[k:] {
		if t.Kind == 'w' && len(t.Lower) > 3 && !functionWords[t.Lower] {
			words[t.Lower] = true
		}
	}
	for _, minStart := range []int{f.sents[max(0, si-verdictBack)].Start, 0} {
		best := -1
		for c := range f.d.Claims {
			cl := &f.d.Claims[c]
			if cl.Speaker == nil || *cl.Speaker != agent || cl.Span.End > toks[k].Start || cl.Span.Start < minStart || !f.sharesWord(cl, words) {
				continue
			}
			if best < 0 || cl.Span.End > f.d.Claims[best].Span.End {
				best = c
			}
		}
		if best >= 0 {
			return f.d.Claims[best].ID
		}
	}
	return ""
}

// sharesWord reports whether the claim holds one of words.
func (f *disputeFinder) sharesWord(c *Claim, words map[string]bool) bool {
	for _, t := range f.r.tx.scan(c.Span.Start, c.Span.End) {
		if words[t.Lower] {
			return true
		}
	}
	return false
}

// entityStartingAt returns the entity mention that starts at toks[j] (a name the
// entity stage marked there, a known name it did not, or a resolved pronoun), or nil.
func (f *disputeFinder) entityStartingAt(toks []scanToken, j int) *Mention {
	if j >= len(toks) {
		return nil
	}
	if m := f.mentionStartingAt(toks[j].Start); m != nil {
		return m
	}
	for e := j; e < len(toks) && e-j < 3 && isCapitalized(toks[e].Text); e++ {
		if m := f.entityEndingAt(toks, e); m != nil && m.Span.Start == toks[j].Start {
			return m
		}
	}
	return f.pronounMentionAt(toks[j])
}

// mentionWords returns how many tokens from toks[j] the mention m covers.
func mentionWords(toks []scanToken, j int, m *Mention) int {
	n := 0
	for k := j; k < len(toks) && toks[k].Start < m.Span.End; k++ {
		n++
	}
	return n
}

// misstatedObject reports whether the noun phrase from toks[j] names a fact or figure
// that can be misstated ("the number of pupils", "its role", "the cost"): its head,
// within a few words and before "of" or the clause's end, is a claim noun or of class
// misstated_object.
func misstatedObject(toks []scanToken, j int) bool {
	for e := j; e < len(toks) && e-j <= 4; e++ {
		t := toks[e]
		if t.Kind != 'w' {
			return false
		}
		if _, ok := claimNouns[t.Lower]; ok || misstatedObjects[t.Lower] {
			return true
		}
		if t.Lower == "of" {
			return false
		}
	}
	return false
}
