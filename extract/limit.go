package extract

import (
	"context"

	"github.com/claimgraph/claimgraph/graph"
)

var _ graph.LimitedExtractor = Extractor{}

// ExtractLimited is Extract with a limit on the statements of the bundle
// (graph.LimitedExtractor; 0: none): ToGraph stops making statements as soon as it
// has made one more than maxStatements (it counts them as the bundle lists them,
// repeats included, as len(Graph.Statements) would), builds nothing after them (the
// disputes, the mentions), and the article is refused: EINVALID, naming the article
// and the limit. The statements are counted as they are made, not after: the stages
// before ToGraph (attributions, speakers, claims) cannot know the count, since each of
// them drops candidates that the next ones made (a denial is a dispute, not a
// statement; an attribution inside a name goes), and refusing on a count that later
// falls would refuse an article within the limit.
func (Extractor) ExtractLimited(ctx context.Context, a graph.ArticleInput, maxStatements int) (*graph.Extraction, error) {
	if err := ctx.Err(); err != nil {
		return nil, graph.Wrap(graph.EUNAVAILABLE, err, "extraction of %s cancelled", a.Describe())
	}
	doc := Extract(a.Text)
	// ToGraph and Disputes read the spans, sentences and code points, not the tokens
	// (about 22 MB on a 2 MiB text): let them go before the bundle is built.
	doc.Tokens = nil
	g, ok := buildGraph(MetaOf(a), doc, maxStatements)
	if !ok {
		return nil, OverStatementLimit(a, maxStatements)
	}
	return &graph.Extraction{Graph: g, Disputes: Disputes(doc, g.Outlet)}, nil
}

// OverStatementLimit is the error of an article whose text yields more than max
// statements: EINVALID, naming the article and the limit.
func OverStatementLimit(a graph.ArticleInput, max int) error {
	return graph.Errorf(graph.EINVALID, "%s: its text yields more than %d statements, the limit an article may have: split it into several articles",
		a.Describe(), max)
}

// addStatement adds st to the bundle, unless it would hold more than maxStatements
// (when over 0): then it sets over and adds nothing.
func (b *graphBuilder) addStatement(st graph.Statement) {
	if b.maxStatements > 0 && len(b.g.Statements) >= b.maxStatements {
		b.over = true
		return
	}
	b.g.Statements = append(b.g.Statements, st)
}
