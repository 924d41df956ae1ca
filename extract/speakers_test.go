package extract

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// runeIndex returns the code-point offset of the n-th (0-based) occurrence of sub in
// text, or -1.
func runeIndex(text, sub string, n int) int {
	off := 0
	for k := 0; ; k++ {
		i := strings.Index(text[off:], sub)
		if i < 0 {
			return -1
		}
		if k == n {
			return len([]rune(text[:off+i]))
		}
		off += i + len(sub)
	}
}

func spanOf(t *testing.T, text, sub string, n int) Span {
	t.Helper()
	s := runeIndex(text, sub, n)
	if s < 0 {
		t.Fatalf("%q not in %q", sub, text)
	}
	return Span{Start: s, End: s + len([]rune(sub)), Text: sub}
}

// attrSpec describes an attribution by its surface strings (the occurrence index of
// each, for repeated words, after a '#': "he#1").
type attrSpec struct{ source, cue, content, kind string }

func occ(s string) (string, int) {
	if i := strings.LastIndex(s, "#"); i > 0 {
		n := 0
		for _, r := range s[i+1:] {
			n = n*10 + int(r-'0')
		}
		return s[:i], n
	}
	return s, 0
}

// docWithAttributions builds a document whose attributions are given (so speaker,
// claim and dispute rules are tested apart from the attribution model) and runs the
// semantic stages over it.
func docWithAttributions(t *testing.T, text string, specs ...attrSpec) *Document {
	t.Helper()
	d := NewDocument(text)
	for i, sp := range specs {
		a := Attribution{ID: "a" + string(rune('1'+i)), Kind: sp.kind, Confidence: 0.9}
		if sp.kind == "" {
			a.Kind = "reported"
		}
		if sp.source != "" {
			s, n := occ(sp.source)
			x := spanOf(t, text, s, n)
			a.Source = &x
		}
		c, n := occ(sp.cue)
		a.Cue = spanOf(t, text, c, n)
		c, n = occ(sp.content)
		a.Content = spanOf(t, text, c, n)
		d.Attributions = append(d.Attributions, a)
	}
	findEntities(d)
	resolveSpeakers(d)
	findClaims(d)
	findDisputes(d)
	return d
}

func speakerName(d *Document, a *Attribution) string {
	if a.Speaker == nil {
		return ""
	}
	for _, e := range d.Entities {
		if e.ID == *a.Speaker {
			return e.Name
		}
	}
	return "?" + *a.Speaker
}

