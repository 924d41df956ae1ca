package extract

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/claimgraph/claimgraph/graph"

	"github.com/claimgraph/claimgraph/extract/lexicon"
)

// Disputes: who disputes the truth of which claim. A dispute is stated by a dispute
// verb (lexicon/disputes.txt: "denied", "disputes", "rejected", "dismissed", "pushed
// back", ...) or by a rebuttal that calls a claim false (lexicon/rebuttals.txt). The
// verb's subject is the disputer; the rules of disputes_rules.go (named values, each
// with test sentences in testdata/rules/disputes/RULE.tsv) find the claim it disputes and
// say the dispute's shape (graph.DisputeShape).
//
// Disputer (the verb's subject):
//   - active: the entity mention that ends right before the verb, after skipping
//     auxiliaries and adverbs ("Israel has consistently denied"), time expressions
//     ("Israel on Tuesday disputed", "Hamas last week rejected") and an aside between
//     commas ("Israel, however, rejected"), or a pronoun resolved like a speaker
//     ("they reject"); names, nominals ("the ministry", "the company") and metonyms
//     ("Beijing", "the Pentagon") are the mentions the entity stage found;
//   - coordinated subjects ("Egypt and Qatar rejected") are each a disputer: one
//     dispute per entity, in text order;
//   - possessive of a noun ("Israel’s refusal");
//   - passive: "is disputed by X", "were rejected by X";
//   - a plural group noun with no name ("Critics rejected the report") becomes a
//     group entity;
//   - a representative of a possessor ("Gowdy’s office disputes", "the senator's
//     lawyers denied", "her campaign denied", lexicon class representative) is the
//     possessor, before any entity the speaker stage made of the phrase itself; a
//     statement's source "the Clinton campaign" speaks for Clinton (rebuttals.go);
//   - "the company", "the firm" (lexicon class company_nominal) that the entity stage
//     left unresolved is the one business named in its sentence or the two before;
//   - a dispute noun's possessive past its modifiers ("his swift, categorical denial
//     of reports that ...");
//   - "I" and "we" are the speaker of the quote they stand in, or nobody;
//   - a name the entity stage did not mark where the verb stands ("Cruz denied ...")
//     is the one entity of the document with that name or alias, if exactly one;
//   - a mention written across a line break (a headline run into the next line) is
//     never a disputer.
//
// A verb without a resolvable disputer is not a dispute ("many questions remain",
// "those who reject violence"), nor is a negated one ("did not dispute", "would not
// deny anyone ...", "declined to deny"). What the verb's object is decides the rest:
// a proposal, a bill or an act ("rejected the proposal", "opposed the bill",
// "refused to comment") is not a claim, so no rule matches it.
//
// Accusations: "X accused Y of Z" is a claim of X (origin "accusation", Accused Y)
// whose text is Z alone ("fraud" in "accused Mark Dalton of fraud in a lawsuit filed
// on Monday"), not a dispute; Y's later denial of it ("he has denied the claim") is a
// dispute of shape accusation. "X alleged (charged) that Y ..." accuses Y too
// (disputes_accusations.go markAccused).
//
// Reach: an anaphor or a rebuttal points back into its own paragraph, or to the
// sentence right before it; a noun of accusation ("the allegations") that finds no
// accusation takes another claim of its own paragraph only (disputes_rules.go,
// reachable and anaphorAt). A wrong claim is worse than none.

// disputeVerbs maps each form of a dispute verb (one or two words) to its kind.
var disputeVerbs = func() map[string]graph.DisputeKind {
	m := map[string]graph.DisputeKind{}
	for _, f := range lexiconRows("disputes.txt") {
		m[f[0]] = graph.DisputeKind(f[1])
	}
	return m
}()

// disputeVerbFirstWords are the first words of the two-word dispute verbs ("push" of
// "push back", "took" of "took issue"): a sentence holding one is read for disputes.
// The verbs of "said otherwise" are left out (a sentence holding "otherwise" is read):
// nearly every sentence of news holds "said".
var disputeVerbFirstWords = func() map[string]bool {
	m := map[string]bool{}
	for v := range disputeVerbs {
		if first, second, two := strings.Cut(v, " "); two && second != "otherwise" {
			m[first] = true
		}
	}
	return m
}()

// disputeWordClasses are the word classes of lexicon/dispute_words.txt.
var disputeWordClasses = lexicon.Classes("dispute_words.txt")

// disputeWordClass returns one word class of lexicon/dispute_words.txt; a class the
// file lacks is a programming error caught at package initialization.
func disputeWordClass(name string) map[string]bool { return disputeWordClasses.Class(name) }

// truthKinds are the dispute kinds that speak to a claim's truth; the others
// (criticizes, opposes, refuses) dispute a claim only through a claim noun.
var truthKinds = map[graph.DisputeKind]bool{
	graph.DisputeDisputes: true, graph.DisputeDenies: true, graph.DisputeRejects: true, graph.DisputeDismisses: true,
	graph.DisputeRefutes: true, graph.DisputeContests: true, graph.DisputeQuestions: true,
	graph.DisputeContradicts: true,
}

// claimNouns maps the nouns of lexicon/dispute_targets.txt to true for nouns of
// figures ("toll", "figures") and false for other claims ("report", "allegation").
var claimNouns = func() map[string]bool {
	m := map[string]bool{}
	for _, f := range lexiconRows("dispute_targets.txt") {
		m[f[0]] = len(f) > 1 && f[1] == "figure"
	}
	return m
}()

// wordsBeforeVerb are words between a subject and its verb.
var wordsBeforeVerb = disputeWordClass("before_verb")

// wordsBeforeVerb is wordsBeforeVerb under the name speakers.go reads.

// negations before a dispute verb make it no dispute ("did not dispute", "never
// denied"); declineVerbs before "to" too ("declined to deny", "refused to dispute").
var negations = disputeWordClass("negation")

var declineVerbs = disputeWordClass("decline")

// anaphorDeterminers stand before a claim noun that points back to a claim.
var anaphorDeterminers = disputeWordClass("anaphor_determiner")

// groupDeterminers may stand before a bare group noun that is a disputer.
var groupDeterminers = disputeWordClass("group_determiner")

// maxClauseWords bounds the clauses that disputes read, so that time stays linear on
// text without punctuation.
const maxClauseWords = 60

// addedClaimLookback bounds how many claims added by disputes an anaphor looks at.
const addedClaimLookback = 50

// anaphorSentences is how many sentences back an anaphor looks for its claim.
const anaphorSentences = 3

