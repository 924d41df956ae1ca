package extract

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// coSpeakerFixture is one line of testdata/rules/cospeakers/RULE.tsv.
type coSpeakerFixture struct {
	name, text, source string
	speakers           []string // nil: no speaker; "(any)": any speakers
}

func readCoSpeakerFixtures(t *testing.T) []coSpeakerFixture {
	t.Helper()
	var out []coSpeakerFixture
	for _, r := range readRuleFixtures(t, "cospeakers", 4) {
		var sp []string
		if r.fields[3] != "" {
			sp = strings.Split(r.fields[3], "|")
		}
		out = append(out, coSpeakerFixture{r.rule + ": " + r.fields[0], r.fields[1], r.fields[2], sp})
	}
	require.NotEmpty(t, out)
	return out
}

func checkCoSpeakerFixture(t *testing.T, c coSpeakerFixture) {
	t.Helper()
	d := Extract(c.text)
	at := strings.LastIndex(c.text, c.source)
	require.GreaterOrEqual(t, at, 0, "%s: source not in the text", c.name)
	start := len([]rune(c.text[:at]))
	end := start + len([]rune(c.source))
	var found *Attribution
	for i := range d.Attributions {
		if s := d.Attributions[i].Source; s != nil && s.Start < end && start < s.End {
			found = &d.Attributions[i]
			break
		}
	}
	require.NotNil(t, found, "%s: no attribution with the source %q", c.name, c.source)
	if len(c.speakers) == 1 && c.speakers[0] == anySpeaker {
		assert.Empty(t, found.CoSpeakers, "%s", c.name)
		return
	}
	var got []string
	if found.Speaker != nil {
		got = append(got, speakerName(d, found))
	}
	for _, id := range found.CoSpeakers {
		got = append(got, entityName(d, &id))
	}
	assert.Equal(t, c.speakers, got, "%s", c.name)
}

// TestCoSpeakerFixtures runs the fixtures of the rule "coordinated source"
// (speakers_coordinated.go) through the whole pipeline.
func TestCoSpeakerFixtures(t *testing.T) {
	for _, c := range readCoSpeakerFixtures(t) {
		checkCoSpeakerFixture(t, c)
	}
}

// coSpeakerRenames renames the fixtures' people and organizations to names no lexicon
// holds, and their countries to other countries (that list is complete).
var coSpeakerRenames = [][2]string{
	{"Whitlow", "Quenby"}, {"Dandrow", "Ferrisholt"}, {"Reyes", "Maskell"}, {"Acme", "Vantrel"},
	{"Velmora", "Ostravel"}, {"Dock Workers", "Harbour Crane"}, {"Egypt", "Peru"}, {"Qatar", "Chile"},
	{"Turkey", "Kenya"}, {"Israel", "Norway"}, {"United States", "Japan"},
}

// TestCoSpeakerFixturesRenamed is the metamorphic test: the same structure with other
// names.
func TestCoSpeakerFixturesRenamed(t *testing.T) {
	for _, c := range readCoSpeakerFixtures(t) {
		r := coSpeakerFixture{name: c.name + " (renamed)", text: renameWords(c.text, coSpeakerRenames).text, source: renameWords(c.source, coSpeakerRenames).text}
		for _, s := range c.speakers {
			r.speakers = append(r.speakers, renameWords(s, coSpeakerRenames).text)
		}
		checkCoSpeakerFixture(t, r)
	}
}

// TestCoSpeakerStatements checks that ToGraph gives each co-speaker a statement of the
// content, with an id of its own, and that the bundle is valid.
func TestCoSpeakerStatements(t *testing.T) {
	d := Extract("Acme Holdings cut 300 jobs last year. Acme Holdings and its chief executive, Tom Reyes, said the plant would stay open.")
	g := ToGraph(ArticleMeta{URL: "https://example.com/a", Outlet: "Example"}, d)
	require.NoError(t, g.Validate())
	speakers := map[string]string{}
	ids := map[string]bool{}
	for _, st := range g.Statements {
		assert.False(t, ids[st.ID], "statement id %s twice", st.ID)
		ids[st.ID] = true
		if st.Content.Text == "the plant would stay open" {
			speakers[st.SpeakerID] = st.ClaimID
		}
	}
	require.Len(t, speakers, 2)
	assert.Contains(t, speakers, "ag_acme-holdings")
	assert.Contains(t, speakers, "ag_tom-reyes")
	assert.Equal(t, speakers["ag_acme-holdings"], speakers["ag_tom-reyes"], "one claim")
}
