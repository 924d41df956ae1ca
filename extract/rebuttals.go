package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Rebuttals: a statement that calls a claim untrue (lexicon/rebuttals.txt) disputes
// it. Four rules, each with test sentences in testdata/rules/disputes/RULE.tsv:
//
//   - rebuttal-statement: the content of an attribution whose subject points back to
//     a claim and whose predicate is a rebuttal ("'This is pure fiction,' said the
//     spokesman", "the ministry said the report was baseless", "'That's a lie,' she
//     said", "there is no truth to the report", "'That never happened,' she said",
//     "'The claim that the port was closed is not true,' he said", "'That is not
//     the case,' he said", "the claims had no merit"); the speaker is
//     the disputer. "'I never said that,' X said, after Y said CLAUSE" disputes the
//     claim Y makes after the statement; "he did no such thing" and "she never said
//     that" (a pronoun of the third person) dispute as "I never said that" does;
//   - rebuttal-called: a verb of calling with a claim as object and a rebuttal as
//     complement ("the firm called the report false and irresponsible", "she
//     branded the allegations nonsense", "X slammed the suit, calling it meritless");
//     the verb's subject is the disputer, for a participle after a comma the subject
//     that opens the sentence ("she dismissed the allegations as nonsense" is found by
//     the rules of "dismissed");
//   - rebuttal-clause: a rebuttal that takes the disputed clause itself ("this
//     fiction that CLAUSE", "the lie that CLAUSE", "was wrong to say CLAUSE", "no
//     evidence that CLAUSE", "anyone claiming that CLAUSE is peddling fiction"); the
//     speaker of the statement holding it is the disputer
//     (the opening subject of a verb of saying when the attribution stage found none);
//   - rebuttal-agent: a rebuttal verb whose subject is the agent of a claim ("Reyes
//     said Whitlow had lied about it", "'She made it up,' he said", "he believed she
//     had fabricated the story"): the speaker disputes the agent's nearest claim.
//
// The claim is the one the subject's noun points to ("the report"), else, for a bare
// "this", "that" or "it", the nearest preceding claim of someone else within three
// sentences. Several cues of one quoted statement against one claim are one dispute.
// "I never said that" may dispute the speaker's own words as someone else reports
// them (disputes_selfdenial.go). An answer that says the contrary with no rebuttal
// phrase ("Reyes fired back, saying he has always supported the program") is rule
// rebuttal-response (rebuttals_response.go).

// rebuttalPhrases are the phrases of lexicon/rebuttals.txt, as words.
var rebuttalPhrases = func() [][]string {
	var out [][]string
	for _, f := range lexiconRows("rebuttals.txt") {
		out = append(out, strings.Fields(strings.ToLower(f[0])))
	}
	return out
}()

// nounOnlyRebuttals are the phrases of lexicon/rebuttals.txt marked "noun": they call
// a claim untrue only when a claim noun is their subject or object ("the report was
// wrong", "called the claims wrong"); "that is wrong" and "calling it wrong" as
// often judge an act or a policy.
var nounOnlyRebuttals = func() map[string]bool {
	m := map[string]bool{}
	for _, f := range lexiconRows("rebuttals.txt") {
		if len(f) > 1 && f[1] == "noun" {
			m[strings.ToLower(f[0])] = true
		}
	}
	return m
}()

// nounOnlyAt reports whether the rebuttal phrase toks[k:k+n] is one of
// nounOnlyRebuttals.
func nounOnlyAt(toks []scanToken, k, n int) bool {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = toks[k+i].Lower
	}
	return nounOnlyRebuttals[strings.Join(ws, " ")]
}

// rebuttalFillers may stand between "is" and the rebuttal ("is pure fiction", "is a
// complete lie", "are totally false").
var rebuttalFillers = disputeWordClass("rebuttal_filler")

// intensifier reports whether t is an adverb of degree in -ly that the closed list
// of rebuttalFillers lacks ("grossly inaccurate", "wildly false", "deeply
// misleading"): a lowercase word of five letters or more ending in "ly".
func intensifier(t scanToken) bool {
	return t.Kind == 'w' && t.Text == t.Lower && len(t.Lower) >= 5 && strings.HasSuffix(t.Lower, "ly")
}

// callVerbs call something by a name ("called the report false").
var callVerbs = disputeWordClass("call_verb")

// beWords link a subject to a rebuttal ("this is", "the claims are"); "that's" and
// "it's" carry it in one token.
var beWords = disputeWordClass("be")

// rebuttalAt returns the number of tokens of the longest rebuttal phrase at toks[k],
// or 0: "misleading to say" before "misleading", "false claims" before "false".
func rebuttalAt(toks []scanToken, k int) int {
	best := 0
	for _, p := range rebuttalPhrases {
		if k+len(p) > len(toks) || len(p) <= best {
			continue
		}
		ok := true
		for i, w := range p {
			if toks[k+i].Lower != w {
				ok = false
				break
			}
		}
		if ok {
			best = len(p)
		}
	}
	return best
}

// rebuttals finds the disputes of both rebuttal rules in every sentence that holds
// a rebuttal phrase.
func (f *disputeFinder) rebuttals() {
	for si, s := range f.sents {
		toks := f.r.tx.scan(s.Start, s.End)
		for k := range toks {
			if toks[k].Kind != 'w' {
				continue
			}
			n := rebuttalAt(toks, k)
			if n == 0 || f.insideDisputedContent(toks[k].Start) { // rebuttals_inside.go
				continue
			}
			if c := rebuttalClauseStart(toks, k, n); c > 0 {
				f.rebuttalClause(si, toks, k, n, c)
				continue
			}
			if c, e := claimantClause(toks, k); c > 0 && rebuttalEnds(toks, k+n) {
				f.rebuttalClaimant(si, toks, k, n, c, e)
				continue
			}
			if rebuttalEnds(toks, k+n) || (rebuttalVerbs[toks[k].Lower] && (verbObjectOK(toks, k+n) || misrepresentVerbs[toks[k].Lower])) {
				f.rebuttal(si, toks, k, n)
			}
		}
	}
}

// verbObjectOK reports whether what follows a rebuttal verb at toks[j] still lets it
// call a claim untrue: "lied about ...", "fabricated the story", "made up her
// account".
func verbObjectOK(toks []scanToken, j int) bool {
	if j >= len(toks) {
		return true
	}
	if toks[j].Lower == "about" {
		return true
	}
	if !anaphorDeterminers[toks[j].Lower] && !possessivePronouns[toks[j].Lower] {
		return false
	}
	for n := j + 1; n < len(toks) && n <= j+2; n++ {
		if _, ok := claimNouns[toks[n].Lower]; ok {
			return true
		}
	}
	return false
}

