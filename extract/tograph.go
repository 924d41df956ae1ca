package extract

import (
	"sort"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// ArticleMeta is what is known about an article besides its text. Fields the source
// does not state stay empty: they are never guessed.
type ArticleMeta struct {
	URL       string
	Title     string
	Outlet    string // the publishing outlet's name
	Authors   []string
	Published graph.Date
}

// ToGraph converts an extracted document into the graph bundle of one article:
//
//   - every entity becomes an Agent (same id, kind, name, aliases, roles);
//   - every claim becomes a Claim (id from its text, graph.ClaimID); its kind is
//     direct_quote when it is the content of a direct quotation, statistic when it
//     carries a quantity, reported_speech when someone says it (an attribution or an
//     accusation), assertion otherwise;
//   - every attribution becomes a Statement of its content's claim, with its speaker,
//     agencies (Via), cue, source, content and sentence spans and confidence; every
//     claim the article asserts itself becomes a Statement with no speaker (kind
//     "none"); every accusation ("Israel accused Hamas of ...") a reported Statement of
//     the accuser with the accusing verb as cue. A claim of origin "disputed" (what
//     someone refuses or opposes) gets no Statement: nobody in the text asserts it;
//   - every dispute becomes a Dispute (graph.DisputeID), every mention a Mention. A
//     dispute in the article's own voice (Dispute.IsArticleVoice: "Trump falsely
//     claimed that ...") is the article's outlet's: its disputer is OutletAgent of the
//     outlet, added to the agents unless an entity has its id already. When the
//     metadata names no outlet the dispute is left out of the graph: a graph.Dispute
//     needs a disputer agent, and an agent made up for "the article" would be nobody
//     (it would merge the unsigned judgments of unrelated articles into one agent, and
//     name no one a reader can check). The dispute stays in the extractor's output
//     (NewOutput) with its empty disputer;
//
// The result passes graph.ArticleGraph.Validate for any document Extract returns
// from a non-empty text.
func ToGraph(meta ArticleMeta, doc *Document) *graph.ArticleGraph {
	g := &graph.ArticleGraph{Agents: []graph.Agent{}, Claims: []graph.Claim{}, Statements: []graph.Statement{},
		Disputes: []graph.Dispute{}, Links: []graph.ClaimLink{}, Mentions: []graph.Mention{}}
	art := graph.Article{
		ID: graph.ArticleID(meta.URL, doc.Text), URL: meta.URL, Title: meta.Title, Authors: meta.Authors,
		Published: meta.Published, Text: doc.Text, ContentHash: graph.ContentHash(doc.Text),
	}
	if name := strings.TrimSpace(meta.Outlet); name != "" {
		g.Outlet = &graph.Outlet{ID: graph.OutletID(name), Name: name}
		art.OutletID = g.Outlet.ID
	}
	g.Article = art
	runes := doc.Runes
	if runes == nil {
		runes = []rune(doc.Text)
	}
	n := len(runes)
	fix := func(sp Span) Span { return clampSpan(runes, sp) }

	agents := map[string]bool{}
	for _, e := range doc.Entities {
		if agents[e.ID] || e.ID == "" || strings.TrimSpace(e.Name) == "" {
			continue
		}
		agents[e.ID] = true
		g.Agents = append(g.Agents, graph.Agent{ID: e.ID, Kind: e.Kind, Name: e.Name, Aliases: e.Aliases, Roles: e.Roles})
	}
	agent := func(id *string) string {
		if id != nil && agents[*id] {
			return *id
		}
		return ""
	}

	direct := map[string]bool{} // claim ids quoted directly
	for _, a := range doc.Attributions {
		if a.Kind == "direct" {
			direct[graph.ClaimID(claimSpanOf(runes, a.Content).Text)] = true
		}
	}
	claims := map[string]bool{}
	addClaim := func(id, text string, kind graph.ClaimKind, mod graph.Modality, qs []Quantity) {
		if claims[id] || strings.TrimSpace(text) == "" {
			return
		}
		claims[id] = true
		var gq []graph.Quantity
		for _, q := range qs {
			q.Span = fix(q.Span)
			gq = append(gq, q)
		}
		g.Claims = append(g.Claims, graph.Claim{ID: id, Text: text, Kind: kind, Modality: mod, Quantities: gq})
	}
	for _, c := range doc.Claims {
		kind := graph.ClaimAssertion
		switch {
		case direct[c.ID]:
			kind = graph.ClaimDirectQuote
		case len(c.Quantities) > 0:
			kind = graph.ClaimStatistic
		case c.Origin == "attribution" || c.Origin == "accusation" || c.Origin == "estimate":
			kind = graph.ClaimReportedSpeech
		}
		addClaim(c.ID, c.Text, kind, c.Modality, c.Quantities)
	}

	tx := scanTextOf(doc)
	for _, a := range doc.Attributions {
		if denialCue(tx, a.Cue) {
			continue // the speaker disputes the content (a Dispute), does not state it
		}
		csp := claimSpanOf(runes, a.Content)
		text := csp.Text
		if graph.NormalizeClaimText(text) == "" {
			continue
		}
		cid := graph.ClaimID(text)
		kind := graph.ClaimReportedSpeech
		if a.Kind == "direct" {
			kind = graph.ClaimDirectQuote
		}
		addClaim(cid, text, kind, modalityOf(runes, csp), nil)
		content := fix(a.Content)
		var via []string
		for _, v := range a.Via {
			if agents[v] {
				via = append(via, v)
			}
		}
		st := graph.Statement{
			ArticleID: art.ID, ClaimID: cid, SpeakerID: agent(a.Speaker), Via: via,
			Kind: speechKind(a.Kind), Cue: fix(a.Cue), Content: content, Sentence: contextSpan(runes, a.Sentence),
			Confidence: min(1, max(0, a.Confidence)),
		}
		if a.Sentence.IsZero() {
			st.Sentence = contextSpan(runes, attribSentence(doc, &a))
		}
		if a.Source != nil {
			s := fix(*a.Source)
			st.Source = &s
		}
		st.ID = graph.StatementID(art.ID, cid, content)
		g.Statements = append(g.Statements, st)
	}
	for _, c := range doc.Claims {
		if c.Origin != "article" && c.Origin != "accusation" && c.Origin != "estimate" {
			continue
		}
		content := fix(c.Span)
		st := graph.Statement{ArticleID: art.ID, ClaimID: c.ID, Kind: graph.SpeechNone, Content: content,
			Sentence: contextSpan(runes, sentenceAround(doc, c.Span)), Confidence: 0.9}
		if c.Origin == "accusation" || c.Origin == "estimate" {
			st.SpeakerID = agent(c.Speaker)
			st.Kind = graph.SpeechReported
			st.Cue = fix(c.Cue)
			st.Confidence = 0.7
		}
		st.ID = graph.StatementID(art.ID, c.ID, content)
		g.Statements = append(g.Statements, st)
	}

	for _, d := range doc.Disputes {
		dis := agent(&d.Disputer)
		if d.IsArticleVoice() {
			dis = ""
			if oa := OutletAgent(g.Outlet); oa != nil {
				if !agents[oa.ID] {
					agents[oa.ID] = true
					g.Agents = append(g.Agents, *oa)
				}
				dis = oa.ID
			}
		}
		if dis == "" {
			continue
		}
		cid := ""
		if d.Claim != nil && claims[*d.Claim] {
			cid = *d.Claim
		}
		tid := agent(d.Target)
		if cid == "" && tid == "" {
			continue
		}
		cue := fix(d.Cue)
		g.Disputes = append(g.Disputes, graph.Dispute{
			ID: graph.DisputeID(art.ID, cue, dis, cid, tid), ArticleID: art.ID, DisputerID: dis, ClaimID: cid,
			TargetAgentID: tid, Kind: d.Kind, Cue: cue, Sentence: contextSpan(runes, d.Sentence), Confidence: 0.7,
		})
	}
	for _, m := range doc.Mentions {
		if agents[m.Entity] && m.Span.Start >= 0 && m.Span.End <= n {
			g.Mentions = append(g.Mentions, graph.Mention{AgentID: m.Entity, Span: fix(m.Span)})
		}
	}
	return g
}

// OutletAgent returns the agent that speaks for an outlet where an article disputes a
// claim in its own voice: kind outlet, the outlet's name, and the id graph.AgentID
// gives that name, so that the outlet cited as a source in another article ("told The
// Times") is the same agent. It returns nil for a nil outlet or one without a name.
func OutletAgent(o *graph.Outlet) *graph.Agent {
	if o == nil || strings.TrimSpace(o.Name) == "" {
		return nil
	}
	name := strings.TrimSpace(o.Name)
	return &graph.Agent{ID: graph.AgentID(name), Kind: graph.KindOutlet, Name: name}
}

func speechKind(k string) graph.SpeechKind {
	switch k {
	case "direct":
		return graph.SpeechDirect
	case "mixed":
		return graph.SpeechMixed
	}
	return graph.SpeechReported
}

// clampSpan keeps a span (and its fragments) inside the text and fills its text.
func clampSpan(runes []rune, sp Span) Span {
	n := len(runes)
	c := func(x int) int { return max(0, min(n, x)) }
	out := Span{Start: c(sp.Start), End: c(sp.End)}
	if out.End < out.Start {
		out.End = out.Start
	}
	for _, f := range sp.Fragments {
		a, b := c(f[0]), c(f[1])
		if b < a {
			b = a
		}
		out.Fragments = append(out.Fragments, [2]int{a, b})
	}
	out.Text = spanTextOf(runes, out)
	return out
}

// maxContextText is the longest sentence span that carries its text; longer ones
// (a text without sentence ends) carry offsets only, so output stays linear in the
// input.
const maxContextText = 2000

// contextSpan clamps a sentence span and fills its text when it is not too long.
func contextSpan(runes []rune, sp Span) Span {
	sp.Fragments = nil
	if sp.End-sp.Start > maxContextText {
		out := clampSpan(runes, Span{Start: sp.Start, End: sp.Start})
		out.End = max(out.Start, min(len(runes), sp.End))
		return out
	}
	return clampSpan(runes, sp)
}

// sentenceAround returns the sentence(s) that hold a span.
func sentenceAround(d *Document, sp Span) Span {
	out := Span{Start: sp.Start, End: sp.End}
	ss := d.Sentences
	for k := sort.Search(len(ss), func(i int) bool { return ss[i].End > sp.Start }); k < len(ss) && ss[k].Start < sp.End; k++ {
		out.Start = min(out.Start, ss[k].Start)
		out.End = max(out.End, ss[k].End)
	}
	return out
}

// Output is the JSON form of one extracted file, as `claimgraph extract --json`
// prints it (one per line) and as extract/FORMAT.md documents it. Every span carries
// its text; offsets are code points of the article text, end exclusive.
type Output struct {
	Path         string              `json:"path"`
	Entities     []Entity            `json:"entities"`
	Attributions []OutputAttribution `json:"attributions"`
	Claims       []Claim             `json:"claims"`
	Disputes     []OutputDispute     `json:"disputes"`
	Mentions     []Mention           `json:"mentions"`
	Warnings     []string            `json:"warnings,omitempty"`
}

// OutputAttribution is an attribution in Output (without the raw agency spans).
type OutputAttribution struct {
	ID         string   `json:"id"`
	Cue        Span     `json:"cue"`
	Source     *Span    `json:"source"`
	Content    Span     `json:"content"`
	Kind       string   `json:"kind"`
	Speaker    *string  `json:"speaker"`
	Via        []string `json:"via"`
	Confidence float64  `json:"confidence"`
}

// OutputDispute is a dispute in Output.
type OutputDispute struct {
	ID       string             `json:"id"`
	Disputer string             `json:"disputer"`
	Claim    *string            `json:"claim"`
	Target   *string            `json:"target"`
	Cue      Span               `json:"cue"`
	Kind     graph.DisputeKind  `json:"kind"`
	Shape    graph.DisputeShape `json:"shape"`
	Rule     string             `json:"rule"`
}

// NewOutput builds the Output of a document extracted from the file at path. Lists
// are never null.
func NewOutput(path string, d *Document) Output {
	fix := func(sp Span) Span { return clampSpan(d.Runes, sp) }
	o := Output{Path: path, Entities: []Entity{}, Attributions: []OutputAttribution{}, Claims: []Claim{},
		Disputes: []OutputDispute{}, Mentions: []Mention{}, Warnings: d.Warnings}
	for _, e := range d.Entities {
		if e.Aliases == nil {
			e.Aliases = []string{}
		}
		if e.Roles == nil {
			e.Roles = []string{}
		}
		o.Entities = append(o.Entities, e)
	}
	for _, a := range d.Attributions {
		oa := OutputAttribution{ID: a.ID, Cue: fix(a.Cue), Content: fix(a.Content), Kind: a.Kind, Speaker: a.Speaker,
			Via: a.Via, Confidence: a.Confidence}
		if oa.Via == nil {
			oa.Via = []string{}
		}
		if a.Source != nil {
			s := fix(*a.Source)
			oa.Source = &s
		}
		o.Attributions = append(o.Attributions, oa)
	}
	for _, c := range d.Claims {
		c.Span = fix(c.Span)
		qs := make([]Quantity, 0, len(c.Quantities))
		for _, q := range c.Quantities {
			q.Span = fix(q.Span)
			qs = append(qs, q)
		}
		c.Quantities = qs
		o.Claims = append(o.Claims, c)
	}
	for _, x := range d.Disputes {
		o.Disputes = append(o.Disputes, OutputDispute{ID: x.ID, Disputer: x.Disputer, Claim: x.Claim, Target: x.Target, Cue: fix(x.Cue), Kind: x.Kind,
			Shape: x.Shape, Rule: x.Rule})
	}
	for _, m := range d.Mentions {
		m.Span = fix(m.Span)
		o.Mentions = append(o.Mentions, m)
	}
	return o
}
