package extract

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSpeakerTransferRulesRenamed renames the people and organizations of the texts of this
// session's speaker rules (unauthored document, name before an unclosed appositive) to
// names no lexicon holds: the speakers follow the names, and a document written with a
// named author before stays unresolved whatever that author is called.
func TestSpeakerTransferRulesRenamed(t *testing.T) {
	cases := []struct {
		name, tmpl, source, want string
	}{
		{"unclosed appositive", "\"We are now targeting 134 launches this year,\" {P}, {O}'s vice president of launch wrote on social media.", "{O}'s vice president of launch", "{P}"},
		{"unauthored report", "Sea ice hit a record low, {O} said on Thursday in Brussels.\n\nIn {C}, officials said nothing.\n\nArctic ice fell again.\n\nThe report said the Antarctic extent was 26 percent below average.", "The report", "report"},
		{"report of a named author", "{O} published its annual report on Monday. The report said lending fell by 4 percent.", "The report", ""},
	}
	for _, names := range [][3]string{
		{"Kiko Dontchev", "SpaceX", "Kenya"},
		{"Quenra Volt", "Brenwick Holdings", "Orvala"},
		{"Ngozi Adebayo-Okafor", "Tarvex", "Velmora"},
	} {
		r := strings.NewReplacer("{P}", names[0], "{O}", names[1], "{C}", names[2])
		for _, c := range cases {
			text, source, want := r.Replace(c.tmpl), r.Replace(c.source), r.Replace(c.want)
			d := Extract(text)
			at := strings.LastIndex(text, source)
			require.GreaterOrEqual(t, at, 0)
			start := len([]rune(text[:at]))
			var found *Attribution
			for i := range d.Attributions {
				if s := d.Attributions[i].Source; s != nil && s.Start <= start && start < s.End {
					found = &d.Attributions[i]
				}
			}
			require.NotNil(t, found, "%s %v: no attribution with the source %q", c.name, names, source)
			assert.Equal(t, want, speakerName(d, found), "%s %v", c.name, names)
		}
	}
}
