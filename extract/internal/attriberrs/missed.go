package main

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/claimgraph/claimgraph/extract/eval"
	"github.com/claimgraph/claimgraph/extract/lexicon"
)

// Classes of the gold cues no predicted cue overlaps (-missed). A missed cue is counted
// once under the first class of missedClasses it fits (its primary class), and once
// under every class it fits (its features), so that the classes can be compared both
// ways. The classes are those of the cues' form and place, not of their meaning:
//
//   - headline: the cue stands in the document's first line;
//   - question: the cue's sentence ends with a question mark;
//   - according: the cue holds "according" ("according to", "accordingly to");
//   - punctuation: the cue is punctuation only (a colon, a dash, a quotation mark);
//   - nominal: the cue's last word is a noun of speech or thought ("the claim", "his
//     statement", "a promise"): one of lexicon/speech_event_nouns.txt or
//     lexicon/document_nouns.txt, or a word after a determiner;
//   - unknown verb: a one-word cue that is no word of reporting the cue tagger knows
//     (lexicon/cue_words.txt);
//   - multi-word: a cue of two or more words (not one of the above);
//   - source far: the gold source lies more than eight words from the cue or in
//     another sentence, or there is none;
//   - known verb: a one-word cue the cue tagger knows, near its source, in a statement.
var missedClasses = []string{"headline", "question", "according", "punctuation", "nominal", "unknown verb", "multi-word", "source far", "known verb"}

var (
	missedCueWords = lexicon.Set("cue_words.txt")
	missedNouns    = func() map[string]bool {
		m := map[string]bool{}
		for _, f := range []string{"speech_event_nouns.txt", "document_nouns.txt"} {
			for w := range lexicon.Set(f) {
				m[w] = true
			}
		}
		return m
	}()
	missedDeterminers = map[string]bool{"the": true, "a": true, "an": true, "his": true, "her": true, "their": true, "its": true, "our": true, "my": true, "your": true, "this": true, "that": true, "these": true, "those": true}
)

// missedCue returns the classes of a missed gold cue (all that fit, in the order of
// missedClasses) and the cue's lower-cased words.
func missedCue(text []rune, g eval.Attr) ([]string, string) {
	ws := cueWords(text, g.Cue)
	lower := strings.ToLower(strings.Join(ws, " "))
	var out []string
	add := func(c string, ok bool) {
		if ok {
			out = append(out, c)
		}
	}
	s, e := span(g.Cue)
	firstLine := strings.IndexRune(string(text), '\n')
	add("headline", firstLine < 0 || s < len([]rune(string(text)[:firstLine])))
	add("question", sentenceEnd(text, e) == '?')
	add("according", strings.Contains(lower, "according"))
	add("punctuation", len(ws) == 0)
	nominal := false
	if len(ws) > 0 {
		last := strings.ToLower(ws[len(ws)-1])
		nominal = missedNouns[last] || (len(ws) > 1 && missedDeterminers[strings.ToLower(ws[len(ws)-2])]) || (len(ws) == 1 && missedDeterminers[prevWord(text, s)])
	}
	add("nominal", nominal)
	add("unknown verb", len(ws) == 1 && !missedCueWords[strings.ToLower(ws[0])])
	add("multi-word", len(ws) > 1)
	add("source far", sourceFar(text, g))
	add("known verb", len(ws) == 1 && missedCueWords[strings.ToLower(ws[0])])
	return out, lower
}

// span returns the first and last code point of a fragment list.
func span(fs []eval.Frag) (int, int) {
	s, e := fs[0].Start, fs[0].End
	for _, f := range fs[1:] {
		s, e = min(s, f.Start), max(e, f.End)
	}
	return s, e
}

// cueWords returns the words (runs of letters, digits, apostrophes and hyphens) of a
// fragment list.
func cueWords(text []rune, fs []eval.Frag) []string {
	var out []string
	for _, f := range fs {
		out = append(out, strings.FieldsFunc(string(text[f.Start:f.End]), func(r rune) bool {
			return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' || r == '-')
		})...)
	}
	return out
}

// prevWord returns the lower-cased word before code point i.
func prevWord(text []rune, i int) string {
	j := i
	for j > 0 && unicode.IsSpace(text[j-1]) {
		j--
	}
	k := j
	for k > 0 && unicode.IsLetter(text[k-1]) {
		k--
	}
	return strings.ToLower(string(text[k:j]))
}

// sentenceEnd returns the punctuation that ends the sentence holding code point i: the
// first '.', '?' or '!' followed by a space or a line end, or a line end.
func sentenceEnd(text []rune, i int) rune {
	for ; i < len(text); i++ {
		switch text[i] {
		case '\n':
			return '\n'
		case '.', '?', '!':
			if i+1 == len(text) || unicode.IsSpace(text[i+1]) || strings.ContainsRune("”\"’'", text[i+1]) {
				return text[i]
			}
		}
	}
	return 0
}

// sourceFar reports whether the gold source is missing, more than eight words from the
// cue, or across a sentence end.
func sourceFar(text []rune, g eval.Attr) bool {
	if len(g.Source) == 0 {
		return true
	}
	cs, ce := span(g.Cue)
	ss, se := span(g.Source)
	lo, hi := se, cs
	if ss > ce {
		lo, hi = ce, ss
	}
	if hi <= lo {
		return false
	}
	between := string(text[lo:hi])
	if strings.ContainsAny(between, "\n") || strings.Contains(between, ". ") || strings.Contains(between, "? ") {
		return true
	}
	return len(strings.Fields(between)) > 8
}

// missedReport prints the counts of the missed gold cues by primary class and by every
// class they fit, with the commonest cues of each primary class and examples.
func missedReport(counts, features map[string]int, words map[string]map[string]int, examples map[string][]string) {
	fmt.Println("missed cues by primary class (first class that fits):")
	total := 0
	for _, c := range missedClasses {
		total += counts[c]
	}
	for _, c := range missedClasses {
		fmt.Printf("  %-14s %5d  (%4.1f%%)   fits: %5d\n", c, counts[c], 100*float64(counts[c])/float64(max(total, 1)), features[c])
	}
	fmt.Printf("  %-14s %5d\n", "total", total)
	for _, c := range missedClasses {
		fmt.Printf("\n[%s] commonest cues:\n", c)
		printTopN(words[c], 40)
		for _, e := range examples[c] {
			fmt.Printf("  %s\n", e)
		}
	}
}

func printTopN(m map[string]int, n int) {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool { return m[ks[i]] > m[ks[j]] || m[ks[i]] == m[ks[j]] && ks[i] < ks[j] })
	for i, k := range ks {
		if i == n {
			break
		}
		fmt.Printf("    %5d  %s\n", m[k], k)
	}
}

// oneLine returns text with its line breaks and tabs as spaces.
func oneLine(text []rune) string {
	return strings.NewReplacer("\n", " ", "\t", " ").Replace(string(text))
}
