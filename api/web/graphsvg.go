package web

import (
	"fmt"
	"math"
	"sort"

	"github.com/claimgraph/claimgraph/graph"
)

// Neighbourhood drawing: the claim in the middle, the nodes one hop away on an inner
// ring, two hops away on an outer ring, each outer node placed near the inner node it
// hangs from. Pure layout, no JavaScript: the server writes the SVG.
const (
	graphDepth  = 2
	graphLimit  = 40
	graphWidth  = 1000.0 // room for labels left and right of the rings
	graphHeight = 760.0
	graphLegend = 36.0
	graphRing   = 165.0
	labelRunes  = 24
	nodeRadius  = 11.0
	rootRadius  = 17.0
	smallRadius = 7.0
)

// svgNode is one drawn node.
type svgNode struct {
	ID, Label, Kind string
	// Name is the full name shown as the node's tooltip and accessible name; Short
	// the drawn label.
	Name, Short string
	X, Y, R     float64
	// LabelY is where the label's baseline goes; Anchor its text-anchor.
	LabelX, LabelY float64
	Anchor         string
	// Href links to the node's page ("" for statements and disputes).
	Href string
	Root bool
}

// svgEdge is one drawn edge.
type svgEdge struct {
	X1, Y1, X2, Y2 float64
	Type           string
	From, To       string // names, for the text alternative
}

// svgGraph is the drawing of a claim's neighbourhood.
type svgGraph struct {
	// Width and Height are the drawing's size; LegendY is the baseline of the
	// legend under it.
	Width, Height, LegendY float64
	Nodes                  []svgNode
	Edges                  []svgEdge
	Truncated              bool
	Title                  string
}

// nodeKinds are the node labels in legend order with how they are named.
var nodeKinds = []struct{ Label, Name string }{
	{graph.LabelClaim, "Claim"},
	{graph.LabelStatement, "Statement"},
	{graph.LabelAgent, "Agent"},
	{graph.LabelArticle, "Article"},
	{graph.LabelOutlet, "Outlet"},
	{graph.LabelDispute, "Dispute"},
}

