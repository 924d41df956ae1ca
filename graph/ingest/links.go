package ingest

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/graph"
)

// Numeric links between claims. Two different claims that count the same thing (same
// counted noun and unit, graph.Comparable) are linked when their articles' times
// overlap (TimesOverlap):
//
//   - conflicts, when any pair of their comparable quantities conflicts
//     (graph.QuantitiesConflict: the intervals their qualifiers allow are disjoint)
//     and the two articles were published within MaxConflictGapDays of each other
//     (a figure given days later is an update of a running tally);
//   - corroborates, otherwise, when a pair agrees (graph.QuantitiesAgree) and the two
//     claims come from independent origins: no statement of the one has the origin of
//     a statement of the other (reason_links.go statementOrigin: the first agency,
//     else the speaker, else the article). The same figure that one speaker gives in
//     two articles, or that two outlets copy from one wire story, is one source
//     repeated, not a second source.
//
// Counting the same thing takes more than the same counted noun (SameSubject). A
// casualty count (a counted thing with a casualty word: dead, killed, injured,
// displaced, detained, ..., see graph.CanonicalCounted) names its subject well enough
// inside one article: two speakers' tolls there are tolls of the event the article
// reports. Across articles it must also share a proper noun with the other claim (a
// place, an event, a people: "Recife", "Palestinians"), because "49 people killed at
// Pulse" and "nine people killed in the church" are tolls of two events, not one toll
// in dispute (read on PolNeAR train, where the casualty counts of different
// shootings and bombings were linked as conflicts by the dozen). Any other counted thing
// ("delegates", "registered voters", "troops") is compared only when the two claims
// share at least MinSubjectWords other content words, at a content-word Jaccard of at
// least MinSubjectJaccard, and a proper noun (a capitalized word inside the sentence
// that is not a weekday or month): "Ted Cruz has 370 delegates" and "Ted Cruz has 11
// delegates" are compared (and only conflict when their dates overlap), "With 38
// delegates at stake" and "With 222 delegates at stake" are not, nor are "It takes
// 1,237 delegates to win the Republican nomination" and "It takes 2,383 delegates to
// win the nomination", nor 50,000 troops in Bosnia and 60,000 in Kosovo. Durations
// ("years", "months", ...) are never compared. Within one article, claims are linked
// only when two different speakers state them: an article does not contradict itself,
// and its different counts of one noun are counts of different things.
//
// Two kinds of counts are never linked, whatever their numbers. A count of each part
// ("Two Americans were killed at each location", "three per district", "50 apiece":
// distributiveWords) is not the total another claim gives ("four Americans were
// killed"), nor is a count of a selection ("the first two states to vote":
// selectionWords) the total of "the four states". And inside one article, a claim whose words hold the other's words in
// a row is the same report nested in a longer one ("Comey said investigators had
// recovered 3,000 emails" and "investigators had recovered 3,000 emails"), one
// statement, not two; across articles such a pair is a restatement and is compared.
//
// Overlapping but not agreeing counts ("at least 20" and "25") are not linked. The
// link's Reason names both values with their qualifiers and speakers and the counted
// thing: "more than 68,800 (Gaza’s Health Ministry) vs 52,000 (Israel) palestinians
// dead".

// MaxLinkGapDays is how far apart two articles' publication dates may be for their
// counts to be compared: running totals (death tolls) grow, so a count from a year
// earlier is no conflict. Unknown dates always overlap.
const MaxLinkGapDays = 31

// MaxPairsPerCount bounds the comparisons inside one article: a claim is compared with
// at most this many earlier claims of the article that count the same thing. Real
// articles have a handful; the bound keeps a pathological one linear.
const MaxPairsPerCount = 32

// MaxArticleLinks bounds the links reasoning makes for one article (within it and to
// stored claims): once it has made this many, it makes no more. Real articles make a
// handful (the 839 PolNeAR train articles together made 49); an article of nothing but
// counts of six things by 450 speakers made 166,995 (each claim in conflict with the
// ones around it), which held more memory than the rest of the article and linked
// nothing a reader could follow. Links are made in a fixed order (within the article
// first, then to stored claims, each in the article's order), so the same input keeps
// the same links.
const MaxArticleLinks = 1000

