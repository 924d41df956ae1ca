package embedded

import (
	"bytes"
	"context"
	"encoding/binary"
	"sort"

	bolt "go.etcd.io/bbolt"

	"github.com/claimgraph/claimgraph/graph"
)

// collectLimit bounds how many candidates a -statements search sorts in memory. A
// search whose narrowest index (article, speaker, rarest text term) yields at most
// this many claims collects and sorts them; otherwise it walks the count-order index
// (i_by_count) and filters, which costs O(page) for broad filters.
const collectLimit = 2000

// driver is the index a claim search walks: bucket, key prefix and the position of
// the claim id in its keys. Keys repeat a claim when it has several statements there.
type driver struct {
	b   []byte
	pfx []byte
	at  int
	est int // estimated number of claims, -1 when unknown
	// term is the text term whose index this is, when it is one: its candidates
	// have that term.
	term string
}

// SearchClaims finds claims (see graph.ClaimQuery). It walks the narrowest index that
// the filters allow, in claim-id order from the cursor, and checks every filter on
// each candidate with its aggregate record, stopping one claim past the page.
// Errors: EINVALID (cursor, sort).
func (s *Store) SearchClaims(ctx context.Context, q graph.ClaimQuery) (graph.Page[graph.ClaimSummary], error) {
	page := graph.Page[graph.ClaimSummary]{Items: []graph.ClaimSummary{}}
	switch q.Sort {
	case "", graph.SortByID, graph.SortByStatements:
	default:
		return page, graph.Errorf(graph.EINVALID, "sort %q is not one of %q, %q", q.Sort, graph.SortByID, graph.SortByStatements)
	}
	if err := graph.ValidateDateRange(q.PublishedFrom, q.PublishedTo); err != nil {
		return page, err
	}
	cur, err := graph.DecodeCursor(q.Page.Cursor)
	if err != nil {
		return page, err
	}
	n := q.Page.Size()
	terms := graph.QueryTerms(q.Text)
	err = s.view(ctx, func(tx *bolt.Tx) error {
		d := chooseDriver(tx, q, terms)
		if q.Sort == graph.SortByStatements {
			if d.est >= 0 && d.est <= collectLimit && d.b != nil {
				return newMatcher(tx, s.c, q, terms, d).collectByCount(d, cur, n, &page)
			}
			// The count-order walk is not the driver: every term is checked.
			return newMatcher(tx, s.c, q, terms, driver{}).walkByCount(cur, n, &page)
		}
		m := newMatcher(tx, s.c, q, terms, d)
		if d.b == nil {
			d = driver{b: bClaims, pfx: []byte{}}
		}
		last := ""
		return scan(tx, d.b, d.pfx, cur.Key, func(k []byte) (bool, error) {
			id := field(k, d.at)
			if id == last {
				return true, nil
			}
			last = id
			sum, ok, err := m.matchSummary(id)
			if err != nil || !ok {
				return err == nil, err
			}
			if len(page.Items) == n {
				page.NextCursor = graph.EncodeCursor(graph.Cursor{Key: page.Items[n-1].Claim.ID})
				return false, nil
			}
			page.Items = append(page.Items, sum)
			return true, nil
		})
	})
	return page, err
}

