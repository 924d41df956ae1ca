package neo4jstore

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/claimgraph/claimgraph/graph"
)

// Bulk load: the fast path for a FIRST load of many articles into Neo4j. Instead of
// transactions (a MERGE per record, a commit per batch), the graph is written as
// neo4j-admin's admin-import CSV files in this package's own layout (the properties
// PutArticle writes, so the store reads it as if it had been ingested), neo4j-admin
// `database import full` builds the database files from them directly, and
// FinishImport then creates the schema and computes what the writes keep on the nodes
// (per-claim aggregates, quantity keys) with the same Cypher the writes and Migrate
// use. neo4j-admin only makes new databases, with the server stopped: a store that
// already holds articles is added to with ingest.

// ImportArgsFile is the file of WriteImportCSV's directory that holds the arguments of
// neo4j-admin, one per line: `neo4j-admin $(cat neo4j-admin.args)` run in that
// directory imports the files (graph/neo4jstore/launcher/neo4j.sh import DIR does).
const ImportArgsFile = "neo4j-admin.args"

// ImportCountsFile is the file of WriteImportCSV's directory that holds the store's
// Stats as JSON: FinishImport checks the imported database against them.
const ImportCountsFile = "counts.json"

// importArrayDelimiter separates the elements of a list cell: the ASCII record
// separator, which no text needs (quantity keys hold the unit separator). An element
// holding it is an error, never a silently split value.
const importArrayDelimiter = "\x1e"

// column is a property column of an import file: its key and neo4j-admin type ("" is
// string).
type column struct{ key, typ string }

// importNodes lists, per label in file order, the properties PutArticle writes on its
// nodes (articleProps, outletProps, agentProps, claimProps, statementProps,
// disputeProps, and the article's bundle lists). rowCells checks that a property map
// has exactly these keys, so that a property added to the writes and not here fails
// loudly.
var importNodes = []struct {
	label string
	cols  []column
}{
	{graph.LabelArticle, []column{{"url", ""}, {"title", ""}, {"outlet_id", ""}, {"authors", "string[]"}, {"published", ""},
		{"published_precision", ""}, {"text", ""}, {"content_hash", ""}, {"writer", ""}, {"version", "long"},
		{"previous_versions", ""}, {"bundle_agents", "string[]"}, {"bundle_claims", "string[]"}, {"bundle_links", "string[]"},
		{keyNStatements, "long"}, {keyNDisputes, "long"}, {keyNMentions, "long"}}},
	{graph.LabelOutlet, []column{{"name", ""}, {"domain", ""}}},
	{graph.LabelAgent, []column{{"kind", ""}, {"name", ""}, {"aliases", "string[]"}, {"roles", "string[]"}, {"names", "string[]"}}},
	{graph.LabelClaim, []column{{"text", ""}, {"words", ""}, {"long_words", "boolean"}, {"kind", ""}, {"modality", ""},
		{"quantities", ""}, {"counted", "string[]"}, {"has_quantity", "boolean"}}},
	{graph.LabelStatement, []column{{"claim_id", ""}, {"article_id", ""}, {"speaker_id", ""}, {"via", "string[]"}, {"kind", ""},
		{"cue", ""}, {"source", ""}, {"content", ""}, {"content_start", "long"}, {"sentence", ""}, {"confidence", "double"}}},
	{graph.LabelDispute, []column{{"article_id", ""}, {"disputer_id", ""}, {"claim_id", ""}, {"target_agent_id", ""}, {"kind", ""},
		{"cue", ""}, {"sentence", ""}, {"confidence", "double"}}},
}

// linkColumns are the properties of a CONFLICTS_WITH or CORROBORATES relationship: its
// id and linkProps.
var linkColumns = []column{{"id", ""}, {"from", ""}, {"to", ""}, {"kind", ""}, {"reason", ""}, {"article_id", ""}}

