package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Rules that read what a disputed claim noun is about (issue 7, item 2): a
// nominalised proposition after a preposition of topic is the claim itself
// ("refuted reports regarding the presence of cholera cases"), and a topic that only
// names the subject ("rejected Russia's claim about the Kramatorsk attack") narrows
// which of the claimant's statements is meant. A claim reported with a verb of asking
// ("asked the media to be cautious") is a request, never what a later anaphor denies.
// An accusation reported as an appositive ("the Front, accused of burning villages,
// denied the charges") is a claim against the entity it follows.
// Word classes: proposition_noun, directive_cue, noun_clause_opener
// (lexicon/dispute_words.txt).

// propositionNouns head a noun phrase that states what a claim says when followed by
// "of" ("the presence of troops", "the involvement of its officers").
var propositionNouns = disputeWordClass("proposition_noun")

// directiveCues report a request, not a statement ("asked", "urged", "appealed").
var directiveCues = disputeWordClass("directive_cue")

// inlineNounAboutRule is the rule of inlineNounAbout.
var inlineNounAboutRule = &disputeRule{name: "inline-noun-about", shape: graph.ShapeInline, truthOnly: true,
	match: (*disputeFinder).inlineNounAbout}

// inlineNounAbout: a claim noun as the object (after a determiner and up to two
// modifiers: "the published reports"), a preposition of topic ("regarding", "about",
// "concerning", "on") and a noun phrase headed by a proposition noun with "of" ("the
// presence of cholera cases and deaths within the country"): that noun phrase, to the
// end of its clause, is the disputed claim. A topic that is no proposition ("reports
// about the company", "the claim about the Kramatorsk attack") is left to the anaphor
// rules.
func (f *disputeFinder) inlineNounAbout(v *verbSite) (ruleMatch, bool) {
	toks := v.toks
	j := v.obj()
	n := -1
	for k := j; k < len(toks) && k <= j+3; k++ {
		if toks[k].Kind != 'w' {
			break
		}
		if _, ok := claimNouns[toks[k].Lower]; ok {
			n = k
			break
		}
		if k > j && isCapitalized(toks[k].Text) {
			break // "the Daily Ledger report": a named source, rule anaphor-named
		}
	}
	if n < 0 || n+3 >= len(toks) || toks[n+1].Lower == "of" || !aboutPrepositions[toks[n+1].Lower] || ideaNouns[toks[n].Lower] {
		// ideaNouns: "rejected the proposal regarding the sale of the park" is a plan
		return ruleMatch{}, false
	}
	s := n + 2
	h := s
	if toks[h].Lower == "the" || toks[h].Lower == "a" || toks[h].Lower == "an" {
		h++
	}
	if h+2 >= len(toks) || !propositionNouns[toks[h].Lower] || toks[h+1].Lower != "of" || toks[h+2].Kind != 'w' {
		return ruleMatch{}, false
	}
	end := topicClauseEnd(toks, h+2, 30)
	sp := spanWithText(f.d.Runes, Span{Start: toks[s].Start, End: toks[end-1].End})
	id := f.addClaim(Claim{Text: sp.Text, Span: sp, Origin: "disputed"})
	return ruleMatch{claim: &id}, true
}

// topicClauseEnd returns the index after the last word of the clause that goes on from
// toks[j]: it stops at punctuation, a quotation mark, or a word that opens another
// clause ("as", "that", "which", "but", "because", "saying"), after at most max tokens.
func topicClauseEnd(toks []scanToken, j, max int) int {
	end := j
	for end < len(toks) && end-j < max && toks[end].Kind == 'w' && !nounClauseOpeners[toks[end].Lower] {
		end++
	}
	return end
}

// nounClauseOpeners open another clause after a noun phrase (lexicon class noun_clause_opener).
var nounClauseOpeners = disputeWordClass("noun_clause_opener")

