package storetest

import (
	"sort"

	"github.com/claimgraph/claimgraph/graph"
)

// model is an independent, in-memory account of what a store must hold after a
// sequence of bundles with distinct article ids was written, used as the oracle for
// generated corpora. It is deliberately naive: maps and sorts, no indexes.
type model struct {
	articles   map[string]*graph.ArticleGraph
	outlets    map[string]bool
	claims     map[string]graph.Claim // first write kept
	agents     map[string]graph.Agent // merged
	stmts      map[string][]graph.Statement
	disputes   map[string][]graph.Dispute // by claim id
	links      map[string]graph.ClaimLink // first write kept
	statements int
	allDisp    int
	mentions   int
}

func newModel(bundles []*graph.ArticleGraph) *model {
	m := &model{
		articles: map[string]*graph.ArticleGraph{}, outlets: map[string]bool{}, claims: map[string]graph.Claim{},
		agents: map[string]graph.Agent{}, stmts: map[string][]graph.Statement{}, disputes: map[string][]graph.Dispute{},
		links: map[string]graph.ClaimLink{},
	}
	for _, b := range bundles {
		g := graph.Canonical(b)
		if _, dup := m.articles[g.Article.ID]; dup {
			panic("storetest: model needs distinct article ids")
		}
		m.articles[g.Article.ID] = g
		if g.Outlet != nil {
			m.outlets[g.Outlet.ID] = true
		}
		for _, a := range g.Agents {
			if old, ok := m.agents[a.ID]; ok {
				m.agents[a.ID] = graph.MergeAgent(old, a)
			} else {
				m.agents[a.ID] = a
			}
		}
		for _, c := range g.Claims {
			if _, ok := m.claims[c.ID]; !ok {
				m.claims[c.ID] = c
			}
		}
		for _, s := range g.Statements {
			m.stmts[s.ClaimID] = append(m.stmts[s.ClaimID], s)
			m.statements++
		}
		for _, d := range g.Disputes {
			if d.ClaimID != "" {
				m.disputes[d.ClaimID] = append(m.disputes[d.ClaimID], d)
			}
			m.allDisp++
		}
		for _, l := range g.Links {
			if _, ok := m.links[l.ID]; !ok {
				m.links[l.ID] = l
			}
		}
		m.mentions += len(g.Mentions)
	}
	return m
}

func (m *model) stats() graph.Stats {
	return graph.Stats{
		Articles: len(m.articles), Outlets: len(m.outlets), Agents: len(m.agents), Claims: len(m.claims),
		Statements: m.statements, Disputes: m.allDisp, Links: len(m.links), Mentions: m.mentions,
	}
}

// ExpectedStats returns the Stats a fresh store must report after the bundles (with
// distinct article ids, such as GenerateArticles makes) are written.
func ExpectedStats(bundles []*graph.ArticleGraph) graph.Stats { return newModel(bundles).stats() }

// summary is the model's ClaimSummary of a claim.
func (m *model) summary(id string) graph.ClaimSummary {
	sp, ar, dp := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, s := range m.stmts[id] {
		if s.SpeakerID != "" {
			sp[s.SpeakerID] = true
		}
		ar[s.ArticleID] = true
	}
	for _, d := range m.disputes[id] {
		dp[d.DisputerID] = true
	}
	return graph.ClaimSummary{
		Claim: m.claims[id], Statements: len(m.stmts[id]), Disputes: len(m.disputes[id]),
		SpeakerIDs: keys(sp), ArticleIDs: keys(ar), DisputerIDs: keys(dp),
	}
}

func keys(m map[string]bool) []string {
	out := []string{}
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// claimIDs returns the ids of the claims that keep says yes to, sorted by id, or by
// statement count (descending) then id when byCount.
func (m *model) claimIDs(keep func(graph.ClaimSummary) bool, byCount bool) []string {
	var sums []graph.ClaimSummary
	for id := range m.claims {
		if s := m.summary(id); keep(s) {
			sums = append(sums, s)
		}
	}
	sort.Slice(sums, func(i, j int) bool {
		if byCount && sums[i].Statements != sums[j].Statements {
			return sums[i].Statements > sums[j].Statements
		}
		return sums[i].Claim.ID < sums[j].Claim.ID
	})
	out := []string{}
	for _, s := range sums {
		out = append(out, s.Claim.ID)
	}
	return out
}

func (m *model) agentIDs(keep func(graph.Agent) bool) []string {
	out := []string{}
	for id, a := range m.agents {
		if keep(a) {
			out = append(out, id)
		}
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

// hasWords reports whether text's words include every term.
func hasWords(text string, terms []string) bool {
	ws := graph.Words(text)
	for _, t := range terms {
		if !contains(ws, t) {
			return false
		}
	}
	return true
}
