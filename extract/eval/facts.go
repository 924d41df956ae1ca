package eval

// Facts scoring: how many of the must-find facts of an annotated article set (the
// out-of-domain development set in testdata/ood, see its README.md) the extractor
// finds, with the right speaker and the right figure.
//
// A gold fact is found when ONE predicted claim satisfies all three conditions:
//
//   - span: its span overlaps the fact's claim_span (they share at least one code point);
//   - speaker: the gold speaker is empty (a claim the article asserts itself), or the
//     claim's resolved speaker has a name or alias that matches it or one of the gold
//     speaker_aliases, the other names the article itself uses for the same speaker
//     ("CFK" for Cristina Fernández de Kirchner) (SpeakerMatches);
//   - value: the gold value is null, or the claim has a quantity with that value (a
//     range matches at either end) and, when the gold names a qualifier, the same
//     qualifier (QualifierMatches).
//
// The components are also counted on their own, each over the predictions that
// overlap the fact: "span found" over all facts, "speaker right" over facts with a
// gold speaker, "value right" over facts with a gold value. A fact can have its speaker
// right on one overlapping claim and its value on another and still not be found.
//
// This package does not import extract (extract imports it for training), so the
// caller converts extractor output into FactPrediction values; cmd/claimgraph's
// "eval facts" does that.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// GoldFact is one line of facts.jsonl: a must-find fact of one article. Spans are
// [start, end) in code points of the article body (the text after the front matter).
type GoldFact struct {
	Doc         string  `json:"doc"`
	ID          string  `json:"id"`
	Speaker     string  `json:"speaker"`
	SpeakerSpan *[2]int `json:"speaker_span"`
	// SpeakerAliases are other names the article uses for the same speaker.
	SpeakerAliases []string `json:"speaker_aliases,omitempty"`
	Cue            string   `json:"cue"`
	CueSpan        *[2]int  `json:"cue_span"`
	Claim          string   `json:"claim"`
	ClaimSpan      [2]int   `json:"claim_span"`
	Value          *float64 `json:"value"`
	Unit           *string  `json:"unit"`
	Qualifier      *string  `json:"qualifier"`
	Counted        *string  `json:"counted"`
}

// FactArticle is one article of a fact set: its id (front matter "id", else the file
// name without .md) and its body text.
type FactArticle struct {
	ID   string
	Path string
	Body string
}

// PredQuantity is a predicted quantity: its value, the upper end of a range (nil if
// none) and its normalized qualifier ("more_than", "at_least", ...; "" if none).
type PredQuantity struct {
	Value     float64
	Max       *float64
	Qualifier string
}

// FactPrediction is one predicted claim or attribution content: its span in code
// points, the names and aliases of its resolved speaker (empty when unresolved) and
// its quantities.
type FactPrediction struct {
	Start, End int
	Speaker    []string
	Quantities []PredQuantity
}

// LoadFactSet reads a fact set directory: every *.md article (front matter between
// "---" lines, then the body, kept byte for byte) and facts.jsonl. It checks that every
// fact names a loaded article and that its claim_span lies inside the body.
func LoadFactSet(dir string) ([]FactArticle, []GoldFact, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil {
		return nil, nil, err
	}
	sort.Strings(paths)
	var arts []FactArticle
	lens := map[string]int{}
	for _, p := range paths {
		if strings.EqualFold(filepath.Base(p), "README.md") {
			continue
		}
		a, err := ReadMarkdownArticle(p)
		if err != nil {
			return nil, nil, err
		}
		arts = append(arts, a)
		lens[a.ID] = utf8.RuneCountInString(a.Body)
	}
	if len(arts) == 0 {
		return nil, nil, fmt.Errorf("%s: no articles (*.md)", dir)
	}
	facts, err := readGoldFacts(filepath.Join(dir, "facts.jsonl"))
	if err != nil {
		return nil, nil, err
	}
	for _, f := range facts {
		n, ok := lens[f.Doc]
		if !ok {
			return nil, nil, fmt.Errorf("facts.jsonl: fact %s/%s names no article in %s", f.Doc, f.ID, dir)
		}
		if f.ClaimSpan[0] < 0 || f.ClaimSpan[0] >= f.ClaimSpan[1] || f.ClaimSpan[1] > n {
			return nil, nil, fmt.Errorf("facts.jsonl: fact %s/%s: claim_span %v outside the body (%d code points)", f.Doc, f.ID, f.ClaimSpan, n)
		}
	}
	return arts, facts, nil
}

