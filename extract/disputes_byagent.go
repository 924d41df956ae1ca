package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// The disputers after "by" of a passive dispute verb (rule passive-by-agents, test
// sentences in testdata/rules/disputes/passive-by-agents.tsv, negatives in
// passive-by-agents-none.tsv): "a claim disputed by Republicans", "the allegations
// were denied by the Whitlow campaign", "a figure contested by the company and its
// chief executive", "an allegation rejected by Israel and Egypt". The passive rules
// (passive-by, relative-passive) find the claim; this reads who disputes it, as the
// subject of an active verb is read:
//
//   - a mention the entity stage marked there: a name, a nominal ("the ministry"), a
//     metonym, after a title ("Senator Jane Whitlow");
//   - "the NAME REPRESENTATIVE" ("the Cole campaign", "a Reyes spokeswoman", lexicon
//     class representative) and "NAME's REPRESENTATIVE" ("Whitlow's lawyers") speak for
//     NAME;
//   - "its / his / her REPRESENTATIVE-OR-TITLE" ("its chief executive", "her
//     lawyers") speaks for the agent coordinated before it ("the company and its chief
//     executive": the company), else for the pronoun's referent; an appositive name
//     after it ("its chief executive, Tom Reyes") is that name;
//   - "REPRESENTATIVE to/for NAME" ("aides to the mayor", "lawyers for Whitlow")
//     speaks for NAME;
//   - "the company", "the firm" (lexicon class company_nominal) is the one business
//     named in the sentence or the two before (companySubject);
//   - a plural group noun alone ("Republicans", "critics", "the opposition's
//     lawmakers" is not alone) becomes a group entity, as an active subject does;
//   - a capitalized name the entity stage did not mark there that is the name or alias
//     of exactly one entity of the document.
//
// Agents are coordinated by commas and "and"; each is a disputer (one dispute each),
// the same entity once. A phrase none of these reads ends the list; a name run into
// another capitalized word or a group noun ("Senate Republicans") is no agent: a
// wrong disputer is worse than none.

// byAgentMax bounds the coordinated agents read after "by".
const byAgentMax = 6

// byAgents reads the agents of a passive dispute verb from toks[j] (the word after
// "by"): their entity ids in text order, each once.
func (f *disputeFinder) byAgents(toks []scanToken, j int) []string {
	ids, _ := f.byAgentsEnd(toks, j)
	return ids
}

