package neo4jstore

import (
	"context"

	"github.com/claimgraph/claimgraph/graph"
)

// Provenance and contradictions are each one query that returns the whole answer's
// records (pattern comprehensions and COLLECT subqueries), assembled by the shared
// functions of package graph.

// The answers are read as rows (columns): each node a Cypher list of the properties
// the answer reads, in a fixed order, instead of a map projection or the whole node.
// An article ref is its article's columns followed by its outlet's row (null when
// none); only what an answer holds is read: an article's text and content hash stay on
// the server. A statement's content_start, its sort key in the store, is not read.
var (
	claimCols   = newColumns("id", "text", "kind", "modality", "quantities")
	summaryCols = newColumns("id", "text", "kind", "modality", "quantities", "n_statements", "n_disputes",
		"speaker_ids", "article_ids", "disputer_ids")
	statementCols = newColumns("id", "claim_id", "article_id", "speaker_id", "via", "kind", "cue", "content",
		"sentence", "confidence", "source")
	disputeCols = newColumns("id", "article_id", "disputer_id", "claim_id", "target_agent_id", "kind", "cue",
		"sentence", "confidence")
	linkCols       = newColumns("id", "from", "to", "kind", "reason", "article_id")
	agentCols      = newColumns("id", "kind", "name", "aliases", "roles")
	articleRefCols = newColumns("id", "url", "title", "outlet_id", "authors", "published", "published_precision")
	outletCols     = newColumns("id", "name", "domain")
)

// refRow is the row of the article bound to a, with its outlet's row after its columns.
func refRow() string {
	return articleRefCols.of("a", `[(a)-[:PUBLISHED_BY]->(o:Outlet) | `+outletCols.of("o")+`][0]`)
}

// cyProvenance reads a claim with every statement, the refs of their articles and the
// agents they name (speakers and agencies). The claim's statements are found once and
// the refs and agents read from that list: a walk from the claim per part expanded
// every OF_CLAIM relationship three times. Its statements are those readers see
// (cySeenStatement): during a split switch, the replaced version's.
var cyProvenance = `MATCH (c:Claim {id: $id})
WITH c, COLLECT { MATCH (c)<-[:OF_CLAIM]-(s) WHERE ` + cySeenStatement + ` RETURN s } AS statements
RETURN ` + claimCols.of("c") + ` AS claim, [s IN statements | ` + statementCols.of("s") + `] AS statements,
  COLLECT { UNWIND statements AS s MATCH (s)-[:IN_ARTICLE]->(a) WHERE ` + cySeenArticle + `
            WITH DISTINCT a RETURN ` + refRow() + ` } AS refs,
  COLLECT { UNWIND statements AS s MATCH (s)-[:SAID_BY|VIA]->(g:Agent)
            WITH DISTINCT g RETURN ` + agentCols.of("g") + ` } AS agents`

// Provenance returns every chain by which a claim reached an article, one per statement
// (graph.BuildProvenance), read with one query, or served from the answer cache while
// no write through this store ended since (answercache.go: shared, not to be
// modified). Errors: ENOTFOUND.
func (s *Store) Provenance(ctx context.Context, claimID string) (*graph.Provenance, error) {
	return cachedRead(s, s.provenance, claimID, func() (*graph.Provenance, error) {
		p, err := readWhole(ctx, func() (*graph.Provenance, error) { return s.readProvenance(ctx, claimID) })
		return clipProvenance(p), err
	})
}

func (s *Store) readProvenance(ctx context.Context, claimID string) (*graph.Provenance, error) {
	recs, err := s.queryOneTrip(ctx, cyProvenance, map[string]any{"id": claimID})
	if err != nil {
		return nil, s.wrap(err, "reading the provenance of claim %s", claimID)
	}
	if len(recs) == 0 {
		return nil, notFound("claim", claimID)
	}
	v := recs[0].Values
	l := list(v[1])
	stmts := make([]graph.Statement, 0, len(l))
	for _, x := range l {
		stmts = append(stmts, statementFrom(statementCols.row(x)))
	}
	p, err := graph.BuildProvenance(claimFrom(claimCols.row(v[0])), stmts, refRows(v[2]), agentRows(v[3]))
	if err != nil {
		return nil, err
	}
	return p, nil
}

// refRows reads a list of refRow rows, by article id.
func refRows(v any) map[string]graph.ArticleRef {
	l := list(v)
	out := make(map[string]graph.ArticleRef, len(l))
	for _, x := range l {
		var outlet *graph.Outlet
		if o := articleRefCols.extra(x, 0); o != nil {
			outlet = outletFrom(outletCols.row(o))
		}
		ref := graph.RefOf(articleFrom(articleRefCols.row(x)), outlet)
		out[ref.ID] = ref
	}
	return out
}

