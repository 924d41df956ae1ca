package ingest

import (
	"sort"
	"strings"
	"sync"

	"github.com/claimgraph/claimgraph/graph"
)

// Denials of restated claims. A dispute the extractor links to a claim of its own
// article ("she denied that she mishandled classified information") also disputes the
// claims of other articles that state the same thing in other words ("Clinton has
// escaped charges for her mishandling of classified information"). Ingest links it to
// them (linkRestated): a stored claim of another article restates the disputed claim
// (Restates) when
//
//   - the disputed claim has at least MinRestatedWords content words (words other than
//     stopwords and negations, of at least three letters) besides time words ("last
//     week", "Monday": timeWords), so that "he was fired", "it happened" or "the rule
//     in the interview last week" never reach a claim of another story;
//   - every one of those words is among the other claim's words, compared by their
//     stem (stemWord: "mishandled" and "mishandling" are one word);
//   - the two have the same polarity: a claim that itself negates the disputed one
//     ("she did not mishandle classified information") agrees with the denial;
//   - the disputer is not one of the other claim's speakers (nobody disputes
//     their own claim).
//
// The candidates are the stored claims that the disputed claim's rarest terms find
// (CandidateTerms, one search each: a restatement may inflect any of them), at most
// Options.MaxCandidates per term. A disputed claim that more than MaxDisputeLinks
// claims restate is too common to name one statement: nothing is linked. Only
// disputes written after the restating claim are linked (ingest reasons about the
// article it writes against the store as it stands).

// MinRestatedWords is the number of content words a disputed claim needs before it is
// looked for in other articles.
const MinRestatedWords = 3

// restatedTerms is how many of the disputed claim's rarest terms are searched.
const restatedTerms = 3

// negationWords mark a claim's polarity.
var negationWords = map[string]bool{
	"not": true, "no": true, "never": true, "nothing": true, "nobody": true, "none": true,
	"neither": true, "nor": true, "without": true, "t": true, // "didn't" splits into "didn" "t"
}

// stemWord folds the regular English inflections and the nominal "-ing" of a word so
// that a claim restated in other words still matches: "mishandled", "mishandling",
// "mishandles" → "mishandl"; "classified" → "classifi". It is deliberately crude (no
// dictionary): both sides are folded the same way.
func stemWord(w string) string {
	for _, suf := range []string{"ings", "ing", "ied", "ies", "ed", "es", "s", "e", "y"} {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) && !strings.HasSuffix(w, "ss") {
			w = strings.TrimSuffix(w, suf)
			switch suf {
			case "ied", "ies", "y":
				w += "i"
			}
			return w
		}
	}
	return w
}

// claimStems returns the stems of a text's content words and whether it holds a
// negation.
func claimStems(text string) (map[string]bool, bool) {
	out := map[string]bool{}
	negated := false
	ws := graph.Words(text)
	for i, w := range ws {
		switch {
		case negationWords[w]:
			negated = true
		case strings.HasSuffix(w, "n") && i+1 < len(ws) && ws[i+1] == "t":
			negated = true // "didn't", "wasn't": the word before "t"
		case stopwords[w] || len([]rune(w)) < 3 || isNumberToken(w):
		default:
			out[stemWord(w)] = true
		}
	}
	return out, negated
}

// timeWords say when, not what: "the rule in the interview last week" has two words
// that name what it says, too few to find it restated in another story. They are
// stems (stemWord), with the calendar words of links.go, built on first use.
var (
	timeWords     map[string]bool
	timeWordsOnce sync.Once
)

// timeStems counts the stems of a claim that are time words (timeWords).
func timeStems(stems map[string]bool) int {
	timeWordsOnce.Do(func() {
		timeWords = map[string]bool{}
		for _, w := range strings.Fields(`last next week weeks month months year years day days today
			yesterday tomorrow ago earlier later recent recently tonight morning evening night`) {
			timeWords[stemWord(w)] = true
		}
		for w := range calendarWords {
			timeWords[stemWord(w)] = true
		}
	})
	n := 0
	for w := range stems {
		if timeWords[w] {
			n++
		}
	}
	return n
}

