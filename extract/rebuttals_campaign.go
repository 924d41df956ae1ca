package extract

// Judgments of a concerted act: a noun of falsity of lexicon/rebuttals.txt (class
// judgment_modifier of lexicon/dispute_words.txt: "smear", "disinformation",
// "propaganda") that modifies a noun of a concerted act (class judgment_head:
// "campaign", "ploy", "tactic", "job") calls the claim untrue as the noun alone does:
// "'This is a smear campaign,' the army said", "called the report a disinformation
// campaign", "'a baseless smear campaign'". An adjective there judges the act, not a
// claim ("a fake campaign"). The rebuttal rules (rule rebuttal-statement,
// rebuttal-called) read the phrase as ending its clause when the head noun ends it
// (judgmentHeadEnds); test sentences in testdata/rules/disputes/rebuttal-statement.tsv
// and rebuttal-called.tsv, negatives in none.tsv ("a fake campaign account", "a
// false campaign").

// judgmentHeads are the nouns of a concerted act that a rebuttal word may modify.
var judgmentHeads = disputeWordClass("judgment_head")

// judgmentModifiers are the nouns of falsity that make a judgment of such an act ("a
// smear campaign"; "news" of "a fake news campaign").
var judgmentModifiers = disputeWordClass("judgment_modifier")

// judgmentHeadEnds reports whether toks[k] is a noun of judgmentHeads right after a
// noun of falsity (judgmentModifiers, the end of the rebuttal phrase) and ends the
// clause: the end of the sentence or a punctuation mark, a closing quotation mark
// before one.
func judgmentHeadEnds(toks []scanToken, k int) bool {
	if k < 1 || k >= len(toks) || !judgmentHeads[toks[k].Lower] || toks[k-1].Kind != 'w' || !judgmentModifiers[toks[k-1].Lower] {
		return false
	}
	e := k + 1
	if e < len(toks) && toks[e].Kind == 'q' {
		e++
	}
	return e >= len(toks) || toks[e].Kind != 'w' && toks[e].Kind != 'q' && toks[e].Text != "-"
}