// dateRange returns the first and last day a date may denote.
func dateRange(d graph.Date) (time.Time, time.Time, bool) {
	switch d.Precision {
	case graph.PrecisionDay:
		t, err := time.Parse("2006-01-02", d.Value)
		return t, t, err == nil
	case graph.PrecisionMonth:
		t, err := time.Parse("2006-01", d.Value)
		return t, t.AddDate(0, 1, -1), err == nil
	case graph.PrecisionYear:
		t, err := time.Parse("2006", d.Value)
		return t, t.AddDate(1, 0, -1), err == nil
	}
	return time.Time{}, time.Time{}, false
}

// TimesOverlap reports whether two publication dates lie within MaxLinkGapDays of
// each other (at their precision); an unknown date overlaps everything.
func TimesOverlap(a, b graph.Date) bool { return withinDays(a, b, MaxLinkGapDays) }

// MaxConflictGapDays is how far apart two articles' publication dates may be for
// their different figures of one count to conflict: two sides' figures of the news of
// the same days. A running tally reported a week or more apart ("Ted Cruz has 11
// delegates" on February 20, "370 delegates" on March 15; "Clinton has 503 delegates"
// and, ten days later, "at least 882") is an update, not a contradiction (read on
// PolNeAR train, where such tallies were most of the conflicts linked); agreeing
// figures corroborate within MaxLinkGapDays. Inside one article two figures always
// share its date.
const MaxConflictGapDays = 3

// withinDays reports whether two publication dates lie within days of each other (at
// their precision); an unknown date is within any distance.
func withinDays(a, b graph.Date, days int) bool {
	a0, a1, okA := dateRange(a)
	b0, b1, okB := dateRange(b)
	if !okA || !okB {
		return true
	}
	gap := time.Duration(days) * 24 * time.Hour
	return !a0.After(b1.Add(gap)) && !b0.After(a1.Add(gap))
}

// Thresholds of SameSubject for counted things that are not casualty counts.
const (
	MinSubjectWords   = 3
	MinSubjectJaccard = 0.3
)

// durations are counted nouns that are never compared.
var durations = map[string]bool{
	"years": true, "year": true, "months": true, "month": true, "weeks": true, "week": true,
	"days": true, "day": true, "hours": true, "hour": true, "minutes": true, "decades": true,
	"times": true, "phases": true, "steps": true, "points": true,
}

// casualtyStates are the canonical casualty words of graph.CanonicalCounted.
var casualtyStates = map[string]bool{"dead": true, "injured": true, "displaced": true, "detained": true}

// SameSubject reports whether a and b, claims of two articles which have comparable
// quantities with the counted thing counted, count the same thing by this file's rule.
func SameSubject(a, b graph.Claim, counted string) bool {
	return sameSubject(a, b, counted, false)
}

// sameSubject is SameSubject, for two claims of one article when within is set (a
// casualty count then needs no shared proper noun).
func sameSubject(a, b graph.Claim, counted string, within bool) bool {
	words := graph.Words(graph.CanonicalCounted(counted))
	if len(words) == 0 {
		return false
	}
	skip := map[string]bool{}
	for _, w := range words {
		if durations[w] {
			return false
		}
		if casualtyStates[w] {
			if within {
				return !otherCountries(a.Text, b.Text)
			}
			return sameEvent(a.Text, b.Text, counted)
		}
		skip[w] = true
	}
	content := func(text string) map[string]bool {
		m := map[string]bool{}
		for _, w := range graph.Words(text) {
			if !stopwords[w] && !skip[w] && !isNumberToken(w) && len(w) > 1 {
				m[w] = true
			}
		}
		return m
	}
	ca, cb := content(a.Text), content(b.Text)
	shared := 0
	for w := range ca {
		if cb[w] {
			shared++
		}
	}
	union := len(ca) + len(cb) - shared
	if shared < MinSubjectWords || union == 0 || float64(shared)/float64(union) < MinSubjectJaccard {
		return false
	}
	return shareProperNoun(a.Text, b.Text)
}

// shareProperNoun reports whether two texts have a proper noun in common (properNouns).
func shareProperNoun(a, b string) bool {
	pb := properNouns(b)
	for w := range properNouns(a) {
		if pb[w] {
			return true
		}
	}
	return false
}

var calendarWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`monday tuesday wednesday thursday friday saturday sunday january
		february march april may june july august september october november december jan feb mar apr
		jun jul aug sep sept oct nov dec`) {
		calendarWords[w] = true
	}
}

