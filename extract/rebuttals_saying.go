package extract

// Judged in what one says, quoted and with "for" (issue 7, disp25; rule
// wrong-in-saying of disputes_article.go, test sentences in
// testdata/rules/disputes/wrong-in-saying.tsv): "Clinton said Smith is 'absolutely
// wrong' for saying Clinton lied to her" judges Smith wrong in what she says, like
// "was wrong to say" and "erred in saying". Two shapes the rule did not read:
//   - the judging word inside quotation marks, the form of "be" outside them ('is
//     "absolutely wrong"', quotedPredicative);
//   - "for" and a verb of saying in -ing ("wrong for saying", "mistaken for
//     claiming", judgedFor): "for" and anything else is a reason, no claim ("wrong for
//     the job", "wrong for America").

// quotedPredicative reports whether the adjective at toks[k] is a predicate whose form
// of "be" stands before an opening quotation mark: 'is "absolutely wrong"', 'was
// "flat wrong"' (up to two adverbs or fillers inside the quotation).
func quotedPredicative(toks []scanToken, k int) bool {
	j := k - 1
	for n := 0; n < 2 && j >= 0 && toks[j].Kind == 'w' && (toks[j].Text == toks[j].Lower && len(toks[j].Lower) > 3 && toks[j].Lower[len(toks[j].Lower)-2:] == "ly" || rebuttalFillers[toks[j].Lower]); n++ {
		j--
	}
	if j < 1 || toks[j].Kind != 'q' {
		return false
	}
	return beWords[toks[j-1].Lower] || linkingVerbs[toks[j-1].Lower]
}

// judgedFor reports whether "for" at toks[g] links a judgment to a verb of saying in
// -ing ("wrong for saying", "for claiming", "for suggesting").
func judgedFor(toks []scanToken, g int) bool {
	return g+1 < len(toks) && judgedSayVerbs[toks[g+1].Lower] && ingForm(toks[g+1].Lower)
}
