package extract

import (
	"bytes"
	"embed"
	"math"
	"os"
	"sort"
	"strconv"
	"sync"

	"github.com/claimgraph/claimgraph/extract/eval"
	"github.com/claimgraph/claimgraph/extract/internal/attribml"
)

// Attribution extraction in two learned steps (models trained on PolNeAR train by
// `go run ./extract/internal/train`, embedded from models/):
//
//  1. the cue tagger labels every sentence's tokens B/I/O for attribution cues
//     ("said", "according to", "told", ":", "said in a statement", ...);
//  2. for each cue the role tagger labels the tokens of the cue's context (its
//     sentence, widened over a quotation that runs across sentences) as source,
//     content or outside, so that the source and content spans come out of one
//     Viterbi pass. Content may come out in several pieces (a split quote) and is then
//     reported with Fragments.
//
// Rule-based post-processing (attrib_rules.go) adds the raw agency spans (ViaSpans)
// and the kind (direct, reported, mixed).

// cueBias is added to the score of a cue's first token when decoding: the perceptron
// is tuned for accuracy per sentence, and a small push towards cues trades a little
// precision for more recall (tuned on PolNeAR dev; F1 is flat between 3 and 8). The
// environment variable CG_CUE_BIAS overrides it, for tuning only.
const cueBias = 4

// Feature-hash sizes of the two models (buckets = 1 << bits).
const (
	CueBits  = 19
	RoleBits = 19
)

//go:embed models/cue.model.gz models/role.model.gz
var modelFS embed.FS

var (
	modelOnce           sync.Once
	cueModel, roleModel *attribml.Model
)

func loadModels() {
	load := func(name string) *attribml.Model {
		b, err := modelFS.ReadFile("models/" + name)
		if err != nil {
			panic("extract: missing embedded model " + name + ": " + err.Error())
		}
		m, err := attribml.Read(bytes.NewReader(b))
		if err != nil {
			panic("extract: bad embedded model " + name + " (rebuild with go run ./extract/internal/train): " + err.Error())
		}
		return m
	}
	cueModel = load("cue.model.gz")
	roleModel = load("role.model.gz")
	cueModel.Bias = make([]float32, attribml.CueNT)
	cueModel.Bias[attribml.CueB] = cueBias
	if v, err := strconv.ParseFloat(os.Getenv("CG_CUE_BIAS"), 32); err == nil {
		cueModel.Bias[attribml.CueB] = float32(v)
	}
}

// attribToks builds the feature view of the document's tokens.
func attribToks(d *Document) []attribml.Tok {
	n := len(d.Tokens)
	texts := make([]string, n)
	lowers := make([]string, n)
	kinds := make([]uint8, n)
	para := make([]int, n)
	for i, t := range d.Tokens {
		texts[i], lowers[i], kinds[i] = t.Text, t.Lower, uint8(t.Kind)
	}
	for _, s := range d.Sentences {
		for i := s.First; i < s.Last; i++ {
			para[i] = s.Paragraph
		}
	}
	return attribml.MakeToks(texts, lowers, kinds, para)
}

// sentenceOf returns, for each token, the index of its sentence.
func sentenceOf(d *Document) []int {
	out := make([]int, len(d.Tokens))
	for si, s := range d.Sentences {
		for i := s.First; i < s.Last; i++ {
			out[i] = si
		}
	}
	return out
}

// maxContextSentences bounds how far a context widens, keeping the cost linear.
const maxContextSentences = 6

// context returns the sentence range [s0, s1) whose tokens form the context of a cue
// in sentence si: the sentence itself, widened backwards while the sentence starts
// inside a quotation that began earlier, and forwards over sentences that go on with
// a quotation or open a new one, within the paragraph or across a paragraph break
// that a quotation runs over (or that follows a colon).
func context(d *Document, toks []attribml.Tok, si int) (int, int) {
	s0, s1 := si, si+1
	for s0 > 0 && si-s0 < maxContextSentences {
		s := d.Sentences[s0]
		p := d.Sentences[s0-1]
		if p.Paragraph != s.Paragraph {
			if !quoteRunsOn(d, toks, p, s) {
				break
			}
		} else if !continuesQuote(d, toks, s.First) {
			break
		}
		s0--
	}
	for s1 < len(d.Sentences) && s1-si < maxContextSentences {
		s := d.Sentences[s1]
		p := d.Sentences[s1-1]
		if p.Paragraph != s.Paragraph && !(toks[p.Last-1].Colon && opensQuote(d, s.First)) && !quoteRunsOn(d, toks, p, s) {
			break
		}
		// a quotation going on, a new one opening right after ("X," he said. "Y."),
		// or a sentence ending in a colon
		if !continuesQuote(d, toks, s.First) && !opensQuote(d, s.First) && !toks[p.Last-1].Colon {
			break
		}
		s1++
	}
	return s0, s1
}