// agentRows reads a list of agent rows, by id.
func agentRows(v any) map[string]graph.Agent {
	l := list(v)
	out := make(map[string]graph.Agent, len(l))
	for _, x := range l {
		a := agentFrom(agentCols.row(x))
		out[a.ID] = a
	}
	return out
}

// cyContradictions reads a claim with its statements (and their articles' content
// hashes, after the statement's columns), its disputes, its links with the other
// claims' summaries, and every agent and article ref these name: disputers, targets and
// the disputes' articles, the speakers and articles of the related claims. The claim's
// links and disputes are each expanded once and the rest read from those lists (a walk
// from the claim per part expanded the disputes three times and the links twice).
// Statements, disputes and articles are those readers see (cySeenStatement): during a
// split switch, the replaced version's.
var cyContradictions = `MATCH (c:Claim {id: $id})
WITH c, [(c)-[l:CONFLICTS_WITH|CORROBORATES]-(o:Claim) | {l: l, o: o}] AS pairs,
  COLLECT { MATCH (c)<-[:DISPUTES]-(d) WHERE ` + cySeenDispute + ` RETURN d } AS disputes
WITH c, [x IN pairs | x.l] AS links, [x IN pairs | x.o] AS related, disputes
RETURN ` + claimCols.of("c") + ` AS claim,
  COLLECT { MATCH (c)<-[:OF_CLAIM]-(s)-[:IN_ARTICLE]->(a) WHERE ` + cySeenStatement + ` AND ` + cySeenArticle + `
            RETURN ` + statementCols.of("s", "a.content_hash") + ` } AS statements,
  [d IN disputes | ` + disputeCols.of("d") + `] AS disputes,
  [l IN links | ` + linkCols.of("l") + `] AS links,
  [o IN related | ` + summaryCols.of("o") + `] AS related,
  COLLECT { CALL (disputes, related) {
              UNWIND disputes AS d MATCH (d)-[:DISPUTED_BY|TARGETS]->(g:Agent) RETURN g
              UNION
              UNWIND related AS o UNWIND o.speaker_ids AS x MATCH (g:Agent {id: x}) RETURN g
            }
            RETURN ` + agentCols.of("g") + ` } AS agents,
  COLLECT { CALL (disputes, related) {
              UNWIND disputes AS d MATCH (d)-[:DISPUTE_IN]->(a) WHERE ` + cySeenArticle + ` RETURN a
              UNION
              UNWIND related AS o UNWIND o.article_ids AS x ` + cySeenArticleByID + ` RETURN a
            }
            RETURN ` + refRow() + ` } AS refs`

// Contradictions returns a claim's disputes, conflicting and corroborating claims and
// origin groups (graph.BuildContradictions), read with one query, or served from the
// answer cache as Provenance is. Errors: ENOTFOUND.
func (s *Store) Contradictions(ctx context.Context, claimID string) (*graph.Contradictions, error) {
	return cachedRead(s, s.contradictions, claimID, func() (*graph.Contradictions, error) {
		c, err := readWhole(ctx, func() (*graph.Contradictions, error) { return s.readContradictions(ctx, claimID) })
		return clipContradictions(c), err
	})
}

func (s *Store) readContradictions(ctx context.Context, claimID string) (*graph.Contradictions, error) {
	recs, err := s.queryOneTrip(ctx, cyContradictions, map[string]any{"id": claimID})
	if err != nil {
		return nil, s.wrap(err, "reading the contradictions of claim %s", claimID)
	}
	if len(recs) == 0 {
		return nil, notFound("claim", claimID)
	}
	v := recs[0].Values
	in := graph.ContradictionInput{Claim: claimFrom(claimCols.row(v[0])), ContentHash: map[string]string{},
		Related: map[string]graph.ClaimSummary{}, Agents: agentRows(v[5]), Articles: refRows(v[6])}
	for _, x := range list(v[1]) {
		st := statementFrom(statementCols.row(x))
		in.Statements = append(in.Statements, st)
		in.ContentHash[st.ArticleID] = asStr(statementCols.extra(x, 0))
	}
	for _, x := range list(v[2]) {
		in.Disputes = append(in.Disputes, disputeFrom(disputeCols.row(x)))
	}
	for _, x := range list(v[3]) {
		in.Links = append(in.Links, linkFrom(linkCols.row(x)))
	}
	for _, x := range list(v[4]) {
		sum := summaryFrom(summaryCols.row(x))
		in.Related[sum.Claim.ID] = sum
	}
	return graph.BuildContradictions(in)
}

// idSet collects distinct non-empty ids.
type idSet map[string]bool

func (s idSet) add(ids ...string) {
	for _, id := range ids {
		if id != "" {
			s[id] = true
		}
	}
}

func (s idSet) list() []string {
	out := make([]string, 0, len(s))
	for id := range s {
		out = append(out, id)
	}
	return out
}