func TestSpeakerRules(t *testing.T) {
	cases := []struct {
		rule    string
		text    string
		attrs   []attrSpec
		speaker []string // per attribution, "" for none
		via     [][]string
	}{
		{"pronoun after a full name in an earlier sentence",
			"John Spencer, who chairs studies at the Modern War Institute, spoke first. “Think of Kosovo,” he remarked.",
			[]attrSpec{{"he", "remarked", "“Think of Kosovo,”", "direct"}}, []string{"John Spencer"}, nil},
		{"pronoun skips a name inside a quotation",
			"Mike Waltz spoke. “Ask David Smith,” he said.",
			[]attrSpec{{"he", "said", "“Ask David Smith,”", "direct"}}, []string{"Mike Waltz"}, nil},
		{"he prefers the previous speaker over a nearer name inside the sentence",
			"John Spencer said the plan, backed by Antonio Guterres, would work. He added that it was urgent.",
			[]attrSpec{{"John Spencer", "said", "the plan, backed by Antonio Guterres, would work", ""}, {"He", "added", "that it was urgent", ""}},
			[]string{"John Spencer", "John Spencer"}, nil},
		{"a person opening a sentence in between wins over the previous speaker",
			"John Spencer said the plan would work. Antonio Guterres disagreed. He said that it was late.",
			[]attrSpec{{"John Spencer", "said", "the plan would work", ""}, {"He", "said#1", "that it was late", ""}},
			[]string{"John Spencer", "Antonio Guterres"}, nil},
		{"a person opening a sentence after a short opener wins over the previous speaker",
			"John Spencer said the plan would work. On the other hand, Antonio Guterres was convicted. He said that it was late.",
			[]attrSpec{{"John Spencer", "said", "the plan would work", ""}, {"He", "said#1", "that it was late", ""}},
			[]string{"John Spencer", "Antonio Guterres"}, nil},
		{"a name inside a longer opener leaves the previous speaker",
			"John Spencer said the plan would work. After meeting Antonio Guterres in Geneva last week, officials left. He said that it was late.",
			[]attrSpec{{"John Spencer", "said", "the plan would work", ""}, {"He", "said#1", "that it was late", ""}},
			[]string{"John Spencer", "John Spencer"}, nil},
		{"she skips a man",
			"Sarah Levy met John Spencer. She said the talks failed.",
			[]attrSpec{{"She", "said", "the talks failed", ""}}, []string{"Sarah Levy"}, nil},
		{"pronoun after a surname and a full name",
			"Koenders spoke to Qasas Abdelrahman. Bert Koenders said it. Later he said more.",
			[]attrSpec{{"he", "said#1", "more", ""}}, []string{"Bert Koenders"}, nil},
		{"they is a group",
			"Israeli officials met Hamish Falconer. They said no.",
			[]attrSpec{{"They", "said", "no", ""}}, []string{"Israeli officials"}, nil},
		{"surname source",
			"Hamish Falconer arrived. Falconer emphasized, “It is important.”",
			[]attrSpec{{"Falconer#1", "emphasized", "“It is important.”", "direct"}}, []string{"Hamish Falconer"}, nil},
		{"head before the appositive",
			"Hamish Falconer, Britain’s minister for the Middle East, told the Associated Press that aid flows.",
			[]attrSpec{{"Hamish Falconer, Britain’s minister for the Middle East,", "told", "that aid flows", ""}},
			[]string{"Hamish Falconer"}, [][]string{{"Associated Press"}}},
		{"document by its author",
			"An analysis by the Institute for the Study of War concluded that the lines held.",
			[]attrSpec{{"An analysis by the Institute for the Study of War", "concluded", "that the lines held", ""}}, []string{"Institute for the Study of War"}, nil},
		{"document with an author participle after a comma",
			"The report, released by the World Health Organization on Monday, found that 2,000 died.",
			[]attrSpec{{"The report, released by the World Health Organization on Monday", "found", "that 2,000 died", ""}}, []string{"World Health Organization"}, nil},
		{"a funder is no author",
			"A study funded by the World Health Organization found that 2,000 died.",
			[]attrSpec{{"A study funded by the World Health Organization", "found", "that 2,000 died", ""}}, []string{""}, nil},
		{"a document's complement is no speaker",
			"A study of 2,000 patients found that the drug worked.",
			[]attrSpec{{"A study of 2,000 patients", "found", "that the drug worked", ""}}, []string{""}, nil},
		{"a country's document speaks for it",
			"Israel’s report showed that 12 soldiers died.",
			[]attrSpec{{"Israel’s report", "showed", "that 12 soldiers died", ""}}, []string{"Israel"}, nil},
		{"an acronym no lexicon knows speaks as an organization",
			"Annual inflation slowed to 276 percent in March, INDEC said on Friday.",
			[]attrSpec{{"INDEC", "said", "Annual inflation slowed to 276 percent in March", ""}}, []string{"INDEC"}, nil},
		{"an acronym after a lowercase body noun",
			"Inflation slowed, the national statistics agency INDEC said.",
			[]attrSpec{{"the national statistics agency INDEC", "said", "Inflation slowed", ""}}, []string{"INDEC"}, nil},
		{"a role source named in apposition after it",
			"The storm killed at least 11 people, according to the state’s governor, Jane Mills.",
			[]attrSpec{{"the state’s governor", "according to", "The storm killed at least 11 people", ""}}, []string{"Jane Mills"}, nil},
		{"a name after a source that is no role is not its speaker (the agency, with nothing named before, is an agent of its article)",
			"The storm killed 11 people, according to the agency, Jane Mills said.",
			[]attrSpec{{"the agency", "according to", "The storm killed 11 people", ""}}, []string{"the agency"}, nil},
		{"a name complementing a lowercase head noun does not speak",
			"A source close to the Kremlin said the talks would resume.",
			[]attrSpec{{"A source close to the Kremlin", "said", "the talks would resume", ""}}, []string{""}, nil},
		{"a person in apposition after a titled head speaks, not the body",
			"The head of the World Health Organization, Tomas Velko, said inspectors had left.",
			[]attrSpec{{"The head of the World Health Organization, Tomas Velko,", "said", "inspectors had left", ""}}, []string{"Tomas Velko"}, nil},
		{"a titled head of a body speaks for it",
			"The director of the World Health Organization said inspectors had left.",
			[]attrSpec{{"The director of the World Health Organization", "said", "inspectors had left", ""}}, []string{"World Health Organization"}, nil},
		{"a head that names its person keeps it over a later apposition",
			"Former secretary of state Jane Roe, who praised Mark Brodie, said the plan worked.",
			[]attrSpec{{"Former secretary of state Jane Roe, who praised Mark Brodie,", "said", "the plan worked", ""}}, []string{"Jane Roe"}, nil},
		{"a spokesman for a titled person speaks for the person",
			"Mark Brodie arrived. A spokesman for Mr. Brodie said the plan worked.",
			[]attrSpec{{"A spokesman for Mr. Brodie", "said", "the plan worked", ""}}, []string{"Mark Brodie"}, nil},
		{"a document by a body with a titled person after it is the person's",
			"A 2014 study by Velmora Law School professor Jane Roe found that fraud was rare.",
			[]attrSpec{{"A 2014 study by Velmora Law School professor Jane Roe", "found", "that fraud was rare", ""}}, []string{"Jane Roe"}, nil},
		{"a name in capitals that names a person is no acronym body",
			"Mary Fallin spoke. FALLIN said the state was ready.",
			[]attrSpec{{"FALLIN", "said", "the state was ready", ""}}, []string{""}, nil},
		{"nominal source",
			"Figures come from Gaza’s Health Ministry. The ministry said 20 died.",
			[]attrSpec{{"The ministry", "said", "20 died", ""}}, []string{"Gaza’s Health Ministry"}, nil},
		{"the government of the country named in the sentence",
			"In neighbouring Chile, the government reported 40 deaths.",
			[]attrSpec{{"the government", "reported", "40 deaths", ""}}, []string{"Chilean government"}, nil},
		{"the government takes the country's adjective",
			"Argentina's inflation slowed. But the government assures that there is a downward trend.",
			[]attrSpec{{"the government", "assures", "that there is a downward trend", ""}}, []string{"Argentine government"}, nil},
		{"the government after two countries and none in its paragraph names nothing",
			"Chile and Peru met.\n\nThe government said the talks failed.",
			[]attrSpec{{"The government", "said", "the talks failed", ""}}, []string{""}, nil},
		{"a given name alone is a person",
			"Inflation rose. Ruth also asserts that the deficit is not the only cause.",
			[]attrSpec{{"Ruth", "asserts", "that the deficit is not the only cause", ""}}, []string{"Ruth"}, nil},
		{"a given name alone is the person named before with it",
			"Ruth Okafor spoke first. Ruth also asserts that the deficit is not the only cause.",
			[]attrSpec{{"Ruth#1", "asserts", "that the deficit is not the only cause", ""}}, []string{"Ruth Okafor"}, nil},
		{"a coordinated cue shares an unnamed subject",
			"A senior army commander described the reports as lies and said those detained were soldiers.",
			[]attrSpec{{"", "said", "those detained were soldiers", ""}}, []string{"senior army commander"}, nil},
		{"a coordinated cue after a clause that opens with no noun phrase has no speaker",
			"Asked about the reports, he shrugged and said those detained were soldiers.",
			[]attrSpec{{"", "said", "those detained were soldiers", ""}}, []string{""}, nil},
		{"group noun without a name",
			"Observers note that the plan reflects lessons.",
			[]attrSpec{{"Observers", "note", "that the plan reflects lessons", ""}}, []string{"observers"}, nil},
		{"a document speaks for its author",
			"Acme Institute director Jane Roe spoke. A 2014 Acme Institute report found the dam was safe.",
			[]attrSpec{{"A 2014 Acme Institute report", "found", "the dam was safe", ""}}, []string{"Acme Institute"}, nil},
		{"police without a place",
			"Police said the march was peaceful.",
			[]attrSpec{{"Police", "said", "the march was peaceful", ""}}, []string{"police"}, nil},
		{"police of a place are its body",
			"Kenyan police said the march was peaceful.",
			[]attrSpec{{"Kenyan police", "said", "the march was peaceful", ""}}, []string{"Kenya’s Police"}, nil},
		{"a group named after a person keeps the name",
			"Hillary Clinton spoke on Monday. Clinton supporters said the poll was wrong.",
			[]attrSpec{{"Clinton supporters", "said", "the poll was wrong", ""}}, []string{"Clinton supporters"}, nil},
		{"group with adjective and country",
			"This resolution aims to advance the plan, a senior U.S. official reported.",
			[]attrSpec{{"a senior U.S. official", "reported", "This resolution aims to advance the plan", ""}}, []string{"senior U.S. official"}, nil},
		{"passive source",
			"The force was described by U.S. officials as an enforcement force.",
			[]attrSpec{{"U.S. officials", "described", "as an enforcement force", ""}}, []string{"U.S. officials"}, nil},
		{"outlets only: first is speaker, all are via",
			"According to reports from Reuters and the Associated Press, the draft would empower the mission.",
			[]attrSpec{{"reports from Reuters and the Associated Press", "According to", "the draft would empower the mission", ""}},
			[]string{"Reuters"}, [][]string{{"Reuters", "Associated Press"}}},
		{"as reported by",
			"The board would supervise a committee, as reported by Axios.",
			[]attrSpec{{"", "reported", "The board would supervise a committee", ""}}, []string{"Axios"}, [][]string{{"Axios"}}},
		{"interview with an outlet",
			"In an interview with Digital, Jane Roe, who teaches at Harvard University, suggested that it could work.",
			[]attrSpec{{"Jane Roe, who teaches at Harvard University,", "suggested", "that it could work", ""}},
			[]string{"Jane Roe"}, [][]string{{"Digital"}}},
		{"participle cue takes the speaker of the clause before",
			"U.N. Secretary-General Antonio Guterres echoed this sentiment, stating, “We need a mandate.”",
			[]attrSpec{{"U.N. Secretary-General Antonio Guterres", "echoed", "this sentiment", ""}, {"", "stating", "“We need a mandate.”", "direct"}},
			[]string{"Antonio Guterres", "Antonio Guterres"}, nil},
		{"person in apposition after a role",
			"On Wednesday, the U.S. ambassador, Mike Waltz, presented a draft.",
			[]attrSpec{{"the U.S. ambassador, Mike Waltz,", "presented", "a draft", ""}}, []string{"Mike Waltz"}, nil},
		{"a name modifying the head noun is not the speaker",
			"The U.S.-brokered ceasefire has seen some progress, and the U.S. plan says that aid flows.",
			[]attrSpec{{"the U.S. plan", "says", "that aid flows", ""}}, []string{""}, nil},
		{"modifier before a group noun makes a group",
			"A Hamas official said the talks failed.",
			[]attrSpec{{"A Hamas official", "said", "the talks failed", ""}}, []string{"Hamas official"}, nil},
		{"a spokesperson named by the body speaks for it (speakers_spokesmodifier.go)",
			"A Hamas spokesman said the talks failed.",
			[]attrSpec{{"A Hamas spokesman", "said", "the talks failed", ""}}, []string{"Hamas"}, nil},
		{"coordinated predicate shares the subject",
			"Washington has ruled out deploying troops but has requested contributions from Indonesia.",
			[]attrSpec{{"", "has requested", "contributions from Indonesia", ""}}, []string{"United States"}, nil},
		{"coordinated predicate needs a subject name",
			"The plan has stalled but has requested contributions.",
			[]attrSpec{{"", "has requested", "contributions", ""}}, []string{""}, nil},
		{"passive agent after a source-less cue",
			"The force was described by U.S. officials as an enforcement force.",
			[]attrSpec{{"", "described", "as an enforcement force", ""}}, []string{"U.S. officials"}, nil},
		{"passive agent after an object, surname resolved",
			"John Spencer spoke. UNIFIL is considered a failure by Spencer.",
			[]attrSpec{{"", "is considered", "a failure", ""}}, []string{"John Spencer"}, nil},
		{"passive without by has no speaker",
			"This mandate is seen as essential.",
			[]attrSpec{{"", "is seen", "as essential", ""}}, []string{""}, nil},
		{"a name completing a group noun is not the speaker",
			"Permanent members of the Security Council are expected to object.",
			[]attrSpec{{"Permanent members of the Security Council", "are expected", "to object", ""}}, []string{"permanent members of the Security Council"}, nil},
		{"coordinated group source, then a coordinated predicate",
			"Arab countries and other international partners have expressed interest in contributing troops, but insist that backing is essential.",
			[]attrSpec{{"Arab countries and other international partners", "have expressed interest in", "contributing troops", ""}, {"", "insist", "that backing is essential", ""}},
			[]string{"arab countries and other international partners", "arab countries and other international partners"}, nil},
		{"participle cue takes the subject of the sentence",
			"On Tuesday, the United States took a bold step by circulating a draft, seeking approval for a force.",
			[]attrSpec{{"", "seeking", "approval for a force", ""}}, []string{"United States"}, nil},
		{"participle cue without a subject",
			"A bold step was taken, seeking approval for a force.",
			[]attrSpec{{"", "seeking", "approval for a force", ""}}, []string{""}, nil},
		{"a long source is no group name",
			"The many people who came to the square from the villages around the city to see the officials said it was over.",
			[]attrSpec{{"The many people who came to the square from the villages around the city to see the officials", "said", "it was over", ""}}, []string{""}, nil},
		{"a bare surname at a sentence start is the person named in full before",
			"Mark Brodie arrived in Geneva. Brodie said the talks had failed.",
			[]attrSpec{{"Brodie#1", "said", "the talks had failed", ""}}, []string{"Mark Brodie"}, nil},
		{"she for an unlisted given name, learned from nothing but nearness",
			"Olena Kovalenko, a nurse in Kherson, stayed. She said the shelling went on.",
			[]attrSpec{{"She", "said", "the shelling went on", ""}}, []string{"Olena Kovalenko"}, nil},
		{"the ministry after one place's ministry is that ministry",
			"Figures come from Sudan’s Health Ministry. The ministry said 20 died.",
			[]attrSpec{{"The ministry", "said", "20 died", ""}}, []string{"Sudan’s Health Ministry"}, nil},
		{"the ministry after two places' ministries is unresolved",
			"Sudan’s Health Ministry and Chad’s Health Ministry published figures. The ministry said 20 died.",
			[]attrSpec{{"The ministry", "said", "20 died", ""}}, []string{""}, nil},
		{"a capital speaks for its country",
			"Kyiv said the strike hit a hospital.",
			[]attrSpec{{"Kyiv", "said", "the strike hit a hospital", ""}}, []string{"Ukraine"}, nil},
		{"an organization before a titled person: the person speaks",
			"Meridian Research Organization Director-General Tomas Velko told reporters that warnings failed.",
			[]attrSpec{{"Meridian Research Organization Director-General Tomas Velko", "told", "that warnings failed", ""}}, []string{"Tomas Velko"}, nil},
		{"according to an outlet, then the speaker",
			"According to Reuters, one survivor, Karim Haddad, said he was detained near the town.",
			[]attrSpec{{"According to Reuters, one survivor, Karim Haddad,", "said", "he was detained near the town", ""}}, []string{"Karim Haddad"}, [][]string{{"Reuters"}}},
		{"an outlet quoted a person as saying",
			"The Associated Press quoted Velmora's health minister, Ilsa Brandt, as saying 300 bodies had been buried.",
			[]attrSpec{{"The Associated Press", "quoted", "300 bodies had been buried", ""}}, []string{"Ilsa Brandt"}, [][]string{{"Associated Press"}}},
		{"quoted without as saying keeps the source",
			"The Associated Press quoted a report on the floods.",
			[]attrSpec{{"The Associated Press", "quoted", "a report on the floods", ""}}, []string{"Associated Press"}, nil},
		{"role anaphor: the title of a person named before",
			"Velmora's health minister, Ilsa Brandt, visited the coast. The storm killed 170 people, the health minister said.",
			[]attrSpec{{"the health minister", "said", "The storm killed 170 people", ""}}, []string{"Ilsa Brandt"}, nil},
		{"role anaphor: an abbreviated title",
			"Maj. Gen. Tomas Velko spoke on Monday. “We hit what we intended,” the general said.",
			[]attrSpec{{"the general", "said", "“We hit what we intended,”", "direct"}}, []string{"Tomas Velko"}, nil},
		{"role anaphor: two persons with the title are ambiguous",
			"Velmora's health minister, Ilsa Brandt, met Corvia's health minister, Karim Haddad. The toll rose, the health minister said.",
			[]attrSpec{{"the health minister", "said", "The toll rose", ""}}, []string{""}, nil},
		{"named body, then the body noun",
			"The U.N. mapping office issued an appeal. About 800 people fled, the office said.",
			[]attrSpec{{"the office", "said", "About 800 people fled", ""}}, []string{"U.N. mapping office"}, nil},
		{"demonstrative source: the organization of the sentence before",
			"The data comes from the latest report of VSTAT, Velmora's official statistics agency. According to this source, prices grew by 20% in January.",
			[]attrSpec{{"this source", "According to", "prices grew by 20% in January", ""}}, []string{"VSTAT"}, nil},
		{"demonstrative source without an organization before is none",
			"The data came out on Monday. According to this source, prices grew by 20% in January.",
			[]attrSpec{{"this source", "According to", "prices grew by 20% in January", ""}}, []string{""}, nil},
		{"participle cue after a present-tense headline verb",
			"Velmora Liberation Front denies killings, saying detainees were questioned only.",
			[]attrSpec{{"", "saying", "detainees were questioned only", ""}}, []string{"Velmora Liberation Front"}, nil},
		{"participle cue: a name before a plural noun is no subject",
			"Witnesses say Velmora Liberation Front fighters fired, saying nothing more.",
			[]attrSpec{{"", "saying", "nothing more", ""}}, []string{""}, nil},
		{"acronym defined later resolves an earlier headline subject",
			"VLF denies killings, saying detainees were questioned. The town fell to the Velmora Liberation Front (VLF), witnesses said.",
			[]attrSpec{{"", "saying", "detainees were questioned", ""}}, []string{"Velmora Liberation Front"}, nil},
		{"a relative whose makes no group",
			"The firm hired a bank whose lawyers said the deal was legal.",
			[]attrSpec{{"whose lawyers", "said", "the deal was legal", ""}}, []string{""}, nil},
		{"relative who after a person",
			"The report was read by Tomas Velko, who said the figures were wrong.",
			[]attrSpec{{"who", "said", "the figures were wrong", ""}}, []string{"Tomas Velko"}, nil},
		{"relative which after an organization",
			"Prices rose, according to the Velmora Statistics Institute, which said the rise would slow.",
			[]attrSpec{{"which", "said", "the rise would slow", ""}}, []string{"Velmora Statistics Institute"}, nil},
		{"relative who after a group noun",
			"Prices rose, worrying economists who say the rise will last.",
			[]attrSpec{{"who", "say", "the rise will last", ""}}, []string{"economists"}, nil},
		{"relative who after an appositive is unresolved",
			"Tomas Velko, an analyst at the Velmora Statistics Institute, who said the rise would slow, left.",
			[]attrSpec{{"who", "said", "the rise would slow", ""}}, []string{""}, nil},
		{"relative which after a person is unresolved",
			"The plan came from Tomas Velko, which said nothing.",
			[]attrSpec{{"which", "said", "nothing", ""}}, []string{""}, nil},
		{"a relative clause's speaker is not the previous speaker for he",
			"Tomas Velko spoke after the governors, including Karim Haddad, who say the plan fails. He dismissed the critique.",
			[]attrSpec{{"Tomas Velko", "spoke", "after the governors", ""}, {"who", "say", "the plan fails", ""}, {"He", "dismissed", "the critique", ""}},
			[]string{"Tomas Velko", "Karim Haddad", "Tomas Velko"}, nil},
		{"a party-member noun is a group",
			"Republicans said the bill would pass.",
			[]attrSpec{{"Republicans", "said", "the bill would pass", ""}}, []string{"republicans"}, nil},
		{"role anaphor: a place modifier in the role",
			"Tomas Velko, the Velmora senator, spoke on Monday. The Velmora senator said the bill would pass.",
			[]attrSpec{{"The Velmora senator", "said", "the bill would pass", ""}}, []string{"Tomas Velko"}, nil},
		{"role anaphor: a place modifier not in the role",
			"Sen. Tomas Velko spoke on Monday. The Corvia senator said the bill would pass.",
			[]attrSpec{{"The Corvia senator", "said", "the bill would pass", ""}}, []string{""}, nil},
		{"role anaphor: former fits any holder",
			"President Tomas Velko spoke on Monday. The former president said the bill would pass.",
			[]attrSpec{{"The former president", "said", "the bill would pass", ""}}, []string{"Tomas Velko"}, nil},
		{"a nominal inside the head is not the speaker",
			"The Velmoran Labour Party won. Many in the party said the vote was rigged.",
			[]attrSpec{{"Many in the party", "said", "the vote was rigged", ""}}, []string{""}, nil},
		{"a spokesperson for an organization speaks for it",
			"A spokesperson for the Velmora Health Ministry said 40 people died.",
			[]attrSpec{{"A spokesperson for the Velmora Health Ministry", "said", "40 people died", ""}}, []string{"Velmora Health Ministry"}, nil},
		{"a spokesperson for a clause is a group",
			"A spokesman for the ministry's office in Corvia said no.",
			[]attrSpec{{"A spokesman for the ministry's office in Corvia", "said", "no", ""}}, []string{"spokesman for the ministry's office in Corvia"}, nil},
		{"descriptor nominal: the noun of an organization's appositive",
			"The Velmora Observatory, a Corvia-based war monitor, said 20 died. The monitor said fighting went on.",
			[]attrSpec{{"The monitor", "said", "fighting went on", ""}}, []string{"Velmora Observatory"}, nil},
		{"descriptor nominal: a descriptor with a complement is none",
			"The Velmora Observatory, a unit of the army, said 20 died. The army said the town fell.",
			[]attrSpec{{"The army", "said", "the town fell", ""}}, []string{""}, nil},
		{"descriptor nominal: two organizations with the noun are ambiguous",
			"The Velmora Observatory, a war monitor, said 20 died. The Corvia Institute, a war monitor, said 30 died. The monitor said fighting went on.",
			[]attrSpec{{"The monitor", "said", "fighting went on", ""}}, []string{""}, nil},
		{"the ORG agency without a modifier names no new agency",
			"The Corvia Food Programme warned of famine. The U.N. agency said 2 million people were hungry.",
			[]attrSpec{{"The U.N. agency", "said", "2 million people were hungry", ""}}, []string{""}, nil},
		{"a country before a name is no speaker",
			"Corvia Strategic Grouping said the drones were shot down. U.S. Velmora Group said so too.",
			[]attrSpec{{"U.S. Velmora Group", "said#1", "so too", ""}}, []string{"Velmora Group"}, nil},
		{"a list of countries: the first speaks",
			"Britain, France and Germany said the talks failed.",
			[]attrSpec{{"Britain, France and Germany", "said", "the talks failed", ""}}, []string{"United Kingdom"}, nil},
		{"an unnamed body with modifiers becomes an organization",
			"The regional military administration said three people were wounded.",
			[]attrSpec{{"The regional military administration", "said", "three people were wounded", ""}}, []string{"regional military administration"}, nil},
		{"a bare body noun with nothing named before it is an agent of its article (entities_agents.go)",
			"The government said three people were wounded.",
			[]attrSpec{{"The government", "said", "three people were wounded", ""}}, []string{"the government"}, nil},
		{"a country and an unknown name make an organization of that country",
			"According to U.S. Velcom, the rebels fired two missiles.",
			[]attrSpec{{"U.S. Velcom", "According to", "the rebels fired two missiles", ""}}, []string{"U.S. Velcom"}, nil},
		{"a country and a lowercase noun make no organization",
			"According to U.S. data, prices rose.",
			[]attrSpec{{"U.S. data", "According to", "prices rose", ""}}, []string{""}, nil},
		{"a possessive country before a person: the person speaks",
			"France’s Velma Dorin said the vote was fair.",
			[]attrSpec{{"France’s Velma Dorin", "said", "the vote was fair", ""}}, []string{"Velma Dorin"}, nil},
		{"unresolvable pronoun has no speaker",
			"“It is hard,” he said.",
			[]attrSpec{{"he", "said", "“It is hard,”", "direct"}}, []string{""}, nil},
	}
	for _, c := range cases {
		d := docWithAttributions(t, c.text, c.attrs...)
		for i := range c.attrs {
			a := &d.Attributions[i]
			if got := speakerName(d, a); got != c.speaker[i] {
				t.Errorf("%s: %q: speaker %q, want %q", c.rule, c.text, got, c.speaker[i])
			}
			if c.via != nil {
				var got []string
				for _, v := range a.Via {
					for _, e := range d.Entities {
						if e.ID == v {
							got = append(got, e.Name)
						}
					}
				}
				if strings.Join(got, "|") != strings.Join(c.via[i], "|") {
					t.Errorf("%s: via %q, want %q", c.rule, got, c.via[i])
				}
			}
		}
	}
}

