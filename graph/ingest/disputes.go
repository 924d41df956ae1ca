package ingest

import (
	"sort"

	"github.com/claimgraph/claimgraph/graph"
)

// Disputes across articles. The extractor links a dispute to a claim of its own
// article when it can ("Israel disputes these figures" right after the Health
// Ministry's count). A dispute it could not link to a claim of its own article, or
// only to a claim that merely refers to someone's claims ("Israel disputes the Health
// Ministry's figures" gives the claim "the Health Ministry's figures": at most
// MaxReferenceWords words, no quantity, a figure word or "claims", "report",
// "account", "allegations", "statement", ...), is linked at ingest to claims the store
// already holds from other articles, by PickDisputedClaims:
//
//   - By speaker: the dispute targets an agent ("Israel disputes the Health Ministry's
//     figures" targets Gaza’s Health Ministry): the candidates are the stored claims
//     that agent said (the Options.MaxCandidates most reported ones). If the dispute sentence speaks of figures ("figures", "numbers",
//     "toll", "count", "tally", "statistics", "data", "estimates"), only claims with
//     quantities are candidates and no further word needs to match; otherwise a
//     candidate must share at least MinSpeakerDisputeWords content words with the
//     sentence.
//   - By subject: the dispute names no agent and no claim of its own article: the
//     candidates are stored claims found by the sentence's rarest terms. When the
//     sentence speaks of figures, a candidate must have a quantity whose counted noun
//     shares a word with the sentence ("disputes the figures of Palestinians killed");
//     otherwise it must share at least MinSubjectDisputeWords content words.
//
// Content words are the sentence's words other than stopwords, the dispute cue and the
// names of the disputer and target. The candidates with the most shared content words
// win; when more than MaxDisputeLinks tie, the reference is ambiguous and nothing is
// linked. A claim the disputer itself said is never a candidate.
const (
	MinSpeakerDisputeWords = 1
	MinSubjectDisputeWords = 2
	MaxDisputeLinks        = 3
	MaxReferenceWords      = 6
)

var figureWords = map[string]bool{
	"figures": true, "figure": true, "numbers": true, "number": true, "toll": true, "tolls": true,
	"count": true, "counts": true, "tally": true, "statistics": true, "data": true,
	"estimates": true, "estimate": true, "casualty": true,
}

var disputeWords = map[string]bool{
	"dispute": true, "disputes": true, "disputed": true, "disputing": true, "deny": true, "denies": true,
	"denied": true, "reject": true, "rejects": true, "rejected": true, "refute": true, "refutes": true,
	"refuted": true, "contest": true, "contests": true, "contested": true, "question": true,
	"questions": true, "questioned": true, "criticize": true, "criticizes": true, "criticized": true,
	"criticise": true, "criticises": true, "criticised": true, "oppose": true, "opposes": true,
	"opposed": true, "refuse": true, "refuses": true, "refused": true, "accuse": true, "accuses": true,
	"accused": true, "dismiss": true, "dismisses": true, "dismissed": true, "rebut": true, "rebuts": true,
	"rebutted": true, "has": true, "have": true, "but": true, "provided": true, "alternative": true,
}

// mentionsFigures reports whether a sentence speaks of figures (figureWords).
func mentionsFigures(sentence string) bool {
	for _, w := range graph.Words(sentence) {
		if figureWords[w] {
			return true
		}
	}
	return false
}

// DisputeRef is what ingest knows of a dispute it tries to link across articles.
type DisputeRef struct {
	Sentence  string   // the dispute's sentence
	Names     []string // names of the disputer and the target, not content
	BySpeaker bool     // the candidates are the target agent's claims (else: by subject)
}

// Candidate is a stored claim a dispute might refer to, with its speakers' ids.
type Candidate struct {
	Claim    graph.Claim
	Speakers []string
}

// PickDisputedClaims returns the ids of the candidate claims the dispute refers to by
// this file's rule (none when no candidate qualifies or the reference is ambiguous),
// sorted. disputerID's own claims are skipped.
func PickDisputedClaims(d DisputeRef, disputerID string, cands []Candidate) []string {
	content := map[string]bool{}
	skip := map[string]bool{}
	for _, n := range d.Names {
		for _, w := range graph.Words(n) {
			skip[w] = true
		}
	}
	figures := false
	for _, w := range graph.Words(d.Sentence) {
		if figureWords[w] {
			figures = true
		}
		if !stopwords[w] && !skip[w] && !disputeWords[w] && !figureWords[w] {
			content[w] = true
		}
	}
	type scored struct {
		id    string
		score int
	}
	var ok []scored
	best := -1
	for _, c := range cands {
		if contains(c.Speakers, disputerID) {
			continue
		}
		if figures && len(c.Claim.Quantities) == 0 {
			continue
		}
		words := map[string]bool{}
		for _, w := range graph.Words(c.Claim.Text) {
			words[w] = true
		}
		counted := false
		for _, q := range c.Claim.Quantities {
			for _, w := range graph.Words(q.Counted) {
				words[w] = true
				if content[w] {
					counted = true
				}
			}
		}
		score := 0
		for w := range content {
			if words[w] {
				score++
			}
		}
		switch {
		case d.BySpeaker && figures:
		case d.BySpeaker && score >= MinSpeakerDisputeWords:
		case !d.BySpeaker && figures && counted:
		case !d.BySpeaker && !figures && score >= MinSubjectDisputeWords:
		default:
			continue
		}
		ok = append(ok, scored{c.Claim.ID, score})
		best = max(best, score)
	}
	var out []string
	for _, s := range ok {
		if s.score == best && !contains(out, s.id) {
			out = append(out, s.id)
		}
	}
	if len(out) > MaxDisputeLinks {
		return nil
	}
	sort.Strings(out)
	return out
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
