package embedded

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"math"
	"sort"

	bolt "go.etcd.io/bbolt"

	"github.com/claimgraph/claimgraph/graph"
)

// Layout. Records are JSON values keyed by id; index buckets hold composite keys of
// ids joined by sep (ids never contain NUL) with empty values unless noted. Every
// index is written in the same transaction as its records.
var (
	bMeta     = []byte("meta")      // version, stats
	bArticles = []byte("articles")  // article id → Article JSON without Text
	bTexts    = []byte("texts")     // article id → text
	bBundles  = []byte("bundles")   // article id → bundleRec JSON
	bOutlets  = []byte("outlets")   // outlet id → Outlet JSON
	bAgents   = []byte("agents")    // agent id → Agent JSON
	bClaims   = []byte("claims")    // claim id → Claim JSON
	bAgg      = []byte("claim_agg") // claim id → claimAgg JSON (counts for summaries and filters)
	bStmts    = []byte("statements")
	bDisputes = []byte("disputes")
	bLinks    = []byte("links")
	bAudit    = []byte("audit") // audit entry id → AuditEntry JSON (ids sort by time)

	iClaimStmt    = []byte("i_claim_stmt")    // claim · statement
	iClaimDispute = []byte("i_claim_dispute") // claim · dispute (disputes with a ClaimID)
	iClaimLink    = []byte("i_claim_link")    // claim · link (both ends)
	iSpeaker      = []byte("i_speaker")       // speaker · claim · statement
	iArticle      = []byte("i_article")       // article · claim · statement
	iOutlet       = []byte("i_outlet")        // outlet · claim · statement
	iWord         = []byte("i_word")          // word · claim
	iWordCount    = []byte("i_word_n")        // word → uint64 number of claims
	iCounted      = []byte("i_counted")       // counted · unit · claim
	iQuantity     = []byte("i_quantity")      // claim (claims with quantities)
	iByCount      = []byte("i_by_count")      // uint32(MaxUint32 − statements) claim
	iClaimN       = []byte("i_claim_n")       // claim → uint32 statements (absent in stores of before: read the aggregate)
	iOutletArt    = []byte("i_outlet_art")    // outlet · article
	iAgentWord    = []byte("i_agent_word")    // word · agent (name and aliases)
	iAgentKind    = []byte("i_agent_kind")    // kind · agent
	iAdj          = []byte("i_adj")           // node · other · type · o|i (edges of EdgesOf)
	iBundleClaim  = []byte("i_bundle_claim")  // claim · article (the bundles that list the claim)

	allBuckets = [][]byte{bMeta, bArticles, bTexts, bBundles, bOutlets, bAgents, bClaims, bAgg, bStmts, bDisputes, bLinks,
		iClaimStmt, iClaimDispute, iClaimLink, iSpeaker, iArticle, iOutlet, iWord, iWordCount, iCounted, iQuantity, iByCount,
		iClaimN, iOutletArt, iAgentWord, iAgentKind, iAdj, bAudit, bJobs, bJobInputs, iBundleClaim}

	keyVersion = []byte("version")
	keyStats   = []byte("stats")
)

const sep = 0

// key joins parts with sep.
func key(parts ...string) []byte {
	n := len(parts)
	for _, p := range parts {
		n += len(p)
	}
	b := make([]byte, 0, n)
	for i, p := range parts {
		if i > 0 {
			b = append(b, sep)
		}
		b = append(b, p...)
	}
	return b
}

// prefix is key(parts...) followed by sep: the start of every key under parts.
func prefix(parts ...string) []byte { return append(key(parts...), sep) }

// field returns the i-th sep-separated part of k.
func field(k []byte, i int) string {
	for ; i > 0; i-- {
		j := bytes.IndexByte(k, sep)
		if j < 0 {
			return ""
		}
		k = k[j+1:]
	}
	if j := bytes.IndexByte(k, sep); j >= 0 {
		k = k[:j]
	}
	return string(k)
}

// countKey orders claims by statement count descending, then id.
func countKey(n int, claimID string) []byte {
	b := make([]byte, 4, 4+len(claimID))
	binary.BigEndian.PutUint32(b, uint32(math.MaxUint32-uint32(n)))
	return append(b, claimID...)
}

func countOf(k []byte) (int, string) {
	return int(math.MaxUint32 - binary.BigEndian.Uint32(k[:4])), string(k[4:])
}

// bundleRec is what an article's bundle holds besides its records: the ids of its
// agents and claims (which are shared records), statements, disputes and links, and
// its mentions.
type bundleRec struct {
	Agents     []string        `json:"agents"`
	Claims     []string        `json:"claims"`
	Statements []string        `json:"statements"`
	Disputes   []string        `json:"disputes"`
	Links      []string        `json:"links"`
	Mentions   []graph.Mention `json:"mentions"`
}

// claimAgg counts a claim's statements and disputes, per speaker, article, outlet and
// disputer, so that summaries and filters need one read per claim.
type claimAgg struct {
	N  int            `json:"n"`
	D  int            `json:"d"`
	Sp map[string]int `json:"sp,omitempty"`
	Ar map[string]int `json:"ar,omitempty"`
	Ou map[string]int `json:"ou,omitempty"`
	Dp map[string]int `json:"dp,omitempty"`
	// keys are the sorted keys of Sp, Ar and Dp, set on aggregates decoded into the
	// read cache (which are never modified); nil otherwise.
	keys *aggKeys `json:"-"`
}

type aggKeys struct{ sp, ar, dp []string }

func (a *claimAgg) sortKeys() {
	a.keys = &aggKeys{sp: clip(sortedKeys(a.Sp)), ar: clip(sortedKeys(a.Ar)), dp: clip(sortedKeys(a.Dp))}
}

func bump(m *map[string]int, k string, d int) {
	if k == "" {
		return
	}
	if *m == nil {
		*m = map[string]int{}
	}
	(*m)[k] += d
	if (*m)[k] <= 0 {
		delete(*m, k)
	}
}

func sortedKeys(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func (a *claimAgg) summary(c graph.Claim) graph.ClaimSummary {
	if k := a.keys; k != nil {
		return graph.ClaimSummary{Claim: c, Statements: a.N, Disputes: a.D, SpeakerIDs: k.sp, ArticleIDs: k.ar, DisputerIDs: k.dp}
	}
	return graph.ClaimSummary{Claim: c, Statements: a.N, Disputes: a.D,
		SpeakerIDs: sortedKeys(a.Sp), ArticleIDs: sortedKeys(a.Ar), DisputerIDs: sortedKeys(a.Dp)}
}

// get decodes the JSON record at id in bucket b into v; false when absent.
func get(tx *bolt.Tx, b []byte, id string, v any) (bool, error) {
	raw := tx.Bucket(b).Get([]byte(id))
	if raw == nil {
		return false, nil
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return false, graph.Wrap(graph.EINTERNAL, err, "decode %s/%s", b, id)
	}
	return true, nil
}

func putJSON(tx *bolt.Tx, b []byte, id string, v any) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return tx.Bucket(b).Put([]byte(id), raw)
}

func hasPrefix(tx *bolt.Tx, b, p []byte) bool {
	k, _ := tx.Bucket(b).Cursor().Seek(p)
	return k != nil && bytes.HasPrefix(k, p)
}