// rebuttalEnds reports whether a rebuttal ending before toks[k] ends its clause.
func rebuttalEnds(toks []scanToken, k int) bool {
	if k >= len(toks) || toks[k].Kind != 'w' || judgmentHeadEnds(toks, k) { // "a smear campaign" (rebuttals_campaign.go)
		return true
	}
	switch toks[k].Lower {
	case "and", "or", "but", "because":
		return true // "the report is misleading because it only focuses on ..."

	case "then", "now", "today": // "It was false then, and it is false today"
		return rebuttalEnds(toks, k+1)
	case "at": // "not true at all", "a stretch at best"
		return k+1 < len(toks) && (toks[k+1].Lower == "all" || toks[k+1].Lower == "best") && rebuttalEnds(toks, k+2) ||
			trailingAdjunct(toks, k) && !actDenialEnd(toks[k-1].Lower) // "false at a news conference" (rebuttals_adjunct.go)
	case "to", "in":
		if toks[k-1].Lower == "truth" || toks[k-1].Lower == "basis" {
			return true // "no truth to the report"
		}
		return toks[k].Lower == "in" && trailingAdjunct(toks, k) && !actDenialEnd(toks[k-1].Lower) // "false in a statement" (rebuttals_adjunct.go)
	case "of":
		return rebuttalOfNouns[toks[k-1].Lower] // "a distortion of the events"
	}
	if trailingAdjunct(toks, k) && !actDenialEnd(toks[k-1].Lower) {
		return true // "were wrong during a hearing last week" (rebuttals_adjunct.go)
	}
	if _, noun := claimNouns[toks[k].Lower]; noun && toks[k-1].Kind == 'w' && k+1 <= len(toks) {
		// "calls this a false narrative", "called the reports baseless claims": the
		// judging word modifies a claim noun that ends the clause
		return k+1 == len(toks) || toks[k+1].Kind != 'w' && toks[k+1].Kind != 'q' && toks[k+1].Text != "-"
	}
	return false
}

// rebuttal tries both rules on the rebuttal phrase toks[k:k+n].
func (f *disputeFinder) rebuttal(si int, toks []scanToken, k, n int) {
	j := k - 1
	for j >= 0 && (rebuttalFillers[toks[j].Lower] || toks[j].Kind == 'q' || intensifier(toks[j])) {
		j-- // 'is a "distortion"': quotation marks around the judging word
	}
	if n == 1 && rebuttalNouns[toks[k].Lower] && nounModifier(toks, j) {
		// 'called the report a "boldfaced lie"': one adjective of the noun's own
		for j--; j >= 0 && (rebuttalFillers[toks[j].Lower] || toks[j].Kind == 'q'); j-- {
		}
	}
	if coordinatedJudgment(toks, j) {
		// '"That is irresponsible and false"', 'called the report "reckless and false"':
		// another judging word coordinated before the rebuttal
		for j -= 2; j >= 0 && (rebuttalFillers[toks[j].Lower] || toks[j].Kind == 'q' || intensifier(toks[j])); j-- {
		}
	}
	if m := nameModifier(toks, j); m > 0 {
		j -= m // "serve as Hamas propaganda", "is Kremlin propaganda": a name modifies the rebuttal
	}
	if j < 0 || toks[j].Kind == 'p' {
		// the rebuttal opens its clause: "'Nice try, not true,' she said"; the
		// statement rule takes it only near the start of an attribution's content
		if !nounOnlyAt(toks, k, n) {
			f.rebuttalStatement(si, toks, k, n, -1)
		}
		return
	}
	w := toks[j].Lower
	if nounOnlyAt(toks, k, n) {
		// "the report was wrong", "called the claims wrong": a claim noun right
		// before "is" or the phrase
		subj := j
		if beWords[w] && j > 0 {
			subj = j - 1
		}
		if _, noun := claimNouns[toks[subj].Lower]; !noun {
			f.rebuttalCalledAbout(si, toks, k, n, j) // disputes_reports.go: "called reports of the layoffs a rumor"
			return
		}
	}
	switch {
	case beWords[w] && progressiveRebuttal(toks, k) && f.rebuttalAgent(si, toks, k, n):
		// "Reyes said Whitlow was lying", "'She is lying,' he said": an agent as the
		// subject of a progressive rebuttal verb (rule rebuttal-agent)
	case linkingBefore(toks, j) >= 0:
		// "these statistics serve as propaganda", "the report amounts to a smear"
		f.rebuttalStatement(si, toks, k, n, linkingBefore(toks, j))
	case beWords[w] || strings.HasSuffix(w, "'s") || w == "there",
		(w == "has" || w == "have" || w == "had") && (toks[k].Lower == "no" || toks[k].Lower == "nothing"):
		// "the claims had no merit", "this has nothing to do with reality"
		f.rebuttalStatement(si, toks, k, n, j)
	case bareStatementSubject(toks, j, k, n):
		f.rebuttalStatement(si, toks, k, n, j) // "That never happened", "the report did not ring true"
	case rebuttalVerbs[toks[k].Lower] && f.rebuttalAgent(si, toks, k, n):
	case f.spreadAgent(si, toks, j, k, n): // "police were spreading lies" (rebuttals_spread.go)
	case toks[k].Lower == "never" || toks[k].Lower == "did" || toks[k].Lower == "didn't":
		f.neverHappened(si, toks, k, n, j)
	default:
		f.rebuttalCalled(si, toks, k, n, j)
	}
}

// coordinatedJudgment reports whether toks[j] is "and" or "or" after a lowercase word
// that no rule reads as a subject, a verb of calling or a determiner (an adjective:
// "reckless and false"). A comma is no coordination here: "Nice try, not true" opens
// its own clause.
func coordinatedJudgment(toks []scanToken, j int) bool {
	if j < 1 || (toks[j].Lower != "and" && toks[j].Lower != "or") {
		return false
	}
	w := toks[j-1]
	return w.Kind == 'w' && w.Text == w.Lower && !beWords[w.Lower] && !anaphorDeterminers[w.Lower] &&
		!callVerbs[w.Lower] && !clauseSubjects[w.Lower] && !possessivePronouns[w.Lower] && !strings.HasSuffix(w.Lower, "'s")
}

// nounModifier reports whether toks[j] is an adjective before a rebuttal noun: a
// lowercase word after an indefinite article or an opening quotation mark ("a
// boldfaced lie", 'a "shameful smear"'), that no rule reads as a subject or a verb.
func nounModifier(toks []scanToken, j int) bool {
	if j < 1 || toks[j].Kind != 'w' || toks[j].Text != toks[j].Lower || beWords[toks[j].Lower] ||
		anaphorDeterminers[toks[j].Lower] || callVerbs[toks[j].Lower] || clauseSubjects[toks[j].Lower] {
		return false
	}
	p := toks[j-1]
	return p.Lower == "a" || p.Lower == "an" || p.Kind == 'q' && j >= 2 && (toks[j-2].Lower == "a" || toks[j-2].Lower == "an")
}

// agentClaimSentences is how far back rule rebuttal-agent looks for the agent's
// claim: farther than an anaphor does, since the agent names whose claim it is.
const agentClaimSentences = 6

// rebuttalVerbs and rebuttalAux are read by rule rebuttal-agent.
var (
	rebuttalVerbs = disputeWordClass("rebuttal_verb")
	rebuttalAux   = disputeWordClass("rebuttal_aux")
)

