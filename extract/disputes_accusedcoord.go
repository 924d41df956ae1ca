package extract

// Coordinated accused (issue 7, disp25; rule accusation-denial, test sentences in
// testdata/rules/disputes/accusation-denial.tsv): "the Sanders campaign accused Clinton
// and the Democratic National Committee of violating fundraising laws" is an accusation
// of "violating fundraising laws" whose accused is the first agent named, Clinton, as
// "accused Clinton of ..." is; the second agent is skipped, not read as the start of
// what is accused. Without this the accusation made no claim ("Clinton and the
// Democratic National Committee of violating ..." was no accusation), and "Clinton
// rejected the allegation" took the nearest claim instead.

// coordinatedAccused returns the index after a second agent coordinated by "and" with
// the accused that ends before toks[k], when "of" or "for" follows it ("Clinton and
// the DNC of"); k otherwise.
func (f *disputeFinder) coordinatedAccused(toks []scanToken, k int) int {
	if k+2 >= len(toks) || toks[k].Lower != "and" {
		return k
	}
	j := k + 1
	if toks[j].Lower == "the" && f.mentionStartingAt(toks[j].Start) == nil {
		j++
	}
	if j >= len(toks) || toks[j].Kind != 'w' {
		return k
	}
	second, e := f.objectAgent(toks, j)
	if second == "" || e >= len(toks) || (toks[e].Lower != "of" && toks[e].Lower != "for") {
		return k
	}
	return e
}

// coordinatedAccusation returns the accusation against one of the disputers
// coordinated with the verb's subject, or "": in "the Sanders campaign accused Clinton
// and the DNC of violating fundraising laws. ... Clinton and the DNC rejected the
// allegation", the subject read last is the DNC, while the accusation's accused is
// Clinton; the coordinated subjects deny it together, as one mention.
func (f *disputeFinder) coordinatedAccusation(v *verbSite, accused func(*disputeFinder, *Claim, string) bool) string {
	for _, who := range f.coord {
		if who == v.disputer {
			continue
		}
		if id := f.fittingClaim(v.toks[v.i].Start, v.si, accused, who); id != "" {
			return id
		}
		if id := f.earlierAccusation(v.toks[v.i].Start, who); id != "" {
			return id
		}
	}
	return ""
}