// importRels lists, per relationship type in file order, its start and end labels and
// properties, as the write statement (writeSteps) creates them.
var importRels = []struct {
	typ        string
	start, end string
	cols       []column
}{
	{graph.EdgePublishedBy, graph.LabelArticle, graph.LabelOutlet, nil},
	{graph.EdgeInArticle, graph.LabelStatement, graph.LabelArticle, nil},
	{graph.EdgeOfClaim, graph.LabelStatement, graph.LabelClaim, nil},
	{graph.EdgeSaidBy, graph.LabelStatement, graph.LabelAgent, nil},
	{graph.EdgeVia, graph.LabelStatement, graph.LabelAgent, []column{{"pos", "long"}}},
	{graph.EdgeDisputeIn, graph.LabelDispute, graph.LabelArticle, nil},
	{graph.EdgeDisputedBy, graph.LabelDispute, graph.LabelAgent, nil},
	{graph.EdgeDisputes, graph.LabelDispute, graph.LabelClaim, nil},
	{graph.EdgeTargets, graph.LabelDispute, graph.LabelAgent, nil},
	{graph.EdgeConflicts, graph.LabelClaim, graph.LabelClaim, linkColumns},
	{graph.EdgeCorroborate, graph.LabelClaim, graph.LabelClaim, linkColumns},
	{graph.EdgeMentions, graph.LabelArticle, graph.LabelAgent, []column{{"start", "long"}, {"end", "long"}, {"agent_id", ""}, {"span", ""}}},
}

// ImportFiles lists the files WriteImportCSV and WriteImportBundles write into their
// directory, in a fixed order: a node file per label, a relationship file per type,
// ImportArgsFile and ImportCountsFile. An export that hands the directory on (package
// export's neo4j-store format) copies exactly these.
func ImportFiles() []string {
	out := make([]string, 0, len(importNodes)+len(importRels)+2)
	for _, n := range importNodes {
		out = append(out, importNodeFile(n.label))
	}
	for _, r := range importRels {
		out = append(out, importRelFile(r.typ))
	}
	return append(out, ImportArgsFile, ImportCountsFile)
}

func importNodeFile(label string) string { return "nodes_" + label + ".csv" }
func importRelFile(typ string) string    { return "rels_" + typ + ".csv" }

// importWriter holds the open CSV files of an import directory.
type importWriter struct {
	dir   string
	files map[string]*os.File
	bufs  map[string]*bufio.Writer
	csv   map[string]*csv.Writer
	cols  map[string][]column // by file
	n     map[string]int      // rows by file
	// keepVersions bounds each article's previous_versions as a store write does
	// (graph.Retention.VersionsKeep; 0: no bound).
	keepVersions int
}

// ImportOption sets how WriteImportCSV and WriteImportBundles write the files.
type ImportOption func(*importWriter)

// WithVersionsKeep lists at most keep earlier versions in each article's
// previous_versions, the newest (graph.Retention.VersionsKeep, serve's
// --versions-keep; 0 lists all). Without it the import files keep
// graph.DefaultVersionsKeep, the bound every other write of the stores applies by
// default, so a store loaded through neo4j-admin holds what PutArticle would have
// written.
func WithVersionsKeep(keep int) ImportOption {
	return func(w *importWriter) { w.keepVersions = max(keep, 0) }
}

func newImportWriter(dir string, opts ...ImportOption) (*importWriter, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, graph.Wrap(graph.EUNAVAILABLE, err, "creating the import directory %s: %v", dir, err)
	}
	w := &importWriter{dir: dir, files: map[string]*os.File{}, bufs: map[string]*bufio.Writer{},
		csv: map[string]*csv.Writer{}, cols: map[string][]column{}, n: map[string]int{},
		keepVersions: graph.DefaultVersionsKeep}
	for _, o := range opts {
		o(w)
	}
	for _, n := range importNodes {
		h := []string{"id:ID(" + n.label + ")"}
		if err := w.open(importNodeFile(n.label), append(h, headerOf(n.cols)...), n.cols); err != nil {
			w.close()
			return nil, err
		}
	}
	for _, r := range importRels {
		h := []string{":START_ID(" + r.start + ")", ":END_ID(" + r.end + ")"}
		if err := w.open(importRelFile(r.typ), append(h, headerOf(r.cols)...), r.cols); err != nil {
			w.close()
			return nil, err
		}
	}
	return w, nil
}

func headerOf(cols []column) []string {
	h := make([]string, len(cols))
	for i, c := range cols {
		h[i] = c.key
		if c.typ != "" {
			h[i] += ":" + c.typ
		}
	}
	return h
}

func (w *importWriter) open(name string, header []string, cols []column) error {
	f, err := os.Create(filepath.Join(w.dir, name))
	if err != nil {
		return graph.Wrap(graph.EUNAVAILABLE, err, "creating %s: %v", name, err)
	}
	b := bufio.NewWriterSize(f, 256<<10)
	c := csv.NewWriter(b)
	w.files[name], w.bufs[name], w.csv[name], w.cols[name] = f, b, c, cols
	return c.Write(header)
}

