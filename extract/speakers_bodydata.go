package extract

import "github.com/claimgraph/claimgraph/graph"

// Speaker rule "data of a named body" (fixtures in
// testdata/rules/speakers/data-of-a-named-body.tsv): a source "[the] NAME DATA-NOUN"
// (lexicon/data_nouns.txt: "data", "figures", "statistics") whose name is an
// organization ("according to the DGHS data", "Velmora Statistics Office figures
// show") is spoken by that organization: a body publishes its own data. A country
// before the noun names no author ("U.S. data" is not spoken by the United States),
// nor does a person, group or outlet (an outlet's figures may be anyone's), so only
// organizations take the rule; the data noun must end the source.

// bodyDataSource applies the rule; "" when it does not apply.
func (r *speakerResolver) bodyDataSource(ms []Mention, words []scanToken) string {
	n := len(words)
	if n < 2 || !dataNouns[words[n-1].Lower] || words[n-1].Text != words[n-1].Lower {
		return ""
	}
	first := 0
	if words[0].Lower == "the" {
		first = 1
	}
	if first >= n-1 {
		return ""
	}
	for _, m := range ms {
		if m.Span.Start != words[first].Start || m.Span.End != words[n-2].End {
			continue
		}
		if e := r.entity(m.Entity); e != nil && e.Kind == graph.KindOrganization {
			return e.ID
		}
	}
	return ""
}