// claimTopic returns the content words of what a claim noun at toks[n] is about
// ("claim about the strike on the dam" → strike, dam), only its names when it has any
// ("claim about the Kramatorsk attack" → kramatorsk), or nil when no
// preposition of topic (other than "of", which gives the content) follows it.
func claimTopic(toks []scanToken, n int) []string {
	k := n + 1
	if k >= len(toks) || toks[k].Lower == "of" || !aboutPrepositions[toks[k].Lower] {
		return nil
	}
	var words, names []string
	for k++; k < len(toks) && k <= n+6 && toks[k].Kind == 'w' && !nounClauseOpeners[toks[k].Lower]; k++ {
		w := toks[k].Lower
		if len([]rune(w)) >= 4 && !anaphorDeterminers[w] {
			words = append(words, w)
			if isCapitalized(toks[k].Text) {
				names = append(names, w)
			}
		}
	}
	if names != nil {
		return names // "the Kramatorsk attack": the name tells the event apart, "attack" does not
	}
	return words
}

// mentionsTopic reports whether the sentence of claim c holds one of the topic words
// (a plural or possessive ending aside: "attacks", "Kramatorsk's").
func (f *disputeFinder) mentionsTopic(c *Claim, topic []string) bool {
	s := f.sents[f.sentenceOf(c.Span.Start)]
	for _, w := range strings.FieldsFunc(strings.ToLower(string(f.d.Runes[s.Start:s.End])), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r > 127 && r != '’' && r != '“' && r != '”')
	}) {
		for _, t := range topic {
			if w == t || strings.TrimSuffix(w, "s") == t || strings.TrimSuffix(t, "s") == w {
				return true
			}
		}
	}
	return false
}

// topicClaim returns the nearest claim before pos, of the entity target or of one of
// its parts ("Russia’s Defense Ministry" of Russia), anywhere before (the topic, not
// nearness, tells which statement is meant), whose sentence names the topic: "Ukraine rejected
// Russia's claim about the Kramatorsk attack" points to what Russia said of Kramatorsk,
// not to its last statement on another strike. It returns "" when none does: the
// dispute keeps its target and names no claim rather than a wrong one.
func (f *disputeFinder) topicClaim(target string, pos int, figure bool, topic []string) string {
	owners := map[string]bool{target: true}
	name := ""
	for _, e := range f.d.Entities {
		if e.ID == target {
			name = e.Name
		}
	}
	if name != "" {
		for _, e := range f.d.Entities {
			if isPartName(e.Name, name) {
				owners[e.ID] = true
			}
		}
	}
	best := -1
	for k := range f.d.Claims {
		c := &f.d.Claims[k]
		if c.Speaker == nil || !owners[*c.Speaker] || c.Span.End > pos || isReferenceClaim(c) || (figure && len(c.Quantities) == 0) {
			continue
		}
		if f.mentionsTopic(c, topic) && (best < 0 || c.Span.Start > f.d.Claims[best].Span.Start) {
			best = k
		}
	}
	if best < 0 {
		return ""
	}
	return f.d.Claims[best].ID
}

// directive reports whether claim c is the content of a verb of asking ("the ministry
// asked the media to be cautious"): a request, which no later "denied the reports"
// points back to.
func (f *disputeFinder) directive(c *Claim) bool {
	a := f.attributionOf(c)
	if a == nil || a.Cue.End <= a.Cue.Start {
		return false
	}
	for _, w := range strings.Fields(strings.ToLower(string(f.d.Runes[a.Cue.Start:a.Cue.End]))) {
		if directiveCues[w] {
			return true
		}
	}
	return false
}

// isPartName reports whether an entity name is that of a part of the entity whole,
// named as its possession: "Russia’s Defense Ministry" of Russia, and with the bare
// apostrophe of a name ending in s, "Belarus’ Defense Ministry" of Belarus.
func isPartName(name, whole string) bool {
	for _, p := range []string{"’s ", "'s "} {
		if strings.HasPrefix(name, whole+p) {
			return true
		}
	}
	if strings.HasSuffix(whole, "s") {
		return strings.HasPrefix(name, whole+"’ ") || strings.HasPrefix(name, whole+"' ")
	}
	return false
}