// row writes one row of file name: its leading cells, then the property map's values in
// the file's column order.
func (w *importWriter) row(name string, lead []string, p map[string]any) error {
	cells, err := rowCells(w.cols[name], p)
	if err != nil {
		return graph.Wrap(graph.EINTERNAL, err, "%s: %v", name, err)
	}
	w.n[name]++
	return w.csv[name].Write(append(lead, cells...))
}

// rowCells renders a property map in column order; the map must have exactly the
// columns' keys.
func rowCells(cols []column, p map[string]any) ([]string, error) {
	if len(p) != len(cols) {
		return nil, fmt.Errorf("%d properties for %d columns: the import layout (importNodes, importRels) is out of step with the writes", len(p), len(cols))
	}
	out := make([]string, len(cols))
	for i, c := range cols {
		v, ok := p[c.key]
		if !ok {
			return nil, fmt.Errorf("no property %q: the import layout (importNodes, importRels) is out of step with the writes", c.key)
		}
		s, err := importCell(v)
		if err != nil {
			return nil, fmt.Errorf("property %q: %v", c.key, err)
		}
		out[i] = s
	}
	return out, nil
}

// importCell renders a property value as neo4j-admin reads it; nil is an empty cell
// (no property, as SET n += {k: null} leaves none). An empty list is an empty cell
// too: the store reads a missing list as an empty one.
func importCell(v any) (string, error) {
	switch x := v.(type) {
	case nil:
		return "", nil
	case string:
		return x, nil
	case []string:
		for _, e := range x {
			if strings.Contains(e, importArrayDelimiter) {
				return "", fmt.Errorf("list element %q holds the array delimiter U+001E", e)
			}
		}
		return strings.Join(x, importArrayDelimiter), nil
	case int64:
		return strconv.FormatInt(x, 10), nil
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64), nil
	case bool:
		return strconv.FormatBool(x), nil
	}
	return "", fmt.Errorf("value of type %T has no CSV form", v)
}

// close flushes and closes every file; the first error is returned.
func (w *importWriter) close() error {
	var first error
	for name, c := range w.csv {
		c.Flush()
		if err := c.Error(); err != nil && first == nil {
			first = graph.Wrap(graph.EUNAVAILABLE, err, "writing %s: %v", name, err)
		}
		if err := w.bufs[name].Flush(); err != nil && first == nil {
			first = graph.Wrap(graph.EUNAVAILABLE, err, "writing %s: %v", name, err)
		}
		if err := w.files[name].Close(); err != nil && first == nil {
			first = graph.Wrap(graph.EUNAVAILABLE, err, "closing %s: %v", name, err)
		}
	}
	return first
}

// adminArgs are the neo4j-admin arguments that import the files into database db
// (named first: --nodes and --relationships take several files each, so a name after
// them would be read as one).
func adminArgs(db string) []string {
	args := []string{"database", "import", "full", db, "--id-type=string", "--array-delimiter=U+001E",
		"--multiline-fields=true", "--high-parallel-io=on"}
	for _, n := range importNodes {
		args = append(args, "--nodes="+n.label+"="+importNodeFile(n.label))
	}
	for _, r := range importRels {
		args = append(args, "--relationships="+r.typ+"="+importRelFile(r.typ))
	}
	return args
}

// WriteImportCSV writes the whole of src (every article with its statements, disputes,
// mentions and the links it wrote first; every outlet, claim and agent) into dir as
// neo4j-admin import files in this package's layout, with ImportArgsFile (the
// arguments that import them into database db, DefaultDatabase when "") and
// ImportCountsFile (the Stats the imported store must have). It streams: memory holds
// one article and the outlets, whatever the size of src. It returns the Stats written,
// which are src's. src is typically the embedded store a bulk load reasoned in
// (claimgraph bulkload), so that the graph imported is the one ingest would have
// written. Errors: src's, EUNAVAILABLE (files), EINTERNAL (the files do not hold
// what src counts). Each article's previous_versions is cut to the newest
// graph.DefaultVersionsKeep, or as WithVersionsKeep says, as PutArticle cuts it.
func WriteImportCSV(ctx context.Context, src graph.Store, dir, db string, opts ...ImportOption) (graph.Stats, error) {
	w, err := newImportWriter(dir, opts...)
	if err != nil {
		return graph.Stats{}, err
	}
	if err := writeImport(ctx, src, w); err != nil {
		_ = w.close()
		return graph.Stats{}, err
	}
	if err := w.close(); err != nil {
		return graph.Stats{}, err
	}
	want, err := src.Stats(ctx)
	if err != nil {
		return graph.Stats{}, err
	}
	if got := w.stats(); got != want {
		return graph.Stats{}, graph.Errorf(graph.EINTERNAL, "the import files hold %+v, the source %+v: the source changed while it was read, or the walk misses records", got, want)
	}
	return want, w.finish(db)
}

