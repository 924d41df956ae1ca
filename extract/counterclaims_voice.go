package extract

import "strings"

// Counter-claims across voices (part of rule counterclaim-predicate, test sentences in
// testdata/rules/disputes/counterclaim-predicate.tsv, negatives in none.tsv): one
// speaker states an act in the active voice and the other in the passive, so their
// subjects differ though they speak of one thing: "the shareholders rejected the
// merger" / "the merger was approved by shareholders", "the police arrested Nadia Roost"
// / "Nadia Roost was not arrested". The active claim is read as its passive
// (activeAsPassive: its object becomes the subject, its subject the agent after "by")
// and compared with the passive one as counterclaim-predicate compares two claims of
// one subject: the same subject words, and polarity, antonyms or entailment between
// the predicates (contrary). The agent stays part of what is said: "Nadia Roost was not
// arrested by the army" denies the army's part only and answers nothing of "the police
// arrested Nadia Roost" (its words are not all among the other's). Only a passive meets
// an active: two actives with the object of one as the subject of the other ("the
// police arrested Roost" / "Roost did not arrest anyone") speak of two acts.

// passiveGroup reports whether a verb group (the words before the predicate) holds a
// form of "be" and the predicate's first word reads as a past participle.
func passiveGroup(group []scanToken, head scanToken) bool {
	be := false
	for _, t := range group {
		be = be || beWords[t.Lower]
	}
	return be && noneParticiple(head.Lower)
}

// activeAsPassive reads an active proposition whose predicate opens with a verb in the
// past and an object noun phrase ("rejected the merger") as its passive: the object's
// content words are the subject, the predicate is the verb, "by" and the active
// subject's words, then what followed the object. False when the predicate opens with
// no such verb or no object follows it.
func activeAsPassive(p proposition) (proposition, bool) {
	if p.passive || len(p.words) < 2 || !noneParticiple(p.words[0]) || beWords[p.words[0]] || carrierVerbs[p.words[0]] {
		return p, false
	}
	q := proposition{negated: p.negated, future: p.future, partial: p.partial, subjSet: map[string]bool{}, passive: true}
	k := 1
	for ; k < len(p.words); k++ {
		w := p.words[k]
		if functionWords[w] {
			if len(q.subjSet) > 0 {
				break // "the merger in May": the object ends
			}
			continue
		}
		q.subjSet[foldWord(strings.TrimSuffix(w, "'s"))] = true
	}
	if len(q.subjSet) == 0 {
		return p, false
	}
	q.words = append([]string{p.words[0], "by"}, subjectWords(p)...)
	q.words = append(q.words, p.words[k:]...)
	for _, w := range q.words {
		if !functionWords[w] && !negationAuxiliaries[w] && len(w) > 1 {
			q.folded = append(q.folded, foldWord(strings.TrimSuffix(w, "'s")))
		}
	}
	return q, true
}

// subjectWords returns the lowercased words of p's subject.
func subjectWords(p proposition) []string {
	out := make([]string, 0, len(p.subject))
	for _, t := range p.subject {
		if t.Kind == 'w' || t.Kind == 'n' {
			out = append(out, t.Lower)
		}
	}
	return out
}

// voiceContrary reports whether one of two propositions is passive, the other active,
// and the active one read as a passive (activeAsPassive) has the passive one's subject
// and states its contrary.
func voiceContrary(a, b proposition) bool {
	if a.passive == b.passive {
		return false
	}
	pas, act := a, b
	if b.passive {
		pas, act = b, a
	}
	q, ok := activeAsPassive(act)
	if !ok || !sameSubjectWords(pas.subjSet, q.subjSet) {
		return false
	}
	if pas.pronoun || pas.none || len(pas.subjSet) == 0 {
		return false
	}
	return contrary(pas, q)
}