// Bounds of a cue's context in tokens before and after the cue, so that the cost per
// cue stays constant however long a sentence is (a 10 MB line without punctuation is
// one sentence).
const (
	maxBefore = 150
	maxAfter  = 300
)

// cueWindow returns the token range [lo, hi) of the context of the cue at tokens
// [a, b) in sentence si, at most before tokens before the cue and after tokens after.
func cueWindow(d *Document, toks []attribml.Tok, si, a, b, before, after int) (int, int) {
	s0, s1 := context(d, toks, si)
	lo, hi := d.Sentences[s0].First, d.Sentences[s1-1].Last
	if lo < a-before {
		lo = a - before
	}
	if hi > b+after {
		hi = b + after
	}
	return lo, hi
}

// longContext is the context length (tokens) beyond which windowBudget applies; news
// contexts (a sentence or a few) are shorter.
const longContext = 400

// windowBudget shrinks the bounds of contexts longer than longContext when cues are
// so dense (adversarial input, such as "he said" repeated over a 10 MB line without a
// full stop) that full windows would cost more than about 3 tokens of role tagging per
// token of text.
func windowBudget(ntoks, ncues int) (before, after int) {
	if ncues == 0 {
		return maxBefore, maxAfter
	}
	budget := 3 * ntoks / ncues
	before = min(maxBefore, max(8, budget/3))
	after = min(maxAfter, max(16, budget-before))
	return before, after
}

// quoteRunsOn reports whether a quotation runs on from the paragraph ending with
// sentence p into the paragraph starting with sentence s: news style leaves the
// closing mark off at the paragraph end and opens the next paragraph with a new one.
func quoteRunsOn(d *Document, toks []attribml.Tok, p, s Sentence) bool {
	last := p.Last - 1
	return toks[last].InQuote && d.Tokens[last].Kind != TokQuote && opensQuote(d, s.First)
}

// continuesQuote reports whether the token at i is inside a quotation opened before
// it (not by it).
func continuesQuote(d *Document, toks []attribml.Tok, i int) bool {
	if i <= 0 || i >= len(toks) || !toks[i].InQuote {
		return false
	}
	return toks[i-1].InQuote && !isClosingQuote(d.Tokens[i-1].Text)
}

// opensQuote reports whether the token at i is an opening quotation mark.
func opensQuote(d *Document, i int) bool {
	switch d.Tokens[i].Text {
	case "\u201c", "\u00ab", "\u201e", "\"", "''", "``":
		return true
	}
	return false
}

func isClosingQuote(s string) bool { return s == "\u201d" || s == "\u00bb" }

// findAttributions fills d.Attributions.
func findAttributions(d *Document) {
	if len(d.Tokens) == 0 {
		return
	}
	modelOnce.Do(loadModels)
	toks := attribToks(d)
	var buf []uint32
	var feats [][]uint32
	var emit []float32
	var tags []uint8
	var sc attribml.Scratch
	type cue struct{ a, b, si int }
	var cues []cue
	cueConf := map[int]float64{}
	for si, s := range d.Sentences {
		ts := toks[s.First:s.Last]
		buf, feats = attribml.CueFeatures(ts, cueModel.Mask(), buf, feats)
		emit, tags = cueModel.Viterbi(feats, nil, attribml.CueForbid, emit, tags, &sc)
		for i := 0; i < len(tags); i++ {
			if tags[i] != attribml.CueB {
				continue
			}
			j := i + 1
			for j < len(tags) && tags[j] == attribml.CueI {
				j++
			}
			cues = append(cues, cue{s.First + i, s.First + j, si})
			cueConf[s.First+i] = cueConfidence(cueModel, emit, tags, i)
			i = j - 1
		}
	}
	allowed := []uint16{}
	before, after := windowBudget(len(toks), len(cues))
	for _, c := range cues {
		lo, hi := cueWindow(d, toks, c.si, c.a, c.b, maxBefore, maxAfter)
		if hi-lo > longContext {
			lo, hi = cueWindow(d, toks, c.si, c.a, c.b, before, after)
		}
		ts := toks[lo:hi]
		buf, feats = attribml.RoleFeatures(ts, c.a-lo, c.b-lo, roleModel.Mask(), buf, feats)
		allowed = allowed[:0]
		for i := lo; i < hi; i++ {
			if i >= c.a && i < c.b {
				allowed = append(allowed, 1<<attribml.RoleK)
			} else {
				allowed = append(allowed, 1<<attribml.RoleO|1<<attribml.RoleS|1<<attribml.RoleC)
			}
		}
		emit, tags = roleModel.Viterbi(feats, allowed, nil, emit, tags, &sc)
		a, ok := buildAttribution(d, toks, lo, tags, c.a, c.b)
		if !ok {
			continue
		}
		a.Confidence = cueConf[c.a]
		a.Sentence = Span{Start: d.Tokens[lo].Start, End: d.Tokens[hi-1].End}
		d.Attributions = append(d.Attributions, a)
	}
	finishAttributions(d, toks)
}

