package extract

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// coordinatedFixture is one line of testdata/rules/disputes-coordinated/rebuttal-called.tsv.
type coordinatedFixture struct {
	text      string
	disputers []string
	claim     string
}

func readCoordinatedFixtures(t *testing.T) []coordinatedFixture {
	t.Helper()
	var out []coordinatedFixture
	for _, r := range readRuleFixtures(t, "disputes-coordinated", 3) {
		var ds []string
		if r.fields[1] != "" {
			ds = strings.Split(r.fields[1], "|")
		}
		out = append(out, coordinatedFixture{r.fields[0], ds, r.fields[2]})
	}
	require.NotEmpty(t, out)
	return out
}

func checkCoordinated(t *testing.T, c coordinatedFixture) {
	t.Helper()
	d := Extract(c.text)
	if !assert.Len(t, d.Disputes, len(c.disputers), "%q: %+v", c.text, d.Disputes) {
		return
	}
	for i, x := range d.Disputes {
		assert.Equal(t, wantAgentID(d, c.disputers[i]), x.Disputer, "%q: dispute %d", c.text, i)
		assert.Equal(t, rebuttalCalledRule.name, x.Rule, "%q: dispute %d", c.text, i)
		assert.Equal(t, c.claim, claimText(d, x.Claim), "%q: dispute %d", c.text, i)
	}
}

// Each coordinated subject of a verb of calling disputes the claim; a negated verb
// gives none.
func TestCoordinatedCallerFixtures(t *testing.T) {
	for _, c := range readCoordinatedFixtures(t) {
		checkCoordinated(t, c)
	}
}

// The same with surnames and countries renamed (metamorphic test; countries to other
// countries, since that list is complete). First names stay from the general list of
// first names: two coordinated people whose first names no list holds ("Dorin Maskell
// and Perrin Oaksley called ...") are not found as people by the entity stage yet.
func TestCoordinatedCallerRenamed(t *testing.T) {
	renames := [][2]string{
		{"Reyes", "Maskell"}, {"Tulley", "Oaksley"}, {"Whitlow", "Quenby"},
		{"Ukraine", "Kenya"}, {"Russia", "Ghana"}, {"Russian", "Ghanaian"}, {"Belarus", "Chile"}, {"Iran", "Peru"},
	}
	for _, c := range readCoordinatedFixtures(t) {
		r := coordinatedFixture{text: renameWords(c.text, renames).text, claim: renameWords(c.claim, renames).text}
		for _, d := range c.disputers {
			r.disputers = append(r.disputers, renameWords(d, renames).text)
		}
		checkCoordinated(t, r)
	}
}

// A participle of calling after a comma takes the subject that opens its sentence,
// after an opening adjunct set off by a comma too, when the speaker stage left the
// participle without a source (here the middle initial of the addressee stops it);
// the same with the names renamed (metamorphic).
func TestOpeningSubjectAfterAdjunct(t *testing.T) {
	text := `The Daily Ledger published two reports on the company. Late last month, Norland Corp. wrote a letter to the paper's editor, Lee C. Bollinger, calling the two reports "inaccurate and deliberately misleading."`
	renames := [][2]string{{"Daily Ledger", "Morrow Courier"}, {"Norland", "Vantrel"}, {"Bollinger", "Oaksley"}}
	for _, c := range []struct{ text, disputer string }{
		{text, "Norland Corp"},
		{renameWords(text, renames).text, "Vantrel Corp"},
	} {
		d := Extract(c.text)
		if !assert.Len(t, d.Disputes, 1, "%q", c.text) {
			continue
		}
		assert.Equal(t, wantAgentID(d, c.disputer), d.Disputes[0].Disputer, c.text)
		assert.Equal(t, rebuttalCalledRule.name, d.Disputes[0].Rule, c.text)
		assert.Equal(t, "two reports on the company", claimText(d, d.Disputes[0].Claim), c.text)
	}
}

// A quoted judgment between a dispute verb and its inline claim noun ('dismissed as
// "fake news" the reports that ...') leaves the claim to rule inline-noun-that,
// whatever the country (metamorphic: countries to other countries). A bare "claims"
// right after the quote is read by the attribution stage as a verb of saying with
// the disputer as its speaker ('X dismissed as "fake news" claims that he ...'), and
// no one disputes their own claim: that form is still missed.
func TestQuotedAsJudgmentRenamed(t *testing.T) {
	texts := []string{
		`Russia dismissed as "fake news" the reports that its troops had crossed the border.`,
		`Russia rejected as "baseless and provocative" the claims that its troops had crossed the border.`,
	}
	for _, text := range texts {
		for _, c := range []struct{ text, disputer string }{{text, "Russia"}, {renameWords(text, [][2]string{{"Russia", "Peru"}}).text, "Peru"}} {
			d := Extract(c.text)
			if !assert.Len(t, d.Disputes, 1, "%q", c.text) {
				continue
			}
			assert.Equal(t, wantAgentID(d, c.disputer), d.Disputes[0].Disputer, c.text)
			assert.Equal(t, "inline-noun-that", d.Disputes[0].Rule, c.text)
			assert.Equal(t, "its troops had crossed the border", claimText(d, d.Disputes[0].Claim), c.text)
		}
	}
}
