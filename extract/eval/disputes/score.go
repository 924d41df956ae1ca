package disputes

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph"
)

// Hooks lets the caller tell the scorer what the extractor offers beyond
// Document.Disputes, without this package depending on fields that may not exist.
type Hooks struct {
	// Shape names the shape of a predicted dispute (one of Shapes, or any
	// other label); nil gives "unknown" for every prediction.
	Shape func(extract.Dispute) string
	// Conflicts lists the within-article conflicts between two claims, as the pair of
	// their spans; nil means the extractor offers none.
	Conflicts func(*extract.Document) [][2]extract.Span
}

// ShapeScore is the score of one shape (or of all: the total).
type ShapeScore struct {
	Shape     string  `json:"shape"`
	Gold      int     `json:"gold"`
	Found     int     `json:"found"`
	Recall    float64 `json:"recall"`
	Predicted int     `json:"predicted"`
	Correct   int     `json:"correct"`
	Precision float64 `json:"precision"`
}

// CaseResult says what became of one gold case.
type CaseResult struct {
	Doc          string `json:"doc"`
	ID           string `json:"id"`
	Shape        string `json:"shape"`
	Found        bool   `json:"found"`
	DisputerOnly bool   `json:"disputer_only"`
}

// FalsePositive is a prediction that matched no gold case.
type FalsePositive struct {
	Doc   string `json:"doc"`
	Shape string `json:"shape"`
	Kind  string `json:"kind"`
	Cue   string `json:"cue"`
}

// Result is the outcome of scoring a dispute set.
type Result struct {
	Documents    int          `json:"documents"`
	Shapes       []ShapeScore `json:"shapes"`
	Total        ShapeScore   `json:"total"`
	DisputerOnly int          `json:"disputer_only"`
	// NegativesHit counts the false positives whose cue overlaps the cue of an
	// annotated non-dispute (Set.Negatives), of Negatives in all.
	NegativesHit   int             `json:"negatives_hit"`
	Negatives      int             `json:"negatives"`
	ByKind         []ShapeScore    `json:"by_kind"`
	Cases          []CaseResult    `json:"cases"`
	FalsePositives []FalsePositive `json:"false_positives"`
	// Stages breaks the missed gold cases down by the pipeline stage that lost them
	// (stages.go), in StageOrder: counts only.
	Stages []StageCount `json:"stages"`
}

// prediction is one predicted dispute or conflict, as the matcher sees it.
type prediction struct {
	dispute *extract.Dispute // nil for a conflict
	// disputers are the disputers of every dispute with this one's cue and claim:
	// coordinated disputers ("Israel, the US and Germany questioned ...") are one
	// dispute mention, scored once, found when any of them is the gold disputer
	disputers []string
	conflict  [2]extract.Span
	shape     string
	used      bool
}

// Score matches the predictions in docs (document id → extracted Document)
// against the gold cases of set, by the rule in the package documentation. A
// document of the set missing from docs counts as one without predictions.
func Score(set Set, docs map[string]*extract.Document, hooks Hooks) Result {
	byDoc, negByDoc := map[string][]Case{}, map[string][]Case{}
	for _, c := range set.Cases {
		byDoc[c.Doc] = append(byDoc[c.Doc], c)
	}
	for _, c := range set.Negatives {
		negByDoc[c.Doc] = append(negByDoc[c.Doc], c)
	}
	acc := newTally()
	for _, name := range set.Docs {
		d := docs[name]
		if d == nil {
			d = &extract.Document{}
		}
		acc.document(name, d, byDoc[name], hooks)
		acc.res.NegativesHit += negativesHit(acc.unmatched, negByDoc[name])
	}
	acc.res.Negatives = len(set.Negatives)
	return acc.result(len(set.Docs))
}

// tally accumulates counts over documents.
type tally struct {
	shapes    map[string]*ShapeScore
	kinds     map[string]*ShapeScore
	res       Result
	unmatched []extract.Span // cues of the last document's false positives
	stages    stageTally
}

func newTally() *tally {
	return &tally{shapes: map[string]*ShapeScore{}, kinds: map[string]*ShapeScore{}, stages: stageTally{}}
}

