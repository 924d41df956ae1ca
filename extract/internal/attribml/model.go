// Package attribml holds the learned parts of attribution extraction: a structured
// averaged perceptron over hashed token features, decoded with Viterbi under tag
// constraints. Two models use it: the cue tagger (B/I/O over a sentence) and the role
// tagger (source/content/cue/outside over the context of one cue). Features are
// computed here from a small token view so that training (extract/internal/train) and
// prediction (package extract) share one definition.
package attribml

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"io"
	"math"
)

// Model is a linear sequence model: emission weights over hashed feature buckets,
// first-order tag transitions and start weights.
type Model struct {
	NT    int       // number of tags
	Bits  uint      // feature buckets = 1 << Bits
	W     []float32 // (1<<Bits) * NT
	Trans []float32 // (NT+1) * NT; row NT is the start row
	// Q and Scale, when Q is set, hold the emission weights quantized to int16 (W then
	// is nil): models read from a file are used this way, which halves the memory
	// the decoder touches per feature.
	Q     []int16
	Scale float32
	// Bias, when set (len NT), is added to every token's emission scores at decoding
	// time: a recall/precision knob not stored in the model file.
	Bias []float32
}

// NewModel returns a zero model.
func NewModel(nt int, bits uint) *Model {
	return &Model{NT: nt, Bits: bits, W: make([]float32, (1<<bits)*nt), Trans: make([]float32, (nt+1)*nt)}
}

// Mask is the bucket mask for feature hashes.
func (m *Model) Mask() uint64 { return 1<<m.Bits - 1 }

// Emit adds the emission scores of feats to out (len NT).
func (m *Model) Emit(feats []uint32, out []float32) {
	nt := m.NT
	if m.Q != nil {
		m.emitQ(feats, out)
		return
	}
	W := m.W
	switch nt {
	case 3:
		var a, b, c float32
		for _, f := range feats {
			w := W[int(f)*3 : int(f)*3+3 : int(f)*3+3]
			a += w[0]
			b += w[1]
			c += w[2]
		}
		out[0], out[1], out[2] = a, b, c
	case 4:
		var a, b, c, d float32
		for _, f := range feats {
			w := W[int(f)*4 : int(f)*4+4 : int(f)*4+4]
			a += w[0]
			b += w[1]
			c += w[2]
			d += w[3]
		}
		out[0], out[1], out[2], out[3] = a, b, c, d
	default:
		for t := range out {
			out[t] = 0
		}
		for _, f := range feats {
			w := W[int(f)*nt : int(f)*nt+nt]
			for t := range out {
				out[t] += w[t]
			}
		}
	}
	if m.Bias != nil {
		for t := range out {
			out[t] += m.Bias[t]
		}
	}
}

func (m *Model) emitQ(feats []uint32, out []float32) {
	nt, Q := m.NT, m.Q
	switch nt {
	case 3:
		var a, b, c int32
		for _, f := range feats {
			w := Q[int(f)*3 : int(f)*3+3 : int(f)*3+3]
			a += int32(w[0])
			b += int32(w[1])
			c += int32(w[2])
		}
		out[0], out[1], out[2] = float32(a)*m.Scale, float32(b)*m.Scale, float32(c)*m.Scale
	case 4:
		var a, b, c, d int32
		for _, f := range feats {
			w := Q[int(f)*4 : int(f)*4+4 : int(f)*4+4]
			a += int32(w[0])
			b += int32(w[1])
			c += int32(w[2])
			d += int32(w[3])
		}
		out[0], out[1], out[2], out[3] = float32(a)*m.Scale, float32(b)*m.Scale, float32(c)*m.Scale, float32(d)*m.Scale
	default:
		acc := make([]int32, nt)
		for _, f := range feats {
			for t := 0; t < nt; t++ {
				acc[t] += int32(Q[int(f)*nt+t])
			}
		}
		for t := range out {
			out[t] = float32(acc[t]) * m.Scale
		}
	}
	if m.Bias != nil {
		for t := range out {
			out[t] += m.Bias[t]
		}
	}
}

