package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Anaphor fit: the noun of an anaphoric target says what kind of claim it points to.
// "denied the accusation" / "the charges" / "the allegations" point to an accusation
// (a claim of origin "accusation" or with an accused), preferably one against the
// disputer; "dismissed the report" / "the story" point to a claim of an outlet or of
// unnamed sources (a group); figure nouns point to claims with quantities
// (precedingClaim). A claim that fits is preferred to a nearer one that does not,
// anaphorSentences sentences back; when none fits, the nearest claim is taken as
// before, but only from this or the previous sentence.

// reportNouns are the claim nouns that name what an outlet or unnamed sources said.
var reportNouns = disputeWordClass("report_noun")

// claimFit tells whether a claim is of the kind a claim noun names.
type claimFit func(f *disputeFinder, c *Claim, disputer string) bool

// fitOf returns the fit of a claim noun, or nil when the noun fits any claim.
func fitOf(noun string) claimFit {
	switch {
	case accusationNouns[noun], legalNouns[noun]: // a lawsuit's claims accuse (disputes_nominal.go)
		return (*disputeFinder).isAccusation
	case reportNouns[noun]:
		return (*disputeFinder).isReported
	}
	return nil
}

// isAccusation reports whether c is an accusation the disputer may deny: of origin
// "accusation" or with an accused, of an attribution whose cue accuses ("alleged",
// "charged"), or a claim about the disputer (the disputer is its subject: "a booker
// who said Mr. Ailes carried on ... . Mr. Ailes denied the charges").
func (f *disputeFinder) isAccusation(c *Claim, disputer string) bool {
	if c.Accused != nil || c.Origin == "accusation" {
		return true
	}
	if f.bareNameClaim(c) {
		return false // "sued Norland Foods": whom the suit names, no claim (disputes_nominal.go)
	}
	if f.namesAsSubject(c, disputer) {
		return true
	}
	a := f.attributionOf(c)
	if a == nil {
		return false
	}
	for _, fr := range spanFragments(a.Cue) {
		for _, w := range graph.Words(string(f.d.Runes[fr[0]:fr[1]])) {
			if accusationCues[w] {
				return true
			}
		}
	}
	return false
}

// accusationCues are the cue words of an attribution that accuses ("alleged",
// "charged", "blamed").
var accusationCues = disputeWordClass("accusation_cue")

// attributionOf returns the attribution claim c comes from, or nil.
func (f *disputeFinder) attributionOf(c *Claim) *Attribution {
	if c.Attribution == nil {
		return nil
	}
	if f.attrIx == nil {
		// The attributions are fixed once findDisputes runs: an index of the first
		// attribution of each id answers as the scan from the start did, without a
		// scan of every attribution per claim (quadratic in a long document).
		f.attrIx = make(map[string]int, len(f.d.Attributions))
		for k := range f.d.Attributions {
			if _, ok := f.attrIx[f.d.Attributions[k].ID]; !ok {
				f.attrIx[f.d.Attributions[k].ID] = k
			}
		}
	}
	if k, ok := f.attrIx[*c.Attribution]; ok {
		return &f.d.Attributions[k]
	}
	return nil
}

// isReported reports whether c is said by an outlet or by unnamed sources (a group,
// or an attribution without a speaker: "rumors that ...", "reports said ..."). An
// outlet that a speaker talked to ("told The Times") does not make a report.
func (f *disputeFinder) isReported(c *Claim, _ string) bool {
	if c.Speaker == nil {
		return c.Origin == "attribution" // "rumors that ...", "reports said ..."
	}
	for k := range f.d.Entities {
		if e := &f.d.Entities[k]; e.ID == *c.Speaker {
			return e.Kind == graph.KindOutlet || e.Kind == graph.KindGroup
		}
	}
	return false
}

// fittingClaim returns the claim nearest before pos, at most anaphorSentences
// sentences back, that fits and that the disputer may answer; an accusation against
// the disputer comes first. It returns "" when none does.
func (f *disputeFinder) fittingClaim(pos, si int, fit claimFit, disputer string) string {
	return f.latestClaim(pos, si, anaphorSentences, false, disputer, fit)
}

// namesAsSubject reports whether claim c begins with a name or nominal mention of
// the entity, within its first three words ("Mr. Ailes carried on ...", "the company
// hid losses"): a claim about the entity, not one that only mentions it.
func (f *disputeFinder) namesAsSubject(c *Claim, entity string) bool {
	for _, m := range f.d.Mentions {
		if m.Entity != entity || m.Kind == MentionPronoun || !spanInside(c.Span, m.Span.Start, m.Span.End) {
			continue
		}
		if e := m.Span.End; e < len(f.d.Runes) && isApostrophe(f.d.Runes[e]) {
			continue // "the RSF’s capture could lead to ...": a possessor, not the subject
		}
		if len(strings.Fields(string(f.d.Runes[c.Span.Start:m.Span.Start]))) < 3 {
			return true
		}
	}
	return false
}