// Agency spans found by the attribution stage (ViaSpans) become Via entities; an
// outlet the gazetteer does not know becomes a new outlet named by its words.
func TestSpeakerViaSpans(t *testing.T) {
	text := "The draft, the Jerusalem Clarion and Reuters wrote, would empower the mission."
	d := NewDocument(text)
	src := spanOf(t, text, "the Jerusalem Clarion and Reuters", 0)
	d.Attributions = []Attribution{{ID: "a1", Kind: "reported", Cue: spanOf(t, text, "wrote", 0), Source: &src,
		Content:  spanOf(t, text, "would empower the mission", 0),
		ViaSpans: []Span{spanOf(t, text, "Reuters", 0), spanOf(t, text, "the Jerusalem Clarion", 0)}}}
	findEntities(d)
	resolveSpeakers(d)
	a := d.Attributions[0]
	if strings.Join(a.Via, ",") != "ag_reuters,ag_jerusalem-clarion" {
		t.Errorf("via %q, want Reuters then the new outlet Jerusalem Clarion", a.Via)
	}
	if e := findEntity(d, "Jerusalem Clarion"); e == nil || e.Kind != "outlet" {
		t.Errorf("no outlet entity for the unknown agency: %+v", d.Entities)
	}
}

// A source that names a person the entity stage did not recognize makes a person.
func TestSpeakerNameFallback(t *testing.T) {
	text := "Xiomara Quispe conceded that the plan failed."
	d := docWithAttributions(t, text, attrSpec{"Xiomara Quispe", "conceded", "that the plan failed", ""})
	if got := speakerName(d, &d.Attributions[0]); got != "Xiomara Quispe" {
		t.Errorf("speaker %q", got)
	}
	if e := findEntity(d, "Xiomara Quispe"); e == nil || e.Kind != "person" {
		t.Errorf("entity %+v", e)
	}
}