// ReadMarkdownArticle reads one Markdown article of an evaluation set: its body and id. The front matter is read here rather
// than with package corpus because it holds keys corpus does not know (license,
// retrieved); only "id" is used.
func ReadMarkdownArticle(p string) (FactArticle, error) {
	data, err := os.ReadFile(p)
	if err != nil {
		return FactArticle{}, err
	}
	a := FactArticle{Path: p, ID: strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))}
	body := data
	if bytes.HasPrefix(data, []byte("---\n")) {
		rest := data[4:]
		end := bytes.Index(rest, []byte("\n---\n"))
		if end < 0 {
			return a, fmt.Errorf("%s: front matter is never closed with a --- line", p)
		}
		for _, line := range strings.Split(string(rest[:end]), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "id" && strings.TrimSpace(v) != "" {
				a.ID = strings.TrimSpace(v)
			}
		}
		body = rest[end+len("\n---\n"):]
	}
	if !utf8.Valid(body) {
		return a, fmt.Errorf("%s: body is not valid UTF-8", p)
	}
	a.Body = string(body)
	return a, nil
}

func readGoldFacts(p string) ([]GoldFact, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []GoldFact
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var g GoldFact
		if err := json.Unmarshal([]byte(line), &g); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", p, n, err)
		}
		out = append(out, g)
	}
	return out, sc.Err()
}

// speakerWords splits a name into lower-case words for matching: letters and digits,
// with curly apostrophes made straight, a possessive 's kept on its word ("Gaza's"),
// and a leading "the" dropped.
func speakerWords(s string) []string {
	s = strings.ToLower(strings.ReplaceAll(s, "’", "'"))
	ws := strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
	for i := range ws {
		ws[i] = strings.Trim(ws[i], "'")
	}
	if len(ws) > 0 && ws[0] == "the" {
		ws = ws[1:]
	}
	return ws
}

// containsWords reports whether needle occurs in hay as a run of whole words.
func containsWords(hay, needle []string) bool {
	if len(needle) == 0 || len(needle) > len(hay) {
		return false
	}
	for i := 0; i+len(needle) <= len(hay); i++ {
		ok := true
		for j, w := range needle {
			if hay[i+j] != w {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// SpeakerMatches reports whether a predicted speaker name matches the gold speaker:
// compared case-insensitively as word sequences (curly apostrophes straightened, a
// leading "the" ignored), they are equal or one contains the other as whole words
// ("Lysak" matches "Sergiy Lysak", "military" matches "Ukraine's military", "Gaza"
// does not match "Gaza's health ministry" since "gaza's" is one word). Empty names
// never match.
func SpeakerMatches(pred, gold string) bool {
	p, g := speakerWords(pred), speakerWords(gold)
	return containsWords(p, g) || containsWords(g, p)
}

// normQualifier maps "more than", "more_than" and "More-Than" to "more_than".
func normQualifier(q string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(q), func(r rune) bool {
		return r == ' ' || r == '_' || r == '-'
	}), "_")
}

// QualifierMatches reports whether a predicted qualifier equals the gold one after
// normalization (case, and spaces, hyphens or underscores between words).
func QualifierMatches(pred, gold string) bool { return normQualifier(pred) == normQualifier(gold) }

// sameValue compares two figures with a relative tolerance of 1e-9.
func sameValue(a, b float64) bool {
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b))
}

// QuantityMatches reports whether q matches the gold value and, when gold qualifier
// is non-empty, the gold qualifier. A range matches at either end.
func QuantityMatches(q PredQuantity, value float64, qualifier string) bool {
	if !sameValue(q.Value, value) && (q.Max == nil || !sameValue(*q.Max, value)) {
		return false
	}
	return qualifier == "" || QualifierMatches(q.Qualifier, qualifier)
}

