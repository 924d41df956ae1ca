package extract

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// renamedParticleNames are name sets that no lexicon holds: {G} and {H} given names,
// {S} a surname, {O} a company's one-word name.
var renamedParticleNames = []map[string]string{
	{"{G}": "Velko", "{H}": "Tamir", "{S}": "Brakel", "{O}": "Kestova"},
	{"{G}": "Oyelaran", "{H}": "Tundeyo", "{S}": "Hadzimor", "{O}": "Morvane"},
	{"{G}": "Siddhavan", "{H}": "Arjuneth", "{S}": "Qarawind", "{O}": "Telvoria"},
}

// renamedParticleCases are the shapes of the rules "particle surname", "family name
// first" and "body of a spokesperson" (entities_particlenames.go,
// entities_spokesbody.go) with the placeholders of renamedParticleNames: the source as
// written and the speaker it must resolve to, whatever the names.
var renamedParticleCases = []struct {
	name, tmpl, source, want string
}{
	{"von der, then the capitalized particle", "{G} von der {S} said the bloc would respond. Von der {S} added that tariffs were possible.", "Von der {S}", "{G} von der {S}"},
	{"van, then the capitalized particle", "{G} van {S} said the dike held. Van {S} said 12 homes were flooded.", "Van {S}", "{G} van {S}"},
	{"bin before a speech verb", "{G} bin {S} told the summit the kingdom would cut output.", "{G} bin {S}", "{G} bin {S}"},
	{"al- after a title, then capitalized", "Prime Minister {G} {H} al-{S} said 30 people were killed. Al-{S} blamed militants.", "Al-{S}", "{G} {H} al-{S}"},
	{"a spokeswoman for an unlisted company", "A spokeswoman for {O} said the recall covered 20,000 packs.", "A spokeswoman for {O}", "{O}"},
	{"an unlisted company's spokesman", "{O}’s spokesman said the plant would close.", "{O}’s spokesman", "{O}"},
	{"a bare company name before spokesperson", "A {O} spokesperson said 300 jobs would go.", "A {O} spokesperson", "{O}"},
}

// TestParticleNamesRenamed runs the shapes with every name set: no rule may depend on a
// lexicon knowing the names.
func TestParticleNamesRenamed(t *testing.T) {
	for _, names := range renamedParticleNames {
		for k, v := range names {
			require.False(t, lexiconHoldsWord(v), "%s=%s is in a lexicon", k, v)
		}
		r := renamer(names)
		for _, c := range renamedParticleCases {
			checkRenamedSpeaker(t, r, names, c.name, c.tmpl, c.source, c.want)
		}
	}
}
