package disputes

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/claimgraph/claimgraph/extract"
)

// Miss stages: the pipeline stage at which a missed gold case was lost, the first
// that failed in the extractor's order (cue, then disputer, then the targeted claim).
// They are counts only and say nothing of a case's text, so the breakdown may be
// printed for every set, the held-out ones included.
const (
	// StageNoCue: no predicted dispute has its cue in the sentence of the gold cue,
	// and, for a counterclaim or figures case, no conflict involves either claim: the
	// cue or the shape was not recognised at all.
	StageNoCue = "cue-not-recognised"
	// StageConflictOther: a counterclaim or figures case one of whose claims is in a
	// conflict, but not with the other claim of the case.
	StageConflictOther = "conflict-other-pair"
	// StageDisputerNotEntity: a dispute was found at the cue, but the gold disputer
	// (its referent, for a pronoun or nominal) is no entity of the document.
	StageDisputerNotEntity = "disputer-not-entity"
	// StageDisputerOther: a dispute was found at the cue and the gold disputer is an
	// entity, but the dispute was given to another agent.
	StageDisputerOther = "disputer-other-agent"
	// StageClaimNone: a dispute with the right disputer at the cue targets no claim.
	StageClaimNone = "claim-none"
	// StageClaimNotExtracted: a dispute with the right disputer at the cue targets
	// another claim, and the gold claim is not among the extracted claims at all.
	StageClaimNotExtracted = "claim-not-extracted"
	// StageClaimOther: a dispute with the right disputer at the cue points at another
	// claim, although the gold claim was extracted.
	StageClaimOther = "claim-other"
	// StageTaken: a prediction with its cue in the sentence of the gold cue matches
	// the case, but another gold case of the document took it first (matching is one
	// to one, and does not ask for the cue: a dispute of the same claim by the same
	// disputer elsewhere in the text can take it).
	StageTaken = "matched-elsewhere"
)

// StageOrder lists the miss stages in table order.
var StageOrder = []string{StageNoCue, StageConflictOther, StageDisputerNotEntity, StageDisputerOther,
	StageClaimNone, StageClaimNotExtracted, StageClaimOther, StageTaken}

// StageCount counts the missed cases lost at one stage, with two facts about them
// that do not depend on the stage: how many have their gold claim (both claims, for a
// counterclaim or figures case) among the extracted claims, and how many have a gold
// disputer that is no entity of the document. Cases whose claim is not in the text,
// or that have no disputer, count in neither column's denominator.
type StageCount struct {
	Stage string `json:"stage"`
	// Misses is the number of missed gold cases lost at this stage.
	Misses int `json:"misses"`
	// ClaimExtracted and ClaimMissing count the cases whose gold claim was, or was
	// not, extracted as a claim (ClaimMissing + ClaimExtracted ≤ Misses).
	ClaimExtracted int `json:"claim_extracted"`
	ClaimMissing   int `json:"claim_missing"`
	// DisputerNotEntity counts the cases whose gold disputer is no entity.
	DisputerNotEntity int `json:"disputer_not_entity"`
	// DisputerSpeaks counts the cases where an attribution in the sentence of the
	// gold cue has the gold disputer as its speaker: the sentence was read as the
	// disputer's speech, whatever became of the dispute.
	DisputerSpeaks int `json:"disputer_speaks"`
	// DisputerUnmarked counts the cases whose gold disputer span (the words in the
	// dispute's sentence: "the company", "she") overlaps no mention of any entity:
	// the disputer stage could not have resolved it, whatever the cue.
	DisputerUnmarked int `json:"disputer_unmarked"`
	// ByShape counts the misses of this stage by gold shape.
	ByShape map[string]int `json:"by_shape,omitempty"`
}

// stageOf says at which stage gold case g, left unmatched, was lost in document d.
func stageOf(d *extract.Document, g Case, preds []*prediction) string {
	atCue := false
	for _, p := range preds {
		here := p.dispute != nil && (overlaps(p.dispute.Cue, g.CueSpan) || overlaps(p.dispute.Sentence, g.CueSpan))
		if here && predictionMatches(d, g, p) {
			return StageTaken
		}
		atCue = atCue || here
	}
	if !atCue {
		if conflictShape(g) && conflictTouches(g, preds) {
			return StageConflictOther
		}
		return StageNoCue
	}
	var right []*prediction
	for _, p := range preds {
		if p.dispute == nil || !(overlaps(p.dispute.Cue, g.CueSpan) || overlaps(p.dispute.Sentence, g.CueSpan)) {
			continue
		}
		for _, who := range p.disputers {
			if disputerMatches(d, g, who) {
				right = append(right, p)
				break
			}
		}
	}
	if len(right) == 0 {
		if disputerNotEntity(d, g) {
			return StageDisputerNotEntity
		}
		return StageDisputerOther
	}
	for _, p := range right {
		if p.dispute.Claim != nil {
			if claimExtracted(d, g) == 0 {
				return StageClaimNotExtracted
			}
			return StageClaimOther
		}
	}
	return StageClaimNone
}

// conflictShape reports whether the case is of a shape that a conflict can match.
func conflictShape(g Case) bool {
	return (g.Shape == "counterclaim" || g.Shape == "figures") && g.ClaimSpan != nil && g.OtherClaimSpan != nil
}

// conflictTouches reports whether some predicted conflict involves one of the case's
// two claims.
func conflictTouches(g Case, preds []*prediction) bool {
	for _, p := range preds {
		if p.dispute != nil {
			continue
		}
		for _, s := range p.conflict {
			if overlaps(s, *g.ClaimSpan) || overlaps(s, *g.OtherClaimSpan) {
				return true
			}
		}
	}
	return false
}