func containsString(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// byAgent reads one agent phrase starting at toks[j]; prev are the agents read
// before it in the same list. It returns the entity and the index after the phrase,
// or "" when the phrase names no agent the rules can resolve.
func (f *disputeFinder) byAgent(toks []scanToken, j int, prev []string) (string, int) {
	if toks[j].Kind != 'w' {
		return "", -1
	}
	if id, next := f.possessedAgent(toks, j, prev); id != "" {
		return id, next // "its chief executive", "her lawyers"
	}
	if id, next := f.possessorAgent(toks, j); id != "" {
		return id, next // "Whitlow's lawyers"
	}
	if m := f.mentionStartingAt(toks[j].Start); m != nil && m.Kind != MentionPronoun && !f.acrossLines(m.Span) {
		return f.afterAgentMention(toks, j, m, false)
	}
	p, det := j, ""
	if w := toks[p].Lower; (w == "the" || w == "a" || w == "an") && p+1 < len(toks) {
		det, p = w, p+1
	}
	for n := 0; n < 2 && p+1 < len(toks) && entityWords.titles[toks[p].Lower] && f.mentionStartingAt(toks[p].Start) == nil; n++ {
		p++ // a title before a person's name: "refuted by Senator Jane Whitlow"
	}
	if m := f.mentionStartingAt(toks[p].Start); m != nil && m.Kind != MentionPronoun && !f.acrossLines(m.Span) {
		return f.afterAgentMention(toks, p, m, det == "the" || det == "a")
	}
	t := toks[p]
	if det == "the" && companyNominals[t.Lower] && t.Text == t.Lower {
		if id, _ := f.companySubject(toks, p); id != "" {
			return id, p + 1
		}
		return "", -1
	}
	if representatives[t.Lower] && t.Text == t.Lower && p+2 < len(toks) && (toks[p+1].Lower == "to" || toks[p+1].Lower == "for") {
		// "aides to the mayor", "lawyers for Whitlow"
		if id, next := f.byAgent(toks, p+2, nil); id != "" {
			return id, next
		}
		return "", -1
	}
	if n, ok := entityWords.groups[t.Lower]; ok && n == "plural" && (det == "" || det == "the") && !agentPhraseGoesOn(toks, p+1) {
		return f.groupAgent(t), p + 1
	}
	if isCapitalized(t.Text) {
		e := p
		for e+1 < len(toks) && e-p < 3 && toks[e+1].Kind == 'w' && isCapitalized(toks[e+1].Text) {
			e++
		}
		if id := f.entityNamed(string(f.d.Runes[t.Start:toks[e].End])); id != "" && !agentPhraseGoesOn(toks, e+1) {
			f.addNameMention(id, t.Start, toks[e].End)
			return id, e + 1
		}
	}
	return "", -1
}

// afterAgentMention completes an agent phrase that opens with the mention m at
// toks[p]: a representative noun after it ("the Cole campaign", "Whitlow's lawyers")
// belongs to the phrase; a capitalized word or a group noun after it ("Senate
// Republicans") makes it no agent the rules name.
func (f *disputeFinder) afterAgentMention(toks []scanToken, p int, m *Mention, det bool) (string, int) {
	e := p
	for e < len(toks) && toks[e].Start < m.Span.End {
		e++
	}
	if e < len(toks) && toks[e].Kind == 'q' && e > p && strings.HasSuffix(toks[e-1].Text, "s") {
		e++ // "the Reyes' lawyers"
	}
	if e < len(toks) && representatives[toks[e].Lower] && toks[e].Text == toks[e].Lower {
		_, poss := stripPossessive(toks[e-1].Text)
		if det || poss || toks[e-1].Kind == 'q' {
			return m.Entity, e + 1 // "the Cole campaign", "Whitlow's lawyers"
		}
	}
	if _, poss := stripPossessive(toks[e-1].Text); poss || agentPhraseGoesOn(toks, e) {
		return "", -1 // "Whitlow's mother", "Senate Republicans"
	}
	return m.Entity, e
}

// agentPhraseGoesOn reports whether the agent phrase read so far goes on at toks[e]
// with a word that would make it another agent: a capitalized word or a group noun
// ("Senate Republicans", "Velmora officials").
func agentPhraseGoesOn(toks []scanToken, e int) bool {
	if e >= len(toks) || toks[e].Kind != 'w' {
		return false
	}
	if _, ok := entityWords.groups[toks[e].Lower]; ok {
		return true
	}
	return isCapitalized(toks[e].Text) && !weekdays[toks[e].Lower] && !months[toks[e].Lower]
}

// possessedAgent reads "its / his / her / their REPRESENTATIVE-OR-TITLE" at toks[p]
// ("its chief executive", "her lawyers"): the agent coordinated right before it when
// the pronoun fits it, else the pronoun's referent; an appositive name that follows
// ("its chief executive, Tom Reyes") is the agent instead. It returns "" and -1 when
// toks[p] opens no such phrase.
func (f *disputeFinder) possessedAgent(toks []scanToken, p int, prev []string) (string, int) {
	w := toks[p].Lower
	if w != "its" && w != "his" && w != "her" && w != "their" {
		return "", -1
	}
	e := p + 1
	for e < len(toks) && e-p <= 3 && toks[e].Kind == 'w' && toks[e].Text == toks[e].Lower && (representatives[toks[e].Lower] || spokespersonNouns[toks[e].Lower] || roleWord(toks, p+1, e)) {
		e++
	}
	if e == p+1 {
		return "", -1
	}
	if e+1 < len(toks) && toks[e].Text == "," {
		if m := f.mentionStartingAt(toks[e+1].Start); m != nil && m.Kind == MentionName {
			n := e + 1
			for n < len(toks) && toks[n].Start < m.Span.End {
				n++
			}
			return m.Entity, n // "its chief executive, Tom Reyes"
		}
	}
	owner := ""
	if len(prev) > 0 {
		if e := f.r.entity(prev[len(prev)-1]); e != nil && f.r.compatible(e, pronLex[w]) {
			owner = prev[len(prev)-1] // "the company and its chief executive"
		}
	}
	if owner == "" && w != "their" {
		owner = f.r.resolvePronoun(toks[p].Text, toks[p].Start)
	}
	if owner == "" {
		return "", -1
	}
	return owner, e
}

// possessorAgent reads "NAME's REPRESENTATIVE" at toks[j] ("Whitlow's lawyers", "the
// senator's office"): the possessor, resolved as an active subject's is
// (representedBy), and the index after the phrase; "" and -1 otherwise.
func (f *disputeFinder) possessorAgent(toks []scanToken, j int) (string, int) {
	for k := j + 1; k < len(toks) && k-j <= 4; k++ {
		if toks[k].Kind != 'w' && toks[k].Kind != 'q' {
			return "", -1
		}
		if !representatives[toks[k].Lower] {
			continue
		}
		_, poss := stripPossessive(toks[k-1].Text)
		if !poss && toks[k-1].Kind != 'q' {
			return "", -1
		}
		if id, start := f.representedBy(toks, k); id != "" && start <= j+1 {
			return id, k + 1
		}
		return "", -1
	}
	return "", -1
}

// roleWord reports whether toks[a..e] read as a title ("chief executive", "general
// counsel", "president").
func roleWord(toks []scanToken, a, e int) bool {
	low := make([]scanToken, e-a+1)
	for i := range low {
		low[i] = toks[a+i]
		low[i].Text = strings.ToLower(low[i].Text)
	}
	if entityWords.titles[lookupKey(low)] {
		return true
	}
	// a title's first word ("chief" of "chief executive"), when the title goes on
	if e+1 < len(toks) {
		next := append(low, toks[e+1])
		next[len(next)-1].Text = strings.ToLower(next[len(next)-1].Text)
		return entityWords.titles[lookupKey(next)]
	}
	return false
}

// groupAgent makes a plural group noun after "by" a group entity ("disputed by
// Republicans") and marks its mention.
func (f *disputeFinder) groupAgent(t scanToken) string {
	id := addEntity(f.d, t.Lower, graph.KindGroup)
	f.r.reindex()
	f.d.Mentions = append(f.d.Mentions, Mention{Entity: id, Span: makeSpan(f.d.Runes, t.Start, t.End), Kind: MentionNominal})
	f.added = true
	return id
}

// disputerRule is a named rule that reads who disputes, not what: the dispute rule
// that finds the claim records the dispute under its own name. Each has test
// sentences in testdata/rules/disputers/NAME.tsv (TestDisputerRuleFixtures).
type disputerRule struct{ name string }

var (
	// passiveByAgentsRule reads the agents after "by" of a passive dispute verb
	// (byAgents): "a claim disputed by Republicans", "denied by the company and its
	// chief executive".
	passiveByAgentsRule = disputerRule{"passive-by-agents"}
	// coordinatedArticleRule reads coordinated subjects whose last conjuncts open with
	// "the" ("Israel and the United States disputed the figures"; coordinated).
	coordinatedArticleRule = disputerRule{"coordinated-after-article"}
	// claimNounRelativeRule: a pronoun subject of a relative clause on a claim noun
	// ("..., accusations that she has repeatedly denied") is resolved as a pronoun,
	// even where the attribution stage read the noun as a cue with an unresolved
	// source (sourceUnresolved).
	claimNounRelativeRule = disputerRule{"pronoun-in-claim-noun-relative"}
	// coordinatedSubjectStartRule: the subject of a dispute verb with coordinated
	// subjects starts at the first conjunct, so that the rules that read what stands
	// before the subject see the relative pronoun or the claim noun ("a claim that
	// Russia and Belarus denied", "a figure Israel and Egypt dispute"; site).
	coordinatedSubjectStartRule = disputerRule{"coordinated-subject-start"}
)

// disputerRules are the named disputer rules, for their fixture test.
var disputerRules = []disputerRule{passiveByAgentsRule, coordinatedAgentPhrasesRule, groupOfSubjectRule, coordinatedArticleRule, claimNounRelativeRule, byGerundClauseRule, pronounAfterUnnamedSubjectRule, coordinatedSubjectStartRule, companionAsideRule, theCampaignRule, statementTimeParticipleRule, voiceBodyRule, coordinatedVerbSubjectRule}
