// Package disputes scores the extractor's disputes against hand-annotated dispute
// cases (testdata/, format and annotation guidelines in testdata/README.md): precision
// and recall per dispute shape. Like extract/eval, it is scoring code kept out of the
// production package: extract must not import it. (It is a package of its own
// because extract still imports extract/eval for training, so extract/eval cannot
// import extract.)
//
// Every document listed in an annotation set is annotated exhaustively, so each
// predicted dispute in it that matches no gold case is a false positive.
//
// Matching rule. A predicted dispute matches a gold case of the same document when
//   - its disputer matches: one of the mentions (Document.Mentions) of the predicted
//     Disputer entity overlaps the gold disputer_span, or the entity's name or one of
//     its aliases equals the gold disputer text, case-insensitively. When the gold
//     case names the referent of a pronoun or nominal disputer (disputer_ref: "he" →
//     "Mr. Hannity"), the test is made against the referent instead (a mention
//     overlapping disputer_ref_span, or the name or an alias equal to
//     disputer_ref), so that "he" resolved to the wrong person does not count. A
//     gold case without a disputer (the article itself disputes) accepts any; a
//     predicted dispute in the article's own voice (Disputer "", extract.ArticleVoice)
//     matches only such a case, never a gold case with a disputer; and
//   - its claim matches: the span of the predicted Claim (the claim the dispute
//     targets) overlaps the gold claim_span (for anaphoric, relative and accusation
//     cases, the claim the anaphor or relative refers to), or the predicted claim has
//     the same words as the text at claim_span (claim ids are content-derived, so a
//     claim stated twice is kept at its first statement); when the gold claim_span is
//     null (the claim is not in the text), the predicted Cue overlaps the gold
//     cue_span instead.
//
// Predicted disputes with one cue, claim and target but different disputers
// (coordinated disputers: "Israel, the US and Germany questioned the figure") are one
// predicted dispute mention, whose disputer matches when any of theirs does.
//
// Counterclaim and figures cases also match a within-article conflict, a pair of
// claim spans of which one overlaps claim_span and the other other_claim_span (in
// either order); conflicts come from Hooks.Conflicts. Matching is one to
// one and maximum: as many gold cases as possible are found, each case taking the
// first free prediction that matches (disputes first, then conflicts) unless that
// would leave another case without one. A gold case left unmatched counts as a
// disputer-only match when some prediction's disputer matches and its cue lies in the
// sentence of the gold cue (the disputer is found, the claim is not).
//
// Spans overlap when they share at least one code point. Recall per shape is over the
// gold cases of that shape; precision per shape is over the predictions that
// Hooks.Shape assigns to it (conflicts count under the shape "conflict").
package disputes

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Shapes lists the dispute shapes of the shared vocabulary, in table order.
var Shapes = []string{"inline", "anaphoric", "relative", "rebuttal", "accusation", "counterclaim", "figures"}

// Case is one annotated dispute: one line of a disputes_*.jsonl file.
// Offsets are code points of the article text (universal newlines), end exclusive.
type Case struct {
	Doc          string  `json:"doc"`
	ID           string  `json:"id"`
	Shape        string  `json:"shape"`
	Disputer     string  `json:"disputer,omitempty"`
	DisputerSpan *[2]int `json:"disputer_span,omitempty"`
	DisputerForm string  `json:"disputer_form,omitempty"`
	// DisputerRef is the name a pronoun or nominal disputer refers to ("he" →
	// "Mr. Hannity"), where the text names it; the disputer then matches only an
	// entity that is this referent.
	DisputerRef     string  `json:"disputer_ref,omitempty"`
	DisputerRefSpan *[2]int `json:"disputer_ref_span,omitempty"`
	Cue             string  `json:"cue"`
	CueSpan         [2]int  `json:"cue_span"`
	Claim           string  `json:"claim"`
	ClaimSpan       *[2]int `json:"claim_span"`
	OtherClaim      string  `json:"other_claim,omitempty"`
	OtherClaimSpan  *[2]int `json:"other_claim_span,omitempty"`
	Note            string  `json:"note,omitempty"`
}

// Set is a set of exhaustively annotated documents and their dispute cases.
type Set struct {
	Docs  []string // document ids (PolNeAR file stems), sorted
	Cases []Case   // gold disputes, grouped by document
	// Negatives are annotated look-alikes that are not disputes (shape "none":
	// refusals, "did not dispute", rejecting a request); not gold, but a false
	// positive on one of them is counted apart (Result.NegativesHit).
	Negatives []Case
}

// Splits are the splits of the dispute annotations: tune (PolNeAR train
// articles, open to developers), report (dev articles, for reporting only) and
// check (train articles not in tune, annotated after the tune figures were
// taken, to check that a change to the rules generalizes beyond tune: measured,
// never tuned on).
var Splits = []string{"tune", "report", "check"}

// CombinedSplits are the splits that "all" merges: tune and report, the two
// the shared figures of issue 7 are given for (check is scored on its own, so a
// look at it is a deliberate act).
var CombinedSplits = []string{"tune", "report"}

// SplitPart names the PolNeAR part whose articles a split annotates.
var SplitPart = map[string]string{"tune": "train", "report": "dev", "check": "train"}

