package graph

import (
	"context"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Page sizes for every listing.
const (
	DefaultPageSize = 20
	MaxPageSize     = 100
)

// PageRequest asks for one page of a listing. Cursor is the NextCursor of the previous
// page, or "" for the first. Limit is clamped to [1, MaxPageSize]; 0 means
// DefaultPageSize.
type PageRequest struct {
	Cursor string
	Limit  int
}

// Size returns the effective page size.
func (p PageRequest) Size() int {
	switch {
	case p.Limit <= 0:
		return DefaultPageSize
	case p.Limit > MaxPageSize:
		return MaxPageSize
	}
	return p.Limit
}

// Page is one page of a listing. NextCursor is "" on the last page, and only there: a
// store looks one item ahead, so a listing never ends with an empty page. Items is
// non-nil (empty when nothing matches). Keyset cursors: walking all pages visits every
// item present throughout the walk exactly once, even while others write.
type Page[T any] struct {
	Items      []T    `json:"items"`
	NextCursor string `json:"next_cursor,omitempty"`
}

// Cursor is the position after the last item of a page: the sort key of that item.
// Stores encode it with EncodeCursor; clients pass it back unchanged.
type Cursor struct {
	Key string // the last item's id
	N   int    // the last item's numeric sort key, when sorting by count
}

// Bounds of a cursor's fields. No store issues a cursor past them: a count is a
// statement count, which the embedded store keeps in 32 bits, and a key is an id. A
// crafted cursor beyond them is refused (EINVALID) rather than wrapped or truncated.
const (
	MaxCursorCount  = math.MaxUint32
	MaxCursorKeyLen = 256 // characters
)

// CursorPattern is the form of every cursor, as a regular expression that Go, ECMA
// 262, Python and Rust read alike (the OpenAPI document states it): the count as 8
// lowercase hex digits, a dot, and the key, 1 to 256 characters none of which is an
// ASCII control character or a space; or empty, the first page. Every string of this
// form is a cursor that the listings accept: a key that is no id is a position between
// ids like any other.
const CursorPattern = `^([0-9a-f]{8}\.[^\x00-\x20\x7F]{1,256})?$`

// EncodeCursor turns a cursor into its URL-safe text form (CursorPattern). Keys are
// ids, which hold no space or control character.
func EncodeCursor(c Cursor) string {
	return fmt.Sprintf("%08x.%s", uint32(min(max(c.N, 0), MaxCursorCount)), c.Key)
}

// DecodeCursor parses a cursor of the form CursorPattern; "" decodes to the zero
// Cursor. Anything else is an EINVALID error.
func DecodeCursor(s string) (Cursor, error) {
	if s == "" {
		return Cursor{}, nil
	}
	bad := func() (Cursor, error) {
		return Cursor{}, Errorf(EINVALID, "cursor %q is not valid: pass back the next_cursor of a previous page", truncate(s, 40))
	}
	if len(s) < 10 || s[8] != '.' {
		return bad()
	}
	n, err := strconv.ParseUint(s[:8], 16, 32)
	if err != nil || strings.ToLower(s[:8]) != s[:8] {
		return bad()
	}
	key := s[9:]
	if !utf8.ValidString(key) || utf8.RuneCountInString(key) > MaxCursorKeyLen {
		return bad()
	}
	for _, r := range key {
		if r <= 0x20 || r == 0x7F {
			return bad()
		}
	}
	return Cursor{Key: key, N: int(n)}, nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// ClaimSort orders a claim search.
type ClaimSort string

// Claim sort orders.
const (
	SortByID         ClaimSort = "id"          // ascending id: stable, the default
	SortByStatements ClaimSort = "-statements" // most-reported first, then id
)

// ClaimQuery filters a claim search. Empty fields do not filter; the filters combine
// with AND, each on its own: SpeakerID matches claims that have a statement by that
// speaker, ArticleID a statement in that article, OutletID a statement in an article of
// that outlet (they need not be the same statement). Text matches claims whose
// Words(claim.Text) include every term of QueryTerms(Text); a Text without terms
// ("?!") does not filter. Disputed matches claims with (true) or without (false) a
// Dispute whose ClaimID is the claim; HasQuantity claims with (true) or without (false)
// quantities. PublishedFrom and PublishedTo (RFC 3339 full-dates, YYYY-MM-DD; either
// may be empty) match claims with a statement in an article whose publication date is
// in the range (Date.InRange: a date known only to the month or year is in it when
// its month or year overlaps it; an unknown date never is); a malformed bound, or
// PublishedFrom after PublishedTo, is EINVALID (ValidateDateRange). Sort "" means
// SortByID; any other unknown sort is EINVALID. With SortByStatements the cursor
// carries the statement count (Cursor.N) and the id.
type ClaimQuery struct {
	Text          string
	SpeakerID     string
	ArticleID     string
	OutletID      string
	Disputed      *bool
	HasQuantity   *bool
	PublishedFrom string
	PublishedTo   string
	Sort          ClaimSort
	Page          PageRequest
}

// HasDateRange reports whether the query filters by publication date.
func (q ClaimQuery) HasDateRange() bool { return q.PublishedFrom != "" || q.PublishedTo != "" }

// ClaimSummary is a claim with counts, as listed by searches: built as SummarizeClaim
// does from all the claim's statements and disputes.
type ClaimSummary struct {
	Claim       Claim    `json:"claim"`
	Statements  int      `json:"statements"`
	Disputes    int      `json:"disputes"`
	SpeakerIDs  []string `json:"speaker_ids"`  // distinct speakers, sorted
	ArticleIDs  []string `json:"article_ids"`  // distinct articles, sorted
	DisputerIDs []string `json:"disputer_ids"` // distinct disputers, sorted
}

// ClaimDetail is a claim with all its statements (ordered by article id, then content
// start).
type ClaimDetail struct {
	Claim      Claim       `json:"claim"`
	Statements []Statement `json:"statements"`
}

// AgentQuery filters an agent listing: Name matches agents whose name, or one of whose
// aliases, contains every term of QueryTerms(Name) as a word (Words; "health ministry"
// matches "Gaza's Health Ministry", "minist" does not); Kind filters by kind. Sorted by
// id.
type AgentQuery struct {
	Name string
	Kind AgentKind
	Page PageRequest
}

// ArticleQuery filters an article listing, sorted by id. OutletID keeps the articles of
// that outlet.
type ArticleQuery struct {
	OutletID string
	Page     PageRequest
}

// ArticleRef is an article's metadata without its text, for provenance chains. Build it
// with RefOf.
type ArticleRef struct {
	ID        string   `json:"id"`
	URL       string   `json:"url,omitempty"`
	Title     string   `json:"title,omitempty"`
	Outlet    *Outlet  `json:"outlet,omitempty"`
	Authors   []string `json:"authors,omitempty"`
	Published Date     `json:"published"`
}

// ProvenanceChain is one path by which a claim reached a page: article (and its outlet
// and authors) → the agencies it cites, in order → the original speaker (nil when the
// article itself asserts the claim), with the statement's cue and evidence spans.
type ProvenanceChain struct {
	Article   ArticleRef `json:"article"`
	Via       []Agent    `json:"via"`
	Speaker   *Agent     `json:"speaker"`
	Statement Statement  `json:"statement"`
}

// Provenance lists every chain of a claim, ordered by article id then content start.
type Provenance struct {
	Claim  Claim             `json:"claim"`
	Chains []ProvenanceChain `json:"chains"`
}

// DisputeView is a dispute with its disputer, target and article resolved.
type DisputeView struct {
	Dispute  Dispute    `json:"dispute"`
	Disputer Agent      `json:"disputer"`
	Target   *Agent     `json:"target,omitempty"`
	Article  ArticleRef `json:"article"`
}

// RelatedClaim is a claim linked to another one, with who said it where.
type RelatedClaim struct {
	Link     ClaimLink    `json:"link"`
	Claim    Claim        `json:"claim"`
	Speakers []Agent      `json:"speakers"`
	Articles []ArticleRef `json:"articles"`
}

// OriginGroup is a set of a claim's statements that share one origin (the same wire
// agency, or the same speaker): they count once as corroboration.
type OriginGroup struct {
	Origin       string   `json:"origin"`
	StatementIDs []string `json:"statement_ids"`
}

// Contradictions is everything that speaks against or for a claim: who disputes it,
// which claims conflict with it, which corroborate it, and how many independent
// origins back it.
type Contradictions struct {
	Claim              Claim          `json:"claim"`
	Disputes           []DisputeView  `json:"disputes"`
	Conflicts          []RelatedClaim `json:"conflicts"`
	Corroborations     []RelatedClaim `json:"corroborations"`
	Origins            []OriginGroup  `json:"origins"`
	IndependentOrigins int            `json:"independent_origins"`
}

// Node labels and edge types of the graph, shared by every backend and by Subgraph.
const (
	LabelArticle   = "Article"
	LabelOutlet    = "Outlet"
	LabelAgent     = "Agent"
	LabelClaim     = "Claim"
	LabelStatement = "Statement"
	LabelDispute   = "Dispute"

	EdgePublishedBy = "PUBLISHED_BY" // Article → Outlet (prov:wasAttributedTo)
	EdgeInArticle   = "IN_ARTICLE"   // Statement → Article (prov:wasDerivedFrom)
	EdgeOfClaim     = "OF_CLAIM"     // Statement → Claim (prov:specializationOf)
	EdgeSaidBy      = "SAID_BY"      // Statement → Agent (prov:wasAttributedTo)
	EdgeVia         = "VIA"          // Statement → Agent agency (prov:wasQuotedFrom)
	EdgeDisputedBy  = "DISPUTED_BY"  // Dispute → Agent
	EdgeDisputes    = "DISPUTES"     // Dispute → Claim
	EdgeTargets     = "TARGETS"      // Dispute → Agent
	EdgeDisputeIn   = "DISPUTE_IN"   // Dispute → Article
	EdgeMentions    = "MENTIONS"     // Article → Agent
	EdgeConflicts   = "CONFLICTS_WITH"
	EdgeCorroborate = "CORROBORATES"
)

// Node is a node of an exported subgraph. Props holds its fields as JSON values: the
// model value's JSON object, an Article without its text (see NewNode).
type Node struct {
	ID    string         `json:"id"`
	Label string         `json:"label"`
	Props map[string]any `json:"props"`
}

// Edge is a relationship of an exported subgraph.
type Edge struct {
	From string `json:"from"`
	To   string `json:"to"`
	Type string `json:"type"`
}

// SubgraphQuery asks for the neighbourhood of one node (claim, agent, article,
// statement, dispute or outlet id) up to Depth hops (1–3; 0 means 1) and at most Limit
// nodes (1–1000; 0 means 100), nodes nearest the root first. The edges are those of
// EdgesOf, followed in both directions; see AssembleSubgraph for the exact rules, which
// every backend uses.
type SubgraphQuery struct {
	RootID string
	Depth  int
	Limit  int
}

// Subgraph is a bounded part of the graph. Truncated is true when Limit cut it short.
// Nodes are sorted by (distance, id), edges by (from, type, to).
type Subgraph struct {
	Nodes     []Node `json:"nodes"`
	Edges     []Edge `json:"edges"`
	Truncated bool   `json:"truncated"`
}

// Stats counts what a store holds. Links counts distinct link ids; Mentions counts the
// stored (canonical, deduplicated) mentions of every article.
type Stats struct {
	Articles   int `json:"articles"`
	Outlets    int `json:"outlets"`
	Agents     int `json:"agents"`
	Claims     int `json:"claims"`
	Statements int `json:"statements"`
	Disputes   int `json:"disputes"`
	Links      int `json:"links"`
	Mentions   int `json:"mentions"`
}

// WriteResult says what PutArticle did.
type WriteResult struct {
	ArticleID string `json:"article_id"`
	// Created is false when the article was already stored with the same content
	// hash; the write then changed nothing.
	Created bool `json:"created"`
}

// Store is the graph's storage contract. Every backend passes graph/storetest.
// All methods are safe for concurrent use.
//
// Shared rules, decided once for every backend:
//   - Stores write and return the Canonical form of a bundle (sorted, deduplicated,
//     empty optional slices nil, top-level result slices non-nil), so results compare
//     exactly across backends.
//   - Outlets and agents are shared nodes and are never deleted, except the
//     article-scoped agents (ArticleScopedAgentID: "officials", "the ministry" of one
//     text), which every version of an article makes anew: when replacing or deleting
//     an article, its old version's scoped agents that the new version does not list
//     and that nothing stored refers to any more (no statement as speaker or agency, no
//     dispute as disputer or target, no mention, of any article) go in the same
//     transaction, and no listing, search or lookup finds them (a bundle that lists
//     such an agent without referring to it reads without it). A claim lives while
//     it has statements: when replacing an article (or deleting it) leaves a claim of
//     its old version with no statement (and the new version does not list it), the
//     claim goes in the same transaction, with every dispute of it and every link to
//     it, from whichever article they came, and it leaves the claim lists of every
//     bundle (see PutArticle and DeleteArticle). Nothing is left listed, searchable or linked that no article states.
//   - A claim link is identified by its id (LinkID of the unordered pair and kind). When
//     several articles write the same link, the first write keeps its From, Reason and
//     ArticleID; the link is removed when the article named by its ArticleID is
//     replaced by a version without it, or deleted.
//   - An outlet keeps the name and domain of its first write.
//   - Answers are assembled with the pure functions of assemble.go (SummarizeClaim,
//     BuildProvenance, BuildContradictions, AssembleSubgraph), which fix every order.
type Store interface {
	// PutArticle writes an article with everything extracted from it in one atomic,
	// idempotent transaction: all of it or nothing. Writing the same bundle again
	// changes nothing. Nodes shared with other articles (agents, claims) are merged:
	// an agent's aliases and roles become the union (MergeAgent); an existing claim is
	// kept whole (text, kind, modality and quantities of its first write). Writing an
	// article id that is stored with another content hash replaces the article's
	// metadata and text and its statements, disputes, mentions, links and its lists of
	// bundle agents and claims (Created is then true again): the new version, whose
	// Version is one more than the stored one and whose PreviousVersions is the stored
	// history with the stored version appended (NextVersion); the old version's claims
	// left without statements are deleted (see the shared rules above). An article id
	// not stored keeps the bundle's Version (1 when unset) and PreviousVersions, so an
	// import restores the history. Writing an article id stored with the same content
	// hash changes nothing at all, even if the extraction results differ (storing a new
	// extraction of an unchanged text needs DeleteArticle first). The bundle is first
	// made Canonical (ContentHash filled in when empty).
	// A context cancelled before the commit leaves nothing written. A write stopped
	// part-way by a crash leaves, once the store is opened again, the store as it was
	// before the write: no part of a new article, and a replaced version readable
	// exactly as it was (storetest.RunInterrupted).
	// Errors: EINVALID (g nil or g.Validate failed; nothing written), EUNAVAILABLE.
	PutArticle(ctx context.Context, g *ArticleGraph) (WriteResult, error)

	// PatchArticle changes a stored article's metadata in one transaction, leaving its
	// text, version and everything extracted from it as they are: the fields of p that
	// are set replace the stored ones. A new outlet is created (an existing one keeps
	// its name and domain), and listings and filters by outlet follow at once (the
	// article's statements count for the new outlet). It returns the article as stored
	// afterwards. Errors: ENOTFOUND, EINVALID (the patched metadata fails
	// Article.Validate, or an outlet without an id or name; nothing written),
	// EUNAVAILABLE.
	PatchArticle(ctx context.Context, id string, p ArticlePatch) (*Article, error)

	// DeleteArticle deletes a stored article in one transaction: its metadata, text,
	// version history, statements, disputes, mentions and the links it wrote first, as
	// replacing it would, and then the claims it listed that no statement is left of,
	// with every dispute of them and every link to them, from whichever article they
	// came (see the shared rules above): nothing orphaned stays listed or searchable.
	// Claims that other articles state stay, with those articles' statements; outlets
	// and agents stay, except the article's scoped agents that nothing refers to any
	// more (see the shared rules above). guard, when set, is checked against the stored article inside
	// the transaction (see WriteGuard). The same id written later is a new article
	// (version 1 unless the bundle says otherwise). A context cancelled before the
	// commit deletes nothing. Errors: ENOTFOUND (no such article), EFORBIDDEN (the
	// guard refused; nothing deleted), EUNAVAILABLE.
	DeleteArticle(ctx context.Context, id string, guard *WriteGuard) error

	// Article returns an article. Errors: ENOTFOUND.
	Article(ctx context.Context, id string) (*Article, error)
	// ArticleGraph returns an article with everything stored for it, in the Canonical
	// form of the bundle as written, except that its shared records are the stored
	// ones: the outlet and claims of their first write, the agents merged (MergeAgent
	// across every article), and links as first written (a link this article repeats
	// shows the first writer's From, Reason and ArticleID; one that was removed with
	// its first writer is left out). Errors: ENOTFOUND.
	ArticleGraph(ctx context.Context, id string) (*ArticleGraph, error)
	// Articles lists articles (without text) sorted by id. Errors: EINVALID (cursor).
	Articles(ctx context.Context, q ArticleQuery) (Page[ArticleRef], error)

	// Claim returns a claim with all its statements (SortStatements order; non-nil).
	// Errors: ENOTFOUND.
	Claim(ctx context.Context, id string) (*ClaimDetail, error)
	// SearchClaims finds claims. Errors: EINVALID (cursor, sort, published date range).
	SearchClaims(ctx context.Context, q ClaimQuery) (Page[ClaimSummary], error)
	// ClaimsByCounted returns up to limit claims that have a quantity with exactly this
	// Counted value and unit, sorted by id: the candidates for numeric conflicts.
	// limit < 1 means MaxPageSize. An empty counted matches nothing. The result is
	// non-nil.
	ClaimsByCounted(ctx context.Context, counted, unit string, limit int) ([]Claim, error)

	// Agent returns an agent. Errors: ENOTFOUND.
	Agent(ctx context.Context, id string) (*Agent, error)
	// Agents lists agents. Errors: EINVALID (cursor).
	Agents(ctx context.Context, q AgentQuery) (Page[Agent], error)
	// AgentClaims lists the claims an agent is the speaker of (of at least one
	// statement), sorted by claim id, with their disputers: the same page as
	// SearchClaims with SpeakerID set (summaries count every statement of the claim,
	// not only the agent's). Errors: ENOTFOUND (agent), EINVALID (cursor).
	AgentClaims(ctx context.Context, agentID string, p PageRequest) (Page[ClaimSummary], error)

	// Provenance returns every chain by which a claim reached an article, one per
	// statement (BuildProvenance). Errors: ENOTFOUND.
	Provenance(ctx context.Context, claimID string) (*Provenance, error)
	// Contradictions returns a claim's disputes, conflicting and corroborating claims
	// and origin groups (see Origin and BuildContradictions). Errors: ENOTFOUND.
	Contradictions(ctx context.Context, claimID string) (*Contradictions, error)

	// Subgraph returns the bounded neighbourhood of a node (AssembleSubgraph).
	// Errors: ENOTFOUND (root), EINVALID (empty root, depth or limit out of range).
	Subgraph(ctx context.Context, q SubgraphQuery) (*Subgraph, error)

	// JobStore keeps the ingest jobs that outlive a request (see Job).
	JobStore

	// Stats counts the stored nodes and links.
	Stats(ctx context.Context) (Stats, error)
	// Ping checks that the store is reachable. Errors: EUNAVAILABLE.
	Ping(ctx context.Context) error
	// Close releases the store's resources.
	Close(ctx context.Context) error
}

// ArticlePatch is a change of an article's metadata, as PATCH /v1/articles/{id}
// sends it: nil fields stay unchanged. The URL is not patchable: the article id
// derives from it.
type ArticlePatch struct {
	Title     *string
	Authors   *[]string
	Published *Date
	// SetOutlet replaces the outlet with Outlet (nil: the article has no outlet).
	SetOutlet bool
	Outlet    *Outlet
	// Guard, when set, is checked against the stored article in the patch's
	// transaction (see WriteGuard): EFORBIDDEN, and nothing written, when it refuses.
	Guard *WriteGuard
}

// Apply returns a with the patch applied (a copy; a is not changed).
func (p ArticlePatch) Apply(a Article) Article {
	if p.Title != nil {
		a.Title = *p.Title
	}
	if p.Authors != nil {
		a.Authors = append([]string(nil), (*p.Authors)...)
		if len(a.Authors) == 0 {
			a.Authors = nil
		}
	}
	if p.Published != nil {
		a.Published = *p.Published
	}
	if p.SetOutlet {
		a.OutletID = ""
		if p.Outlet != nil {
			a.OutletID = p.Outlet.ID
		}
	}
	return a
}

// Validate checks the patch on its own: an outlet needs an id and a name.
func (p ArticlePatch) Validate() error {
	if p.SetOutlet && p.Outlet != nil && (p.Outlet.ID == "" || strings.TrimSpace(p.Outlet.Name) == "") {
		return Errorf(EINVALID, "outlet needs an id and a name")
	}
	return nil
}

// Batcher is a Store that can run many reads and writes as one transaction: bulk
// ingest writes a batch of articles with one commit (one fsync, one round trip to
// commit) instead of one per article, and reasons about each article against a state
// that includes the batch's earlier articles. Both backends implement it.
type Batcher interface {
	// Batch calls fn with a Store bound to one read-write transaction. Reads through
	// tx see everything written through it before, as well as everything committed
	// before the batch began; PutArticle through tx writes inside the transaction,
	// with the same contract as Store.PutArticle. When fn returns nil the transaction
	// commits: every write of the batch becomes visible at once. When fn returns an
	// error, or ctx ends, or the commit fails, nothing of the batch is written and
	// Batch returns the error. fn may be called more than once (a backend retries a
	// transaction that failed transiently, then with a new tx), so it must redo all
	// its work on each call and keep no state from a failed call. tx is valid only
	// until fn returns; it is safe for concurrent use, but its calls run one at a
	// time. Close on tx does nothing.
	Batch(ctx context.Context, fn func(ctx context.Context, tx Store) error) error
}

// PieceWriter is a Batcher whose PutArticle writes a large bundle in pieces (several
// bounded transactions, readers seeing the article whole) outside a batch, while a
// batch holds everything it writes in its one transaction. Bulk ingest writes a bundle
// WritesInPieces reports on its own, between the batches of the articles around it, so
// that no transaction holds the whole of it (the densest 2 MiB article in one
// embedded batch took a process to 455 MB; in one Neo4j transaction it does not fit a
// 512 MiB heap). Both backends implement it.
type PieceWriter interface {
	// WritesInPieces reports whether PutArticle outside a batch writes g in pieces.
	WritesInPieces(g *ArticleGraph) bool
}

// Backuper is a Store that copies itself consistently while it stays open for reads
// and writes: the embedded store (one read transaction's snapshot of its file). The
// API serves it as GET /v1/backup.
type Backuper interface {
	// Backup writes a copy of the store as it is at one moment to w. Errors:
	// EUNAVAILABLE (ctx ended, the store is closed, w failed).
	Backup(ctx context.Context, w io.Writer) (BackupInfo, error)
}

// BackupInfo says what a backup holds: its size and the store's counts at the moment
// the backup's snapshot was taken (the point in time it is a copy of).
type BackupInfo struct {
	Bytes int64 `json:"bytes"`
	Stats Stats `json:"stats"`
}

// BulkReader is a Store that answers many lookups of one kind in one round trip:
// ingest reads what it needs about all the claims and agents of an article at once
// instead of one query each. Every answer is exactly the one of the single-item
// method it stands for. Neo4j implements it (a round trip costs milliseconds there).
type BulkReader interface {
	// SearchClaimsText returns, for each text in order, the page that
	// SearchClaims(ClaimQuery{Text: text, Page: PageRequest{Limit: limit}}) returns.
	SearchClaimsText(ctx context.Context, texts []string, limit int) ([]Page[ClaimSummary], error)
	// AgentsByID returns, for each id in order, the agent Agent returns, or nil when
	// it is not stored.
	AgentsByID(ctx context.Context, ids []string) ([]*Agent, error)
	// ClaimsByCountedMany returns, for each key in order, the claims that
	// ClaimsByCounted(key.Counted, key.Unit, limit) returns.
	ClaimsByCountedMany(ctx context.Context, keys []CountedKey, limit int) ([][]Claim, error)
	// AgentsByName returns, for each name in order, the page that
	// Agents(AgentQuery{Name: name, Page: PageRequest{Limit: limit}}) returns.
	AgentsByName(ctx context.Context, names []string, limit int) ([]Page[Agent], error)
}

// ArticlesReader is a Store that reads many articles in one round trip: ingest asks
// which of the articles it is about to extract, and which of a batch it is about to
// write, are stored already (and with what text) with one read instead of one per
// article. Both of claimgraph's stores implement it.
type ArticlesReader interface {
	// ArticlesByID returns, for each id in order, the article Article returns (with
	// its text), or nil when it is not stored.
	ArticlesByID(ctx context.Context, ids []string) ([]*Article, error)
}

// OutletsReader is a Store that reads outlets by id: a batch of ingest that has not
// written its articles yet tells what an article's outlet is once written (the
// stored one keeps the name of its first write) without writing them first. Both of
// claimgraph's stores implement it.
type OutletsReader interface {
	// OutletsByID returns, for each id in order, the stored outlet, or nil when it is
	// not stored.
	OutletsByID(ctx context.Context, ids []string) ([]*Outlet, error)
}

// CountedKey names what a quantity counts, in what unit: the key of
// Store.ClaimsByCounted.
type CountedKey struct {
	Counted string
	Unit    string
}

// Origin names the independent origin of a statement for corroboration counting: the
// first agency it came through (a wire story repeated by several outlets counts once),
// else its speaker, else the text of the article it stands in (identical wire copies
// share a content hash).
func Origin(s Statement, articleContentHash string) string {
	switch {
	case len(s.Via) > 0:
		return "via:" + s.Via[0]
	case s.SpeakerID != "":
		return "speaker:" + s.SpeakerID
	}
	return "article:" + articleContentHash
}

// GroupOrigins groups a claim's statements by Origin, groups ordered by origin and
// statement ids sorted within each. contentHash maps article id to content hash.
func GroupOrigins(stmts []Statement, contentHash map[string]string) []OriginGroup {
	byOrigin := map[string][]string{}
	for _, s := range stmts {
		o := Origin(s, contentHash[s.ArticleID])
		byOrigin[o] = append(byOrigin[o], s.ID)
	}
	out := make([]OriginGroup, 0, len(byOrigin))
	for o, ids := range byOrigin {
		sort.Strings(ids)
		out = append(out, OriginGroup{Origin: o, StatementIDs: ids})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Origin < out[j].Origin })
	return out
}