type disputeFinder struct {
	d       *Document
	r       *speakerResolver
	sents   []Span
	byStart map[int][]int       // mention indexes by start
	byEnd   map[int][]int       // mention indexes by end
	claimIx map[string]int      // claim id → index in d.Claims
	byAttr  map[string]string   // attribution id → claim id
	cueAt   cueIndex            // code point inside a cue → attribution index
	emitted map[disputeKey]bool // cue spans and disputers of disputes emitted
	coord   []string            // disputers coordinated before the subject ("Egypt and")
	bySpk   map[string][]int    // speaker → indexes of d.Claims[:base] with quantities
	base    int                 // d.Claims[:base] were there before, in text order
	added   bool                // mentions were appended (sorted again at the end)
	attrIx  map[string]int      // attribution id → index of its first attribution in d.Attributions
	attrIv  *spanIndex          // the attributions' cue and content spans, for holdsAttribution
	spansOf map[string][]Span   // mention spans by entity of d.Mentions[:spansN] (mentionSpans)
	spansN  int
}

// verbSite is one dispute verb in a sentence, with its disputer once found.
type verbSite struct {
	si        int         // sentence index
	toks      []scanToken // the sentence's tokens
	i         int         // the verb's token
	n         int         // the verb's length in tokens (2 for "pushed back")
	kind      graph.DisputeKind
	disputer  string
	subjStart int // the subject's first token, -1 for a passive
}

func (v *verbSite) verb() scanToken {
	t := v.toks[v.i]
	t.End = v.toks[v.i+v.n-1].End
	t.Text = v.toks[v.i].Text
	if v.n > 1 {
		t.Text += " " + v.toks[v.i+v.n-1].Text
	}
	return t
}

// obj is the first token after the verb.
func (v *verbSite) obj() int { return v.i + v.n }

// disputeKey identifies an emitted dispute: its verb and its disputer.
type disputeKey struct {
	start, end int
	disputer   string
}

// findDisputes fills d.Disputes and adds the claims the disputes create.
func findDisputes(d *Document) {
	f := newDisputeFinder(d)
	f.markAccused() // disputes_accusations.go: "X alleged that Y ..." accuses Y
	for si, s := range f.sents {
		if spanHasToken(d, s, func(t *Token) bool {
			_, ok := disputeVerbs[t.Lower]
			return ok || disputeVerbFirstWords[t.Lower] || t.Lower == "otherwise"
		}) {
			f.sentence(si, f.r.tx.scan(s.Start, s.End))
		}
	}
	f.rebuttals()
	f.pleas()       // disputes_pleas.go: "X pleaded not guilty" disputes the charge
	f.judgedNouns() // rebuttals_judged.go: "false information", "unfounded claims" in the answer of the one named
	// disputes_selfdenial.go: "I never said the mill would close"
	f.neverSaidClauses()
	f.judgedClaims() // disputes_article.go: claims the text judges untrue while reporting them
	f.verdicts()     // disputes_verdict.go: "Reyes got that wrong", ratings, "Contrary to Reyes's claim"
	f.ellipses()     // counterclaims_ellipsis.go: "She hadn't."
	// rebuttals_mistaken.go, after the verdicts: "Stephanopoulos told me I was mistaken"
	f.mistakenAgents()
	f.counterclaims()
	f.contrastedCounterclaims()
	f.respondedCounterclaims() // counterclaims_response.go: answers with the contrary
	f.predicateCounterclaims() // counterclaims_meaning.go: the contrary by meaning, unmarked
	f.articleCounterclaims()   // counterclaims_meaning.go: the same in the article's voice
	f.noneCounterclaims()      // disputes_counter.go: "no civilians were killed" against "killed 12 civilians"
	f.factContrasts()          // disputes_counter.go: "his claims that ..., when he hadn't actually applied"
	f.responseRebuttals()      // rebuttals_response.go: the accused side answers
	f.contrastReplies()        // rebuttals_reply.go: "But X said ..." from the accused side
	f.deniedActs()             // counterclaims_act.go: the accused denies the act
	f.negatedActs()            // counterclaims_negatedact.go: the one a claim is about says they did not
	f.accusedDenials()         // counterclaims_accused.go: the accused answers, negated and marked
	f.figureConflicts()        // counterclaims_figures.go: another figure for one count
	f.frameFigureConflicts()   // counterclaims_figures_frame.go: another figure in the same sentence frame
	f.tollContrasts()          // counterclaims_figures_toll.go: "However, ..., only two deaths"
	f.relativeFigures()        // counterclaims_figures_toll.go: "it was actually double that"
	f.restatedFigures()        // counterclaims_figures_toll.go: "the figure was 35"
	f.factCounterclaims()      // counterclaims_fact.go: "In fact, ..." against a claim
	f.unsaidCounterclaims()    // counterclaims_unsaid.go: "CNN did not report that ..." against a claim that it had
	f.factClauses()            // counterclaims_reality.go: "..., who, in reality, is a so-so golfer"
	f.figureCorrections()      // counterclaims_correction.go: "the actual number is ..."
	f.followupCounterclaims()  // counterclaims_followup.go: the disputer's own account after a denial
	f.noSuchCounterclaims()    // counterclaims_nosuch.go: "there was never such an order" against a claim that there was
	f.noAnswerCounterclaims()  // counterclaims_noanswer.go: "No, I meant ..." against the claim just said
	f.settleNounClauses()      // disputes_nounclaims.go: keep the noun clauses disputed
	f.coordinatedSpeakers()    // speakers_coordinated.go: each agent of a coordinated source speaks
	sort.SliceStable(d.Claims, func(i, j int) bool { return d.Claims[i].Span.Start < d.Claims[j].Span.Start })
	if f.added {
		sortMentions(d)
	}
}

func newDisputeFinder(d *Document) *disputeFinder {
	f := &disputeFinder{d: d, r: newSpeakerResolver(d), sents: sentenceSpans(d), byStart: map[int][]int{},
		byEnd: map[int][]int{}, claimIx: map[string]int{}, byAttr: map[string]string{},
		emitted: map[disputeKey]bool{}}
	for k, m := range d.Mentions {
		if m.Kind != MentionPronoun {
			f.byStart[m.Span.Start] = append(f.byStart[m.Span.Start], k)
			f.byEnd[m.Span.End] = append(f.byEnd[m.Span.End], k)
		}
	}
	f.addNounClauses() // disputes_nounclaims.go: "reports that ...", pending until disputed
	sort.SliceStable(d.Claims, func(i, j int) bool { return d.Claims[i].Span.Start < d.Claims[j].Span.Start })
	f.base = len(d.Claims)
	for k := range d.Claims {
		f.index(k)
	}
	f.cueAt = newCueIndex(d.Attributions)
	return f
}

