package embedded

import (
	"sort"

	"github.com/claimgraph/claimgraph/graph"
)

// Article-scoped agents (graph.ArticleScopedAgentID: "officials", "the ministry" of one
// article's text) are made anew by every version of an article, since their ids hold a
// digest of the text. A version that is replaced or deleted therefore takes its scoped
// agents with it, in the same transaction as its statements and orphan claims
// (sweepAgents), unless something stored still refers to them. Shared agents (named
// people, organizations, countries) are never deleted: other articles resolve to them.

// noteScoped records the article-scoped agents of a removed version's bundle record as
// candidates for sweepAgents.
func (w *writer) noteScoped(ids []string) {
	for _, id := range ids {
		if graph.IsArticleScopedAgentID(id) {
			w.scoped = append(w.scoped, id)
		}
	}
}

// sweepAgents deletes the candidates noted by noteScoped (removed versions' scoped
// agents) that the bundle c does not list and that nothing stored refers to: no
// statement (as speaker or agency), dispute (as disputer or target) or mention of any
// article, which are exactly the edges into an agent (graph.EdgesOf, indexed in iAdj).
// The agent record goes with its kind and name-word index entries, so no listing or
// search finds it. It writes the pending index keys first: a batch's earlier articles
// may refer to a candidate.
func (w *writer) sweepAgents(c *graph.ArticleGraph) error {
	cands := w.scoped
	w.scoped = nil
	if len(cands) == 0 {
		return nil
	}
	if err := w.putMarks(); err != nil {
		return err
	}
	keep := make(map[string]bool, len(c.Agents))
	for _, a := range c.Agents {
		keep[a.ID] = true
	}
	sort.Strings(cands)
	for i, id := range cands {
		if keep[id] || i > 0 && cands[i-1] == id {
			continue
		}
		referenced := false
		if err := scan(w.tx, iAdj, prefix(id), "", func([]byte) (bool, error) {
			referenced = true
			return false, nil
		}); err != nil {
			return err
		}
		if referenced {
			continue
		}
		if err := w.deleteAgent(id); err != nil {
			return err
		}
	}
	return nil
}

// deleteAgent deletes agent id's record and its kind and name-word index entries.
func (w *writer) deleteAgent(id string) error {
	var a graph.Agent
	if ok, err := get(w.tx, bAgents, id, &a); err != nil || !ok {
		return err
	}
	if err := w.unmark(iAgentKind, key(string(a.Kind), id)); err != nil {
		return err
	}
	for _, name := range append([]string{a.Name}, a.Aliases...) {
		for _, word := range graph.Words(name) {
			if err := w.unmark(iAgentWord, key(word, id)); err != nil {
				return err
			}
		}
	}
	if err := w.b(bAgents).Delete([]byte(id)); err != nil {
		return err
	}
	w.stats.Agents--
	w.forgetOnCommit(id)
	return nil
}
