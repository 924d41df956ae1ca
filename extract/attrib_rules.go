package extract

import (
	_ "embed"
	"sort"
	"strings"
	"sync"

	"github.com/claimgraph/claimgraph/extract/internal/attribml"
)

// finishAttributions sorts attributions into text order, gives them ids, and fills
// Kind (direct when the content lies inside quotation marks, mixed when only part of
// it does, reported otherwise).
func finishAttributions(d *Document, toks []attribml.Tok) {
	sort.SliceStable(d.Attributions, func(i, j int) bool {
		a, b := d.Attributions[i], d.Attributions[j]
		if a.Cue.Start != b.Cue.Start {
			return a.Cue.Start < b.Cue.Start
		}
		return a.Content.Start < b.Content.Start
	})
	cleanSpans(d)
	inheritSources(d)
	for i := range d.Attributions {
		a := &d.Attributions[i]
		a.ID = attributionID(i)
		a.Kind = contentKind(d, toks, a.Content)
	}
	findViaSpans(d)
}

func contentKind(d *Document, toks []attribml.Tok, sp Span) string {
	in, out := 0, 0
	frags := sp.Fragments
	if len(frags) == 0 {
		frags = [][2]int{{sp.Start, sp.End}}
	}
	for _, f := range frags {
		i := sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].Start >= f[0] })
		for ; i < len(d.Tokens) && d.Tokens[i].End <= f[1]; i++ {
			if d.Tokens[i].Kind == TokPunct || d.Tokens[i].Kind == TokQuote {
				continue
			}
			if toks[i].InQuote {
				in++
			} else {
				out++
			}
		}
	}
	switch {
	case in > 0 && out == 0:
		return "direct"
	case in > 0:
		return "mixed"
	}
	return "reported"
}

//go:embed lexicon/agencies.txt
var agenciesFile string

var (
	agencyOnce     sync.Once
	agencyNames    map[string][][]string // first token → token sequences
	agencyTriggers map[string]bool
)

func loadAgencies() {
	agencyNames = map[string][][]string{}
	agencyTriggers = map[string]bool{}
	for _, line := range strings.Split(agenciesFile, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if w, ok := strings.CutPrefix(line, "trigger "); ok {
			agencyTriggers[strings.TrimSpace(w)] = true
			continue
		}
		var words []string
		for _, t := range tokenize([]rune(line)) {
			words = append(words, t.Text)
		}
		agencyNames[words[0]] = append(agencyNames[words[0]], words)
	}
	for _, seqs := range agencyNames { // longest first
		sort.SliceStable(seqs, func(i, j int) bool { return len(seqs[i]) > len(seqs[j]) })
	}
}

// agencyAt returns the end token of the longest agency name starting at token i, or 0.
func agencyAt(tk []Token, i, end int) int {
	for _, seq := range agencyNames[tk[i].Text] {
		if i+len(seq) > end {
			continue
		}
		ok := true
		for k, w := range seq {
			if tk[i+k].Text != w {
				ok = false
				break
			}
		}
		if ok {
			return i + len(seq)
		}
	}
	return 0
}

// agencyWindow is how many tokens before an agency name a trigger may stand.
const agencyWindow = 5

// findViaSpans fills ViaSpans: agency names in the attribution's sentence that lie in
// its source span, or outside its content with a trigger word shortly before them.
func findViaSpans(d *Document) {
	agencyOnce.Do(loadAgencies)
	tk := d.Tokens
	for ai := range d.Attributions {
		a := &d.Attributions[ai]
		// look around the cue and the source only, so the cost per attribution is
		// bounded however long the sentence is
		from, to := a.Cue.Start, a.Cue.End
		if a.Source != nil {
			from, to = min(from, a.Source.Start), max(to, a.Source.End)
		}
		ci := sort.Search(len(tk), func(i int) bool { return tk[i].Start >= from })
		ce := sort.Search(len(tk), func(i int) bool { return tk[i].Start >= to })
		if ce-ci > 4*agencyWindow {
			continue // an implausibly long source: no agency spans
		}
		lo := max(ci-4*agencyWindow, sort.Search(len(tk), func(i int) bool { return tk[i].Start >= a.Sentence.Start }))
		hi := min(ce+4*agencyWindow, sort.Search(len(tk), func(i int) bool { return tk[i].Start >= a.Sentence.End }))
		for i := lo; i < hi; i++ {
			e := agencyAt(tk, i, hi)
			if e == 0 {
				continue
			}
			s := i
			if s > lo && tk[s-1].Lower == "the" {
				s--
			}
			sp := Span{Start: tk[s].Start, End: tk[e-1].End}
			inSource := a.Source != nil && sp.Start >= a.Source.Start && sp.End <= a.Source.End
			inContent := inSpan(a.Content, sp.Start) && !inSource
			trig := false
			for k := s - 1; k >= lo && k >= s-agencyWindow; k-- {
				if agencyTriggers[tk[k].Lower] {
					trig = true
					break
				}
			}
			if inSource || (trig && !inContent) {
				a.ViaSpans = append(a.ViaSpans, sp)
			}
			i = e - 1
		}
	}
}