// Restates reports whether claim other states what claim disputed states, by this
// file's rule (content words, stems, polarity; the speakers are checked by the caller).
func Restates(disputed, other graph.Claim) bool {
	if disputed.ID == other.ID {
		return false
	}
	want, negA := claimStems(disputed.Text)
	if len(want)-timeStems(want) < MinRestatedWords {
		return false
	}
	have, negB := claimStems(other.Text)
	if negA != negB {
		return false
	}
	for w := range want {
		if !have[w] {
			return false
		}
	}
	return true
}

// restatable reports whether a disputed claim of the bundle may be restated elsewhere:
// a claim of the article's own (not a reference to a stored one) with enough words.
func (r *reasoner) restatable(c graph.Claim) bool {
	if r.isReference(c.ID) {
		return false
	}
	stems, _ := claimStems(c.Text)
	return len(stems) >= MinRestatedWords
}

// searchTexts returns the page SearchClaims gives for each text (limit r.max): in one
// round trip when the store is a graph.BulkReader (a batch's deferred store then
// writes what it holds back at most once for all of them), else one search each.
func (r *reasoner) searchTexts(texts []string) (map[string]graph.Page[graph.ClaimSummary], error) {
	out := make(map[string]graph.Page[graph.ClaimSummary], len(texts))
	if len(texts) == 0 {
		return out, nil
	}
	if r.bulk != nil {
		pages, err := r.bulk.SearchClaimsText(r.ctx, texts, r.max)
		if err != nil {
			return nil, err
		}
		for i, t := range texts {
			out[t] = pages[i]
		}
		return out, nil
	}
	for _, t := range texts {
		page, err := r.st.SearchClaims(r.ctx, graph.ClaimQuery{Text: t, Page: graph.PageRequest{Limit: r.max}})
		if err != nil {
			return nil, err
		}
		out[t] = page
	}
	return out, nil
}

// linkRestated adds, for each dispute of the bundle that names a claim of the bundle,
// a dispute of every stored claim of other articles that restates it (see this
// file's rule).
func (r *reasoner) linkRestated() error {
	claims := map[string]graph.Claim{}
	for _, c := range r.g.Claims {
		claims[c.ID] = c
	}
	have := map[string]bool{}
	for _, d := range r.g.Disputes {
		have[d.ID] = true
	}
	// the searches of every disputed claim's rarest terms, read together
	var terms []string
	seen := map[string]bool{}
	for _, d := range r.g.Disputes {
		if c, ok := claims[d.ClaimID]; ok && r.restatable(c) {
			for _, t := range CandidateTerms(c.Text, restatedTerms) {
				if !seen[t] {
					seen[t] = true
					terms = append(terms, t)
				}
			}
		}
	}
	pages, err := r.searchTexts(terms)
	if err != nil {
		return err
	}
	var added []graph.Dispute
	for _, d := range r.g.Disputes {
		c, ok := claims[d.ClaimID]
		if !ok || !r.restatable(c) {
			continue
		}
		byID := map[string]Candidate{}
		for _, t := range CandidateTerms(c.Text, restatedTerms) {
			for _, s := range pages[t].Items {
				if !onlyThis(s.ArticleIDs, r.g.Article.ID) && !contains(s.SpeakerIDs, d.DisputerID) && Restates(c, s.Claim) {
					byID[s.Claim.ID] = Candidate{Claim: s.Claim, Speakers: s.SpeakerIDs}
				}
			}
		}
		if len(byID) == 0 || len(byID) > MaxDisputeLinks {
			continue
		}
		ids := make([]string, 0, len(byID))
		for id := range byID {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			x := d
			x.ClaimID = id
			x.ID = graph.DisputeID(x.ArticleID, x.Cue, x.DisputerID, x.ClaimID, x.TargetAgentID)
			if have[x.ID] {
				continue
			}
			have[x.ID] = true
			r.addClaim(byID[id].Claim)
			added = append(added, x)
			r.res.LinkedDisputes++
		}
	}
	r.g.Disputes = append(r.g.Disputes, added...)
	return nil
}
