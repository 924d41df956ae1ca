package extract

import (
	"github.com/claimgraph/claimgraph/graph"
)

// Rule rebuttal-agent-mistaken: a person said to be mistaken or wrong, with nothing
// after it that makes it a judgment of an act ("Cole said Reyes was mistaken",
// "'Reyes is wrong,' Cole said", "Stephanopoulos told me I was mistaken, that the tape
// doesn't exist"): the one who says so disputes that person's nearest claim, up to
// agentClaimSentences sentences before. "mistaken" and "wrong" are noun-only rebuttals
// of lexicon/rebuttals.txt (a claim noun must be their subject); here the subject is
// a person, so what is wrong is what the person said. Rule judged-agent
// (disputes_verdict.go) reads the same words when an attribution gives the speaker
// and the agent opens the content; this rule runs after it, for what it leaves: the
// person as "I" or "we" in the quote of the one told so, a teller the attribution
// stage found no statement for ("Reyes told reporters Cole was mistaken"), a quoted
// judgment ('"Whitlow is wrong," said Tom Hale'). The disputer is the subject of
// a verb of saying right before the person ("X told me I was mistaken", also inside
// someone else's quote), else the speaker of the statement holding it; "I" and "we"
// are the speaker of the quote they stand in. Left alone: "was wrong to raise taxes",
// "is wrong on trade" (an act or a stance), "was not wrong", a person with no claim
// before, and one who calls themselves mistaken.

// rebuttalAgentMistakenRule is the rule rebuttal-agent-mistaken.
var rebuttalAgentMistakenRule = &disputeRule{name: "rebuttal-agent-mistaken", shape: graph.ShapeRebuttal}

// mistakenWords are the judging words this rule reads with a person as subject.
var mistakenWords = rebuttalLinkWords.Class("mistaken_word")

// mistakenEnds reports whether what follows the judging word at toks[k] leaves it a
// judgment of what the person said: the clause ends (a comma, a full stop, a quote,
// "and"). "was wrong about the numbers" is not read (the rebuttal search of
// rebuttals.go stops at a judging word that does not end its clause).
func mistakenEnds(toks []scanToken, k int) bool {
	if k >= len(toks) {
		return true
	}
	t := toks[k]
	if t.Kind == 'q' {
		return true
	}
	if t.Kind == 'p' {
		return t.Text == "," || t.Text == "." || t.Text == ";" || t.Text == ":" || t.Text == "!"
	}
	return t.Lower == "and"
}

// mistakenAgents runs the rule over every sentence, after the verdict rules
// (disputes_verdict.go, rule judged-agent reads "said Reyes was mistaken" when an
// attribution holds it): a judging word that is already a dispute's cue is left alone.
func (f *disputeFinder) mistakenAgents() {
	for si, s := range f.sents {
		toks := f.r.tx.scan(s.Start, s.End)
		for k := 1; k < len(toks); k++ {
			if toks[k].Kind != 'w' || !mistakenWords[toks[k].Lower] || f.isDisputeCue(toks[k]) || f.insideDisputedContent(toks[k].Start) {
				continue
			}
			f.rebuttalMistaken(si, toks, k, k-1)
		}
	}
}

// isDisputeCue reports whether a dispute already found has a cue overlapping t.
func (f *disputeFinder) isDisputeCue(t scanToken) bool {
	for k := range f.d.Disputes {
		if c := f.d.Disputes[k].Cue; c.Start < t.End && t.Start < c.End {
			return true
		}
	}
	return false
}

// rebuttalMistaken tries the rule on the judging word toks[k] (one token) after the
// form of "be" at toks[be]; it reports whether it emitted a dispute.
func (f *disputeFinder) rebuttalMistaken(si int, toks []scanToken, k, be int) bool {
	if !mistakenWords[toks[k].Lower] || be < 1 || be != k-1 || !beWords[toks[be].Lower] || !mistakenEnds(toks, k+1) {
		return false
	}
	a := f.attributionHolding(toks[k].Start)
	speaker, contentStart := "", toks[0].Start // no statement found: the sentence is "NAME told reporters ..."
	if a != nil && a.Speaker != nil {
		speaker, contentStart = *a.Speaker, a.Content.Start
	}
	s := be - 1 // the person said to be mistaken
	agent := ""
	switch toks[s].Lower {
	case "i", "we":
		agent = speaker // "X told me I was mistaken" inside the quote of the one mistaken
	case "he", "she":
		agent = f.r.resolvePronoun(toks[s].Text, toks[s].Start)
	default:
		if m := f.entityEndingAt(toks, s); m != nil && m.Kind == MentionName {
			if e := f.r.entity(m.Entity); e != nil && e.Kind == graph.KindPerson {
				agent = m.Entity
			}
			for s > 0 && toks[s-1].Start >= m.Span.Start {
				s--
			}
		}
	}
	if agent == "" {
		return false
	}
	disputer := f.tellerBefore(toks, s, contentStart)
	if disputer == "" {
		if speaker == "" || toks[s].Start < contentStart {
			return false
		}
		disputer = speaker
	}
	if disputer == agent || disputer == ArticleVoice {
		return false
	}
	id := f.speakerClaim(agent, toks[s].Start, false)
	if id == "" || !f.within(id, si, agentClaimSentences) {
		return false
	}
	f.coord = f.coord[:0]
	cue := scanToken{Text: toks[k].Text, Start: toks[k].Start, End: toks[k].End}
	f.emitOne(graph.DisputeRebuts, disputer, rebuttalAgentMistakenRule, ruleMatch{claim: &id, target: &agent}, cue, f.sents[si])
	return true
}

// tellerBefore reads "NAME told me (that)", "NAME said (that)" before the person at
// toks[s], inside the content that starts at contentStart: the entity of NAME (a name
// of a person), or "".
func (f *disputeFinder) tellerBefore(toks []scanToken, s, contentStart int) string {
	v := s - 1
	if v >= 0 && toks[v].Lower == "that" {
		v--
	}
	if v >= 0 {
		switch toks[v].Lower {
		case "me", "us", "him", "her", "them", "reporters":
			v-- // "told me"
		}
	}
	if v < 1 || !sayVerbs[toks[v].Lower] || toks[v-1].Start < contentStart {
		return ""
	}
	m := f.entityEndingAt(toks, v-1)
	if m == nil || m.Kind != MentionName {
		return ""
	}
	if e := f.r.entity(m.Entity); e == nil || e.Kind != graph.KindPerson {
		return ""
	}
	return m.Entity
}