// A he/she resolved to a person whose first name is not listed teaches their gender:
// a later "he" skips the woman named last.
func TestPronounGenderLearned(t *testing.T) {
	text := "Samir Aziz said no. Noor Haddad said yes. She said the talks failed. Samir Aziz then met Noor Haddad. He said more."
	d := docWithAttributions(t, text, attrSpec{"She", "said#2", "the talks failed", ""}, attrSpec{"He", "said#3", "more", ""})
	if got := speakerName(d, &d.Attributions[0]); got != "Noor Haddad" {
		t.Errorf("she → %q, want Noor Haddad", got)
	}
	if got := speakerName(d, &d.Attributions[1]); got != "Samir Aziz" {
		t.Errorf("he → %q, want Samir Aziz (Noor Haddad was learned to be she)", got)
	}
}

// A resolved pronoun is recorded as a pronoun mention of the speaker.
func TestPronounMention(t *testing.T) {
	text := "Spencer arrived. John Spencer spoke. “Go,” he said."
	d := docWithAttributions(t, text, attrSpec{"he", "said", "“Go,”", "direct"})
	var found bool
	for _, m := range d.Mentions {
		if m.Kind == MentionPronoun && m.Span.Text == "he" && m.Entity == "ag_john-spencer" {
			found = true
		}
	}
	if !found {
		t.Errorf("no pronoun mention of John Spencer in %+v", d.Mentions)
	}
}

