package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/extract/lexicon"
	"github.com/claimgraph/claimgraph/graph"
)

// Answered counter-claims (rule counterclaim-response, test sentences in
// testdata/rules/disputes/counterclaim-response.tsv): a speaker's claim that answers
// the claim of another speaker in the same or one of the two sentences before, about
// the same thing, with the opposite polarity. The other counter-claim rules need the
// same words or the same subject and verb; this one takes the words two speakers
// share and the polarity they give them:
//
//   - the answer is marked as one: a counter cue in its cue ("countered",
//     "insisted"), a contrast marker opening its sentence ("But the company said",
//     "However, X said"), a contrast marker between the two claims of one sentence
//     ("X said A, but Y said B", "while"), or a word of response outside its
//     content ("said in response", "responding to", "fired back");
//   - the two claims share at least two content words (not function words,
//     negations or auxiliaries, inflections folded: "the plant will close" / "the
//     plant will not close"), and at least half of the content words of the shorter
//     one, so that two claims about different things sharing a name are left alone;
//     both have a finite verb (no noun phrase: "their support for Mr. Trump"), and
//     the first verb of neither is an infinitive (an intention or a request: "to
//     consider a nominee", "urged the council to reopen the mill");
//   - and either one of them is negated and the other not, the first content word
//     after the negation being a word of the other ("we never expressed interest" /
//     "had expressed interest"), or they hold the two sides
//     of one pair of lexicon/antonyms.txt ("would close" / "would remain open", "he
//     won" / "he lost") and neither is negated; then one shared content word is
//     enough.
//
// An answer need not be marked when it is negated and either the claim answered
// accuses its speaker ("Whitlow accused Reyes of hiding the losses. Reyes said he had
// never hidden any losses": the shape is then accusation) or is about its speaker
// (opens with a mention of them) and the answer is in the first person: "Whitlow said
// Reyes hid the losses. 'I never hid any losses,' Reyes said."
//
// Both claims must be claims of attributions with a speaker, by different speakers.
// The answer's speaker is the disputer, the earlier claim the claim disputed, the
// cue the answer's attribution cue, the kind "contradicts" and the shape
// counterclaim. Claims in the article's own voice are never answered here.

// counterclaimResponseRule is the rule of answered counter-claims.
var counterclaimResponseRule = &disputeRule{name: "counterclaim-response", shape: graph.ShapeCounterclaim}

// responseWords mark a sentence as an answer to another speaker ("in response").
var responseWords = disputeWordClass("response_word")

// backVerbs answer another speaker with "back" after them ("fired back").
var backVerbs = disputeWordClass("back_verb")

// functionWords are the closed classes of English (lexicon/function_words.txt): they
// do not make two claims be about the same thing.
var functionWords = lexicon.Set("function_words.txt")

// antonymSide maps a word of lexicon/antonyms.txt to its pair and side: "closed" →
// {pair, 1}.
var antonymSide = func() map[string][2]int {
	m := map[string][2]int{}
	for i, r := range lexiconRows("antonyms.txt") {
		for side := 0; side < 2 && side < len(r); side++ {
			for _, w := range strings.Fields(r[side]) {
				m[strings.ToLower(w)] = [2]int{i, side}
			}
		}
	}
	return m
}()

// verbBases maps the past and participle forms of lexicon/irregular_verbs.txt to
// their base form ("came" → "come").
var verbBases = func() map[string]string {
	m := map[string]string{}
	for _, r := range lexiconRows("irregular_verbs.txt") {
		for _, slot := range r[1:] {
			for _, w := range strings.Fields(slot) {
				m[w] = r[0]
			}
		}
	}
	return m
}()

// foldWord folds a word's inflections for comparing two claims: an irregular form to
// its base ("came" → "come"), else the regular endings ("-ing", crudeStem), then a
// final "e", so that every form of a verb folds alike.
func foldWord(w string) string {
	if b, ok := verbBases[w]; ok {
		w = b
	} else if len(w) > 5 && strings.HasSuffix(w, "ing") {
		w = strings.TrimSuffix(w, "ing")
	} else {
		w = crudeStem(w)
	}
	// "hide", "hiding", "hidden" → "hid"; "close", "closed", "closing" → "clos"
	if len(w) > 3 && strings.HasSuffix(w, "e") {
		w = strings.TrimSuffix(w, "e")
	}
	return w
}

