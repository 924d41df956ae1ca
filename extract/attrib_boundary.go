package extract

import (
	"bytes"
	_ "embed"
	"os"
	"strconv"
	"sync"

	"github.com/claimgraph/claimgraph/extract/internal/attribml"
)

// The content boundary ranker (extract/internal/attribml/boundary.go), trained on the
// gold contents of PolNeAR train by `go run ./extract/internal/train`, chooses where a
// content that follows its cue ends among the clause boundaries of its sentence. It
// runs as the content rule "a following content extends to the boundary the
// ranker prefers" (contentRules, attrib_rules.go).

//go:embed models/boundary.model.gz
var boundaryModelFile []byte

// boundaryMargin is how much better than the tagger's end (in ranker score) another
// candidate end must be to replace it. On a part of train kept out of training
// (buckets 15–29 of extract/internal/train's hash split, not the part the README's
// held-out figures are measured on) exact content F1 was flat for margins from 0 to
// 10 (0.528–0.530, against 0.525 without the ranker), so the ranker simply decides.
// The environment variable CG_BOUNDARY_MARGIN overrides it, for tuning only.
const boundaryMargin = 0

var (
	boundaryOnce   sync.Once
	boundaryModel  *attribml.Model
	boundaryCutoff float32
)

func loadBoundaryModel() {
	m, err := attribml.Read(bytes.NewReader(boundaryModelFile))
	if err != nil {
		panic("extract: bad embedded model boundary.model.gz (rebuild with go run ./extract/internal/train): " + err.Error())
	}
	boundaryModel = m
	boundaryCutoff = boundaryMargin
	if v, err := strconv.ParseFloat(os.Getenv("CG_BOUNDARY_MARGIN"), 32); err == nil {
		boundaryCutoff = float32(v)
	}
}

// rankContentEnds is the content rule that lets the boundary ranker carry the end of
// a one-piece content that follows its cue on to a later clause boundary of the
// content's sentence, when that boundary scores boundaryMargin above the end the tagger
// found. It only extends: on the analysis part of train, extending gave three quarters
// of the ranker's gain in exact content F1 (0.525 → 0.528, both ways 0.529), and a cut
// leaves the words cut off without a speaker ("X said the toll had risen to 11,300,
// and 10,100 people were missing" loses the second figure's source). Contents whose
// end is not itself a candidate (inside a phrase, or in a later sentence) are left
// alone, and so are contents whose sentence runs on for more than
// attribml.MaxBoundarySpan tokens.
func rankContentEnds(d *Document, toks []attribml.Tok) {
	toks, restore := boundaryTokens(d, toks)
	defer restore()
	mask := boundaryModel.Mask()
	var cands []int
	var buf []uint32
	for i := range d.Attributions {
		a := &d.Attributions[i]
		ca, cb, s, ce, e, ok := followingContentTokens(d, a)
		if !ok {
			continue
		}
		cands = attribml.EndCandidates(toks, s, e, cands)
		cur := attribml.TrimEnd(toks, s, ce)
		ci := -1
		for k, p := range cands {
			if p == cur {
				ci = k
			}
		}
		if ci < 0 || len(cands) < 2 {
			continue
		}
		best, bs, curScore := ci, float32(0), float32(0)
		for k, p := range cands[ci:] {
			k += ci
			buf = attribml.BoundaryFeatures(toks, s, p, e, ca, cb, mask, buf[:0])
			sc := boundaryModel.Score(buf)
			if k == ci {
				curScore = sc
			}
			if k == ci || sc > bs {
				best, bs = k, sc
			}
		}
		if best != ci && bs-curScore > boundaryCutoff {
			a.Content.End = d.Tokens[cands[best]-1].End
		}
	}
}

// boundaryTokens loads the boundary ranker and returns the tokens it reads: toks, or,
// when the ranker was trained with another vocabulary than the current lexicons, toks
// with their words read again by that vocabulary (the ranker reads names by the
// vocabulary it was trained with), in place: restore reads them back by the taggers'
// vocabulary, so that a long article needs no second view of its tokens. The caller
// reads toks only through the returned view until it calls restore.
func boundaryTokens(d *Document, toks []attribml.Tok) (bt []attribml.Tok, restore func()) {
	boundaryOnce.Do(loadBoundaryModel)
	if v := BoundaryVocabulary(); !sameVocabularies {
		text := func(i int) string { return d.Tokens[i].Text }
		v.Reread(toks, text)
		return toks, func() { ModelVocabulary().Reread(toks, text) }
	}
	return toks, func() {}
}

// followingContentTokens returns the token bounds the boundary rules read of
// attribution a: its cue [ca, cb), its content [s, ce) and the end e of the content's
// sentence; ok is false when a is no single content that follows its cue within one
// sentence of at most attribml.MaxBoundarySpan tokens, which these rules leave alone.
func followingContentTokens(d *Document, a *Attribution) (ca, cb, s, ce, e int, ok bool) {
	if len(a.Content.Fragments) > 0 || a.Content.End <= a.Content.Start || a.Cue.End > a.Content.Start {
		return 0, 0, 0, 0, 0, false
	}
	ca, cb = tokenFrom(d, a.Cue.Start), tokenFrom(d, a.Cue.End)
	s, ce = tokenFrom(d, a.Content.Start), tokenFrom(d, a.Content.End)
	if ca >= cb || s >= ce || cb > s || ce > len(d.Tokens) {
		return 0, 0, 0, 0, 0, false
	}
	e = d.Sentences[sentenceAt(d, d.Tokens[s].Start)].Last
	if ce > e || e-s > attribml.MaxBoundarySpan {
		return 0, 0, 0, 0, 0, false
	}
	return ca, cb, s, ce, e, true
}