// Coordinated sources: the first entity speaks (Attribution.Speaker is one id), and
// every coordinated entity is an entity with a mention.
func TestCoordinatedSources(t *testing.T) {
	cases := []struct {
		text    string
		source  string // the source span the attribution stage found
		speaker string
		others  []string
	}{
		{"China and Russia said the plan was flawed.", "China and Russia", "China", []string{"Russia"}},
		{"Egypt and Qatar rejected the proposal.", "Egypt and Qatar", "Egypt", []string{"Qatar"}},
		{"Egypt, Qatar and Turkey said the truce holds.", "Qatar and Turkey", "Egypt", []string{"Qatar", "Turkey"}},
		{"Egypt, Qatar and Turkey said the truce holds.", "Egypt, Qatar and Turkey", "Egypt", []string{"Qatar", "Turkey"}},
		{"He met Egypt. Qatar and Turkey said the truce holds.", "Qatar and Turkey", "Qatar", []string{"Turkey"}},
	}
	for _, c := range cases {
		cue := "said"
		if !strings.Contains(c.text, " said ") {
			cue = "rejected"
		}
		content := strings.TrimSuffix(c.text[strings.Index(c.text, cue)+len(cue)+1:], ".")
		d := docWithAttributions(t, c.text, attrSpec{c.source, cue, content, ""})
		a := d.Attributions[0]
		if a.Speaker == nil || *a.Speaker != findEntityID(d, c.speaker) {
			t.Errorf("%q: speaker %v, want %s", c.text, a.Speaker, c.speaker)
		}
		for _, o := range c.others {
			id := findEntityID(d, o)
			found := false
			for _, m := range d.Mentions {
				found = found || (m.Entity == id && id != "")
			}
			if !found {
				t.Errorf("%q: %s is no entity with a mention", c.text, o)
			}
		}
	}
}

func findEntityID(d *Document, name string) string {
	for _, e := range d.Entities {
		if e.Name == name || strings.EqualFold(e.Name, name) {
			return e.ID
		}
	}
	return "?" + name
}

// "the report" after "the report" reaches back to the first report's author across
// paragraphs farther than two from the report: each resolved anaphor renews the
// document (documentAnaphor).
func TestDocumentAnaphorChain(t *testing.T) {
	text := "Most new solar plants are cheaper than coal, a report by the Velmora Energy Agency showed.\n\n" +
		"Solar was 41% cheaper.\n\n" +
		"Around 91% of new plants were cheaper than coal, the report said.\n\n" +
		"Wind was 53% cheaper.\n\n" +
		"Battery costs fell by 93% since 2010, the report added."
	d := Extract(text)
	got := map[string]string{}
	for i := range d.Attributions {
		a := &d.Attributions[i]
		got[string(d.Runes[a.Cue.Start:a.Cue.End])] = speakerName(d, a)
	}
	assert.Equal(t, map[string]string{"showed": "Velmora Energy Agency", "said": "Velmora Energy Agency", "added": "Velmora Energy Agency"}, got)
}