// chooseDriver picks the narrowest index: article, speaker, the rarest text term,
// outlet, claims with quantities, disputed claims; b is nil when none applies.
func chooseDriver(tx *bolt.Tx, q graph.ClaimQuery, terms []string) driver {
	switch {
	case q.ArticleID != "":
		return driver{b: iArticle, pfx: prefix(q.ArticleID), at: 1, est: 0}
	case q.SpeakerID != "":
		return driver{b: iSpeaker, pfx: prefix(q.SpeakerID), at: 1, est: 0}
	case len(terms) > 0:
		best, bestN := terms[0], uint64(1<<63)
		for _, t := range terms {
			v := tx.Bucket(iWordCount).Get([]byte(t))
			var c uint64
			if v != nil {
				c = binary.BigEndian.Uint64(v)
			}
			if c < bestN {
				best, bestN = t, c
			}
		}
		return driver{b: iWord, pfx: prefix(best), at: 1, est: int(bestN), term: best}
	case q.OutletID != "":
		return driver{b: iOutlet, pfx: prefix(q.OutletID), at: 1, est: -1}
	case q.HasQuantity != nil && *q.HasQuantity:
		return driver{b: iQuantity, pfx: []byte{}, at: 0, est: -1}
	case q.Disputed != nil && *q.Disputed:
		return driver{b: iClaimDispute, pfx: []byte{}, at: 0, est: -1}
	}
	return driver{est: -1}
}

// matcher checks a claim against every filter of a query.
type matcher struct {
	tx    *bolt.Tx
	c     *caches
	q     graph.ClaimQuery
	terms []string // the terms to check: all but the driver's
	// Buckets opened once per search.
	word, quantity, dispute, claimN, agg, claims, articles *bolt.Bucket
	// inRange caches, per article id, whether its publication date is in the
	// query's range (many candidates share articles).
	inRange map[string]bool
}

func newMatcher(tx *bolt.Tx, c *caches, q graph.ClaimQuery, terms []string, d driver) *matcher {
	m := &matcher{tx: tx, c: c, q: q,
		word: tx.Bucket(iWord), quantity: tx.Bucket(iQuantity), dispute: tx.Bucket(iClaimDispute),
		claimN: tx.Bucket(iClaimN), agg: tx.Bucket(bAgg), claims: tx.Bucket(bClaims), articles: tx.Bucket(bArticles)}
	if q.HasDateRange() {
		m.inRange = map[string]bool{}
	}
	for _, t := range terms {
		if t != d.term || d.b == nil || !bytes.Equal(d.b, iWord) {
			m.terms = append(m.terms, t)
		}
	}
	return m
}

// match reports whether claim id passes every filter, with its statement count and,
// when a filter needed it, its aggregate (else nil). Index point lookups come first;
// the aggregate is decoded only for speaker, article, outlet and date filters.
// With needAgg (the caller summarizes every match) the aggregate is always read,
// instead of reading the statement count and then the aggregate.
func (m *matcher) match(id string, needAgg bool) (int, *claimAgg, bool, error) {
	q := m.q
	for _, t := range m.terms {
		if m.word.Get(key(t, id)) == nil {
			return 0, nil, false, nil
		}
	}
	if q.HasQuantity != nil && *q.HasQuantity != (m.quantity.Get([]byte(id)) != nil) {
		return 0, nil, false, nil
	}
	if q.Disputed != nil && *q.Disputed != bucketHasPrefix(m.dispute, prefix(id)) {
		return 0, nil, false, nil
	}
	if !needAgg && q.SpeakerID == "" && q.ArticleID == "" && q.OutletID == "" && !q.HasDateRange() {
		if v := m.claimN.Get([]byte(id)); len(v) == 4 {
			return int(binary.BigEndian.Uint32(v)), nil, true, nil
		}
	}
	a, err := m.c.aggs.mustIn(m.agg, id)
	if err != nil {
		return 0, nil, false, err
	}
	if (q.SpeakerID != "" && a.Sp[q.SpeakerID] == 0) ||
		(q.ArticleID != "" && a.Ar[q.ArticleID] == 0) ||
		(q.OutletID != "" && a.Ou[q.OutletID] == 0) {
		return 0, nil, false, nil
	}
	if q.HasDateRange() {
		ok, err := m.publishedInRange(a)
		if err != nil || !ok {
			return 0, nil, false, err
		}
	}
	return a.N, &a, true, nil
}

