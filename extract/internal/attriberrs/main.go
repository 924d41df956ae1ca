// Command attriberrs prints the content-span errors of the extractor on a PolNeAR-format
// directory (use the train part: dev is for the final report only), grouped by where
// the predicted content boundary departs from the gold one. It is a development tool:
// it pairs each gold attribution with the predicted attribution whose cue shares a word
// with it and whose content overlaps most, and reports pairs whose contents differ
// under the exact rule of the reference scorer.
//
//	go run ./extract/internal/attriberrs -data ../shared/polnear/train [-class start-late] [-n 20]
//
// With -cues it counts the exact cue errors instead (cues.go), and the most frequent
// words by which predicted and gold cues differ.
//
// Errors on the training texts are those of a model that has seen them. For errors as
// on unseen text, train without a held-out part of train (see extract/internal/train:
// -holdout-percent 15 -holdout-dir DIR, writing the models to extract/models), run this
// tool with -data DIR, and retrain on all of train before committing.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"sort"
	"strings"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/extract/eval"
)

func main() {
	data := flag.String("data", "../shared/polnear/train", "PolNeAR-format directory")
	class := flag.String("class", "", "print the examples of this error class only")
	n := flag.Int("n", 15, "examples printed per class")
	gaps := flag.Bool("gaps", false, "also count the words between the gold and predicted boundaries")
	kinds := flag.Bool("kinds", false, "group the errors by kind (kinds.go) instead of by boundary side")
	cues := flag.Bool("cues", false, "count the exact cue errors instead (cues.go): missed, spurious, and extents that differ, with the words that differ")
	missed := flag.Bool("missed", false, "classify the gold cues no predicted cue overlaps (missed.go): headline, question, according to, nominal, unknown verb, multi-word, source far")
	missedTSV := flag.String("missed-tsv", "", "with -missed, also write every missed cue to this file: document, classes, cue, the text before and after it")
	gapCounts := map[string]int{}
	var tsv []string
	features, missedWords := map[string]int{}, map[string]map[string]int{}
	flag.Parse()
	docs, err := eval.LoadGold(*data)
	if err != nil {
		log.Fatal(err)
	}
	counts := map[string]int{}
	examples := map[string][]string{}
	for _, g := range docs {
		d := extract.Extract(string(g.Text))
		var preds []eval.Attr
		for _, a := range d.Attributions {
			preds = append(preds, eval.Attr{Cue: frags(a.Cue), Content: frags(a.Content)})
		}
		if *cues {
			for _, e := range cueErrors(g.Name, g.Text, g.Attrs, preds) {
				counts[e.kind]++
				if e.diff != "" {
					gapCounts[strings.SplitN(e.kind, ":", 2)[0]+" "+e.diff]++
				}
				if (*class == "" || *class == e.kind) && len(examples[e.kind]) < *n {
					examples[e.kind] = append(examples[e.kind], e.example)
				}
			}
			continue
		}
		for _, ga := range g.Attrs {
			p, ok := bestMatch(g.Text, ga, preds)
			if !ok && *missed {
				if unmatchedKind(ga, preds) != "unmatched: cue not found" {
					continue
				}
				cls, w := missedCue(g.Text, ga)
				for _, c := range cls {
					features[c]++
				}
				c := cls[0]
				counts[c]++
				if missedWords[c] == nil {
					missedWords[c] = map[string]int{}
				}
				missedWords[c][w]++
				if *missedTSV != "" {
					s, e := span(ga.Cue)
					tsv = append(tsv, strings.Join([]string{g.Name, strings.Join(cls, ","), w,
						oneLine(g.Text[max(0, s-80):s]), oneLine(g.Text[e:min(len(g.Text), e+80)])}, "\t"))
				}
				if len(examples[c]) < *n {
					examples[c] = append(examples[c], fmt.Sprintf("%s  %s", strings.Join(cls, ","), show(g.Text, ga.Cue)))
				}
				continue
			}
			if !ok {
				c := unmatchedKind(ga, preds)
				counts[c]++
				if (*class == "" || *class == c) && len(examples[c]) < *n {
					examples[c] = append(examples[c], fmt.Sprintf("%s\n  cue:  %s\n  gold: %s",
						g.Name, show(g.Text, ga.Cue), show(g.Text, ga.Content)))
				}
				continue
			}
			gk, pk := eval.ExactKey(g.Text, ga.Content), eval.ExactKey(g.Text, p.Content)
			if gk == pk {
				counts["exact"]++
				continue
			}
			c := classify(g.Text, ga.Content, p.Content)
			if *kinds {
				c = errorKind(g.Text, ga.Content, p.Content, ga.Cue, p.Cue)
			}
			counts[c]++
			if *gaps {
				gapCounts[gap(g.Text, ga.Content, p.Content)]++
			}
			if (*class == "" || *class == c) && len(examples[c]) < *n {
				examples[c] = append(examples[c], fmt.Sprintf("%s\n  cue:  %s\n  gold: %s\n  pred: %s",
					g.Name, show(g.Text, ga.Cue), show(g.Text, ga.Content), show(g.Text, p.Content)))
			}
		}
	}
	if *missed {
		missedReport(counts, features, missedWords, examples)
		if *missedTSV != "" {
			if err := os.WriteFile(*missedTSV, []byte(strings.Join(tsv, "\n")+"\n"), 0o644); err != nil {
				log.Fatalf("write -missed-tsv %s: %v", *missedTSV, err)
			}
		}
		return
	}
	var names []string
	for k := range counts {
		names = append(names, k)
	}
	sort.Slice(names, func(i, j int) bool { return counts[names[i]] > counts[names[j]] })
	for _, k := range names {
		fmt.Printf("%-24s %d\n", k, counts[k])
	}
	printTop(gapCounts, 60)
	for _, k := range names {
		for _, e := range examples[k] {
			fmt.Printf("\n[%s] %s\n", k, e)
		}
	}
}

