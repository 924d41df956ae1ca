package embed

import (
	"net/url"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// MaxRows bounds each list of a card (sources, disputes, conflicts): a card is a
// summary that fits beside an article, and the full page has the rest. The number
// left out is given in the list's More field.
const MaxRows = 4

// Card is the provenance summary of one claim that every widget form shows: who said
// it, through which agencies, in which article; who disputes it; which claims
// conflict with its figures. The iframe card renders it as HTML, the web component
// fetches it as JSON (GET /v1/claims/{id}/card), and oEmbed sizes its iframe by it.
// Every string in it is article data, to be escaped or set as text by whoever shows it.
type Card struct {
	Claim CardClaim `json:"claim"`
	// Page is the path of the claim's full page in the web app (/claims/{id}),
	// relative to the server that answered.
	Page string `json:"page"`
	// Embed is the path of the claim's iframe card (/embed/claims/{id}).
	Embed     string                 `json:"embed"`
	Sources   CardList[CardSource]   `json:"sources"`
	Disputes  CardList[CardDispute]  `json:"disputes"`
	Conflicts CardList[CardConflict] `json:"conflicts"`
	// IndependentOrigins counts the distinct origins of the claim's statements (a
	// wire story repeated by several outlets counts once).
	IndependentOrigins int `json:"independent_origins"`
}

// CardList is the first MaxRows items of a list and how many more there are.
type CardList[T any] struct {
	Items []T `json:"items"`
	More  int `json:"more"`
}

// CardClaim is the claim itself with its figures as written ("more than 68,800
// Palestinians dead").
type CardClaim struct {
	ID      string   `json:"id"`
	Text    string   `json:"text"`
	Kind    string   `json:"kind"`
	Figures []string `json:"figures"`
}

// CardAgent is a speaker, agency or disputer.
type CardAgent struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Kind string `json:"kind"`
}

// CardArticle is the article a statement or dispute stands in. Fields the source
// does not state are empty; URL is set only for http and https addresses, so that a
// stored javascript: or data: URL can never become a link. Page is the path of the
// article's page in the web app, with every span of it highlighted.
type CardArticle struct {
	ID        string   `json:"id"`
	Page      string   `json:"page"`
	Title     string   `json:"title,omitempty"`
	URL       string   `json:"url,omitempty"`
	Outlet    string   `json:"outlet,omitempty"`
	Published string   `json:"published,omitempty"`
	Authors   []string `json:"authors,omitempty"`
}

// CardSource is one provenance chain: the speaker (nil when the article asserts the
// claim itself), the agencies it came through in citation order, the article, and
// whether the words are quoted or reported.
type CardSource struct {
	Speaker *CardAgent  `json:"speaker,omitempty"`
	Via     []CardAgent `json:"via"`
	Article CardArticle `json:"article"`
	Speech  string      `json:"speech"`
}

// CardDispute is one dispute of the claim: who, how (the verb: "disputes",
// "denies"…), the sentence that says so, and the article.
type CardDispute struct {
	Disputer CardAgent   `json:"disputer"`
	Kind     string      `json:"kind"`
	Evidence string      `json:"evidence,omitempty"`
	Article  CardArticle `json:"article"`
}

// CardConflict is a claim whose figures conflict with this one: its text and
// figures, why they conflict ("68800 vs 52000 palestinians dead"), who said it, and
// its own card's paths.
type CardConflict struct {
	Claim    CardClaim   `json:"claim"`
	Reason   string      `json:"reason,omitempty"`
	Speakers []CardAgent `json:"speakers"`
	Page     string      `json:"page"`
}

// PagePath is the path of a claim's page in the web app.
func PagePath(claimID string) string { return "/claims/" + url.PathEscape(claimID) }

// ArticlePagePath is the path of an article's page in the web app.
func ArticlePagePath(articleID string) string { return "/articles/" + url.PathEscape(articleID) }

// EmbedPath is the path of a claim's iframe card.
func EmbedPath(claimID string) string { return "/embed/claims/" + url.PathEscape(claimID) }

// BuildCard summarizes a claim's provenance and contradictions (as the store returns
// them, for the same claim) into a Card. It is pure: the same input gives the same
// card, in the store's order.
func BuildCard(p *graph.Provenance, c *graph.Contradictions) Card {
	card := Card{
		Claim:              cardClaim(p.Claim),
		Page:               PagePath(p.Claim.ID),
		Embed:              EmbedPath(p.Claim.ID),
		IndependentOrigins: c.IndependentOrigins,
	}
	card.Sources = bounded(p.Chains, func(ch graph.ProvenanceChain) CardSource {
		s := CardSource{Via: []CardAgent{}, Article: cardArticle(ch.Article), Speech: string(ch.Statement.Kind)}
		if ch.Speaker != nil {
			a := cardAgent(*ch.Speaker)
			s.Speaker = &a
		}
		for _, v := range ch.Via {
			s.Via = append(s.Via, cardAgent(v))
		}
		return s
	})
	card.Disputes = bounded(c.Disputes, func(d graph.DisputeView) CardDispute {
		return CardDispute{
			Disputer: cardAgent(d.Disputer),
			Kind:     string(d.Dispute.Kind),
			Evidence: d.Dispute.Sentence.Text,
			Article:  cardArticle(d.Article),
		}
	})
	card.Conflicts = bounded(c.Conflicts, func(r graph.RelatedClaim) CardConflict {
		cc := CardConflict{Claim: cardClaim(r.Claim), Reason: r.Link.Reason, Speakers: []CardAgent{}, Page: PagePath(r.Claim.ID)}
		for _, s := range r.Speakers {
			cc.Speakers = append(cc.Speakers, cardAgent(s))
		}
		return cc
	})
	return card
}

// bounded converts the first MaxRows items and counts the rest.
func bounded[T, U any](in []T, conv func(T) U) CardList[U] {
	l := CardList[U]{Items: make([]U, 0, min(len(in), MaxRows))}
	for i, v := range in {
		if i == MaxRows {
			l.More = len(in) - MaxRows
			break
		}
		l.Items = append(l.Items, conv(v))
	}
	return l
}

func cardClaim(c graph.Claim) CardClaim {
	out := CardClaim{ID: c.ID, Text: c.Text, Kind: string(c.Kind), Figures: []string{}}
	for _, q := range c.Quantities {
		if q.Text != "" {
			out.Figures = append(out.Figures, q.Text)
		}
	}
	return out
}

func cardAgent(a graph.Agent) CardAgent {
	return CardAgent{ID: a.ID, Name: a.Name, Kind: string(a.Kind)}
}

func cardArticle(a graph.ArticleRef) CardArticle {
	out := CardArticle{ID: a.ID, Page: ArticlePagePath(a.ID), Title: a.Title, URL: webURL(a.URL), Published: a.Published.Value, Authors: a.Authors}
	if a.Outlet != nil {
		out.Outlet = a.Outlet.Name
	}
	return out
}

// webURL returns s when it is an absolute http or https URL, else "".
func webURL(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	return u.String()
}
