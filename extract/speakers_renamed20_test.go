package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/extract/lexicon"
)

// renamedSpeakerCases are invented sentences of general news style with placeholders
// for names that no lexicon holds: {P} a person's full name and {S} the surname, {T} a
// town or county, {B} the stem of a company or body's name, and {K} a country (the
// country lists are complete by design, so a real one is used). Each case names the
// source as written and the speaker it must resolve to ("" for none), whatever the
// names: a rule that needs a name in a lexicon fails here.
var renamedSpeakerCases = []struct {
	name, tmpl, source, want string
}{
	{"a later bare surname", "{P} arrived in {T} on Monday. {S} said the talks had failed.", "{S}", "{P}"},
	{"a pronoun in the next sentence", "{P} said on Tuesday that prices would rise. He said wages would not.", "He", "{P}"},
	{"a person in apposition with a spokesperson's role", "{P}, a spokesperson for the {B} Water Authority, said the dam was safe.", "{P}", "{P}"},
	{"a ministry of a country and the ministry", "{K}’s Health Ministry said 40 people were killed. The ministry said the clinic had been shelled.", "The ministry", "{K}’s Health Ministry"},
	{"the company after a corporate suffix", "{B} Corp. cut 300 jobs on Monday. The company said demand had fallen.", "The company", "{B} Corp"},
	{"the company's results", "{B} Corp. increased its profit by 11 per cent. The company’s financial results revealed that revenue rose to $65.6bn.", "The company’s financial results", "{B} Corp"},
	{"a lowercase tail of a body's name", "The {T} Highway Patrol closed the road on Sunday. The bus was carrying 41 passengers, the highway patrol said.", "the highway patrol", "{T} Highway Patrol"},
	{"a county coroner and he", "Two people died, according to {T} County Coroner {P}. Authorities were working to identify them, he said.", "he", "{P}"},
	{"a minister with a portfolio", "In a written reply, Union Minister for Tourism and Culture {P} stated that arrivals stood at 9,000.", "Union Minister for Tourism and Culture {P}", "{P}"},
	{"a title acronym and the surname", "Minister of State (MoS) External Affairs {P} answered in the house on Monday. MoS {S} had highlighted that the government backs tourism.", "MoS {S}", "{P}"},
	{"a body's spokesperson", "A {B} Bank spokesperson said rates would rise.", "A {B} Bank spokesperson", "{B} Bank"},
	{"a spokesperson for a body", "A spokesperson for {B} Holdings said the plant would close.", "A spokesperson for {B} Holdings", "{B} Holdings"},
	{"a title after a person's appositive", "{P}, the mayor of {T}, said the road would reopen.", "{P}, the mayor of {T}", "{P}"},
	{"a pronoun after an appositive of a role", "{P}, a nurse in {T}, said the ward was full. She said staff were exhausted.", "She", "{P}"},
	{"the agency after a named agency", "The {B} Statistics Agency published its data on Monday. The agency said inflation rose to 4 percent.", "The agency", "{B} Statistics Agency"},
	{"a person of a body", "{P} of {B} University told reporters the virus had spread.", "{P} of {B} University", "{P}"},
	{"a lowercase ministry of an unlisted town and the ministry", "{T}’s health ministry said 40 people died. The ministry said the clinic was shelled.", "The ministry", "{T}’s Health Ministry"},
	{"an honorific and the surname", "{P} toured the dam on Monday. Dr. {S} said it was safe.", "Dr. {S}", "{P}"},
	{"a capitalized title before a name", "{K} Finance Minister {P} said the deficit would fall.", "{K} Finance Minister {P}", "{P}"},
	{"a group with a place no lexicon lists stays as written", "Officials in {T} said the river had burst its banks.", "Officials in {T}", "officials in {T}"},
}