// cueIndex finds the attribution whose cue holds a code point: the code points of
// every cue fragment (its first 64), each with the first attribution (in index order)
// whose cue holds it, sorted by code point. It answers what a map from code point to
// attribution index would, in a fifth of the memory (a dense article has a cue in
// every sentence).
type cueIndex []struct{ pos, k int32 }

func newCueIndex(atts []Attribution) cueIndex {
	var x cueIndex
	for k := range atts {
		for _, fr := range spanFragments(atts[k].Cue) {
			for p := fr[0]; p < fr[1] && p-fr[0] < 64; p++ {
				x = append(x, struct{ pos, k int32 }{int32(p), int32(k)})
			}
		}
	}
	// by code point, the first attribution of each first (a stable sort keeps the
	// index order of the entries of one code point)
	sort.SliceStable(x, func(i, j int) bool { return x[i].pos < x[j].pos })
	out := x[:0]
	for _, e := range x {
		if len(out) == 0 || out[len(out)-1].pos != e.pos {
			out = append(out, e)
		}
	}
	return slices.Clip(out)
}

// at returns the index of the first attribution whose cue holds code point pos.
func (x cueIndex) at(pos int) (int, bool) {
	i := sort.Search(len(x), func(i int) bool { return int(x[i].pos) >= pos })
	if i < len(x) && int(x[i].pos) == pos {
		return int(x[i].k), true
	}
	return 0, false
}

// sentence finds the disputes of the dispute verbs in one sentence.
func (f *disputeFinder) sentence(si int, toks []scanToken) {
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Kind != 'w' {
			continue
		}
		n, kind := 1, graph.DisputeKind("")
		if i+1 < len(toks) {
			if k, ok := disputeVerbs[t.Lower+" "+toks[i+1].Lower]; ok {
				n, kind = 2, k
			}
		}
		if kind == "" {
			k, ok := disputeVerbs[t.Lower]
			if !ok {
				continue
			}
			kind = k
		}
		f.site(&verbSite{si: si, toks: toks, i: i, n: n, kind: kind, subjStart: -1})
		i += n - 1
	}
}

// site finds the disputer of one verb and applies the rules to it.
func (f *disputeFinder) site(v *verbSite) {
	if negatedBefore(v.toks, v.i) {
		return
	}
	f.coord = f.coord[:0]
	if v.kind == graph.DisputeAccuses && f.passiveAccusation(v) {
		return
	}
	if f.appositivePassive(v) || f.passive(v) {
		return
	}
	v.disputer, v.subjStart = f.subject(v.toks, v.i)
	embedded := v.subjStart >= 0 && embeddedSubject(v.toks, v.subjStart) // disputes_subject.go
	if embedded {
		v.disputer, v.subjStart = "", -1
	}
	if k := skipToSubject(v.toks, v.i); v.disputer == "" && !embedded && (k < 0 || !relativeWords[v.toks[k].Lower] && !f.pronounAfterUnnamedSubject(v.toks, k)) && !f.embeddedCueSource(v) {
		// "The dean ... has published a letter strongly disputing ...": the verb is part
		// of an attribution cue whose source the speaker stage resolved
		v.disputer = f.cueSource(v.verb().Start)
		if v.disputer == "" {
			v.disputer = f.cueSourceAcrossTime(v.toks, v.i) // "issued a statement on Tuesday denying" (disputes_cueadjunct.go)
		}
	}
	if v.disputer == "" && !embedded {
		v.disputer = f.coordinatedParticipleSource(v) // "..., saying ... and denying ..." (disputes_subject.go)
	}
	if v.kind == graph.DisputeAccuses {
		f.accusation(v) // a claim of the accuser, who may be unnamed
		return
	}
	if v.disputer == "" || groupOfSubject(v.toks, v.i) { // "Critics of Acme denied" (disputes_coordphrases.go)
		return
	}
	coord, first := f.coordinatedFrom(v.toks, v.subjStart, v.disputer)
	if len(coord) > 0 {
		v.subjStart = titleStart(v.toks, first) // rule coordinated-subject-start (disputes_byagent.go): "a claim that Russia and Belarus denied"
	} else if agents, start := f.coordinatedAgentPhrases(v.toks, v.i, v.disputer); agents != nil {
		// "Acme and its chief executive, Tom Reyes, denied" (disputes_coordphrases.go)
		coord, v.disputer = agents[:len(agents)-1], agents[len(agents)-1]
		if v.subjStart >= 0 {
			v.subjStart = start
		}
	}
	f.coord = append(f.coord, coord...)
	f.coord = append(f.coord, f.companions(v)...) // "Israel, along with Egypt, disputed" (disputes_companions.go)
	for _, r := range disputeRules {
		if r.truthOnly && !truthKinds[v.kind] {
			continue
		}
		if m, ok := r.match(f, v); ok {
			f.emit(v, r, m)
			return
		}
	}
	if v.kind == graph.DisputeCriticizes {
		f.accusation(v) // "criticized UNIFIL for allowing ...": a claim, no dispute
	}
}

// negatedBefore reports whether the verb at toks[i] is negated: "not", "never",
// "n't" among the words before it, or "declined to".
func negatedBefore(toks []scanToken, i int) bool {
	for k := i - 1; k >= 0 && i-k <= 4; k-- {
		w := toks[k].Lower
		if toks[k].Kind != 'w' {
			return false
		}
		if negations[w] || strings.HasSuffix(w, "n't") {
			return true
		}
		if w == "to" && k >= 1 && declineVerbs[toks[k-1].Lower] {
			return true
		}
		if !wordsBeforeVerb[w] && !strings.HasSuffix(w, "ly") {
			return false
		}
	}
	return false
}

// passiveBe are the forms of "be" that make a participle after them passive.
var passiveBe = disputeWordClass("passive_be")

// pastParticiple reports whether a verb form reads as a past participle ("denied",
// "challenged", "shot down"'s "shot").
func pastParticiple(w string) bool {
	return strings.HasSuffix(w, "ed") || verbBases[w] != ""
}

// passive handles "is disputed by X": it reports whether the verb is passive (with
// or without a dispute).
func (f *disputeFinder) passive(v *verbSite) bool {
	toks, i := v.toks, v.i
	a := auxBeforeAdverbs(toks, i) // "were swiftly refuted by", "are explicitly and firmly refuted by"
	if a >= 0 && passiveBe[toks[a].Lower] && (v.obj() >= len(toks) || toks[v.obj()].Lower != "by") && pastParticiple(toks[i].Lower) {
		return true // "he was challenged over his statement": no disputer named
	}
	aux := passiveAuxiliary(toks, i) // "were swiftly refuted by", "are explicitly and firmly refuted by" (disputes_reports.go)
	if aux < 0 || v.obj() >= len(toks) || toks[v.obj()].Lower != "by" {
		return false
	}
	if !truthKinds[v.kind] {
		return true
	}
	agents := f.byAgents(toks, v.obj()+1) // disputes_byagent.go
	if len(agents) == 0 {
		return true
	}
	v.disputer = agents[len(agents)-1]
	f.coord = append(f.coord[:0], agents[:len(agents)-1]...)
	if m, ok := f.anaphor(v, passiveSubjectStart(toks, aux), i-1); ok {
		f.emit(v, passiveRule, m)
	}
	return true
}