// properNouns returns the lowercased capitalized words of a text that stand inside a
// sentence (not first, not after . ! ? or an opening quote), other than stopwords and
// calendar words.
func properNouns(text string) map[string]bool {
	out := map[string]bool{}
	start := true
	for _, f := range strings.Fields(text) {
		w := strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if w != "" {
			r, _ := utf8.DecodeRuneInString(w)
			lw := strings.ToLower(w)
			if !start && unicode.IsUpper(r) && !stopwords[lw] && !calendarWords[lw] {
				out[lw] = true
			}
			start = false
		}
		last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(f, "\"”’'"))
		if last == '.' || last == '!' || last == '?' || last == ':' {
			start = true
		}
	}
	return out
}

// QuantityLink decides how claims a and b of two articles relate by their numbers (see
// this file's rule). speakerA and speakerB name who said them, for the reason ("" when
// the article itself asserts the claim). ok is false when they are not linked.
func QuantityLink(a, b graph.Claim, speakerA, speakerB string) (kind graph.LinkKind, reason string, ok bool) {
	return quantityLink(a, b, speakerA, speakerB, false)
}

// QuantityLinkWithin is QuantityLink for two claims of one article: a casualty count
// needs no shared proper noun there (SameSubject).
func QuantityLinkWithin(a, b graph.Claim, speakerA, speakerB string) (kind graph.LinkKind, reason string, ok bool) {
	return quantityLink(a, b, speakerA, speakerB, true)
}

func quantityLink(a, b graph.Claim, speakerA, speakerB string, within bool) (kind graph.LinkKind, reason string, ok bool) {
	if a.ID == b.ID || distributive(a.Text) || distributive(b.Text) || within && nested(a.Text, b.Text) {
		return "", "", false
	}
	var agree string
	for _, qa := range a.Quantities {
		for _, qb := range b.Quantities {
			if !graph.Comparable(qa, qb) || selection(a, qa) || selection(b, qb) || increment(a, qa) || increment(b, qb) || !sameSubject(a, b, qa.Counted, within) {
				continue
			}
			switch {
			case graph.QuantitiesConflict(qa, qb):
				return graph.LinkConflicts, fmt.Sprintf("%s vs %s %s", valueBy(qa, speakerA), valueBy(qb, speakerB), qa.Counted), true
			case agree == "" && graph.QuantitiesAgree(qa, qb):
				agree = fmt.Sprintf("%s and %s %s", valueBy(qa, speakerA), valueBy(qb, speakerB), qa.Counted)
			}
		}
	}
	if agree == "" && !within {
		agree = samePercent(a, b, speakerA, speakerB)
	}
	if agree != "" {
		return graph.LinkCorroborates, agree, true
	}
	return "", "", false
}

// Thresholds of samePercentSubject.
const (
	MinPercentWords   = 4
	MinPercentJaccard = 0.5
)

// samePercent returns the reason of a corroboration when claims a and b of two
// articles give the same percentage with no counted thing ("Trump was winning 46
// percent of likely voters in the Quinnipiac poll of Ohio") about the same subject
// (samePercentSubject), else "". A percentage of a poll or a rate is compared only for
// the same figure: two different percentages of like words are as often two polls,
// two weeks or two groups as one figure in dispute, so they never conflict.
func samePercent(a, b graph.Claim, speakerA, speakerB string) string {
	for _, qa := range a.Quantities {
		for _, qb := range b.Quantities {
			if qa.Counted != "" || qb.Counted != "" || qa.Unit != "percent" || qb.Unit != "percent" ||
				graph.FormatQuantity(qa) != graph.FormatQuantity(qb) {
				continue
			}
			if samePercentSubject(a.Text, b.Text) {
				return fmt.Sprintf("%s and %s", valueBy(qa, speakerA), valueBy(qb, speakerB))
			}
		}
	}
	return ""
}