// rebuttalAgent: a rebuttal verb whose subject is an agent ("'She made it up,' he
// said", "Reyes said Whitlow had lied about the vote"), inside a statement of someone
// else: the speaker disputes that agent's nearest claim (within anaphorSentences
// sentences), or the agent alone when the text holds none. It reports whether the
// verb had such a subject.
func (f *disputeFinder) rebuttalAgent(si int, toks []scanToken, k, n int) bool {
	s := k - 1
	for s >= 0 && s >= k-3 && rebuttalAux[toks[s].Lower] {
		s--
	}
	if s < 0 || toks[s].Kind != 'w' {
		return false
	}
	a := f.attributionHolding(toks[s].Start)
	if a == nil || a.Speaker == nil || toks[s].Start < a.Content.Start {
		return false
	}
	if f.accusingCue(a) {
		return true // "indicted her, alleging that she misrepresented how she used the house": misconduct alleged, no claim of hers judged
	}
	agent := ""
	switch toks[s].Lower {
	case "he", "she", "they":
		agent = f.r.resolvePronoun(toks[s].Text, toks[s].Start)
	default:
		if m := f.entityEndingAt(toks, s); m != nil && m.Kind != MentionPronoun {
			agent = m.Entity
		}
	}
	if agent == "" || agent == *a.Speaker {
		return agent != ""
	}
	m := ruleMatch{target: &agent}
	if id := f.speakerClaim(agent, toks[s].Start, false); id != "" && f.within(id, si, agentClaimSentences) {
		m.claim = &id
	}
	f.coord = f.coord[:0]
	cue := scanToken{Text: toks[k].Text, Start: toks[k].Start, End: toks[k+n-1].End}
	f.emitOne(graph.DisputeRebuts, *a.Speaker, rebuttalAgentRule, m, cue, f.sents[si])
	return true
}

// progressiveRebuttal reports whether toks[k] is a rebuttal verb in -ing ("lying",
// "misrepresenting"), which after a form of "be" makes its subject the one who lies,
// never a claim judged ("the report is misleading" has an adjective of its own,
// "misleading", of no class rebuttal_verb).
func progressiveRebuttal(toks []scanToken, k int) bool {
	return rebuttalVerbs[toks[k].Lower] && strings.HasSuffix(toks[k].Lower, "ing")
}

// rebuttalStatement: the rebuttal is the predicate of an attribution's content whose
// subject (ending at toks[be]) points back to a claim, or, be -1, the rebuttal stands
// alone at the start of the content ("'Nonsense,' she said").
func (f *disputeFinder) rebuttalStatement(si int, toks []scanToken, k, n, be int) {
	a := f.attributionHolding(toks[k].Start)
	if a == nil {
		return
	}
	rule := rebuttalQuoteRule
	if a.Speaker == nil {
		id := f.representativeSource(a, toks)
		if id == "" {
			id = f.headNounSource(a, toks) // "The ministry has highlighted that ..."
		}
		if id == "" {
			if id = f.participleSpeaker(a, toks); id == "" {
				return
			}
			rule = rebuttalParticipleRule // ", stating that such allegations are baseless"
		}
		a = &Attribution{ID: a.ID, Cue: a.Cue, Source: a.Source, Content: a.Content, Kind: a.Kind, Speaker: &id, Sentence: a.Sentence}
	} else if id := f.nominalSource(a, toks); id != "" {
		// "The company said the allegations were baseless", "The mayor's spokesman
		// said ...": the speaker stage made the nominal an agent of its own
		a = &Attribution{ID: a.ID, Cue: a.Cue, Source: a.Source, Content: a.Content, Kind: a.Kind, Speaker: &id, Sentence: a.Sentence}
	}
	subj := be // -1: no subject
	if be >= 0 && (beWords[toks[be].Lower] || toks[be].Lower == "has" || toks[be].Lower == "have" || toks[be].Lower == "had" || rebuttalLinks[toks[be].Lower]) {
		subj = raisedSubject(toks, be-1)
	}
	cue := scanToken{Text: toks[k].Text, Start: toks[k].Start, End: toks[k+n-1].End}
	v := &verbSite{si: si, toks: toks, i: k, n: n, kind: graph.DisputeRebuts, disputer: *a.Speaker, subjStart: 0}
	var m ruleMatch
	switch {
	case toks[k].Lower == "no" && k+n+1 < len(toks) && (toks[k+n].Lower == "to" || toks[k+n].Lower == "in") && !factNouns[toks[k+n+1].Lower]:
		// "there is no truth to the report"
		m, _ = f.anaphor(v, k+n, k+n+2)
	case subj < 0 || toks[subj].Start < a.Content.Start:
		if toks[k].Start-a.Content.Start <= 12 { // the content is the rebuttal ("Nonsense," she said)
			m = f.nearestOther(a, si, *a.Speaker)
		}
	case f.bareReference(toks, subj):
		if opensStatement(toks, subj, a.Content.Start) {
			m = f.nearestOther(a, si, *a.Speaker)
		} else if subj > 0 && (toks[subj-1].Lower == "and" || toks[subj-1].Lower == "but") {
			m = f.reportedBefore(a, toks, subj, *a.Speaker) // "they argue CLAUSE, and that is just not true"
		}
	default:
		if c := subjectNounClause(toks, a.Content.Start, subj); c >= 0 {
			m, _ = f.clauseClaimTo(v, c, subj+1) // "this notion that CLAUSE is not true"
			m.target = f.possessor(toks, c-2)    // "Rubio's claim that ...": Rubio
		} else if pm, ok := f.possessiveSubject(v, subj); ok {
			m = pm // "Cruz's description was false"
		} else if pm, ok := f.prepositionSubject(v, a.Content.Start, subj); ok {
			m = pm // "all of the claims in Podliska's suit are false"
		} else if pm, ok := f.participleSubject(v, a.Content.Start, subj); ok {
			m, rule = pm, rebuttalParticipleSubjectRule // "the report published by the paper is false"
		} else {
			m, _ = f.anaphor(v, max(0, subj-3), subj)
		}
	}
	if m.claim != nil {
		f.coord = f.coord[:0]
		f.emitOne(graph.DisputeRebuts, *a.Speaker, rule, m, cue, f.sents[si])
	}
}

// representativeSource resolves the source of an attribution that the speaker stage
// left without a speaker when it is a representative of a possessor ("Gowdy’s office
// assured the American people that ..."), or "the company" for the one business named
// in its sentence or the two before (companySubject: "Critics said Velmor Industries
// had dumped waste. The company said the allegations were baseless."), in the sentence
// toks: that entity, or "".
func (f *disputeFinder) representativeSource(a *Attribution, toks []scanToken) string {
	if a.Source == nil {
		return ""
	}
	for k := range toks {
		if toks[k].End == a.Source.End && toks[k].Kind == 'w' {
			if id, _ := f.representedBy(toks, k); id != "" {
				return id
			}
			if id := f.representedByName(toks, k); id != "" {
				return id
			}
			// "The company said the allegations were baseless": the one business named
			// in the sentence or the two before
			id, _ := f.companySubject(toks, k)
			if id == "" {
				id, _ = f.campaignSubject(toks, k) // "The campaign said the report was false" (disputes_campaign.go)
			}
			return id
		}
	}
	return ""
}

// nominalSource resolves the source of an attribution that the speaker stage gave a
// speaker of its own when that source is a nominal, not a name ("The company said
// ...", "The mayor's spokesman said ..."): the entity representativeSource finds for
// it (the possessor of a representative, the one business named shortly before),
// or "" to keep the speaker. A source that is a name is kept.
func (f *disputeFinder) nominalSource(a *Attribution, toks []scanToken) string {
	if a.Source == nil || a.Speaker == nil {
		return ""
	}
	if m := f.mentionEndingAt(a.Source.End); m != nil && m.Kind == MentionName {
		return ""
	}
	if id := f.representativeSource(a, toks); id != "" && id != *a.Speaker {
		return id
	}
	return f.sameRepresentative(a)
}

// sameRepresentativeSentences is how far back sameRepresentative looks for the
// statement that named whom a bare representative speaks for.
const sameRepresentativeSentences = 3

