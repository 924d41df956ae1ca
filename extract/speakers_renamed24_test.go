package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// renamedSpeaker24Cases are the shapes of facts24's rules (a speaker attributing an
// effect to a cause, a gathering as a tell verb's hearer, "they add" after the
// content, scare quotes before "as per", name particles after a title, unnamed
// juries and benches) in invented sentences, with the placeholders of
// renamedSpeakerCases ({P} person, {S} surname, {T} town, {B} stem of a body's name):
// source as written and the speaker it must resolve to, whatever the names.
var renamedSpeaker24Cases = []struct {
	name, tmpl, source, want string
}{
	{"a body attributes an effect to a cause", "The {B} Wine Office attributes this to \"significant declines in major producing countries\".", "The {B} Wine Office", "{B} Wine Office"},
	{"a named person before an appositive attributes", "{P}, director of research at {B} Motors, attributed the gains to a combination of new models and incentives.", "{P}", "{P}"},
	{"a person tells a gathering", "Adding school places is key to improving access to healthcare in {T}, President {P} told a cabinet meeting.", "President {P}", "{P}"},
	{"they add after the content", "According to meteorologists, hot weather will be seen over {T} this week. Many parts of the region will remain in the grips of a heatwave over the next days, they add.", "they", "meteorologists"},
	{"scare quotes before as per", "Temperatures will remain “above normal by 6-8°C” over {T} in the coming five days, as per the {B} Weather Office.", "the {B} Weather Office", "{B} Weather Office"},
	{"a jury after the content", "{P} defrauded his customers and lenders, a {T} jury found after a five-week trial.", "a {T} jury", "{T} jury"},
	{"a bench led by a chief justice", "A three-judge bench led by Chief Justice {P} concluded that the act was beyond the authority of parliament.", "Chief Justice {P}", "three-judge bench"},
	{"a business described by its trade", "{B} Semiconductor Co. posted its highest-ever quarterly profit on Thursday. The world’s leading contract chipmaker said profit rose 39 percent.", "The world’s leading contract chipmaker", "{B} Semiconductor Co"},
	{"a titled document of an unnamed owner", "Crude oil output in {T} and the other members of the cartel rose by 524,000 barrels per day in September compared to the previous month, reaching around 28.44 million bpd, according to the group's latest Monthly Oil Market Report.", "the group's latest Monthly Oil Market Report", "Monthly Oil Market Report"},
	{"as stated by a body at the sentence end", "Exports from {T} rose by 4 percent in May, as stated by the {B} Trade Council.", "the {B} Trade Council", "{B} Trade Council"},
	{"name particles after an abbreviated title", "{B} CEO Edwin van {S} added that challenges in certain destinations lead to benefits for alternatives.", "{B} CEO Edwin van {S}", "Edwin van {S}"},
}

// renamedClaimSpeaker24Cases are texts whose attribution has no source span (rule
// "pronoun subject of a coordinated cue"): the claim holding words must have the
// speaker want, whatever the names.
var renamedClaimSpeaker24Cases = []struct {
	name, tmpl, words, want string
}{
	{"it after a place's body, a coordinated cue", "{T}’s weather bureau warned of heavy rains across the south. It advised a total suspension of fishing operations and also said there was a flood risk in some areas.", "there was a flood risk", "{T}’s Weather Bureau"},
	{"it after a named body, a coordinated cue", "The {B} Water Board inspected the dam on Monday. It praised the rescue teams and said that 40 homes had been lost.", "40 homes had been lost", "{B} Water Board"},
}

// TestSpeakersRenamed24 runs facts24's speaker shapes with every name set of
// TestSpeakersRenamed: no rule may depend on a lexicon knowing the names.
func TestSpeakersRenamed24(t *testing.T) {
	for _, names := range renamedSpeakerNames {
		r := renamer(names)
		for _, c := range renamedSpeaker24Cases {
			checkRenamedSpeaker(t, r, names, c.name, c.tmpl, c.source, c.want)
		}
		for _, c := range renamedClaimSpeaker24Cases {
			text, words, want := r.Replace(c.tmpl), r.Replace(c.words), r.Replace(c.want)
			got, found := claimSpeakerWith(Extract(text), words)
			require.True(t, found, "%s: no claim holds %q", c.name, words)
			assert.Equal(t, want, got, "%s (%s, %s)", c.name, names["{P}"], names["{T}"])
		}
	}
}