// Load reads the annotation set of one split from dir:
// documents_SPLIT.txt (one document id a line, # comments), disputes_SPLIT.jsonl and,
// when present, negatives_SPLIT.jsonl.
func Load(dir, split string) (Set, error) {
	docs, err := readDocList(filepath.Join(dir, "documents_"+split+".txt"))
	if err != nil {
		return Set{}, err
	}
	cases, err := ReadCases(filepath.Join(dir, "disputes_"+split+".jsonl"))
	if err != nil {
		return Set{}, err
	}
	set, err := NewSet(docs, cases)
	if err != nil {
		return Set{}, err
	}
	neg, err := ReadCases(filepath.Join(dir, "negatives_"+split+".jsonl"))
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return Set{}, err
	}
	set.Negatives = neg
	return set, nil
}

// LoadFile reads a single annotation file. When its name is disputes_NAME.jsonl,
// the files documents_NAME.txt (every article annotated, including those without a
// dispute) and negatives_NAME.jsonl next to it are read too when present, so a
// directory of halves (disputes_tune.jsonl, disputes_unseen.jsonl) is scored like a
// split.
func LoadFile(path string) (Set, error) {
	all, err := ReadCases(path)
	if err != nil {
		return Set{}, err
	}
	// annotated non-disputes (shape "none") in the same file are negatives, not gold
	var cases, inline []Case
	for _, c := range all {
		if c.Shape == "none" {
			inline = append(inline, c)
		} else {
			cases = append(cases, c)
		}
	}
	base := filepath.Base(path)
	name, ok := strings.CutPrefix(strings.TrimSuffix(base, ".jsonl"), "disputes_")
	if !ok || name == "" || !strings.HasSuffix(base, ".jsonl") {
		set, err := NewSet(nil, cases)
		set.Negatives = inline
		return set, err
	}
	dir := filepath.Dir(path)
	docs, err := readDocList(filepath.Join(dir, "documents_"+name+".txt"))
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return Set{}, err
	}
	set, err := NewSet(docs, cases)
	if err != nil {
		return Set{}, err
	}
	neg, err := ReadCases(filepath.Join(dir, "negatives_"+name+".jsonl"))
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return Set{}, err
	}
	set.Negatives = append(inline, neg...)
	return set, nil
}

// NewSet builds a set from document ids and cases; the documents of the cases
// are added to docs. It fails on a case without a document or cue span.
func NewSet(docs []string, cases []Case) (Set, error) {
	seen := map[string]bool{}
	for _, d := range docs {
		seen[d] = true
	}
	for _, c := range cases {
		if c.Doc == "" || c.CueSpan[1] <= c.CueSpan[0] {
			return Set{}, fmt.Errorf("dispute case %q/%q: missing document or cue span", c.Doc, c.ID)
		}
		if !seen[c.Doc] {
			seen[c.Doc] = true
			docs = append(docs, c.Doc)
		}
	}
	out := append([]string(nil), docs...)
	sort.Strings(out)
	return Set{Docs: out, Cases: cases}, nil
}

// Merge returns the union of two sets (documents deduplicated, cases appended).
func (s Set) Merge(o Set) Set {
	m, _ := NewSet(append(append([]string(nil), s.Docs...), o.Docs...), append(append([]Case(nil), s.Cases...), o.Cases...))
	m.Negatives = append(append([]Case(nil), s.Negatives...), o.Negatives...)
	return m
}

func readDocList(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var docs []string
	for _, l := range strings.Split(string(b), "\n") {
		l = strings.TrimSpace(l)
		if l != "" && !strings.HasPrefix(l, "#") {
			docs = append(docs, l)
		}
	}
	return docs, nil
}

// ReadCases reads a JSON Lines file of dispute cases (blank lines skipped).
func ReadCases(path string) ([]Case, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return DecodeCases(f)
}

// DecodeCases reads dispute cases as JSON Lines from r.
func DecodeCases(r io.Reader) ([]Case, error) {
	var cases []Case
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var c Case
		if err := json.Unmarshal([]byte(line), &c); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		cases = append(cases, c)
	}
	return cases, sc.Err()
}

// CheckCaseSpans reports the first span of c whose text (runes of the article) is not
// the text written in c, or nil when every span matches.
func CheckCaseSpans(c Case, text []rune) error {
	check := func(what, want string, sp *[2]int) error {
		if sp == nil {
			return nil
		}
		if sp[0] < 0 || sp[1] > len(text) || sp[0] >= sp[1] {
			return fmt.Errorf("%s/%s: %s span %v outside the text", c.Doc, c.ID, what, *sp)
		}
		if got := string(text[sp[0]:sp[1]]); got != want {
			return fmt.Errorf("%s/%s: %s span %v is %q, annotation says %q", c.Doc, c.ID, what, *sp, got, want)
		}
		return nil
	}
	cue := c.CueSpan
	for _, x := range []struct {
		what, want string
		sp         *[2]int
	}{{"disputer", c.Disputer, c.DisputerSpan}, {"disputer_ref", c.DisputerRef, c.DisputerRefSpan}, {"cue", c.Cue, &cue}, {"claim", c.Claim, c.ClaimSpan}, {"other_claim", c.OtherClaim, c.OtherClaimSpan}} {
		if err := check(x.what, x.want, x.sp); err != nil {
			return err
		}
	}
	return nil
}