func (t *tally) shape(s string) *ShapeScore {
	if t.shapes[s] == nil {
		t.shapes[s] = &ShapeScore{Shape: s}
	}
	return t.shapes[s]
}

func (t *tally) kind(s string) *ShapeScore {
	if t.kinds[s] == nil {
		t.kinds[s] = &ShapeScore{Shape: s}
	}
	return t.kinds[s]
}

// document scores one document: gold cases and predictions are paired one to one
// by a maximum matching (see matchCases).
func (t *tally) document(name string, d *extract.Document, gold []Case, hooks Hooks) {
	preds := predictionsOf(d, hooks)
	t.unmatched = t.unmatched[:0]
	taken := matchCases(d, gold, preds)
	for gi, g := range gold {
		t.shape(g.Shape).Gold++
		r := CaseResult{Doc: name, ID: g.ID, Shape: g.Shape}
		if taken[gi] >= 0 {
			preds[taken[gi]].used, r.Found = true, true
			t.shape(g.Shape).Found++
		}
		if !r.Found {
			r.DisputerOnly = disputerOnly(d, g)
			if r.DisputerOnly {
				t.res.DisputerOnly++
			}
			t.stages.add(d, g, preds)
		}
		t.res.Cases = append(t.res.Cases, r)
	}
	for _, p := range preds {
		kind := "conflict"
		if p.dispute != nil {
			kind = string(p.dispute.Kind)
		}
		t.shape(p.shape).Predicted++
		t.kind(kind).Predicted++
		if p.used {
			t.shape(p.shape).Correct++
			t.kind(kind).Correct++
			continue
		}
		cue := p.conflict[0]
		if p.dispute != nil {
			cue = p.dispute.Cue
		}
		t.unmatched = append(t.unmatched, cue)
		t.res.FalsePositives = append(t.res.FalsePositives, FalsePositive{Doc: name, Shape: p.shape, Kind: kind, Cue: spanText(d, cue)})
	}
}

// matchCases pairs gold cases with the predictions that match them, one to one, so
// that as many gold cases as possible are found: taken[i] is the index in preds of
// gold case i's prediction, or -1. A first-fit pairing in file order could let a case
// take a prediction that a later case needed while another prediction would have
// served it too (a counterclaim case without a disputer took the dispute that was the
// only match of a later rebuttal); augmenting paths (Kuhn's algorithm) undo that.
// Cases are tried in file order and each tries predictions in order, so a document
// whose first-fit pairing is already maximum keeps it.
func matchCases(d *extract.Document, gold []Case, preds []*prediction) []int {
	fits := make([][]int, len(gold))
	for gi, g := range gold {
		for pi, p := range preds {
			if predictionMatches(d, g, p) {
				fits[gi] = append(fits[gi], pi)
			}
		}
	}
	taken := make([]int, len(gold))
	owner := make([]int, len(preds))
	for i := range taken {
		taken[i] = -1
	}
	for i := range owner {
		owner[i] = -1
	}
	var seen []bool
	var augment func(gi int) bool
	augment = func(gi int) bool {
		for _, pi := range fits[gi] {
			if seen[pi] {
				continue
			}
			seen[pi] = true
			if owner[pi] < 0 || augment(owner[pi]) {
				owner[pi], taken[gi] = gi, pi
				return true
			}
		}
		return false
	}
	for gi := range gold {
		// First fit when a free prediction fits: the pairing file order gives.
		for _, pi := range fits[gi] {
			if owner[pi] < 0 {
				owner[pi], taken[gi] = gi, pi
				break
			}
		}
		if taken[gi] >= 0 {
			continue
		}
		seen = make([]bool, len(preds))
		augment(gi)
	}
	return taken
}

// negativesHit counts the annotated non-disputes whose cue a false positive's cue
// overlaps.
func negativesHit(cues []extract.Span, negatives []Case) int {
	n := 0
	for _, g := range negatives {
		for _, c := range cues {
			if overlaps(c, g.CueSpan) {
				n++
				break
			}
		}
	}
	return n
}