// renamedSpeakerNames are the name sets of TestSpeakersRenamed: people, places and
// bodies of many countries, none in any lexicon (checked by the test).
var renamedSpeakerNames = []map[string]string{
	{"{P}": "Adeyinka Oyelaran", "{S}": "Oyelaran", "{T}": "Kericho", "{B}": "Brannock", "{K}": "Kenya"},
	{"{P}": "Saskia Vandenbroucke", "{S}": "Vandenbroucke", "{T}": "Tauranga", "{B}": "Marrowfield", "{K}": "Belgium"},
	{"{P}": "Tomasz Wierzbicki", "{S}": "Wierzbicki", "{T}": "Namangan", "{B}": "Kestrel", "{K}": "Poland"},
	{"{P}": "Aroha Tipene", "{S}": "Tipene", "{T}": "Tlaquepaque", "{B}": "Velkor", "{K}": "New Zealand"},
	{"{P}": "Dilnoza Rashidova", "{S}": "Rashidova", "{T}": "Bakersfield", "{B}": "Quorvane", "{K}": "Uzbekistan"},
	{"{P}": "Ishaan Venkataraman", "{S}": "Venkataraman", "{T}": "Ahuna", "{B}": "Teodrescu", "{K}": "India"},
}

// TestSpeakersRenamed runs every renamed speaker case with every name set: the
// speakers must come out as the new names, so no speaker rule depends on a lexicon
// knowing a person, a place or a body.
func TestSpeakersRenamed(t *testing.T) {
	for _, names := range renamedSpeakerNames {
		for k, v := range names {
			if k == "{K}" {
				continue
			}
			for _, w := range strings.Fields(v) {
				require.False(t, lexiconHoldsWord(w), "%s: %q is in a lexicon; pick an unlisted name", k, w)
			}
		}
		r := renamer(names)
		for _, c := range renamedSpeakerCases {
			checkRenamedSpeaker(t, r, names, c.name, c.tmpl, c.source, c.want)
		}
	}
}

// renamer replaces every placeholder of names ("{P}", "{T}", "{B}", ...) by its name.
func renamer(names map[string]string) *strings.Replacer {
	pairs := make([]string, 0, 2*len(names))
	for k, v := range names {
		pairs = append(pairs, k, v)
	}
	return strings.NewReplacer(pairs...)
}

// checkRenamedSpeaker extracts tmpl with r's names and requires an attribution whose
// source overlaps the last occurrence of source, spoken by want.
func checkRenamedSpeaker(t *testing.T, r *strings.Replacer, names map[string]string, name, tmpl, source, want string) {
	t.Helper()
	text, source, want := r.Replace(tmpl), r.Replace(source), r.Replace(want)
	d := Extract(text)
	at := strings.LastIndex(text, source)
	require.GreaterOrEqual(t, at, 0, "%s: source not in the text", name)
	start := len([]rune(text[:at]))
	end := start + len([]rune(source))
	var found *Attribution
	for i := range d.Attributions {
		if s := d.Attributions[i].Source; s != nil && s.Start < end && start < s.End {
			found = &d.Attributions[i]
			break
		}
	}
	require.NotNil(t, found, "%s %s %s: no attribution with the source %q", name, names["{P}"], names["{B}"], source)
	assert.Equal(t, want, speakerName(d, found), "%s (%s, %s, %s)", name, names["{P}"], names["{T}"], names["{B}"])
}

// lexiconHoldsWord reports whether any list of lexicon/ has the word w (compared in
// lowercase) as one of the words of a field.
func lexiconHoldsWord(w string) bool {
	w = strings.ToLower(w)
	paths, _ := filepath.Glob(filepath.Join("lexicon", "*.txt"))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		for _, row := range lexicon.Parse(string(b)) {
			for _, f := range row {
				for _, x := range strings.FieldsFunc(strings.ToLower(f), func(r rune) bool { return r == ' ' || r == ',' || r == '|' }) {
					if x == w {
						return true
					}
				}
			}
		}
	}
	return false
}
