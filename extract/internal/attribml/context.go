package attribml

// Sentence is a sentence as the context code sees it: its tokens [First, Last) and
// its paragraph.
type Sentence struct {
	First, Last, Para int
}

// maxContextSentences bounds how far a context widens, keeping the cost linear.
const maxContextSentences = 6

// Bounds of a cue's context in tokens before and after the cue, so that the cost per
// cue stays constant however long a sentence is (a 10 MB line without punctuation is
// one sentence).
const (
	MaxBefore = 150
	MaxAfter  = 300
)

// contextSentences returns the sentence range [s0, s1) whose tokens form the context
// of a cue in sentence si: the sentence itself, widened backwards while the sentence
// starts inside a quotation that began earlier, and forwards over sentences that go on
// with a quotation or open a new one, within the paragraph or across a paragraph break
// that a quotation runs over (or that follows a colon).
func contextSentences(toks []Tok, sents []Sentence, si int) (int, int) {
	s0, s1 := si, si+1
	for s0 > 0 && si-s0 < maxContextSentences {
		s, p := sents[s0], sents[s0-1]
		if p.Para != s.Para {
			if !quoteRunsOn(toks, p, s) {
				break
			}
		} else if !continuesQuote(toks, s.First) {
			break
		}
		s0--
	}
	for s1 < len(sents) && s1-si < maxContextSentences {
		s, p := sents[s1], sents[s1-1]
		colon := toks[p.Last-1].Colon
		if p.Para != s.Para && !(colon && toks[s.First].Opens) && !quoteRunsOn(toks, p, s) {
			break
		}
		// a quotation going on, a new one opening right after ("X," he said. "Y."),
		// or a sentence ending in a colon
		if !continuesQuote(toks, s.First) && !toks[s.First].Opens && !colon {
			break
		}
		s1++
	}
	return s0, s1
}

// CueWindow returns the token range [lo, hi) of the context of the cue at tokens
// [a, b) in sentence si, at most before tokens before the cue and after tokens after.
// The extractor and the trainer both call it, so that the role tagger is trained on
// the contexts it sees.
func CueWindow(toks []Tok, sents []Sentence, si, a, b, before, after int) (int, int) {
	s0, s1 := contextSentences(toks, sents, si)
	lo, hi := sents[s0].First, sents[s1-1].Last
	lo = max(lo, a-before)
	hi = min(hi, b+after)
	return lo, hi
}

// quoteRunsOn reports whether a quotation runs on from the paragraph ending with
// sentence p into the paragraph starting with sentence s: news style leaves the
// closing mark off at the paragraph end and opens the next paragraph with a new one.
func quoteRunsOn(toks []Tok, p, s Sentence) bool {
	last := &toks[p.Last-1]
	return last.InQuote && last.Kind != KindQuote && toks[s.First].Opens
}

// continuesQuote reports whether the token at i is inside a quotation opened before
// it (not by it).
func continuesQuote(toks []Tok, i int) bool {
	if i <= 0 || i >= len(toks) || !toks[i].InQuote {
		return false
	}
	return toks[i-1].InQuote && !toks[i-1].Closes
}