// predictionsOf lists the document's dispute mentions (disputes with one cue, claim
// and target are one mention of coordinated disputers), then its conflicts.
func predictionsOf(d *extract.Document, hooks Hooks) []*prediction {
	var preds []*prediction
	byMention := map[string]*prediction{}
	for i := range d.Disputes {
		x := &d.Disputes[i]
		key := fmt.Sprintf("%d:%d:%v:%v", x.Cue.Start, x.Cue.End, x.Claim != nil, x.Target != nil)
		if x.Claim != nil {
			key += ":" + *x.Claim
		}
		if x.Target != nil {
			key += "|" + *x.Target
		}
		if p, ok := byMention[key]; ok {
			p.disputers = append(p.disputers, x.Disputer)
			continue
		}
		shape := "unknown"
		if hooks.Shape != nil {
			shape = hooks.Shape(*x)
		}
		p := &prediction{dispute: x, disputers: []string{x.Disputer}, shape: shape}
		byMention[key] = p
		preds = append(preds, p)
	}
	if hooks.Conflicts != nil {
		for _, c := range hooks.Conflicts(d) {
			preds = append(preds, &prediction{conflict: c, shape: "conflict"})
		}
	}
	return preds
}

// result computes the rates, totals and the sorted tables.
func (t *tally) result(ndocs int) Result {
	r := t.res
	r.Documents = ndocs
	r.Stages = t.stages.list()
	total := ShapeScore{Shape: "total"}
	names := append([]string(nil), Shapes...)
	var extra []string
	for s := range t.shapes {
		if !contains(Shapes, s) {
			extra = append(extra, s)
		}
	}
	sort.Strings(extra)
	for _, s := range append(names, extra...) {
		sc := t.shape(s)
		total.Gold += sc.Gold
		total.Found += sc.Found
		total.Predicted += sc.Predicted
		total.Correct += sc.Correct
		r.Shapes = append(r.Shapes, rates(*sc))
	}
	r.Total = rates(total)
	var kinds []string
	for k := range t.kinds {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		r.ByKind = append(r.ByKind, rates(*t.kinds[k]))
	}
	return r
}

