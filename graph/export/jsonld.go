package export

import (
	"context"
	"encoding/json"
	"io"

	"github.com/claimgraph/claimgraph/graph"
)

// articleDates looks up an article's publication date (the JSON-LD writer's
// firstAppearance needs it), keeping at most maxDates in memory (then it starts
// again), so that its memory does not grow with the store: claims come in id order,
// their articles in no order, so a larger cache mostly holds dates no later claim
// asks for (8,192 dates export a 120,000-claim store as fast as 100,000 did).
type articleDates struct {
	get   func(ctx context.Context, id string) (*graph.Article, error)
	dates map[string]graph.Date
}

const maxDates = 8192

func (a *articleDates) date(ctx context.Context, id string) (graph.Date, error) {
	if d, ok := a.dates[id]; ok {
		return d, nil
	}
	art, err := a.get(ctx, id)
	if err != nil {
		return graph.Date{}, err
	}
	if len(a.dates) >= maxDates {
		clear(a.dates)
	}
	a.dates[id] = art.Published
	return art.Published, nil
}

// jsonLD writes schema.org JSON-LD with an inline context (no network needed to read
// it): every claim a schema:Claim with its text, author (the speakers of its
// statements), appearance (the articles it stands in) and firstAppearance (the earliest
// published of them; none when no date is known), ready for a fact-checker to wrap in
// a ClaimReview; articles as NewsArticle with their publisher; agents as Person or
// Organization. Statements and disputes add author and appearance to their claim (a
// node may be split across items of @graph: JSON-LD merges them by @id). Streamed.
type jsonLD struct {
	w     *errWriter
	first bool
	dates *articleDates
}

var jsonLDContext = map[string]any{
	"@vocab": "https://schema.org/",
	"cg":     NS,
	"@base":  IDBase,
}

func newJSONLD(out io.Writer, dates *articleDates) (*jsonLD, error) {
	j := &jsonLD{w: newErrWriter(out), first: true, dates: dates}
	ctx, _ := json.Marshal(jsonLDContext)
	j.w.s(`{"@context": `)
	j.w.b(ctx)
	j.w.s(",\n\"@graph\": [\n")
	return j, j.w.err
}

func ref(id string) map[string]string { return map[string]string{"@id": id} }

func (j *jsonLD) item(m map[string]any) error {
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	if !j.first {
		j.w.s(",\n")
	}
	j.first = false
	j.w.b(b)
	return j.w.err
}

// Node implements Writer.
func (j *jsonLD) Node(ctx context.Context, n Node) error {
	switch {
	case n.Claim != nil:
		c := n.Claim
		m := map[string]any{"@id": c.ID, "@type": "Claim", "text": c.Text, "cg:kind": string(c.Kind)}
		if n.Summary != nil {
			if err := j.appearances(ctx, m, n.Summary); err != nil {
				return err
			}
		}
		return j.item(m)
	case n.Article != nil:
		a := n.Article
		m := map[string]any{"@id": a.ID, "@type": "NewsArticle"}
		setStr(m, "url", a.URL)
		setStr(m, "headline", a.Title)
		setStr(m, "datePublished", a.Published.Value)
		if a.OutletID != "" {
			m["publisher"] = ref(a.OutletID)
		}
		if len(a.Authors) > 0 {
			var authors []map[string]string
			for _, name := range a.Authors {
				authors = append(authors, map[string]string{"@type": "Person", "name": name})
			}
			m["author"] = authors
		}
		return j.item(m)
	case n.Outlet != nil:
		m := map[string]any{"@id": n.Outlet.ID, "@type": "NewsMediaOrganization", "name": n.Outlet.Name}
		setStr(m, "url", n.Outlet.Domain)
		return j.item(m)
	case n.Agent != nil:
		a := n.Agent
		typ := "Organization"
		if a.Kind == graph.KindPerson {
			typ = "Person"
		}
		m := map[string]any{"@id": a.ID, "@type": typ, "name": a.Name, "cg:kind": string(a.Kind)}
		if len(a.Aliases) > 0 {
			m["alternateName"] = a.Aliases
		}
		return j.item(m)
	case n.Statement != nil:
		s := n.Statement
		m := map[string]any{"@id": s.ClaimID, "appearance": ref(s.ArticleID)}
		if s.SpeakerID != "" {
			m["author"] = ref(s.SpeakerID)
		}
		return j.item(m)
	}
	return nil
}

// appearances sets a claim's author, appearance and firstAppearance from its summary.
func (j *jsonLD) appearances(ctx context.Context, m map[string]any, s *graph.ClaimSummary) error {
	var authors, apps []map[string]string
	for _, id := range s.SpeakerIDs {
		authors = append(authors, ref(id))
	}
	first, firstDate := "", ""
	for _, id := range s.ArticleIDs {
		apps = append(apps, ref(id))
		d, err := j.dates.date(ctx, id)
		if err != nil {
			return err
		}
		if d.Value != "" && (first == "" || dateLow(d.Value) < firstDate) {
			first, firstDate = id, dateLow(d.Value)
		}
	}
	if len(authors) > 0 {
		m["author"] = authors
	}
	if len(apps) > 0 {
		m["appearance"] = apps
	}
	if first != "" {
		m["firstAppearance"] = ref(first)
	}
	return nil
}

func setStr(m map[string]any, k, v string) {
	if v != "" {
		m[k] = v
	}
}

// Edge implements Writer: schema.org has no terms for the graph's edges beyond what
// the nodes say, so only claim links are written (cg:conflictsWith, cg:corroborates).
func (j *jsonLD) Edge(_ context.Context, e Edge) error {
	switch e.Type {
	case graph.EdgeConflicts:
		return j.item(map[string]any{"@id": e.From, "cg:conflictsWith": ref(e.To)})
	case graph.EdgeCorroborate:
		return j.item(map[string]any{"@id": e.From, "cg:corroborates": ref(e.To)})
	}
	return nil
}

// Close implements Writer.
func (j *jsonLD) Close(context.Context) error {
	j.w.s("\n]}\n")
	return j.w.flush()
}

// Abort implements Writer: nothing is flushed.
func (j *jsonLD) Abort() {}

// usesSummary marks JSON-LD as a summaryUser: a claim's appearances come from it.
func (*jsonLD) usesSummary() {}
