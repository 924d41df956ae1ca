package extract

import (
	"bytes"
	"embed"
	"math"
	"os"
	"strconv"
	"sync"

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

//go:embed models/cue.model.gz models/role.model.gz models/vocabulary.txt models/boundary.vocabulary.txt
var modelFS embed.FS

var (
	modelOnce           sync.Once
	cueModel, roleModel *attribml.Model
)

var (
	vocabularyOnce                      sync.Once
	modelVocabulary, boundaryVocabulary *attribml.Vocabulary
	// sameVocabularies is whether the taggers and the ranker read one vocabulary, so
	// that the ranker can use the taggers' token view.
	sameVocabularies bool
)

// loadVocabularies reads the embedded vocabularies of the models.
func loadVocabularies() {
	read := func(name string) *attribml.Vocabulary {
		b, err := modelFS.ReadFile("models/" + name)
		if err != nil {
			panic("extract: missing embedded models/" + name + " (rebuild with go run ./extract/internal/train): " + err.Error())
		}
		v, err := attribml.ReadVocabulary(bytes.NewReader(b))
		if err != nil {
			panic("extract: bad embedded models/" + name + ": " + err.Error())
		}
		return v
	}
	modelVocabulary = read("vocabulary.txt")
	boundaryVocabulary = read("boundary.vocabulary.txt")
	sameVocabularies = modelVocabulary.Equal(boundaryVocabulary)
}

// ModelVocabulary returns the vocabulary the cue and role taggers were trained with
// (models/vocabulary.txt, written with them by extract/internal/train): their features
// read names and words of reporting by it, not by the current lexicons, so that a
// lexicon change made for another stage does not change what the models see.
func ModelVocabulary() *attribml.Vocabulary {
	vocabularyOnce.Do(loadVocabularies)
	return modelVocabulary
}

// BoundaryVocabulary returns the vocabulary the content boundary ranker was trained
// with (models/boundary.vocabulary.txt), as ModelVocabulary for the taggers. The two
// differ when the ranker was trained after a lexicon change and the taggers before it.
func BoundaryVocabulary() *attribml.Vocabulary {
	vocabularyOnce.Do(loadVocabularies)
	return boundaryVocabulary
}

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

// attribToks builds the feature view of the document's tokens with the models'
// vocabulary.
func attribToks(d *Document) []attribml.Tok { return attribToksWith(d, ModelVocabulary()) }

// attribToksWith builds the feature view of the document's tokens with vocabulary v.
func attribToksWith(d *Document, v *attribml.Vocabulary) []attribml.Tok {
	para := make([]int32, len(d.Tokens))
	for _, s := range d.Sentences {
		for i := s.First; i < s.Last; i++ {
			para[i] = int32(s.Paragraph)
		}
	}
	return attribml.MakeToksOf(v, len(d.Tokens), func(i int) (string, string, uint8, int) {
		t := &d.Tokens[i]
		return t.Text, t.Lower, uint8(t.Kind), int(para[i])
	})
}

// attribSentences is the sentence view the context code reads.
func attribSentences(d *Document) []attribml.Sentence {
	out := make([]attribml.Sentence, len(d.Sentences))
	for i, s := range d.Sentences {
		out[i] = attribml.Sentence{First: s.First, Last: s.Last, Para: s.Paragraph}
	}
	return out
}

// AttributionView returns the token and sentence views of d that the attribution
// models read, with vocabulary v (ModelVocabulary for the committed models). It
// exists for the trainer (extract/internal/train), which must build its training
// contexts exactly as findAttributions does.
func AttributionView(d *Document, v *attribml.Vocabulary) ([]attribml.Tok, []attribml.Sentence) {
	return attribToksWith(d, v), attribSentences(d)
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
		return attribml.MaxBefore, attribml.MaxAfter
	}
	budget := 3 * ntoks / ncues
	before = min(attribml.MaxBefore, max(8, budget/3))
	after = min(attribml.MaxAfter, max(16, budget-before))
	return before, after
}

// findAttributions fills d.Attributions.
func findAttributions(d *Document) {
	if len(d.Tokens) == 0 {
		return
	}
	modelOnce.Do(loadModels)
	toks := attribToks(d)
	sents := attribSentences(d)
	var buf []uint32
	var feats [][]uint32
	var emit []float32
	var tags []uint8
	var utags []uint8
	var sc attribml.Scratch
	var units attribml.Units
	type cue struct{ a, b, si int }
	var cues []cue
	cueConf := map[int]float64{}
	for si, s := range d.Sentences {
		units.Build(toks, s.First, s.Last)
		buf, feats = attribml.CueFeatures(units.Toks, cueModel.Mask(), buf, feats)
		emit, utags = cueModel.Viterbi(feats, nil, attribml.CueForbid, emit, utags, &sc)
		tags = units.ExpandCues(utags, tags)
		for i := 0; i < len(tags); i++ {
			if tags[i] != attribml.CueB {
				continue
			}
			j := i + 1
			for j < len(tags) && tags[j] == attribml.CueI {
				j++
			}
			cues = append(cues, cue{s.First + i, s.First + j, si})
			cueConf[s.First+i] = cueConfidence(cueModel, emit, utags, units.Of(s.First+i))
			i = j - 1
		}
	}
	allowed := []uint16{}
	before, after := windowBudget(len(toks), len(cues))
	for _, c := range cues {
		lo, hi := attribml.CueWindow(toks, sents, c.si, c.a, c.b, attribml.MaxBefore, attribml.MaxAfter)
		if hi-lo > longContext {
			lo, hi = attribml.CueWindow(toks, sents, c.si, c.a, c.b, before, after)
		}
		units.Build(toks, lo, hi, c.a, c.b)
		ua, ub := units.Of(c.a), units.Of(c.b-1)+1
		buf, feats = attribml.RoleFeatures(units.Toks, ua, ub, roleModel.Mask(), buf, feats)
		allowed = allowed[:0]
		for k := range units.Toks {
			if k >= ua && k < ub {
				allowed = append(allowed, 1<<attribml.RoleK)
			} else {
				allowed = append(allowed, 1<<attribml.RoleO|1<<attribml.RoleS|1<<attribml.RoleC)
			}
		}
		emit, utags = roleModel.Viterbi(feats, allowed, nil, emit, utags, &sc)
		tags = units.ExpandRoles(utags, tags)
		addresseeFallback(d, toks, lo, tags, c.b, sents[c.si].Last)
		a, ok := buildAttribution(d, toks, lo, tags, c.a, c.b)
		if !ok {
			continue
		}
		a.Confidence = cueConf[c.a]
		a.Sentence = Span{Start: d.Tokens[lo].Start, End: d.Tokens[hi-1].End}
		d.Attributions = append(d.Attributions, a)
	}
	d.Attributions = append(d.Attributions, lexicalAttributions(d)...)
	d.Attributions = dropParticipleModifierCues(d, d.Attributions) // attrib_participle_modifier.go
	finishAttributions(d, toks)
}

// cueConfidence is the confidence of the cue starting at unit i of a sentence whose
// decoded unit tags are tags (attribml.Units): the logistic of how much better tagging i as B scores than
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

// attributionID numbers attributions in text order.
func attributionID(i int) string { return "a" + strconv.Itoa(i+1) }