// samePercentSubject reports whether two claims giving a percentage say it of the
// same thing: the capitalized names of one (other than function words, honorifics and
// calendar words: extract/lexicon) all among those of the other (the candidate, the
// poll, the state: "Trump ... Quinnipiac ... Ohio" is not "Clinton ... Quinnipiac ...
// Ohio", while "just 28 percent of voters said they had a positive view of Mrs.
// Clinton" is what "In a poll conducted by the New York Times and ABC News, just 28
// percent of voters said they had a positive view of Clinton" says), the same
// polarity, and at least MinPercentWords content words in common at a Jaccard of at
// least MinPercentJaccard.
func samePercentSubject(a, b string) bool {
	names := func(t string) map[string]bool {
		m := map[string]bool{}
		for _, f := range strings.Fields(t) {
			w := strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
			if w == "" {
				continue
			}
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
				if lw := strings.ToLower(w); !stopwords[lw] && !calendarWords[lw] && !functionWords[lw] && honorifics[lw] == "" {
					m[lw] = true
				}
			}
		}
		return m
	}
	na, nb := names(a), names(b)
	if len(na) > len(nb) {
		na, nb = nb, na
	}
	if len(na) == 0 {
		return false
	}
	for w := range na {
		if !nb[w] {
			return false
		}
	}
	content := func(t string) (map[string]bool, bool) {
		m, neg := map[string]bool{}, false
		for _, w := range allWords(t) {
			switch {
			case w == "not" || w == "no" || w == "never" || strings.HasSuffix(w, "n't"):
				neg = true
			case !stopwords[w] && !isNumberToken(w) && len(w) > 1 && w != "percent":
				m[w] = true
			}
		}
		return m, neg
	}
	ca, negA := content(a)
	cb, negB := content(b)
	if negA != negB {
		return false
	}
	shared := 0
	for w := range ca {
		if cb[w] {
			shared++
		}
	}
	union := len(ca) + len(cb) - shared
	return shared >= MinPercentWords && union > 0 && float64(shared)/float64(union) >= MinPercentJaccard
}

func valueBy(q graph.Quantity, speaker string) string {
	if speaker == "" {
		return graph.FormatQuantity(q)
	}
	return graph.FormatQuantity(q) + " (" + speaker + ")"
}

// selectionWords before a count make it a count of some members of a sequence ("the
// first four states", "the top 10 donors"), not a total.
var selectionWords = map[string]bool{"first": true, "last": true, "next": true, "top": true, "previous": true, "final": true}

// selection reports whether quantity q of claim c counts a selection: its text in the
// claim comes right after a selection word.
func selection(c graph.Claim, q graph.Quantity) bool {
	text := strings.ToLower(c.Text)
	i := strings.Index(text, strings.ToLower(q.Text))
	if i <= 0 {
		return false
	}
	before := allWords(text[:i])
	return len(before) > 0 && selectionWords[before[len(before)-1]]
}

// incrementBefore before a count, and incrementAfter right after it, make it a count
// of what was added since the last report ("a further 26 people have died", "another
// 12", "26 more deaths", "30 new cases"), not the total another claim gives ("the
// death toll rose to over 420").
var (
	incrementBefore = map[string]bool{"further": true, "another": true, "additional": true}
	incrementAfter  = map[string]bool{"more": true, "new": true, "additional": true, "further": true}
)

// increment reports whether quantity q of claim c counts an increment (incrementBefore,
// incrementAfter; "more than" after a figure is a qualifier, not an increment).
func increment(c graph.Claim, q graph.Quantity) bool {
	text := strings.ToLower(c.Text)
	qt := strings.ToLower(q.Text)
	i := strings.Index(text, qt)
	if i < 0 || qt == "" {
		return false
	}
	before := allWords(text[:i])
	if len(before) > 0 && incrementBefore[before[len(before)-1]] {
		return true
	}
	after := allWords(text[i+len(qt):])
	return len(after) > 0 && incrementAfter[after[0]] && !(after[0] == "more" && len(after) > 1 && after[1] == "than")
}

// distributiveWords make the count before them a count of each part.
var distributiveWords = map[string]bool{"each": true, "per": true, "apiece": true, "every": true}

// distributive reports whether a claim counts by part (distributiveWords).
func distributive(text string) bool {
	for _, w := range graph.Words(text) {
		if distributiveWords[w] {
			return true
		}
	}
	return false
}

// nested reports whether the words of one text, in order, are a run of the words of
// the other: one report inside another.
func nested(a, b string) bool {
	wa, wb := " "+strings.Join(allWords(a), " ")+" ", " "+strings.Join(allWords(b), " ")+" "
	return strings.Contains(wa, wb) || strings.Contains(wb, wa)
}

// allWords lists a text's words lowercased, in order, repeats kept (graph.Words drops
// them).
func allWords(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}
