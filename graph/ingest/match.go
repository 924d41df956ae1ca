package ingest

import (
	"sort"
	"strings"
	"unicode"

	"github.com/claimgraph/claimgraph/graph"
	"golang.org/x/text/unicode/norm"
)

// Near-duplicate claims: when is a claim extracted from a new article the same claim as
// one already stored, so that the new statement joins the stored Claim instead of
// creating another one?
//
// Identical normalized texts (graph.NormalizeClaimText) already share an id. Beyond
// that, two claim texts are compared as sets of word bigrams (shingles of two
// consecutive words, lowercased, numbers with their separators removed):
//
//   - Jaccard J = |A∩B| / |A∪B|; containment C = |A∩B| / min(|A|, |B|).
//   - Reported speech, statistics and assertions merge when J ≥ ReportedJaccard, or
//     when C ≥ ContainmentThreshold and the shorter text has at least
//     ContainmentMinShingles bigrams: an outlet that trims a relative clause reports
//     the same claim.
//   - The words only one text has must include no negation or condition ("not",
//     "unless", "only if", ...): a text that adds "only if Hamas disarms" is another
//     claim, however similar.
//   - Direct quotations are someone's exact words: when either claim is a direct quote
//     they merge only when J ≥ QuoteJaccard (one changed word in a quote of about 40
//     words; in shorter quotes only case, punctuation, quote marks and spacing may
//     differ), and containment does not apply.
//   - Texts of fewer than MinMatchWords words merge only when identical.
//   - Numbers must be equal: the multisets of numbers in both texts, and the values of
//     their extracted quantities, must be the same.
//   - Negation must agree: both texts contain a negation word, or neither does.
//
// The thresholds were chosen on hand-made pairs (match_test.go): a one-word paraphrase
// of a 15-word reported sentence scores J ≈ 0.75; inserting "not" into a 5-word
// sentence scores J = 0.5; unrelated sentences about the same topic score below 0.2.
const (
	ReportedJaccard        = 0.6
	QuoteJaccard           = 0.9
	ContainmentThreshold   = 0.9
	ContainmentMinShingles = 8
	MinMatchWords          = 4
)

// negators are words whose presence on one side only changes a claim's meaning.
var negators = map[string]bool{
	"not": true, "no": true, "never": true, "nor": true, "cannot": true, "none": true,
	"nothing": true, "neither": true, "without": true,
}

// conditionals are words that, added by a longer text, make it a different claim.
var conditionals = map[string]bool{
	"unless": true, "if": true, "only": true, "except": true, "but": true, "until": true,
	"provided": true, "although": true, "though": true,
}

// claimTokens splits a text into lowercase word tokens in order: runs of letters and
// digits, keeping inner apostrophes ("don't") and, between digits, inner commas and
// periods, which are dropped from the token ("68,800" → "68800", "1.5" → "1.5").
func claimTokens(text string) []string {
	rs := []rune(norm.NFKC.String(text))
	var out []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			out = append(out, b.String())
			b.Reset()
		}
	}
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	for i, r := range rs {
		switch {
		case isWord(r):
			b.WriteRune(unicode.ToLower(r))
		case (r == '\'' || r == '’') && b.Len() > 0 && i+1 < len(rs) && unicode.IsLetter(rs[i+1]) && unicode.IsLetter(rs[i-1]):
			b.WriteByte('\'')
		case r == ',' && b.Len() > 0 && i+1 < len(rs) && unicode.IsDigit(rs[i+1]) && unicode.IsDigit(rs[i-1]):
			// thousands separator: dropped
		case r == '.' && b.Len() > 0 && i+1 < len(rs) && unicode.IsDigit(rs[i+1]) && unicode.IsDigit(rs[i-1]):
			b.WriteByte('.')
		default:
			flush()
		}
	}
	flush()
	return out
}

func isNumberToken(t string) bool {
	if t == "" {
		return false
	}
	for _, r := range t {
		if !unicode.IsDigit(r) && r != '.' {
			return false
		}
	}
	return true
}

func isNegation(t string) bool { return negators[t] || strings.HasSuffix(t, "n't") }

// shingleSet returns the set of word bigrams of tokens (the single token when there
// is only one).
func shingleSet(tokens []string) map[string]bool {
	set := map[string]bool{}
	if len(tokens) == 1 {
		set[tokens[0]] = true
	}
	for i := 0; i+1 < len(tokens); i++ {
		set[tokens[i]+" "+tokens[i+1]] = true
	}
	return set
}

// Similarity returns the bigram Jaccard similarity and containment of two texts (see
// the package rule above). Both are 0 when either text has no words.
func Similarity(a, b string) (jaccard, containment float64) {
	sa, sb := shingleSet(claimTokens(a)), shingleSet(claimTokens(b))
	return setSimilarity(sa, sb)
}

func setSimilarity(sa, sb map[string]bool) (jaccard, containment float64) {
	if len(sa) == 0 || len(sb) == 0 {
		return 0, 0
	}
	inter := 0
	for s := range sa {
		if sb[s] {
			inter++
		}
	}
	union := len(sa) + len(sb) - inter
	return float64(inter) / float64(union), float64(inter) / float64(min(len(sa), len(sb)))
}

// MatchResult says whether two claims are the same and why (for logs and tests).
type MatchResult struct {
	Same        bool
	Jaccard     float64
	Containment float64
	Reason      string
}

