package extract

import (
	"iter"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Counter-claims by meaning (rule counterclaim-predicate, test sentences in
// testdata/rules/disputes/counterclaim-predicate.tsv): a speaker's claim that states
// the contrary of what another speaker claimed a few sentences before, about the same
// subject, with no dispute word and no marker of an answer. The other counter-claim
// rules need the same words (counterclaim-negation), a marker ("But X said",
// counterclaim-response) or an accusation (counterclaim-denied-act); this one reads
// each claim as a proposition (readProposition: subject, verb group, predicate and
// what follows it) and compares the two:
//
//   - the same subject: the same content words before the verb group (the fewer
//     words all among the more: "the plant" / "the Velmor plant", but not "Russian
//     forces" / "Ukrainian forces"), or a mention of one entity in both, or a subject
//     pronoun of the answer ("he", "we") that stands for its own speaker while the
//     other claim's subject names that speaker ("Reyes hid the losses" / Reyes: "he
//     never hid any losses"; "Ukraine said Russia shelled the plant. Russia said it
//     never shelled the plant");
//   - the same mood: both state what is or was, or both what will be; neither is
//     hedged ("may", "could", "should") nor a question;
//   - and one of three relations of their predicates:
//   - polarity: the same predicate (inflections folded), one negated ("not",
//     "never", "no longer", "n't") and the other not, and the negated one says
//     nothing the other does not (its words after the predicate are all words of
//     the other: "was not attacked" answers "was attacked by drones", but "had not
//     closed in March" does not answer "had closed"), and no word of scope or degree
//     narrows the negation ("did not fail completely", "not only");
//   - antonyms: neither negated, the two sides of one pair of lexicon/antonyms.txt
//     in their predicates ("the dam was destroyed" / "the dam was intact", "the
//     deal was cancelled" / "the deal was on"), and apart from the pair and the
//     carrier verbs ("remain", "stay") the fewer words all among the more;
//   - entailment: the negated one denies a general act of lexicon/troponyms.txt that
//     the other states in a specific form ("he never touched her" / "he grabbed
//     her arm", "no one was hurt" / "two guards were killed"), its other words all
//     among the other's.
//
// Contrast that is no conflict stays apart: "sales rose" / "profits fell" (two
// subjects), "the mill will close" / "the mill did not close" (two moods), "the mill
// had closed" / "the mill had not closed in March" (the negation may deny the month
// alone).
//
// Both claims are claims of attributions, by different speakers: the answer's speaker
// is resolved, the earlier claim's speaker is another entity, or unresolved with a
// source in the text that is no mention of the answer's speaker. The earlier claim is
// in the same sentence as the answer or one of the meaningSentences before. The
// answer's speaker is the disputer, the earlier claim the claim disputed, the cue the
// answer's attribution cue, the kind "contradicts" and the shape counterclaim.

// counterclaimPredicateRule is the rule of counter-claims by meaning.
var counterclaimPredicateRule = &disputeRule{name: "counterclaim-predicate", shape: graph.ShapeCounterclaim}

// meaningSentences is how many sentences before the answer the rule looks.
const meaningSentences = 3

var (
	// auxiliaries open and fill a verb group ("has been", "did", "is going to").
	auxiliaries = counterWordClass("auxiliary")
	// futureWords put a verb group in the future ("will", "would", "going").
	futureWords = counterWordClass("future")
	// hedgeWords hedge a verb group ("may", "could", "should").
	hedgeWords = counterWordClass("hedge")
	// carrierVerbs carry a predicate and add nothing to it ("remained open", "made
	// contact").
	carrierVerbs = counterWordClass("carrier_verb")
	// clauseBreaks end the clause of a proposition ("because", "but", "after").
	clauseBreaks = counterWordClass("clause_break")
	// scopeWords after a negation narrow what it denies ("not entirely", "not only").
	scopeWords = counterWordClass("scope_word")
	// gradeAdverbs stand in a verb group without changing what it says ("also").
	gradeAdverbs = counterWordClass("verb_group_adverb")
)

// troponymSide maps a word of lexicon/troponyms.txt to its row and side: side 0 is
// the general act ("touched"), side 1 a specific way of doing it ("grabbed").
var troponymSide = func() map[string][2]int {
	m := map[string][2]int{}
	for i, r := range lexiconRows("troponyms.txt") {
		for side := 0; side < 2 && side < len(r); side++ {
			for _, w := range strings.Fields(r[side]) {
				m[strings.ToLower(w)] = [2]int{i, side}
			}
		}
	}
	return m
}()

// proposition is a claim read as subject, verb group, predicate and complements.
type proposition struct {
	subject []scanToken // the words before the verb group
	subjSet map[string]bool
	// pronoun: the subject is one subject pronoun ("he", "we")
	pronoun bool
	negated bool
	future  bool
	// partial: a word of scope or degree follows the negation ("not entirely",
	// "not only", "did not fail completely"): the negation denies the degree, not the
	// predicate
	partial bool
	// words are the predicate and what follows it up to the clause's end, lowercased
	// as written; folded are their content words folded (foldWord), in order
	words  []string
	folded []string
	// verb spans the verb group and the predicate's first word ("did not cancel",
	// "was on"): the cue of a counter-claim in the article's voice
	verb scanToken
}

// readProposition reads tokens (a claim's words) as a proposition, or reports false
// when they do not read as one clause with a subject and a verb group (a noun phrase,
// a question, an infinitive, a hedged or conditional statement).
func readProposition(toks []scanToken) (proposition, bool) {
	var p proposition
	ws := propositionWords(toks)
	if len(ws) > 0 && ws[0].Lower == "no" {
		// "no civilians were killed" denies that civilians were killed
		p.negated = true
		ws = ws[1:]
	}
	k := verbGroupStart(ws)
	if k <= 0 || k > 6 || !p.readSubject(ws, k) {
		return p, false
	}
	i, ok := p.verbGroup(ws, k)
	if !ok || i >= len(ws) {
		return p, false
	}
	p.verb = scanToken{Start: ws[k].Start, End: ws[i].End, Kind: 'w'}
	if ws[i].Lower == "to" {
		return p, false // "wants to close": an intention
	}
	return p, p.readPredicate(ws[i:])
}

// propositionWords keeps a claim's words and numbers, with every clause-breaking mark
// after the first word read as a comma, and drops a leading complementizer ("that
// the plant was closed").
func propositionWords(toks []scanToken) []scanToken {
	var ws []scanToken
	for _, t := range toks {
		if t.Kind == 'w' || t.Kind == 'n' {
			ws = append(ws, t)
		} else if t.Kind == 'p' && len(ws) > 0 && (t.Text == "," || t.Text == ";" || t.Text == ":" || t.Text == "—" || t.Text == "(") {
			ws = append(ws, scanToken{Text: ",", Lower: ",", Start: t.Start, End: t.End, Kind: 'p'})
		}
	}
	for len(ws) > 0 && ws[0].Lower == "that" {
		ws = ws[1:]
	}
	return ws
}

// readSubject reads ws[:k], the words before the verb group, as p's subject; false
// when they hold a clause break, a conditional or an infinitive, or no word to
// compare ("it was", "this is").
func (p *proposition) readSubject(ws []scanToken, k int) bool {
	p.subject = ws[:k]
	p.subjSet = map[string]bool{}
	for _, t := range p.subject {
		if t.Kind == 'p' || clauseBreaks[t.Lower] || t.Lower == "whether" || t.Lower == "if" || t.Lower == "to" {
			return false
		}
		if !functionWords[t.Lower] && t.Kind == 'w' {
			p.subjSet[foldWord(strings.TrimSuffix(t.Lower, "'s"))] = true
		}
	}
	p.pronoun = k == 1 && subjectPronouns[ws[0].Lower]
	if ws[0].Lower == "there" {
		p.subjSet["there"] = true
		return true
	}
	return len(p.subjSet) > 0 || p.pronoun
}

// readPredicate reads ws, from the predicate's first word to the clause's end, into
// p's words and folded content words; false when the predicate is empty or carries a
// polarity of its own that the comparison does not read ("carried no weapons", "said
// nothing").
func (p *proposition) readPredicate(ws []scanToken) bool {
	for _, t := range ws {
		if t.Kind == 'p' || clauseBreaks[t.Lower] {
			break
		}
		if t.Lower == "no" && len(p.words) == 0 {
			p.negated = true // "there was no order", "he had no contact"
			continue
		}
		if negations[t.Lower] || t.Lower == "nothing" || strings.HasSuffix(t.Lower, "n't") {
			return false
		}
		p.words = append(p.words, t.Lower)
		if scopeWords[t.Lower] || len(t.Lower) > 4 && strings.HasSuffix(t.Lower, "ly") {
			p.partial = true
		}
		w := strings.TrimSuffix(t.Lower, "'s")
		if t.Kind == 'n' || !functionWords[w] && !negationAuxiliaries[w] && !strings.HasSuffix(w, "ly") && len(w) > 1 {
			p.folded = append(p.folded, foldWord(w))
		}
	}
	return len(p.words) > 0
}

// verbGroup reads the verb group of ws from its first word k into p (negation and
// mood) and returns the index of the predicate's first word; false for a hedged or
// conditional verb group ("may have", "could not", "if").
func (p *proposition) verbGroup(ws []scanToken, k int) (int, bool) {
	for i := k; i < len(ws); i++ {
		w := ws[i].Lower
		switch {
		case hedgeWords[w] || w == "if":
			return i, false
		case futureWords[w]:
			p.future = true
		case w == "to" && i > k && ws[i-1].Lower == "going":
		case negations[w] && w != "no" || w == "n't":
			p.negated = true
		case w == "no" && i+1 < len(ws) && ws[i+1].Lower == "longer":
			p.negated = true
			i++
		case strings.HasSuffix(w, "n't"):
			base := strings.TrimSuffix(w, "n't")
			if hedgeWords[base] {
				return i, false
			}
			p.negated = true
			p.future = p.future || futureWords[base]
		case scopeWords[w] || len(w) > 4 && strings.HasSuffix(w, "ly"):
			p.partial = p.partial || p.negated
		case auxiliaries[w] || gradeAdverbs[w]:
		default:
			return i, true
		}
	}
	return len(ws), true
}

// verbGroupStart returns the index of the first word of the verb group of ws: an
// auxiliary, a negation, or a finite verb (a past tense, regular or irregular, or a
// verb in -s after a pronoun); -1 when there is none.
func verbGroupStart(ws []scanToken) int {
	for k, t := range ws {
		if t.Kind != 'w' {
			continue
		}
		w := t.Lower
		switch {
		case auxiliaries[w] || futureWords[w] || hedgeWords[w] || negations[w] && w != "no" || strings.HasSuffix(w, "n't"):
			return k
		case k > 0 && (verbBases[w] != "" || len(w) > 4 && strings.HasSuffix(w, "ed")):
			return k
		case k == 1 && subjectPronouns[ws[0].Lower] && strings.HasSuffix(w, "s"):
			return k
		}
	}
	return -1
}

// subsetOf reports whether every word of a is in b.
func subsetOf(a []string, b map[string]bool) bool {
	for _, w := range a {
		if !b[w] {
			return false
		}
	}
	return true
}

// setOfWords returns the words as a set.
func setOfWords(ws []string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// sameSubjectWords reports whether the subjects' content words are the same thing:
// the fewer all among the more.
func sameSubjectWords(a, b map[string]bool) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	for w := range a {
		if !b[w] {
			return false
		}
	}
	return true
}

// contrary reports whether proposition b states the contrary of a by the rule's three
// relations (polarity, antonyms, entailment); the subjects are compared apart.
func contrary(a, b proposition) bool {
	if a.future != b.future {
		return false
	}
	if a.negated != b.negated {
		if len(a.folded) == 0 || len(b.folded) == 0 {
			return false
		}
		neg, pos := a, b
		if b.negated {
			neg, pos = b, a
		}
		if neg.partial {
			return false // "did not fail completely" grants that it failed in part
		}
		posSet := setOfWords(pos.folded)
		// polarity: the same predicate, the negated one saying no more than the other
		if neg.folded[0] == pos.folded[0] && subsetOf(neg.folded, posSet) {
			return true
		}
		return entailed(neg, pos)
	}
	return !a.negated && antonymous(a, b)
}

// predicateHead returns the index in p.words of the predicate's head: the first word,
// or the noun after a light verb or a carrier verb ("made contact", "remained open").
func predicateHead(p proposition) int {
	if len(p.words) > 1 && carrierVerbs[p.words[0]] {
		k := 1
		for k < len(p.words)-1 && functionWords[p.words[k]] {
			k++
		}
		return k
	}
	return 0
}

// entailed reports whether the negated proposition denies a general act of
// lexicon/troponyms.txt that pos states in a specific form (or the general form
// itself), and the negated one says nothing else the other does not.
func entailed(neg, pos proposition) bool {
	h := predicateHead(neg)
	g, ok := troponymSide[neg.words[h]]
	if !ok || g[1] != 0 {
		return false
	}
	hp := predicateHead(pos)
	s, ok := troponymSide[pos.words[hp]]
	if !ok || s[0] != g[0] {
		return false
	}
	posSet := setOfWords(pos.folded)
	skip := map[string]bool{foldWord(neg.words[h]): true}
	if h > 0 {
		skip[foldWord(neg.words[0])] = true
	}
	for _, w := range neg.folded {
		if !skip[w] && !posSet[w] {
			return false
		}
	}
	return true
}

// antonymous reports whether two propositions hold the two sides of one pair of
// lexicon/antonyms.txt in their predicates, and apart from the pair and linking
// verbs the fewer words are all among the more. A predicate that is a function word
// ("the deal was on") counts only when it ends the clause ("on the table" is a place).
func antonymous(a, b proposition) bool {
	sa, ka, okA := antonymOf(a)
	sb, kb, okB := antonymOf(b)
	if !okA || !okB || sa[0] != sb[0] || sa[1] == sb[1] {
		return false
	}
	ra, rb := restWords(a, ka), restWords(b, kb)
	if len(ra) > len(rb) {
		ra, rb = rb, ra
	}
	return subsetOf(ra, setOfWords(rb))
}

// antonymOf returns the antonym pair and side of a proposition's predicate head and
// the head's index in p.words.
func antonymOf(p proposition) ([2]int, int, bool) {
	h := predicateHead(p)
	s, ok := antonymSide[p.words[h]]
	if !ok {
		return s, h, false
	}
	if functionWords[p.words[h]] && h != len(p.words)-1 {
		return s, h, false
	}
	return s, h, true
}

// restWords returns the folded content words of p's predicate and complements other
// than the words up to its head (the carrier verb and the antonym).
func restWords(p proposition, head int) []string {
	skip := map[string]bool{}
	for _, w := range p.words[:head+1] {
		skip[foldWord(w)] = true
	}
	var out []string
	for _, w := range p.folded {
		if !skip[w] {
			out = append(out, w)
		}
	}
	return out
}

// claimProposition reads a claim's text as a proposition.
func (f *disputeFinder) claimProposition(c *Claim) (proposition, bool) {
	if c.Modality == graph.ModalityHedged {
		return proposition{}, false
	}
	var toks []scanToken
	for _, fr := range spanFragments(c.Span) {
		toks = append(toks, f.r.tx.scan(fr[0], fr[1])...)
	}
	return readProposition(toks)
}

// mentionsIn returns the entities of the mentions that lie within the tokens' span.
func (f *disputeFinder) mentionsIn(toks []scanToken) map[string]bool {
	out := map[string]bool{}
	if len(toks) == 0 {
		return out
	}
	start, end := toks[0].Start, toks[len(toks)-1].End
	for _, m := range f.d.Mentions {
		if m.Entity != "" && m.Span.Start >= start && m.Span.End <= end && m.Kind != MentionPronoun {
			out[m.Entity] = true
		}
	}
	return out
}

// sameSubject reports whether propositions a (of claim ca) and b (of claim cb) are
// about the same subject: the same content words, one entity mentioned in both, or
// b's subject pronoun standing for b's speaker, whom a's subject names (cb is nil for
// a sentence in the article's voice, whose pronouns are not compared).
func (f *disputeFinder) sameSubject(ca, cb *Claim, a, b proposition) bool {
	if a.pronoun || b.pronoun {
		if a.pronoun || !b.pronoun || cb == nil || cb.Speaker == nil {
			return false
		}
		if b.subject[0].Lower == "you" {
			return false
		}
		return f.mentionsIn(a.subject)[*cb.Speaker]
	}
	if sameSubjectWords(a.subjSet, b.subjSet) {
		return true
	}
	ea, eb := f.mentionsIn(a.subject), f.mentionsIn(b.subject)
	for e := range ea {
		if eb[e] {
			return true
		}
	}
	return false
}

// opposingBefore yields, nearest first, the indexes i < j of the claims in cs that
// another speaker (otherSpeaker) reported (origin attribution) and that end before
// claim j starts, at most meaningSentences sentences before it: the claims a
// counter-claim rule may set claim j against.
func (f *disputeFinder) opposingBefore(cs []Claim, j int) iter.Seq[int] {
	return func(yield func(int) bool) {
		b := &cs[j]
		from := f.sents[max(0, f.sentenceOf(b.Span.Start)-meaningSentences)].Start
		for i := j - 1; i >= 0; i-- {
			a := &cs[i]
			if a.Span.Start < from {
				return
			}
			if a.Origin != "attribution" || a.Span.End > b.Span.Start || !f.otherSpeaker(a, b) {
				continue
			}
			if !yield(i) {
				return
			}
		}
	}
}

// otherSpeaker reports whether claim a is said by someone other than b's speaker:
// another entity, or an unresolved source in the text that is no mention of b's.
func (f *disputeFinder) otherSpeaker(a, b *Claim) bool {
	if a.Speaker != nil {
		return *a.Speaker != *b.Speaker
	}
	at := f.attributionOf(a)
	if at == nil || at.Source == nil || at.Source.End <= at.Source.Start {
		return false
	}
	for _, m := range f.d.Mentions {
		if m.Entity == *b.Speaker && m.Span.Start < at.Source.End && at.Source.Start < m.Span.End {
			return false
		}
	}
	return true
}

// predicateCounterclaims finds the claims of attributions that state the contrary of
// the claim of another speaker in the same or the meaningSentences before.
func (f *disputeFinder) predicateCounterclaims() {
	cs := f.d.Claims[:f.base]
	props := make([]*proposition, len(cs))
	read := func(k int) *proposition {
		if props[k] == nil {
			p, ok := f.claimProposition(&cs[k])
			if !ok {
				p = proposition{}
			}
			props[k] = &p
		}
		return props[k]
	}
	for j := range cs {
		b := &cs[j]
		if !spokenAttribution(b) {
			continue
		}
		pb := read(j)
		if len(pb.words) == 0 {
			continue
		}
		for i := range f.opposingBefore(cs, j) {
			a := &cs[i]
			pa := read(i)
			if len(pa.words) == 0 {
				continue
			}
			if contrary(*pa, *pb) && f.sameSubject(a, b, *pa, *pb) {
				f.counterclaimBy(a, b, counterclaimPredicateRule)
				break
			}
		}
	}
}

// Counter-claims by meaning in the article's voice (rule counterclaim-article, test
// sentences in testdata/rules/disputes/counterclaim-article.tsv): a sentence of the
// article that holds no attribution (no quotation, no report of what someone said)
// and states the contrary of a speaker's claim in the same way as
// counterclaim-predicate, in one of the meaningSentences after it: "Reyes said the
// Velmor plant had closed. The plant has not closed; it employs 300 people." The
// sentence's first clause is read (an opening "But", "And", "Yet" or "Still" aside);
// its subject must be no pronoun (a bare "It didn't." is the rule
// counterclaim-ellipsis's) and name the claim's subject by the same words or the same
// entity. The claim may be a speaker's, or the content of an attribution whose speaker
// went unresolved: the article disputes what was said, whoever said it. The disputer
// is the article's voice, the cue the sentence's verb group and predicate ("has not
// closed"), the kind "contradicts" and the shape counterclaim.

// counterclaimArticleRule is the rule of counter-claims by meaning in the article's
// voice.
var counterclaimArticleRule = &disputeRule{name: "counterclaim-article", shape: graph.ShapeCounterclaim}

// sentenceOpeners open a sentence without being part of its first clause.
var sentenceOpeners = counterWordClass("sentence_opener")

// articleCounterclaims finds the sentences of the article's own voice that state the
// contrary of a claim said in one of the meaningSentences before.
func (f *disputeFinder) articleCounterclaims() {
	cs := f.d.Claims[:f.base]
	for si := 1; si < len(f.sents); si++ {
		s := f.sents[si]
		if f.holdsAttribution(s) {
			continue
		}
		toks := f.r.tx.scan(s.Start, s.End)
		for len(toks) > 0 && sentenceOpeners[toks[0].Lower] {
			toks = toks[1:]
		}
		if len(toks) == 0 || toks[len(toks)-1].Text == "?" {
			continue
		}
		pb, ok := readProposition(toks)
		if !ok || pb.pronoun {
			continue
		}
		for i := len(cs) - 1; i >= 0; i-- {
			a := &cs[i]
			if a.Span.End > s.Start {
				continue
			}
			if a.Span.Start < f.sents[max(0, si-meaningSentences)].Start {
				break
			}
			if a.Origin != "attribution" {
				continue
			}
			pa, ok := f.claimProposition(a)
			if !ok || pa.pronoun || !contrary(pa, pb) || !f.sameSubject(a, nil, pa, pb) {
				continue
			}
			id := a.ID
			f.coord = f.coord[:0]
			cue := pb.verb
			cue.Text = string(f.d.Runes[cue.Start:cue.End])
			f.emitOne(graph.DisputeContradicts, ArticleVoice, counterclaimArticleRule, ruleMatch{claim: &id, target: a.Speaker}, cue, s)
			break
		}
	}
}
