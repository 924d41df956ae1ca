// Package eval scores attribution extraction against PolNeAR-format gold (brat
// standoff), with exactly the matching rule and metrics of the reference scorer
// ../shared/tools/score_attrib.py:
//
//   - a prediction matches a gold attribution when their cue spans share a word token
//     and their content spans share a word token; matching is one-to-one, greedy by
//     the number of shared content tokens (ties: higher gold index, then higher
//     prediction index first, as Python's reverse sort of (overlap, i, j) does);
//   - attribution P/R/F1 counts matched pairs; source P/R/F1 counts matched pairs
//     whose source spans share a token, over predictions / golds with a source;
//   - content token P/R/F1 over matched pairs' content tokens, unmatched gold content
//     tokens counting as misses and unmatched predicted ones as false alarms;
//   - exact P/R/F1 of sources, cues and contents compared as sets of spans per document,
//     edges trimmed of spaces, quotation marks and . , : ; (regardless of relations).
//
// A word token is a maximal run of \w characters (Python's Unicode \w: letters,
// numbers, underscore) inside the span; a span without any (a ":" cue) is represented
// by its non-space characters.
package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Frag is one piece [Start, End) of a span, in code points.
type Frag struct{ Start, End int }

// Attr is one attribution as the scorer sees it: spans as fragment lists; Source nil
// when absent.
type Attr struct {
	Cue, Content, Source []Frag
}

// Doc is one gold document: its text as code points and its gold attributions.
type Doc struct {
	Name  string
	Text  []rune
	Attrs []Attr
	// AnnFile is the name of the annotation file read (under DIR/attributions), so
	// that tools can rebuild a directory of some of the documents.
	AnnFile string
}

// LoadGold reads DIR/text/NAME.txt and DIR/attributions/NAME_ANNOTATOR.ann, using for
// each NAME the first annotator file by sorted file name. Texts are read as Python's
// text mode does (\r\n and \r become \n). Documents come back sorted by name.
func LoadGold(dir string) ([]Doc, error) {
	annDir := filepath.Join(dir, "attributions")
	ents, err := os.ReadDir(annDir)
	if err != nil {
		return nil, err
	}
	names := make([]string, 0, len(ents))
	for _, e := range ents {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	chosen := map[string]string{}
	var order []string
	for _, fn := range names {
		name := fn
		if i := strings.LastIndex(fn, "_"); i >= 0 {
			name = fn[:i]
		}
		if _, ok := chosen[name]; !ok {
			chosen[name] = fn
			order = append(order, name)
		}
	}
	sort.Strings(order)
	docs := make([]Doc, 0, len(order))
	for _, name := range order {
		b, err := os.ReadFile(filepath.Join(dir, "text", name+".txt"))
		if err != nil {
			return nil, err
		}
		ann, err := os.ReadFile(filepath.Join(annDir, chosen[name]))
		if err != nil {
			return nil, err
		}
		attrs, err := ParseAnn(string(ann))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", chosen[name], err)
		}
		docs = append(docs, Doc{Name: name, Text: []rune(UniversalNewlines(string(b))), Attrs: attrs, AnnFile: chosen[name]})
	}
	return docs, nil
}

// UniversalNewlines turns \r\n and lone \r into \n, as Python's text mode does.
func UniversalNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// ParseAnn reads brat standoff: T lines (spans, possibly discontinuous) and E lines
// (relations: Attribution:T Cue:T Content:T Source:T). Relations without a cue or a
// content are skipped; a later argument with the same role replaces an earlier one.
func ParseAnn(ann string) ([]Attr, error) {
	spans := map[string][]Frag{}
	var rels []map[string]string
	for _, line := range strings.Split(ann, "\n") {
		line = strings.TrimSuffix(line, "\r")
		switch {
		case strings.HasPrefix(line, "T"):
			parts := strings.Split(line, "\t")
			if len(parts) < 2 {
				continue
			}
			_, offs, ok := strings.Cut(parts[1], " ")
			if !ok {
				continue
			}
			var frags []Frag
			for _, fr := range strings.Split(offs, ";") {
				f := strings.Fields(fr)
				if len(f) != 2 {
					return nil, fmt.Errorf("bad span %q", line)
				}
				a, err1 := strconv.Atoi(f[0])
				b, err2 := strconv.Atoi(f[1])
				if err1 != nil || err2 != nil {
					return nil, fmt.Errorf("bad span %q", line)
				}
				frags = append(frags, Frag{a, b})
			}
			spans[parts[0]] = frags
		case strings.HasPrefix(line, "E"):
			parts := strings.Split(line, "\t")
			if len(parts) < 2 {
				return nil, fmt.Errorf("bad relation %q", line)
			}
			args := map[string]string{}
			f := strings.Fields(parts[1])
			for _, p := range f[min(1, len(f)):] {
				k, v, ok := strings.Cut(p, ":")
				if !ok {
					return nil, fmt.Errorf("bad relation %q", line)
				}
				args[k] = v
			}
			rels = append(rels, args)
		}
	}
	var out []Attr
	for _, r := range rels {
		cue, okc := r["Cue"]
		content, okx := r["Content"]
		if !okc || !okx {
			continue
		}
		cs, ok1 := spans[cue]
		xs, ok2 := spans[content]
		if !ok1 || !ok2 {
			return nil, fmt.Errorf("relation refers to missing span %v", r)
		}
		a := Attr{Cue: cs, Content: xs}
		if s, ok := r["Source"]; ok {
			if ss, ok := spans[s]; ok {
				a.Source = ss
			}
		}
		out = append(out, a)
	}
	return out, nil
}