// sameRepresentative resolves a bare representative source "the spokesperson", "the
// spokesman" (lexicon class representative, after "the") to the principal an earlier
// statement's source named with the same noun ("An Adani Group spokesperson said ...
// The spokesperson further said ..."): the speaker of the nearest attribution before
// a, within sameRepresentativeSentences sentences, whose source ends with or holds
// that noun and whose speaker is a named entity; else "".
func (f *disputeFinder) sameRepresentative(a *Attribution) string {
	src := strings.Fields(strings.ToLower(string(f.d.Runes[a.Source.Start:a.Source.End])))
	if len(src) != 2 || src[0] != "the" || !representatives[src[1]] {
		return ""
	}
	si := f.sentenceOf(a.Source.Start)
	from := f.sents[max(0, si-sameRepresentativeSentences)].Start
	best := -1
	for k := range f.d.Attributions {
		b := &f.d.Attributions[k]
		if b.Source == nil || b.Speaker == nil || b.Source.Start < from || b.Source.End > a.Source.Start || *b.Speaker == *a.Speaker {
			continue
		}
		words := strings.Fields(strings.ToLower(string(f.d.Runes[b.Source.Start:b.Source.End])))
		holds := false
		for _, w := range words {
			if strings.Trim(w, ",.") == src[1] {
				holds = true
			}
		}
		if !holds || len(words) < 2 {
			continue
		}
		if e := f.r.entity(*b.Speaker); e == nil || strings.Contains(strings.ToLower(e.Name), src[1]) {
			continue // the earlier source is no more than "a spokesman" itself
		}
		if best < 0 || b.Source.Start > f.d.Attributions[best].Source.Start {
			best = k
		}
	}
	if best < 0 {
		return ""
	}
	return *f.d.Attributions[best].Speaker
}

// representedByName reads a statement's source "the NAME REPRESENTATIVE" ending at
// toks[k] ("The Clinton campaign said the AP report was misleading", "a Trump
// spokeswoman said"): a name of a person or an organization the entity stage knows,
// used as a modifier after "the" or "a"; its entity, or "". Only a statement's source
// is read so: what a statement calls untrue is in the statement itself.
func (f *disputeFinder) representedByName(toks []scanToken, k int) string {
	if k < 2 || !representatives[toks[k].Lower] || toks[k].Text != toks[k].Lower {
		return ""
	}
	m := f.mentionEndingAt(toks[k-1].End)
	if m == nil || m.Kind != MentionName || m.Span.End != toks[k-1].End {
		return ""
	}
	start := k - 1
	for start > 0 && toks[start-1].Start >= m.Span.Start {
		start--
	}
	if start < 1 || (toks[start-1].Lower != "the" && toks[start-1].Lower != "a") {
		return ""
	}
	if e := f.r.entity(m.Entity); e == nil || (e.Kind != graph.KindPerson && e.Kind != graph.KindOrganization) {
		return ""
	}
	return m.Entity
}

// prepositionSubject reads a subject "DET CLAIM-NOUN in/of/about NP" ending at
// toks[subj] ("the claims in Podliska's suit are false", "the reports about the
// shelling were untrue"), inside the content that starts at contentStart: the claim
// the noun points back to, else the subject itself as a claim of origin "disputed"
// (what it says is stated nowhere the rules can place).
func (f *disputeFinder) prepositionSubject(v *verbSite, contentStart, subj int) (ruleMatch, bool) {
	toks := v.toks
	for p := subj - 2; p >= 1 && subj-p <= 6 && toks[p].Start >= contentStart; p-- {
		if toks[p].Kind != 'w' {
			return ruleMatch{}, false
		}
		if _, ok := claimNouns[toks[p].Lower]; !ok || (!aboutPrepositions[toks[p+1].Lower] && toks[p+1].Lower != "in") {
			continue
		}
		d := p - 1
		if !anaphorDeterminers[toks[d].Lower] && !isPossessive(toks, d) {
			return ruleMatch{}, false
		}
		if d >= 2 && toks[d-1].Lower == "of" && (toks[d-2].Lower == "all" || toks[d-2].Lower == "some" || toks[d-2].Lower == "many") {
			d -= 2 // "all of the claims in ..."
		}
		if id := f.precedingClaim(toks[d].Start, v.si, false, v.disputer, 1); id != "" && f.sameParagraph(id, v.si) {
			return ruleMatch{claim: &id}, true
		}
		sp := spanWithText(f.d.Runes, Span{Start: toks[d].Start, End: toks[subj].End})
		id := f.addClaim(Claim{Text: sp.Text, Span: sp, Origin: "disputed"})
		return ruleMatch{claim: &id}, true
	}
	return ruleMatch{}, false
}

// possessiveSubject reads a subject "NAME's CLAIM-NOUN" ending at toks[subj] ("Cruz's
// description was false") as the rule anaphor-possessive reads an object: the
// possessor's nearest claim.
func (f *disputeFinder) possessiveSubject(v *verbSite, subj int) (ruleMatch, bool) {
	if _, ok := claimNouns[v.toks[subj].Lower]; !ok {
		return ruleMatch{}, false
	}
	for p := subj - 1; p >= 1 && p >= subj-3; p-- {
		if f.mentionStartingAt(v.toks[p].Start) == nil {
			continue
		}
		at := *v
		at.i, at.n = p-1, 1 // the possessive is the "object" after toks[p-1]
		if m, ok := f.anaphorPossessive(&at); ok && m.claim != nil {
			return m, true
		}
	}
	return ruleMatch{}, false
}

// bareReference reports whether toks[i] is a bare pronoun subject that points back
// ("this", "that", "it", "these", "those", "that's", "it's").
func (f *disputeFinder) bareReference(toks []scanToken, i int) bool {
	switch strings.TrimSuffix(toks[i].Lower, "'s") {
	case "this", "that", "it", "these", "those", "there":
		// "said that is a distortion": a "that" right before "is" is the subject, not
		// the complementizer; so is one right before a rebuttal that is a verb phrase
		// ("said that never happened": a that-clause would need a subject of its own)
		return i == 0 || toks[i-1].Kind != 'w' || toks[i-1].Lower == "that" || i+1 < len(toks) && (beWords[toks[i+1].Lower] || verbRebuttalAt(toks, i+1))
	}
	return false
}

// verbRebuttalAt reports whether a rebuttal phrase that is a verb phrase without a
// subject begins at toks[k] ("never happened", "did not happen", "didn't happen").
func verbRebuttalAt(toks []scanToken, k int) bool {
	switch toks[k].Lower {
	case "never", "did", "didn't":
		return rebuttalAt(toks, k) > 0
	}
	return false
}

// opensStatement reports whether toks[i] begins its statement: nothing but quotes
// and punctuation stands between the content's start and it, or a sentence ends
// right before it. "When I am described as a spy, it's not true" points inside its
// own statement, not back to another claim.
func opensStatement(toks []scanToken, i, contentStart int) bool {
	if i > 0 {
		switch toks[i-1].Text {
		case ".", "!", "?":
			return true
		}
	}
	for k := i - 1; k >= 0 && toks[k].Start >= contentStart; k-- {
		if toks[k].Kind == 'w' || toks[k].Kind == 'n' {
			return false
		}
	}
	return true
}