// appositivePassive handles "CLAUSE, a figure questioned by Israel, the US and
// Germany": a claim noun in apposition, a dispute verb as its passive participle and
// the disputers after "by" (rule relative-passive); it reports whether the verb
// stood so.
func (f *disputeFinder) appositivePassive(v *verbSite) bool {
	toks, n := v.toks, v.i-1
	if n < 2 || v.obj()+1 >= len(toks) || toks[v.obj()].Lower != "by" || !truthKinds[v.kind] {
		return false
	}
	for k := 0; k < 2 && n >= 3 && passiveAdverb(toks[n]); k++ {
		n-- // "a claim quickly denied by Kyiv", "an allegation later rejected by the panel"
	}
	figure, ok := claimNouns[toks[n].Lower]
	p := appositionStart(toks, n)
	if !ok || p < 1 {
		return false
	}
	agents := f.byAgents(toks, v.obj()+1) // disputes_byagent.go
	if len(agents) == 0 {
		return false
	}
	m, ok := f.clauseBefore(v, p)
	if !ok {
		return true
	}
	if figure {
		m.shape = graph.ShapeFigures
	}
	v.disputer = agents[len(agents)-1]
	f.coord = append(f.coord[:0], agents[:len(agents)-1]...)
	f.emit(v, relativePassiveRule, m)
	return true
}

// auxBeforeAdverbs returns the index of the word before the verb at toks[i] once up
// to three adverbs of passiveAdverb (and an "and" between two of them) are skipped:
// the auxiliary of "were swiftly refuted", "are explicitly and firmly refuted"; -1 at
// the sentence's start.
func auxBeforeAdverbs(toks []scanToken, i int) int {
	k := i - 1
	for n := 0; n < 3 && k >= 1; n++ {
		if passiveAdverb(toks[k]) {
			k--
			continue
		}
		if toks[k].Lower == "and" && k+1 < i && passiveAdverb(toks[k+1]) && passiveAdverb(toks[k-1]) {
			k--
			continue
		}
		break
	}
	return k
}

// passiveAdverb reports whether t is an adverb that may stand between an appositive
// claim noun and its passive participle: a lowercase -ly word other than "only"
// ("quickly", "strongly", "flatly") or "later".
func passiveAdverb(t scanToken) bool {
	return t.Kind == 'w' && t.Text == t.Lower && ((strings.HasSuffix(t.Lower, "ly") && t.Lower != "only") || t.Lower == "later")
}

// relativePassiveRule is the rule of appositivePassive.
var relativePassiveRule = &disputeRule{name: "relative-passive", shape: graph.ShapeRelative, truthOnly: true}

// mentionEndingAt returns the (longest) mention whose span ends at pos, possibly
// before a possessive ending.
func (f *disputeFinder) mentionEndingAt(pos int) *Mention {
	var best *Mention
	for _, end := range []int{pos, pos - 2} {
		for _, k := range f.byEnd[end] {
			m := &f.d.Mentions[k]
			if end != pos && !isApostrophe(f.d.Runes[m.Span.End]) {
				continue
			}
			if f.acrossLines(m.Span) {
				continue // "Carson\nCNN": a headline's last word run into the next line
			}
			if best == nil || m.Span.Start < best.Span.Start {
				best = m
			}
		}
	}
	return best
}