// inSpan reports whether offset x lies in sp (in one of its fragments, if any).
func inSpan(sp Span, x int) bool {
	if len(sp.Fragments) == 0 {
		return x >= sp.Start && x < sp.End
	}
	for _, f := range sp.Fragments {
		if x >= f[0] && x < f[1] {
			return true
		}
	}
	return false
}

// inheritSources gives a participial cue after a comma ("The mayor defended the plan,
// saying it would create jobs") that came out without a source the source of the
// nearest earlier attribution in the same sentence: the participle's subject is the
// main clause's (in PolNeAR train, 145 of 148 "saying" cues have a source).
func inheritSources(d *Document) {
	tk := d.Tokens
	for i := range d.Attributions {
		a := &d.Attributions[i]
		if a.Source != nil {
			continue
		}
		ci := sort.Search(len(tk), func(k int) bool { return tk[k].Start >= a.Cue.Start })
		if ci == 0 || ci >= len(tk) || !strings.HasSuffix(tk[ci].Lower, "ing") || tk[ci-1].Text != "," {
			continue
		}
		for j := i - 1; j >= 0 && j >= i-8; j-- {
			p := &d.Attributions[j]
			if p.Sentence.Start != a.Sentence.Start || p.Sentence.End != a.Sentence.End {
				break
			}
			if p.Source != nil && p.Source.End <= a.Cue.Start {
				s := *p.Source
				a.Source = &s
				break
			}
		}
	}
}

// Words a source never starts or ends with in PolNeAR train (18,359 sources: "But" 4
// times, "while" 3, the trailing adverbs at most once each; "by" 11 times against 230
// sources right after "by"), but which the role tagger sometimes sweeps in: "But Megan
// Hester said", "she still says", "is considered a failure by Spencer".
var (
	sourceDropFirst = map[string]bool{"by": true, "but": true, "and": true, "so": true, "or": true, "yet": true, "after": true, "then": true, "still": true, "also": true, "however": true, "when": true, "while": true}
	sourceDropLast  = map[string]bool{"still": true, "also": true, "then": true, "now": true, "later": true, "recently": true, "previously": true, "already": true, "repeatedly": true, "again": true, "further": true, "publicly": true, "privately": true, "often": true, "never": true, "ever": true}
)

// cleanSpans trims sources of leading conjunctions and trailing adverbs and of edge
// punctuation, drops sources without any word, and drops an unbalanced bracket at
// either edge of a content ("that she has pneumonia)").
func cleanSpans(d *Document) {
	tk := d.Tokens
	tokRange := func(sp Span) (int, int) {
		i := sort.Search(len(tk), func(k int) bool { return tk[k].Start >= sp.Start })
		j := sort.Search(len(tk), func(k int) bool { return tk[k].Start >= sp.End })
		return i, j
	}
	for ai := range d.Attributions {
		a := &d.Attributions[ai]
		if a.Source != nil && len(a.Source.Fragments) == 0 {
			i, j := tokRange(*a.Source)
			for i < j && (sourceDropFirst[tk[i].Lower] || tk[i].Kind == TokPunct) {
				i++
			}
			for j > i && (sourceDropLast[tk[j-1].Lower] || tk[j-1].Text == ",") {
				j--
			}
			words := false
			for k := i; k < j; k++ {
				if tk[k].Kind == TokWord || tk[k].Kind == TokNumber {
					words = true
					break
				}
			}
			if !words {
				a.Source = nil
			} else {
				a.Source = &Span{Start: tk[i].Start, End: tk[j-1].End}
			}
		}
		if len(a.Content.Fragments) == 0 {
			i, j := tokRange(a.Content)
			if j-i > 1 {
				open, close := 0, 0
				for k := i; k < j; k++ {
					switch tk[k].Text {
					case "(", "[":
						open++
					case ")", "]":
						close++
					}
				}
				if close > open && (tk[j-1].Text == ")" || tk[j-1].Text == "]") {
					j--
				} else if open > close && (tk[i].Text == "(" || tk[i].Text == "[") {
					i++
				}
				a.Content = Span{Start: tk[i].Start, End: tk[j-1].End}
			}
		}
	}
}
