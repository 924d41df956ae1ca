package extract

// Subjects of a coordinated verb phrase (disputer rule coordinated-verb-subject, test
// sentences in testdata/rules/disputers/coordinated-verb-subject.tsv): "'We have taken
// note of the report and unequivocally reject these baseless allegations,' the
// spokesperson said". The dispute verb follows "and"; its subject is the personal
// pronoun that opens the clause of the first verb. Only a pronoun of
// lexicon/self_subjects.txt opening its sentence or quotation counts, with no
// punctuation, "that", relative pronoun or verb of saying between it and "and" (each
// could open another clause with a subject of its own: "Critics said the firm lied
// and denied ..."), at most maxCoordinatedVerbReach tokens back.

// coordinatedVerbSubjectRule is the disputer rule coordinated-verb-subject.
var coordinatedVerbSubjectRule = disputerRule{"coordinated-verb-subject"}

// maxCoordinatedVerbReach bounds the first conjunct, in tokens.
const maxCoordinatedVerbReach = 16

// coordinatedVerbSubject returns the index of the pronoun subject of the first verb of
// a verb phrase coordinated by the "and" at toks[and], or -1.
func coordinatedVerbSubject(toks []scanToken, and int) int {
	if and < 2 || toks[and].Lower != "and" {
		return -1
	}
	for s := and - 1; s >= 0 && and-s <= maxCoordinatedVerbReach; s-- {
		t := toks[s]
		if t.Kind != 'w' {
			return -1
		}
		if s > 0 && toks[s-1].Kind == 'w' {
			if t.Lower == "that" || relativeWords[t.Lower] || sayVerbs[t.Lower] || cueSayVerbs[t.Lower] {
				return -1
			}
			continue
		}
		// toks[s] opens its sentence or quotation
		if !selfSubjects[t.Lower] || s+1 >= and {
			return -1
		}
		if s > 0 && !isQuote([]rune(toks[s-1].Text)[0]) {
			return -1
		}
		return s
	}
	return -1
}
