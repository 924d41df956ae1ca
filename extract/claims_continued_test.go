package extract

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// claimSpeakerWith returns the speaker name of the claims whose text holds words: the
// first one with a speaker, "" when none has one; found is false when no claim holds them.
func claimSpeakerWith(d *Document, words string) (name string, found bool) {
	for _, c := range d.Claims {
		if !strings.Contains(c.Text, words) {
			continue
		}
		found = true
		if c.Speaker != nil {
			for _, e := range d.Entities {
				if e.ID == *c.Speaker {
					return e.Name, true
				}
			}
		}
	}
	return "", found
}

// TestClaimSpeakerRuleFixtures runs the pipeline on every fixture of the claim speaker
// rules (testdata/rules/claim-speakers) and checks the speaker of the claim that holds
// the given words.
func TestClaimSpeakerRuleFixtures(t *testing.T) {
	for _, fx := range readRuleFixtures(t, "claim-speakers", 4) {
		row := fx.fields
		name, text, words, want := fx.rule+": "+row[0], strings.ReplaceAll(row[1], `\n`, "\n"), row[2], row[3]
		require.Contains(t, text, words, "%s: the words are not in the text", name)
		got, _ := claimSpeakerWith(Extract(text), words)
		assert.Equal(t, want, got, "%s", name)
	}
}

// TestContinuedQuotationRenamed renames the people of a continued quotation to names no
// lexicon holds: the quotation paragraph's claim follows the speaker of the report
// before it, whatever the name, and a second person named after that report leaves it
// without one.
func TestContinuedQuotationRenamed(t *testing.T) {
	const tmpl = "Council member {A} said it was too late for revisions.\n\n“Too much water has gone under the bridge. We are too far gone for that.”\n\n" +
		"{B} said the budget was printed. {C}, who chairs the panel, declined to comment.\n\n“We cannot unmake that budget now, not at this stage.”"
	for _, names := range [][3]string{
		{"Bill Spelman", "Lee Leffingwell", "Kathie Tovo"},
		{"Quenra Volt", "Dasko Virrel", "Maelis Ortenby"},
		{"Ngozi Adebayo-Okafor", "Tomasz Wrzesniewski", "Aiyana Redcloud"},
	} {
		text := strings.NewReplacer("{A}", names[0], "{B}", names[1], "{C}", names[2]).Replace(tmpl)
		d := Extract(text)
		got, found := claimSpeakerWith(d, "Too much water")
		require.True(t, found, "%v: no claim for the continued quotation", names)
		assert.Equal(t, names[0], got, "%v", names)
		got, _ = claimSpeakerWith(d, "We cannot unmake")
		assert.Empty(t, got, "%v: a person named after the report leaves the quotation unresolved", names)
	}
}

// TestContinuedQuotationInGraph checks that a quotation paragraph's claim reaches the
// graph as a direct quote with a direct Statement of the last speaker (not an orphan
// claim, not the article's own voice).
func TestContinuedQuotationInGraph(t *testing.T) {
	text := "Council member Tavel Morrow said it was too late for revisions.\n\n“Too much water has gone under the bridge. We are too far gone for that.”\n\nThe council votes on Friday."
	d := Extract(text)
	var claim *Claim
	for i := range d.Claims {
		if strings.Contains(d.Claims[i].Text, "Too much water") {
			claim = &d.Claims[i]
		}
	}
	require.NotNil(t, claim)
	assert.Equal(t, "quotation", claim.Origin)
	g := ToGraph(ArticleMeta{URL: "https://example.org/a", Title: "t"}, d)
	var kind string
	for _, c := range g.Claims {
		if c.ID == claim.ID {
			kind = string(c.Kind)
		}
	}
	assert.Equal(t, "direct_quote", kind)
	found := false
	for _, st := range g.Statements {
		if st.ClaimID == claim.ID {
			found = true
			assert.Equal(t, *claim.Speaker, st.SpeakerID)
			assert.Equal(t, "direct", string(st.Kind))
		}
	}
	assert.True(t, found, "no statement for the quotation's claim")
}
