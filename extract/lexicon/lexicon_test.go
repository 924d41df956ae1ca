package lexicon

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		text string
		want [][]string
	}{
		{"comments and blanks skipped", "# header\n\nword\tclass\n", [][]string{{"word", "class"}}},
		{"fields trimmed, CRLF", " a \t b \r\nc\r\n", [][]string{{"a", "b"}, {"c"}}},
		{"hash inside a row kept", "C#\tlang\n", [][]string{{"C#", "lang"}}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Parse(tt.text))
		})
	}
}

// Every embedded list documents itself and has rows.
func TestEveryListHasHeaderAndRows(t *testing.T) {
	names := Names()
	require.NotEmpty(t, names)
	for _, n := range names {
		h, err := Header(n)
		require.NoError(t, err)
		assert.NotEmpty(t, h, "%s: no header comment saying its format and reader", n)
		rows, err := Read(n)
		require.NoError(t, err)
		assert.NotEmpty(t, rows, "%s: no rows", n)
	}
}

func TestMissingList(t *testing.T) {
	_, err := Read("no-such-list.txt")
	require.Error(t, err)
	assert.Panics(t, func() { Rows("no-such-list.txt") })
}

func TestSetAndMap(t *testing.T) {
	rows := Parse("# h\nsaid\treport\nclaimed\nsaid\tdup\n")
	assert.Equal(t, map[string]bool{"said": true, "claimed": true}, setOf(rows))
	assert.Equal(t, map[string]string{"said": "dup"}, mapOf(rows), "one-field rows are left out; a later row wins")
}

func TestClasses(t *testing.T) {
	wc := classesOf("test.txt", Parse("# h\nverb\tdenied\nverb\trejected\nnoun\tclaim\nlonely\n"))
	assert.Equal(t, map[string]bool{"denied": true, "rejected": true}, wc.Class("verb"))
	assert.Equal(t, map[string]bool{"claim": true}, wc.Class("noun"))
	assert.PanicsWithValue(t, "extract: lexicon test.txt has no class lonely", func() { wc.Class("lonely") },
		"a one-field row makes no class")
}

// No list holds the same row twice: a repeated row is an editing slip (two helpers
// appending the same word), and for a keyed list it hides which of two values wins.
func TestNoListRepeatsARow(t *testing.T) {
	for _, name := range Names() {
		seen := map[string]bool{}
		for _, row := range Rows(name) {
			key := strings.Join(row, "\t")
			assert.False(t, seen[key], "%s: row %q appears twice", name, key)
			seen[key] = true
		}
	}
}