// Viterbi finds the best tag sequence. feats[i] are token i's feature buckets;
// allowed[i] is a bit mask of the tags token i may take (0 = all); forbid(prev, t)
// reports forbidden transitions (prev = NT at the start). scratch buffers are reused
// when large enough. Ties are broken towards the lower tag number, so the result is
// deterministic.
func (m *Model) Viterbi(feats [][]uint32, allowed []uint16, forbid func(prev, t int) bool, emit []float32, tags []uint8, sc *Scratch) ([]float32, []uint8) {
	n, nt := len(feats), m.NT
	if n == 0 {
		return emit, tags[:0]
	}
	if cap(emit) < n*nt {
		emit = make([]float32, n*nt)
	}
	emit = emit[:n*nt]
	for i := range feats {
		m.Emit(feats[i], emit[i*nt:i*nt+nt])
	}
	if cap(tags) < n {
		tags = make([]uint8, n)
	}
	tags = tags[:n]
	if cap(sc.score) < n*nt {
		sc.score = make([]float32, n*nt)
		sc.back = make([]uint8, n*nt)
	}
	score, back := sc.score[:n*nt], sc.back[:n*nt]
	neg := float32(math.Inf(-1))
	ok := func(i, t int) bool { return allowed == nil || allowed[i] == 0 || allowed[i]&(1<<t) != 0 }
	for t := 0; t < nt; t++ {
		if !ok(0, t) || (forbid != nil && forbid(nt, t)) {
			score[t] = neg
			continue
		}
		score[t] = emit[t] + m.Trans[nt*nt+t]
	}
	for i := 1; i < n; i++ {
		for t := 0; t < nt; t++ {
			best, arg := neg, 0
			if ok(i, t) {
				for p := 0; p < nt; p++ {
					if forbid != nil && forbid(p, t) {
						continue
					}
					s := score[(i-1)*nt+p] + m.Trans[p*nt+t]
					if s > best {
						best, arg = s, p
					}
				}
			}
			score[i*nt+t] = best + emit[i*nt+t]
			back[i*nt+t] = uint8(arg)
		}
	}
	best, arg := neg, 0
	for t := 0; t < nt; t++ {
		if s := score[(n-1)*nt+t]; s > best {
			best, arg = s, t
		}
	}
	if best == neg { // nothing allowed: fall back to the best allowed emission per token
		for i := 0; i < n; i++ {
			b, a := neg, 0
			for t := 0; t < nt; t++ {
				if ok(i, t) && emit[i*nt+t] > b {
					b, a = emit[i*nt+t], t
				}
			}
			tags[i] = uint8(a)
		}
		return emit, tags
	}
	for i := n - 1; i >= 0; i-- {
		tags[i] = uint8(arg)
		arg = int(back[i*nt+arg])
	}
	return emit, tags
}

// Scratch holds Viterbi's work arrays between calls (one per goroutine).
type Scratch struct {
	score []float32
	back  []uint8
}

// Seq is one training sequence.
type Seq struct {
	Feats   [][]uint32
	Allowed []uint16
	Gold    []uint8
}

// epochOrder is the order in which training visits its examples, shuffled again for
// every epoch by a Fisher–Yates pass over a seeded xorshift generator, so that every
// trainer of this package is reproducible byte for byte.
type epochOrder struct {
	order []int
	rng   uint64
}

// newEpochOrder is the order of n examples for the given seed.
func newEpochOrder(n int, seed uint64) *epochOrder {
	o := &epochOrder{order: make([]int, n), rng: seed | 1}
	for i := range o.order {
		o.order[i] = i
	}
	return o
}

// next shuffles the order for the next epoch and returns it.
func (o *epochOrder) next() []int {
	for i := len(o.order) - 1; i > 0; i-- {
		o.rng ^= o.rng << 13
		o.rng ^= o.rng >> 7
		o.rng ^= o.rng << 17
		j := int(o.rng % uint64(i+1))
		o.order[i], o.order[j] = o.order[j], o.order[i]
	}
	return o.order
}

// Train runs the structured averaged perceptron for epochs passes over data, in an
// order shuffled by a fixed-seed generator so training is reproducible.
func Train(nt int, bits uint, data []Seq, epochs int, forbid func(prev, t int) bool, progress func(epoch, errors int)) *Model {
	return TrainSeed(nt, bits, data, epochs, 88172645463325252, forbid, progress)
}

