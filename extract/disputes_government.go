package extract

// Disputer rule "country-government" (test sentences in
// testdata/rules/agentclasses/country-government.tsv): "The opposition said 40 protesters
// were killed in Togo on Saturday. The government disputes the figure." A subject "the
// [federal] government" that the entity stage left unresolved is the government of the
// one country named before it, in its sentence, else its paragraph, else the text, as
// the speaker stage reads a source "the government said" (countryGovernment): an
// organization named by the country's adjective ("Togolese government"). Two countries
// at the nearest level that names one give nothing: which government is meant is
// unclear, and a wrong disputer is worse than none.

// countryGovernmentRule names the rule (its fixture file is
// testdata/rules/agentclasses/country-government.tsv).
const countryGovernmentRule = "country-government"

// governmentSubject resolves "the government" or "the federal government" ending at
// toks[k]; "" when toks[k] ends no such phrase or no one country is named before it.
func (f *disputeFinder) governmentSubject(toks []scanToken, k int) (string, int) {
	if toks[k].Lower != "government" || toks[k].Text != toks[k].Lower {
		return "", -1
	}
	for _, n := range []int{1, 2} {
		if k-n < 0 || toks[k-n].Lower != "the" {
			continue
		}
		if id := f.r.countryGovernment(toks[k-n : k+1]); id != "" {
			f.added = true
			return id, k - n
		}
		return "", -1
	}
	return "", -1
}