// nearestOther returns the nearest claim before the attribution's sentence that the
// speaker did not say.
func (f *disputeFinder) nearestOther(a *Attribution, si int, speaker string) ruleMatch {
	pos := min(a.Content.Start, a.Sentence.Start)
	if a.Sentence.End == 0 {
		pos = f.sents[si].Start
	}
	if m := f.claimSaidAfter(a, speaker); m.claim != nil {
		return m // rebuttals_meaning.go: "'This is pure fiction,' X said after Y claimed that ..."
	}
	if pos < len(f.d.Runes) && isQuote(f.d.Runes[pos]) {
		// the statement's opening quotation mark may close the content before it
		// ('reported that the mill would close. "' as the speaker stage reads it)
		pos++
	}
	// a claim someone made (or an accusation) before any statement of the article's own:
	// a rebuttal answers a speaker ("I didn't have an involvement with them. That is
	// total propaganda," after a question about it), seldom the reporter's background
	if id := f.latestClaim(pos, si, anaphorSentences, false, speaker, (*disputeFinder).isSpoken); id != "" {
		return ruleMatch{claim: &id}
	}
	if id := f.precedingClaim(pos, si, false, speaker, anaphorSentences); id != "" {
		return ruleMatch{claim: &id}
	}
	if id := f.claimAboutEntity(speaker, si, pos); id != "" {
		return ruleMatch{claim: &id, rule: anaphorAboutRule} // disputes_about.go
	}
	return f.rebuttalByMeaning(a, si, pos, speaker) // rebuttals_meaning.go
}

// reportedBefore returns the claim someone else makes inside the statement a, before
// the bare subject toks[subj] of a rebuttal that follows "and" or "but" ("'They argue
// that immigrants are taking your paycheck, and that is just not true,' Obama said"):
// the statement reports a claim and calls it untrue in one breath. The claim is the
// one of an attribution nested in a's content that ends last before the subject,
// whose speaker is not the statement's; else the clause of a verb of saying
// (lexicon/lexical_cues.txt classes that_verb, say_verb) inside the content, up to
// the "and" or "but", as a claim of origin "disputed", when the verb's subject is not
// the speaker's own "I" or "we" (rule rebuttal-statement).
func (f *disputeFinder) reportedBefore(a *Attribution, toks []scanToken, subj int, speaker string) ruleMatch {
	pos := toks[subj].Start
	var best *Claim
	for k := range f.d.Claims {
		c := &f.d.Claims[k]
		if c.Attribution == nil || *c.Attribution == a.ID || c.Span.Start < a.Content.Start || c.Span.End > pos {
			continue
		}
		if c.Speaker != nil && *c.Speaker == speaker {
			continue
		}
		if best == nil || c.Span.End > best.Span.End {
			best = c
		}
	}
	if best != nil {
		id := best.ID
		return ruleMatch{claim: &id}
	}
	end := subj - 2 // the token before "and"
	if end >= 0 && toks[end].Text == "," {
		end--
	}
	for v := end - 3; v >= 1 && toks[v].Start >= a.Content.Start; v-- {
		t := toks[v]
		if t.Kind != 'w' || !(thatVerbs[t.Lower] || sayVerbs[t.Lower] || cueSayVerbs[t.Lower]) {
			continue
		}
		switch toks[v-1].Lower {
		case "i", "we":
			return ruleMatch{}
		}
		if toks[v-1].Kind != 'w' || toks[v-1].Start < a.Content.Start {
			return ruleMatch{}
		}
		c := v + 1
		if toks[c].Lower == "that" {
			c++
		}
		if end-c < 2 {
			return ruleMatch{}
		}
		sp := spanWithText(f.d.Runes, Span{Start: toks[c].Start, End: toks[end].End})
		id := f.addClaim(Claim{Text: sp.Text, Span: sp, Origin: "disputed"})
		return ruleMatch{claim: &id}
	}
	return ruleMatch{}
}

// isSpoken reports whether c is a claim of a speaker or an accusation, not a
// statement of the article's own.
func (f *disputeFinder) isSpoken(c *Claim, _ string) bool {
	return c.Speaker != nil || c.Accused != nil || c.Origin == "accusation"
}

// rebuttalCalled: "called the report false", "dismissed the allegations as nonsense":
// the object before the rebuttal (ending at toks[j]) is a claim noun or pronoun, and a
// verb of calling stands before it.
func (f *disputeFinder) rebuttalCalled(si int, toks []scanToken, k, n, j int) {
	obj := j
	reach := 3
	if _, noun := claimNouns[toks[j].Lower]; noun {
		reach = calledNounReach // "calling the two lengthy investigative reports inaccurate"
	}
	for obj >= 0 && j-obj <= reach && !callVerbs[toks[obj].Lower] && (obj == j || toks[obj].Kind == 'w') {
		obj--
	}
	if obj < 0 || !callVerbs[toks[obj].Lower] {
		obj = calledPastTime(toks, j) // "called that report Friday a lie"
	}
	if obj < 0 || !callVerbs[toks[obj].Lower] {
		if f.rebuttalCalledAbout(si, toks, k, n, j) {
			return // disputes_reports.go: "calling reports of the layoffs a rumor"
		}
		f.rebuttalCalledInline(si, toks, k, n, j)
		return
	}
	if obj == j || negatedBefore(toks, obj) {
		return
	}
	if _, ok := disputeVerbs[toks[obj].Lower]; ok {
		return // "dismissed the report as fabricated": the dispute verb's own rule has it
	}
	v := &verbSite{si: si, toks: toks, i: obj, n: 1, kind: graph.DisputeRebuts}
	v.disputer, v.subjStart = f.subject(toks, obj)
	if v.disputer == "" && obj > 0 && toks[obj-1].Text == "," && participleCalls[toks[obj].Lower] {
		v.disputer, v.subjStart = f.openingSubjectAfterAdjunct(toks, obj) // "X slammed the suit, calling it meritless" (rebuttals_coordinated.go)
	}
	if k := skipToSubject(toks, obj); v.disputer == "" && (k < 0 || !relativeWords[toks[k].Lower]) {
		// "Acme Corp. called the report false": the source the speaker stage resolved
		// for the verb of calling, as site does for a dispute verb
		v.disputer = f.cueSource(toks[obj].Start)
	}
	coordinated := false
	if v.disputer == "" {
		// "X expressed indignation and began to call the allegations absurd" (rebuttals_coordcall.go)
		v.disputer, v.subjStart = f.coordinatedCaller(toks, obj)
		coordinated = v.disputer != ""
	}
	if v.disputer == "" {
		return
	}
	m, ok := f.anaphor(v, obj+1, j+1)
	if !ok {
		switch toks[obj+1].Lower {
		case "it", "them", "this", "that": // "called that 'beyond preposterous'"
			if id := f.precedingClaim(toks[obj].Start, si, false, v.disputer, 1); id != "" {
				m, ok = ruleMatch{claim: &id}, true
			}
		default:
			if id := f.possessedClaim(toks, obj+1, j, si, v.disputer); id != "" {
				m, ok = ruleMatch{claim: &id}, true // "called Reyes's claim a lie" (rebuttals_possessed.go)
				break
			}
			if j-obj > 3 && anaphorDeterminers[toks[obj+1].Lower] {
				// "calling the two lengthy investigative reports inaccurate": a claim
				// noun (reach calledNounReach) with words before it, read as "calling
				// the reports inaccurate" is
				if id := f.precedingClaim(toks[obj].Start, si, false, v.disputer, 1); id != "" {
					m, ok = ruleMatch{claim: &id}, true
				}
			}
		}
	}
	if ok {
		f.coord = f.coord[:0]
		cue := scanToken{Text: toks[k].Text, Start: toks[k].Start, End: toks[k+n-1].End}
		if coordinated && m.rule == nil {
			m.rule = rebuttalCalledCoordinatedRule
		}
		f.emitCoordinatedCallers(v, m, cue) // "Reyes and Tulley called the claim false" (rebuttals_coordinated.go)
		f.emitOne(graph.DisputeRebuts, v.disputer, rebuttalCalledRule, m, cue, f.sents[si])
	}
}

