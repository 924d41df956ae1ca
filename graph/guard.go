package graph

// WriteGuard is a condition that a write checks against the stored article inside its
// own transaction, so that the check and the write it allows cannot be split by
// another writer: another goroutine, or another server process sharing the same
// Neo4j database. A check made before the write (as the API makes one to answer 403
// before extracting anything) is only advice; the guard is what enforces the rule.
type WriteGuard struct {
	// Writer, when set, lets PutArticle replace a stored article (write another text
	// under its id), PatchArticle change one and DeleteArticle delete one, only when
	// the stored article's Writer is this name; otherwise the write fails with EFORBIDDEN and nothing is
	// written. Writing an article that is not stored, or its stored text again, is
	// always allowed. The API sets it to the name of a key without the admin scope.
	Writer string
}

// Check returns nil when the guard lets a write change stored, the article as stored
// when the write began, or an EFORBIDDEN error naming the article. A nil guard, or one
// without a Writer, allows everything. Both stores call it inside their write
// transaction, after locking the article.
func (g *WriteGuard) Check(stored Article) error {
	if g == nil || g.Writer == "" || stored.Writer == g.Writer {
		return nil
	}
	owner := "no API key (the operator loaded it)"
	if stored.Writer != "" {
		owner = "another API key"
	}
	return Errorf(EFORBIDDEN, "article %s was written by %s; only an admin key may change it", stored.ID, owner)
}
