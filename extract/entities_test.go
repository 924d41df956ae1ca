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
		{"group: with country", "U.S. officials confirmed the draft.", "U.S. officials", graph.KindGroup, "", "", "", "U.S. officials"},
		{"group with demonym", "Israeli officials have already stated their refusal.", "Israeli officials", graph.KindGroup, "", "", "", ""},
		{"group with article and adjective", "The plan, a senior U.S. official reported, is ready.", "senior U.S. official", graph.KindGroup, "", "", "", "senior U.S. official"},
		{"group with organization", "Hamas officials denied it.", "Hamas officials", graph.KindGroup, "", "", "", ""},
		{"title and name: organization title", "U.N. Secretary-General Antonio Guterres echoed this.", "Antonio Guterres", graph.KindPerson, "", "U.N. Secretary-General", "", ""},
		{"title and name with a nickname", "Lt Gen CJ (Kees) Matthijssen is a former Lieutenant General.", "Kees Matthijssen", graph.KindPerson, "CJ (Kees) Matthijssen", "Lt Gen", "CJ", ""},
		{"title and name: a later title and surname", "President Donald Trump spoke. President Trump has indicated he would chair it.", "Donald Trump", graph.KindPerson, "Trump", "President", "Trump", ""},
		{"title and name: the last of two titles", "Kaine faces Republican Indiana Gov. Mike Pence tonight.", "Mike Pence", graph.KindPerson, "", "Gov.", "Indiana Gov. Mike Pence", ""},
		{"title and name: a headline verb is no name", "Senior Official Says Talks Failed.", "", "", "", "", "Says", ""},
		{"capitalized sequence: ordinary words written lowercase elsewhere are no name", "The national convention opened. Delegates reached the National Convention. Convention said nothing.", "", "", "", "", "National Convention", ""},
		{"capitalized sequence: an ordinary word before a known surname", "Mark Brodie arrived. Protests Against Brodie grew against the plan.", "Mark Brodie", graph.KindPerson, "", "", "Against Brodie", ""},
		{"title and name: a month as a surname", "Prime Minister Theresa May spoke.", "Theresa May", graph.KindPerson, "", "Prime Minister", "", ""},
		{"title and name: an initial inside the name", "District Judge Tomas K. Velko said the fine stood.", "Tomas K. Velko", graph.KindPerson, "", "Judge", "Tomas K", ""},
		{"title and name: Mr without a period", "Mr Velkonis Darro said the rate would fall.", "Velkonis Darro", graph.KindPerson, "", "Mr", "", ""},
		{"title and name: Dr. and an unlisted name", "Dr. Amina Yusuf said the clinic was full.", "Amina Yusuf", graph.KindPerson, "", "Dr.", "", ""},
		{"appositive after name", "Hamish Falconer, Britain’s minister for the Middle East and North Africa, told reporters.", "Hamish Falconer", graph.KindPerson, "", "Britain’s minister for the Middle East and North Africa", "", ""},
		{"relative-clause appositive", "Jane Roe, who chairs urban warfare studies at the Modern War Institute, said so.", "Jane Roe", graph.KindPerson, "", "chairs urban warfare studies at the Modern War Institute", "", ""},
		{"appositive before name", "On Wednesday, the U.S. ambassador, Mike Waltz, presented a draft.", "Mike Waltz", graph.KindPerson, "", "U.S. ambassador", "", ""},
		{"appositive before name opened by a possessive", "The agency quoted Velmora's health minister, Ilsa Brandt, as saying 300 died.", "Ilsa Brandt", graph.KindPerson, "", "Velmora's health minister", "", ""},
		{"copular role", "Hiba Qasas is the Founding Director of Principles for Peace.", "Hiba Qasas", graph.KindPerson, "", "Founding Director of Principles for Peace", "", ""},
		{"gazetteer: alias variant", "The Israeli Defense Forces confirmed it.", "Israel Defense Forces", graph.KindOrganization, "Israeli Defense Forces", "", "", ""},
		{"gazetteer acronym", "The IDF said so.", "Israel Defense Forces", graph.KindOrganization, "IDF", "", "", ""},
		{"place body: possessive place", "It was 68,800, according to Gaza’s Health Ministry.", "Gaza’s Health Ministry", graph.KindOrganization, "", "", "", "Gaza’s Health Ministry"},
		{"place body: another place is another body", "Sudan’s Health Ministry said 40 died. Ukraine’s Health Ministry said 12 died.", "Sudan’s Health Ministry", graph.KindOrganization, "", "", "Gaza’s Health Ministry", "Sudan’s Health Ministry"},
		{"place body: an unlisted place", "It was 40, according to Velmora’s Health Ministry.", "Velmora’s Health Ministry", graph.KindOrganization, "", "", "", "Velmora’s Health Ministry"},
		{"place body: place before the body", "The Gaza Health Ministry said 20 died.", "Gaza’s Health Ministry", graph.KindOrganization, "Gaza Health Ministry", "", "", "Gaza Health Ministry"},
		{"place body: demonym before the body", "The Ukrainian Foreign Ministry said no.", "Ukraine’s Foreign Ministry", graph.KindOrganization, "Ukrainian Foreign Ministry", "", "", ""},
		{"place body: a lowercase body after a country", "Sudan's health ministry said 40 died.", "Sudan’s Health Ministry", graph.KindOrganization, "Sudan's health ministry", "", "", "Sudan's health ministry"},
		{"place body: a lowercase army after a demonym", "The Sudanese army said it repelled the attack.", "Sudan’s Army", graph.KindOrganization, "Sudanese army", "", "", ""},
		{"place body: a lowercase central bank", "Japan's central bank ended its policy.", "Japan’s Central Bank", graph.KindOrganization, "Japan's central bank", "", "", ""},
		{"place body: a lowercase concept is no body", "Bosnia’s robust command structure kept the peace.", "", "", "", "", "Bosnia’s Robust Command", ""},
		{"place body: a lowercase body after an unlisted name is none", "Velko's army of fans cheered.", "", "", "", "", "Velko’s Army", ""},
		{"place body: a national Red Crescent society", "According to the Libyan Red Crescent, 200 people died.", "Libya’s Red Crescent", graph.KindOrganization, "Libyan Red Crescent", "", "International Committee of the Red Cross", ""},
		{"place body: Ministry of X in PLACE", "The Ministry of Health in Gaza said 20 died. Gaza’s Health Ministry keeps records.", "Gaza’s Health Ministry", graph.KindOrganization, "Ministry of Health in Gaza", "", "", "Ministry of Health in Gaza"},
		{"place body: a bare body name later is that body", "Gaza’s Health Ministry said 20 died. The Health Ministry keeps records.", "Gaza’s Health Ministry", graph.KindOrganization, "Health Ministry", "", "Health Ministry", "Health Ministry"},
		{"place body: a bare body name after two places is neither", "Gaza’s Health Ministry and Sudan’s Health Ministry spoke. The Health Ministry keeps records.", "Health Ministry", graph.KindOrganization, "", "", "", "Health Ministry"},
		{"place body: a person's possessive is no place", "Barack Obama spoke. Obama’s State Department agreed.", "State Department", graph.KindOrganization, "", "", "Obama’s State Department", "State Department"},
		{"place body: of an unlisted word is a name", "The Federal Bureau of Prisons said no.", "Federal Bureau of Prisons", graph.KindOrganization, "", "", "Prisons’ Federal Bureau", ""},
		{"place body: of a listed place", "The Supreme Court of Pakistan ruled.", "Pakistan’s Supreme Court", graph.KindOrganization, "", "", "", "Supreme Court of Pakistan"},
		{"place body: a listed name wins", "The UN Interim Force in Lebanon (UNIFIL) was set up.", "United Nations Interim Force in Lebanon", graph.KindOrganization, "UNIFIL", "", "Lebanon’s UN Interim Force", ""},
		{"outlet", "He told the Associated Press and AP photographers.", "Associated Press", graph.KindOutlet, "AP", "", "", ""},
		{"gazetteer: context-only outlet", "He told The Hill on Monday.", "The Hill", graph.KindOutlet, "", "", "", ""},
		{"gazetteer: context-only outlet needs context", "Capitol Hill is busy.", "", "", "", "", "The Hill", ""},
		{"interviewer outlet", "In an interview with Digital, Jane Roe suggested that it could work.", "Digital", graph.KindOutlet, "", "", "", ""},
		{"interviewer outlet: a person is no outlet", "In an interview with Mark Brodie, Jane Roe said no.", "Mark Brodie", graph.KindPerson, "", "", "", ""},
		{"country alias", "Washington has ruled out troops; Britain agreed.", "United States", graph.KindCountry, "Washington", "", "", ""},
		{"possessive country", "Britain’s minister spoke.", "United Kingdom", graph.KindCountry, "Britain", "", "", "Britain"},
		{"acronym in parentheses", "The International Security Force (ISF) would act. The ISF would train police.", "International Security Force", graph.KindOrganization, "ISF", "", "", "ISF"},
		{"capitalized sequence: organization word", "Experts at the Institute for Policy Studies disagree.", "Institute for Policy Studies", graph.KindOrganization, "", "", "", ""},
		{"wire dateline agency", "GAZA CITY (AP) — Israel said no.", "Associated Press", graph.KindOutlet, "AP", "", "GAZA CITY", "AP"},
		{"wire dateline known place", "WASHINGTON (Reuters) - Officials said no.", "Reuters", graph.KindOutlet, "", "", "United States", "Reuters"},
		{"wire dateline with region", "GAZA CITY, Gaza Strip (AP) — Israel said no.", "Associated Press", graph.KindOutlet, "AP", "", "Gaza Strip", "AP"},
		{"wire dateline with date", "WASHINGTON, Nov. 25 (Reuters) - Officials said no.", "Reuters", graph.KindOutlet, "", "", "United States", "Reuters"},
		{"wire dateline unknown agency after region", "JERUSALEM, Israel (WAFA) — Hamas said yes.", "WAFA", graph.KindOutlet, "", "", "Israel", "WAFA"},
		{"wire dateline unknown agency", "JERUSALEM (WAFA) — Hamas said yes.", "WAFA", graph.KindOutlet, "", "", "JERUSALEM", "WAFA"},
		{"capitalized sequence: a first name makes a person", "Mark Brodie arrived in Geneva.", "Mark Brodie", graph.KindPerson, "", "", "", ""},
		{"capitalized sequence: a surname at a sentence start links to the full name", "Mark Brodie arrived in Geneva. Brodie said the talks had failed.", "Mark Brodie", graph.KindPerson, "Brodie", "", "", "Brodie"},
		{"capitalized sequence: a surname used alone makes an unlisted name a person", "Olena Kovalenko arrived in Kherson. Kovalenko said the shelling went on.", "Olena Kovalenko", graph.KindPerson, "Kovalenko", "", "", "Kovalenko"},
		{"capitalized sequence: a role appositive makes a person", "Tomasz Wierzbicki, a senior analyst at the bank, disagreed.", "Tomasz Wierzbicki", graph.KindPerson, "", "a senior analyst at the bank", "", ""},
		{"capitalized sequence: a who appositive makes a person", "Olena Kovalenko, who runs a bakery, stayed.", "Olena Kovalenko", graph.KindPerson, "", "runs a bakery", "", ""},
		{"capitalized sequence: a copular role makes a person", "Olena Kovalenko is the director of the clinic.", "Olena Kovalenko", graph.KindPerson, "", "director of the clinic", "", ""},
		{"capitalized sequence: a title breaks a sequence", "Virginia Gov. Terry McAuliffe spoke.", "Terry McAuliffe", graph.KindPerson, "", "Gov.", "Virginia Gov. Terry McAuliffe", ""},
		{"capitalized sequence: a place name is no person", "Los Angeles was quiet. Officials in Kherson said so.", "", "", "", "", "Los Angeles", ""},
		{"capitalized sequence: a month is no first name", "June Elections are near.", "", "", "", "", "June Elections", ""},
		{"capitalized sequence: an unknown word at a sentence start is no person", "Velmora Kest arrived.", "", "", "", "", "Velmora Kest", ""},
		{"lowercase role before a name", "The remains, identified as IDF soldier Itay Chen, were returned.", "Itay Chen", graph.KindPerson, "", "IDF soldier", "", ""},
		{"speech verb makes a person", "Ruth Okafor said the talks failed.", "Ruth Okafor", graph.KindPerson, "", "", "", ""},
		{"surname alias", "John Spencer spoke first. Later Spencer stated more.", "John Spencer", graph.KindPerson, "Spencer", "", "", "Spencer"},
		{"nominal", "It was 68,800, according to Gaza’s Health Ministry. The ministry keeps records.", "Gaza’s Health Ministry", graph.KindOrganization, "", "", "", "The ministry"},
		{"nominal: a party", "The Velmoran Labour Party won. The party said it would govern.", "Velmoran Labour Party", graph.KindOrganization, "", "", "", "The party"},
		{"nominal: the company after a corporate suffix", "Acme Foods Inc. recalled meat. The company said no one fell ill.", "Acme Foods Inc", graph.KindOrganization, "", "", "", "The company"},
		{"nominal: the noun of a descriptor appositive", "The Velmora Observatory for Human Rights, a Corvia-based war monitor, said 20 died. The monitor said fighting went on.", "Velmora Observatory for Human Rights", graph.KindOrganization, "", "", "", "The monitor"},
		{"country: capital as metonym", "Khartoum rejected the report; Kyiv and Moscow did not.", "Sudan", graph.KindCountry, "Khartoum", "", "", "Khartoum"},
		{"country: demonym makes a group", "Sudanese officials denied it.", "Sudanese officials", graph.KindGroup, "", "", "", ""},
		{"country: territory", "Aid reached the West Bank.", "West Bank", graph.KindCountry, "", "", "", ""},
		{"sentence starter is no name", "Humanitarian needs are acute. Still, the path is hard.", "", "", "", "", "Humanitarian", ""},
		{"a first name joins a surname that is also a place", "George Washington said so.", "George Washington", graph.KindPerson, "", "", "United States", ""},
		{"compass word joins a name", "In Northern Ireland, policing worked.", "", "", "", "", "Ireland", ""},
		{"one organization word alone is no name", "The Coalition was trying.", "", "", "", "", "Coalition", ""},
		{"hyphenated adjective is no name", "The Hamas-led attack began.", "", "", "", "", "Hamas", ""},
		{"hyphenated gazetteer adjective is no mention", "The U.S.-brokered ceasefire began.", "", "", "", "", "United States", ""},
		{"capitalized sequence: a titled name after an organization", "Later, Meridian Research Organization Director-General Tomas Velko said it.", "Tomas Velko", graph.KindPerson, "", "Director-General", "Meridian Research Organization Director-General Tomas Velko", ""},
		{"capitalized sequence: the organization before a titled name", "Later, Meridian Research Organization Director-General Tomas Velko said it.", "Meridian Research Organization", graph.KindOrganization, "", "", "", "Meridian Research Organization"},
		{"capitalized sequence: a chain of roles before a titled name", "Coast Guard Press Secretary Rear Adm. Ilsa Brandt said the ship sank.", "Ilsa Brandt", graph.KindPerson, "", "Rear Adm.", "Coast Guard Press Secretary Rear Adm. Ilsa Brandt", ""},
		{"capitalized sequence: a name particle joins a name", "Karim al-Tayeb, the mayor of Velmora, told reporters the dam broke.", "Karim al-Tayeb", graph.KindPerson, "", "the mayor of Velmora", "", "Karim al-Tayeb"},
		{"capitalized sequence: a lowercase particle inside a person's name", "Bill de Korvan said the budget was balanced.", "Bill de Korvan", graph.KindPerson, "", "", "Bill", ""},
		{"capitalized sequence: two particles inside a person's name", "Ursula von der Velde said the talks went on.", "Ursula von der Velde", graph.KindPerson, "", "", "", ""},
		{"capitalized sequence: one name after a lowercase title and before a speech verb", "The WHO chief Velkonis said the hospital had collapsed.", "Velkonis", graph.KindPerson, "", "WHO chief", "", "Velkonis"},
		{"capitalized sequence: one name after a lowercase title without a speech verb is no person", "The WHO chief Velkonis visited the hospital.", "", "", "", "", "Velkonis", ""},
		{"capitalized sequence: one name with a title appositive before a speech verb", "Velkonis, the regional governor, said two civilians were killed.", "Velkonis", graph.KindPerson, "", "the regional governor", "", "Velkonis"},
		{"capitalized sequence: one name with a title appositive and no speech verb is no person", "Velkonis, the regional capital, was shelled.", "", "", "", "", "Velkonis", ""},
		{"capitalized sequence: one name after a preposition is no person", "Senator Tomas Velko of Corvania, who campaigned for her, said she would win.", "", "", "", "", "Corvania", ""},
		{"capitalized sequence: one word naming a person named in full before is that person", "Tomas Velko arrived. Velko, the regional governor, said two died.", "Tomas Velko", graph.KindPerson, "Velko", "", "Velko", "Velko"},
		{"place body: a country's command", "U.S. Central Command said the missiles were shot down.", "United States’ Central Command", graph.KindOrganization, "U.S. Central Command", "", "", ""},
		{"capitalized sequence: an acronym with a body appositive is an organization", "The data comes from VSTAT, Velmora's official statistics agency.", "VSTAT", graph.KindOrganization, "", "", "", "VSTAT"},
		{"capitalized sequence: an acronym without a body appositive is no organization", "The data comes from VSTAT, a new survey.", "", "", "", "", "VSTAT", ""},
		{"group: named body after the", "The U.N. mapping office said 40 died. About 800 people fled, the office said.", "U.N. mapping office", graph.KindOrganization, "", "", "", "the office"},
		{"group: a country before a body noun makes no named body", "The Velmoran army said 40 died.", "", "", "", "", "Velmoran army", ""},
	}
	for _, r := range entityRules {
		found := false
		for _, c := range cases {
			found = found || strings.HasPrefix(c.rule, r.name)
		}
		if !found {
			t.Errorf("entity rule %q has no test sentence", r.name)
		}
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
