package attribml

// The content boundary ranker: a second pass over a content that follows its cue
// ("X said [that] …"), which chooses where the content ends among the clause
// boundaries of its sentence (before a comma, semicolon, colon, dash or bracket, or at
// the sentence end). The role tagger decides each token from a window of a few words;
// the ranker compares whole candidate spans, reading the phrase each boundary opens
// (", including …", ", which …", ", he said", ", according to …"), how far the
// boundaries lie from the start and the sentence end, and what the cue and the
// content's first word are. It is a linear model (a Model with one tag) trained on the
// gold contents of PolNeAR train by extract/internal/train, so it learns the
// annotation's convention and never sees the tagger's output.

// BoundaryBits is the feature-hash size of the boundary ranker.
const BoundaryBits = 18

// MaxBoundarySpan is the longest stretch (tokens from the content's start to its
// sentence end) the ranker reads. Ranking costs the square of the stretch, and news
// sentences are far shorter (a text without sentence ends, as adversarial input can
// be, would otherwise cost quadratic time); longer contents keep the tagger's end.
const MaxBoundarySpan = 120

// EndCandidates returns the candidate ends (exclusive token indices, trimmed as
// TrimEnd does) of a content that starts at token s and ends at the latest at token e
// (exclusive; the end of its sentence): every position before a clause break (a
// comma, colon, semicolon or dash) after s, and e itself, in increasing order and
// without repeats. Brackets are no candidates: a parenthesis inside a report is most
// often part of what is reported, or an aside the rules after the ranker read
// ("… 2,000 teachers (in fact, the city hired 150)").
func EndCandidates(ts []Tok, s, e int, out []int) []int {
	out = out[:0]
	add := func(p int) {
		p = TrimEnd(ts, s, p)
		if p > s && (len(out) == 0 || out[len(out)-1] < p) {
			out = append(out, p)
		}
	}
	for p := s + 1; p < e; p++ {
		if clauseBreak(&ts[p]) {
			add(p)
		}
	}
	add(e)
	return out
}

// TrimEnd moves the exclusive end p of a span starting at s back over trailing
// punctuation that exact span matching ignores (quotation marks, . , : ;), so that
// ends differing only by those marks compare equal.
func TrimEnd(ts []Tok, s, p int) int {
	for p > s {
		switch t := &ts[p-1]; {
		case t.Kind == KindQuote, t.Comma, t.Colon, t.Lower == ".", t.Lower == ";":
			p--
			continue
		}
		break
	}
	return p
}

// clauseBreak reports whether a token is a comma, colon, semicolon or dash.
func clauseBreak(t *Tok) bool {
	return segmentBreak(t) && t.Lower != "(" && t.Lower != ")"
}

// units counts the units (Units) among tokens [lo, hi): a run of name tokens is one.
func units(ts []Tok, lo, hi int) int {
	n := 0
	for i := lo; i < hi; i++ {
		if i > lo && ts[i].Name && ts[i-1].Name && ts[i].Para == ts[i-1].Para {
			continue
		}
		n++
	}
	return n
}

