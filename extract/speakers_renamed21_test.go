package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// renamedSpeaker21Cases are the speaker shapes of spk21's rules in invented sentences
// of data and weather news, with the placeholders of renamedSpeakerCases ({P} person,
// {T} town, {B} stem of a body's name, {K} country): source as written and the speaker
// it must resolve to, whatever the names.
var renamedSpeaker21Cases = []struct {
	name, tmpl, source, want string
}{
	{"a titled document after its owner's possessive", "Output rose by 524,000 barrels per day, according to the {B} Exporters Council's latest Monthly Oil Market Report.", "the {B} Exporters Council's latest Monthly Oil Market Report", "{B} Exporters Council"},
	{"a body before a which aside and a closing cue", "Passenger numbers rose 9% to 9.5 billion, the {B} Airports Council, which represents 2,000 airports, said on Monday.", "the {B} Airports Council, which represents 2,000 airports", "{B} Airports Council"},
	{"a one-word name after market tracker", "Shipments fell 3% to 280 million units, market tracker {B} said in a report.", "market tracker {B}", "{B}"},
	{"the forecaster after a met office", "Warnings were issued by the {B} Met Office on Sunday. Temperatures could reach 32C in {T}, the forecaster said.", "the forecaster", "{B} Met Office"},
	{"the agency after a statistics bureau", "Home prices in {T} rose 4.1 percent, the {B} Statistics Bureau said. The agency said rents rose 6 percent.", "The agency", "{B} Statistics Bureau"},
	{"the regulator after a commission", "The {B} Securities Commission fined {P} $4 million. The regulator said she misled 3,000 clients.", "The regulator", "{B} Securities Commission"},
}

// renamedSourcedClaimCases are texts of the claim rule "a sentence naming the source of
// the one before" with the same placeholders: the claim holding words must have the
// speaker want.
var renamedSourcedClaimCases = []struct {
	name, tmpl, words, want string
}{
	{"stated in a report by a body", "Wind capacity in {K} grew by 11.4 per cent to 312 gigawatts in 2024. This was stated in a report by the {B} Energy Agency.", "grew by 11.4 per cent", "{B} Energy Agency"},
	{"announced by a person", "Tourist arrivals in {T} rose 18 percent to 2.4 million last year. This was announced by {P} on Monday.", "Tourist arrivals", "{P}"},
}

// TestSpeakersRenamed21 runs spk21's speaker shapes with every name set of
// TestSpeakersRenamed: no rule may depend on a lexicon knowing the names.
func TestSpeakersRenamed21(t *testing.T) {
	for _, names := range renamedSpeakerNames {
		r := renamer(names)
		for _, c := range renamedSpeaker21Cases {
			checkRenamedSpeaker(t, r, names, c.name, c.tmpl, c.source, c.want)
		}
		for _, c := range renamedSourcedClaimCases {
			text, words, want := r.Replace(c.tmpl), r.Replace(c.words), r.Replace(c.want)
			got, found := claimSpeakerWith(Extract(text), words)
			require.True(t, found, "%s: no claim holds %q", c.name, words)
			assert.Equal(t, want, got, "%s (%s, %s, %s)", c.name, names["{P}"], names["{T}"], names["{B}"])
		}
	}
}