// isWord is Python's Unicode \w: alphanumeric (letters, numbers) or underscore.
func isWord(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
}

// isPySpace is Python's str.isspace.
func isPySpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

// tokenSet is the set of word-token starts covered by frags; a fragment without any
// word contributes -1-i for each non-space character i.
func tokenSet(text []rune, frags []Frag) map[int]struct{} {
	out := map[int]struct{}{}
	for _, f := range frags {
		s, e := clamp(f.Start, len(text)), clamp(f.End, len(text))
		found := false
		for i := s; i < e; i++ {
			if isWord(text[i]) && (i == s || !isWord(text[i-1])) {
				out[i] = struct{}{}
				found = true
			}
		}
		if !found {
			for i := s; i < e; i++ {
				if !isPySpace(text[i]) {
					out[-1-i] = struct{}{}
				}
			}
		}
	}
	return out
}

func clamp(x, n int) int {
	if x < 0 {
		return 0
	}
	if x > n {
		return n
	}
	return x
}

const trimChars = " \t\n\r\"'\u201c\u201d\u2018\u2019.,:;"

// ExactKey is a span's identity for exact matching: fragments with edge spaces,
// quotation marks and . , : ; trimmed, empty fragments dropped.
func ExactKey(text []rune, frags []Frag) string {
	var b strings.Builder
	for _, f := range frags {
		s, e := f.Start, f.End
		for s < e && s >= 0 && s < len(text) && strings.ContainsRune(trimChars, text[s]) {
			s++
		}
		for e > s && e-1 < len(text) && e-1 >= 0 && strings.ContainsRune(trimChars, text[e-1]) {
			e--
		}
		if s < e {
			fmt.Fprintf(&b, "%d-%d;", s, e)
		}
	}
	return b.String()
}

func inter(a, b map[int]struct{}) int {
	if len(a) > len(b) {
		a, b = b, a
	}
	n := 0
	for k := range a {
		if _, ok := b[k]; ok {
			n++
		}
	}
	return n
}

// PRF is precision, recall and F1.
type PRF struct {
	P float64 `json:"p"`
	R float64 `json:"r"`
	F float64 `json:"f1"`
}

