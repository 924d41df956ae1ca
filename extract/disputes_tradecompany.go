package extract

import "github.com/claimgraph/claimgraph/extract/lexicon"

// Disputer rule "the <trade> company" (test sentences in
// testdata/rules/agentclasses/trade-company.tsv): "the company" and "the firm" refer to
// the one business named shortly before (companySubject); news often writes the
// company's trade between them, "Rescue workers said 80 miners were trapped at a site
// run by Rivertown Mining. The mining company called the report false." A subject "the"
// + one lowercase modifier + a noun of company_nominal is read as "the company": the
// one business named in the verb's sentence or the two before, none when two are. The
// modifier is a word, no function word ("the other company" points elsewhere) and no
// word of lexicon/company_modifiers.txt ("the other company", "the parent company").

// tradeCompanyRule names the rule (its fixture file is
// testdata/rules/agentclasses/trade-company.tsv).
const tradeCompanyRule = "trade-company"

// tradeCompanySubject resolves "the mining company" at toks[k-2:k+1] as companySubject
// resolves "the company"; "" when toks[k] ends no such phrase.
func (f *disputeFinder) tradeCompanySubject(toks []scanToken, k int) (string, int) {
	if k < 2 || !companyNominals[toks[k].Lower] || toks[k].Text != toks[k].Lower || toks[k-2].Lower != "the" {
		return "", -1
	}
	m := toks[k-1]
	if m.Kind != 'w' || m.Text != m.Lower || functionWords[m.Lower] || otherModifiers[m.Lower] {
		return "", -1
	}
	short := append(append([]scanToken{}, toks[:k-1]...), toks[k]) // "the company"
	if id, _ := f.companySubject(short, k-1); id != "" {
		return id, k - 2
	}
	return "", -1
}

// otherModifiers make "the X company" another company than the one named before
// (lexicon/company_modifiers.txt).
var otherModifiers = lexicon.Set("company_modifiers.txt")