// calledNounReach is how many tokens a verb of calling may stand before the claim
// noun that heads its object ("calling the two lengthy investigative reports
// inaccurate": a determiner, a number and adjectives between), words only; an object
// that is not a claim noun ("called it", "called that report") keeps a reach of 3.
const calledNounReach = 6

// calledPastTime returns the verb of calling before an object and a time expression
// that end at toks[j] ("called that report Friday a lie", "called the claims on
// Tuesday baseless"): a verb of calling, a determiner or pronoun and up to two words,
// then the time expression; -1 if none.
func calledPastTime(toks []scanToken, j int) int {
	if j >= 0 && (toks[j].Lower == "a" || toks[j].Lower == "an") {
		j--
	}
	t := timeBefore(toks, j)
	if t == 0 {
		return -1
	}
	for obj := j - t; obj >= 0 && j-t-obj <= 3; obj-- {
		if toks[obj].Kind != 'w' {
			return -1
		}
		if callVerbs[toks[obj].Lower] {
			return obj
		}
	}
	return -1
}

// rebuttalCalledInline: "the ministry called a report that its troops had crossed
// the border false": a verb of calling, a claim noun with "that" and its clause, then
// the rebuttal; the clause (ending at toks[j]) is the claim disputed, as a claim of
// origin "disputed" (rule rebuttal-called-inline).
func (f *disputeFinder) rebuttalCalledInline(si int, toks []scanToken, k, n, j int) {
	for obj := j - 3; obj >= 0 && j-obj <= maxClauseWords; obj-- {
		x := toks[obj].Text
		if x == "," || x == ";" || x == ":" || x == "." || toks[obj].Kind == 'q' {
			return // the clause before the rebuttal holds no verb of calling
		}
		if !callVerbs[toks[obj].Lower] {
			continue
		}
		if _, ok := disputeVerbs[toks[obj].Lower]; ok || negatedBefore(toks, obj) {
			return
		}
		if f.rebuttalCalledGerund(si, toks, k, n, j, obj) {
			return // "blasts India's claim of downing six jets as implausible" (rebuttals_gerund.go)
		}
		c := obj + 1
		if c < len(toks) && (toks[c].Lower == "a" || toks[c].Lower == "an" || anaphorDeterminers[toks[c].Lower]) {
			c++
		}
		if c+2 > j || toks[c+1].Lower != "that" {
			return
		}
		if _, ok := claimNouns[toks[c].Lower]; !ok {
			return
		}
		v := &verbSite{si: si, toks: toks, i: obj, n: 1, kind: graph.DisputeRebuts}
		if v.disputer, v.subjStart = f.subject(toks, obj); v.disputer == "" {
			return
		}
		sp := spanWithText(f.d.Runes, Span{Start: toks[c+2].Start, End: toks[j].End})
		id := f.addClaim(Claim{Text: sp.Text, Span: sp, Origin: "disputed"})
		f.coord = f.coord[:0]
		cue := scanToken{Text: toks[k].Text, Start: toks[k].Start, End: toks[k+n-1].End}
		f.emitOne(graph.DisputeRebuts, v.disputer, rebuttalCalledInlineRule, ruleMatch{claim: &id}, cue, f.sents[si])
		return
	}
}

// attributionHolding returns the attribution with the shortest content that holds
// pos, or nil.
func (f *disputeFinder) attributionHolding(pos int) *Attribution {
	var best *Attribution
	for k := range f.d.Attributions {
		a := &f.d.Attributions[k]
		for _, fr := range spanFragments(a.Content) {
			if pos >= fr[0] && pos < fr[1] && (best == nil || a.Content.End-a.Content.Start < best.Content.End-best.Content.Start) {
				best = a
			}
		}
	}
	return best
}

// subjectNounClause finds a subject "DET claim-noun that CLAUSE" whose clause ends at
// toks[subj] ("This notion that the plan failed is not true", "Rubio's claim that Cruz
// backs amnesty is simply not true"), inside the content
// that starts at contentStart: the clause's first token, or -1.
func subjectNounClause(toks []scanToken, contentStart, subj int) int {
	for p := subj - 2; p >= 1 && subj-p <= maxClauseWords && toks[p].Start >= contentStart; p-- {
		if toks[p].Kind != 'w' || toks[p+1].Lower != "that" {
			continue
		}
		if _, ok := claimNouns[toks[p].Lower]; ok && (anaphorDeterminers[toks[p-1].Lower] || isPossessive(toks, p-1) || bareSubjectPlural(toks, p, contentStart)) && subj-(p+2) >= 2 {
			return p + 2
		}
	}
	return -1
}

// isPossessive reports whether toks[k] is a possessive pronoun or a word with a
// possessive ending ("his", "Rubio's", "Sanders’" with its apostrophe as a token).
func isPossessive(toks []scanToken, k int) bool {
	if k < 0 {
		return false
	}
	if toks[k].Kind == 'w' && possessivePronouns[toks[k].Lower] {
		return true
	}
	if _, poss := stripPossessive(toks[k].Text); poss && toks[k].Kind == 'w' {
		return true
	}
	return toks[k].Kind == 'q' && isApostrophe([]rune(toks[k].Text)[0]) && k >= 1 && toks[k-1].Kind == 'w'
}

// rebuttalNouns, rebuttalDeterminers and rebuttalSayVerbs are read by rule
// rebuttal-clause.
var (
	rebuttalNouns       = disputeWordClass("rebuttal_noun")
	rebuttalDeterminers = disputeWordClass("rebuttal_determiner")
	rebuttalSayVerbs    = disputeWordClass("rebuttal_say")
	relativeTellVerbs   = disputeWordClass("relative_tell")
)

// rebuttalClauseStart returns the first token of the clause that the rebuttal phrase
// toks[k:k+n] calls untrue, or -1: "this fiction that CLAUSE", "the lie that
// CLAUSE", "to lie to them that CLAUSE", "was wrong to say (that) CLAUSE", "no
// evidence that CLAUSE".
func rebuttalClauseStart(toks []scanToken, k, n int) int {
	j := k + n
	last := toks[j-1].Lower
	switch {
	case rebuttalSayVerbs[last]:
		if k >= 2 && (toks[k-2].Lower == "i" || toks[k-2].Lower == "we") {
			return -1 // "I was wrong to say": a retraction
		}
	case n == 1 && rebuttalNouns[last] && k >= 1 && (rebuttalDeterminers[toks[k-1].Lower] || (k >= 2 && rebuttalDeterminers[toks[k-2].Lower] && toks[k-1].Kind == 'w')):
	case n == 2 && toks[k].Lower == "no" && last == "evidence" && j < len(toks) && toks[j].Lower == "that":
		// "found no evidence that CLAUSE"
	case n == 1 && last == "lie" && k >= 1 && toks[k-1].Lower == "to":
		if j+1 < len(toks) && toks[j].Lower == "to" {
			j += 2 // "to lie to them that"
		}
	default:
		return -1
	}
	if j < len(toks) && toks[j].Lower == "that" {
		j++
	} else if !rebuttalSayVerbs[last] {
		return -1
	}
	end := clauseEnd(toks, j)
	if end-j < 3 || relativeTellVerbs[toks[end-1].Lower] {
		return -1 // "the lie that he told": a relative clause, not the claim
	}
	return j
}

