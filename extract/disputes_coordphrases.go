package extract

import "github.com/claimgraph/claimgraph/extract/lexicon"

// Disputer rule "coordinated-agent-phrases" (test sentences in
// testdata/rules/disputers/coordinated-agent-phrases.tsv, negatives included): a
// subject that coordinates agent phrases the mention walk of coordinatedFrom cannot
// step over ("Acme and its chief executive, Tom Reyes, denied the report": the
// appositive name after "its chief executive"; "The union and the company rejected
// ...": "the company" resolved only by companySubject) is read from its first word
// the way the agents after a passive "by" are (byAgents, disputes_byagent.go), and
// every agent it names disputes, one dispute each. The reading must cover the whole
// subject, up to the verb's auxiliaries and adverbs, and name two agents or more, one
// of them the disputer the subject rules found; otherwise the rule gives nothing and
// leaves no entity or mention behind: a wrong disputer is worse than none.

// coordinatedAgentPhrasesRule names the rule for its fixture test.
var coordinatedAgentPhrasesRule = disputerRule{"coordinated-agent-phrases"}

// agentPhraseStarters are the words after which a subject may begin inside a
// sentence ("a report that Acme and its chief executive denied", "but the union and
// the company rejected").
var agentPhraseStarters = lexicon.Set("agent_phrase_starters.txt") // lexicon/agent_phrase_starters.txt

// coordinatedAgentPhrases returns the agents of a coordinated subject of the verb at
// toks[i] in text order with the index of the subject's first token, or nil when the
// subject coordinates no two agents the phrase readers resolve, or when none of them
// is the disputer found (disputer).
func (f *disputeFinder) coordinatedAgentPhrases(toks []scanToken, i int, disputer string) ([]string, int) {
	e := i - 1
	for e >= 0 && i-e <= 6 && toks[e].Kind == 'w' && (wordsBeforeVerb[toks[e].Lower] || toks[e].Lower == "both" || (toks[e].Text == toks[e].Lower && len(toks[e].Lower) > 3 && toks[e].Lower[len(toks[e].Lower)-2:] == "ly")) {
		e--
	}
	if e < 1 {
		return nil, -1
	}
	hasAnd := false
	for k := max(0, e-24); k < e; k++ {
		if toks[k].Lower == "and" {
			hasAnd = true
			break
		}
	}
	if !hasAnd {
		return nil, -1
	}
	ends := []int{e}
	if k := skipToSubject(toks, i); k > 0 && k < e {
		ends = append(ends, k) // the subject before an aside: "Acme and its chief executive, Tom Reyes, who founded it, denied"
	}
	for s := max(0, e-24); s < e; s++ {
		if s > 0 && !agentPhraseStarters[toks[s-1].Lower] {
			continue
		}
		p := s
		for p < e && (toks[p].Kind == 'q' || toks[p].Lower == "both") {
			p++ // an opening quote, "Both the ministry and the army"
		}
		if agents := f.agentPhrasesTo(toks, p, ends, disputer); agents != nil {
			return agents, p
		}
	}
	return nil, -1
}

// agentPhrasesTo reads coordinated agent phrases from toks[p] (byAgents) and keeps
// them when they end at one of the tokens ends (or at the comma that closes an
// appositive there), name two agents or more and the disputer among them; otherwise it
// undoes the entities and mentions the reading added and returns nil.
func (f *disputeFinder) agentPhrasesTo(toks []scanToken, p int, ends []int, disputer string) []string {
	if ofListHead(toks, p, ends[0]) {
		return nil
	}
	nEnt, nMen, added := len(f.d.Entities), len(f.d.Mentions), f.added
	agents, end := f.byAgentsEnd(toks, p)
	covers := false
	for _, e := range ends {
		covers = covers || end == e+1 || (toks[e].Text == "," && end == e)
	}
	if covers && len(agents) >= 2 && containsString(agents, disputer) {
		return agents
	}
	f.undoMentions(nEnt, nMen, added)
	return nil
}

