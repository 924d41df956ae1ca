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
const collectLimit = 20000

// driver is the index a claim search walks: bucket, key prefix and the position of
// the claim id in its keys. Keys repeat a claim when it has several statements there.
type driver struct {
	b   []byte
	pfx []byte
	at  int
	est int // estimated number of claims, -1 when unknown
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
	cur, err := graph.DecodeCursor(q.Page.Cursor)
	if err != nil {
		return page, err
	}
	n := q.Page.Size()
	terms := graph.QueryTerms(q.Text)
	err = s.view(ctx, func(tx *bolt.Tx) error {
		m := matcher{tx: tx, q: q, terms: terms}
		d := chooseDriver(tx, q, terms)
		if q.Sort == graph.SortByStatements {
			if d.est >= 0 && d.est <= collectLimit && d.b != nil {
				return m.collectByCount(d, cur, n, &page)
			}
			return m.walkByCount(cur, n, &page)
		}
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
			sum, ok, err := m.match(id)
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
		return driver{b: iWord, pfx: prefix(best), at: 1, est: int(bestN)}
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
	q     graph.ClaimQuery
	terms []string
}

func (m *matcher) match(id string) (graph.ClaimSummary, bool, error) {
	var a claimAgg
	if ok, err := get(m.tx, bAgg, id, &a); err != nil || !ok {
		return graph.ClaimSummary{}, false, orMissing(err, "claim aggregate", id)
	}
	q := m.q
	if (q.SpeakerID != "" && a.Sp[q.SpeakerID] == 0) ||
		(q.ArticleID != "" && a.Ar[q.ArticleID] == 0) ||
		(q.OutletID != "" && a.Ou[q.OutletID] == 0) ||
		(q.Disputed != nil && *q.Disputed != (a.D > 0)) {
		return graph.ClaimSummary{}, false, nil
	}
	var c graph.Claim
	if ok, err := get(m.tx, bClaims, id, &c); err != nil || !ok {
		return graph.ClaimSummary{}, false, orMissing(err, "claim", id)
	}
	if (q.HasQuantity != nil && *q.HasQuantity != (len(c.Quantities) > 0)) ||
		(len(m.terms) > 0 && !hasAll(graph.Words(c.Text), m.terms)) {
		return graph.ClaimSummary{}, false, nil
	}
	return a.summary(c), true, nil
}

// after reports whether (n, id) comes after the cursor in -statements order.
func afterCursor(cur graph.Cursor, n int, id string) bool {
	if cur.Key == "" {
		return true
	}
	return n < cur.N || (n == cur.N && id > cur.Key)
}

// collectByCount gathers every match of a narrow driver and sorts it by count.
func (m *matcher) collectByCount(d driver, cur graph.Cursor, n int, page *graph.Page[graph.ClaimSummary]) error {
	var all []graph.ClaimSummary
	last := ""
	err := scan(m.tx, d.b, d.pfx, "", func(k []byte) (bool, error) {
		id := field(k, d.at)
		if id == last {
			return true, nil
		}
		last = id
		sum, ok, err := m.match(id)
		if err == nil && ok && afterCursor(cur, sum.Statements, id) {
			all = append(all, sum)
		}
		return err == nil, err
	})
	if err != nil {
		return err
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].Statements != all[j].Statements {
			return all[i].Statements > all[j].Statements
		}
		return all[i].Claim.ID < all[j].Claim.ID
	})
	if len(all) > n {
		all = all[:n]
		last := all[n-1]
		page.NextCursor = graph.EncodeCursor(graph.Cursor{Key: last.Claim.ID, N: last.Statements})
	}
	page.Items = append(page.Items, all...)
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
		cnt, id := countOf(k)
		sum, ok, err := m.match(id)
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
		_ = cnt
		page.Items = append(page.Items, sum)
	}
	return nil
}
