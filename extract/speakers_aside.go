package extract

// asideRelativeSource is the speaker rule "relative clause aside before the cue": a
// source that is a relative clause opened right after a dash ("President Biden - who
// joined a picket line last year - said ...": the source read is "who joined a picket
// line") is no speaker of its own; the speaker is the subject the aside follows, the
// entity named right before the dash, as for a bare relative pronoun
// (relativeSource: "who" a person or group, "which" an organization, outlet or
// country). ok is false when the source is no such clause; an id of "" means that no
// fitting entity stands right before the dash. Fixtures:
// testdata/rules/speakers/relative-clause-aside-before-the-cue.tsv.
func (r *speakerResolver) asideRelativeSource(words []scanToken) (string, bool) {
	if len(words) < 2 || (words[0].Lower != "who" && words[0].Lower != "which") {
		return "", false
	}
	before := r.tx.scan(max(0, words[0].Start-4), words[0].Start)
	if len(before) == 0 || !asideDash(before[len(before)-1].Text) {
		return "", false
	}
	dash := before[len(before)-1]
	return r.relativeSource(scanToken{Text: words[0].Text, Lower: words[0].Lower, Start: dash.Start, End: dash.End, Kind: 'w'}), true
}

// asideDash reports whether t is a dash that can open an aside: a hyphen standing
// alone, an en dash or an em dash.
func asideDash(t string) bool { return t == "-" || t == "\u2013" || t == "\u2014" || t == "--" }
