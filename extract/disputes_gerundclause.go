package extract

// The subject of a dispute gerund after "by" inside a clause (rule
// by-gerund-clause-subject, test sentences in
// testdata/rules/disputers/by-gerund-clause-subject.tsv): "X helped bring on the
// investigation by publicly denying that ..." takes the subject that opens the
// sentence (gerundSubject); when the gerund stands in a clause after "that" ("In this
// case, it appears that Trump and Lewandowski had helped bring on this investigation
// by publicly denying that Fields was telling the truth"), the subject that opens
// that clause does, since a gerund of manner after "by" has the subject of the clause
// it modifies. Coordinated subjects ("Trump and Lewandowski") each dispute: the last
// is returned as the subject, and the rule of coordinated subjects (coordinated)
// finds the ones before it. Only names and resolved noun phrases the entity stage
// marked count; a pronoun or an unknown word gives no disputer.

// byGerundClauseRule is the named value of this rule.
var byGerundClauseRule = disputerRule{"by-gerund-clause-subject"}

// maxGerundClause bounds how far before "by" the clause's "that" may stand, in tokens.
const maxGerundClause = 24

// gerundClauseThat returns the "that" that opens the clause holding "by" at toks[by]
// (words, numbers and commas between, within maxGerundClause tokens), or -1.
func gerundClauseThat(toks []scanToken, by int) int {
	for k := by - 1; k >= 1 && by-k <= maxGerundClause; k-- {
		if toks[k].Kind != 'w' && toks[k].Kind != 'n' && toks[k].Text != "," {
			return -1 // a quote, a dash, a semicolon: another clause
		}
		if toks[k].Lower == "that" {
			return k
		}
	}
	return -1
}

// clauseSubjectOfGerund returns the disputer of a dispute gerund after "by" at
// toks[by] that stands in the clause opened by "that" at toks[t], and the first token
// of its (last coordinated) subject; "" and -1 when the clause opens with no subject
// the rules name (then the sentence's subject is not the disputer either: "Reporters
// said that the judge had ... by denying" is the judge's denial).
func (f *disputeFinder) clauseSubjectOfGerund(toks []scanToken, t, by int) (string, int) {
	if t+1 >= by {
		return "", -1
	}
	return f.subjectAt(toks, t+1, by)
}

// subjectAt reads a subject that opens at toks[s] and ends before toks[limit]: a
// mention (after an optional "the" and a title) followed by a word that is not
// capitalized, then, while "and" or a comma and another such mention follow, those
// too. It returns the last conjunct's entity and first token.
func (f *disputeFinder) subjectAt(toks []scanToken, s, limit int) (string, int) {
	id, start := "", -1
	for s < limit {
		p := s
		if toks[p].Lower == "the" && p+1 < limit {
			p++
		}
		m := f.mentionStartingAt(toks[p].Start)
		if m == nil || m.Kind == MentionPronoun || f.acrossLines(m.Span) {
			break
		}
		e := p
		for e < limit && toks[e].Start < m.Span.End {
			e++
		}
		if e >= limit || (toks[e].Kind == 'w' && isCapitalized(toks[e].Text)) {
			break
		}
		id, start = m.Entity, p
		if toks[e].Lower == "and" || (toks[e].Text == "," && e+1 < limit && toks[e+1].Lower != "and") {
			s = e + 1
			continue
		}
		if toks[e].Text == "," && e+2 < limit && toks[e+1].Lower == "and" {
			s = e + 2
			continue
		}
		return id, start
	}
	if id != "" && (start == 0 || toks[start-1].Lower == "and" || toks[start-1].Lower == "the" || toks[start-1].Lower == "that") {
		return id, start
	}
	return "", -1
}