func rates(s ShapeScore) ShapeScore {
	if s.Gold > 0 {
		s.Recall = float64(s.Found) / float64(s.Gold)
	}
	if s.Predicted > 0 {
		s.Precision = float64(s.Correct) / float64(s.Predicted)
	}
	return s
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// predictionMatches applies the matching rule to one gold case and one prediction.
func predictionMatches(d *extract.Document, g Case, p *prediction) bool {
	if p.dispute == nil {
		if g.Shape != "counterclaim" && g.Shape != "figures" || g.ClaimSpan == nil || g.OtherClaimSpan == nil {
			return false
		}
		a, b := p.conflict[0], p.conflict[1]
		c, o := *g.ClaimSpan, *g.OtherClaimSpan
		return overlaps(a, c) && overlaps(b, o) || overlaps(a, o) && overlaps(b, c)
	}
	if !claimMatches(d, g, *p.dispute) {
		return false
	}
	for _, who := range p.disputers {
		if disputerMatches(d, g, who) {
			return true
		}
	}
	return false
}

// disputerMatches: the predicted entity is the gold disputer, or the referent the
// gold case names for a pronoun or nominal disputer (see the package documentation).
// A gold case without a disputer accepts any; a prediction in the article's own voice
// (extract.ArticleVoice) matches only such a case, never a named disputer.
func disputerMatches(d *extract.Document, g Case, entity string) bool {
	if entity == extract.ArticleVoice {
		return g.DisputerSpan == nil && g.DisputerRefSpan == nil
	}
	if g.DisputerRefSpan != nil {
		return entityIs(d, entity, *g.DisputerRefSpan, g.DisputerRef)
	}
	if g.DisputerSpan == nil {
		return true
	}
	return entityIs(d, entity, *g.DisputerSpan, g.Disputer)
}

// entityIs reports whether one of the entity's mentions overlaps at, or its name or
// one of its aliases equals text (case-insensitive).
func entityIs(d *extract.Document, entity string, at [2]int, text string) bool {
	for _, m := range d.Mentions {
		if m.Entity == entity && overlaps(m.Span, at) {
			return true
		}
	}
	for _, e := range d.Entities {
		if e.ID != entity {
			continue
		}
		if strings.EqualFold(e.Name, text) {
			return true
		}
		for _, a := range e.Aliases {
			if strings.EqualFold(a, text) {
				return true
			}
		}
	}
	return false
}

// claimMatches: the targeted claim overlaps the gold claim span or has its words (a
// claim stated twice is one claim), or, when the gold claim is not in the text, the
// cues overlap.
func claimMatches(d *extract.Document, g Case, p extract.Dispute) bool {
	if g.ClaimSpan == nil {
		return overlaps(p.Cue, g.CueSpan)
	}
	if p.Claim == nil {
		return false
	}
	for _, c := range d.Claims {
		if c.ID == *p.Claim {
			// claim ids are content-derived: a claim stated twice is one claim, kept at
			// its first statement, so a dispute of the gold statement's words matches
			return overlaps(c.Span, *g.ClaimSpan) || sameWords(c.Text, spanText(d, extract.Span{Start: g.ClaimSpan[0], End: g.ClaimSpan[1]}))
		}
	}
	return false
}

// sameWords reports whether two texts have the same words, case and punctuation
// aside (graph.Words).
func sameWords(a, b string) bool {
	wa, wb := graph.Words(a), graph.Words(b)
	if len(wa) == 0 || len(wa) != len(wb) {
		return false
	}
	for i := range wa {
		if wa[i] != wb[i] {
			return false
		}
	}
	return true
}

// disputerOnly: some predicted dispute's disputer matches and its cue lies in the
// sentence of the gold cue.
func disputerOnly(d *extract.Document, g Case) bool {
	if g.DisputerSpan == nil {
		return false
	}
	for _, p := range d.Disputes {
		if disputerMatches(d, g, p.Disputer) && (overlaps(p.Cue, g.CueSpan) || overlaps(p.Sentence, g.CueSpan)) {
			return true
		}
	}
	return false
}

// overlaps reports whether span s (its fragments when it has them) shares a code
// point with [r[0], r[1]).
func overlaps(s extract.Span, r [2]int) bool {
	if len(s.Fragments) > 0 {
		for _, f := range s.Fragments {
			if f[0] < r[1] && r[0] < f[1] {
				return true
			}
		}
		return false
	}
	return s.Start < r[1] && r[0] < s.End
}

func spanText(d *extract.Document, s extract.Span) string {
	if s.Start < 0 || s.End > len(d.Runes) || s.Start >= s.End {
		return ""
	}
	return string(d.Runes[s.Start:s.End])
}

// Print writes the result as a fixed-width table, then the predictions by kind and a
// summary line; the output depends only on the result.
func (r Result) Print(w io.Writer) {
	fmt.Fprintf(w, "dispute documents %d\n", r.Documents)
	fmt.Fprintf(w, "%-13s %5s %5s %7s %9s %7s %9s\n", "shape", "gold", "found", "recall", "predicted", "correct", "precision")
	line := func(s ShapeScore) {
		fmt.Fprintf(w, "%-13s %5d %5d %7.3f %9d %7d %9.3f\n", s.Shape, s.Gold, s.Found, s.Recall, s.Predicted, s.Correct, s.Precision)
	}
	for _, s := range r.Shapes {
		line(s)
	}
	line(r.Total)
	fmt.Fprintf(w, "disputer-only matches %d (gold cases whose disputer was found with a wrong or no claim)\n", r.DisputerOnly)
	fmt.Fprintf(w, "annotated non-disputes predicted as disputes %d of %d\n", r.NegativesHit, r.Negatives)
	fmt.Fprintln(w, "predictions by kind:")
	for _, k := range r.ByKind {
		fmt.Fprintf(w, "  %-12s predicted %4d correct %4d precision %.3f\n", k.Shape, k.Predicted, k.Correct, k.Precision)
	}
	fmt.Fprintf(w, "summary dispute_recall=%.3f dispute_precision=%.3f gold=%d predicted=%d\n", r.Total.Recall, r.Total.Precision, r.Total.Gold, r.Total.Predicted)
}

// WriteJSON writes the result as indented JSON.
func (r Result) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}