// claimWords are the content of a claim as the response rule compares it: its
// content words folded (foldWord), the antonym sides it holds, and whether it is
// negated.
type claimWords struct {
	content map[string]bool
	sides   map[[2]int]bool
	negated bool
	// negHead is the first content word after the first negation ("did not lie" →
	// "lie"), folded: what the negation denies
	negHead string
	// infinitive: the claim's first verb is an infinitive ("to consider a nominee",
	// "the council to reopen the mill"), an intention or a request, not a statement
	// of what is
	infinitive bool
	// finite: the claim has a finite verb (an auxiliary, a form of "be", a past
	// tense, a contraction): it states something, it is no noun phrase ("their
	// support for Mr. Trump")
	finite bool
}

// wordsOfClaim reads a claim's text into claimWords.
func wordsOfClaim(text string) claimWords {
	cw := claimWords{content: map[string]bool{}, sides: map[[2]int]bool{}}
	finite := false
	for _, w := range strings.Fields(strings.ToLower(text)) {
		w = strings.Trim(w, ".,;:!?\"“”‘’'()[]—–-")
		w = strings.ReplaceAll(w, "’", "'")
		switch {
		case w == "to" && !finite:
			cw.infinitive = true
		case subjectStops[w] || beWords[w] || modals[w] || verbBases[w] != "" || strings.HasSuffix(w, "ed") || strings.Contains(w, "'"):
			finite = true
		}
		switch {
		case w == "":
		case negations[w] || w == "n't" || strings.HasSuffix(w, "n't"):
			cw.negated = true
		default:
			if s, ok := antonymSide[w]; ok && !functionWords[w] {
				// a function word ("on", "off") is a predicate only where a clause
				// ends on it (counterclaim-predicate reads that); here it is a place
				cw.sides[s] = true
			}
			w = strings.TrimSuffix(w, "'s")
			if !functionWords[w] && !negationAuxiliaries[w] && len(w) > 2 && !strings.HasSuffix(w, "ly") {
				cw.content[foldWord(w)] = true
				if cw.negated && cw.negHead == "" {
					cw.negHead = foldWord(w)
				}
			}
		}
	}
	cw.finite = finite
	return cw
}

// shared counts the content words two claims share, words of an antonym pair aside.
func (c claimWords) shared(o claimWords) int {
	n := 0
	for w := range c.content {
		if o.content[w] {
			n++
		}
	}
	return n
}

// opposed reports whether the claims hold the two sides of one antonym pair, and
// neither holds both.
func (c claimWords) opposed(o claimWords) bool {
	for s := range c.sides {
		other := [2]int{s[0], 1 - s[1]}
		if o.sides[other] && !c.sides[other] && !o.sides[s] {
			return true
		}
	}
	return false
}

// answers reports whether claim b's attribution is marked as an answer: a counter
// cue or contrast marker (contrasted), or a response word or "VERB back" in its
// sentence outside its content.
func (f *disputeFinder) answers(b *Claim) bool {
	a := f.attributionOf(b)
	if a == nil {
		return false
	}
	if f.counterCue(a) || f.contrastAside(a) { // "Reyes, however, said" (counterclaims_aside.go)
		return true
	}
	s := f.sents[f.sentenceOf(b.Span.Start)]
	toks := f.r.tx.scan(s.Start, s.End)
	words := 0
	for k, t := range toks {
		if t.Kind != 'w' {
			continue
		}
		words++
		if t.End > b.Span.Start && t.Start < b.Span.End {
			continue
		}
		if words <= 2 && contrastMarkers[t.Lower] || responseWords[t.Lower] || t.Lower == "back" && k > 0 && backVerbs[toks[k-1].Lower] {
			return true
		}
	}
	return false
}

// contradicting reports whether two claims' words contradict by the rule: opposite
// polarity with two shared content words, or an antonym pair with no negation and
// one shared content word (the answer being marked), or two when it is not.
func contradicting(a, b claimWords) bool {
	if a.infinitive || b.infinitive || !a.finite || !b.finite {
		return false
	}
	n := a.shared(b)
	if a.negated != b.negated {
		neg, other := a, b
		if b.negated {
			neg, other = b, a
		}
		// the negation must deny what the other claim states: "did not lie about the
		// budget" answers "had lied about the budget", "do not moan about Clinton"
		// answers nothing about Clinton
		return n >= 2 && 2*n >= min(len(a.content), len(b.content)) && other.content[neg.negHead]
	}
	// the antonym pair stands for one shared word: "the mill would close" / "the
	// mill would remain open" share "mill" and the predicate
	return !a.negated && n >= 1 && a.opposed(b) && 2*(n+1) >= min(len(a.content), len(b.content))
}

