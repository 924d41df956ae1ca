package graph

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestCanonicalCountedPersons: a casualty count of people in general is the bare
// state; a specific head stays.
func TestCanonicalCountedPersons(t *testing.T) {
	cases := []struct{ in, want string }{
		{"people killed", "dead"},
		{"People Killed", "dead"},
		{"persons died", "dead"},
		{"deaths", "dead"},
		{"dead", "dead"},
		{"people wounded", "injured"},
		{"civilians killed", "civilians dead"},
		{"people", "people"},
		{"people evacuated", "people evacuated"},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, CanonicalCounted(c.in), c.in)
	}
}

// TestCountedVariantsPersons: the variants of a count of people killed hold the bare
// and the generic spellings, each of which folds to the same form.
func TestCountedVariantsPersons(t *testing.T) {
	for _, in := range []string{"people killed", "dead", "deaths"} {
		v := CountedVariants(in)
		assert.Equal(t, in, v[0])
		assert.LessOrEqual(t, len(v), maxPersonsVariants)
		for _, want := range []string{"dead", "deaths", "people killed", "people died", "fatalities"} {
			assert.Contains(t, v, want, in)
		}
		for _, x := range v {
			assert.Equal(t, "dead", CanonicalCounted(x), x)
		}
	}
	assert.Equal(t, []string{"civilians killed", "civilians dead", "civilians died", "civilians deaths", "civilians fatalities"}, CountedVariants("civilians killed"))
}
