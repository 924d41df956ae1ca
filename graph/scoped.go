package graph

import "strings"

// scopedSep joins an article-scoped agent's slug to its article key. A slug never holds
// two dashes in a row (Slug writes one dash for a run of other characters), so no
// AgentID does.
const scopedSep = "--"

// ArticleScopedAgentID returns the id of an agent that only one article's text names,
// by a bare definite noun phrase with nothing named before it that it can refer to
// ("the ministry said ..." in an article that names no ministry) or as an unnamed
// group ("officials", "U.S. officials", "critics"): the slug of the
// phrase, then "--" and a digest of articleKey (the article's text). The same phrase in
// two articles gives two agents, and ingest never resolves such an agent to another
// (see IsArticleScopedAgentID): "the ministry" of one article is not "the ministry" of
// the next.
func ArticleScopedAgentID(name, articleKey string) string {
	return ScopedAgentID(name, ArticleScope(articleKey))
}

// ArticleScope is the digest of articleKey that ArticleScopedAgentID appends to a
// slug. A caller that makes many scoped ids of one long text computes it once (it reads
// the whole text) and passes it to ScopedAgentID.
func ArticleScope(articleKey string) string {
	return digest(articleKey)[:10]
}

// ScopedAgentID is ArticleScopedAgentID(name, articleKey) given scope =
// ArticleScope(articleKey).
func ScopedAgentID(name, scope string) string {
	return AgentID(name) + scopedSep + scope
}

// IsArticleScopedAgentID reports whether id was made by ArticleScopedAgentID.
func IsArticleScopedAgentID(id string) bool {
	return strings.HasPrefix(id, PrefixAgent) && strings.Contains(id, scopedSep)
}
