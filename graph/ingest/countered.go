package ingest

import (
	"sort"
	"unicode"

	"github.com/claimgraph/claimgraph/graph"
)

// Counter-claims across articles. A speaker's claim in the article being written that
// says, with the other polarity, exactly what a stored claim of another article says
// disputes that claim: "Ukraine's army said the convoy was attacked near Kherson" in
// one article, then "Russia said the convoy was not attacked near Kherson" in another,
// a day later (linkCountered). Inside one article the extractor finds such answers
// (rules counterclaim-negation, counterclaim-predicate); across articles nothing marks
// them as an answer, so the rule asks for more:
//
//   - the two claims have the same content words by stem (claimStems: words other
//     than stopwords and negations, of at least three letters), at least
//     MinCounteredWords of them, and one is negated while the other is not (Counters);
//   - the new claim names something: one of its words after the first is capitalized
//     (a person, place or body), so that "prices did not rise" never answers another
//     story's "prices rose";
//   - the new claim has a speaker in its article who is none of the stored claim's
//     speakers (nobody answers their own claim);
//   - the two articles were published within MaxConflictGapDays of each other (an
//     article without a date answers nothing: a week later the facts may have changed).
//
// The new claim's speaker is the disputer, the stored claim the claim disputed, the
// statement's cue the cue and sentence, the kind "contradicts". A stored claim that more
// than MaxDisputeLinks claims counter is too common to name one statement: nothing is
// linked. The earlier claim is searched by the new claim's rarest term (equal stems
// mean the other claim holds it, inflection aside).

// MinCounteredWords is the number of content words two claims of different articles
// must share before one can counter the other.
const MinCounteredWords = 4

// Counters reports whether claim b says what claim a says with the other polarity, by
// this file's rule (content words by stem, polarity; names, speakers and dates are
// checked by the caller).
func Counters(a, b graph.Claim) bool {
	if a.ID == b.ID {
		return false
	}
	sa, na := claimStems(a.Text)
	sb, nb := claimStems(b.Text)
	if na == nb || len(sa) < MinCounteredWords || len(sa) != len(sb) {
		return false
	}
	for w := range sa {
		if !sb[w] {
			return false
		}
	}
	return true
}

// namesSomething reports whether a claim's text has a capitalized word after its
// first (a name: "near Kherson", "the Velmor plant").
func namesSomething(text string) bool {
	first := true
	inWord := false
	for _, r := range text {
		switch {
		case unicode.IsLetter(r):
			if !inWord && !first && unicode.IsUpper(r) {
				return true
			}
			inWord = true
		default:
			if inWord {
				first = false
			}
			inWord = false
		}
	}
	return false
}

// linkCountered adds, for each claim of the bundle that a speaker of the article
// states, a dispute of every stored claim of another article that it counters (see
// this file's rule).
func (r *reasoner) linkCountered() error {
	mine, terms := counteredClaims(r.g, r.isReference)
	if len(mine) == 0 {
		return nil
	}
	pages, err := r.searchTexts(terms)
	if err != nil {
		return err
	}
	have := map[string]bool{}
	for _, d := range r.g.Disputes {
		have[d.ID] = true
	}
	var added []graph.Dispute
	for _, m := range mine {
		var found []graph.Claim
		for _, s := range pages[m.term].Items {
			if onlyThis(s.ArticleIDs, r.g.Article.ID) || contains(s.SpeakerIDs, m.st.SpeakerID) || !Counters(s.Claim, m.claim) {
				continue
			}
			side, ok, err := r.storedSide(s.Claim.ID)
			if err != nil {
				return err
			}
			if ok && anyWithin([]graph.Date{r.g.Article.Published}, datedOnly(side.dates), MaxConflictGapDays) {
				found = append(found, s.Claim)
			}
		}
		if len(found) == 0 || len(found) > MaxDisputeLinks {
			continue
		}
		sort.Slice(found, func(i, j int) bool { return found[i].ID < found[j].ID })
		for _, c := range found {
			x := graph.Dispute{
				ArticleID: r.g.Article.ID, DisputerID: m.st.SpeakerID, ClaimID: c.ID,
				Kind: graph.DisputeContradicts, Cue: m.st.Cue, Sentence: m.st.Sentence, Confidence: m.st.Confidence,
			}
			x.ID = graph.DisputeID(x.ArticleID, x.Cue, x.DisputerID, x.ClaimID, x.TargetAgentID)
			if have[x.ID] {
				continue
			}
			have[x.ID] = true
			r.addClaim(c)
			added = append(added, x)
			r.res.LinkedDisputes++
		}
	}
	r.g.Disputes = append(r.g.Disputes, added...)
	return nil
}

// counteredClaim is a claim of a bundle that may counter a stored claim: its first
// statement by a speaker of the bundle's article, and the rarest term it is searched
// by.
type counteredClaim struct {
	claim graph.Claim
	st    graph.Statement
	term  string
}

// counteredClaims lists the claims of g that linkCountered looks for in other
// articles (this file's rule: a speaker of g's article states it, it names something,
// it has MinCounteredWords content words, and g's article is dated), leaving out
// those skip names (references to stored claims), and the distinct terms they are
// searched by, in order. A batch's prefetch (deferred.prefetch) reads the same
// searches ahead.
func counteredClaims(g *graph.ArticleGraph, skip func(claimID string) bool) ([]counteredClaim, []string) {
	if g.Article.Published.Value == "" {
		return nil, nil
	}
	firstStatement := map[string]graph.Statement{}
	for _, s := range g.Statements {
		if _, ok := firstStatement[s.ClaimID]; !ok && s.SpeakerID != "" && s.ArticleID == g.Article.ID {
			firstStatement[s.ClaimID] = s
		}
	}
	var mine []counteredClaim
	var terms []string
	seen := map[string]bool{}
	for _, c := range g.Claims {
		st, ok := firstStatement[c.ID]
		if !ok || skip(c.ID) || !namesSomething(c.Text) {
			continue
		}
		if stems, _ := claimStems(c.Text); len(stems) < MinCounteredWords {
			continue
		}
		ts := CandidateTerms(c.Text, 1)
		if len(ts) == 0 {
			continue
		}
		mine = append(mine, counteredClaim{claim: c, st: st, term: ts[0]})
		if !seen[ts[0]] {
			seen[ts[0]] = true
			terms = append(terms, ts[0])
		}
	}
	return mine, terms
}

// datedOnly returns the dates that are known.
func datedOnly(ds []graph.Date) []graph.Date {
	var out []graph.Date
	for _, d := range ds {
		if d.Value != "" {
			out = append(out, d)
		}
	}
	return out
}