// acrossLines reports whether a mention's span holds a line break: no name is written
// across lines, and a disputer read from one would be a wrong one.
func (f *disputeFinder) acrossLines(sp Span) bool {
	for p := sp.Start; p < sp.End && p < len(f.d.Runes); p++ {
		if f.d.Runes[p] == '\n' {
			return true
		}
	}
	return false
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

func (f *disputeFinder) claim(id string) *Claim {
	if k, ok := f.claimIx[id]; ok {
		return &f.d.Claims[k]
	}
	return nil
}

// skipToSubject returns the token before the verb at toks[i] that ends its subject,
// after auxiliaries, adverbs, time expressions and asides.
func skipToSubject(toks []scanToken, i int) int {
	k := i - 1
	for {
		for k >= 0 && i-k <= 6 && toks[k].Kind == 'w' && (wordsBeforeVerb[toks[k].Lower] || (strings.HasSuffix(toks[k].Lower, "ly") && toks[k].Text == toks[k].Lower)) {
			k--
		}
		if n := timeBefore(toks, k); n > 0 {
			k -= n
			continue
		}
		if n := asideBefore(toks, k); n > 0 {
			k -= n
			continue
		}
		if n := relativeAsideBefore(toks, k); n > 0 {
			k -= n
			continue
		}
		if n := companionAsideBefore(toks, k); n > 0 {
			k -= n // "Israel, along with Egypt, disputed" (disputes_companions.go)
			continue
		}
		if n := participleAside(toks, k); n > 0 {
			k -= n // "the RSF, accused of mass atrocities, denied" (disputes_topic.go)
			continue
		}
		if n := presentParticipleAside(toks, k); n > 0 {
			k -= n // "members of the delegation, speaking to journalists in Nairobi, Kenya, refuted" (disputes_reports.go)
			continue
		}
		if n := purposeBefore(toks, k, i); n > 0 {
			k -= n // "Reyes took to Facebook to deny the report" (disputes_frames.go)
			continue
		}
		return k
	}
}

// subject finds the disputer of the verb at toks[i]; it returns the entity id and the
// index of the subject's first token (for relative clauses).
func (f *disputeFinder) subject(toks []scanToken, i int) (string, int) {
	if id, start := f.frontedParticipleSubject(toks, i); id != "" {
		return id, start // "Firmly dismissing the claims, the ministry said" (disputes_fronted.go)
	}
	k := skipToSubject(toks, i)
	if s := coordinatedVerbSubject(toks, k); s >= 0 {
		k = s // "We have read the report and reject these allegations" (disputes_coordvp.go)
	}
	if disputeNouns[toks[i].Lower] {
		k = possessiveBefore(toks, i)
		if k < 0 {
			k = supportVerbSubject(toks, i) // "China issued a firm denial of ..." (disputes_nominal.go)
		}
	}
	if k < 0 || toks[k].Kind != 'w' {
		return "", -1
	}
	if c := coordinatedRelativeSubject(toks, k); c > k-coordRelativeReach && c > 0 && c < k {
		k = c // "a charge that Vance has faced and has always denied" (disputes_coordrel.go)
	}
	if (toks[k].Lower == "by" || toks[k].Lower == "for") && strings.HasSuffix(toks[i].Lower, "ing") {
		return f.gerundSubject(toks, k) // disputes_gerund.go: "criticized Reyes for denying"
	}
	t := toks[k]
	if t.Lower == "who" {
		return f.whoAntecedent(toks, k) // "Cruz, who denied that ..."
	}
	if t.Lower == "i" || t.Lower == "we" {
		// first person: the speaker of the quote it stands in, else nobody
		if a := f.attributionHolding(t.Start); a != nil && a.Speaker != nil {
			return *a.Speaker, k
		}
		return "", -1
	}
	if _, ok := pronLex[strings.TrimSuffix(t.Lower, "'s")]; ok {
		if f.pronounAfterUnnamedSubject(toks, k) {
			return "", -1 // "Ivanka Trump, 34, could ... She has pushed back" (disputes_pronounguard.go)
		}
		if id := f.cueSpeaker(toks[i].Start, t); id != "" {
			return id, k // the attribution stage resolved the same pronoun as the verb's source
		}
		if f.sourceUnresolved(t) {
			return "", -1 // disputes_pleas.go: "its foreign ministry said it rejects"
		}
		if id := f.r.resolvePronoun(strings.TrimSuffix(strings.TrimSuffix(t.Text, "'s"), "’s"), t.Start); id != "" {
			return id, k
		}
		return "", -1
	}
	if representatives[toks[k].Lower] {
		if id, start := f.representedBy(toks, k); id != "" {
			return id, start // "Whitlow's spokeswoman denied": Whitlow, not a new entity "spokeswoman"
		}
	}
	if m := f.entityEndingAt(toks, k); m != nil {
		start := k
		for start > 0 && toks[start-1].Start >= m.Span.Start {
			start--
		}
		return m.Entity, titleStart(toks, start)
	}
	if base, poss := stripPossessive(t.Text); poss {
		if m := f.mentionEndingAt(t.Start + len([]rune(base))); m != nil {
			return m.Entity, k
		}
	}
	if id, start := f.representedBy(toks, k); id != "" {
		return id, start
	}
	if id, start := f.namedRepresentativeSubject(toks, k); id != "" {
		return id, start // "The Clinton campaign denied the report" (disputes_namedrep.go)
	}
	if id, start := f.companySubject(toks, k); id != "" {
		return id, start
	}
	if id, start := f.tradeCompanySubject(toks, k); id != "" {
		return id, start // "the mining company" (disputes_tradecompany.go)
	}
	if id, start := f.governmentSubject(toks, k); id != "" {
		return id, start // "the government" of the one country named (disputes_government.go)
	}
	if id, start := f.campaignSubject(toks, k); id != "" {
		return id, start // "the campaign" of the one candidate named (disputes_campaign.go)
	}
	if id, start := f.voiceSubject(toks, k); id != "" {
		return id, start // "a company spokesperson" for the one company named (disputes_voicebody.go)
	}
	return f.groupSubject(toks, k)
}

// companyNominals are the nouns of businesses that "the company", "the firm" use to
// refer to the company named shortly before (lexicon/dispute_words.txt, class
// company_nominal).
var companyNominals = disputeWordClass("company_nominal")

// companySubject resolves a subject "the company" / "the firm" that the entity stage
// left unresolved (the company's name holds no such noun: "Exxon Mobil", "Meridian
// Holdings") to the one business named in the verb's sentence or the two before it:
// an organization whose name holds no body noun of lexicon/nominals.txt other than
// these ("Columbia University", "the Health Ministry" are no company). None when two
// businesses are named there: a wrong disputer is worse than none.
func (f *disputeFinder) companySubject(toks []scanToken, k int) (string, int) {
	if k < 1 || !companyNominals[toks[k].Lower] || toks[k-1].Lower != "the" || toks[k].Text != toks[k].Lower {
		return "", -1
	}
	si := f.sentenceOf(toks[k].Start)
	from := f.sents[max(0, si-2)].Start
	found := ""
	for _, m := range f.d.Mentions {
		if m.Span.Start < from || m.Span.End > toks[k-1].Start || m.Kind != MentionName || m.Entity == found {
			continue
		}
		e := f.r.entity(m.Entity)
		if e == nil || e.Kind != graph.KindOrganization || !businessName(e.Name) {
			continue
		}
		if found != "" {
			return "", -1
		}
		found = m.Entity
	}
	if found == "" {
		return "", -1
	}
	f.d.Mentions = append(f.d.Mentions, Mention{Entity: found, Span: makeSpan(f.d.Runes, toks[k-1].Start, toks[k].End), Kind: MentionNominal})
	f.added = true
	return found, k - 1
}

// businessName reports whether an organization's name holds no body noun of
// lexicon/nominals.txt but those of businesses ("Exxon Mobil", "Acme Corporation";
// not "Columbia University", "Interior Ministry").
func businessName(name string) bool {
	for _, w := range strings.Fields(strings.ToLower(name)) {
		if entityWords.nominals[w] && !companyNominals[w] {
			return false
		}
	}
	return true
}

// cueSpeaker returns the speaker of the attribution whose cue holds the dispute
// verb at pos and whose source is the subject token t, or "". The speaker stage
// resolves a pronoun source with more evidence (the previous speaker, quotes) than a
// bare nearest-mention search, and one document should not give the same "he" two
// referents.
func (f *disputeFinder) cueSpeaker(pos int, t scanToken) string {
	k, ok := f.cueAt.at(pos)
	if !ok {
		return ""
	}
	a := &f.d.Attributions[k]
	if a.Speaker == nil || a.Source == nil || a.Source.Start > t.Start || a.Source.End < t.End {
		return ""
	}
	return *a.Speaker
}

// relativeWords open a relative clause whose subject is read by the rules, not taken
// from an attribution ("Russia, which denies sending troops").
var relativeWords = disputeWordClass("relative_word")

// cueSource returns the speaker of the attribution whose cue holds the dispute verb
// at pos, when its source is a name or a resolved noun phrase before the verb, or "".
func (f *disputeFinder) cueSource(pos int) string {
	k, ok := f.cueAt.at(pos)
	if !ok {
		return ""
	}
	a := &f.d.Attributions[k]
	if a.Speaker == nil || a.Source == nil || a.Source.End > pos {
		return ""
	}
	return *a.Speaker
}

// disputeNouns are the dispute words that are nouns; possessivePronouns may stand
// before them as their disputer.
var (
	disputeNouns       = disputeWordClass("dispute_noun")
	possessivePronouns = disputeWordClass("possessive_pronoun")
)

// possessiveBefore returns the possessive that a dispute noun at toks[i] belongs to,
// past up to four modifiers and commas ("his aggressive, seemingly shameless
// rejection", "Israel’s denial"), or -1.
func possessiveBefore(toks []scanToken, i int) int {
	for k := i - 1; k >= 0 && i-k <= 5; k-- {
		t := toks[k]
		if t.Kind == 'w' && possessivePronouns[t.Lower] {
			return k
		}
		if _, poss := stripPossessive(t.Text); poss && t.Kind == 'w' {
			return k
		}
		if t.Text != "," && (t.Kind != 'w' || t.Text != t.Lower || t.Lower == "the" || t.Lower == "a" || t.Lower == "an") {
			return -1
		}
	}
	return -1
}

// whoAntecedent returns the entity named right before the relative pronoun "who" at
// toks[k] ("Cruz, who denied", "officials who rejected the report") and its first
// token, or "" and -1.
func (f *disputeFinder) whoAntecedent(toks []scanToken, k int) (string, int) {
	a := k - 1
	if a >= 0 && toks[a].Text == "," {
		a--
	}
	if a < 0 || toks[a].Kind != 'w' {
		return "", -1
	}
	m := f.entityEndingAt(toks, a)
	if m == nil || m.Kind == MentionPronoun {
		return "", -1
	}
	start := a
	for start > 0 && toks[start-1].Start >= m.Span.Start {
		start--
	}
	return m.Entity, start
}

// representatives are nouns that speak for their possessor: "Gowdy’s office
// disputes", "the senator's lawyers denied", "Trump’s tweet discrediting the report".
var representatives = disputeWordClass("representative")

// representedBy returns the possessor of a representative noun at toks[k] ("Gowdy’s
// office") and the possessive's first token, or "" and -1.
func (f *disputeFinder) representedBy(toks []scanToken, k int) (string, int) {
	if !representatives[toks[k].Lower] || toks[k].Text != toks[k].Lower {
		return "", -1
	}
	if id, start := f.representedByPronoun(toks, k); id != "" {
		return id, start
	}
	p := f.possessor(toks, k)
	if p == nil {
		return "", -1
	}
	start := k - 1
	for start > 0 && toks[start-1].Kind == 'w' && isCapitalized(toks[start-1].Text) {
		start--
	}
	return *p, titleStart(toks, start)
}

// representedByPronoun reads a representative noun at toks[k] after a possessive
// pronoun: "her campaign", "his lawyers" dispute for the pronoun's referent, resolved
// as a speaker's pronoun is. It returns the referent and the pronoun's token, or ""
// and -1. ("The Clinton campaign", a name as a modifier, is left to the entity stage:
// its disputes more often point back to a claim the rules cannot place.)
func (f *disputeFinder) representedByPronoun(toks []scanToken, k int) (string, int) {
	if k < 1 || toks[k-1].Kind != 'w' || (toks[k-1].Lower != "his" && toks[k-1].Lower != "her") {
		return "", -1
	}
	if id := f.r.resolvePronoun(toks[k-1].Text, toks[k-1].Start); id != "" {
		return id, k - 1
	}
	return "", -1
}

// titleStart returns the first token of a title right before the name starting at
// toks[start] ("Mr. Ailes", "Sen. Jane Whitlow"), else start.
func titleStart(toks []scanToken, start int) int {
	best := start
	for n := 1; n <= 3 && start-n >= 0; n++ {
		low := make([]scanToken, n)
		for i := range low {
			low[i] = toks[start-n+i]
			low[i].Text = strings.ToLower(low[i].Text)
		}
		if entityWords.titles[lookupKey(low)] {
			best = start - n
		}
	}
	return best
}

// entityEndingAt returns the mention that ends with toks[k], else a name that the
// entity stage did not mark there but that is the name or an alias of exactly one
// entity of the document ("Cruz denied ..." when Ted Cruz was named before).
func (f *disputeFinder) entityEndingAt(toks []scanToken, k int) *Mention {
	if m := f.mentionEndingAt(toks[k].End); m != nil {
		return m
	}
	if !isCapitalized(toks[k].Text) {
		return nil
	}
	for j := max(0, k-3); j <= k; j++ {
		if !capitalizedRun(toks, j, k) {
			continue
		}
		if id := f.entityNamed(string(f.d.Runes[toks[j].Start:toks[k].End])); id != "" {
			return f.addNameMention(id, toks[j].Start, toks[k].End)
		}
	}
	return nil
}

// addNameMention records a name mention that the entity stage did not mark, so that
// the disputer is named where it disputes, and returns it.
func (f *disputeFinder) addNameMention(id string, start, end int) *Mention {
	m := Mention{Entity: id, Span: makeSpan(f.d.Runes, start, end), Kind: MentionName}
	f.d.Mentions = append(f.d.Mentions, m)
	k := len(f.d.Mentions) - 1
	f.byStart[start] = append(f.byStart[start], k)
	f.byEnd[end] = append(f.byEnd[end], k)
	f.added = true
	return &f.d.Mentions[k]
}

// capitalizedRun reports whether toks[j..k] are all capitalized words.
func capitalizedRun(toks []scanToken, j, k int) bool {
	for i := j; i <= k; i++ {
		if toks[i].Kind != 'w' || !isCapitalized(toks[i].Text) {
			return false
		}
	}
	return true
}

// entityNamed returns the one entity whose name or an alias is name, or "" when none
// or several are.
func (f *disputeFinder) entityNamed(name string) string {
	found := ""
	for _, e := range f.d.Entities {
		if e.Kind == graph.KindGroup {
			continue
		}
		ok := e.Name == name
		for _, a := range e.Aliases {
			ok = ok || a == name
		}
		if ok {
			if found != "" && found != e.ID {
				return ""
			}
			found = e.ID
		}
	}
	return found
}

// groupSubject makes a plural group noun without a name ("Critics rejected the
// report") a group entity.
func (f *disputeFinder) groupSubject(toks []scanToken, k int) (string, int) {
	t := toks[k]
	n, ok := entityWords.groups[t.Lower]
	if !ok || n != "plural" || (k > 0 && toks[k-1].Kind == 'w' && !groupDeterminers[toks[k-1].Lower]) {
		return "", -1
	}
	id := addEntity(f.d, t.Lower, graph.KindGroup)
	f.r.reindex()
	f.d.Mentions = append(f.d.Mentions, Mention{Entity: id, Span: makeSpan(f.d.Runes, t.Start, t.End), Kind: MentionNominal})
	f.added = true
	return id, k
}

// weekdays and months name days and months in time expressions.
var weekdays = disputeWordClass("weekday")

var months = disputeWordClass("month")

// timeNouns end a time expression after "last", "this", "next", "earlier", "later"
// ("last week", "earlier this month").
var timeNouns = disputeWordClass("time_noun")

// timeBefore returns the number of tokens of a time expression that ends at token k
// and stands between a subject and its verb ("on Tuesday", "on Nov. 3", "last week",
// "earlier this month", "Tuesday night", "yesterday"), or 0.
func timeBefore(toks []scanToken, k int) int {
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
	case timeNouns[w] && k >= 1 && weekdays[toks[k-1].Lower]:
		j = k - 1 // "Tuesday night"
	case timeNouns[w] || weekdays[w]:
	case toks[k].Kind == 'n' && k >= 1 && months[toks[k-1].Lower] && len(toks[k].Text) <= 2:
		j = k - 1 // "Nov. 3"
	case months[w] && isCapitalized(toks[k].Text) && w != "may" && w != "march":
	default:
		return 0
	}
	return timeLead(toks, j, k)
}

