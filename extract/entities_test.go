package extract

import (
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// entitiesOf runs the entity stage alone on text.
func entitiesOf(text string) *Document {
	d := NewDocument(text)
	findEntities(d)
	return d
}

func findEntity(d *Document, name string) *Entity {
	for i := range d.Entities {
		if d.Entities[i].Name == name {
			return &d.Entities[i]
		}
	}
	return nil
}

func TestEntityRules(t *testing.T) {
	cases := []struct {
		rule    string
		text    string
		name    string
		kind    graph.AgentKind
		alias   string // an alias it must have, if set
		role    string // a role it must have, if set
		absent  string // an entity name that must not be found, if set
		mention string // a surface form that must be a mention of it, if set
	}{
		{"group with country", "U.S. officials confirmed the draft.", "U.S. officials", graph.KindGroup, "", "", "", "U.S. officials"},
		{"group with demonym", "Israeli officials have already stated their refusal.", "Israeli officials", graph.KindGroup, "", "", "", ""},
		{"group with article and adjective", "The plan, a senior U.S. official reported, is ready.", "senior U.S. official", graph.KindGroup, "", "", "", "senior U.S. official"},
		{"group with organization", "Hamas officials denied it.", "Hamas officials", graph.KindGroup, "", "", "", ""},
		{"title and name", "U.N. Secretary-General Antonio Guterres echoed this.", "Antonio Guterres", graph.KindPerson, "", "U.N. Secretary-General", "", ""},
		{"title and name with a nickname", "Lt Gen CJ (Kees) Matthijssen is a former Lieutenant General.", "Kees Matthijssen", graph.KindPerson, "CJ (Kees) Matthijssen", "Lt Gen", "CJ", ""},
		{"title and gazetteer name", "President Trump has indicated he would chair it.", "Donald Trump", graph.KindPerson, "Trump", "President", "", ""},
		{"appositive after name", "Hamish Falconer, Britain’s minister for the Middle East and North Africa, told reporters.", "Hamish Falconer", graph.KindPerson, "", "Britain’s minister for the Middle East and North Africa", "", ""},
		{"relative-clause appositive", "Jane Roe, who chairs urban warfare studies at the Modern War Institute, said so.", "Jane Roe", graph.KindPerson, "", "chairs urban warfare studies at the Modern War Institute", "", ""},
		{"appositive before name", "On Wednesday, the U.S. ambassador, Mike Waltz, presented a draft.", "Mike Waltz", graph.KindPerson, "", "U.S. ambassador", "", ""},
		{"copular role", "Hiba Qasas is the Founding Director of Principles for Peace.", "Hiba Qasas", graph.KindPerson, "", "Founding Director of Principles for Peace", "", ""},
		{"gazetteer alias variant", "The Israeli Defense Forces confirmed it.", "Israel Defense Forces", graph.KindOrganization, "Israeli Defense Forces", "", "", ""},
		{"gazetteer acronym", "The IDF said so.", "Israel Defense Forces", graph.KindOrganization, "IDF", "", "", ""},
		{"possessive gazetteer name", "It was 68,800, according to Gaza’s Health Ministry.", "Gaza’s Health Ministry", graph.KindOrganization, "", "", "", "Gaza’s Health Ministry"},
		{"outlet", "He told the Associated Press and AP photographers.", "Associated Press", graph.KindOutlet, "AP", "", "", ""},
		{"context-only outlet", "In an interview with Digital, he spoke.", "Digital", graph.KindOutlet, "", "", "", ""},
		{"context-only outlet needs context", "Digital tools help.", "", "", "", "", "Digital", ""},
		{"country alias", "Washington has ruled out troops; Britain agreed.", "United States", graph.KindCountry, "Washington", "", "", ""},
		{"possessive country", "Britain’s minister spoke.", "United Kingdom", graph.KindCountry, "Britain", "", "", "Britain"},
		{"acronym in parentheses", "The International Security Force (ISF) would act. The ISF would train police.", "International Security Force", graph.KindOrganization, "ISF", "", "", "ISF"},
		{"organization word", "Experts at the Institute for Policy Studies disagree.", "Institute for Policy Studies", graph.KindOrganization, "", "", "", ""},
		{"wire dateline agency", "GAZA CITY (AP) — Israel said no.", "Associated Press", graph.KindOutlet, "AP", "", "GAZA CITY", "AP"},
		{"wire dateline known place", "WASHINGTON (Reuters) - Officials said no.", "Reuters", graph.KindOutlet, "", "", "United States", "Reuters"},
		{"wire dateline with region", "GAZA CITY, Gaza Strip (AP) — Israel said no.", "Associated Press", graph.KindOutlet, "AP", "", "Gaza Strip", "AP"},
		{"wire dateline with date", "WASHINGTON, Nov. 25 (Reuters) - Officials said no.", "Reuters", graph.KindOutlet, "", "", "United States", "Reuters"},
		{"wire dateline unknown agency after region", "JERUSALEM, Israel (WAFA) — Hamas said yes.", "WAFA", graph.KindOutlet, "", "", "Israel", "WAFA"},
		{"wire dateline unknown agency", "JERUSALEM (WAFA) — Hamas said yes.", "WAFA", graph.KindOutlet, "", "", "JERUSALEM", "WAFA"},
		{"first name makes a person", "Itay Chen was returned.", "Itay Chen", graph.KindPerson, "", "", "", ""},
		{"lowercase role before a name", "The remains, identified as IDF soldier Itay Chen, were returned.", "Itay Chen", graph.KindPerson, "", "IDF soldier", "", ""},
		{"speech verb makes a person", "Ruth Okafor said the talks failed.", "Ruth Okafor", graph.KindPerson, "", "", "", ""},
		{"surname alias", "John Spencer spoke first. Later Spencer stated more.", "John Spencer", graph.KindPerson, "Spencer", "", "", "Spencer"},
		{"nominal", "It was 68,800, according to Gaza’s Health Ministry. The ministry keeps records.", "Gaza’s Health Ministry", graph.KindOrganization, "", "", "", "The ministry"},
		{"sentence starter is no name", "Humanitarian needs are acute. Still, the path is hard.", "", "", "", "", "Humanitarian", ""},
		{"a first name joins a surname that is also a place", "George Washington said so.", "George Washington", graph.KindPerson, "", "", "United States", ""},
		{"compass word joins a name", "In Northern Ireland, policing worked.", "", "", "", "", "Ireland", ""},
		{"one organization word alone is no name", "The Coalition was trying.", "", "", "", "", "Coalition", ""},
		{"hyphenated adjective is no name", "The Hamas-led attack began.", "", "", "", "", "Hamas", ""},
		{"hyphenated gazetteer adjective is no mention", "The U.S.-brokered ceasefire began.", "", "", "", "", "United States", ""},
	}
	for _, c := range cases {
		d := entitiesOf(c.text)
		if c.absent != "" && findEntity(d, c.absent) != nil {
			t.Errorf("%s: %q: found entity %q, want none", c.rule, c.text, c.absent)
		}
		if c.name == "" {
			continue
		}
		e := findEntity(d, c.name)
		if e == nil {
			var got []string
			for _, x := range d.Entities {
				got = append(got, x.Name+"/"+string(x.Kind))
			}
			t.Errorf("%s: %q: no entity %q; got %v", c.rule, c.text, c.name, got)
			continue
		}
		if e.Kind != c.kind {
			t.Errorf("%s: %s kind %s, want %s", c.rule, c.name, e.Kind, c.kind)
		}
		if e.ID != graph.AgentID(c.name) {
			t.Errorf("%s: id %s, want %s", c.rule, e.ID, graph.AgentID(c.name))
		}
		if c.alias != "" && !contains(e.Aliases, c.alias) {
			t.Errorf("%s: %s aliases %q, want %q", c.rule, c.name, e.Aliases, c.alias)
		}
		if c.role != "" && !contains(e.Roles, c.role) {
			t.Errorf("%s: %s roles %q, want %q", c.rule, c.name, e.Roles, c.role)
		}
		if c.mention != "" {
			found := false
			for _, m := range d.Mentions {
				if m.Entity == e.ID && m.Span.Text == c.mention && string(d.Runes[m.Span.Start:m.Span.End]) == c.mention {
					found = true
				}
			}
			if !found {
				t.Errorf("%s: no mention %q of %s in %+v", c.rule, c.mention, c.name, d.Mentions)
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// The same agent gets the same id in two documents, whatever alias names it.
func TestEntityIDsAcrossDocuments(t *testing.T) {
	a := entitiesOf("The IDF confirmed the report.")
	b := entitiesOf("The Israel Defense Forces said so, and the Israeli Defense Forces agreed.")
	ea, eb := findEntity(a, "Israel Defense Forces"), findEntity(b, "Israel Defense Forces")
	if ea == nil || eb == nil || ea.ID != eb.ID {
		t.Fatalf("IDF entities differ: %+v vs %+v", ea, eb)
	}
	if n := len(b.Entities); n != 1 {
		t.Errorf("two variants of one name gave %d entities", n)
	}
	if !strings.HasPrefix(ea.ID, graph.PrefixAgent) {
		t.Errorf("id %q lacks the agent prefix", ea.ID)
	}
}