// reducedAccusation: "accused of Z" right after a name, as an appositive or a reduced
// relative ("Sudan’s Rapid Support Forces, accused of mass atrocities in the war, denied
// responsibility for violations"; "other defendants accused of acting as
// intermediaries"): the article reports an accusation Z against the entity named
// before it, with no accuser. Z is a claim of origin "accusation" whose Accused is
// that entity, so that its denial ("denied the charges", "denied responsibility")
// disputes it (rule accusation-denial). An active "X accused Y of Z" has its object
// between verb and "of"; "accused by N of Z" names the accuser and is left to the
// passive reading. It returns false when no name ends right before the verb.
func (f *disputeFinder) reducedAccusation(v *verbSite) bool {
	toks, i := v.toks, v.i
	k := v.obj()
	if k+1 >= len(toks) || toks[k].Lower != "of" || toks[k+1].Kind != 'w' {
		return false
	}
	pos := toks[i-1].End
	if toks[i-1].Text == "," {
		pos = toks[i-1].Start
	} else if toks[i-1].Kind != 'w' {
		return false
	}
	m := f.mentionEndingAt(pos)
	if m == nil || m.Entity == "" {
		return false
	}
	end := accusedOfEnd(toks, k+1, clauseEnd(toks, k+1))
	var accuser *string
	for b := k + 2; b < end; b++ {
		if toks[b].Lower == "by" {
			accuser, _ = f.agentAfter(toks, b) // "accused of fraud by a former partner"
			end = b
			break
		}
	}
	if end <= k+1 {
		return false
	}
	sp := spanWithText(f.d.Runes, Span{Start: toks[k+1].Start, End: toks[end-1].End})
	id := f.addClaim(Claim{Text: sp.Text, Span: sp, Speaker: accuser, Origin: "accusation", Cue: makeSpan(f.d.Runes, toks[i].Start, toks[i].End)})
	if c := f.claim(id); c != nil && c.Accused == nil {
		accused := m.Entity
		c.Accused = &accused
	}
	return true
}

// denyAnyOf reports whether the noun of denial at toks[n] of a verb of denying goes on
// with what it is about: "denied responsibility for violations", "denies involvement in
// the attack" deny the accusation against the disputer as "denied any wrongdoing" does.
func denyAnyOf(v *verbSite, toks []scanToken, n int) bool {
	return v.kind == graph.DisputeDenies && denyAnyNouns[toks[n].Lower] && n+1 < len(toks) &&
		(toks[n+1].Lower == "for" || toks[n+1].Lower == "in")
}

// participleAside returns the number of tokens of an aside between commas that ends at
// token k and opens with a lowercase past participle ("Sudan’s Rapid Support Forces,
// accused of mass atrocities in the war, denied ..."; "the company, founded in 1990,
// rejected ..."), or 0: the subject of the verb stands before it. When an aside after
// it took its closing comma ("..., accused of atrocities, on Monday, denied"), k is its
// last word.
func participleAside(toks []scanToken, k int) int {
	if k >= 3 && k+1 < len(toks) && toks[k].Kind == 'w' && toks[k+1].Text == "," {
		// the aside's closing comma was taken by the aside after it (", on Monday,")
		if n := participleAside(toks, k+1); n > 0 {
			return n - 1
		}
		return 0
	}
	return asideOpenedBy(toks, k, func(w string) bool { return strings.HasSuffix(w, "ed") }, false)
}

// asideOpenedBy returns the number of tokens of an aside between commas that ends at
// the comma toks[k] and opens with a lowercase word for which opens holds, or 0. With
// placeCommas, commas before a capitalized word may stand inside the aside (a place
// and its country: "in Nairobi, Kenya"). participleAside and presentParticipleAside
// (disputes_reports.go) are its two uses.
func asideOpenedBy(toks []scanToken, k int, opens func(w string) bool, placeCommas bool) int {
	if k < 3 || toks[k].Text != "," {
		return 0
	}
	for j := k - 1; j >= 1 && k-j <= 20; j-- {
		if toks[j].Kind != 'w' && toks[j].Kind != 'n' && toks[j].Text != "-" && toks[j].Text != "," {
			return 0
		}
		if toks[j].Text != "," {
			continue
		}
		p := toks[j+1]
		if j+1 < k && toks[j-1].Kind == 'w' && p.Kind == 'w' && p.Text == p.Lower && opens(p.Lower) {
			return k - j + 1
		}
		if placeCommas && p.Kind == 'w' && p.Text != p.Lower {
			continue
		}
		return 0
	}
	return 0
}