// cueConfidence is the confidence of the cue starting at token i of a sentence whose
// decoded tags are tags: the logistic of how much better tagging i as B scores than
// the best alternative tag, counting the emissions and the transitions from the
// previous and to the next decoded tag.
func cueConfidence(m *attribml.Model, emit []float32, tags []uint8, i int) float64 {
	nt := m.NT
	local := func(t int) float32 {
		s := emit[i*nt+t]
		prev := nt
		if i > 0 {
			prev = int(tags[i-1])
		}
		s += m.Trans[prev*nt+t]
		if i+1 < len(tags) {
			s += m.Trans[t*nt+int(tags[i+1])]
		}
		return s
	}
	b := local(int(attribml.CueB))
	best := float32(math.Inf(-1))
	for t := 0; t < nt; t++ {
		if t == int(attribml.CueB) || (i+1 < len(tags) && tags[i+1] == attribml.CueI && t == int(attribml.CueO)) {
			continue
		}
		if v := local(t); v > best {
			best = v
		}
	}
	if math.IsInf(float64(best), -1) {
		return 0.99
	}
	return 1 / (1 + math.Exp(-float64(b-best)/8))
}

type run struct{ s, e int }

// dropUnquotedPiece handles a content found on both sides of the cue where one side
// is a quotation and the other has no quoted word at all: the quotation is the
// content and the other side is the rest of the sentence ("“…,” he said in his State
// of the Union"), so that side is dropped.
func dropUnquotedPiece(d *Document, toks []attribml.Tok, content []run, cue int) []run {
	if len(content) < 2 || content[0].s >= cue || content[len(content)-1].e <= cue {
		return content
	}
	quoted := func(rs []run) (in, out int) {
		for _, r := range rs {
			for i := r.s; i < r.e; i++ {
				if d.Tokens[i].Kind != TokWord && d.Tokens[i].Kind != TokNumber {
					continue
				}
				if toks[i].InQuote {
					in++
				} else {
					out++
				}
			}
		}
		return
	}
	k := 0
	for k < len(content) && content[k].e <= cue {
		k++
	}
	before, after := content[:k], content[k:]
	bi, bo := quoted(before)
	ai, ao := quoted(after)
	switch {
	case bi > 0 && bo == 0 && ai == 0:
		return before
	case ai > 0 && ao == 0 && bi == 0:
		return after
	}
	return content
}

// buildAttribution turns role tags over tokens [lo, lo+len(tags)) into an attribution
// for the cue at tokens [a, b). It reports false when no content was found.
func buildAttribution(d *Document, toks []attribml.Tok, lo int, tags []uint8, a, b int) (Attribution, bool) {
	runs := func(tag uint8) []run {
		var out []run
		for i := 0; i < len(tags); i++ {
			if tags[i] != tag {
				continue
			}
			j := i + 1
			for j < len(tags) && tags[j] == tag {
				j++
			}
			out = append(out, run{lo + i, lo + j})
			i = j - 1
		}
		return out
	}
	// Content pieces separated only by outside tokens are one piece: the tagger
	// sometimes drops a word or two inside a long content; real gaps hold the cue or
	// the source ("X," he said, "Y.").
	last := -1
	for i, t := range tags {
		if t != attribml.RoleC {
			continue
		}
		if last >= 0 && i-last > 1 {
			fill := true
			for k := last + 1; k < i; k++ {
				if tags[k] != attribml.RoleO {
					fill = false
					break
				}
			}
			if fill {
				for k := last + 1; k < i; k++ {
					tags[k] = attribml.RoleC
				}
			}
		}
		last = i
	}
	content := runs(attribml.RoleC)
	if len(content) == 0 {
		return Attribution{}, false
	}
	content = dropUnquotedPiece(d, toks, content, a)
	tk := d.Tokens
	at := Attribution{Cue: Span{Start: tk[a].Start, End: tk[b-1].End}}
	at.Content = Span{Start: tk[content[0].s].Start, End: tk[content[len(content)-1].e-1].End}
	if len(content) > 1 {
		for _, r := range content {
			at.Content.Fragments = append(at.Content.Fragments, [2]int{tk[r.s].Start, tk[r.e-1].End})
		}
	}
	if src := runs(attribml.RoleS); len(src) > 0 {
		best, bd := src[0], -1
		for _, r := range src {
			dist := a - r.e
			if r.s >= b {
				dist = r.s - b
			}
			if bd < 0 || dist < bd {
				best, bd = r, dist
			}
		}
		at.Source = &Span{Start: tk[best.s].Start, End: tk[best.e-1].End}
	}
	return at, true
}