// WriteImportBundles writes the bundles next returns (until it returns nil) into dir
// as WriteImportCSV does, with the graph that PutArticles of the same bundles in order
// writes into an empty store: a claim, outlet or link keeps its first write, an agent
// is the MergeAgent of all its writes. Article ids must be distinct (a first load
// replaces nothing). It streams the articles; memory holds the ids of the claims and
// links written and the agents and outlets. For loads whose bundles need no reasoning
// across articles (generated corpora, an export of another store). Errors: next's,
// EINVALID (a bundle fails validation, or repeats an article id), EUNAVAILABLE
// (files). previous_versions is cut as WriteImportCSV cuts it.
func WriteImportBundles(ctx context.Context, next func() (*graph.ArticleGraph, error), dir, db string, opts ...ImportOption) (graph.Stats, error) {
	w, err := newImportWriter(dir, opts...)
	if err != nil {
		return graph.Stats{}, err
	}
	if err := writeBundlesImport(ctx, next, w); err != nil {
		_ = w.close()
		return graph.Stats{}, err
	}
	if err := w.close(); err != nil {
		return graph.Stats{}, err
	}
	return w.stats(), w.finish(db)
}

// writeBundlesImport is WriteImportBundles' walk.
func writeBundlesImport(ctx context.Context, next func() (*graph.ArticleGraph, error), w *importWriter) error {
	articles, claims, links := map[string]bool{}, map[string]bool{}, map[string]bool{}
	outlets, agents := map[string]graph.Outlet{}, map[string]graph.Agent{}
	for i := 0; ; i++ {
		if err := ctx.Err(); err != nil {
			return graph.Wrap(graph.EUNAVAILABLE, err, "writing the import files cancelled")
		}
		g, err := next()
		if err != nil {
			return err
		}
		if g == nil {
			break
		}
		if err := g.Validate(); err != nil {
			return graph.Wrap(graph.EINVALID, err, "bundle %d: %s", i, graph.ErrorMessage(err))
		}
		g = graph.Canonical(g)
		if articles[g.Article.ID] {
			return graph.Errorf(graph.EINVALID, "bundle %d repeats article %s: a first load writes every article once", i, g.Article.ID)
		}
		articles[g.Article.ID] = true
		if g.Outlet != nil {
			if _, ok := outlets[g.Outlet.ID]; !ok {
				outlets[g.Outlet.ID] = *g.Outlet
			}
		}
		for _, a := range g.Agents {
			if old, ok := agents[a.ID]; ok {
				a = graph.MergeAgent(old, a)
			}
			agents[a.ID] = a
		}
		for j := range g.Claims {
			c := &g.Claims[j]
			if claims[c.ID] {
				continue
			}
			claims[c.ID] = true
			if err := w.row(importNodeFile(graph.LabelClaim), []string{c.ID}, claimProps(c)); err != nil {
				return err
			}
		}
		first := func(l *graph.ClaimLink) bool {
			if links[l.ID] {
				return false
			}
			links[l.ID] = true
			return true
		}
		if err := importArticle(w, g, first); err != nil {
			return err
		}
	}
	if err := writeOutlets(w, outlets); err != nil {
		return err
	}
	ids := make([]string, 0, len(agents))
	for id := range agents {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if err := w.row(importNodeFile(graph.LabelAgent), []string{id}, agentProps(agents[id])); err != nil {
			return err
		}
	}
	return nil
}

// stats counts the records written.
func (w *importWriter) stats() graph.Stats {
	return graph.Stats{
		Articles:   w.n[importNodeFile(graph.LabelArticle)],
		Outlets:    w.n[importNodeFile(graph.LabelOutlet)],
		Agents:     w.n[importNodeFile(graph.LabelAgent)],
		Claims:     w.n[importNodeFile(graph.LabelClaim)],
		Statements: w.n[importNodeFile(graph.LabelStatement)],
		Disputes:   w.n[importNodeFile(graph.LabelDispute)],
		Links:      w.n[importRelFile(graph.EdgeConflicts)] + w.n[importRelFile(graph.EdgeCorroborate)],
		Mentions:   w.n[importRelFile(graph.EdgeMentions)],
	}
}