func prf(tp, np, ng int) PRF {
	var p, r, f float64
	if np > 0 {
		p = float64(tp) / float64(np)
	}
	if ng > 0 {
		r = float64(tp) / float64(ng)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return PRF{p, r, f}
}

// Result holds the counts and figures the reference scorer prints.
type Result struct {
	Documents    int            `json:"documents"`
	MissingDocs  int            `json:"documents_without_prediction"`
	Gold         int            `json:"gold"`
	Predicted    int            `json:"predicted"`
	Matched      int            `json:"matched"`
	Attribution  PRF            `json:"attribution"`
	Source       PRF            `json:"source"`
	ContentToken PRF            `json:"content_token"`
	Exact        map[string]PRF `json:"exact"`
}

// exactKinds are the span kinds scored by exact match, in the order they are printed.
var exactKinds = [...]string{"source", "cue", "content"}

// spanOf returns an attribution's fragments of one exact kind.
func spanOf(a Attr, kind string) []Frag {
	switch kind {
	case "source":
		return a.Source
	case "cue":
		return a.Cue
	}
	return a.Content
}

// tally accumulates the reference scorer's counts over documents.
type tally struct {
	gold, pred, match, missing int
	goldSrc, predSrc, okSrc    int
	tokTP, tokFP, tokFN        int
	exact                      [len(exactKinds)][3]int // matched, predicted, gold
}

// attrTokens are the token sets of one attribution's cue, content and source.
type attrTokens struct{ cue, content, source map[int]struct{} }

func tokensOf(text []rune, a Attr) attrTokens {
	t := attrTokens{cue: tokenSet(text, a.Cue), content: tokenSet(text, a.Content)}
	if len(a.Source) > 0 {
		t.source = tokenSet(text, a.Source)
	}
	return t
}

// Score scores predictions (by document name, the text file name without .txt)
// against gold. Predictions without a cue or a content are ignored, as in the
// reference scorer.
func Score(gold []Doc, preds map[string][]Attr) Result {
	var t tally
	for _, doc := range gold {
		pl, ok := preds[doc.Name]
		if !ok {
			t.missing++
		}
		var ps []Attr
		for _, p := range pl {
			if len(p.Cue) > 0 && len(p.Content) > 0 {
				ps = append(ps, p)
			}
		}
		t.add(doc.Text, doc.Attrs, ps)
	}
	return t.result(len(gold))
}

// add counts one document's gold and scoreable predictions.
func (t *tally) add(text []rune, golds, ps []Attr) {
	t.gold += len(golds)
	t.pred += len(ps)
	for _, g := range golds {
		if len(g.Source) > 0 {
			t.goldSrc++
		}
	}
	for _, p := range ps {
		if len(p.Source) > 0 {
			t.predSrc++
		}
	}
	for k, kind := range exactKinds {
		t.addExact(k, exactKeys(text, golds, kind), exactKeys(text, ps, kind))
	}
	gt := make([]attrTokens, len(golds))
	for i, g := range golds {
		gt[i] = tokensOf(text, g)
	}
	pt := make([]attrTokens, len(ps))
	for j, p := range ps {
		pt[j] = tokensOf(text, p)
	}
	t.addMatches(gt, pt)
}

// exactKeys returns the exact-match keys of one kind of span of the attributions.
func exactKeys(text []rune, as []Attr, kind string) map[string]bool {
	keys := map[string]bool{}
	for _, a := range as {
		if f := spanOf(a, kind); len(f) > 0 {
			if key := ExactKey(text, f); key != "" {
				keys[key] = true
			}
		}
	}
	return keys
}

func (t *tally) addExact(k int, gk, pk map[string]bool) {
	for key := range pk {
		if gk[key] {
			t.exact[k][0]++
		}
	}
	t.exact[k][1] += len(pk)
	t.exact[k][2] += len(gk)
}

// addMatches pairs gold and predicted attributions one to one, greedily by content
// overlap among pairs whose cues overlap (ties: later gold, then later prediction
// first, as the reference scorer does), and counts the matched pairs' sources and
// content tokens; unmatched attributions' content tokens are misses or false alarms.
func (t *tally) addMatches(gt, pt []attrTokens) {
	type cand struct{ ov, i, j int }
	var cands []cand
	for i, g := range gt {
		for j, p := range pt {
			if inter(g.cue, p.cue) > 0 {
				if ov := inter(g.content, p.content); ov > 0 {
					cands = append(cands, cand{ov, i, j})
				}
			}
		}
	}
	sort.Slice(cands, func(a, b int) bool {
		x, y := cands[a], cands[b]
		if x.ov != y.ov {
			return x.ov > y.ov
		}
		if x.i != y.i {
			return x.i > y.i
		}
		return x.j > y.j
	})
	usedG := make([]bool, len(gt))
	usedP := make([]bool, len(pt))
	for _, c := range cands {
		if usedG[c.i] || usedP[c.j] {
			continue
		}
		usedG[c.i], usedP[c.j] = true, true
		t.match++
		gx, px := gt[c.i].content, pt[c.j].content
		both := inter(gx, px)
		t.tokTP += both
		t.tokFP += len(px) - both
		t.tokFN += len(gx) - both
		if len(gt[c.i].source) > 0 && len(pt[c.j].source) > 0 && inter(gt[c.i].source, pt[c.j].source) > 0 {
			t.okSrc++
		}
	}
	for i := range gt {
		if !usedG[i] {
			t.tokFN += len(gt[i].content)
		}
	}
	for j := range pt {
		if !usedP[j] {
			t.tokFP += len(pt[j].content)
		}
	}
}

// result turns the counts into the scorer's figures.
func (t *tally) result(docs int) Result {
	res := Result{Documents: docs, MissingDocs: t.missing, Gold: t.gold, Predicted: t.pred, Matched: t.match,
		Attribution: prf(t.match, t.pred, t.gold), Source: prf(t.okSrc, t.predSrc, t.goldSrc), Exact: map[string]PRF{}}
	var tp, tr, tf float64
	if t.tokTP+t.tokFP > 0 {
		tp = float64(t.tokTP) / float64(t.tokTP+t.tokFP)
	}
	if t.tokTP+t.tokFN > 0 {
		tr = float64(t.tokTP) / float64(t.tokTP+t.tokFN)
	}
	if tp+tr > 0 {
		tf = 2 * tp * tr / (tp + tr)
	}
	res.ContentToken = PRF{tp, tr, tf}
	for k, kind := range exactKinds {
		e := t.exact[k]
		res.Exact[kind] = prf(e[0], e[1], e[2])
	}
	return res
}

// Print writes the report in the reference scorer's format, summary line last.
func (r Result) Print(w io.Writer) {
	fmt.Fprintf(w, "documents %d (without prediction: %d)\n", r.Documents, r.MissingDocs)
	fmt.Fprintf(w, "attributions gold %d predicted %d matched %d\n", r.Gold, r.Predicted, r.Matched)
	fmt.Fprintf(w, "attribution P %.3f R %.3f F1 %.3f\n", r.Attribution.P, r.Attribution.R, r.Attribution.F)
	fmt.Fprintf(w, "source      P %.3f R %.3f F1 %.3f\n", r.Source.P, r.Source.R, r.Source.F)
	fmt.Fprintf(w, "content tok P %.3f R %.3f F1 %.3f\n", r.ContentToken.P, r.ContentToken.R, r.ContentToken.F)
	for _, k := range exactKinds {
		e := r.Exact[k]
		fmt.Fprintf(w, "exact %-7s P %.3f R %.3f F1 %.3f\n", k, e.P, e.R, e.F)
	}
	fmt.Fprintf(w, "summary attribution_f1=%.3f source_f1=%.3f content_token_f1=%.3f exact_source_f1=%.3f exact_cue_f1=%.3f exact_content_f1=%.3f\n",
		r.Attribution.F, r.Source.F, r.ContentToken.F, r.Exact["source"].F, r.Exact["cue"].F, r.Exact["content"].F)
}

// PredSpan is a span in the prediction JSON format.
type PredSpan struct {
	Start     int      `json:"start"`
	End       int      `json:"end"`
	Fragments [][2]int `json:"fragments,omitempty"`
}

// PredAttr is one predicted attribution in the prediction JSON format.
type PredAttr struct {
	Cue     *PredSpan `json:"cue"`
	Source  *PredSpan `json:"source"`
	Content *PredSpan `json:"content"`
}

// PredLine is one line of a prediction JSONL file, the reference scorer's input.
type PredLine struct {
	Path         string     `json:"path"`
	Attributions []PredAttr `json:"attributions"`
}

// Frags turns a prediction span into fragments (nil for a nil span).
func (s *PredSpan) Frags() []Frag {
	if s == nil {
		return nil
	}
	if len(s.Fragments) > 0 {
		out := make([]Frag, len(s.Fragments))
		for i, f := range s.Fragments {
			out[i] = Frag{f[0], f[1]}
		}
		return out
	}
	return []Frag{{s.Start, s.End}}
}

// ToAttrs converts a prediction line's attributions for Score.
func (l PredLine) ToAttrs() []Attr {
	out := make([]Attr, 0, len(l.Attributions))
	for _, a := range l.Attributions {
		out = append(out, Attr{Cue: a.Cue.Frags(), Content: a.Content.Frags(), Source: a.Source.Frags()})
	}
	return out
}

// DocName is the name the scorer files predictions under: the path's base name without
// .txt.
func DocName(path string) string {
	return strings.TrimSuffix(filepath.Base(path), ".txt")
}

// ReadPreds reads a prediction JSONL file; a later line for the same document replaces
// an earlier one.
func ReadPreds(r io.Reader) (map[string][]Attr, error) {
	out := map[string][]Attr{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<30)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var l PredLine
		if err := json.Unmarshal([]byte(line), &l); err != nil {
			return nil, err
		}
		out[DocName(l.Path)] = l.ToAttrs()
	}
	return out, sc.Err()
}