// TrainSeed is Train with the shuffling seed given.
func TrainSeed(nt int, bits uint, data []Seq, epochs int, seed uint64, forbid func(prev, t int) bool, progress func(epoch, errors int)) *Model {
	m := NewModel(nt, bits)
	acc := NewModel(nt, bits) // sum of c * update, for averaging
	c := float32(1)
	ord := newEpochOrder(len(data), seed)
	var emit []float32
	var tags []uint8
	var sc Scratch
	for ep := 0; ep < epochs; ep++ {
		nerr := 0
		for _, k := range ord.next() {
			s := &data[k]
			emit, tags = m.Viterbi(s.Feats, s.Allowed, forbid, emit, tags, &sc)
			wrong := false
			for i := range tags {
				if tags[i] != s.Gold[i] {
					wrong = true
					break
				}
			}
			if wrong {
				nerr++
				prev, gprev := nt, nt
				for i := range tags {
					g, p := int(s.Gold[i]), int(tags[i])
					if g != p {
						for _, f := range s.Feats[i] {
							m.W[int(f)*nt+g]++
							m.W[int(f)*nt+p]--
							acc.W[int(f)*nt+g] += c
							acc.W[int(f)*nt+p] -= c
						}
					}
					if g != p || gprev != prev {
						m.Trans[gprev*nt+g]++
						m.Trans[prev*nt+p]--
						acc.Trans[gprev*nt+g] += c
						acc.Trans[prev*nt+p] -= c
					}
					prev, gprev = p, g
				}
			}
			c++
		}
		if progress != nil {
			progress(ep, nerr)
		}
	}
	for i := range m.W {
		m.W[i] -= acc.W[i] / c
	}
	for i := range m.Trans {
		m.Trans[i] -= acc.Trans[i] / c
	}
	return m
}

// Average returns the mean of models of the same shape (an ensemble of perceptrons
// trained on different orders collapses into one linear model).
func Average(ms ...*Model) *Model {
	out := NewModel(ms[0].NT, ms[0].Bits)
	for _, m := range ms {
		for i, v := range m.W {
			out.W[i] += v / float32(len(ms))
		}
		for i, v := range m.Trans {
			out.Trans[i] += v / float32(len(ms))
		}
	}
	return out
}

const magic = "CGAM2"

// Write stores the model compactly: header, transitions (float32), the scale of the
// emission weights, then the non-zero emission weights quantized to int16 as
// (varint index delta, int16) pairs, gzip-compressed. Quantization changes each
// weight by at most half a step (max |w| / 32767 / 2).
func (m *Model) Write(w io.Writer) error {
	zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	bw.WriteString(magic)
	binary.Write(bw, binary.LittleEndian, uint32(m.NT))
	binary.Write(bw, binary.LittleEndian, uint32(m.Bits))
	binary.Write(bw, binary.LittleEndian, m.Trans)
	var maxAbs float32
	for _, v := range m.W {
		if v > maxAbs {
			maxAbs = v
		} else if -v > maxAbs {
			maxAbs = -v
		}
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	binary.Write(bw, binary.LittleEndian, scale)
	q := make([]int16, len(m.W))
	var nz uint32
	for i, v := range m.W {
		q[i] = int16(math.Round(float64(v / scale)))
		if q[i] != 0 {
			nz++
		}
	}
	binary.Write(bw, binary.LittleEndian, nz)
	last := 0
	var vb [binary.MaxVarintLen64]byte
	for i, v := range q {
		if v != 0 {
			n := binary.PutUvarint(vb[:], uint64(i-last))
			bw.Write(vb[:n])
			binary.Write(bw, binary.LittleEndian, v)
			last = i
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// Read loads a model written by Write.
func Read(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	br := bufio.NewReader(zr)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, errors.New("attribml: not a model file")
	}
	var nt, bits, nz uint32
	var scale float32
	binary.Read(br, binary.LittleEndian, &nt)
	binary.Read(br, binary.LittleEndian, &bits)
	if nt == 0 || nt > 16 || bits > 26 {
		return nil, errors.New("attribml: bad model header")
	}
	m := &Model{NT: int(nt), Bits: uint(bits), Trans: make([]float32, (nt+1)*nt), Q: make([]int16, (1<<bits)*nt)}
	if err := binary.Read(br, binary.LittleEndian, m.Trans); err != nil {
		return nil, err
	}
	if err := binary.Read(br, binary.LittleEndian, &scale); err != nil {
		return nil, err
	}
	m.Scale = scale
	if err := binary.Read(br, binary.LittleEndian, &nz); err != nil {
		return nil, err
	}
	idx := 0
	var b2 [2]byte
	for k := uint32(0); k < nz; k++ {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, err
		}
		if _, err := io.ReadFull(br, b2[:]); err != nil {
			return nil, err
		}
		idx += int(d)
		if idx >= len(m.Q) {
			return nil, errors.New("attribml: weight index out of range")
		}
		m.Q[idx] = int16(binary.LittleEndian.Uint16(b2[:]))
	}
	return m, nil
}
