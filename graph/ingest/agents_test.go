package ingest

import (
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/stretchr/testify/assert"
)

func agent(kind graph.AgentKind, name string, aliases ...string) graph.Agent {
	return graph.Agent{ID: graph.AgentID(name), Kind: kind, Name: name, Aliases: aliases}
}

func TestResolveAgent(t *testing.T) {
	person, org, outlet, country := graph.KindPerson, graph.KindOrganization, graph.KindOutlet, graph.KindCountry
	stored := []graph.Agent{
		agent(person, "John Spencer"),
		agent(org, "Israel Defense Forces"),
		agent(outlet, "Associated Press", "AP"),
		agent(org, "Modern War Institute"),
		agent(person, "Donald Trump"),
		agent(person, "Melania Trump"),
		agent(country, "Israel"),
		agent(org, "Gaza’s Health Ministry"),
		agent(person, "Falconer"),
		agent(person, "George Bush", "Bush", "George W. Bush"),
		agent(person, "Obama"),
		agent(org, "United Nations", "UN"),
		agent(org, "European Union", "EU"),
		agent(org, "International Security Force", "ISF"),
		agent(person, "Paul Ryan", "Ryan", "Speaker Paul Ryan"),
	}
	tests := []struct {
		name string
		in   graph.Agent
		want string // stored agent name, "" for no resolution
	}{
		{"surname to full name", agent(person, "Spencer"), "John Spencer"},
		{"surname of unknown kind to full name", agent(graph.KindUnknown, "Spencer"), "John Spencer"},
		{"a full name never resolves to a stored bare surname", agent(person, "Hamish Falconer"), ""},
		{"country adjective variant", agent(org, "Israeli Defense Forces"), "Israel Defense Forces"},
		{"acronym to full name", agent(org, "IDF"), "Israel Defense Forces"},
		{"dotted acronym", agent(org, "I.D.F."), "Israel Defense Forces"},
		{"alias of a stored agent", agent(outlet, "AP"), "Associated Press"},
		{"outlet and organization are compatible", agent(org, "The Associated Press"), "Associated Press"},
		{"acronym of a three-word name", agent(org, "MWI"), "Modern War Institute"},
		{"the and possessive folded", agent(org, "Gaza Health Ministry"), "Gaza’s Health Ministry"},

		{"full name equal to a stored alias", agent(person, "Speaker Paul Ryan"), "Paul Ryan"},
		{"stored name among the new aliases", agent(person, "President George Bush", "George Bush"), "George Bush"},
		{"three-letter stored acronym of the new name", agent(org, "International Stabilization Force"), "International Security Force"},
		{"aliases shared are not identity", agent(person, "Laura Bush", "Bush"), ""},
		{"a full name never joins a stored bare surname", agent(person, "Barack Obama", "Obama"), ""},
		{"a dateline place with an agency alias is not the agency", agent(org, "N.H.", "AP"), ""},
		{"initials containing an acronym", agent(org, "US Navy"), ""},
		{"two-letter stored acronym of a new name", agent(org, "Emory University"), ""},
		{"ambiguous surname is not resolved", agent(person, "Trump"), ""},
		{"surname rule is for people only", agent(org, "Institute"), ""},
		{"a country is not a person", agent(country, "Spencer"), ""},
		{"different person with the same first name", agent(person, "John Kirby"), ""},
		{"different full names sharing a surname", agent(person, "Ivanka Trump"), ""},
		{"acronym that fits nothing", agent(org, "UNRWA"), ""},
		{"same id is nothing to resolve", agent(org, "Israel Defense Forces"), ""},
		{"demonym needs the rest of the name equal", agent(org, "Israeli Air Force"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ResolveAgent(tt.in, stored)
			if tt.want == "" {
				assert.False(t, ok, "resolved to %q", got.Name)
				return
			}
			if assert.True(t, ok) {
				assert.Equal(t, tt.want, got.Name)
			}
		})
	}
}

func TestSameAgentNameAndAcronym(t *testing.T) {
	assert.True(t, SameAgentName("the Associated Press", "Associated Press"))
	assert.True(t, SameAgentName("Israeli Defense Forces", "Israel Defense Forces"))
	assert.True(t, SameAgentName("Egyptian army", "Egypt army"))
	assert.False(t, SameAgentName("Israel", "Israeli officials"))
	assert.False(t, SameAgentName("Iran", "Iranian"), "a lone adjective is left to the extractor")
}

func TestAcronym(t *testing.T) {
	assert.Equal(t, "IDF", Acronym("Israel Defense Forces"))
	assert.Equal(t, "AP", Acronym("Associated Press"))
	assert.Equal(t, "UNSC", Acronym("United Nations Security Council"))
	assert.Equal(t, "", Acronym("Hamas"))
	assert.Equal(t, "", Acronym("the ministry of health"))
	assert.True(t, IsAcronym("U.N."))
	assert.True(t, IsAcronym("IDF"))
	assert.False(t, IsAcronym("Hamas"))
	assert.False(t, IsAcronym("A"))
}

func TestAgentQueries(t *testing.T) {
	assert.Equal(t, []string{"John Spencer"}, agentQueries(agent(graph.KindPerson, "John Spencer")))
	assert.Equal(t, []string{"Spencer"}, agentQueries(agent(graph.KindPerson, "Spencer")))
	assert.Equal(t, []string{"Israeli Defense Forces", "defense forces", "IDF"}, agentQueries(agent(graph.KindOrganization, "Israeli Defense Forces")))
	assert.Equal(t, []string{"AP"}, agentQueries(agent(graph.KindOutlet, "AP")))
}