// respondedCounterclaims finds the claims of attributions that answer the claim of
// another speaker in the same or the two sentences before with the contrary.
func (f *disputeFinder) respondedCounterclaims() {
	cs := f.d.Claims[:f.base]
	for j := range cs {
		b := &cs[j]
		if !spokenAttribution(b) {
			continue
		}
		wb := wordsOfClaim(b.Text)
		if len(wb.content) < 2 {
			continue
		}
		answer := f.answers(b)
		if !answer && !wb.negated {
			continue
		}
		sj := f.sentenceOf(b.Span.Start)
		for i := j - 1; i >= 0; i-- {
			a := &cs[i]
			if a.Span.Start < f.sents[max(0, sj-2)].Start {
				break
			}
			if a.Speaker == nil || *a.Speaker == *b.Speaker || a.Origin != "attribution" || a.Span.End > b.Span.Start {
				continue
			}
			accused := a.Accused != nil && *a.Accused == *b.Speaker
			if !answer && !accused && !(firstPerson(b.Text) && f.isAbout(a, *b.Speaker)) && !f.contrastBetween(a, b) {
				continue
			}
			wa := wordsOfClaim(a.Text)
			if a.Accused != nil {
				// "accused Reyes of hiding the losses" states that Reyes hid them
				wa.finite, wa.infinitive = true, false
			}
			if contradicting(wa, wb) {
				f.counterclaimBy(a, b, counterclaimResponseRule)
				break
			}
		}
	}
}

// firstPerson reports whether a claim opens with "I" or "we" (quotation marks aside).
func firstPerson(text string) bool {
	ws := strings.Fields(strings.ToLower(text))
	if len(ws) == 0 {
		return false
	}
	w := strings.Trim(ws[0], "\"“”‘’'(")
	return w == "i" || w == "we"
}

// subjectWidth is how far into a claim, in code points, its subject's mention may
// start ("Senator Reyes had ...", "the mayor's office had ...").
const subjectWidth = 12

// isAbout reports whether claim a opens with a mention of entity e: the claim is about
// what e did or is ("Reyes hid the losses").
func (f *disputeFinder) isAbout(a *Claim, e string) bool {
	for _, m := range f.d.Mentions {
		if m.Entity == e && m.Span.Start >= a.Span.Start && m.Span.Start <= a.Span.Start+subjectWidth && m.Span.End <= a.Span.End {
			return true
		}
	}
	return false
}

// modals make a clause finite ("he might have").
var modals = disputeWordClass("modal")

// hasFiniteVerb reports whether tokens read as a clause with a finite verb: an
// auxiliary, a form of "be" or "have", a modal, a contraction, a past tense (in -ed
// or irregular), or a verb in -s after "he", "she" or "it" ("he lies"). "his party the
// victory" has none: the two objects of "denied", not a clause.
func hasFiniteVerb(toks []scanToken) bool {
	for k, t := range toks {
		if t.Kind != 'w' {
			continue
		}
		w := t.Lower
		switch {
		case subjectStops[w] || beWords[w] || modals[w] || verbBases[w] != "" || strings.HasSuffix(w, "ed") || strings.Contains(w, "'"):
			return true
		case k > 0 && strings.HasSuffix(w, "s") && (toks[k-1].Lower == "he" || toks[k-1].Lower == "she" || toks[k-1].Lower == "it"):
			return true
		}
	}
	return false
}

// contrastBetween reports whether a contrast marker ("but", "however", "while",
// "whereas") stands between claims a and b of one sentence: "X said the mill had
// closed, but Y said it had not".
func (f *disputeFinder) contrastBetween(a, b *Claim) bool {
	if f.sentenceOf(a.Span.Start) != f.sentenceOf(b.Span.Start) {
		return false
	}
	for _, t := range f.r.tx.scan(a.Span.End, b.Span.Start) {
		if t.Kind == 'w' && (contrastMarkers[t.Lower] || t.Lower == "while" || t.Lower == "whereas") {
			return true
		}
	}
	return false
}
