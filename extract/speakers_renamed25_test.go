package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// renamedSpeaker25Cases are the shapes of facts25's rules (a document of its possessor,
// the body of the last speaker, a postposed document that says, a titled document's
// noun) in invented sentences, with the placeholders of renamedSpeakerCases ({P}
// person, {S} surname, {T} town, {B} stem of a body's name): source as written and the
// speaker it must resolve to, whatever the names.
var renamedSpeaker25Cases = []struct {
	name, tmpl, source, want string
}{
	{"a nominal's estimate", "The {B} Agriculture Ministry released its estimates on Monday. According to the ministry’s first advanced production estimate, maize output in {T} is expected to be 22.48 million tonnes.", "the ministry’s first advanced production estimate", "{B} Agriculture Ministry"},
	{"a body's report with a topic", "The {B} Trade Council said exports rose. Stocks are set to drop further, according to the {B} Trade Council’s biannual report on the world market.", "the {B} Trade Council’s biannual report on the world market", "{B} Trade Council"},
	{"the association after two associations", "The {T} Retail Association said sales fell 12%.\nThe {B} Retail Association said sales fell 9%. Later the association said exports rose 3%.", "the association", "{B} Retail Association"},
	{"the body after the last speaker", "The {B} Trade Federation said shipments from {T} rose 8%. The body also said prices would fall.", "The body", "{B} Trade Federation"},
	{"a press release of a long name", "With this, a total of 4,120 cases were reported in {T} this year, a {B} Directorate of Public Health press release said on Tuesday.", "a {B} Directorate of Public Health press release", "{B} Directorate of Public Health"},
	{"the report after a titled report", "Output rose by 524,000 barrels per day, according to the {B} Exporters Council's latest Monthly Export Market Report.\nThe report showed that the largest increase came from {T}.", "The report", "{B} Exporters Council"},
}

// renamedClaimSpeaker25Cases are texts whose attribution has no source span (rule
// "participle of a forecast with a figure"): the claim holding words must have the
// speaker want, whatever the names.
var renamedClaimSpeaker25Cases = []struct {
	name, tmpl, words, want string
}{
	{"a forecast participle after a body's clause", "The {B} Exporters Council said output rose in {T}. The {B} Exporters Council kept its outlook unchanged, projecting an increase of 1.3 million barrels a day.", "an increase of 1.3 million barrels a day", "{B} Exporters Council"},
	{"a forecast participle after a pronoun's clause", "The {B} Exporters Council said output rose in {T}. It kept its global demand growth forecast for 2025 unchanged, projecting an increase of 1.3 million barrels a day.", "an increase of 1.3 million barrels a day", "{B} Exporters Council"},
}

// TestSpeakersRenamed25 runs facts25's speaker shapes with every name set of
// TestSpeakersRenamed: no rule may depend on a lexicon knowing the names.
func TestSpeakersRenamed25(t *testing.T) {
	for _, names := range renamedSpeakerNames {
		r := renamer(names)
		for _, c := range renamedSpeaker25Cases {
			checkRenamedSpeaker(t, r, names, c.name, c.tmpl, c.source, c.want)
		}
		for _, c := range renamedClaimSpeaker25Cases {
			text, words, want := r.Replace(c.tmpl), r.Replace(c.words), r.Replace(c.want)
			got, found := claimSpeakerWith(Extract(text), words)
			require.True(t, found, "%s: no claim holds %q", c.name, words)
			assert.Equal(t, want, got, "%s (%s, %s)", c.name, names["{P}"], names["{T}"])
		}
	}
}
