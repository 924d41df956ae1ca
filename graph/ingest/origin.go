package ingest

import (
	"regexp"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Wire stories. graph.Origin counts a statement's independent origin as its first
// agency, else its speaker, else the article's content hash. A claim an article
// asserts itself has neither agency nor speaker, so two outlets that run the same wire
// story with an edited first paragraph would count as two origins. Ingest therefore
// recognizes a wire story and records its agency as the Via of every statement of the
// article that has neither speaker nor agency. A story is a wire story of agency X when:
//
//   - its dateline, in the first WireCreditWindow characters, credits X in parentheses
//     ("GAZA CITY (AP) —", "JERUSALEM, Nov 4 (Reuters) -");
//   - or a byline line there reads "By [The] X" or "X staff" alone;
//   - or an author of the article is X, or its outlet is X.
//
// X is one of wireAgencies, named by its canonical name (the extractor's gazetteer
// names it the same way, so the agent id is shared) or an alias. Statements with a
// speaker keep their speaker as origin.

// WireCreditWindow is how far into the text a dateline or byline is looked for.
const WireCreditWindow = 400

// wireAgency is a news agency whose copy other outlets run.
type wireAgency struct {
	name    string // canonical, as in extract/lexicon/gazetteer.txt
	aliases []string
}

var wireAgencies = []wireAgency{
	{"Associated Press", []string{"AP", "The Associated Press", "A.P."}},
	{"Reuters", []string{"Thomson Reuters"}},
	{"Agence France-Presse", []string{"AFP", "Agence France Presse"}},
	{"United Press International", []string{"UPI"}},
	{"Deutsche Presse-Agentur", []string{"dpa", "DPA"}},
	{"Anadolu Agency", []string{"Anadolu"}},
	{"Xinhua", []string{"Xinhua News Agency"}},
}

var (
	wireByName = map[string]wireAgency{}
	datelineRe *regexp.Regexp
	bylineRe   *regexp.Regexp
)

func init() {
	var alts []string
	for _, w := range wireAgencies {
		for _, n := range append([]string{w.name}, w.aliases...) {
			wireByName[strings.ToLower(n)] = w
			alts = append(alts, regexp.QuoteMeta(n))
		}
	}
	names := strings.Join(alts, "|")
	datelineRe = regexp.MustCompile(`\((` + names + `)\)\s*[-–—]`)
	bylineRe = regexp.MustCompile(`(?m)^\s*(?:By\s+(?:the\s+|The\s+)?(` + names + `)|(` + names + `)\s+[Ss]taff)\s*$`)
}

// WireAgency returns the canonical name of the news agency whose wire story the
// article is, by the rule of this file, or "".
func WireAgency(text string, authors []string, outlet string) string {
	head := []rune(text)
	if len(head) > WireCreditWindow {
		head = head[:WireCreditWindow]
	}
	h := string(head)
	if m := datelineRe.FindStringSubmatch(h); m != nil {
		return wireByName[strings.ToLower(m[1])].name
	}
	if m := bylineRe.FindStringSubmatch(h); m != nil {
		n := m[1]
		if n == "" {
			n = m[2]
		}
		return wireByName[strings.ToLower(n)].name
	}
	for _, a := range append(append([]string{}, authors...), outlet) {
		if w, ok := wireByName[strings.ToLower(strings.TrimSpace(a))]; ok {
			return w.name
		}
	}
	return ""
}

// markWire records a wire story's agency on the statements that have neither speaker
// nor agency.
func (r *reasoner) markWire() error {
	outlet := ""
	if r.g.Outlet != nil {
		outlet = r.g.Outlet.Name
	}
	name := WireAgency(r.g.Article.Text, r.g.Article.Authors, outlet)
	if name == "" {
		return nil
	}
	id := graph.AgentID(name)
	used := false
	for i := range r.g.Statements {
		s := &r.g.Statements[i]
		if s.SpeakerID == "" && len(s.Via) == 0 {
			s.Via = []string{id}
			used = true
		}
	}
	if used {
		w := wireByName[strings.ToLower(name)]
		r.g.Agents = append(r.g.Agents, graph.Agent{ID: id, Kind: graph.KindOutlet, Name: name, Aliases: w.aliases})
		r.agentNames[id] = name
		r.g = graph.Canonical(r.g)
	}
	return nil
}