// timeLead returns the length of the time expression toks[j..k] with what stands
// before it ("on", "last", "this", "earlier this", "late"), or 0.
func timeLead(toks []scanToken, j, k int) int {
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
	if weekdays[toks[j].Lower] {
		return k - j + 1
	}
	return 0
}

// asideBefore returns the number of tokens of an aside between commas that ends at
// token k ("Israel, however, rejected", "Israel, in a statement, disputed"), or 0;
// an aside with a capitalized word is not skipped.
func asideBefore(toks []scanToken, k int) int {
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
		if (toks[j].Kind != 'w' && toks[j].Kind != 'n') || isCapitalized(toks[j].Text) {
			return prepositionalAside(toks, k) // not an aside that names someone ("He, like Donald Trump, has refused")
		}
	}
	return prepositionalAside(toks, k)
}

// asidePrepositions begin asides that may name someone.
var asidePrepositions = disputeWordClass("aside_preposition")

// prepositionalAside returns the number of tokens of an aside between commas that
// ends at token k and begins with a preposition ("Khan, in an article published in
// The Washington Post, rebuked"), or 0.
func prepositionalAside(toks []scanToken, k int) int {
	for j := k - 1; j >= 1 && k-j <= 12; j-- {
		if toks[j].Text == "," {
			if j+1 < k && asidePrepositions[toks[j+1].Lower] && toks[j-1].Kind == 'w' {
				return k - j + 1
			}
			return 0
		}
		if toks[j].Kind != 'w' && toks[j].Kind != 'n' && toks[j].Text != "." {
			return 0
		}
	}
	return 0
}