// factCheck is what the predictions overlapping one gold fact achieve.
type factCheck struct {
	span, speaker, value, found bool
	// wrongSpeaker: the fact has a gold speaker, no overlapping prediction names it,
	// and at least one names another speaker (a wrong speaker, not an unresolved one).
	wrongSpeaker bool
}

// checkFact applies the matching rule (see the package section comment) to one fact.
func checkFact(g GoldFact, preds []FactPrediction) factCheck {
	var c factCheck
	for _, p := range preds {
		if p.Start >= g.ClaimSpan[1] || g.ClaimSpan[0] >= p.End {
			continue
		}
		c.span = true
		sp := g.Speaker == "" || predSpeakerMatches(p, g)
		val := g.Value == nil || predValueMatches(p, *g.Value, deref(g.Qualifier))
		c.speaker = c.speaker || sp
		c.value = c.value || val
		c.found = c.found || (sp && val)
		c.wrongSpeaker = c.wrongSpeaker || (g.Speaker != "" && !sp && len(p.Speaker) > 0)
	}
	c.wrongSpeaker = c.wrongSpeaker && !c.speaker
	return c
}

func predSpeakerMatches(p FactPrediction, g GoldFact) bool {
	golds := append([]string{g.Speaker}, g.SpeakerAliases...)
	for _, n := range p.Speaker {
		for _, gs := range golds {
			if SpeakerMatches(n, gs) {
				return true
			}
		}
	}
	return false
}

