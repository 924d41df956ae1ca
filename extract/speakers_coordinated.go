package extract

// Speaker rule "coordinated source" (test sentences in
// testdata/rules/cospeakers/coordinated-source.tsv, run by
// TestCoSpeakerFixtures and, renamed, TestCoSpeakerFixturesRenamed, negatives included): a source that
// coordinates agents ("Acme and its chief executive, Tom Reyes, said", "Smith and Jones
// said", "The union and the company said in a joint statement") is said by each of
// them. The speaker stage resolves one speaker per attribution (Attribution.Speaker,
// the first conjunct, or the list's head); this rule reads the whole source with the
// agent phrase reader of the disputers (byAgents, disputes_byagent.go: names, "the
// company", "its chief executive, NAME", "NAME's lawyers", plural groups), and the
// agents other than the speaker become Attribution.CoSpeakers, each a statement of its
// own in the graph (ToGraph). The reading must cover the whole source and hold the
// speaker; a conjunct it cannot read ("Acme and Velmora officials", "the mayor and a
// man who ...") leaves the attribution with its one speaker: a wrong speaker is worse
// than none. An agency the attribution came through ("according to the Associated
// Press and Axios") stays in Via only.

// coordinatedSpeakers fills Attribution.CoSpeakers (rule coordinated source).
func (f *disputeFinder) coordinatedSpeakers() {
	for i := range f.d.Attributions {
		a := &f.d.Attributions[i]
		if a.Speaker == nil || a.Source == nil || len(a.Source.Fragments) > 0 || a.Source.End-a.Source.Start > 160 {
			continue
		}
		and := false
		for _, t := range f.r.tx.scan(a.Source.Start, a.Source.End) {
			if t.Lower == "and" {
				and = true
				break
			}
		}
		if !and {
			continue
		}
		si := f.sentenceOf(a.Source.Start)
		toks := f.r.tx.scan(f.sents[si].Start, f.sents[si].End)
		p, e := -1, -1
		for k, t := range toks {
			if p < 0 && t.Start >= a.Source.Start {
				p = k
			}
			if t.End <= a.Source.End {
				e = k
			}
		}
		for p >= 0 && p < e && (toks[p].Kind == 'q' || toks[p].Lower == "both") {
			p++
		}
		if p < 0 || e <= p || f.sourceInLongerList(toks, p) {
			continue // the source is the tail of a longer phrase ("The leaders of Egypt, Qatar and Turkey")
		}
		agents := f.agentPhrasesTo(toks, p, []int{e}, *a.Speaker)
		var co []string
		for _, id := range agents {
			if id != *a.Speaker && !containsString(a.Via, id) {
				co = append(co, id)
			}
		}
		a.CoSpeakers = co
	}
}

// bothSource applies the speaker rule "both before a coordinated source" (fixtures in
// testdata/rules/speakers/both-before-a-coordinated-source.tsv): a source that opens
// with "both" and coordinates with "and" ("Both the ministry and the army said") is
// read from the word after "both", which names no agent. ok is false when the source
// is no such phrase.
func (r *speakerResolver) bothSource(src Span) (Span, bool) {
	toks := r.tx.scan(src.Start, src.End)
	if len(toks) < 4 || toks[0].Lower != "both" {
		return src, false
	}
	for _, t := range toks[2:] {
		if t.Lower == "and" {
			return makeSpan(r.d.Runes, toks[1].Start, src.End), true
		}
	}
	return src, false
}

// sourceInLongerList reports whether the source at toks[p] goes on a phrase before it:
// it follows "of", or a comma right after a name ("The leaders of Egypt, Qatar and
// Turkey" with the source "Qatar and Turkey"), not a fronted adjunct ("On Monday, Xi
// and Putin said").
func (f *disputeFinder) sourceInLongerList(toks []scanToken, p int) bool {
	if p == 0 {
		return false
	}
	if toks[p-1].Lower == "of" {
		return true
	}
	return p >= 2 && toks[p-1].Text == "," && f.mentionEndingAt(toks[p-2].End) != nil
}