// finish writes ImportCountsFile and ImportArgsFile next to the closed files.
func (w *importWriter) finish(db string) error {
	if db == "" {
		db = DefaultDatabase
	}
	counts, _ := json.MarshalIndent(w.stats(), "", "  ")
	if err := os.WriteFile(filepath.Join(w.dir, ImportCountsFile), append(counts, '\n'), 0o644); err != nil {
		return graph.Wrap(graph.EUNAVAILABLE, err, "writing %s: %v", ImportCountsFile, err)
	}
	args := strings.Join(adminArgs(db), "\n") + "\n"
	if err := os.WriteFile(filepath.Join(w.dir, ImportArgsFile), []byte(args), 0o644); err != nil {
		return graph.Wrap(graph.EUNAVAILABLE, err, "writing %s: %v", ImportArgsFile, err)
	}
	return nil
}

// writeOutlets writes the outlets in id order.
func writeOutlets(w *importWriter, outlets map[string]graph.Outlet) error {
	ids := make([]string, 0, len(outlets))
	for id := range outlets {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		o := outlets[id]
		if err := w.row(importNodeFile(graph.LabelOutlet), []string{id}, outletProps(&o)); err != nil {
			return err
		}
	}
	return nil
}

// writeImport walks src into w: articles page by page (each with what it owns), then
// outlets, claims and agents.
func writeImport(ctx context.Context, src graph.Store, w *importWriter) error {
	outlets := map[string]graph.Outlet{}
	for cursor := ""; ; {
		page, err := src.Articles(ctx, graph.ArticleQuery{Page: graph.PageRequest{Cursor: cursor, Limit: graph.MaxPageSize}})
		if err != nil {
			return err
		}
		for _, ref := range page.Items {
			g, err := src.ArticleGraph(ctx, ref.ID)
			if err != nil {
				return err
			}
			if g.Outlet != nil {
				if _, ok := outlets[g.Outlet.ID]; !ok {
					outlets[g.Outlet.ID] = *g.Outlet
				}
			}
			own := func(l *graph.ClaimLink) bool { return l.ArticleID == g.Article.ID }
			if err := importArticle(w, g, own); err != nil {
				return err
			}
		}
		if page.NextCursor == "" {
			break
		}
		cursor = page.NextCursor
		if err := ctx.Err(); err != nil {
			return graph.Wrap(graph.EUNAVAILABLE, err, "writing the import files cancelled")
		}
	}
	if err := writeOutlets(w, outlets); err != nil {
		return err
	}
	for cursor := ""; ; {
		page, err := src.SearchClaims(ctx, graph.ClaimQuery{Sort: graph.SortByID, Page: graph.PageRequest{Cursor: cursor, Limit: graph.MaxPageSize}})
		if err != nil {
			return err
		}
		for i := range page.Items {
			c := &page.Items[i].Claim
			if err := w.row(importNodeFile(graph.LabelClaim), []string{c.ID}, claimProps(c)); err != nil {
				return err
			}
		}
		if page.NextCursor == "" {
			break
		}
		cursor = page.NextCursor
	}
	for cursor := ""; ; {
		page, err := src.Agents(ctx, graph.AgentQuery{Page: graph.PageRequest{Cursor: cursor, Limit: graph.MaxPageSize}})
		if err != nil {
			return err
		}
		for _, a := range page.Items {
			if err := w.row(importNodeFile(graph.LabelAgent), []string{a.ID}, agentProps(a)); err != nil {
				return err
			}
		}
		if page.NextCursor == "" {
			return nil
		}
		cursor = page.NextCursor
	}
}