// AlignStats counts how gold attributions align with tokens and contexts; the trainer
// prints it.
type AlignStats struct {
	Attrs, CueMissing, ContentOutside, SourceOutside, ContentBefore, ContentAfter int
}

// TrainingSequences builds the training sequences of the cue tagger (one per sentence)
// and of the role tagger (one per gold attribution) for document d with gold
// attributions gold. It is used by extract/internal/train and shares the features
// and contexts that findAttributions uses.
func TrainingSequences(d *Document, gold []eval.Attr, st *AlignStats) (cueSeqs, roleSeqs []attribml.Seq) {
	toks := attribToks(d)
	sentOf := sentenceOf(d)
	cueTag := make([]uint8, len(toks))
	tokIn := func(frags []eval.Frag) []int {
		var out []int
		for _, f := range frags {
			i := sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].End > f.Start })
			for ; i < len(d.Tokens) && d.Tokens[i].Start < f.End; i++ {
				out = append(out, i)
			}
		}
		sort.Ints(out)
		return out
	}
	mask := uint64(1)<<CueBits - 1
	rmask := uint64(1)<<RoleBits - 1
	for _, g := range gold {
		st.Attrs++
		ct := tokIn(g.Cue)
		if len(ct) == 0 {
			st.CueMissing++
			continue
		}
		for k, i := range ct {
			if k == 0 || ct[k-1] != i-1 {
				if cueTag[i] == attribml.CueO {
					cueTag[i] = attribml.CueB
				}
			} else if cueTag[i] == attribml.CueO {
				cueTag[i] = attribml.CueI
			}
		}
		a, b := ct[0], ct[len(ct)-1]+1
		lo, hi := cueWindow(d, toks, sentOf[a], a, b, maxBefore, maxAfter)
		gt := make([]uint8, hi-lo)
		allowed := make([]uint16, hi-lo)
		for i := range allowed {
			allowed[i] = 1<<attribml.RoleO | 1<<attribml.RoleS | 1<<attribml.RoleC
		}
		out := false
		for _, i := range tokIn(g.Content) {
			if i < lo || i >= hi {
				out = true
				if i < lo {
					st.ContentBefore++
				} else {
					st.ContentAfter++
				}
				continue
			}
			gt[i-lo] = attribml.RoleC
		}
		if out {
			st.ContentOutside++
		}
		for _, i := range tokIn(g.Source) {
			if i < lo || i >= hi {
				st.SourceOutside++
				break
			}
			gt[i-lo] = attribml.RoleS
		}
		for i := a; i < b; i++ {
			gt[i-lo] = attribml.RoleK
			allowed[i-lo] = 1 << attribml.RoleK
		}
		_, feats := attribml.RoleFeatures(toks[lo:hi], a-lo, b-lo, rmask, nil, nil)
		roleSeqs = append(roleSeqs, attribml.Seq{Feats: feats, Allowed: allowed, Gold: gt})
	}
	for _, s := range d.Sentences {
		_, feats := attribml.CueFeatures(toks[s.First:s.Last], mask, nil, nil)
		g := append([]uint8(nil), cueTag[s.First:s.Last]...)
		if len(g) > 0 && g[0] == attribml.CueI {
			g[0] = attribml.CueB
		}
		cueSeqs = append(cueSeqs, attribml.Seq{Feats: feats, Gold: g})
	}
	return cueSeqs, roleSeqs
}

// attributionID numbers attributions in text order.
func attributionID(i int) string { return "a" + strconv.Itoa(i+1) }
