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
//   - Aligned word by word (longest common subsequence of tokens), the texts may differ
//     only in ways that keep the claim: function words (stopwords), inflections of one
//     word ("measure"/"measures"), a content word paraphrased inside the sentence
//     ("employ"/"use", with at least edgeWords matched content words on each side),
//     and words only one text has inside the sentence (a trimmed clause). What a claim
//     is about sits at its start and end: a content word replaced near either ("public
//     sector" / "private sector", "Russia will" / "Ukraine will"), a proper name
//     replaced anywhere ("minister of France" / "of Italy"), and a text that goes on
//     where the other ends or starts before it ("... next month" / "... next month and
//     redeploy them") make another claim. A gap holding an attribution ("...,
//     officials said", "according to ...") is not part of the claim and does not count.
//
// The thresholds were chosen on hand-made pairs (match_test.go): a changed function
// word in a 15-word reported sentence scores J ≈ 0.75; inserting "not" into a 5-word
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
	if why := alignedDifference(a.Text, b.Text, ta, tb); why != "" {
		return MatchResult{Reason: why}
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

func isReporting(t string) bool { return reportingWords[t] }

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

// reportingWords are the verbs and prepositions of an attribution clause ("officials
// said", "according to"): a gap holding one is the claim's attribution, not its content.
var reportingWords = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "tells": true, "according": true,
	"reported": true, "reports": true, "added": true, "adds": true, "stated": true, "states": true,
	"announced": true, "announces": true, "claimed": true, "claims": true, "insisted": true,
	"insists": true, "noted": true, "notes": true, "wrote": true, "writes": true, "argued": true, "argues": true,
}

// maxAlignTokens bounds the texts that alignedDifference aligns (its cost is the
// product of the lengths); longer texts are compared by their first maxAlignTokens.
const maxAlignTokens = 400

// alignedDifference aligns two texts' token lists (longest common subsequence) and
// returns why they are different claims, or "" when every difference keeps the claim
// (see the rule above). ta and tb are claimTokens of textA and textB.
func alignedDifference(textA, textB string, ta, tb []string) string {
	a, b := ta[:min(len(ta), maxAlignTokens)], tb[:min(len(tb), maxAlignTokens)]
	n, m := len(a), len(b)
	// l[i][j] is the LCS length of a[i:] and b[j:].
	l := make([][]int32, n+1)
	for i := range l {
		l[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				l[i][j] = l[i+1][j+1] + 1
			} else {
				l[i][j] = max(l[i+1][j], l[i][j+1])
			}
		}
	}
	// Walk the alignment into gaps (the tokens only a and only b have between two
	// matched tokens), each with the number of matched content words before it.
	type gap struct {
		a, b   []string
		before int
	}
	var gaps []gap
	cur, matchedContent := gap{}, 0
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && a[i] == b[j]:
			if len(cur.a)+len(cur.b) > 0 {
				cur.before = matchedContent
				gaps = append(gaps, cur)
				cur = gap{}
			}
			if len(contentWords(a[i:i+1])) > 0 {
				matchedContent++
			}
			i++
			j++
		case j == m || (i < n && l[i+1][j] >= l[i][j+1]):
			cur.a = append(cur.a, a[i])
			i++
		default:
			cur.b = append(cur.b, b[j])
			j++
		}
	}
	if len(cur.a)+len(cur.b) > 0 {
		cur.before = matchedContent
		gaps = append(gaps, cur)
	}
	names := nameWords(textA)
	for w := range nameWords(textB) {
		names[w] = true
	}
	for _, g := range gaps {
		if hasAny(g.a, isReporting) || hasAny(g.b, isReporting) {
			continue // an attribution clause
		}
		ca, cb := contentWords(g.a), contentWords(g.b)
		if len(ca)+len(cb) == 0 || inflections(ca, cb) {
			continue // function words, or another form of the same word
		}
		after := matchedContent - g.before
		edge := g.before < edgeWords || after < edgeWords
		switch {
		case len(ca) > 0 && len(cb) > 0 && (hasAny(ca, isIn(names)) || hasAny(cb, isIn(names))):
			return "a name replaced by another (" + ca[0] + " / " + cb[0] + ")"
		case len(ca) > 0 && len(cb) > 0 && edge:
			return "a content word replaced at the start or end (" + ca[0] + " / " + cb[0] + ")"
		case (len(g.a) == 0 || len(g.b) == 0) && (g.before == 0 || after == 0):
			// Words on one side only, where the other has nothing: an extension. (A
			// function word on the other side, "its forces" / "Russian forces", is a
			// reference resolved, not an extension.)
			return "one text goes on where the other starts or ends"
		}
	}
	return ""
}

// edgeWords is how many matched content words must stand on each side of a replaced
// word for it to count as a paraphrase inside the claim rather than a change of what
// the claim is about (its subject at the start, its object or tail at the end).
const edgeWords = 2

// nameWords returns the lowercased words of text written with a capital letter other
// than its first word: proper names, which a paraphrase does not replace.
func nameWords(text string) map[string]bool {
	out := map[string]bool{}
	words := strings.FieldsFunc(norm.NFKC.String(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i, w := range words {
		if r := []rune(w); i > 0 && unicode.IsUpper(r[0]) {
			out[strings.ToLower(w)] = true
		}
	}
	return out
}

func isIn(set map[string]bool) func(string) bool { return func(t string) bool { return set[t] } }

// contentWords returns the tokens of ts that are neither stopwords nor numbers
// (numbers are compared on their own).
func contentWords(ts []string) []string {
	var out []string
	for _, t := range ts {
		if !stopwords[t] && !isNumberToken(t) {
			out = append(out, t)
		}
	}
	return out
}

// inflections reports whether every content word of one side is an inflection of one
// of the other side and back: a shared stem of at least four letters, the longer
// word at most three letters longer ("measure"/"measures", "kill"/"killed").
func inflections(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return len(a) == len(b)
	}
	covered := func(xs, ys []string) bool {
		for _, x := range xs {
			ok := false
			for _, y := range ys {
				if sameStem(x, y) {
					ok = true
					break
				}
			}
			if !ok {
				return false
			}
		}
		return true
	}
	return covered(a, b) && covered(b, a)
}

func sameStem(x, y string) bool {
	rx, ry := []rune(x), []rune(y)
	if len(rx) > len(ry) {
		rx, ry = ry, rx
	}
	p := 0
	for p < len(rx) && rx[p] == ry[p] {
		p++
	}
	return p >= 4 && p >= len(rx)-1 && len(ry)-p <= 3
}