// rebuttalClause: the clause a rebuttal phrase takes is the claim; the speaker of the
// statement that holds the phrase disputes it.
func (f *disputeFinder) rebuttalClause(si int, toks []scanToken, k, n, c int) {
	speaker := f.statementSpeaker(toks, k)
	if speaker == "" {
		return
	}
	v := &verbSite{si: si, toks: toks, i: k, n: n, kind: graph.DisputeRebuts, disputer: speaker, subjStart: -1}
	m, ok := f.clauseClaim(v, c)
	if !ok {
		return
	}
	f.coord = f.coord[:0]
	cue := scanToken{Text: toks[k].Text, Start: toks[k].Start, End: toks[k+n-1].End}
	f.emitOne(graph.DisputeRebuts, speaker, rebuttalClauseRule, m, cue, f.sents[si])
}

// claimants stand for whoever makes a claim that a statement calls untrue: "Anyone
// claiming that ... is peddling fiction" (lexicon/dispute_words.txt class claimant).
var claimants = disputeWordClass("claimant")

// claimantClause finds a subject "anyone claiming that CLAUSE" (or "those who say
// that CLAUSE") before the rebuttal at toks[k], with a verb of being or of telling
// between the clause and the rebuttal ("... is peddling fiction", "... are spreading
// lies"): the clause's first token and the index after its last, or -1, -1.
func claimantClause(toks []scanToken, k int) (int, int) {
	be := -1
	for j := k - 1; j >= 1 && k-j <= 4; j-- {
		if beWords[toks[j].Lower] {
			be = j
			break
		}
		if toks[j].Kind != 'w' || (!rebuttalFillers[toks[j].Lower] && !strings.HasSuffix(toks[j].Lower, "ing") && !intensifier(toks[j])) {
			return -1, -1
		}
	}
	for p := be - 2; p >= 1 && be-p <= maxClauseWords; p-- {
		if toks[p].Kind == 'p' && toks[p].Text != "," {
			return -1, -1
		}
		if toks[p].Lower != "that" || !reportVerbs[toks[p-1].Lower] && !sayVerbs[toks[p-1].Lower] && !rebuttalSayVerbs[toks[p-1].Lower] {
			continue
		}
		s := p - 2 // "anyone claiming", "those who say"
		if s >= 0 && toks[s].Lower == "who" {
			s--
		}
		if s < 0 || !claimants[toks[s].Lower] || be-(p+1) < 3 {
			return -1, -1
		}
		return p + 1, be
	}
	return -1, -1
}

// rebuttalClaimant: rule rebuttal-clause for "Anyone claiming that America's economy
// is in decline is peddling fiction," Obama said: the speaker disputes the clause.
func (f *disputeFinder) rebuttalClaimant(si int, toks []scanToken, k, n, c, e int) {
	speaker := f.outerSpeaker(toks[k].Start)
	if speaker == "" {
		speaker = f.statementSpeaker(toks, k)
	}
	if speaker == "" {
		return
	}
	v := &verbSite{si: si, toks: toks, i: k, n: n, kind: graph.DisputeRebuts, disputer: speaker, subjStart: -1}
	m, ok := f.clauseClaimTo(v, c, e)
	if !ok {
		return
	}
	f.coord = f.coord[:0]
	cue := scanToken{Text: toks[k].Text, Start: toks[k].Start, End: toks[k+n-1].End}
	f.emitOne(graph.DisputeRebuts, speaker, rebuttalClauseRule, m, cue, f.sents[si])
}

// outerSpeaker returns the speaker of the widest attribution whose content holds pos
// and that has one ("Obama" for "'Anyone claiming that ... is peddling fiction,' Obama
// said", not the unnamed claimant of "claiming"), or "".
func (f *disputeFinder) outerSpeaker(pos int) string {
	best, width := "", -1
	for k := range f.d.Attributions {
		a := &f.d.Attributions[k]
		if a.Speaker == nil || a.Content.Start > pos || a.Content.End <= pos {
			continue
		}
		if w := a.Content.End - a.Content.Start; w > width {
			best, width = *a.Speaker, w
		}
	}
	return best
}

// rebuttalOfNouns and participleCalls are word classes of lexicon/dispute_words.txt.
var (
	rebuttalOfNouns = disputeWordClass("rebuttal_of")
	participleCalls = disputeWordClass("participle_call")
)

// openingSubject returns the entity of a subject that opens the sentence and ends
// before toks[limit] (a name, a representative "Reyes's office", after at most a
// conjunction), and its last token; "" and -1 when none does.
func (f *disputeFinder) openingSubject(toks []scanToken, limit int) (string, int) {
	s := 0
	for s < limit && toks[s].Kind != 'w' {
		s++
	}
	if s < limit && (toks[s].Lower == "but" || toks[s].Lower == "and") {
		s++
	}
	for e := s; e < limit && e <= s+6; e++ {
		if toks[e].Kind != 'w' || (e+1 < limit && isCapitalized(toks[e+1].Text)) {
			continue
		}
		if m := f.entityEndingAt(toks, e); m != nil && m.Kind != MentionPronoun {
			first := e
			for first > 0 && toks[first-1].Start >= m.Span.Start {
				first--
			}
			if titleStart(toks, first) <= s {
				return m.Entity, e
			}
		}
		if e+1 < limit {
			if id, start := f.representedBy(toks, e+1); id != "" && start <= s {
				return id, e + 1 // "Reyes's office"
			}
		}
		return "", -1
	}
	return "", -1
}

// neverSaidSubject reports whether toks[j], right before "never said that" or "did
// no such thing", is its personal subject: "I", "we", "he", "she" or "they", alone,
// with a perfect auxiliary contracted onto it ("I've", "she's", "we'd") or followed
// by one ("I have never said that", "he has never said so").
func neverSaidSubject(toks []scanToken, j int) bool {
	personal := func(w string) bool { return w == "i" || w == "we" || w == "he" || w == "she" || w == "they" }
	w := strings.ReplaceAll(toks[j].Lower, "’", "'")
	if personal(w) {
		return true
	}
	if p, aux, ok := strings.Cut(w, "'"); ok && personal(p) && (aux == "ve" || aux == "s" || aux == "d") {
		return true
	}
	return (w == "have" || w == "has" || w == "had") && j >= 1 && personal(toks[j-1].Lower)
}

// neverSaid: "'I never said that,' Reyes said, after Whitlow said he had ...": the
// speaker disputes what another speaker says in the same sentence after the
// statement, else the nearest claim of someone else before it.
func (f *disputeFinder) neverSaid(si int, toks []scanToken, k, n int) {
	a := f.attributionHolding(toks[k].Start)
	if a == nil || a.Speaker == nil {
		return
	}
	m := ruleMatch{}
	after := max(a.Content.End, a.Cue.End)
	for i := range f.d.Claims[:f.base] {
		c := &f.d.Claims[i]
		if c.Speaker != nil && *c.Speaker != *a.Speaker && c.Span.Start >= after && c.Span.Start < a.Sentence.End && !isReferenceClaim(c) {
			id := c.ID
			m.claim = &id
			break
		}
	}
	if m.claim == nil {
		// what one never said is a report of one's words: one's own claim as someone
		// else reports it ("Reyes told a rally that the mill was a ruin"), or another
		// speaker's claim about one ("Whitlow said Reyes called the mill a ruin"); the
		// nearest claim of anyone else may be about something else entirely
		// (disputes_selfdenial.go)
		if id, self := f.saidClaim(min(a.Content.Start, toks[k].Start), si, *a.Speaker); id != "" {
			m = ruleMatch{claim: &id, self: self}
		}
	}
	if m.claim == nil {
		return
	}
	f.coord = f.coord[:0]
	cue := scanToken{Text: toks[k].Text, Start: toks[k].Start, End: toks[k+n-1].End}
	f.emitOne(graph.DisputeRebuts, *a.Speaker, rebuttalQuoteRule, m, cue, f.sents[si])
}

