package extract

// Possessed claims called untrue (rule rebuttal-called, test sentences in
// testdata/rules/disputes/rebuttal-called.tsv): the object of a verb of calling is a
// claim noun possessed by a named agent ("Cole called Reyes's claim a lie", "she called
// Tim Reyes's statements false"): the claim is that agent's nearest claim before the
// verb, within agentClaimSentences sentences; none there, no dispute. The agent must be
// someone other than the disputer (one's own claim called a lie is no dispute here).

// possessedClaim reads toks[from:to+1] as "NAME's (one word) CLAIM-NOUN" and returns
// the claim of NAME's entity it points to, or "".
func (f *disputeFinder) possessedClaim(toks []scanToken, from, to, si int, disputer string) string {
	for p := from; p < to && p <= from+3; p++ {
		base, poss := stripPossessive(toks[p].Text)
		if !poss && !(p+1 <= to && toks[p+1].Kind != 'w' && isApostrophe([]rune(toks[p+1].Text)[0])) {
			continue
		}
		m := f.mentionEndingAt(toks[p].Start + len([]rune(base)))
		if !poss {
			m = f.mentionEndingAt(toks[p].End)
		}
		if m == nil || m.Kind == MentionPronoun || m.Entity == disputer {
			return ""
		}
		n := p + 1
		if !poss {
			n++ // the apostrophe of "the rebels' claim"
		}
		noun := -1
		for q := n; q <= to && q <= n+1; q++ {
			if _, ok := claimNouns[toks[q].Lower]; ok {
				noun = q
			}
		}
		if noun != to {
			return ""
		}
		if id := f.speakerClaim(m.Entity, toks[from].Start, false); id != "" && f.within(id, si, agentClaimSentences) {
			return id
		}
		return ""
	}
	return ""
}