// BoundaryFeatures appends to buf the features of candidate end p (exclusive) of a
// content starting at token s, for the cue at tokens [a, b), in a sentence whose
// content may reach token e (exclusive). Candidates of one content share s, e, a and b;
// only what differs between them matters to the ranker.
func BoundaryFeatures(ts []Tok, s, p, e, a, b int, mask uint64, buf []uint32) []uint32 {
	// the break after the candidate: its punctuation and the phrase it opens
	q := p
	for q < e && (ts[q].Kind == KindQuote || ts[q].Term) {
		q++
	}
	atEnd := q >= e
	brk, nx, nx2 := eos.H, eos.H, eos.H
	nxSuf := eos.H
	if !atEnd {
		brk = ts[q].H
		nx, nx2 = at(ts, q+1).H, at(ts, q+2).H
		nxSuf = at(ts, q+1).Suf
	}
	typ := mix(brk, b2u(atEnd))
	last := ts[p-1]
	tailCue, tailQuote, tailName := false, false, false
	for i := q + 1; i < e; i++ {
		tailCue = tailCue || ts[i].CueWord
		tailQuote = tailQuote || ts[i].Kind == KindQuote
		tailName = tailName || ts[i].Name
	}
	commasIn := 0
	for i := s; i < p; i++ {
		commasIn += int(b2u(ts[i].Comma))
	}
	cw := ts[a].H
	if b-a > 1 {
		cw = mix(cw, ts[b-1].H)
	}
	first := ts[s].H
	if ts[s].Kind == KindQuote && s+1 < p {
		first = mix(ts[s].H, ts[s+1].H)
	}
	inLen, tailLen := distBucket(units(ts, s, p)), distBucket(units(ts, q, e))
	quoted := b2u(ts[s].InQuote)<<1 | b2u(last.InQuote)
	add := func(tpl uint64, v uint64) {
		buf = append(buf, uint32(fmix(v*0xBF58476D1CE4E5B9^(0x5851F42D4C957F2D+tpl*0x94D049BB133111EB))&mask))
	}
	add(1, typ)
	add(2, mix(typ, nx))
	add(3, mix(typ, mix(nx, nx2)))
	add(4, mix(typ, nxSuf))
	add(5, mix(typ, last.H))
	add(6, mix(typ, last.Suf))
	add(7, mix(typ, inLen))
	add(8, mix(typ, tailLen))
	add(9, mix(typ, inLen<<4|tailLen))
	add(10, mix(typ, small(commasIn)))
	add(11, mix(typ, cw))
	add(12, mix(mix(typ, cw), nx))
	add(13, mix(typ, first))
	add(14, mix(mix(typ, first), nx))
	add(15, mix(typ, b2u(tailCue)<<2|b2u(tailQuote)<<1|b2u(tailName)))
	add(16, mix(mix(typ, nx), b2u(tailCue)))
	add(17, mix(typ, quoted))
	add(18, mix(mix(typ, nx), quoted))
	add(19, mix(typ, uint64(at(ts, q+1).Shape)))
	add(20, mix(mix(typ, b2u(at(ts, q+1).CueWord)), b2u(tailQuote)))
	add(21, mix(mix(typ, last.H), nx))
	add(22, mix(typ, distBucket(units(ts, b, s))))
	return buf
}

// RankExample is one training example of the boundary ranker: the features of each
// candidate and the index of the right one.
type RankExample struct {
	Cands [][]uint32
	Gold  int
}

// Score is the ranker's score of one candidate's features.
func (m *Model) Score(feats []uint32) float32 {
	var out [1]float32
	m.Emit(feats, out[:])
	return out[0]
}

// TrainRanker learns a boundary ranker (a Model with one tag) with the averaged
// perceptron over epochs passes, in an order shuffled by a fixed-seed generator so
// training is reproducible: when the best-scoring candidate is not the gold one, the
// gold candidate's features gain and the chosen one's lose.
func TrainRanker(bits uint, data []RankExample, epochs int, seed uint64, progress func(epoch, errors int)) *Model {
	m := NewModel(1, bits)
	acc := make([]float32, len(m.W))
	c := float32(1)
	ord := newEpochOrder(len(data), seed)
	for ep := 0; ep < epochs; ep++ {
		nerr := 0
		for _, k := range ord.next() {
			x := &data[k]
			best, bs := 0, float32(0)
			for i, f := range x.Cands {
				if s := m.Score(f); i == 0 || s > bs {
					best, bs = i, s
				}
			}
			if best != x.Gold {
				nerr++
				for _, f := range x.Cands[x.Gold] {
					m.W[f]++
					acc[f] += c
				}
				for _, f := range x.Cands[best] {
					m.W[f]--
					acc[f] -= c
				}
			}
			c++
		}
		if progress != nil {
			progress(ep, nerr)
		}
	}
	for i := range m.W {
		m.W[i] -= acc[i] / c
	}
	return m
}