// SameClaim decides whether claims a and b are one claim, by the rule documented in
// this file. It is symmetric.
func SameClaim(a, b graph.Claim) MatchResult {
	if a.ID != "" && a.ID == b.ID || graph.NormalizeClaimText(a.Text) == graph.NormalizeClaimText(b.Text) {
		return MatchResult{Same: true, Jaccard: 1, Containment: 1, Reason: "identical normalized text"}
	}
	ta, tb := claimTokens(a.Text), claimTokens(b.Text)
	if len(ta) < MinMatchWords || len(tb) < MinMatchWords {
		return MatchResult{Reason: "too short to match unless identical"}
	}
	if !sameNumbers(ta, tb) || !sameQuantityValues(a.Quantities, b.Quantities) {
		return MatchResult{Reason: "numbers differ"}
	}
	if hasAny(ta, isNegation) != hasAny(tb, isNegation) {
		return MatchResult{Reason: "negation differs"}
	}
	if extraChangesMeaning(ta, tb) || extraChangesMeaning(tb, ta) {
		return MatchResult{Reason: "a negation or condition on one side only"}
	}
	sa, sb := shingleSet(ta), shingleSet(tb)
	j, c := setSimilarity(sa, sb)
	r := MatchResult{Jaccard: j, Containment: c}
	if a.Kind == graph.ClaimDirectQuote || b.Kind == graph.ClaimDirectQuote {
		r.Same = j >= QuoteJaccard
		r.Reason = "quotation: needs Jaccard ≥ QuoteJaccard"
		return r
	}
	if j >= ReportedJaccard {
		r.Same, r.Reason = true, "Jaccard ≥ ReportedJaccard"
		return r
	}
	short := ta
	if len(sb) < len(sa) {
		short = tb
	}
	if c >= ContainmentThreshold && len(shingleSet(short)) >= ContainmentMinShingles {
		r.Same, r.Reason = true, "containment ≥ ContainmentThreshold"
		return r
	}
	r.Reason = "not similar enough"
	return r
}

// extraChangesMeaning reports whether the words that only other has (not base)
// include a negation or a condition.
func extraChangesMeaning(base, other []string) bool {
	have := map[string]bool{}
	for _, t := range base {
		have[t] = true
	}
	for _, t := range other {
		if !have[t] && (isNegation(t) || conditionals[t]) {
			return true
		}
	}
	return false
}

func hasAny(ts []string, f func(string) bool) bool {
	for _, t := range ts {
		if f(t) {
			return true
		}
	}
	return false
}

func sameNumbers(a, b []string) bool {
	na, nb := numbersOf(a), numbersOf(b)
	if len(na) != len(nb) {
		return false
	}
	for i := range na {
		if na[i] != nb[i] {
			return false
		}
	}
	return true
}

func numbersOf(ts []string) []string {
	var out []string
	for _, t := range ts {
		if isNumberToken(t) {
			out = append(out, t)
		}
	}
	sort.Strings(out)
	return out
}

// sameQuantityValues: when both claims have extracted quantities, their sorted values
// (and range ends) must be equal; number words ("two") are covered here.
func sameQuantityValues(a, b []graph.Quantity) bool {
	if len(a) == 0 || len(b) == 0 {
		return true // nothing extracted on one side: the number tokens decide
	}
	va, vb := quantityValues(a), quantityValues(b)
	if len(va) != len(vb) {
		return false
	}
	for i := range va {
		if va[i] != vb[i] {
			return false
		}
	}
	return true
}

func quantityValues(qs []graph.Quantity) []float64 {
	var out []float64
	for _, q := range qs {
		out = append(out, q.Value)
		if q.Max != nil {
			out = append(out, *q.Max)
		}
	}
	sort.Float64s(out)
	return out
}

// stopwords are frequent English words that make poor search terms.
var stopwords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the and or but if of to in on at by for with from as into
		about over after before under between through during without within than then that this these
		those there here it its it's is are was were be been being has have had do does did will would
		shall should can could may might must not no he she they we you i his her their our your them him
		us me my who whom whose which what when where why how all any both each few more most other some
		such only own same so too very just also said says say told tell according s t one two new
		also while still even because since however mr ms mrs`) {
		stopwords[w] = true
	}
}

// CandidateTerms returns up to n search terms of a text, rarest first, for finding
// near-duplicate candidates with Store.SearchClaims: numbers of three or more digits
// first, then non-stopwords, longer words first, ties in text order. Terms are
// graph.Words, the form the stores index.
func CandidateTerms(text string, n int) []string {
	words := graph.Words(text)
	type cand struct {
		w     string
		score int
		pos   int
	}
	var cs []cand
	for i, w := range words {
		if stopwords[w] {
			continue
		}
		score := len([]rune(w))
		if isNumberToken(w) {
			if len(w) < 3 {
				continue
			}
			score += 100
		} else if len([]rune(w)) < 3 {
			continue
		}
		cs = append(cs, cand{w, score, i})
	}
	sort.SliceStable(cs, func(i, j int) bool {
		if cs[i].score != cs[j].score {
			return cs[i].score > cs[j].score
		}
		return cs[i].pos < cs[j].pos
	})
	var out []string
	for _, c := range cs {
		if len(out) == n {
			break
		}
		out = append(out, c.w)
	}
	return out
}