// importArticle writes an article's node and what it owns, with the properties and
// relationships the write statement gives them (writeSteps, rows.addBundle): its
// statements and disputes, its mentions, and its links for which first is true (a
// link is stored once, with its first writer's properties).
func importArticle(w *importWriter, g *graph.ArticleGraph, first func(*graph.ClaimLink) bool) error {
	a := g.Article
	// An article's history within the bound, as PutArticle keeps a new article's
	// (graph.CapVersions): the source may hold more (written with another bound).
	a.PreviousVersions = graph.CapVersions(a.PreviousVersions, w.keepVersions)
	props := articleProps(&a)
	setBundle(props, g)
	if err := w.row(importNodeFile(graph.LabelArticle), []string{a.ID}, props); err != nil {
		return err
	}
	rel := func(typ, from, to string, p map[string]any) error {
		return w.row(importRelFile(typ), []string{from, to}, p)
	}
	if a.OutletID != "" {
		if err := rel(graph.EdgePublishedBy, a.ID, a.OutletID, nil); err != nil {
			return err
		}
	}
	for i := range g.Statements {
		s := &g.Statements[i]
		if err := w.row(importNodeFile(graph.LabelStatement), []string{s.ID}, statementProps(s)); err != nil {
			return err
		}
		if err := rel(graph.EdgeInArticle, s.ID, s.ArticleID, nil); err != nil {
			return err
		}
		if err := rel(graph.EdgeOfClaim, s.ID, s.ClaimID, nil); err != nil {
			return err
		}
		if s.SpeakerID != "" {
			if err := rel(graph.EdgeSaidBy, s.ID, s.SpeakerID, nil); err != nil {
				return err
			}
		}
		for pos, v := range s.Via {
			if err := rel(graph.EdgeVia, s.ID, v, map[string]any{"pos": int64(pos)}); err != nil {
				return err
			}
		}
	}
	for i := range g.Disputes {
		d := &g.Disputes[i]
		if err := w.row(importNodeFile(graph.LabelDispute), []string{d.ID}, disputeProps(d)); err != nil {
			return err
		}
		if err := rel(graph.EdgeDisputeIn, d.ID, d.ArticleID, nil); err != nil {
			return err
		}
		if err := rel(graph.EdgeDisputedBy, d.ID, d.DisputerID, nil); err != nil {
			return err
		}
		if d.ClaimID != "" {
			if err := rel(graph.EdgeDisputes, d.ID, d.ClaimID, nil); err != nil {
				return err
			}
		}
		if d.TargetAgentID != "" {
			if err := rel(graph.EdgeTargets, d.ID, d.TargetAgentID, nil); err != nil {
				return err
			}
		}
	}
	for i := range g.Links {
		l := &g.Links[i]
		if !first(l) {
			continue
		}
		lo, hi := l.From, l.To
		if hi < lo {
			lo, hi = hi, lo
		}
		typ := graph.EdgeCorroborate
		if l.Kind == graph.LinkConflicts {
			typ = graph.EdgeConflicts
		}
		p := linkProps(l)
		p["id"] = l.ID
		if err := rel(typ, lo, hi, p); err != nil {
			return err
		}
	}
	type mentionKey struct {
		agent      string
		start, end int
	}
	seen := map[mentionKey]bool{} // MERGE keeps one per agent and span
	for _, m := range g.Mentions {
		k := mentionKey{m.AgentID, m.Span.Start, m.Span.End}
		if seen[k] {
			continue
		}
		seen[k] = true
		p := map[string]any{"start": int64(m.Span.Start), "end": int64(m.Span.End), "agent_id": m.AgentID, "span": jsonString(m.Span)}
		if err := rel(graph.EdgeMentions, a.ID, m.AgentID, p); err != nil {
			return err
		}
	}
	return nil
}

// importIndexWait bounds how long FinishImport waits for the indexes built over an
// imported database: the full-text index of 600,000 claims took minutes on a loaded
// 2-core machine.
const importIndexWait = time.Hour

// FinishImport readies a database that neo4j-admin imported from WriteImportCSV's
// files for claimgraph: it creates the schema (constraints and indexes, built over the
// imported nodes), computes the per-claim aggregates and quantity keys with the
// statements the writes and Migrate use, stamps SchemaVersion, and checks that the
// store's Stats equal want (the source's, ImportCountsFile). Errors: EINVALID
// (configuration), EUNAVAILABLE (server), EINTERNAL (the counts differ: the import
// lost or added records).
func FinishImport(ctx context.Context, cfg Config, want graph.Stats) error {
	s, err := connectAwaiting(ctx, cfg, importIndexWait)
	if err != nil {
		return err
	}
	defer s.Close(ctx)
	for _, q := range []string{cyMigrateAggregates, cyMigrateCounted} {
		if err := s.autoCommit(ctx, q, nil); err != nil {
			return s.wrap(err, "computing the per-claim aggregates of the imported store")
		}
	}
	if err := s.setVersion(ctx, SchemaVersion); err != nil {
		return s.wrap(err, "stamping schema version %d", SchemaVersion)
	}
	got, err := s.Stats(ctx)
	if err != nil {
		return err
	}
	if got != want {
		return graph.Errorf(graph.EINTERNAL, "the imported store holds %+v, the source %+v: the import is incomplete; read neo4j-admin's report (import.report) and run the bulk load again", got, want)
	}
	return nil
}