// relativeAsideBefore returns the number of tokens of a relative clause between
// commas that ends at token k ("BuzzFeed, which does not disclose its finances,
// denied"), or 0.
func relativeAsideBefore(toks []scanToken, k int) int {
	if k < 3 || toks[k].Text != "," {
		return 0
	}
	for j := k - 1; j >= 1 && k-j <= 14; j-- {
		if toks[j].Kind != 'w' && toks[j].Kind != 'n' {
			return 0
		}
		if (toks[j].Lower == "which" || toks[j].Lower == "who") && toks[j-1].Text == "," {
			return k - j + 2
		}
	}
	return 0
}

// coordinated returns the entities coordinated before the subject whose first token
// is toks[start] ("Egypt and Qatar", "Egypt, Jordan and Qatar"), in text order.
func (f *disputeFinder) coordinated(toks []scanToken, start int, subject string) []string {
	out, _ := f.coordinatedFrom(toks, start, subject)
	return out
}

// coordinatedFrom is coordinated, with the first token of the first conjunct (start
// when there is none).
func (f *disputeFinder) coordinatedFrom(toks []scanToken, start int, subject string) ([]string, int) {
	var out []string
	first := start
	k := start - 1
	if k >= 1 && toks[k].Lower == "the" {
		k-- // "Israel and the United States": the mention of the last starts after "the"
	}
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
		first = k
		k--
		if k >= 1 && toks[k].Lower == "the" {
			first = k
			k--
		}
	}
	for a, b := 0, len(out)-1; a < b; a, b = a+1, b-1 {
		out[a], out[b] = out[b], out[a]
	}
	return out, first
}

// clauseEnd returns the index after the last token of the clause starting at j: up
// to a comma, semicolon, colon, dash, closing quote or the sentence end.
func clauseEnd(toks []scanToken, j int) int {
	k := j
	for k < len(toks) && k-j < maxClauseWords {
		x := toks[k].Text
		if x == "," || x == ";" || x == ":" || x == "." || x == "—" || x == "–" || x == "!" || x == "?" || x == "(" || toks[k].Kind == 'q' {
			break
		}
		k++
	}
	return k
}

// clauseStart returns the first token of the clause that holds toks[i].
func clauseStart(toks []scanToken, i int) int {
	k := i
	for k > 0 && i-k < maxClauseWords {
		x := toks[k-1].Text
		if x == "," || x == ";" || x == ":" || x == "—" || x == "–" {
			break
		}
		k--
	}
	return k
}

func (f *disputeFinder) sentenceOf(pos int) int {
	k := sort.Search(len(f.sents), func(i int) bool { return f.sents[i].End > pos })
	if k < len(f.sents) && f.sents[k].Start <= pos {
		return k
	}
	return 0
}

// attributionWithCue returns the attribution whose cue holds the token, or nil.
func (f *disputeFinder) attributionWithCue(t scanToken) *Attribution {
	k, ok := f.cueAt.at(t.Start)
	if !ok {
		return nil
	}
	a := &f.d.Attributions[k]
	for _, fr := range spanFragments(a.Cue) {
		if t.Start >= fr[0] && t.End <= fr[1] {
			return a
		}
	}
	return nil
}