// claimExtracted says whether the gold claim (both claims of a case with another
// claim) is among the document's claims: 1 yes, 0 no, -1 the claim is not in the
// text.
func claimExtracted(d *extract.Document, g Case) int {
	if g.ClaimSpan == nil {
		return -1
	}
	spans := []*[2]int{g.ClaimSpan}
	if g.OtherClaimSpan != nil {
		spans = append(spans, g.OtherClaimSpan)
	}
	for _, s := range spans {
		if !hasClaimAt(d, *s) {
			return 0
		}
	}
	return 1
}

// hasClaimAt reports whether some extracted claim overlaps span s or has its words.
func hasClaimAt(d *extract.Document, s [2]int) bool {
	words := spanText(d, extract.Span{Start: s[0], End: s[1]})
	for _, c := range d.Claims {
		if overlaps(c.Span, s) || sameWords(c.Text, words) {
			return true
		}
	}
	return false
}

// disputerNotEntity reports whether the case names a disputer (or its referent) that
// no entity of the document is.
func disputerNotEntity(d *extract.Document, g Case) bool {
	if g.DisputerSpan == nil && g.DisputerRefSpan == nil {
		return false
	}
	for _, e := range d.Entities {
		if disputerMatches(d, g, e.ID) {
			return false
		}
	}
	return true
}

// stageTally accumulates the miss stages.
type stageTally map[string]*StageCount

func (st stageTally) add(d *extract.Document, g Case, preds []*prediction) {
	s := stageOf(d, g, preds)
	if st[s] == nil {
		st[s] = &StageCount{Stage: s}
	}
	c := st[s]
	c.Misses++
	switch claimExtracted(d, g) {
	case 1:
		c.ClaimExtracted++
	case 0:
		c.ClaimMissing++
	}
	if disputerNotEntity(d, g) {
		c.DisputerNotEntity++
	}
	if g.DisputerSpan != nil && !mentionAt(d, *g.DisputerSpan) {
		c.DisputerUnmarked++
	}
	if disputerSpeaks(d, g) {
		c.DisputerSpeaks++
	}
	if c.ByShape == nil {
		c.ByShape = map[string]int{}
	}
	c.ByShape[g.Shape]++
}

// mentionAt reports whether some mention of an entity overlaps span s.
func mentionAt(d *extract.Document, s [2]int) bool {
	for _, m := range d.Mentions {
		if overlaps(m.Span, s) {
			return true
		}
	}
	return false
}

// disputerSpeaks reports whether an attribution whose cue or sentence holds the gold
// cue has the gold disputer as its speaker.
func disputerSpeaks(d *extract.Document, g Case) bool {
	for _, a := range d.Attributions {
		if a.Speaker == nil || !(overlaps(a.Cue, g.CueSpan) || overlaps(a.Sentence, g.CueSpan)) {
			continue
		}
		if (g.DisputerSpan != nil || g.DisputerRefSpan != nil) && disputerMatches(d, g, *a.Speaker) {
			return true
		}
	}
	return false
}

// list returns the stages in StageOrder, every stage present (zero counts included).
func (st stageTally) list() []StageCount {
	out := make([]StageCount, 0, len(StageOrder))
	for _, s := range StageOrder {
		if c := st[s]; c != nil {
			out = append(out, *c)
			continue
		}
		out = append(out, StageCount{Stage: s})
	}
	return out
}

// PrintStages writes the breakdown of the missed cases by the stage that lost them
// (Result.Stages), as counts only: no text of any case, so it may be printed for the
// held-out sets.
func (r Result) PrintStages(w io.Writer) {
	fmt.Fprintf(w, "misses by stage (counts only) of %d missed gold cases\n", r.Total.Gold-r.Total.Found)
	fmt.Fprintf(w, "%-22s %6s %15s %13s %19s %17s %15s  %s\n", "stage", "misses", "claim-extracted", "claim-missing", "disputer-not-entity", "disputer-unmarked", "disputer-speaks", "by shape")
	var tot StageCount
	for _, s := range r.Stages {
		fmt.Fprintf(w, "%-22s %6d %15d %13d %19d %17d %15d  %s\n", s.Stage, s.Misses, s.ClaimExtracted, s.ClaimMissing, s.DisputerNotEntity, s.DisputerUnmarked, s.DisputerSpeaks, shapeCounts(s.ByShape))
		tot.Misses += s.Misses
		tot.ClaimExtracted += s.ClaimExtracted
		tot.ClaimMissing += s.ClaimMissing
		tot.DisputerNotEntity += s.DisputerNotEntity
		tot.DisputerSpeaks += s.DisputerSpeaks
		tot.DisputerUnmarked += s.DisputerUnmarked
	}
	fmt.Fprintf(w, "%-22s %6d %15d %13d %19d %17d %15d\n", "total", tot.Misses, tot.ClaimExtracted, tot.ClaimMissing, tot.DisputerNotEntity, tot.DisputerUnmarked, tot.DisputerSpeaks)
}

// shapeCounts writes shape counts in the order of Shapes, then any other shape.
func shapeCounts(m map[string]int) string {
	var parts []string
	seen := map[string]bool{}
	for _, s := range Shapes {
		if m[s] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", s, m[s]))
		}
		seen[s] = true
	}
	var extra []string
	for s := range m {
		if !seen[s] {
			extra = append(extra, s)
		}
	}
	sort.Strings(extra)
	for _, s := range extra {
		parts = append(parts, fmt.Sprintf("%s %d", s, m[s]))
	}
	return strings.Join(parts, ", ")
}
