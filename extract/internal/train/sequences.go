package main

import (
	"sort"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/extract/eval"
	"github.com/claimgraph/claimgraph/extract/internal/attribml"
)

// alignStats counts how gold attributions align with tokens and contexts; the trainer
// prints it.
type alignStats struct {
	Attrs, CueMissing, ContentOutside, SourceOutside, ContentBefore, ContentAfter int
	// CueOutside counts the gold cues that lie outside the window of their sentence
	// (tokens no sentence of the document covers): skipped, as a missing cue is.
	CueOutside int
	// Boundary counts the boundary ranker's examples; BoundaryOff the contents that
	// follow their cue in one sentence but end where no candidate does.
	Boundary, BoundaryOff int
}

// tokensIn returns the indices of the tokens of d that overlap the fragments, sorted.
func tokensIn(d *extract.Document, frags []eval.Frag) []int {
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

// sentenceOf returns, for each token, the index of its sentence.
func sentenceOf(d *extract.Document) []int {
	out := make([]int, len(d.Tokens))
	for si, s := range d.Sentences {
		for i := s.First; i < s.Last; i++ {
			out[i] = si
		}
	}
	return out
}

// markCue tags the cue tokens ct (sorted) B/I in cueTag, keeping tags already set.
func markCue(cueTag []uint8, ct []int) {
	for k, i := range ct {
		if cueTag[i] != attribml.CueO {
			continue
		}
		if k == 0 || ct[k-1] != i-1 {
			cueTag[i] = attribml.CueB
		} else {
			cueTag[i] = attribml.CueI
		}
	}
}

// trainingSequences builds the training sequences of the cue tagger (one per
// sentence) and of the role tagger (one per gold attribution) for document d with gold
// attributions gold, with the features and contexts that the extractor uses; toks and
// sents are d's attribution view (extract.AttributionView).
func trainingSequences(d *extract.Document, toks []attribml.Tok, sents []attribml.Sentence, gold []eval.Attr, st *alignStats) (cueSeqs, roleSeqs []attribml.Seq) {
	sentOf := sentenceOf(d)
	cueTag := make([]uint8, len(toks))
	mask := uint64(1)<<extract.CueBits - 1
	for _, g := range gold {
		st.Attrs++
		ct := tokensIn(d, g.Cue)
		if len(ct) == 0 {
			st.CueMissing++
			continue
		}
		markCue(cueTag, ct)
		a, b := ct[0], ct[len(ct)-1]+1
		lo, hi := attribml.CueWindow(toks, sents, sentOf[a], a, b, attribml.MaxBefore, attribml.MaxAfter)
		if a < lo || b > hi {
			st.CueOutside++
			continue
		}
		roleSeqs = append(roleSeqs, roleSequence(d, toks, g, lo, hi, a, b, st))
	}
	var units attribml.Units
	for _, s := range d.Sentences {
		units.Build(toks, s.First, s.Last)
		_, feats := attribml.CueFeatures(units.Toks, mask, nil, nil)
		g := units.Gold(cueTag[s.First:s.Last], true)
		if len(g) > 0 && g[0] == attribml.CueI {
			g[0] = attribml.CueB
		}
		cueSeqs = append(cueSeqs, attribml.Seq{Feats: feats, Gold: g})
	}
	return cueSeqs, roleSeqs
}

// roleSequence is the role tagger's training sequence for gold attribution g whose cue
// is tokens [a, b) and whose context is tokens [lo, hi).
func roleSequence(d *extract.Document, toks []attribml.Tok, g eval.Attr, lo, hi, a, b int, st *alignStats) attribml.Seq {
	rmask := uint64(1)<<extract.RoleBits - 1
	gt := make([]uint8, hi-lo)
	out := false
	for _, i := range tokensIn(d, g.Content) {
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
	for _, i := range tokensIn(d, g.Source) {
		if i < lo || i >= hi {
			st.SourceOutside++
			break
		}
		gt[i-lo] = attribml.RoleS
	}
	for i := a; i < b; i++ {
		gt[i-lo] = attribml.RoleK
	}
	var units attribml.Units
	units.Build(toks, lo, hi, a, b)
	ua, ub := units.Of(a), units.Of(b-1)+1
	allowed := make([]uint16, len(units.Toks))
	for k := range allowed {
		allowed[k] = 1<<attribml.RoleO | 1<<attribml.RoleS | 1<<attribml.RoleC
		if k >= ua && k < ub {
			allowed[k] = 1 << attribml.RoleK
		}
	}
	_, feats := attribml.RoleFeatures(units.Toks, ua, ub, rmask, nil, nil)
	return attribml.Seq{Feats: feats, Allowed: allowed, Gold: units.Gold(gt, false)}
}

// boundaryExamples builds the boundary ranker's training examples of document d: one
// per gold attribution whose content is one piece that follows its cue and ends in
// the sentence where it starts, at one of the candidate ends of
// attribml.EndCandidates. The candidates' features are those the extractor computes.
func boundaryExamples(d *extract.Document, toks []attribml.Tok, gold []eval.Attr, st *alignStats) []attribml.RankExample {
	sentOf := sentenceOf(d)
	mask := uint64(1)<<attribml.BoundaryBits - 1
	var out []attribml.RankExample
	var cands []int
	for _, g := range gold {
		ct, cc := tokensIn(d, g.Cue), tokensIn(d, g.Content)
		if len(ct) == 0 || len(cc) == 0 || len(g.Content) != 1 {
			continue
		}
		a, b := ct[0], ct[len(ct)-1]+1
		s, ce := cc[0], cc[len(cc)-1]+1
		if b > s || ce-s != len(cc) {
			continue
		}
		e := d.Sentences[sentOf[s]].Last
		if ce > e || e-s > attribml.MaxBoundarySpan {
			continue
		}
		cands = attribml.EndCandidates(toks, s, e, cands)
		want := attribml.TrimEnd(toks, s, ce)
		gi := -1
		for k, p := range cands {
			if p == want {
				gi = k
			}
		}
		if len(cands) < 2 {
			continue
		}
		if gi < 0 {
			st.BoundaryOff++
			continue
		}
		st.Boundary++
		x := attribml.RankExample{Gold: gi}
		for _, p := range cands {
			x.Cands = append(x.Cands, attribml.BoundaryFeatures(toks, s, p, e, a, b, mask, nil))
		}
		out = append(out, x)
	}
	return out
}