// firstAgentIn returns the first entity other than the disputer mentioned in sp.
func (f *disputeFinder) firstAgentIn(sp Span, disputer string) *string {
	for _, m := range f.d.Mentions {
		if m.Kind == MentionPronoun || m.Entity == disputer {
			continue
		}
		if spanInside(sp, m.Span.Start, m.Span.End) {
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
	c.Modality = modalityOfTx(f.r.tx, c.Span)
	c.Quantities = []Quantity{}
	if si := f.sentenceOf(c.Span.Start); si < len(f.sents) {
		s := f.sents[si]
		for _, q := range findQuantitiesTx(f.r.tx, s.Start, s.End) {
			if spanInside(c.Span, q.Span.Start, q.Span.End) {
				c.Quantities = append(c.Quantities, q)
			}
		}
	}
	f.d.Claims = append(f.d.Claims, c)
	f.index(len(f.d.Claims) - 1)
	return c.ID
}

// emit records the dispute a rule found, once per disputer (coordinated subjects
// each dispute).
func (f *disputeFinder) emit(v *verbSite, r *disputeRule, m ruleMatch) {
	if v.subjStart >= 0 && r.shape == graph.ShapeRelative {
		if id := f.claimPerson(v, m); id != "" {
			v.disputer = id // "... said Mr. Hannity wanted a role -- something he denied"
		}
	}
	if v.subjStart >= 0 && f.pronounNamedIn(v, m) {
		return
	}
	for _, c := range f.coord {
		f.emitOne(v.kind, c, r, m, v.verb(), f.sents[v.si])
	}
	f.emitOne(v.kind, v.disputer, r, m, v.verb(), f.sents[v.si])
}

// pronounNamedIn reports whether the disputer is a pronoun ("He dismisses ...")
// whose entity the disputed claim names ("accusations that Trump has ..."): one does
// not refer to oneself by name right after "he", so the pronoun was resolved to the
// wrong entity, and a wrong disputer is worse than none.
func (f *disputeFinder) pronounNamedIn(v *verbSite, m ruleMatch) bool {
	if _, ok := pronLex[strings.TrimSuffix(v.toks[v.subjStart].Lower, "'s")]; !ok || m.claim == nil {
		return false
	}
	c := f.claim(*m.claim)
	if c == nil || (c.Accused != nil && *c.Accused == v.disputer) {
		return false // an accusation names the accused
	}
	if c.Span.End <= v.toks[v.subjStart].Start {
		return false // "... said Reyes took bribes, an allegation he denied": "he" points back to the name
	}
	name := ""
	for _, e := range f.d.Entities {
		if e.ID == v.disputer {
			name = e.Name
		}
	}
	if strings.Contains(name, " ") && strings.Contains(c.Text, name) {
		return true // the full name, even where the entity stage marked no mention
	}
	for _, mn := range f.d.Mentions {
		if mn.Entity == v.disputer && mn.Kind == MentionName && spanInside(c.Span, mn.Span.Start, mn.Span.End) &&
			strings.HasSuffix(name, string(f.d.Runes[mn.Span.Start:mn.Span.End])) && !f.afterCapitalized(mn.Span.Start) {
			return true // the name or its last words ("Trump"), not part of another name ("Ivana Trump")
		}
	}
	return false
}

// claimPerson returns, for a he/she disputer of a relative clause that follows its
// claim ("X said Reyes took bribes, an allegation he denied"), the first person the
// claim names who fits the pronoun: the one the allegation is about, whom "he"
// answers for, rather than the nearest name before the pronoun ("... a role in a
// possible Trump administration -- something he denied"). It returns "" when the
// subject is no such pronoun or the claim names no fitting person.
func (f *disputeFinder) claimPerson(v *verbSite, m ruleMatch) string {
	p, ok := pronLex[v.toks[v.subjStart].Lower]
	if !ok || (p.gender != 'm' && p.gender != 'f') || m.claim == nil {
		return ""
	}
	c := f.claim(*m.claim)
	if c == nil || c.Span.End > v.toks[v.subjStart].Start {
		return ""
	}
	best := -1
	found := ""
	for _, mn := range f.d.Mentions {
		if mn.Kind != MentionName || !spanInside(c.Span, mn.Span.Start, mn.Span.End) || (best >= 0 && mn.Span.Start >= best) {
			continue
		}
		if e := f.r.entity(mn.Entity); e != nil && f.r.compatible(e, p) {
			best, found = mn.Span.Start, mn.Entity
		}
	}
	return found
}

// afterCapitalized reports whether a capitalized word ends right before pos (one
// space between).
func (f *disputeFinder) afterCapitalized(pos int) bool {
	toks := f.r.tx.scan(max(0, pos-30), pos)
	if len(toks) == 0 {
		return false
	}
	t := toks[len(toks)-1]
	return t.Kind == 'w' && t.End >= pos-1 && isCapitalized(t.Text)
}

func (f *disputeFinder) emitOne(kind graph.DisputeKind, disputer string, r *disputeRule, m ruleMatch, cue scanToken, sent Span) {
	if m.disputer != "" {
		disputer = m.disputer // the side an unnamed voice speaks for (disputes_sidefar.go)
	}
	// "said the company spokesperson" (disputes_voicebody.go)
	disputer = f.bodyOfVoice(disputer, cue.Start)
	disputer = f.spokenFor(disputer) // "an Adani Group spokesperson" speaks for the Adani Group (disputes_frames.go)
	if m.target != nil && *m.target == disputer {
		m.target = nil
	}
	if m.claim == nil && m.target == nil {
		return
	}
	shape := r.shape
	if m.shape != "" {
		shape = m.shape
	}
	if m.rule != nil {
		r = m.rule // the rule that resolved the claim (anaphor-repeated), with the finder's shape
	}
	if m.claim != nil {
		c := f.claim(*m.claim)
		if c != nil && c.Speaker != nil && *c.Speaker == disputer && !m.self {
			return // nobody disputes their own claim, but their words as others report them
		}
		if c != nil && c.Accused != nil && *c.Accused == disputer {
			shape = graph.ShapeAccusation
		}
	}
	key := disputeKey{cue.Start, cue.End, disputer}
	if f.emitted[key] || f.sameDispute(disputer, m.claim, cue.Start) || f.sameClause(disputer, m.claim, r, cue.Start) {
		return
	}
	f.emitted[key] = true
	f.d.Disputes = append(f.d.Disputes, Dispute{
		ID: "d" + strconv.Itoa(len(f.d.Disputes)+1), Disputer: disputer, Claim: m.claim, Target: m.target,
		Cue: makeSpan(f.d.Runes, cue.Start, cue.End), Kind: kind, Shape: shape, Rule: r.name,
		Sentence: contextSpan(f.d.Runes, sent),
	})
}

// sameDispute reports whether the disputer already disputes the claim with a cue of
// the same quoted statement: several cues of one statement ("'I never said that. I
// never said that,' he said") are one dispute.
func (f *disputeFinder) sameDispute(disputer string, claim *string, cueStart int) bool {
	if claim == nil {
		return false
	}
	a := f.attributionHolding(cueStart)
	if a == nil {
		return false
	}
	for _, x := range f.d.Disputes {
		if x.Disputer == disputer && x.Claim != nil && *x.Claim == *claim && f.attributionHolding(x.Cue.Start) == a {
			return true
		}
	}
	return false
}
