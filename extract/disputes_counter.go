package extract

import (
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Counter-claims with a quantified negation (rule counterclaim-none-affected, test
// sentences in testdata/rules/disputes/counterclaim-none-affected.tsv, negatives in
// none.tsv): one side of a conflict says that none of something was affected ("No
// civilians were killed", "Not a single Pakistani aircraft was hit or destroyed", "None
// of the ballots were altered") and another speaker, in the same sentence or one of
// the meaningSentences before or after, states that some of it was ("the strike killed
// 12 civilians", "it shot down six Pakistani aircraft"). Conflict reporting puts the two
// accounts side by side in exactly this form, and the subject of the negated one is
// usually the object of the other, which the rule counterclaim-predicate (same subject)
// does not compare. All must hold:
//
//   - the negated claim opens (after "that") with a negative quantifier ("no", "not a
//     single", "not one", "none of the/its/their/our"), then a noun phrase of at most
//     four words with a content word, then a passive or perfect verb group ("was",
//     "were", "has been") and a participle, or two coordinated ("hit or destroyed");
//   - the negated claim says nothing after its participles that the other does not
//     (an agent, "by India", aside): "no civilians were killed in Tarsk" may deny
//     Tarsk alone;
//   - the other claim is not negated, not hedged and speaks of no future or
//     hypothetical ("would", "could": lexicon/counter_words.txt class irrealis); it
//     holds every content word of the noun phrase (inflections folded, foldWord) and
//     a form of the participle's verb, or a specific way of doing it (the act is the
//     general side of a row of lexicon/troponyms.txt: "hurt" / "killed", "destroyed" /
//     "shot down");
//   - the two are claims of attributions of different speakers (otherSpeaker); the
//     later one has a resolved speaker.
//
// The later claim's speaker is the disputer, the earlier claim the claim disputed, the
// cue the later claim's attribution cue, the kind "contradicts" and the shape
// counterclaim. "No decision was made" against "the board decided to wait" stays apart
// (no participle of the other's verb), and so does "No civilians were killed" against
// "the strike killed 12 soldiers" (the noun differs).

// counterclaimNoneRule is the rule of counter-claims with a quantified negation.
var counterclaimNoneRule = &disputeRule{name: "counterclaim-none-affected", shape: graph.ShapeCounterclaim}

// noneClaim is a claim read as "no NOUN was VERBED".
type noneClaim struct {
	nouns []string // the noun phrase's content words, folded
	verbs []string // the participles' words, lowercased as written
	// rest are the content words after the participles and before an agent ("by
	// India") or the clause's end, folded: a place or a time that narrows the denial
	rest []string
}

// negativeQuantifiers open a claim that says none of something was affected; each is
// read as its words in a row.
var negativeQuantifiers = [][]string{
	{"not", "a", "single"}, {"not", "one"}, {"none", "of", "the"}, {"none", "of", "its"},
	{"none", "of", "their"}, {"none", "of", "our"}, {"none", "of", "his"}, {"none", "of", "her"}, {"no"},
}

// passiveAuxiliaries may stand between the noun phrase and the participle ("was",
// "has been", "were ever").
var passiveAuxiliaries = attributionWordClass("passive_auxiliary")

// noneParticiple reports whether w reads as a past participle: a regular one in -ed or
// an irregular form of lexicon/irregular_verbs.txt.
func noneParticiple(w string) bool {
	return verbBases[w] != "" || len(w) > 4 && strings.HasSuffix(w, "ed")
}

// readNoneClaim reads a claim's tokens as "no NOUN was VERBED", or reports false.
func readNoneClaim(toks []scanToken) (noneClaim, bool) {
	var ws []string
	for _, t := range toks {
		if t.Kind == 'w' || t.Kind == 'n' {
			ws = append(ws, t.Lower)
		} else if t.Kind == 'p' && len(ws) > 0 && t.Text != "“" && t.Text != "\"" && t.Text != "’" && t.Text != "'" {
			ws = append(ws, ",")
		}
	}
	for len(ws) > 0 && ws[0] == "that" {
		ws = ws[1:]
	}
	var nc noneClaim
	k := 0
	for _, q := range negativeQuantifiers {
		if len(ws) > len(q) && slices.Equal(ws[:len(q)], q) {
			k = len(q)
			break
		}
	}
	if k == 0 {
		return nc, false
	}
	i := k
	for ; i < len(ws) && i-k < 4 && !passiveAuxiliaries[ws[i]]; i++ {
		w := ws[i]
		if w == "," || negations[w] || strings.HasSuffix(w, "n't") || clauseBreaks[w] {
			return nc, false
		}
		if !functionWords[w] {
			nc.nouns = append(nc.nouns, foldWord(strings.TrimSuffix(w, "'s")))
		}
	}
	if len(nc.nouns) == 0 || i == k || i >= len(ws) || !passiveAuxiliaries[ws[i]] {
		return nc, false
	}
	for i < len(ws) && passiveAuxiliaries[ws[i]] {
		i++
	}
	for i < len(ws) && noneParticiple(ws[i]) {
		nc.verbs = append(nc.verbs, ws[i])
		i++
		if i+1 < len(ws) && (ws[i] == "or" || ws[i] == "and") && noneParticiple(ws[i+1]) {
			i++
			continue
		}
		break
	}
	for ; i < len(ws) && ws[i] != "by" && ws[i] != "," && !clauseBreaks[ws[i]]; i++ {
		if !functionWords[ws[i]] {
			nc.rest = append(nc.rest, foldWord(ws[i]))
		}
	}
	return nc, len(nc.verbs) > 0
}

// statesAffected reports whether the words of a claim (lowercased, in order) state
// what nc denies: every noun of nc, and a form of one of its verbs or a specific way
// of doing it (lexicon/troponyms.txt).
func (nc noneClaim) statesAffected(words []string) bool {
	folded := map[string]bool{}
	for _, w := range words {
		folded[foldWord(strings.TrimSuffix(w, "'s"))] = true
	}
	if !subsetOf(nc.nouns, folded) || !subsetOf(nc.rest, folded) {
		return false
	}
	for _, v := range nc.verbs {
		fv := foldWord(v)
		g, general := troponymSide[v]
		for _, w := range words {
			if foldWord(w) == fv {
				return true
			}
			if s, ok := troponymSide[w]; general && ok && g[1] == 0 && s[0] == g[0] && s[1] == 1 {
				return true
			}
		}
	}
	return false
}

// claimTokens returns the tokens of a claim's span.
func (f *disputeFinder) claimTokens(c *Claim) []scanToken {
	if len(c.Span.Fragments) == 0 {
		// one piece: the scan's own tokens (shared memory, read only), not a copy
		return f.r.tx.scan(c.Span.Start, c.Span.End)
	}
	var toks []scanToken
	for _, fr := range spanFragments(c.Span) {
		toks = append(toks, f.r.tx.scan(fr[0], fr[1])...)
	}
	return toks
}

// plainAffirmation returns the words of a claim that affirms plainly (no negation,
// hedge or irrealis word, not hedged), lowercased in order, or nil.
func (f *disputeFinder) plainAffirmation(c *Claim) []string {
	if c.Modality == graph.ModalityHedged {
		return nil
	}
	var out []string
	for _, t := range f.claimTokens(c) {
		if t.Kind != 'w' && t.Kind != 'n' {
			continue
		}
		w := t.Lower
		// a capitalized word inside the claim is a name ("last May"), no modal
		modal := (irrealisWords[w] || hedgeWords[w] || futureWords[w]) && (len(out) == 0 || t.Text == t.Lower)
		if negations[w] || strings.HasSuffix(w, "n't") || w == "none" || modal {
			return nil
		}
		out = append(out, w)
	}
	return out
}

// noneCounterclaims applies rule counterclaim-none-affected: for each claim of an
// attribution with a resolved speaker, the nearest earlier claim of another speaker
// that it contradicts in that form, either way round.
func (f *disputeFinder) noneCounterclaims() {
	cs := f.d.Claims[:f.base]
	for j := range cs {
		b := &cs[j]
		if !spokenAttribution(b) || b.Modality == graph.ModalityHedged {
			continue
		}
		toksB := f.claimTokens(b)
		ncB, negB := readNoneClaim(toksB)
		var wordsB []string
		if !negB {
			if wordsB = f.plainAffirmation(b); wordsB == nil {
				continue
			}
		}
		for i := range f.opposingBefore(cs, j) {
			a := &cs[i]
			var ok bool
			if negB {
				words := f.plainAffirmation(a)
				ok = words != nil && ncB.statesAffected(words)
			} else if a.Modality != graph.ModalityHedged {
				ncA, negA := readNoneClaim(f.claimTokens(a))
				ok = negA && ncA.statesAffected(wordsB)
			}
			if ok {
				f.counterclaimBy(a, b, counterclaimNoneRule)
				break
			}
		}
	}
}

// Counter-claims in a contrast clause of the article (rule counterclaim-contrast-fact,
// test sentences in testdata/rules/disputes/counterclaim-contrast-fact.tsv, negatives
// in none.tsv): a reported claim followed, in its own sentence, by a clause of the
// article that a contrast conjunction opens and a marker of fact qualifies, "asked
// about his claims that he had received a scholarship offer from West Point, when he
// hadn't actually applied to the school"; "activists accused the company of keeping
// the sites online when, in fact, the sites were pro-Kurdish". All must hold:
//
//   - the conjunction (lexicon/counter_words.txt class contrast_clause: "when", "but",
//     "though", "while") follows the claim's end with nothing but punctuation between;
//   - a marker of fact (class fact_marker of lexicon/dispute_words.txt: "actually",
//     "in fact", "in reality") follows it, at once ("when, in fact, ...") or after at
//     most three words of the clause's subject and verb group, none of them a modal,
//     a hedge or a word of a question or free relative ("but should he actually win",
//     "but what voters actually heard": class wh_word), and "actually" before a word;
//   - the clause is the article's own: the marker lies in no attribution's content or
//     cue (a speaker's "but we actually won" is that speaker's, not the article's);
//   - the claim is the content of an attribution, whoever said it.
//
// The disputer is the article's voice, the claim the one before the conjunction, the
// cue the marker of fact, the kind "contradicts" and the shape counterclaim.

// counterclaimContrastFactRule is the rule of counter-claims in a contrast clause.
var counterclaimContrastFactRule = &disputeRule{name: "counterclaim-contrast-fact", shape: graph.ShapeCounterclaim}

var (
	// contrastClauses open a clause set against what comes before it.
	contrastClauses = counterWordClass("contrast_clause")
	// whWords open a question or a free relative.
	whWords = counterWordClass("wh_word")
)

// factMarkerIn returns the index and length of a marker of fact in toks from k on,
// after at most three words of a subject and verb group (none modal, hedged or a wh
// word), or -1.
func factMarkerIn(toks []scanToken, k int) (int, int) {
	words := 0
	for i := k; i < len(toks) && words <= 3; i++ {
		t := toks[i]
		if t.Kind == 'p' {
			if t.Text == "," {
				continue
			}
			return -1, 0
		}
		for _, m := range factMarkers {
			if i+len(m) > len(toks) {
				continue
			}
			ok := true
			for j, w := range m {
				if toks[i+j].Lower != w {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			if len(m) == 1 && (i+1 >= len(toks) || toks[i+1].Kind != 'w') {
				return -1, 0 // "actually" must qualify a verb: "did it actually."
			}
			if len(m) > 1 && words > 0 {
				return -1, 0 // "in fact" only right after the conjunction
			}
			return i, len(m)
		}
		if t.Kind != 'w' || hedgeWords[t.Lower] || irrealisWords[t.Lower] || whWords[t.Lower] || contrastClauses[t.Lower] {
			return -1, 0
		}
		words++
	}
	return -1, 0
}

// inAttribution reports whether position p lies in an attribution's content or cue.
func (f *disputeFinder) inAttribution(p int) bool {
	for k := range f.d.Attributions {
		a := &f.d.Attributions[k]
		if spanInside(a.Content, p, p+1) || spanInside(a.Cue, p, p+1) {
			return true
		}
	}
	return false
}

// factContrasts applies rule counterclaim-contrast-fact.
func (f *disputeFinder) factContrasts() {
	cs := f.d.Claims[:f.base]
	for _, s := range f.sents {
		toks := f.r.tx.scan(s.Start, s.End)
		for k := 1; k < len(toks); k++ {
			if toks[k].Kind != 'w' || !contrastClauses[toks[k].Lower] {
				continue
			}
			m, n := factMarkerIn(toks, k+1)
			if m < 0 || f.inAttribution(toks[m].Start) || f.inAttribution(toks[k].Start) {
				continue
			}
			// the claim ends right before the conjunction: only punctuation between
			j := k - 1
			for j >= 0 && toks[j].Kind == 'p' {
				j--
			}
			if j < 0 {
				continue
			}
			var c *Claim
			for i := range cs {
				if e := cs[i].Span.End; cs[i].Origin == "attribution" && e >= toks[j].End && e <= toks[k].Start && cs[i].Span.Start >= s.Start {
					c = &cs[i]
				}
			}
			if c == nil {
				continue
			}
			id := c.ID
			cue := scanToken{Text: string(f.d.Runes[toks[m].Start:toks[m+n-1].End]), Start: toks[m].Start, End: toks[m+n-1].End}
			f.coord = f.coord[:0]
			f.emitOne(graph.DisputeContradicts, ArticleVoice, counterclaimContrastFactRule, ruleMatch{claim: &id, target: c.Speaker}, cue, s)
		}
	}
}