// layoutGraph places the nodes of a subgraph around its root.
func layoutGraph(sg *graph.Subgraph, rootID, title string) *svgGraph {
	g := &svgGraph{Width: graphWidth, Height: graphHeight + graphLegend, LegendY: graphHeight + graphLegend/2 + 4,
		Truncated: sg.Truncated, Title: title}
	adj := map[string][]string{}
	for _, e := range sg.Edges {
		adj[e.From] = append(adj[e.From], e.To)
		adj[e.To] = append(adj[e.To], e.From)
	}
	byID := map[string]graph.Node{}
	for _, n := range sg.Nodes {
		byID[n.ID] = n
	}
	// Breadth-first distances and the first parent of each node.
	dist := map[string]int{rootID: 0}
	parent := map[string]string{}
	queue := []string{rootID}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		nb := append([]string(nil), adj[cur]...)
		sort.Strings(nb)
		for _, n := range nb {
			if _, seen := dist[n]; seen {
				continue
			}
			if _, ok := byID[n]; !ok {
				continue
			}
			dist[n] = dist[cur] + 1
			parent[n] = cur
			queue = append(queue, n)
		}
	}
	rings := map[int][]string{}
	maxRing := 0
	for _, n := range sg.Nodes {
		d, ok := dist[n.ID]
		if !ok || n.ID == rootID {
			continue
		}
		rings[d] = append(rings[d], n.ID)
		maxRing = max(maxRing, d)
	}
	cx, cy := graphWidth/2, graphHeight/2
	pos := map[string][2]float64{rootID: {cx, cy}}
	angle := map[string]float64{}
	ring := graphRing
	if maxRing > 2 {
		ring = (graphHeight/2 - 40) / float64(maxRing)
	}
	for d := 1; d <= maxRing; d++ {
		ids := rings[d]
		if d == 1 {
			sort.Slice(ids, func(i, j int) bool {
				a, b := byID[ids[i]], byID[ids[j]]
				if a.Label != b.Label {
					return a.Label < b.Label
				}
				return a.ID < b.ID
			})
		} else {
			// Place each node near the mean direction of its neighbours on the ring
			// inside, which keeps edges short and crossings few.
			pref := map[string]float64{}
			for _, id := range ids {
				var sx, sy float64
				for _, nb := range adj[id] {
					if dist[nb] == d-1 {
						sx += math.Cos(angle[nb])
						sy += math.Sin(angle[nb])
					}
				}
				a := math.Atan2(sy, sx)
				if sx == 0 && sy == 0 {
					a = angle[parent[id]]
				}
				// Measure from the top, where the ring's first slot is.
				pref[id] = math.Mod(a+math.Pi/2+4*math.Pi, 2*math.Pi)
			}
			sort.SliceStable(ids, func(i, j int) bool {
				if pref[ids[i]] != pref[ids[j]] {
					return pref[ids[i]] < pref[ids[j]]
				}
				return ids[i] < ids[j]
			})
		}
		r := ring * float64(d)
		// Start at the top, and offset odd rings by half a step so that labels of
		// consecutive rings do not line up.
		step := 2 * math.Pi / float64(len(ids))
		offset := -math.Pi / 2
		if d%2 == 0 {
			offset += step / 2
		}
		for i, id := range ids {
			a := offset + step*float64(i)
			angle[id] = a
			pos[id] = [2]float64{cx + r*math.Cos(a), cy + r*math.Sin(a)}
		}
	}
	for _, e := range sg.Edges {
		p, ok1 := pos[e.From]
		q, ok2 := pos[e.To]
		if !ok1 || !ok2 {
			continue
		}
		g.Edges = append(g.Edges, svgEdge{X1: round1(p[0]), Y1: round1(p[1]), X2: round1(q[0]), Y2: round1(q[1]), Type: e.Type,
			From: nodeName(byID[e.From]), To: nodeName(byID[e.To])})
	}
	for _, n := range sg.Nodes {
		p, ok := pos[n.ID]
		if !ok {
			continue
		}
		name := nodeName(n)
		sn := svgNode{ID: n.ID, Label: n.Label, Kind: kindOfLabel(n.Label), Name: name, Short: shorten(name, labelRunes),
			X: round1(p[0]), Y: round1(p[1]), R: nodeRadius, Root: n.ID == rootID}
		switch {
		case sn.Root:
			sn.R = rootRadius
		case n.Label == graph.LabelStatement:
			// Statements are the joints between a claim and its speakers and
			// articles: small and unlabelled (named in their tooltip), to keep the
			// drawing readable.
			sn.R, sn.Short = smallRadius, ""
		}
		// Labels go outside the ring, away from the centre.
		dx, dy := p[0]-cx, p[1]-cy
		sn.Anchor = "middle"
		sn.LabelX, sn.LabelY = sn.X, round1(sn.Y+sn.R+14)
		if !sn.Root {
			switch {
			case dx > 20:
				sn.Anchor, sn.LabelX, sn.LabelY = "start", round1(sn.X+sn.R+4), round1(sn.Y+4)
			case dx < -20:
				sn.Anchor, sn.LabelX, sn.LabelY = "end", round1(sn.X-sn.R-4), round1(sn.Y+4)
			case dy < 0:
				sn.LabelY = round1(sn.Y - sn.R - 6)
			}
		}
		switch n.Label {
		case graph.LabelClaim:
			sn.Href = "/claims/" + pathEscape(n.ID)
		case graph.LabelAgent:
			sn.Href = "/agents/" + pathEscape(n.ID)
		case graph.LabelArticle:
			sn.Href = "/articles/" + pathEscape(n.ID)
		case graph.LabelOutlet:
			sn.Href = "/?outlet=" + queryEscape(n.ID)
		}
		g.Nodes = append(g.Nodes, sn)
	}
	// Draw the root last so that it sits on top.
	sort.SliceStable(g.Nodes, func(i, j int) bool { return !g.Nodes[i].Root && g.Nodes[j].Root })
	return g
}

// kindOfLabel is a node label's CSS class suffix.
func kindOfLabel(l string) string {
	for _, k := range nodeKinds {
		if k.Label == l {
			return k.Name
		}
	}
	return "Other"
}

// nodeName names a node for people: a claim's text, an agent's or outlet's name, an
// article's title, a statement's or dispute's kind.
func nodeName(n graph.Node) string {
	str := func(k string) string {
		s, _ := n.Props[k].(string)
		return s
	}
	switch n.Label {
	case graph.LabelClaim:
		return str("text")
	case graph.LabelAgent, graph.LabelOutlet:
		return str("name")
	case graph.LabelArticle:
		if t := str("title"); t != "" {
			return t
		}
		return "Article " + n.ID
	case graph.LabelStatement:
		return "Statement (" + kindLabel(str("kind")) + " speech)"
	case graph.LabelDispute:
		return "Dispute: " + str("kind")
	}
	return fmt.Sprintf("%s %s", n.Label, n.ID)
}

func round1(f float64) float64 { return math.Round(f*10) / 10 }

// nodeFills are the node colours of the drawing, as SVG presentation attributes so
// that the standalone SVG needs no stylesheet; the app's CSS adjusts them for the
// dark theme. Each passes 3:1 contrast against white and against #121417.
var nodeFills = map[string]string{
	"Claim":     "#2563eb",
	"Statement": "#6b7280",
	"Agent":     "#15803d",
	"Article":   "#c2410c",
	"Outlet":    "#7e22ce",
	"Dispute":   "#dc2626",
	"Other":     "#6b7280",
}

func nodeFill(kind string) string { return nodeFills[kind] }

// graphDoc is what the graphsvg template draws: inline in the claim page, or as a
// standalone SVG document with its own white background.
type graphDoc struct {
	Graph      *svgGraph
	Standalone bool
}
