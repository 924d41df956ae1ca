package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/extract/lexicon"
	"github.com/claimgraph/claimgraph/graph"
)

// Denials of an accused act (rule counterclaim-denied-act, test sentences in
// testdata/rules/disputes/counterclaim-denied-act.tsv): the accused who answers an
// accusation by saying, negated, the very act it names disputes it, without a
// dispute word and without repeating the rest of the accusation: "Prosecutors accused
// Velmor Industries of paying bribes to city officials. 'We have never paid anyone,'
// Velmor Industries said." The rule counterclaim-response needs two shared content
// words; here one is enough because it is the act itself and the answer comes from
// the accused. All must hold:
//
//   - the earlier claim is an accusation of the answer's speaker (Claim.Accused), in
//     the same sentence or one of the two before;
//   - the answer is a claim of an attribution by the accused, negated, with a finite
//     verb, and the first content word after its negation is the act the accusation
//     names: the first content word after its "of" ("of paying", "of having hidden"),
//     inflections folded ("paid" / "paying", "hidden" / "hiding", "lied" / "lying":
//     foldAct);
//   - the answer is no hypothetical or promise (no modal: "we would never pay the
//     fine" denies no payment made).
//
// The disputer is the accused, the claim the accusation, the cue the answer's
// attribution cue, the kind "contradicts"; the shape is accusation (emitOne gives it
// to every dispute of an accusation by its accused).

// counterclaimDeniedActRule is the rule of denials of an accused act.
var counterclaimDeniedActRule = &disputeRule{name: "counterclaim-denied-act", shape: graph.ShapeAccusation}

// counterWordClasses are the classes of lexicon/counter_words.txt.
var counterWordClasses = lexicon.Classes("counter_words.txt")

// counterWordClass returns one class of lexicon/counter_words.txt; a class the list
// does not have is a programming error.
func counterWordClass(name string) map[string]bool { return counterWordClasses.Class(name) }

var (
	// irrealisWords make an answer speak of what would or will be.
	irrealisWords = counterWordClass("irrealis")
	// actSkips stand between "of" and the act an accusation names.
	actSkips = counterWordClass("act_skip")
)

// deniedActSentences is how many sentences before the answer the accusation may be.
const deniedActSentences = 2

// accusedAct returns the act an accusation claim names: the first content word after
// its first "of", auxiliaries of the gerund skipped, folded (foldWord); an accusation
// claim whose text is the act alone ("paying bribes", "having hidden the losses": the
// Z of "accused Y of Z", disputeFinder.accusation) names its first gerund; "" when
// there is none.
func accusedAct(text string) string {
	ws := strings.Fields(strings.ToLower(text))
	hasOf := false
	for _, w := range ws {
		hasOf = hasOf || strings.Trim(w, ".,;:!?\"“”‘’'()") == "of"
	}
	if !hasOf {
		skipped := false // "having hidden": the participle after a gerund auxiliary
		for _, x := range ws {
			x = strings.Trim(x, ".,;:!?\"“”‘’'()[]—–-")
			if x == "" {
				continue
			}
			if actSkips[x] {
				skipped = true
				continue
			}
			if (skipped || strings.HasSuffix(x, "ing")) && !functionWords[x] && !negations[x] {
				return foldAct(x)
			}
			return ""
		}
		return ""
	}
	for k, w := range ws {
		if strings.Trim(w, ".,;:!?\"“”‘’'()") != "of" {
			continue
		}
		for _, x := range ws[k+1:] {
			x = strings.Trim(x, ".,;:!?\"“”‘’'()[]—–-")
			if x == "" || actSkips[x] {
				continue
			}
			if functionWords[x] || negations[x] {
				return ""
			}
			return foldAct(x)
		}
		return ""
	}
	return ""
}

// foldAct folds a verb form for comparing an act with its denial: foldWord, after the
// forms of the short verbs in -ie that foldWord does not relate ("lying", "lied" →
// "lie"; "dying", "died" → "die").
func foldAct(w string) string {
	switch {
	case len(w) == 5 && strings.HasSuffix(w, "ying"):
		w = w[:1] + "ie"
	case len(w) == 4 && strings.HasSuffix(w, "ied"):
		w = w[:1] + "ie"
	}
	return foldWord(w)
}

// deniedHead returns the first content word after the first negation of a claim's
// text, folded by foldAct: what the negation denies ("we have never paid anyone" →
// "pay"), or "".
func deniedHead(text string) string {
	negated := false
	for _, w := range strings.Fields(strings.ToLower(text)) {
		w = strings.Trim(strings.ReplaceAll(w, "’", "'"), ".,;:!?\"“”‘'()[]—–-")
		switch {
		case w == "":
		case negations[w] || w == "n't" || strings.HasSuffix(w, "n't"):
			negated = true
		case negated && !functionWords[w] && !negationAuxiliaries[w] && len(w) > 2 && !strings.HasSuffix(w, "ly"):
			return foldAct(w)
		}
	}
	return ""
}

// irrealis reports whether a claim's text holds a modal ("would", "won't").
func irrealis(text string) bool {
	for _, w := range strings.Fields(strings.ToLower(text)) {
		w = strings.Trim(strings.ReplaceAll(w, "’", "'"), ".,;:!?\"“”‘'()[]—–-")
		w = strings.TrimSuffix(w, "n't")
		if irrealisWords[w] {
			return true
		}
		if i := strings.IndexByte(w, '\''); i > 0 && irrealisWords[w[i:]] {
			return true
		}
	}
	return false
}

// deniedActs finds the answers in which an accused denies the act of an accusation of
// them.
func (f *disputeFinder) deniedActs() {
	for j := 0; j < f.base; j++ {
		b := &f.d.Claims[j]
		if !spokenAttribution(b) {
			continue
		}
		wb := wordsOfClaim(b.Text)
		if !wb.negated || !wb.finite || wb.infinitive || wb.negHead == "" || irrealis(b.Text) {
			continue
		}
		head := deniedHead(b.Text)
		if head == "" {
			continue
		}
		sj := f.sentenceOf(b.Span.Start)
		from := f.sents[max(0, sj-deniedActSentences)].Start
		// accusations may be claims the dispute rules added after the first f.base
		var best *Claim
		for i := range f.d.Claims {
			a := &f.d.Claims[i]
			if a.Accused == nil || *a.Accused != *b.Speaker || a.Span.Start < from || a.Span.End > b.Span.Start {
				continue
			}
			if accusedAct(a.Text) == head && (best == nil || a.Span.Start > best.Span.Start) {
				best = a
			}
		}
		if best != nil {
			f.counterclaimBy(best, b, counterclaimDeniedActRule)
		}
	}
}
