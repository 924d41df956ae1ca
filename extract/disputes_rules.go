package extract

import (
	"sort"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// The dispute rules: each a named value that, given a dispute verb and its disputer,
// finds the claim disputed (and the agent it is said by or about, when the text names
// one). They are tried in order; the first that matches gives the dispute. Every rule
// has test sentences in testdata/rules/disputes/RULE.tsv (TestDisputeRuleFixtures checks
// that each rule has at least one).

// ruleMatch is what a rule found: the claim disputed and/or the agent targeted.
type ruleMatch struct {
	claim, target *string
	shape         graph.DisputeShape // overrides the rule's shape when set
	// self: the claim may be the disputer's own, a denial of having said what someone
	// else reports them saying (disputes_selfdenial.go)
	self bool
	// rule, when set, names the rule that resolved the claim (anaphor-repeated):
	// the dispute is recorded under it, with the finding rule's shape
	rule *disputeRule
	// disputer, when set, is the one the rule found the dispute to be by: the side an
	// unnamed voice ("the spokesperson", "the statement") speaks for (disputes_sidefar.go)
	disputer string
}

// disputeRule is one named rule.
type disputeRule struct {
	name      string
	shape     graph.DisputeShape
	truthOnly bool // only for verbs of truth (truthKinds), not criticizes/opposes/refuses
	match     func(f *disputeFinder, v *verbSite) (ruleMatch, bool)
}

// disputeRules are tried in this order.
var disputeRules = []*disputeRule{
	// "allegations that he took bribes, which he has denied"; "accusations that she has
	// repeatedly denied"; "the toll, which the army disputes"
	{"relative-that", graph.ShapeRelative, true, (*disputeFinder).relativeThat},
	// "... may be tied to the senator's donors — a charge the firm denied"
	{"relative-zero", graph.ShapeRelative, true, (*disputeFinder).relativeZero},
	// "aides denied a report that the campaign had run out of money"; "rejected claims
	// by the union that ..."
	// "rejected a report backed by the UN which stated that famine had spread"
	// (disputes_reports.go)
	inlineNounSaidRule,
	{"inline-noun-that", graph.ShapeInline, true, (*disputeFinder).inlineNounThat},
	// "rejected claims of systemic doping" (disputes_nominal.go)
	inlineNounOfRule,
	// "refuted reports regarding the presence of cholera cases" (disputes_topic.go)
	inlineNounAboutRule,
	// "Reyes said the mill had closed. Whitlow denied that was the case."
	// (disputes_emptyclause.go)
	anaphorEmptyClauseRule,
	// "the ministry denied that its troops had crossed the border"
	{"inline-that", graph.ShapeInline, true, (*disputeFinder).inlineThat},
	// "X accused Y of Z. Y denied it / the accusation / wrongdoing": the accusation
	{"accusation-denial", graph.ShapeAccusation, true, (*disputeFinder).accusationDenial},
	// "the ministry dismissed the rebels' accusation"; "Israel disputed the Health
	// Ministry’s figures"
	{"anaphor-possessive", graph.ShapeAnaphoric, true, (*disputeFinder).anaphorPossessive},
	// "the mayor denied the Daily Ledger report"; "dismissed a Times story as fiction"
	{"anaphor-named", graph.ShapeAnaphoric, true, (*disputeFinder).anaphorNamed},
	// "he has denied the claim"; "Israel disputes these figures"; "critics questioned
	// the report"
	{"anaphor-noun", graph.ShapeAnaphoric, false, (*disputeFinder).anaphorNoun},
	// "he has denied it"
	{"anaphor-pronoun", graph.ShapeAnaphoric, true, (*disputeFinder).anaphorPronoun},
	// "Israel challenged its accuracy" (disputes_nominal.go)
	anaphorTruthNounRule,
	// "Reyes denied having said that", "she denies ever saying so"
	{"deny-saying", graph.ShapeInline, true, (*disputeFinder).denySaying},
	// "the firm denies any wrongdoing", "officials deny any links to the group"
	{"deny-any", graph.ShapeInline, true, (*disputeFinder).denyAny},
	// "rejected electoral fraud allegations" (disputes_nominal.go)
	inlineNounPremodifierRule,
	// "Whitlow rebuked Reyes for suggesting that the mill had closed"
	{"criticize-for-saying", graph.ShapeInline, false, (*disputeFinder).criticizeForSaying},
	// "Police said the march was peaceful. Organisers say otherwise."
	{"says-otherwise", graph.ShapeCounterclaim, false, (*disputeFinder).saysOtherwise},
	// "Reyes said the mill had closed. Whitlow disagreed."
	{"disagree-alone", graph.ShapeAnaphoric, true, (*disputeFinder).disagreeAlone},
	// "CNN pushed back after Cruz blamed the network for reporting that ..."
	{"after-claim", graph.ShapeInline, true, (*disputeFinder).afterClaim},
}

// timeAfter returns the length of a time expression that starts at toks[j] ("on
// Tuesday", "late Friday", "yesterday", "last week"), or 0.
func timeAfter(toks []scanToken, j int) int {
	for n := 1; n <= 3 && j+n <= len(toks); n++ {
		if timeBefore(toks, j+n-1) == n {
			return n
		}
	}
	return 0
}

// afterClaim: a dispute verb with no object of its own, then "after" and a statement
// of someone else ("CNN was quick to push back after Ted Cruz blamed the network for
// reporting that Ben Carson was suspending his campaign", "the ministry denied it
// after rebels said the town had fallen"): the disputer answers that statement; its
// claim is disputed. The statement's cue must stand within six tokens of "after", and
// its speaker must be resolved and another than the disputer.
func (f *disputeFinder) afterClaim(v *verbSite) (ruleMatch, bool) {
	toks := v.toks
	j := v.obj()
	if j < len(toks) && (toks[j].Lower == "it" || toks[j].Lower == "this" || toks[j].Lower == "that") {
		j++ // "denied it after ..."
	}
	j += timeAfter(toks, j) // "denied it on Tuesday after ..."
	if j+2 >= len(toks) || toks[j].Lower != "after" {
		return ruleMatch{}, false
	}
	for c := j + 2; c < len(toks) && c <= j+6; c++ {
		if toks[c].Kind != 'w' {
			return ruleMatch{}, false
		}
		a := f.attributionWithCue(toks[c])
		if a == nil {
			continue
		}
		if a.Speaker == nil || *a.Speaker == v.disputer || a.Source == nil || a.Source.Start < toks[j+1].Start {
			return ruleMatch{}, false
		}
		id, ok := f.byAttr[a.ID]
		if !ok {
			return ruleMatch{}, false
		}
		return ruleMatch{claim: &id, target: a.Speaker}, true
	}
	return ruleMatch{}, false
}

// disagreeVerbs dispute the statement before them with no object ("Whitlow
// disagreed.").
var disagreeVerbs = disputeWordClass("disagree_alone")

// opensSentence reports whether the subject at toks[start] begins its sentence, after
// at most a conjunction ("But Whitlow disagreed.").
func opensSentence(toks []scanToken, start int) bool {
	if start < 0 {
		return false
	}
	words := 0
	for k := 0; k < start; k++ {
		if toks[k].Kind == 'w' || toks[k].Kind == 'n' {
			words++
			if words > 1 || (toks[k].Lower != "but" && toks[k].Lower != "and" && toks[k].Lower != "yet") {
				return false
			}
		}
	}
	return true
}

// disagreeAlone: a verb of disagreeing that ends its sentence points to the nearest
// claim of someone else in this sentence or the one before.
func (f *disputeFinder) disagreeAlone(v *verbSite) (ruleMatch, bool) {
	j := v.obj()
	if !disagreeVerbs[v.toks[v.i].Lower] || j >= len(v.toks) || (v.toks[j].Text != "." && v.toks[j].Text != ";") || !opensSentence(v.toks, v.subjStart) {
		return ruleMatch{}, false // "areas where they disagree": no answer to a claim
	}
	return f.claimOfSentenceBefore(v)
}

// saysOtherwise: "X says otherwise." opening its sentence (after at most "But"),
// maybe with an adjunct ("said otherwise in a statement"), contradicts the nearest claim of someone else in this sentence or the one before.
func (f *disputeFinder) saysOtherwise(v *verbSite) (ruleMatch, bool) {
	j := v.obj()
	if v.n != 2 || v.toks[v.i+1].Lower != "otherwise" || j >= len(v.toks) || (v.toks[j].Text != "." && v.toks[j].Text != ";" && !gapWords[v.toks[j].Lower]) || !opensSentence(v.toks, v.subjStart) {
		return ruleMatch{}, false // "unless they say otherwise, ..."
	}
	return f.claimOfSentenceBefore(v)
}

// denyAnyNouns are what one denies "any" of: an implied accusation.
var denyAnyNouns = disputeWordClass("deny_any")

// denyAny: "denies any wrongdoing", "deny any links to terrorism groups", "denied
// sending troops": the object is the disputed proposition, as a claim of origin
// "disputed".
func (f *disputeFinder) denyAny(v *verbSite) (ruleMatch, bool) {
	j := v.obj()
	if v.kind != graph.DisputeDenies || j+1 >= len(v.toks) {
		return ruleMatch{}, false
	}
	if m, ok := f.denyWrongdoing(v); ok {
		return m, true // "denied any wrongdoing" after a claim about the disputer (disputes_about.go)
	}
	if wrongdoingObject(v) {
		// "denies any wrongdoing" with no claim about the disputer before it: a denial
		// of nothing the text states; no dispute (rule deny-wrongdoing-unplaced)
		return ruleMatch{}, true
	}
	w := v.toks[j].Lower
	gerund := strings.HasSuffix(w, "ing") && len(w) > 5 && v.toks[j].Kind == 'w' && !strings.HasSuffix(w, "thing")
	if !gerund && ((w != "any" && w != "all") || !denyAnyNouns[v.toks[j+1].Lower]) {
		return ruleMatch{}, false
	}
	return f.clauseClaim(v, j) // "denied sending troops"
}

// passiveRule is the rule of "these figures were disputed by Israel".
var passiveRule = &disputeRule{name: "passive-by", shape: graph.ShapeAnaphoric, truthOnly: true}

// rebuttalRules are the rules of rebuttals (rebuttals.go).
var (
	rebuttalQuoteRule  = &disputeRule{name: "rebuttal-statement", shape: graph.ShapeRebuttal}
	rebuttalCalledRule = &disputeRule{name: "rebuttal-called", shape: graph.ShapeRebuttal}
	// "called a report that its troops had crossed the border false"
	rebuttalCalledInlineRule = &disputeRule{name: "rebuttal-called-inline", shape: graph.ShapeRebuttal}
	rebuttalClauseRule       = &disputeRule{name: "rebuttal-clause", shape: graph.ShapeRebuttal}
	rebuttalAgentRule        = &disputeRule{name: "rebuttal-agent", shape: graph.ShapeRebuttal}
)

// gapWords may follow a dispute verb whose object is the relative pronoun before its
// subject ("a charge the firm denied in a statement").
var gapWords = disputeWordClass("gap")

// beforeSubject returns the token before the subject and its article ("which the
// army disputes").
func beforeSubject(v *verbSite) int {
	k := v.subjStart - 1
	if k >= 0 && v.toks[k].Lower == "the" {
		k--
	}
	return k
}

// objectGap reports whether the verb has no object of its own: nothing, punctuation
// or a gap word follows, or "to" and an addressee ("a charge the firm denied to
// reporters", "something he denied to me as laughable").
func objectGap(v *verbSite) bool {
	j := v.obj()
	if j+1 < len(v.toks) && v.toks[j].Lower == "to" && v.toks[j+1].Kind == 'w' {
		return true // "to" + an infinitive would be no addressee, but a dispute verb takes none
	}
	return j >= len(v.toks) || v.toks[j].Kind != 'w' || gapWords[v.toks[j].Lower]
}

// relativeThat: the subject follows "that" or "which", the verb has no object.
func (f *disputeFinder) relativeThat(v *verbSite) (ruleMatch, bool) {
	rel := beforeSubject(v)
	if rel < 1 || (v.toks[rel].Lower != "that" && v.toks[rel].Lower != "which") || !objectGap(v) {
		return ruleMatch{}, false
	}
	if v.toks[rel-1].Text == "," || v.toks[rel-1].Text == "—" {
		// "The toll, which the army disputes, has risen to 212": the value after the
		// clause is the one contested (counterclaims_figures_toll.go)
		if m, ok := f.enclosingFigureClaim(v, rel-2); ok {
			return m, true
		}
		// "the toll, which the army disputes": an anaphoric noun right before the comma;
		// a contested figure is of shape figures
		if m, ok := f.anaphor(v, max(0, rel-4), rel-1); ok {
			if claimNouns[v.toks[rel-2].Lower] {
				m.shape = graph.ShapeFigures
			}
			return m, true
		}
		return f.clauseBefore(v, rel-1)
	}
	n := rel - 1
	figure, ok := claimNouns[v.toks[n].Lower]
	if !ok && appositiveClaimNouns[v.toks[n].Lower] && appositionStart(v.toks, n) > 0 {
		return f.clauseBefore(v, appositionStart(v.toks, n)) // "..., a point that officials dispute"
	}
	if !ok {
		return ruleMatch{}, false
	}
	// "..., a figure that Israel disputes": the clause before the comma
	if p := appositionStart(v.toks, n); p > 0 {
		m, ok := f.clauseBefore(v, p)
		if ok && figure {
			m.shape = graph.ShapeFigures
		}
		return m, ok
	}
	// "accusations that she has repeatedly denied": the noun points back
	return f.anaphorAt(v, n, v.toks[v.i].Start)
}

// relativeZero: "— a charge the firm denied": a claim noun (or "something") right
// before the subject, after a comma or dash, and a verb without an object.
func (f *disputeFinder) relativeZero(v *verbSite) (ruleMatch, bool) {
	n := beforeSubject(v)
	if n < 2 || !objectGap(v) {
		return ruleMatch{}, false
	}
	if _, ok := claimNouns[v.toks[n].Lower]; !ok && !appositiveIndefinites[v.toks[n].Lower] && !appositiveClaimNouns[v.toks[n].Lower] {
		return ruleMatch{}, false
	}
	p := appositionStart(v.toks, n)
	if p < 1 {
		return ruleMatch{}, false
	}
	m, ok := f.clauseBefore(v, p)
	if ok && claimNouns[v.toks[n].Lower] {
		m.shape = graph.ShapeFigures
	}
	return m, ok
}

// appositionStart returns the comma or dash before an appositive claim noun at
// toks[n] ("..., a charge", "— the figure"), or -1.
func appositionStart(toks []scanToken, n int) int {
	p := n - 1
	if p >= 0 {
		if w := toks[p].Lower; w == "a" || w == "an" || w == "the" {
			p--
		}
	}
	if p >= 2 && toks[p].Text == "-" && toks[p-1].Text == "-" {
		return p - 1 // "--", a dash typed as two hyphens
	}
	if p >= 1 && toks[p].Text == "-" && toks[p].Start > toks[p-1].End && p+1 < len(toks) && toks[p+1].Start > toks[p].End {
		return p // " - ", a dash typed as a spaced hyphen ("... at the time - a point that ...")
	}
	if p < 1 || (toks[p].Text != "," && toks[p].Text != "—" && toks[p].Text != "–" && toks[p].Text != "--") {
		return -1
	}
	return p
}

// appositiveIndefinites stand for the clause before them in an appositive relative,
// like a claim noun: "... the mill had closed -- something Reyes denied".
var appositiveIndefinites = disputeWordClass("appositive_indefinite")

// appositiveClaimNouns stand for the clause before them only in an appositive
// relative, after a comma or a dash ("... was not classified - a point that officials
// have disputed", "..., a conclusion the agency rejects"): elsewhere they as often name
// no statement ("at that point", "the belief in God"). Issue 7, disp25.
var appositiveClaimNouns = disputeWordClass("appositive_claim_noun")

// clauseBefore targets the clause that ends before toks[punct] (a comma or dash):
// the claim that ends there, else the clause back to "of", "that", "whether" or a
// clause boundary, as a new claim of origin "disputed".
func (f *disputeFinder) clauseBefore(v *verbSite, punct int) (ruleMatch, bool) {
	toks := v.toks
	end := toks[punct-1].End
	if c := f.claimEndingAt(end, f.sents[v.si].Start); c != nil {
		id := c.ID
		return ruleMatch{claim: &id, target: c.Speaker}, true
	}
	s := punct - 1
	for s > 0 && punct-s < maxClauseWords {
		w, x := toks[s-1].Lower, toks[s-1].Text
		if w == "of" || w == "that" || w == "whether" || x == "," || x == ";" || x == ":" || x == "—" || toks[s-1].Kind == 'q' {
			break
		}
		s--
	}
	if a := f.attributionHolding(toks[punct].Start); a != nil && a.Content.Start > toks[s].Start {
		for s < punct && toks[s].Start < a.Content.Start {
			s++ // "Reports said the payments ... — a charge": the content, not its cue
		}
	}
	if s >= punct || punct-s < 3 {
		return ruleMatch{}, false
	}
	sp := spanWithText(f.d.Runes, Span{Start: toks[s].Start, End: end})
	id := f.addClaim(Claim{Text: sp.Text, Span: sp, Origin: "disputed"})
	return ruleMatch{claim: &id}, true
}

// claimEndingAt returns a claim of the text that ends at end (up to two code points
// before) and starts at or after start, or nil; claims added by disputes count too,
// and an accusation found earlier in the sentence comes first.
func (f *disputeFinder) claimEndingAt(end, start int) *Claim {
	var found *Claim
	for _, k := range f.candidateClaims(start, end) {
		c := &f.d.Claims[k]
		if c.Span.End <= end && c.Span.End >= end-2 && c.Span.Start >= start && (!isReferenceClaim(c) || c.Accused != nil) {
			if c.Accused != nil {
				return c // the accusation of "has been accused of taking bribes, allegations he denied"
			}
			if found == nil || c.Span.Start > found.Span.Start && found.Origin == "disputed" {
				// "Reyes said the economy had hit bottom, a claim Cole denied": Reyes's
				// claim inside, not the whole clause with its cue as a claim of the denial
				found = c
			}
		}
	}
	return found
}

// claimNounAt returns the index of a claim noun in the object that starts at j: a
// determiner or possessive, up to two modifiers, then the noun; -1 if none.
func (f *disputeFinder) claimNounAt(toks []scanToken, j int) int {
	limit, asJudgment := j+4, quotedAsJudgment(toks, j) // rebuttals_coordinated.go
	if asJudgment {
		limit = j + 7 // 'dismissed as "fake news" claims that ...'
	}
	for n := j; n < len(toks) && n <= limit; n++ {
		if toks[n].Kind == 'q' && (isApostrophe([]rune(toks[n].Text)[0]) || asJudgment) {
			continue // "Sanders’ accusations"
		}
		if toks[n].Kind != 'w' {
			return -1
		}
		if _, ok := claimNouns[toks[n].Lower]; ok {
			return n
		}
	}
	return -1
}

// possessor returns the entity named right before the claim noun at toks[n] in a
// possessive ("the rebels' accusation", "Sanders’ claims"), or nil.
func (f *disputeFinder) possessor(toks []scanToken, n int) *string {
	for k := n - 1; k >= 0 && k >= n-3; k-- {
		if toks[k].Kind == 'q' {
			continue // "Sanders’ accusations"
		}
		if m := f.mentionEndingAt(toks[k].End); m != nil {
			base, poss := stripPossessive(toks[k].Text)
			if poss || (k+1 < len(toks) && toks[k+1].Kind == 'q') || base != toks[k].Text {
				id := m.Entity
				return &id
			}
			return nil
		}
		if base, poss := stripPossessive(toks[k].Text); poss && isCapitalized(base) {
			if id := f.entityNamed(base); id != "" {
				f.addNameMention(id, toks[k].Start, toks[k].Start+len([]rune(base)))
				return &id // a name the entity stage did not mark here ("Gowdy’s office")
			}
		}
	}
	return nil
}

// reportVerbs introduce a claim noun's content like "that" ("a report saying ...").
var reportVerbs = disputeWordClass("report_verb")

// accusationNouns take what they accuse of after "of" ("accusations of sexism").
var accusationNouns = disputeWordClass("accusation_noun")

// agentAfter reads "by the union" / "from Greece" / "of X" at toks[k]: the agent and
// the index after it, or nil and k.
func (f *disputeFinder) agentAfter(toks []scanToken, k int) (*string, int) {
	if k+1 >= len(toks) || (toks[k].Lower != "by" && toks[k].Lower != "from" && toks[k].Lower != "of") {
		return nil, k
	}
	j := k + 1
	if toks[j].Lower == "the" && j+1 < len(toks) {
		j++
	}
	m := f.mentionStartingAt(toks[j].Start)
	if m == nil {
		return nil, k
	}
	id := m.Entity
	for j < len(toks) && toks[j].Start < m.Span.End {
		j++
	}
	return &id, j
}

// afterUnknownAgent skips "by/from Exxon Mobil" at toks[k], a name the entity stage
// did not know (one to five capitalized words after "by" or "from", "the" allowed
// first), and returns the index after it; k when there is none.
func afterUnknownAgent(toks []scanToken, k int) int {
	if k >= len(toks) || (toks[k].Lower != "by" && toks[k].Lower != "from") {
		return k
	}
	j := k + 1
	if j < len(toks) && toks[j].Lower == "the" {
		j++
	}
	start := j
	for j < len(toks) && j-start < 5 && toks[j].Kind == 'w' && isCapitalized(toks[j].Text) {
		j++
	}
	if j == start {
		return k
	}
	return j
}

// thatNouns carry a disputed claim only with a that-clause after them ("rejected
// attacks from Bush that he was not a conservative"; lexicon/dispute_words.txt class
// that_noun): "rejected the attacks" alone names no claim.
var thatNouns = disputeWordClass("that_noun")

// thatNounAt returns the index of a noun of thatNouns in the object that starts at j
// (a determiner or possessive and up to two modifiers before it), or -1.
func thatNounAt(toks []scanToken, j int) int {
	for n := j; n < len(toks) && n <= j+3; n++ {
		if toks[n].Kind != 'w' {
			return -1
		}
		if thatNouns[toks[n].Lower] {
			return n
		}
	}
	return -1
}

// afterCoordinatedAgents skips a second agent coordinated by "and" after the agent of
// a claim noun when "that" follows it ("attacks from Jeb Bush and other candidates
// that ...", "claims by Reyes and the union that ..."): "and", then "other", a
// determiner or a capitalized word, up to four words in all; k when it stands
// otherwise ("denied the claim and said that ..." keeps its own reading).
func afterCoordinatedAgents(toks []scanToken, k int) int {
	if k+2 >= len(toks) || toks[k].Lower != "and" {
		return k
	}
	if w := toks[k+1]; w.Lower != "other" && !anaphorDeterminers[w.Lower] && !isCapitalized(w.Text) {
		return k
	}
	for j := k + 1; j < len(toks) && j-k <= 5; j++ {
		if toks[j].Lower == "that" {
			return j
		}
		if toks[j].Kind != 'w' || reportVerbs[toks[j].Lower] || sayVerbs[toks[j].Lower] {
			return k
		}
	}
	return k
}

// inlineNounThat: "denied a report that CLAUSE", "rejected claims by the union that
// CLAUSE": the clause is the claim; an agent after "by", "from" or "of" is the target.
func (f *disputeFinder) inlineNounThat(v *verbSite) (ruleMatch, bool) {
	toks := v.toks
	n := f.claimNounAt(toks, v.obj())
	thatOnly := false
	if n < 0 {
		n, thatOnly = thatNounAt(toks, v.obj()), true
	}
	if n < 0 {
		return ruleMatch{}, false
	}
	n = f.chainedClaimNoun(toks, n) // "allegations regarding claims by X that" (disputes_frames.go)
	target, k := f.agentAfter(toks, n+1)
	if t, e := f.afterDescribedAgent(toks, n+1); e > n+1 && (target == nil || e > k) {
		target, k = t, e // "claims by US short-seller Hindenburg Research that" (disputes_frames.go)
	}
	if target == nil {
		target = f.possessor(toks, n)
		k = afterUnknownAgent(toks, k)
		k = afterUnnamedClaimant(toks, k) // "claims by a short-seller that" (disputes_unnamedclaimant.go)
	}
	if k > n+1 {
		k = afterCoordinatedAgents(toks, k) // only after an agent: "from Bush and others that"
	}
	if k < len(toks) && toks[k].Lower != "that" {
		var agent *string // "by the paramilitary Rapid Support Forces (RSF) that" (disputes_nominal.go)
		if agent, k = f.afterModifiedAgent(toks, k); target == nil {
			target = agent
		}
	}
	k = afterParenthetical(toks, k)
	if k < len(toks) && !thatOnly && k == n+1 && bareNoun(toks, v.obj(), n) && zeroThatClause(toks, k) {
		// "dismissed speculation it did not respond properly" (disputes_nominal.go)
		m, ok := f.clauseClaim(v, k)
		if ok && m.target == nil {
			m.target = target
		}
		return m, ok
	}
	if k >= len(toks) || (toks[k].Lower != "that" && (thatOnly || !reportVerbs[toks[k].Lower] && !(toks[k].Lower == "of" && accusationNouns[toks[n].Lower]))) {
		return ruleMatch{}, false
	}
	m, ok := f.clauseClaim(v, k+1)
	if ok && m.target == nil {
		m.target = target
	}
	return m, ok
}

// inlineThat: "denied that CLAUSE", "raised questions about whether CLAUSE", or the
// content of the attribution whose cue is
// the verb when it is a clause ("he denied he had met them").
func (f *disputeFinder) inlineThat(v *verbSite) (ruleMatch, bool) {
	j := v.obj()
	if v.kind == graph.DisputeQuestions && j+2 < len(v.toks) && v.toks[j].Lower == "about" && v.toks[j+1].Lower == "whether" {
		j++ // "raised questions about whether CLAUSE"
	}
	// "raised questions about whether CLAUSE" doubts the clause; a bare "questioned
	// whether" as often insinuates it ("questioned whether the judge's heritage made
	// him biased"), so it is left alone
	if j+1 < len(v.toks) && (v.toks[j].Lower == "that" || v.kind == graph.DisputeQuestions && v.n == 2 && v.toks[j].Lower == "whether") {
		if demonstrativeThat(v.toks, j) {
			return ruleMatch{}, false // "disputed that account": an anaphor (disputes_about.go)
		}
		m, ok := f.clauseClaim(v, j+1)
		if ok && v.kind == graph.DisputeQuestions && f.claim(*m.claim).Modality != graph.ModalityAsserted {
			// "doubt that there will be any change": a forecast; "raising questions about
			// whether he could be trusted": a doubt cast, no claim contested
			return ruleMatch{}, false
		}
		return m, ok
	}
	if clauseVerbs[v.kind] && j < len(v.toks) && isCapitalized(v.toks[j].Text) && titleCase(v.toks) {
		// a headline: "Velmora Denies Troops Crossed the Border"; a claim noun is an
		// object of another rule ("Velmora Denies Report")
		if f.claimNounAt(v.toks, j) < 0 { // "Minister Denies Bribery Charges": a claim noun (disputes_nominal.go)
			return f.clauseClaim(v, j)
		}
	}
	a := f.attributionWithCue(v.toks[v.i])
	if a == nil || j >= len(v.toks) || a.Content.Start < v.toks[j].Start {
		return ruleMatch{}, false
	}
	if !clauseVerbs[v.kind] {
		return ruleMatch{}, false
	}
	first := f.r.tx.scan(a.Content.Start, a.Content.End)
	if len(first) < 2 || first[0].Kind != 'w' || !clauseSubjects[first[0].Lower] {
		return ruleMatch{}, false
	}
	if _, ok := claimNouns[first[len(first)-1].Lower]; ok && len(first) <= 4 {
		return ruleMatch{}, false // "disputed their account": a noun phrase that points back
	}
	if !hasFiniteVerb(first) {
		return ruleMatch{}, false // "denied his party the victory": two objects, no clause
	}
	if emptyClause(first) {
		return ruleMatch{}, false // "denied it happened": no claim of its own (disputes_emptyclause.go)
	}
	id, ok := f.byAttr[a.ID]
	if !ok {
		return ruleMatch{}, false
	}
	return ruleMatch{claim: &id, target: f.firstAgentIn(a.Content, v.disputer)}, true
}

// titleCase reports whether a sentence is a headline in title case: at least four
// words, and of the words longer than four letters (short ones are "a", "of", "to"
// in any case) at most one lowercase.
func titleCase(toks []scanToken) bool {
	words, lower := 0, 0
	for _, t := range toks {
		if t.Kind != 'w' {
			continue
		}
		words++
		if len([]rune(t.Text)) > 4 && t.Text == t.Lower {
			lower++
		}
	}
	return words >= 4 && lower <= 1
}

// clauseVerbs take a clause without "that" as their object ("he denied he had met
// them"); clauseSubjects may begin such a clause (a name, a question word or a noun
// phrase is an object of another kind: "questioned whether", "dismissed critique of").
var clauseVerbs = map[graph.DisputeKind]bool{graph.DisputeDenies: true, graph.DisputeDisputes: true}

var clauseSubjects = disputeWordClass("clause_subject")

// clauseClaim makes the clause starting at toks[j] the disputed claim: the claim of
// an attribution with that text, else a new claim of origin "disputed".
func (f *disputeFinder) clauseClaim(v *verbSite, j int) (ruleMatch, bool) {
	return f.clauseClaimTo(v, j, clauseEnd(v.toks, j))
}

// clauseClaimTo makes toks[j:end] the disputed claim, as clauseClaim does.
func (f *disputeFinder) clauseClaimTo(v *verbSite, j, end int) (ruleMatch, bool) {
	if end-j < 2 || emptyClause(v.toks[j:end]) {
		return ruleMatch{}, false
	}
	sp := spanWithText(f.d.Runes, Span{Start: v.toks[j].Start, End: v.toks[end-1].End})
	id := f.addClaim(Claim{Text: sp.Text, Span: sp, Origin: "disputed"})
	return ruleMatch{claim: &id, target: f.firstAgentIn(sp, v.disputer)}, true
}

// anaphorPossessive: "dismissed the rebels' accusation", "disputed the Health
// Ministry’s figures": the agent is the target; its nearest claim (with a quantity
// for a figure noun) is the claim.
func (f *disputeFinder) anaphorPossessive(v *verbSite) (ruleMatch, bool) {
	toks := v.toks
	j := v.obj()
	if j >= len(toks) {
		return ruleMatch{}, false
	}
	m := f.mentionStartingAt(toks[j].Start) // "the rebels'" as a nominal mention
	if m == nil && toks[j].Lower == "the" && j+1 < len(toks) {
		j++
		m = f.mentionStartingAt(toks[j].Start)
	}
	if m == nil {
		m = f.groupPossessor(toks, j)
	}
	if m == nil {
		return ruleMatch{}, false
	}
	k := j
	for k < len(toks) && toks[k].Start < m.Span.End {
		k++
	}
	if _, poss := stripPossessive(toks[k-1].Text); !poss && !(k < len(toks) && isApostrophe([]rune(toks[k].Text)[0])) {
		return ruleMatch{}, false
	}
	for n := k; n < len(toks) && n <= k+2; n++ {
		figure, ok := claimNouns[toks[n].Lower]
		if !ok {
			continue
		}
		target := m.Entity
		out := ruleMatch{target: &target}
		if topic := claimTopic(toks, n); topic != nil {
			// "Russia's claim about the Kramatorsk attack" (disputes_topic.go)
			if id := f.topicClaim(target, toks[v.i].Start, figure, topic); id != "" {
				out.claim = &id
			} else if id := f.possessorCataphor(v, target); id != "" && !figure {
				out.claim, out.rule = &id, anaphorCataphoricRule // disputes_cataphor.go
			}
			return out, true
		}
		if id := f.speakerClaim(target, toks[v.i].Start, figure); id != "" && (figure || f.near(id, v.si)) {
			out.claim = &id // a claim that is no figure must be near: "Kenya's claims" is any claim
		} else if id := f.partClaim(target, toks[v.i].Start, figure, v.si); id != "" {
			out.claim = &id // "Pakistan's claims": those of Pakistan's military (disputes_nominal.go)
		} else if id := f.possessorCataphor(v, target); id != "" && !figure {
			out.claim, out.rule = &id, anaphorCataphoricRule // stated after the denial (disputes_cataphor.go)
		}
		return out, true
	}
	return ruleMatch{}, false
}

// paragraph returns the paragraph index of sentence si.
func (f *disputeFinder) paragraph(si int) int {
	if si < 0 || si >= len(f.d.Sentences) {
		return 0
	}
	return f.d.Sentences[si].Paragraph
}

// sameParagraph reports whether claim id starts in the paragraph of sentence si.
func (f *disputeFinder) sameParagraph(id string, si int) bool {
	c := f.claim(id)
	return c != nil && f.paragraph(f.sentenceOf(c.Span.Start)) == f.paragraph(si)
}

// reachable reports whether an anaphor or rebuttal in sentence si may point back to
// claim c across paragraphs: c stands in the paragraph of si, or in the sentence right
// before it (a paragraph that opens with "This is pure fiction," answers the last
// statement of the paragraph before, not one three sentences up in another topic).
// Figure anaphors are not bound by it: "these figures" finds its quantity further up.
func (f *disputeFinder) reachable(c *Claim, si int) bool {
	ci := f.sentenceOf(c.Span.Start)
	if f.paragraph(ci) == f.paragraph(si) {
		return true
	}
	return f.sentenceOf(max(c.Span.Start, c.Span.End-1)) >= si-1
}

// groupPossessor returns a mention for a possessive group noun at toks[j] that the
// entity stage left unmarked ("the rebels' accusation" after "The rebels said ..."): the
// group entity of the document with that name, recorded as a nominal mention; or nil.
func (f *disputeFinder) groupPossessor(toks []scanToken, j int) *Mention {
	base, poss := stripPossessive(toks[j].Text)
	if !poss && (j+1 >= len(toks) || !isApostrophe([]rune(toks[j+1].Text)[0])) {
		return nil
	}
	base = strings.ToLower(base)
	for _, e := range f.d.Entities {
		if e.Kind == graph.KindGroup && e.Name == base {
			end := toks[j].Start + len([]rune(base))
			m := Mention{Entity: e.ID, Span: makeSpan(f.d.Runes, toks[j].Start, end), Kind: MentionNominal}
			f.d.Mentions = append(f.d.Mentions, m)
			f.added = true
			return &f.d.Mentions[len(f.d.Mentions)-1]
		}
	}
	return nil
}

// near reports whether claim id starts at most anaphorSentences sentences before
// sentence si.
func (f *disputeFinder) near(id string, si int) bool {
	return f.within(id, si, anaphorSentences)
}

// within reports whether claim id starts at most back sentences before sentence si.
func (f *disputeFinder) within(id string, si, back int) bool {
	c := f.claim(id)
	return c != nil && c.Span.Start >= f.sents[max(0, si-back)].Start
}

// anaphorNoun: "denied the claim", "disputes these figures": a determiner and a claim
// noun in the object point to the nearest preceding claim. When the article holds
// none, the noun phrase itself becomes a claim of origin "disputed" that ingest links
// to claims of other articles.
func (f *disputeFinder) anaphorNoun(v *verbSite) (ruleMatch, bool) {
	if o := v.obj(); o+3 < len(v.toks) && v.toks[o].Lower == "the" && truthNouns[v.toks[o+1].Lower] && v.toks[o+2].Lower == "of" {
		at := *v
		at.n += 3 // "questioned the accuracy of the figures": the figures are the object
		v = &at
	}
	if m, ok := f.anaphor(v, v.obj(), min(len(v.toks), v.obj()+3)); ok {
		return m, true
	}
	// a bare plural: "Russia denied allegations", "he rejected claims"
	j := v.obj()
	if j < len(v.toks) && bareClaimPlurals[v.toks[j].Lower] && (j+1 >= len(v.toks) || v.toks[j+1].Kind != 'w' || gapWords[v.toks[j+1].Lower] || byParticiple(v.toks, j+1)) {
		return f.anaphorAt(v, j, v.toks[v.i].Start)
	}
	return ruleMatch{}, false
}

// byParticiple reports whether toks[j] is a participle followed by "by" ("data
// provided by the ministry", "figures released by the army"): the bare plural before it
// still points back.
func byParticiple(toks []scanToken, j int) bool {
	return j+1 < len(toks) && strings.HasSuffix(toks[j].Lower, "ed") && toks[j+1].Lower == "by"
}

// aboutPrepositions say what a claim noun is about ("the report about the shelling").
var aboutPrepositions = disputeWordClass("about_preposition")

// truthNouns stand between a dispute verb and its object ("the accuracy of").
var truthNouns = disputeWordClass("truth_noun")

// bareClaimPlurals point back without a determiner ("denied allegations").
var bareClaimPlurals = disputeWordClass("bare_plural")

// anaphorPronoun: "he has denied it": "it", "this" or "them" as the whole object
// points to the nearest preceding claim within two sentences.
func (f *disputeFinder) anaphorPronoun(v *verbSite) (ruleMatch, bool) {
	j := v.obj()
	if j >= len(v.toks) || v.kind == graph.DisputeRejects || v.kind == graph.DisputeDismisses || v.kind == graph.DisputeQuestions {
		return ruleMatch{}, false
	}
	switch v.toks[j].Lower {
	case "it", "this", "them", "that":
	default:
		return ruleMatch{}, false
	}
	if j+1 < len(v.toks) && v.toks[j+1].Kind == 'w' && !gapWords[v.toks[j+1].Lower] {
		return ruleMatch{}, false // "deny it sanctuary"
	}
	return f.claimOfSentenceBefore(v)
}

// anaphor looks in toks[from:to] for a determiner and a claim noun and resolves it.
func (f *disputeFinder) anaphor(v *verbSite, from, to int) (ruleMatch, bool) {
	toks := v.toks
	if m, ok := f.criticismObject(v, from); ok {
		return m, true
	}
	for k := from; k+1 < len(toks) && k < to; k++ {
		if !anaphorDeterminers[toks[k].Lower] {
			continue
		}
		// up to one modifier between: "these casualty figures"
		for n := k + 1; n <= k+2 && n < len(toks); n++ {
			if _, ok := claimNouns[toks[n].Lower]; ok {
				if n+1 < len(toks) && toks[n+1].Lower == "that" {
					return ruleMatch{}, false // inline, not anaphoric
				}
				if n+1 < len(toks) && toks[n+1].Lower == "of" && ideaNouns[toks[n].Lower] {
					return ruleMatch{}, false // "rejected the idea of a farewell address": a plan
				}
				if !truthKinds[v.kind] && ideaNouns[toks[n].Lower] {
					return ruleMatch{}, false // "Democrats oppose the idea": a policy
				}
				if courtAct(v.kind, toks[n].Lower) {
					return ruleMatch{}, false // "the judge dismissed the lawsuit" (disputes_nominal.go)
				}
				if (v.kind == graph.DisputeRejects || v.kind == graph.DisputeDismisses) && ideaNouns[toks[n].Lower] {
					// "Clinton proposed a debate, but the Sanders campaign rejected the
					// idea": what one rejects without a that-clause is as often a plan;
					// "that suggestion" right after a statement points back to it
					// (disputes_emptyclause.go)
					return f.demonstrativeIdea(v, k, n)
				}
				m, ok := f.anaphorAt(v, n, toks[v.i].Start)
				return f.insideOtherContent(v, m, ok) // disputes_emptyclause.go
			}
		}
	}
	return ruleMatch{}, false
}

// criticismNouns are what a disputer dismisses as unfounded without saying what it
// states: "dismissed criticism of his remarks" (lexicon/dispute_words.txt class
// criticism_noun).
var criticismNouns = disputeWordClass("criticism_noun")

// criticismObject: a bare criticism noun right after a verb that disputes truth, with
// what it is about ("Manafort dismissed criticism of Mr. Trump's comments as Clinton
// talking points", "rejected criticisms over the delay"): the noun phrase itself is the
// disputed claim, as a claim of origin "disputed"; the criticism is stated nowhere.
// "Criticism from Giles" names the critic, whose claim is usually stated nearby: it is
// left to the rules that find it.
func (f *disputeFinder) criticismObject(v *verbSite, j int) (ruleMatch, bool) {
	toks := v.toks
	if j != v.obj() || j+2 >= len(toks) || !truthKinds[v.kind] || !criticismNouns[toks[j].Lower] ||
		(!aboutPrepositions[toks[j+1].Lower] && toks[j+1].Lower != "over") {
		return ruleMatch{}, false
	}
	end := j + 2
	for end < len(toks) && end-j < 12 && toks[end].Kind != 'p' && toks[end].Kind != 'q' && toks[end].Lower != "as" &&
		toks[end].Lower != "that" && toks[end].Lower != "and" && toks[end].Lower != "but" && toks[end].Lower != "because" {
		end++
	}
	if end == j+2 && toks[j+2].Kind != 'w' {
		return ruleMatch{}, false
	}
	sp := spanWithText(f.d.Runes, Span{Start: toks[j].Start, End: toks[end-1].End})
	id := f.addClaim(Claim{Text: sp.Text, Span: sp, Origin: "disputed"})
	return ruleMatch{claim: &id}, true
}

// anaphorAt resolves the claim noun toks[n] to the nearest preceding claim. A noun of
// accusation ("the allegations", "these charges") points to an accusation (fitOf),
// else only to a claim of its own paragraph ("Trump has argued that the committee
// has overseen a rigged process. Priebus pushed back on those charges"): "Beijing
// dismissed the allegations" opening a paragraph after a report of trade figures
// names no claim of the text, and the nearest claim would be a wrong one. A noun
// with none that says what it is about ("denied the report about the shelling of the
// dam") becomes a claim of its own, the noun phrase that refers ("the report"), which
// ingest links by the subject words of its sentence to a claim stored from another
// article; a bare noun ("those claims") is no dispute: it
// would tell a fact-checker nothing.
func (f *disputeFinder) anaphorAt(v *verbSite, n, before int) (ruleMatch, bool) {
	figure := claimNouns[v.toks[n].Lower]
	back := anaphorSentences
	if !figure {
		back = 1 // "the report", "the claim": the sentence before or this one
	}
	if fit := fitOf(v.toks[n].Lower); fit != nil {
		if id := f.fittingClaim(before, v.si, fit, v.disputer); id != "" {
			return ruleMatch{claim: &id}, true
		}
	}
	if id := f.precedingClaim(before, v.si, figure, v.disputer, back); id != "" && (!accusationNouns[v.toks[n].Lower] || f.sameParagraph(id, v.si)) {
		return ruleMatch{claim: &id}, true
	}
	if id := f.repeatedDisputeClaim(v, before); id != "" {
		return ruleMatch{claim: &id, rule: anaphorRepeatedRule}, true // disputes_repeated.go
	}
	if m, ok := f.farAccusation(v, n, before); ok {
		return m, true // disputes_pleas.go: "called the charges baseless" sentences after the indictment
	}
	if id := f.claimAboutDisputer(v, before); id != "" && !figure {
		return ruleMatch{claim: &id, rule: anaphorAboutRule}, true // disputes_about.go
	}
	if id, voice := f.sideRepeatedClaim(v, n, before); id != "" {
		return ruleMatch{claim: &id, rule: anaphorSideRepeatedRule, disputer: voice}, true // disputes_sidefar.go
	}
	if !truthKinds[v.kind] || v.subjStart < 0 || n+2 >= len(v.toks) || !aboutPrepositions[v.toks[n+1].Lower] {
		return ruleMatch{}, false
	}
	s := n
	for s > v.obj() && s > n-3 && v.toks[s-1].Kind == 'w' && !anaphorDeterminers[v.toks[s].Lower] {
		s-- // back to the determiner: "the report", not "strongly the report"
	}
	sp := spanWithText(f.d.Runes, Span{Start: v.toks[s].Start, End: v.toks[n].End})
	id := f.addClaim(Claim{Text: sp.Text, Span: sp, Origin: "disputed"})
	return ruleMatch{claim: &id}, true
}

// elaboration reports whether c is the content of a participle cue that adds to its
// speaker's statement in the same sentence ("The UN office said hundreds may have been
// executed, calling such acts war crimes"): an anaphor points to the statement, not
// to the comment on it.
func (f *disputeFinder) elaboration(c *Claim) bool {
	a := f.attributionOf(c)
	if a == nil || a.Speaker == nil || a.Cue.Start < 2 {
		return false
	}
	cue := strings.ToLower(strings.Fields(string(f.d.Runes[a.Cue.Start:a.Cue.End]) + " x")[0])
	if !strings.HasSuffix(cue, "ing") || f.d.Runes[a.Cue.Start-2] != ',' {
		return false
	}
	for k := range f.d.Attributions {
		b := &f.d.Attributions[k]
		if b != a && b.Speaker != nil && *b.Speaker == *a.Speaker && b.Cue.End <= a.Cue.Start && b.Sentence.Start == a.Sentence.Start && b.Sentence.End == a.Sentence.End &&
			f.statesSomething(b) { // "sued Norland Foods, alleging that ...": the allegation is the statement (disputes_nominal.go)
			return true
		}
	}
	return false
}

// ideaNouns name a claim with "that" but a plan with "of" ("the idea of a speech").
var ideaNouns = disputeWordClass("idea_noun")

// isReferenceClaim reports whether a claim is only a short noun phrase that refers to
// claims ("the claim", "these figures", "data provided", "it"), as the attribution
// stage gives for "he denied the claim": it is no claim an anaphor can point to.
func isReferenceClaim(c *Claim) bool {
	ws := graph.Words(c.Text)
	if len(ws) == 0 || len(ws) > 4 {
		return false
	}
	if _, ok := claimNouns[ws[len(ws)-1]]; ok {
		return true
	}
	first := ws[0]
	if anaphorDeterminers[first] && len(ws) > 1 {
		first = ws[1]
	}
	if _, ok := claimNouns[first]; ok {
		return true // "data provided", "the reports from Gaza": a noun phrase, no proposition
	}
	if len(ws) == 2 && (anaphorDeterminers[ws[0]] || ws[0] == "a" || ws[0] == "an") {
		return true // "cheered the news": a determiner and a noun state nothing
	}
	return len(ws) == 1
}

// precedingClaim returns the claim an anaphor at pos points to: among the claims
// that end before pos and start at most back sentences back (with a quantity when
// figure), an accusation against the disputer, else the nearest one the disputer did
// not say.
func (f *disputeFinder) precedingClaim(pos, si int, figure bool, disputer string, back int) string {
	return f.latestClaim(pos, si, back, figure, disputer, nil)
}

// latestClaim is the claim ending last before pos, at most back sentences before
// sentence si, that the disputer may answer (antecedent) and that fit accepts (nil:
// any); an accusation against the disputer comes first. It returns "" when none does.
func (f *disputeFinder) latestClaim(pos, si, back int, figure bool, disputer string, fit claimFit) string {
	minStart := f.sents[max(0, si-back)].Start
	best, accused := -1, -1
	later := func(k, than int) bool { return than < 0 || f.d.Claims[k].Span.End > f.d.Claims[than].Span.End }
	for _, k := range f.candidateClaims(minStart, pos) {
		c := &f.d.Claims[k]
		if c.Span.End > pos || c.Span.Start < minStart || !f.antecedent(c, si, figure, disputer) ||
			(fit != nil && !fit(f, c, disputer)) || (!figure && !f.reachable(c, si)) {
			continue
		}
		if c.Accused != nil && *c.Accused == disputer && later(k, accused) {
			accused = k
		}
		if later(k, best) {
			best = k
		}
	}
	if accused >= 0 {
		best = accused
	}
	if best < 0 {
		return ""
	}
	return f.d.Claims[best].ID
}

// antecedent reports whether claim c may be what an anaphor of the disputer in
// sentence si points to: with a quantity for a figure noun, a claim of its own (not a
// noun phrase that refers to one; an accusation's Z may be one word, "fraud"), not the
// disputer's own, not a short rebuttal quote (isRebuttalQuote), and not a proposition
// disputed in that very sentence.
func (f *disputeFinder) antecedent(c *Claim, si int, figure bool, disputer string) bool {
	switch {
	case figure && len(c.Quantities) == 0, isReferenceClaim(c) && c.Accused == nil, c.Speaker != nil && *c.Speaker == disputer, f.elaboration(c), f.isRebuttalQuote(c), f.directive(c),
		denialContent(c): // disputes_denialcontent.go
		return false
	}
	return c.Origin != "disputed" || c.Span.Start < f.sents[si].Start
}

// isRebuttalQuote reports whether c is a short statement (at most maxRebuttalQuoteWords
// words) that holds the cue of a rebuttal found before ("'That's nonsense,' Whitlow
// said"): it answers a claim and states none of its own, so a later "the claims were
// false" does not point to it.
func (f *disputeFinder) isRebuttalQuote(c *Claim) bool {
	if len(graph.Words(c.Text)) > maxRebuttalQuoteWords {
		return false
	}
	for _, x := range f.d.Disputes {
		if x.Shape == graph.ShapeRebuttal && spanInside(c.Span, x.Cue.Start, x.Cue.End) {
			return true
		}
	}
	return false
}

// maxRebuttalQuoteWords bounds the statements isRebuttalQuote reads: a longer one says
// more than that a claim is untrue.
const maxRebuttalQuoteWords = 6

// candidateClaims returns the indexes of the claims that may start between minStart
// and pos: claims up to f.base are in text order; of those added by disputes only the
// last addedClaimLookback are considered.
func (f *disputeFinder) candidateClaims(minStart, pos int) []int {
	cs := f.d.Claims
	var ks []int
	from := sort.Search(f.base, func(i int) bool { return cs[i].Span.Start >= minStart })
	for k := from; k < f.base && cs[k].Span.Start <= pos; k++ {
		ks = append(ks, k)
	}
	for k := max(f.base, len(cs)-addedClaimLookback); k < len(cs); k++ {
		ks = append(ks, k)
	}
	return ks
}

// speakerClaim returns the claim of speaker (with a quantity when figure) nearest
// before pos, else the first after it, or "".
func (f *disputeFinder) speakerClaim(speaker string, pos int, figure bool) string {
	var ks []int
	for k := 0; k < len(f.d.Claims); k++ {
		c := &f.d.Claims[k]
		if c.Speaker != nil && *c.Speaker == speaker && (!figure || len(c.Quantities) > 0) && !isReferenceClaim(c) {
			ks = append(ks, k)
		}
	}
	sort.SliceStable(ks, func(a, b int) bool { return f.d.Claims[ks[a]].Span.Start < f.d.Claims[ks[b]].Span.Start })
	n := sort.Search(len(ks), func(i int) bool { return f.d.Claims[ks[i]].Span.Start >= pos })
	for b := n - 1; b >= 0; b-- {
		if f.d.Claims[ks[b]].Span.End <= pos {
			return f.d.Claims[ks[b]].ID
		}
	}
	if n < len(ks) && figure {
		return f.d.Claims[ks[n]].ID
	}
	return ""
}

// accusation handles "X accused Y of Z" (and "X criticized Y for Z"): the claim Z of
// X (origin "accusation") with Y as Accused. It is no dispute: Y's denial of it is.
// The claim is Z alone ("fraud", "hiding the data"): the accused is its Accused, and
// an adjunct of the accusing after Z ("in a lawsuit filed on Monday") is no part of
// it (accusedOfEnd). When the attribution stage made the sentence an attribution
// ("Mark Dalton of fraud in a lawsuit filed"), its claim is narrowed to Z.
func (f *disputeFinder) accusation(v *verbSite) {
	toks := v.toks
	j := v.obj()
	if j < len(toks) && toks[j].Lower == "the" && f.mentionStartingAt(toks[j].Start) == nil {
		j++ // "the ministry" is a nominal mention with its article; "the Kremlin" may not be
	}
	if j >= len(toks) || toks[j].Kind != 'w' {
		return
	}
	accused, k := f.objectAgent(toks, j)
	if accused != "" {
		k = f.coordinatedAccused(toks, k) // "accused Clinton and the DNC of ..." (disputes_accusedcoord.go)
	}
	if accused == "" || accused == v.disputer || k+1 >= len(toks) || (toks[k].Lower != "of" && toks[k].Lower != "for") {
		return
	}
	if falsifyGerunds[toks[k+1].Lower] && v.disputer != "" {
		f.accusedOfFalsifying(v, accused, k+1) // "accused Hamas of inflating the toll"
	}
	if spreadVerbs[toks[k+1].Lower] && toks[k].Lower == "of" && v.disputer != "" {
		f.accusedOfSpreading(v, accused, k+1) // "accused Whitlow of spreading lies" (rebuttals_spread.go)
	}
	var speaker *string
	if v.disputer != "" {
		s := v.disputer
		speaker = &s
	}
	end := accusedOfEnd(toks, k+1, clauseEnd(toks, k+1))
	if end <= k+1 {
		return
	}
	sp := spanWithText(f.d.Runes, Span{Start: toks[k+1].Start, End: toks[end-1].End})
	if a := f.attributionWithCue(toks[v.i]); a != nil {
		if id, ok := f.byAttr[a.ID]; ok {
			c := f.respan(id, a.ID, sp)
			c.Accused = &accused
			return
		}
	}
	id := f.addClaim(Claim{Text: sp.Text, Span: sp, Speaker: speaker, Origin: "accusation", Cue: makeSpan(f.d.Runes, toks[v.i].Start, toks[v.i].End)})
	if c := f.claim(id); c != nil && c.Accused == nil {
		c.Accused = &accused
	}
}

// accusedOfEnd returns where Z of "accused Y of Z" ends within toks[from:end]: before
// an adjunct of the accusing, a preposition of lexicon/adjunct_openers.txt opening a
// noun phrase headed by a document noun ("in a lawsuit", "in a statement", "in a
// complaint filed Monday": lexicon/document_nouns.txt) or a time expression ("on
// Monday", "last week").
func accusedOfEnd(toks []scanToken, from, end int) int {
	for k := from + 1; k < end; k++ {
		w := toks[k].Lower
		if w == "last" || w == "earlier" || weekdays[w] {
			if timeAt(toks, k) {
				return k // "accused him of fraud last week"
			}
		}
		if !adjunctOpeners[w] {
			continue
		}
		for n := k + 1; n < end && n <= k+4; n++ {
			x := toks[n].Lower
			if authorDocumentNouns[x] || weekdays[x] || months[x] || (timeNouns[x] && n > k+1) {
				return k
			}
			if toks[n].Kind != 'w' {
				break
			}
		}
	}
	return end
}

// timeAt reports whether a time expression starts at toks[k]: a weekday, or "last",
// "earlier" before a time noun ("last week", "earlier this month").
func timeAt(toks []scanToken, k int) bool {
	if weekdays[toks[k].Lower] {
		return true
	}
	for n := k + 1; n < len(toks) && n <= k+2; n++ {
		if timeNouns[toks[n].Lower] {
			return true
		}
	}
	return false
}

// respan narrows the claim id of attribution attr to sp (a part of its content), with
// the id of its new text; it returns the claim. When another claim has that text
// already, the claim keeps its span.
func (f *disputeFinder) respan(id, attr string, sp Span) *Claim {
	c := f.claim(id)
	text := strings.TrimSpace(sp.Text)
	nid := graph.ClaimID(text)
	if text == "" || nid == id || f.hasClaim(nid) {
		return c
	}
	k := f.claimIx[id]
	delete(f.claimIx, id)
	c.ID, c.Text, c.Span = nid, text, sp
	f.claimIx[nid] = k
	f.byAttr[attr] = nid
	return c
}

// falsifyGerunds accuse of making a claim untrue ("of inflating the toll").
var falsifyGerunds = disputeWordClass("falsify_gerund")

// accusationFalsifyRule is the rule of accusedOfFalsifying.
var accusationFalsifyRule = &disputeRule{name: "accusation-falsify", shape: graph.ShapeAnaphoric}

// accusedOfFalsifying: "Israel accused Hamas of inflating the death toll" disputes the
// accused's nearest claim (with a quantity when the object is a figure noun: "the
// toll", "casualty figures"), within anaphorSentences sentences; the accusation itself
// stays a claim of the accuser.
func (f *disputeFinder) accusedOfFalsifying(v *verbSite, accused string, g int) {
	figure := false
	if n := f.claimNounAt(v.toks, g+1); n >= 0 {
		figure = claimNouns[v.toks[n].Lower]
	}
	id := f.speakerClaim(accused, v.toks[v.i].Start, figure)
	if id == "" || !f.near(id, v.si) {
		return
	}
	target := accused
	f.coord = f.coord[:0]
	cue := scanToken{Text: v.toks[g].Text, Start: v.toks[g].Start, End: v.toks[g].End}
	m := ruleMatch{claim: &id, target: &target}
	if figure {
		m.shape = graph.ShapeFigures
	}
	f.emitOne(graph.DisputeRebuts, v.disputer, accusationFalsifyRule, m, cue, f.sents[v.si])
}

// objectAgent returns the entity of the mention or pronoun at toks[j] and the index
// of the token after it.
func (f *disputeFinder) objectAgent(toks []scanToken, j int) (string, int) {
	if _, ok := pronLex[toks[j].Lower]; ok {
		return f.r.resolvePronoun(toks[j].Text, toks[j].Start), j + 1
	}
	m := f.mentionStartingAt(toks[j].Start)
	for n := 1; m == nil && n <= 2 && j+1 < len(toks) && isCapitalized(toks[j].Text); n++ {
		j++ // a title before the name: "Governor Tom Reyes"
		m = f.mentionStartingAt(toks[j].Start)
	}
	if m == nil {
		return "", j
	}
	k := j
	for k < len(toks) && toks[k].Start < m.Span.End {
		k++
	}
	return m.Entity, k
}

// criticizeForSaying: "rebuked Reyes for suggesting (earlier this week) that
// CLAUSE", "criticized her for claiming CLAUSE": the clause the criticized agent said
// is disputed, the agent is the target. Criticism for an act ("criticized Turkey for
// violating the airspace") is an accusation, not a dispute.
func (f *disputeFinder) criticizeForSaying(v *verbSite) (ruleMatch, bool) {
	toks, j := v.toks, v.obj()
	if v.kind != graph.DisputeCriticizes || j >= len(toks) || toks[j].Kind != 'w' {
		return ruleMatch{}, false
	}
	agent, k := f.objectAgent(toks, j)
	if agent == "" || agent == v.disputer || k+2 >= len(toks) || toks[k].Lower != "for" || !reportVerbs[toks[k+1].Lower] {
		return ruleMatch{}, false
	}
	c := k + 2
	for n := c; n < len(toks) && n <= k+6; n++ {
		if toks[n].Lower == "that" {
			c = n + 1
			break
		}
	}
	m, ok := f.clauseClaim(v, c)
	if ok {
		m.target = &agent
	}
	return m, ok
}

// claimOfSentenceBefore targets the claim that ends last in the sentence before the
// verb (or earlier in its own sentence), however long the quote it stands in, among the
// antecedents the disputer may answer.
func (f *disputeFinder) claimOfSentenceBefore(v *verbSite) (ruleMatch, bool) {
	pos, minEnd := v.toks[v.i].Start, f.sents[max(0, v.si-1)].Start
	best := -1
	for _, k := range f.candidateClaims(f.sents[max(0, v.si-anaphorSentences*2)].Start, pos) {
		c := &f.d.Claims[k]
		if c.Span.End <= pos && c.Span.End >= minEnd && f.antecedent(c, v.si, false, v.disputer) &&
			(best < 0 || c.Span.End > f.d.Claims[best].Span.End) {
			best = k
		}
	}
	if best < 0 {
		return ruleMatch{}, false
	}
	id := f.d.Claims[best].ID
	return ruleMatch{claim: &id}, true
}
