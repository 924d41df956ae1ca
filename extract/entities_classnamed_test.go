package extract

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestClassNamedRenamed runs the rules of entities_classnamed.go on sentences with
// names no lexicon holds, then again with those names renamed: the definite phrase
// must refer to the renamed organization, and its denial must have it as disputer.
func TestClassNamedRenamed(t *testing.T) {
	cases := []struct {
		name, text, phrase, want string
		renames                  [][2]string
		disputed                 bool
	}{
		{"the NAME group", "A short seller accused the Adani group of fraud. The group has denied the allegations.",
			"The group", "Adani Group", [][2]string{{"Adani", "Velkorix"}}, true},
		{"the NAME union", "The United Auto Workers union accused the carmaker of stalling. The union denied that it had walked away from the talks.",
			"The union", "United Auto Workers Union", [][2]string{{"United Auto Workers", "Dastan Bakers"}}, true},
		{"a club in apposition", "Manchester City, the Premier League club, were charged on Monday. Rivals said the club had hidden payments. The club denied that it had hidden payments.",
			"The club", "Manchester City", [][2]string{{"Manchester City", "Velmora Rovers"}}, true},
		{"a club after its descriptor", "The charges against the Premier League club Manchester City were filed in 2023. The club denied that it had broken the rules.",
			"The club", "Manchester City", [][2]string{{"Manchester City", "Dastan Athletic"}}, true},
		{"the group after a foundation", "The figures come from the National Golf Foundation, which tracks closures. About 650 courses have closed since 2006, the group says.",
			"the group", "National Golf Foundation", [][2]string{{"National Golf", "Velmoran Chess"}}, false},
		{"two groups compete", "The Adani group and the Vedanta group signed the deal. The group denied that it had paid bribes.",
			"The group", "-", [][2]string{{"Adani", "Velkorix"}, {"Vedanta", "Dastanor"}}, false},
	}
	for _, c := range cases {
		for _, renamed := range []bool{false, true} {
			text, want := c.text, c.want
			if renamed {
				for _, r := range c.renames {
					text = strings.ReplaceAll(text, r[0], r[1])
					want = strings.ReplaceAll(want, r[0], r[1])
				}
			}
			t.Run(c.name+map[bool]string{false: "", true: "/renamed"}[renamed], func(t *testing.T) {
				d := Extract(text)
				s, e := phraseSpan(t, text, c.phrase)
				got := mentionedAt(d, s, e)
				if want == "-" {
					assert.Empty(t, got)
					for _, x := range d.Disputes {
						assert.Empty(t, x.Disputer, "dispute %+v", x)
					}
					return
				}
				require.Len(t, got, 1, "%q: %v", c.phrase, got)
				assert.Equal(t, want, got[0].Name)
				disputed := false
				for _, x := range d.Disputes {
					disputed = disputed || x.Disputer == got[0].ID
				}
				assert.Equal(t, c.disputed, disputed, "disputes %+v", d.Disputes)
			})
		}
	}
}