// undoMentions drops the entities and mentions added after the first nEnt and nMen,
// with their places in the finder's indexes.
func (f *disputeFinder) undoMentions(nEnt, nMen int, added bool) {
	if len(f.d.Entities) == nEnt && len(f.d.Mentions) == nMen {
		return
	}
	for k := nMen; k < len(f.d.Mentions); k++ {
		sp := f.d.Mentions[k].Span
		f.byStart[sp.Start] = dropIndexesFrom(f.byStart[sp.Start], nMen)
		f.byEnd[sp.End] = dropIndexesFrom(f.byEnd[sp.End], nMen)
	}
	f.d.Entities, f.d.Mentions, f.added = f.d.Entities[:nEnt], f.d.Mentions[:nMen], added
	f.spansOf, f.spansN = nil, 0
	f.r.reindex()
}

// dropIndexesFrom returns xs without the indexes n and above.
func dropIndexesFrom(xs []int, n int) []int {
	out := xs[:0]
	for _, x := range xs {
		if x < n {
			out = append(out, x)
		}
	}
	return out
}

// byAgentsEnd reads agent phrases from toks[j] as byAgents does ("Israel, the US,
// and Germany"), and also returns the index after the last one it read (-1 when it
// read none).
func (f *disputeFinder) byAgentsEnd(toks []scanToken, j int) ([]string, int) {
	var out []string
	end := -1
	for j < len(toks) && len(out) < byAgentMax {
		id, next := f.byAgent(toks, j, out)
		if id == "" {
			break
		}
		if !containsString(out, id) {
			out = append(out, id)
		}
		j, end = next, next
		if j+1 < len(toks) && toks[j].Text == "," && toks[j+1].Lower == "and" {
			j++ // "Israel, the US, and Germany"
		}
		if j+1 < len(toks) && (toks[j].Text == "," || toks[j].Lower == "and") {
			j++
			continue
		}
		break
	}
	return out, end
}

// ofListHead reports whether the phrase toks[p..e] opens with a lowercase noun and
// "of" before its first comma or "and" ("The leaders of the United States, Canada and
// Mexico"): the list is the complement of "of", one group, not coordinated agents.
// "The Ministry of Health and the army" opens with a name and is read.
func ofListHead(toks []scanToken, p, e int) bool {
	for k := p + 1; k <= e; k++ {
		if toks[k].Text == "," || toks[k].Lower == "and" {
			return false
		}
		if toks[k].Lower == "of" && toks[k-1].Kind == 'w' && toks[k-1].Text == toks[k-1].Lower {
			return true
		}
	}
	return false
}

// Disputer rule "group-of-subject" (test sentences in
// testdata/rules/disputers/group-of-subject.tsv): a sentence that opens with a plural
// group noun and "of" ("Critics of Acme and its chief executive, Tom Reyes, denied
// ...", "Supporters of Cruz denied ...") has the group as its subject, not the agents
// named after "of", which the subject rules would otherwise take (the last name before
// the verb). Such a dispute gets no disputer: the group is no agent the text names, and
// a wrong disputer is worse than none. A representative noun ("Lawyers for Acme",
// "aides of the senator") speaks for the agent and is left to the subject rules.
var groupOfSubjectRule = disputerRule{"group-of-subject"}

// groupOfSubject reports whether the verb at toks[i] has a subject "GROUP of ..." that
// opens its sentence, with no clause boundary between "of" and the verb.
func groupOfSubject(toks []scanToken, i int) bool {
	s := 0
	for s < i && toks[s].Kind == 'q' {
		s++
	}
	if s < i && toks[s].Lower == "the" {
		s++
	}
	if s+2 >= i || toks[s].Kind != 'w' || toks[s+1].Lower != "of" {
		return false
	}
	if n, ok := entityWords.groups[toks[s].Lower]; !ok || n != "plural" || representatives[toks[s].Lower] {
		return false
	}
	for k := s + 2; k < i; k++ {
		if toks[k].Kind == 'q' || toks[k].Text == ";" || relativeWords[toks[k].Lower] || toks[k].Lower == "that" {
			return false
		}
	}
	return true
}
