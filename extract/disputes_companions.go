package extract

// Companions in an aside between a subject and its dispute verb (rule
// companion-aside, test sentences in testdata/rules/disputers/companion-aside.tsv):
// "Israel, along with Egypt, disputed the figures", "Russia, together with Belarus,
// rejected the claim", "the company, as well as its chief executive, denied the
// allegations". The aside is skipped to find the subject (skipToSubject), and the
// agents it names dispute too, read as the agents after "by" are (byAgents).

// companionAsideRule is the named value of this rule.
var companionAsideRule = disputerRule{"companion-aside"}

// maxCompanionAside bounds a companion aside, in tokens.
const maxCompanionAside = 12

// companionOpener returns the length of "along with", "together with" or "as well as"
// at toks[j], or 0.
func companionOpener(toks []scanToken, j int) int {
	if j+1 < len(toks) && toks[j+1].Lower == "with" && (toks[j].Lower == "along" || toks[j].Lower == "together") {
		return 2
	}
	if j+2 < len(toks) && toks[j].Lower == "as" && toks[j+1].Lower == "well" && toks[j+2].Lower == "as" {
		return 3
	}
	return 0
}

// companionAsideBefore returns the number of tokens of a companion aside between
// commas that ends at token k (", along with Egypt,"), or 0.
func companionAsideBefore(toks []scanToken, k int) int {
	if k < 3 || toks[k].Text != "," {
		return 0
	}
	for j := k - 1; j >= 1 && k-j <= maxCompanionAside; j-- {
		if toks[j].Text == "," {
			if n := companionOpener(toks, j+1); n > 0 && j+1+n < k {
				return k - j + 1
			}
			return 0
		}
		if toks[j].Kind != 'w' && toks[j].Kind != 'n' && toks[j].Kind != 'q' && toks[j].Text != "." {
			return 0
		}
	}
	return 0
}

// companions returns the agents named in a companion aside between the subject of v
// and its verb, in text order.
func (f *disputeFinder) companions(v *verbSite) []string {
	if v.subjStart < 0 {
		return nil
	}
	for j := v.subjStart + 1; j < v.i && j-v.subjStart <= 8; j++ {
		if v.toks[j].Text != "," {
			continue
		}
		n := companionOpener(v.toks, j+1)
		if n == 0 {
			continue
		}
		var out []string
		for _, id := range f.byAgents(v.toks, j+1+n) {
			if id != v.disputer {
				out = append(out, id)
			}
		}
		return out
	}
	return nil
}