// publishedInRange reports whether one of the articles with statements of the claim
// (its aggregate's Ar) was published within the query's date range.
func (m *matcher) publishedInRange(a claimAgg) (bool, error) {
	for id, n := range a.Ar {
		if n == 0 {
			continue
		}
		in, seen := m.inRange[id]
		if !seen {
			art, err := m.c.articles.mustIn(m.articles, id)
			if err != nil {
				return false, err
			}
			in = art.Published.InRange(m.q.PublishedFrom, m.q.PublishedTo)
			m.inRange[id] = in
		}
		if in {
			return true, nil
		}
	}
	return false, nil
}

// summary reads claim id and summarizes it with its aggregate (read when nil).
func (m *matcher) summary(id string, a *claimAgg) (graph.ClaimSummary, error) {
	if a == nil {
		av, err := m.c.aggs.mustIn(m.agg, id)
		if err != nil {
			return graph.ClaimSummary{}, err
		}
		a = &av
	}
	c, err := m.c.claims.mustIn(m.claims, id)
	if err != nil {
		return graph.ClaimSummary{}, err
	}
	return a.summary(c), nil
}

// matchSummary is match and summary together.
func (m *matcher) matchSummary(id string) (graph.ClaimSummary, bool, error) {
	_, a, ok, err := m.match(id, true)
	if err != nil || !ok {
		return graph.ClaimSummary{}, false, err
	}
	sum, err := m.summary(id, a)
	return sum, err == nil, err
}

// after reports whether (n, id) comes after the cursor in -statements order.
func afterCursor(cur graph.Cursor, n int, id string) bool {
	if cur.Key == "" {
		return true
	}
	return n < cur.N || (n == cur.N && id > cur.Key)
}

// collectByCount gathers every match of a narrow driver, sorts the matches by count
// and reads the claims of the page only.
func (m *matcher) collectByCount(d driver, cur graph.Cursor, n int, page *graph.Page[graph.ClaimSummary]) error {
	type hit struct {
		id  string
		n   int
		agg *claimAgg
	}
	var all []hit
	last := ""
	err := scan(m.tx, d.b, d.pfx, "", func(k []byte) (bool, error) {
		id := field(k, d.at)
		if id == last {
			return true, nil
		}
		last = id
		cnt, a, ok, err := m.match(id, false)
		if err == nil && ok && afterCursor(cur, cnt, id) {
			all = append(all, hit{id, cnt, a})
		}
		return err == nil, err
	})
	if err != nil {
		return err
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].n != all[j].n {
			return all[i].n > all[j].n
		}
		return all[i].id < all[j].id
	})
	if len(all) > n {
		all = all[:n]
		page.NextCursor = graph.EncodeCursor(graph.Cursor{Key: all[n-1].id, N: all[n-1].n})
	}
	for _, h := range all {
		sum, err := m.summary(h.id, h.agg)
		if err != nil {
			return err
		}
		page.Items = append(page.Items, sum)
	}
	return nil
}

// walkByCount walks the count-order index from the cursor, filtering.
func (m *matcher) walkByCount(cur graph.Cursor, n int, page *graph.Page[graph.ClaimSummary]) error {
	c := m.tx.Bucket(iByCount).Cursor()
	var k []byte
	if cur.Key == "" {
		k, _ = c.First()
	} else {
		start := countKey(cur.N, cur.Key)
		k, _ = c.Seek(start)
		if k != nil && bytes.Equal(k, start) {
			k, _ = c.Next()
		}
	}
	for ; k != nil; k, _ = c.Next() {
		_, id := countOf(k)
		sum, ok, err := m.matchSummary(id)
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		if len(page.Items) == n {
			lastItem := page.Items[n-1]
			page.NextCursor = graph.EncodeCursor(graph.Cursor{Key: lastItem.Claim.ID, N: lastItem.Statements})
			return nil
		}
		page.Items = append(page.Items, sum)
	}
	return nil
}

func bucketHasPrefix(b *bolt.Bucket, p []byte) bool {
	k, _ := b.Cursor().Seek(p)
	return k != nil && bytes.HasPrefix(k, p)
}
