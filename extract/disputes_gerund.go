package extract

// The disputer of a dispute verb in a gerund after "by" or "for", which has no
// subject of its own:
//
//   - "X helped bring on the investigation by publicly denying that ...": the gerund
//     says how the sentence's subject acted, so the subject that opens the sentence
//     disputes;
//   - "the Fact Checker gave Carson two Pinocchios for dismissing the idea that ...",
//     "Whitlow criticized Reyes for denying that ...": the gerund says what the
//     object of the verb before it did, so that object disputes: a name (or a
//     pronoun) right after a verb, the last one before "for" in its sentence,
//     commas allowed between ("gave Carson two Pinocchios, out of a possible four,
//     for dismissing").
//
// When neither stands so, the verb has no disputer (a wrong disputer is worse than
// none).

// gerundObjectReach bounds how far before "for" the object of rule for-gerund may
// stand, in tokens.
const gerundObjectReach = 14

// gerundSubject returns the disputer of a dispute gerund after "by" or "for" at
// toks[k], and the first token of its mention; "" and -1 when none is found.
func (f *disputeFinder) gerundSubject(toks []scanToken, k int) (string, int) {
	if toks[k].Lower == "by" {
		if t := gerundClauseThat(toks, k); t >= 0 {
			return f.clauseSubjectOfGerund(toks, t, k) // "it appears that X and Y had ... by denying" (disputes_gerundclause.go)
		}
		id, e := f.openingSubject(toks, k)
		if id == "" {
			return "", -1
		}
		return id, e
	}
	for j := k - 1; j >= 1 && k-j <= gerundObjectReach; j-- {
		if toks[j].Kind != 'w' {
			if toks[j].Text == "," {
				continue
			}
			return "", -1
		}
		m := f.mentionEndingAt(toks[j].End)
		if m == nil {
			continue
		}
		start := j
		for start > 0 && toks[start-1].Start >= m.Span.Start {
			start--
		}
		start = titleStart(toks, start) // "criticized Mayor Tom Reyes for"
		if start < 1 {
			return "", -1 // the sentence's subject: "Reyes was praised for denying" reads otherwise
		}
		if p := toks[start-1]; p.Kind == 'w' && p.Text == p.Lower && !adjunctOpeners[p.Lower] && !asidePrepositions[p.Lower] &&
			p.Lower != "to" && p.Lower != "of" && p.Lower != "the" && p.Lower != "a" && p.Lower != "an" && p.Lower != "and" && p.Lower != "or" {
			return m.Entity, start // "gave Carson", "criticized Reyes"
		}
		return "", -1
	}
	return "", -1
}