// sayVerbs are the verbs of saying of statementSpeaker.
var sayVerbs = disputeWordClass("say_verb")

// statementSpeaker returns who states the words at toks[k]: the speaker of the
// attribution that holds them, else, when the attribution stage found none, a subject
// that opens the sentence followed by a verb of saying before toks[k] ("Reyes also
// insisted in an interview that ..."); "" when neither.
func (f *disputeFinder) statementSpeaker(toks []scanToken, k int) string {
	if a := f.attributionHolding(toks[k].Start); a != nil {
		if a.Speaker != nil {
			return *a.Speaker
		}
	}
	id, e := f.openingSubject(toks, k)
	if id == "" {
		return ""
	}
	for j := e + 1; j < k && j <= e+8; j++ {
		if sayVerbs[toks[j].Lower] {
			return id
		}
		if toks[j].Kind != 'w' {
			return "" // a comma or quote before any verb of saying
		}
	}
	return ""
}

// misrepresentVerbs say by themselves that their subject told something untrue about
// their object, whatever it is ("she misrepresented my record", "he distorted the
// facts"): rule rebuttal-agent takes them with any object.
var misrepresentVerbs = disputeWordClass("misrepresent_verb")

// rebuttalLinks link a subject to what it is called like a form of "be" ("serve as",
// "amounts to", "constitutes").
var rebuttalLinks = disputeWordClass("rebuttal_link")

// linkingBefore returns the index of a linking verb that ends at toks[j] ("constitutes")
// or stands right before its particle toks[j] ("serve as", "amounts to"), or -1.
func linkingBefore(toks []scanToken, j int) int {
	switch {
	case j < 0:
		return -1
	case rebuttalLinks[toks[j].Lower] && !linkingParticle(toks[j].Lower):
		return j
	case j >= 1 && (toks[j].Lower == "as" || toks[j].Lower == "to") && rebuttalLinks[toks[j-1].Lower] && linkingParticle(toks[j-1].Lower):
		return j - 1
	}
	return -1
}

// linkingParticle reports whether linking verb w takes a particle ("serve as",
// "amount to") rather than its complement directly ("constitutes").
func linkingParticle(w string) bool {
	return strings.HasPrefix(w, "serv") || strings.HasPrefix(w, "amount")
}

// nameModifier returns how many capitalized words (one or two) end at toks[j] and
// stand between a form of "be" or the particle of a linking verb and a rebuttal
// ("is Kremlin propaganda", "serve as Hamas propaganda"), or 0.
func nameModifier(toks []scanToken, j int) int {
	for m := 1; m <= 2 && j-m >= 0; m++ {
		t := toks[j-m+1]
		if t.Kind != 'w' || !isCapitalized(t.Text) || t.Text == t.Lower {
			return 0
		}
		p := toks[j-m].Lower
		if beWords[p] || p == "as" && linkingBefore(toks, j-m) >= 0 {
			return m
		}
	}
	return 0
}

// rebuttalRaising are the verbs that take "to be" before a rebuttal (lexicon class
// rebuttal_raising: "appear", "seem", "prove", "turned out"), as words.
var rebuttalRaising = func() [][]string {
	var out [][]string
	for w := range disputeWordClass("rebuttal_raising") {
		out = append(out, strings.Fields(w))
	}
	return out
}()

// raisedSubject returns where the subject of a rebuttal ends when toks[subj] is the
// "to" of a raising verb before "be" ("the report turned out to be false", "the
// claims appear to be fabricated"): the token before the verb; else subj.
func raisedSubject(toks []scanToken, subj int) int {
	if subj < 2 || toks[subj].Lower != "to" {
		return subj
	}
	for _, p := range rebuttalRaising {
		start := subj - len(p)
		if start < 1 {
			continue
		}
		ok := true
		for i, w := range p {
			if toks[start+i].Lower != w {
				ok = false
				break
			}
		}
		if ok {
			return start - 1
		}
	}
	return subj
}

// factNouns close "no basis in ..." as a phrase of its own: "the allegations had no
// basis in fact" (the subject is what has no basis, not the noun after "in")
// (lexicon/dispute_words.txt class fact_noun).
var factNouns = disputeWordClass("fact_noun")

// neverHappened reads a rebuttal "never happened", "did not happen", "never said
// that" whose subject ends at toks[j]: a claim noun with its determiner ('Reyes said
// the story "never happened"') is the subject of a statement (rule
// rebuttal-statement); a person ("I never said that", "he did no such thing") denies
// saying or doing it (neverSaid).
func (f *disputeFinder) neverHappened(si int, toks []scanToken, k, n, j int) {
	if _, noun := claimNouns[toks[j].Lower]; noun && j > 0 && (anaphorDeterminers[toks[j-1].Lower] || isPossessive(toks, j-1)) && toks[k].Lower != "did" {
		f.rebuttalStatement(si, toks, k, n, j)
	} else if neverSaidSubject(toks, j) {
		f.neverSaid(si, toks, k, n) // "I never said that", "I've never said that", "he did no such thing"
	}
}

// bareStatementSubject reports whether toks[j], right before the rebuttal phrase
// toks[k:k+n] with no "be" between, is the subject the phrase judges: a bare "that",
// "this" or "it" not after a verb of calling ("That never happened"), or the subject
// of a truth idiom (truthIdiom, idiomSubject: "the report did not ring true", "That
// doesn't hold water").
func bareStatementSubject(toks []scanToken, j, k, n int) bool {
	if truthIdiom(toks, k, n) {
		return idiomSubject(toks, j)
	}
	w := toks[j].Lower
	return j == k-1 && (w == "that" || w == "this" || w == "it") && (j == 0 || !callVerbs[toks[j-1].Lower])
}

// truthIdioms are the last two words of the rebuttal phrases that are a verb and its
// complement judging their subject untrue ("does not ring true", "rings false",
// "doesn't hold water", "did not add up", "does not stand up to scrutiny"): class
// truth_idiom of lexicon/dispute_words.txt.
var (
	truthIdioms   = disputeWordClass("truth_idiom")
	idiomPronouns = disputeWordClass("idiom_subject")
)

// truthIdiom reports whether the rebuttal phrase toks[k:k+n] is such an idiom.
func truthIdiom(toks []scanToken, k, n int) bool {
	return n >= 2 && truthIdioms[toks[k+n-2].Lower+" "+toks[k+n-1].Lower]
}

// idiomSubject reports whether toks[j], right before a truth idiom, is a subject the
// idiom judges: a claim noun ("the report did not ring true") or a bare "that",
// "this" or "it" ("That doesn't add up"); "the price did not add up" judges nothing
// said.
func idiomSubject(toks []scanToken, j int) bool {
	if j < 0 || toks[j].Kind != 'w' {
		return false
	}
	if _, noun := claimNouns[toks[j].Lower]; noun {
		return true
	}
	return idiomPronouns[toks[j].Lower]
}
