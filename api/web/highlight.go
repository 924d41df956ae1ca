package web

import (
	"slices"
	"sort"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Mark kinds: the classes of highlighted text, each with an entry in the legend.
const (
	markSpeaker    = "speaker"     // the source span naming who speaks
	markCue        = "cue"         // the verb or phrase of attribution: said, according to
	markContent    = "content"     // what was said
	markQuantity   = "quantity"    // a figure inside what was said
	markDisputeCue = "dispute-cue" // the word that disputes: denies, disputes
	markDispute    = "dispute"     // the sentence of a dispute
	markMention    = "mention"     // another place an agent is named
)

// legendEntry explains one mark kind: its class suffix, name and meaning.
type legendEntry struct{ Kind, Label, Help string }

// legend lists the mark kinds in the order the article page explains them.
var legend = []legendEntry{
	{markSpeaker, "Speaker", "who is said to have said it"},
	{markCue, "Cue", "the words that attribute it: said, according to"},
	{markContent, "Content", "what was said"},
	{markQuantity, "Figure", "a number inside what was said"},
	{markDisputeCue, "Dispute cue", "the word that disputes a claim: denies, disputes"},
	{markDispute, "Dispute", "the sentence in which someone disputes a claim"},
	{markMention, "Mention", "another place a speaker or disputer is named"},
}

// mark is one highlighted stretch of text, in code points, end exclusive.
type mark struct {
	Start, End int
	Kind       string
	// Ref is the statement or dispute the mark belongs to ("" for mentions).
	Ref string
}

// piece is a run of text covered by the same marks: the unit the templates render.
type piece struct {
	Text string
	// Kinds are the mark kinds covering the text, in legend order; Refs the
	// statements and disputes they belong to.
	Kinds []string
	Refs  []string
	// Anchor is set on the first piece of a statement's content or a dispute's
	// sentence: the fragment id that links jump to.
	Anchor string
}

// Class is the piece's CSS classes.
func (p piece) Class() string {
	if len(p.Kinds) == 0 {
		return ""
	}
	cs := make([]string, len(p.Kinds))
	for i, k := range p.Kinds {
		cs[i] = "hl-" + k
	}
	return "hl " + strings.Join(cs, " ")
}

// RefAttr is the value of the piece's data-ref attribute.
func (p piece) RefAttr() string { return strings.Join(p.Refs, " ") }

var kindOrder = func() map[string]int {
	m := map[string]int{}
	for i, l := range legend {
		m[l.Kind] = i
	}
	return m
}()

// segment cuts text[from:to] into pieces at every mark boundary. Marks may overlap
// and nest; those outside the window are ignored and those crossing it are clipped.
// anchors maps a mark (by Ref and Kind) to the fragment id of its first piece.
func segment(text []rune, from, to int, marks []mark, anchors map[[2]string]string) []piece {
	if from < 0 {
		from = 0
	}
	if to > len(text) {
		to = len(text)
	}
	if from >= to {
		return nil
	}
	var in []mark
	cuts := []int{from, to}
	for _, m := range marks {
		s, e := max(m.Start, from), min(m.End, to)
		if s >= e {
			continue
		}
		m.Start, m.End = s, e
		in = append(in, m)
		cuts = append(cuts, s, e)
	}
	sort.Ints(cuts)
	sort.SliceStable(in, func(i, j int) bool { return in[i].Start < in[j].Start })
	anchored := map[string]bool{}
	var out []piece
	for i := 0; i+1 < len(cuts); i++ {
		s, e := cuts[i], cuts[i+1]
		if s == e {
			continue
		}
		p := piece{Text: string(text[s:e])}
		kinds := map[string]bool{}
		refs := map[string]bool{}
		for _, m := range in {
			if m.Start > s {
				break
			}
			if m.End < e {
				continue
			}
			kinds[m.Kind] = true
			if m.Ref != "" {
				refs[m.Ref] = true
			}
			if a, ok := anchors[[2]string{m.Ref, m.Kind}]; ok && !anchored[a] && p.Anchor == "" {
				p.Anchor = a
				anchored[a] = true
			}
		}
		for k := range kinds {
			p.Kinds = append(p.Kinds, k)
		}
		sort.Slice(p.Kinds, func(i, j int) bool { return kindOrder[p.Kinds[i]] < kindOrder[p.Kinds[j]] })
		for r := range refs {
			p.Refs = append(p.Refs, r)
		}
		sort.Strings(p.Refs)
		// Merge with the previous piece when nothing changes between them.
		if n := len(out); n > 0 && p.Anchor == "" && slices.Equal(out[n-1].Kinds, p.Kinds) && slices.Equal(out[n-1].Refs, p.Refs) {
			out[n-1].Text += p.Text
			continue
		}
		out = append(out, p)
	}
	return out
}

// spanMarks adds a span (or each of its fragments) as marks.
func spanMarks(out []mark, s graph.Span, kind, ref string) []mark {
	if s.IsZero() {
		return out
	}
	if len(s.Fragments) > 0 {
		for _, f := range s.Fragments {
			out = append(out, mark{Start: f[0], End: f[1], Kind: kind, Ref: ref})
		}
		return out
	}
	return append(out, mark{Start: s.Start, End: s.End, Kind: kind, Ref: ref})
}

// articleMarks lists every highlight of an article: each statement's speaker, cue,
// content and the figures in it, each dispute's cue and sentence, and every mention.
func articleMarks(g *graph.ArticleGraph, text []rune) []mark {
	claims := map[string]*graph.Claim{}
	for i := range g.Claims {
		claims[g.Claims[i].ID] = &g.Claims[i]
	}
	var ms []mark
	for _, s := range g.Statements {
		if s.Source != nil {
			ms = spanMarks(ms, *s.Source, markSpeaker, s.ID)
		}
		ms = spanMarks(ms, s.Cue, markCue, s.ID)
		ms = spanMarks(ms, s.Content, markContent, s.ID)
		// A claim's quantities carry spans of the article that first stated it;
		// find each quantity's words inside this statement's content instead.
		if cl := claims[s.ClaimID]; cl != nil && s.Content.Start >= 0 && s.Content.End <= len(text) && s.Content.Start < s.Content.End {
			content := text[s.Content.Start:s.Content.End]
			for _, q := range cl.Quantities {
				if sp, ok := graph.QuantityIn(content, s.Content.Start, q); ok {
					ms = append(ms, mark{Start: sp.Start, End: sp.End, Kind: markQuantity, Ref: s.ID})
				}
			}
		}
	}
	for _, d := range g.Disputes {
		ms = spanMarks(ms, d.Sentence, markDispute, d.ID)
		ms = spanMarks(ms, d.Cue, markDisputeCue, d.ID)
	}
	for _, m := range g.Mentions {
		ms = spanMarks(ms, m.Span, markMention, "")
	}
	return ms
}

// splitParts cuts a text of n code points into parts of at most size code points,
// ending each part after a line break, else after a space, in the second half of the
// part when there is one there, so that no word or paragraph is cut needlessly. It
// bounds what one article page holds however long the article is.
func splitParts(text []rune, size int) [][2]int {
	var parts [][2]int
	for start := 0; start < len(text); {
		end := start + size
		if end >= len(text) {
			parts = append(parts, [2]int{start, len(text)})
			break
		}
		cut := -1
		for _, sep := range []rune{'\n', ' '} {
			for i := end - 1; i > start+size/2; i-- {
				if text[i] == sep {
					cut = i + 1
					break
				}
			}
			if cut > 0 {
				break
			}
		}
		if cut < 0 {
			cut = end
		}
		parts = append(parts, [2]int{start, cut})
		start = cut
	}
	return parts
}
