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
//     and one more for each of its co-speakers (a coordinated source: "Acme and its
//     chief executive, Tom Reyes, said"; graph.CoStatementID), with its agencies (Via), cue, source, content and sentence spans and confidence; every
//     claim the article asserts itself becomes a Statement with no speaker (kind
//     "none"); every accusation ("Israel accused Hamas of ...") a reported Statement of
//     the accuser with the accusing verb as cue; every quotation paragraph that goes on
//     with the last speaker (origin "quotation") a direct Statement of that speaker
//     with no cue, its claim a direct quote. A claim of origin "disputed" (what
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
	g, _ := buildGraph(meta, doc, 0)
	return g
}

// buildGraph is ToGraph that stops producing statements once it has made more than
// maxStatements of them (limit.go; 0: no limit), and then reports false with the
// bundle as far as it got.
func buildGraph(meta ArticleMeta, doc *Document, maxStatements int) (*graph.ArticleGraph, bool) {
	b := newGraphBuilder(meta, doc)
	b.maxStatements = maxStatements
	b.addAgents()
	b.addClaims()
	b.addAttributionStatements()
	b.addArticleStatements()
	if b.over {
		return b.g, false
	}
	b.addDisputes()
	b.addMentions()
	return b.g, true
}

// graphBuilder carries what the steps of ToGraph share: the bundle being built, the
// document's runes, and which agent and claim ids the bundle holds so far.
type graphBuilder struct {
	g      *graph.ArticleGraph
	doc    *Document
	runes  []rune
	agents map[string]bool
	claims map[string]bool
	// maxStatements, when over 0, is how many statements the bundle may have: over is
	// set, and no statement added, once one more is made (addStatement).
	maxStatements int
	over          bool
}

func newGraphBuilder(meta ArticleMeta, doc *Document) *graphBuilder {
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
	return &graphBuilder{g: g, doc: doc, runes: runes, agents: map[string]bool{}, claims: map[string]bool{}}
}

// fix keeps a span inside the text and fills its text.
func (b *graphBuilder) fix(sp Span) Span { return clampSpan(b.runes, sp) }

// agent returns id when the bundle holds that agent, else "" (no speaker).
func (b *graphBuilder) agent(id *string) string {
	if id != nil && b.agents[*id] {
		return *id
	}
	return ""
}

// addAgents turns every named entity into an Agent, once per id.
func (b *graphBuilder) addAgents() {
	for _, e := range b.doc.Entities {
		if b.agents[e.ID] || e.ID == "" || strings.TrimSpace(e.Name) == "" {
			continue
		}
		b.agents[e.ID] = true
		b.g.Agents = append(b.g.Agents, graph.Agent{ID: e.ID, Kind: e.Kind, Name: e.Name, Aliases: e.Aliases, Roles: e.Roles})
	}
}

// addClaim adds a claim once per id; empty texts are no claims.
func (b *graphBuilder) addClaim(id, text string, kind graph.ClaimKind, mod graph.Modality, qs []Quantity) {
	if b.claims[id] || strings.TrimSpace(text) == "" {
		return
	}
	b.claims[id] = true
	var gq []graph.Quantity
	for _, q := range qs {
		q.Span = b.fix(q.Span)
		gq = append(gq, q)
	}
	b.g.Claims = append(b.g.Claims, graph.Claim{ID: id, Text: text, Kind: kind, Modality: mod, Quantities: gq})
}

// addClaims adds the document's claims with their kinds: a direct quotation's content
// is a direct quote, a claim with a quantity a statistic, what someone says reported
// speech, anything else an assertion.
func (b *graphBuilder) addClaims() {
	direct := map[string]bool{} // claim ids quoted directly
	for _, a := range b.doc.Attributions {
		if a.Kind == "direct" {
			direct[graph.ClaimID(claimSpanOf(b.runes, a.Content).Text)] = true
		}
	}
	for _, c := range b.doc.Claims {
		kind := graph.ClaimAssertion
		switch {
		case direct[c.ID], c.Origin == "quotation":
			kind = graph.ClaimDirectQuote
		case len(c.Quantities) > 0:
			kind = graph.ClaimStatistic
		case c.Origin == "attribution" || c.Origin == "accusation" || c.Origin == "estimate" || c.Origin == "sourced":
			kind = graph.ClaimReportedSpeech
		}
		b.addClaim(c.ID, c.Text, kind, c.Modality, c.Quantities)
	}
}