func predValueMatches(p FactPrediction, value float64, qualifier string) bool {
	for _, q := range p.Quantities {
		if QuantityMatches(q, value, qualifier) {
			return true
		}
	}
	return false
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// FactCounts are the counts of one article or of the whole set.
type FactCounts struct {
	Total, Found int
	SpanFound    int
	SpeakerTotal int // facts with a gold speaker
	SpeakerRight int
	// SpeakerWrong counts the facts with a gold speaker whose overlapping predictions
	// name some speaker but never the right one: the precision errors, worse than an
	// unresolved speaker (SpeakerTotal - SpeakerRight - SpeakerWrong).
	SpeakerWrong   int
	ValueTotal     int // facts with a gold value
	ValueRight     int
	MissingArticle bool `json:",omitempty"` // no prediction list was given for the article
}

func (c *FactCounts) add(g GoldFact, k factCheck) {
	c.Total++
	if k.found {
		c.Found++
	}
	if k.span {
		c.SpanFound++
	}
	if g.Speaker != "" {
		c.SpeakerTotal++
		if k.speaker {
			c.SpeakerRight++
		}
		if k.wrongSpeaker {
			c.SpeakerWrong++
		}
	}
	if g.Value != nil {
		c.ValueTotal++
		if k.value {
			c.ValueRight++
		}
	}
}

// FactsResult is the outcome of ScoreFacts: overall counts and counts per article.
type FactsResult struct {
	Overall FactCounts
	PerDoc  map[string]*FactCounts
}

// ScoreFacts scores predictions (by article id) against gold facts.
func ScoreFacts(gold []GoldFact, preds map[string][]FactPrediction) FactsResult {
	r := FactsResult{PerDoc: map[string]*FactCounts{}}
	for _, g := range gold {
		c := r.PerDoc[g.Doc]
		if c == nil {
			c = &FactCounts{}
			r.PerDoc[g.Doc] = c
		}
		ps, ok := preds[g.Doc]
		if !ok {
			c.MissingArticle = true
		}
		k := checkFact(g, ps)
		c.add(g, k)
		r.Overall.add(g, k)
	}
	return r
}

func ratio(n, d int) string {
	if d == 0 {
		return "    -"
	}
	return fmt.Sprintf("%5.1f%%", 100*float64(n)/float64(d))
}

func (c FactCounts) row(name string) string {
	return fmt.Sprintf("%-34s %3d/%-3d %s   span %3d/%-3d   speaker %3d/%-3d   value %3d/%-3d",
		name, c.Found, c.Total, ratio(c.Found, c.Total), c.SpanFound, c.Total,
		c.SpeakerRight, c.SpeakerTotal, c.ValueRight, c.ValueTotal)
}

// Print writes one line per article (sorted by id) and the overall line, with the
// found rate and the three components.
func (r FactsResult) Print(w io.Writer) {
	ids := make([]string, 0, len(r.PerDoc))
	for id := range r.PerDoc {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		c := *r.PerDoc[id]
		line := c.row(id)
		if c.MissingArticle {
			line += "   (no prediction for this article)"
		}
		fmt.Fprintln(w, line)
	}
	r.PrintOverall(w)
}

// PrintOverall writes the overall line and the summary line only: the figures of a set
// whose articles one should not look at one by one (a part kept unseen while tuning).
func (r FactsResult) PrintOverall(w io.Writer) {
	fmt.Fprintln(w, r.Overall.row("OVERALL"))
	o := r.Overall
	fmt.Fprintf(w, "facts found %d/%d (%s); span found %s, speaker right %s of %d with a speaker (%d right, %d wrong, %d unresolved), value right %s of %d with a value\n",
		o.Found, o.Total, strings.TrimSpace(ratio(o.Found, o.Total)),
		strings.TrimSpace(ratio(o.SpanFound, o.Total)),
		strings.TrimSpace(ratio(o.SpeakerRight, o.SpeakerTotal)), o.SpeakerTotal,
		o.SpeakerRight, o.SpeakerWrong, o.SpeakerTotal-o.SpeakerRight-o.SpeakerWrong,
		strings.TrimSpace(ratio(o.ValueRight, o.ValueTotal)), o.ValueTotal)
}

// FactMiss is a gold fact that no prediction finds, with what the predictions that
// overlap it got right (span, speaker, value) and those predictions: what a rule writer
// reads to see why a fact was lost (wrong speaker, no figure, no claim at all).
type FactMiss struct {
	Fact                 GoldFact
	Span, Speaker, Value bool
	Overlapping          []FactPrediction
}

// MissedFacts lists the gold facts that ScoreFacts counts as not found, in gold order.
// It is for tuning sets only: listing the misses of a set kept unseen defeats it.
func MissedFacts(gold []GoldFact, preds map[string][]FactPrediction) []FactMiss {
	var out []FactMiss
	for _, g := range gold {
		k := checkFact(g, preds[g.Doc])
		if k.found {
			continue
		}
		m := FactMiss{Fact: g, Span: k.span, Speaker: k.speaker, Value: k.value}
		for _, p := range preds[g.Doc] {
			if p.Start < g.ClaimSpan[1] && g.ClaimSpan[0] < p.End {
				m.Overlapping = append(m.Overlapping, p)
			}
		}
		out = append(out, m)
	}
	return out
}

// PrintMisses writes one block per missed fact: the gold fact, which components failed,
// and the speakers and figures of the overlapping predictions.
func PrintMisses(w io.Writer, misses []FactMiss) {
	mark := func(ok bool, name string) string {
		if ok {
			return name + " ok"
		}
		return name + " MISS"
	}
	for _, m := range misses {
		g := m.Fact
		val := "-"
		if g.Value != nil {
			val = fmt.Sprintf("%g %s", *g.Value, deref(g.Qualifier))
		}
		fmt.Fprintf(w, "%s/%s  %s, %s, %s\n  claim %q\n  gold speaker %q value %s\n", g.Doc, g.ID,
			mark(m.Span, "span"), mark(m.Speaker, "speaker"), mark(m.Value, "value"), g.Claim, g.Speaker, strings.TrimSpace(val))
		for _, p := range m.Overlapping {
			qs := make([]string, 0, len(p.Quantities))
			for _, q := range p.Quantities {
				s := fmt.Sprintf("%g", q.Value)
				if q.Max != nil {
					s += fmt.Sprintf("-%g", *q.Max)
				}
				if q.Qualifier != "" {
					s += " " + q.Qualifier
				}
				qs = append(qs, s)
			}
			fmt.Fprintf(w, "  pred [%d,%d) speaker %q figures %v\n", p.Start, p.End, p.Speaker, qs)
		}
	}
}
