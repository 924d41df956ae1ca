package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/extract/lexicon"
	"github.com/claimgraph/claimgraph/graph"
)

// Far repeated disputes of one side (rule anaphor-side-repeated, test sentences in
// testdata/rules/disputes-side/anaphor-side-repeated.tsv). A news story about a denial
// states the disputed claim once, near its start, and then gives the denial again in
// other words, several sentences on, through an unnamed voice of the same side: "The
// Norvane Group rejected claims that regulators had seized its accounts. ... 'We
// unequivocally reject these baseless allegations,' said a company spokesperson. ...
// The spokesperson said these allegations were 'absurd'." The nearest-claim search of
// anaphorAt looks one sentence back and anaphor-repeated wants the same disputer; a
// claim noun that neither resolves points back to the claim disputed last in the
// sideRepeatedSentences sentences before it when the new disputer speaks for the side
// that disputed it (an unnamed voice, below, or one titled as its spokesperson:
// titledVoiceOf) or is the one the claim accuses, and is
// not the other side of that dispute: not the speaker of the claim, not the agent the
// claim is by or about (its target). A noun of claim with a that-clause in the
// sentences between (newClaimBetween) stops it: the noun may name that claim. The
// same disputer far back is left out: anaphor-repeated bounds it on purpose.
//
// Only a noun of claim (lexicon/dispute_targets.txt, not a figure noun: "these
// figures" has its own search) with a determiner counts ("the claims", "these
// allegations", "the charges"), as anaphor finds it; a bare "claims" or a noun with
// what it is about ("the report about the dam") is left to the other rules. The
// earlier dispute must dispute truth (deny, reject, dismiss, refute, rebut), not
// criticize or oppose.
//
// A disputer that is only an unnamed voice ("the spokesperson", "the company
// spokesperson", "the statement": lexicon/voice_nouns.txt, lowercase words only)
// speaks for the side of the earlier dispute: the dispute is that side's.

// sideRepeatedSentences is how many sentences back the earlier dispute may stand.
const sideRepeatedSentences = 8

// anaphorSideRepeatedRule is the rule anaphor-side-repeated.
var anaphorSideRepeatedRule = &disputeRule{name: "anaphor-side-repeated"}

// voiceNouns name an unnamed voice of a side (lexicon/voice_nouns.txt).
var voiceNouns = lexicon.Set("voice_nouns.txt")

// sideRepeatedClaim returns the claim disputed last before pos, at most
// sideRepeatedSentences sentences before v's sentence, by a dispute whose other side
// v's disputer is not, or "", and the earlier disputer when v's disputer is an
// unnamed voice (unnamedVoice), else "".
func (f *disputeFinder) sideRepeatedClaim(v *verbSite, n, pos int) (string, string) {
	if v.disputer == "" || (v.kind != graph.DisputeRebuts && !truthKinds[v.kind]) || claimNouns[v.toks[n].Lower] {
		return "", ""
	}
	if n+1 < len(v.toks) && aboutPrepositions[v.toks[n+1].Lower] {
		return "", "" // "the report about the dam": what it is about says which report
	}
	minStart := f.sents[max(0, v.si-sideRepeatedSentences)].Start
	voice := f.unnamedVoice(v.disputer)
	best := -1
	for k := range f.d.Disputes {
		x := &f.d.Disputes[k]
		if x.Claim == nil || x.Cue.End > pos || x.Cue.Start < minStart || x.Disputer == ArticleVoice {
			continue
		}
		if x.Kind != graph.DisputeRebuts && !truthKinds[x.Kind] {
			continue
		}
		if x.Target != nil && *x.Target == v.disputer {
			continue // the disputer is the other side of that dispute
		}
		c := f.claim(*x.Claim)
		if c == nil || c.Speaker != nil && *c.Speaker == v.disputer {
			continue
		}
		if !voice && (c.Accused == nil || *c.Accused != v.disputer) && !f.titledVoiceOf(v.disputer, x.Disputer) {
			continue // v's disputer must speak for the earlier side or be the one the claim accuses
		}
		if best < 0 || x.Cue.Start > f.d.Disputes[best].Cue.Start {
			best = k
		}
	}
	if best < 0 {
		return "", ""
	}
	x := &f.d.Disputes[best]
	if f.newClaimBetween(x.Cue.Start, v.si) {
		return "", ""
	}
	if voice {
		f.voiceMentions(v.disputer, x.Disputer, f.sents[v.si])
		return *x.Claim, x.Disputer
	}
	return *x.Claim, ""
}

// voiceMentions adds, for every mention of the voice in the sentence, a nominal
// mention of the side it speaks for over the same span ("The statement" names the
// government whose statement it is), so that the disputer is named where it disputes.
func (f *disputeFinder) voiceMentions(voice, side string, sent Span) {
	var at []Span
	for _, m := range f.d.Mentions {
		if m.Entity == voice && m.Span.Start >= sent.Start && m.Span.End <= sent.End {
			at = append(at, m.Span)
		}
	}
	for _, sp := range at {
		f.d.Mentions = append(f.d.Mentions, Mention{Entity: side, Span: makeSpan(f.d.Runes, sp.Start, sp.End), Kind: MentionNominal})
		f.added = true
	}
}

// titledVoiceOf reports whether a name mention of the entity follows a spokesperson
// noun right after a mention of the side ("MEA spokesperson Randhir Jaiswal", "Acme's
// spokeswoman Ann Bell"): a named voice of that side. The dispute stays the voice's
// own; the voice may repeat its side's dispute.
func (f *disputeFinder) titledVoiceOf(voice, side string) bool {
	for _, m := range f.d.Mentions {
		if m.Entity != voice || m.Kind != MentionName {
			continue
		}
		p := m.Span.Start - 1
		for p > 0 && f.d.Runes[p] == ' ' {
			p--
		}
		e := p + 1
		for p >= 0 && f.d.Runes[p] != ' ' {
			p--
		}
		if !spokespersonNouns[strings.ToLower(string(f.d.Runes[p+1:e]))] {
			continue
		}
		for _, s := range f.d.Mentions {
			if s.Entity == side && s.Span.End <= p+1 && s.Span.End >= p-2 {
				return true
			}
		}
	}
	return false
}

// newClaimBetween reports whether a noun of claim with a that-clause (within six
// tokens: "claims by a short-seller that ...") stands in the sentences after the one
// holding pos and before sentence si ("The group recovers from claims by a
// short-seller that ... The group has denied the allegations"): the text brought up
// another claim, which the noun may name, and the rule would take the wrong one.
func (f *disputeFinder) newClaimBetween(pos, si int) bool {
	from := f.sentenceOf(pos) + 1
	for s := from; s < si; s++ {
		toks := f.r.tx.scan(f.sents[s].Start, f.sents[s].End)
		for k, t := range toks {
			if _, ok := claimNouns[t.Lower]; !ok || t.Kind != 'w' {
				continue
			}
			for j := k + 1; j < len(toks) && j <= k+6; j++ {
				if toks[j].Lower == "that" {
					return true
				}
			}
		}
	}
	return false
}

// unnamedVoice reports whether the entity's name is a voice noun with at most
// lowercase modifiers before it ("spokesperson", "company spokesperson", "statement").
func (f *disputeFinder) unnamedVoice(id string) bool {
	name := f.entityName(id)
	words := strings.Fields(name)
	if len(words) == 0 || len(words) > 3 || strings.ToLower(name) != name {
		return false
	}
	return voiceNouns[words[len(words)-1]]
}