// addAttributionStatements makes a Statement of every attribution whose speaker states
// its content (a denial disputes it instead), adding the content's claim if needed.
func (b *graphBuilder) addAttributionStatements() {
	// Each cue is scanned on its own (a few tokens): the document's whole-text scan,
	// which Extract drops, would be built again for this (about 30 MB on a 2 MiB
	// text, held while the bundle is built). A range scanned alone gives the tokens
	// the whole scan has there (scanText.scan).
	tx := &scanText{runes: b.doc.Runes, text: b.doc.Text}
	art := b.g.Article.ID
	for _, a := range b.doc.Attributions {
		if b.over {
			return
		}
		if denialCue(tx, a.Cue) {
			continue // the speaker disputes the content (a Dispute), does not state it
		}
		csp := claimSpanOf(b.runes, a.Content)
		text := csp.Text
		if graph.NormalizeClaimText(text) == "" {
			continue
		}
		cid := graph.ClaimID(text)
		kind := graph.ClaimReportedSpeech
		if a.Kind == "direct" {
			kind = graph.ClaimDirectQuote
		}
		b.addClaim(cid, text, kind, modalityOf(b.runes, csp), nil)
		content := b.fix(a.Content)
		var via []string
		for _, v := range a.Via {
			if b.agents[v] {
				via = append(via, v)
			}
		}
		st := graph.Statement{
			ArticleID: art, ClaimID: cid, SpeakerID: b.agent(a.Speaker), Via: via,
			Kind: speechKind(a.Kind), Cue: b.fix(a.Cue), Content: content, Sentence: contextSpan(b.runes, a.Sentence),
			Confidence: min(1, max(0, a.Confidence)),
		}
		if a.Sentence.IsZero() {
			st.Sentence = contextSpan(b.runes, attribSentence(b.doc, &a))
		}
		if a.Source != nil {
			s := b.fix(*a.Source)
			st.Source = &s
		}
		st.ID = graph.StatementID(art, cid, content)
		b.addStatement(st)
		for _, co := range a.CoSpeakers {
			if id := b.agent(&co); id != "" && st.SpeakerID != "" && id != st.SpeakerID && !b.over {
				// a coordinated source: each agent states the content ("Acme and its chief
				// executive, Tom Reyes, said ...")
				cs := st
				cs.SpeakerID = id
				cs.ID = graph.CoStatementID(art, cid, content, id)
				b.addStatement(cs)
			}
		}
	}
}

// addArticleStatements makes a Statement of every claim the article asserts itself
// (no speaker), of every accusation or estimate (its speaker, reported, with its
// cue) and of every quotation paragraph that goes on with the last speaker (its
// speaker, direct, no cue).
func (b *graphBuilder) addArticleStatements() {
	art := b.g.Article.ID
	for _, c := range b.doc.Claims {
		if b.over {
			return
		}
		if c.Origin != "article" && c.Origin != "accusation" && c.Origin != "estimate" && c.Origin != "quotation" && c.Origin != "sourced" {
			continue
		}
		content := b.fix(c.Span)
		st := graph.Statement{ArticleID: art, ClaimID: c.ID, Kind: graph.SpeechNone, Content: content,
			Sentence: contextSpan(b.runes, sentenceAround(b.doc, c.Span)), Confidence: 0.9}
		if c.Origin == "accusation" || c.Origin == "estimate" || c.Origin == "sourced" {
			st.SpeakerID = b.agent(c.Speaker)
			st.Kind = graph.SpeechReported
			st.Cue = b.fix(c.Cue)
			st.Confidence = 0.7
		}
		if c.Origin == "quotation" {
			// a quotation paragraph with no cue, spoken by the last speaker (claims_continued.go)
			st.SpeakerID = b.agent(c.Speaker)
			st.Kind = graph.SpeechDirect
			st.Confidence = 0.7
		}
		st.ID = graph.StatementID(art, c.ID, content)
		b.addStatement(st)
	}
}

// disputerOf returns the agent id of a dispute's disputer: the outlet's agent for a
// dispute in the article's own voice (added to the bundle when new; "" when the
// article names no outlet), else the disputer when the bundle holds it.
func (b *graphBuilder) disputerOf(d *Dispute) string {
	if !d.IsArticleVoice() {
		return b.agent(&d.Disputer)
	}
	oa := OutletAgent(b.g.Outlet)
	if oa == nil {
		return ""
	}
	if !b.agents[oa.ID] {
		b.agents[oa.ID] = true
		b.g.Agents = append(b.g.Agents, *oa)
	}
	return oa.ID
}

// addDisputes makes a Dispute of every dispute with a disputer agent and a disputed
// claim or target agent in the bundle.
func (b *graphBuilder) addDisputes() {
	art := b.g.Article.ID
	for i := range b.doc.Disputes {
		d := &b.doc.Disputes[i]
		dis := b.disputerOf(d)
		if dis == "" {
			continue
		}
		cid := ""
		if d.Claim != nil && b.claims[*d.Claim] {
			cid = *d.Claim
		}
		tid := b.agent(d.Target)
		if cid == "" && tid == "" {
			continue
		}
		cue := b.fix(d.Cue)
		b.g.Disputes = append(b.g.Disputes, graph.Dispute{
			ID: graph.DisputeID(art, cue, dis, cid, tid), ArticleID: art, DisputerID: dis, ClaimID: cid,
			TargetAgentID: tid, Kind: d.Kind, Cue: cue, Sentence: contextSpan(b.runes, d.Sentence), Confidence: 0.7,
		})
	}
}

// addMentions keeps the mentions of agents in the bundle whose spans lie in the text.
func (b *graphBuilder) addMentions() {
	n := len(b.runes)
	for _, m := range b.doc.Mentions {
		if b.agents[m.Entity] && m.Span.Start >= 0 && m.Span.End <= n {
			b.g.Mentions = append(b.g.Mentions, graph.Mention{AgentID: m.Entity, Span: b.fix(m.Span)})
		}
	}
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
	CoSpeakers []string `json:"co_speakers,omitempty"`
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
			CoSpeakers: a.CoSpeakers, Via: a.Via, Confidence: a.Confidence}
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
