package storetest

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Generator parameters: the shape of a generated corpus, tuned to look like wire news:
// about 8 statements an article, a quarter of them repeating a claim already reported,
// a third through an agency, a tenth disputed.
const (
	genStatementsMin = 6
	genStatementsMax = 10
	genAgents        = 400
	genAgencies      = 8
	genOutlets       = 25
	genVocabulary    = 4000
)

var genCounted = []string{"palestinians dead", "people displaced", "aid trucks", "troops", "hostages released", "homes destroyed"}

var syllables = []string{"ka", "lo", "mi", "ran", "te", "vo", "shi", "dun", "pel", "ar", "zu", "nek", "bo", "ri", "tal", "gem", "os", "fi", "ul", "hab"}

func genWord(r *rand.Rand) string {
	n := 2 + r.IntN(2)
	var b strings.Builder
	for range n {
		b.WriteString(syllables[r.IntN(len(syllables))])
	}
	return b.String()
}

// GenerateArticles returns n valid, self-contained article bundles generated
// deterministically from seed: the same arguments give the same bundles. Claims repeat
// across articles (so statement counts differ), agents repeat (so aliases and roles
// merge), quantities share Counted values, and there are disputes and conflict links
// between claims of the same Counted. Benchmarks and the pagination and concurrency
// tests of Run use it; every backend can.
func GenerateArticles(n int, seed uint64) []*graph.ArticleGraph {
	r := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	vocab := make([]string, genVocabulary)
	for i := range vocab {
		vocab[i] = genWord(r) + fmt.Sprint(i%7) // distinct enough, still words
	}
	kinds := []graph.AgentKind{graph.KindPerson, graph.KindPerson, graph.KindOrganization, graph.KindCountry, graph.KindGroup}
	agents := make([]graph.Agent, genAgents)
	for i := range agents {
		name := fmt.Sprintf("%s %s %d", strings.Title(genWord(r)), strings.Title(genWord(r)), i) //nolint:staticcheck // ASCII names
		agents[i] = graph.Agent{ID: graph.AgentID(name), Kind: kinds[r.IntN(len(kinds))], Name: name}
	}
	agencies := make([]graph.Agent, genAgencies)
	for i := range agencies {
		name := fmt.Sprintf("Wire Agency %d", i)
		agencies[i] = graph.Agent{ID: graph.AgentID(name), Kind: graph.KindOutlet, Name: name, Aliases: []string{fmt.Sprintf("WA%d", i)}}
	}
	outlets := make([]graph.Outlet, genOutlets)
	for i := range outlets {
		name := fmt.Sprintf("Outlet %d Times", i)
		outlets[i] = graph.Outlet{ID: graph.OutletID(name), Name: name, Domain: fmt.Sprintf("outlet%d.example", i)}
	}

	var claims []graph.Claim                // every claim generated so far
	byCounted := map[string][]graph.Claim{} // claims with a quantity, by Counted
	out := make([]*graph.ArticleGraph, 0, n)
	for i := range n {
		o := outlets[r.IntN(len(outlets))]
		url := fmt.Sprintf("https://%s/%d/%d", o.Domain, seed, i)
		var text strings.Builder
		var ps []genPending
		bundleAgents := map[string]graph.Agent{}
		bundleClaims := map[string]graph.Claim{}
		nst := genStatementsMin + r.IntN(genStatementsMax-genStatementsMin+1)
		for range nst {
			var c graph.Claim
			var content string
			if len(claims) > 0 && r.IntN(4) == 0 {
				c = claims[r.IntN(len(claims))]
				content = c.Text
			} else {
				words := make([]string, 5+r.IntN(6))
				for k := range words {
					words[k] = vocab[r.IntN(len(vocab))]
				}
				content = strings.Join(words, " ")
				c = graph.Claim{Kind: graph.ClaimReportedSpeech, Modality: graph.ModalityAsserted}
				if r.IntN(3) == 0 {
					counted := genCounted[r.IntN(len(genCounted))]
					v := 10 + r.IntN(100000)
					qt := fmt.Sprintf("%d %s", v, counted)
					content = content + " " + qt
					c.Kind = graph.ClaimStatistic
					c.Quantities = []graph.Quantity{{Value: float64(v), Unit: "count", Counted: counted, Text: qt}}
				}
				c.Text = graph.NormalizeClaimText(content)
				c.ID = graph.ClaimID(c.Text)
				if _, dup := bundleClaims[c.ID]; dup {
					continue
				}
				claims = append(claims, c)
				if len(c.Quantities) > 0 {
					byCounted[c.Quantities[0].Counted] = append(byCounted[c.Quantities[0].Counted], c)
				}
			}
			var p genPending
			p.sent[0] = text.Len()
			if r.IntN(10) > 0 {
				a := agents[r.IntN(len(agents))]
				if r.IntN(5) == 0 { // a role learnt in this article
					a.Roles = []string{fmt.Sprintf("spokesperson for %s", vocab[r.IntN(200)])}
				}
				p.speaker = &a
				text.WriteString(a.Name)
				p.cue[0] = text.Len() + 1
				text.WriteString(" said ")
				p.cue[1] = text.Len() - 1
			} else {
				p.cue = [2]int{text.Len(), text.Len()}
			}
			p.conts[0] = text.Len()
			text.WriteString(content)
			p.conts[1] = text.Len()
			if len(c.Quantities) > 0 {
				q := c.Quantities[0].Text
				end := p.conts[1]
				p.quantity = &[2]int{end - len(q), end}
			}
			switch k := r.IntN(20); {
			case k < 6:
				p.via = []graph.Agent{agencies[r.IntN(len(agencies))]}
			case k == 6:
				a, b := r.IntN(len(agencies)), r.IntN(len(agencies)-1)
				if b >= a {
					b++
				}
				p.via = []graph.Agent{agencies[a], agencies[b]}
			}
			for k, v := range p.via {
				if k == 0 {
					text.WriteString(", ")
				} else {
					text.WriteString(" and ")
				}
				text.WriteString(v.Name)
			}
			if len(p.via) > 0 {
				text.WriteString(" reported")
			}
			text.WriteString(". ")
			p.sent[1] = text.Len() - 1
			p.claim = c
			bundleClaims[c.ID] = c
			ps = append(ps, p)
		}
		t := strings.TrimSpace(text.String())
		aid := graph.ArticleID(url, t)
		g := &graph.ArticleGraph{
			Article: graph.Article{
				ID: aid, URL: url, Title: fmt.Sprintf("Generated article %d", i), OutletID: o.ID,
				Authors:   []string{fmt.Sprintf("Reporter %d", r.IntN(50))},
				Published: graph.Date{Value: fmt.Sprintf("2025-%02d-%02d", 1+r.IntN(12), 1+r.IntN(28)), Precision: graph.PrecisionDay},
				Text:      t, ContentHash: graph.ContentHash(t),
			},
			Outlet: &o, Agents: []graph.Agent{}, Claims: []graph.Claim{}, Statements: []graph.Statement{},
			Disputes: []graph.Dispute{}, Links: []graph.ClaimLink{}, Mentions: []graph.Mention{},
		}
		span := func(se [2]int) graph.Span { return graph.Span{Start: se[0], End: se[1], Text: t[se[0]:se[1]]} }
		for _, p := range ps {
			st := graph.Statement{
				ClaimID: p.claim.ID, ArticleID: aid, Kind: graph.SpeechReported,
				Cue: span(p.cue), Content: span(p.conts), Sentence: span(p.sent), Confidence: float64(50+r.IntN(50)) / 100,
			}
			if p.speaker == nil {
				st.Kind = graph.SpeechNone
				st.Cue = graph.Span{}
			} else {
				st.SpeakerID = p.speaker.ID
				addAgent(bundleAgents, *p.speaker)
				g.Mentions = append(g.Mentions, graph.Mention{AgentID: p.speaker.ID, Span: graph.Span{Start: p.sent[0], End: p.sent[0] + len(p.speaker.Name)}})
			}
			for _, v := range p.via {
				st.Via = append(st.Via, v.ID)
				bundleAgents[v.ID] = v
			}
			st.ID = graph.StatementID(aid, p.claim.ID, st.Content)
			g.Statements = append(g.Statements, st)
			if r.IntN(10) == 0 {
				d := agents[r.IntN(len(agents))]
				if p.speaker == nil || d.ID != p.speaker.ID {
					addAgent(bundleAgents, d)
					target := ""
					if p.speaker != nil && r.IntN(2) == 0 {
						target = p.speaker.ID
					}
					g.Disputes = append(g.Disputes, graph.Dispute{
						ID:        graph.DisputeID(aid, st.Cue, d.ID, p.claim.ID, target),
						ArticleID: aid, DisputerID: d.ID, ClaimID: p.claim.ID, TargetAgentID: target, Kind: graph.DisputeDisputes,
						Cue: st.Cue, Sentence: st.Sentence, Confidence: 0.7,
					})
				}
			}
			if len(p.claim.Quantities) > 0 && r.IntN(3) == 0 {
				cands := byCounted[p.claim.Quantities[0].Counted]
				other := cands[r.IntN(len(cands))]
				if other.ID != p.claim.ID {
					kind := graph.LinkConflicts
					if r.IntN(4) == 0 {
						kind = graph.LinkCorroborates
					}
					bundleClaims[other.ID] = other
					g.Links = append(g.Links, graph.ClaimLink{
						ID: graph.LinkID(p.claim.ID, other.ID, kind), From: p.claim.ID, To: other.ID, Kind: kind,
						Reason: fmt.Sprintf("%v vs %v %s", p.claim.Quantities[0].Value, other.Quantities[0].Value, other.Quantities[0].Counted), ArticleID: aid,
					})
				}
			}
		}
		for _, a := range bundleAgents {
			g.Agents = append(g.Agents, a)
		}
		for _, c := range bundleClaims {
			c.Quantities = quantitiesIn(c.Quantities, ps, c.ID, t)
			g.Claims = append(g.Claims, c)
		}
		out = append(out, graph.Canonical(g))
	}
	return out
}

func addAgent(m map[string]graph.Agent, a graph.Agent) {
	if old, ok := m[a.ID]; ok {
		m[a.ID] = graph.MergeAgent(old, a)
		return
	}
	m[a.ID] = a
}

// genPending is a statement being generated: offsets into the text being built.
type genPending struct {
	claim            graph.Claim
	speaker          *graph.Agent
	via              []graph.Agent
	sent, cue, conts [2]int
	quantity         *[2]int
}

// quantitiesIn gives a claim's quantities the span of their text in this article when
// the claim is stated in it, or no span otherwise (a claim only linked to).
func quantitiesIn(qs []graph.Quantity, ps []genPending, id, text string) []graph.Quantity {
	if len(qs) == 0 {
		return nil
	}
	out := append([]graph.Quantity(nil), qs...)
	out[0].Span = graph.Span{}
	for _, p := range ps {
		if p.claim.ID == id && p.quantity != nil {
			out[0].Span = graph.Span{Start: p.quantity[0], End: p.quantity[1], Text: text[p.quantity[0]:p.quantity[1]]}
			break
		}
	}
	return out
}