// unmatchedKind names why a gold attribution has no predicted partner: no predicted
// cue shares a word with its cue, or one does but its content does not overlap.
func unmatchedKind(g eval.Attr, preds []eval.Attr) string {
	for _, p := range preds {
		if overlap(g.Cue, p.Cue) > 0 {
			return "unmatched: cue found, content elsewhere"
		}
	}
	return "unmatched: cue not found"
}

func frags(s extract.Span) []eval.Frag {
	if len(s.Fragments) == 0 {
		return []eval.Frag{{Start: s.Start, End: s.End}}
	}
	out := make([]eval.Frag, len(s.Fragments))
	for i, f := range s.Fragments {
		out[i] = eval.Frag{Start: f[0], End: f[1]}
	}
	return out
}

// overlap is the number of code points two fragment lists share.
func overlap(a, b []eval.Frag) int {
	n := 0
	for _, x := range a {
		for _, y := range b {
			if lo, hi := max(x.Start, y.Start), min(x.End, y.End); hi > lo {
				n += hi - lo
			}
		}
	}
	return n
}

func bestMatch(text []rune, g eval.Attr, preds []eval.Attr) (eval.Attr, bool) {
	best, bo := eval.Attr{}, 0
	for _, p := range preds {
		if overlap(g.Cue, p.Cue) == 0 {
			continue
		}
		if o := overlap(g.Content, p.Content); o > bo {
			best, bo = p, o
		}
	}
	return best, bo > 0
}

// bounds returns the first and last non-trimmed code point of a fragment list and the
// number of fragments.
func bounds(text []rune, fs []eval.Frag) (int, int, int) {
	key := eval.ExactKey(text, fs)
	parts := strings.Split(strings.TrimSuffix(key, ";"), ";")
	var s, e int
	fmt.Sscanf(parts[0], "%d-%d", &s, new(int))
	fmt.Sscanf(parts[len(parts)-1], "%d-%d", new(int), &e)
	return s, e, len(parts)
}

// classify names how the predicted content departs from the gold one.
func classify(text []rune, g, p []eval.Frag) string {
	gs, ge, gn := bounds(text, g)
	ps, pe, pn := bounds(text, p)
	var parts []string
	switch {
	case ps < gs:
		parts = append(parts, "start-early")
	case ps > gs:
		parts = append(parts, "start-late")
	}
	switch {
	case pe < ge:
		parts = append(parts, "end-early")
	case pe > ge:
		parts = append(parts, "end-late")
	}
	if gn != pn {
		parts = append(parts, fmt.Sprintf("frags%d/%d", gn, pn))
	}
	if len(parts) == 0 {
		return "inner"
	}
	return strings.Join(parts, "+")
}

// show prints a fragment list's text with its pieces joined by " | ", the gold or
// predicted boundaries visible as ⟦ ⟧ with a little context around them.
func show(text []rune, fs []eval.Frag) string {
	var b strings.Builder
	for i, f := range fs {
		if i > 0 {
			b.WriteString(" | ")
		}
		lo := max(0, f.Start-25)
		hi := min(len(text), f.End+25)
		b.WriteString(strings.ReplaceAll(string(text[lo:f.Start])+"⟦"+string(text[f.Start:f.End])+"⟧"+string(text[f.End:hi]), "\n", "¶"))
	}
	return b.String()
}

// gap names the text between the gold and the predicted start and end when they differ
// by at most three words, lower-cased: "start+:told breitbart news" (predicted start
// earlier by those words), "end-:in a tweet" (predicted end earlier).
func gap(text []rune, g, p []eval.Frag) string {
	gs, ge, _ := bounds(text, g)
	ps, pe, _ := bounds(text, p)
	short := func(a, b int) string {
		w := strings.Fields(strings.ToLower(string(text[a:b])))
		if len(w) > 3 {
			return "…"
		}
		return strings.Join(w, " ")
	}
	var out []string
	switch {
	case ps < gs:
		out = append(out, "start+:"+short(ps, gs))
	case ps > gs:
		out = append(out, "start-:"+short(gs, ps))
	}
	switch {
	case pe > ge:
		out = append(out, "end+:"+short(ge, pe))
	case pe < ge:
		out = append(out, "end-:"+short(pe, ge))
	}
	return strings.Join(out, " ")
}

func printTop(m map[string]int, n int) {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool { return m[ks[i]] > m[ks[j]] || m[ks[i]] == m[ks[j]] && ks[i] < ks[j] })
	for i, k := range ks {
		if i == n {
			break
		}
		fmt.Printf("gap %5d  %s\n", m[k], k)
	}
}
