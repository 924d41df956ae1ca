package extract

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// transferRename is a metamorphic case of a dispute rule written for out-of-domain
// news: the text must give a dispute of the rule, and the text with its people,
// places and organizations renamed to names no lexicon holds must give the same
// dispute, its disputer and claim renamed.
type transferRename struct {
	rule    string
	text    string
	renames [][2]string
}

// transferRenames are the metamorphic cases of the rules written for out-of-domain
// disputes (disputes_cataphor.go, and the others named in each case).
var transferRenames = []transferRename{
	// anaph21: "implication" names a claim; "always" stands between subject and verb
	{"inline-noun-that",
		"Talks resumed in Lagos on Monday. John Smith rejected any implication that the mill would close.",
		[][2]string{{"John Smith", "Tavo Quillan"}, {"Lagos", "Kisumu"}}},
	{"relative-that",
		"Reports said the charity rewarded donors with access, a charge that Maria Okonjo has always denied.",
		[][2]string{{"Maria Okonjo", "Ilse Daravan"}}},
	// "defended himself against" answers the accusations after it
	{"inline-noun-that",
		"Earlier Wednesday, Peter Brown appeared on a radio show in Lagos and defended himself against accusations of intolerance and racism.",
		[][2]string{{"Peter Brown", "Orrin Vasquel"}, {"Lagos", "Kisumu"}}},
	// an adverb between the appositive claim noun and its passive participle
	{"relative-passive",
		"Peter Brown said on Sunday that the army had shelled Lagos, a claim quickly denied by John Smith.",
		[][2]string{{"Peter Brown", "Orrin Vasquel"}, {"John Smith", "Tavo Quillan"}, {"Lagos", "Kisumu"}}},
	// disputes_fronted.go: a sentence-opening participle, its disputer the main speaker
	{"anaphor-noun",
		"A report said the army had spied on activists in Lagos. Firmly dismissing the claims, John Smith said the report was biased.",
		[][2]string{{"John Smith", "Tavo Quillan"}, {"Lagos", "Kisumu"}}},
	// adverbs between the auxiliary and the passive participle
	{"passive-by",
		"A newspaper in Lagos said players had held a party. The claims were swiftly refuted by John Smith.",
		// an unknown first name after "by" is no entity yet ("by Tavo Quillan")
		[][2]string{{"John Smith", "Ilse Daravan"}, {"Lagos", "Kisumu"}}},
	// disputes_coordrel.go: the subject of a coordinated relative clause
	{"relative-that",
		"Reports said the charity in Lagos rewarded donors, a charge that John Smith has faced for years and has always denied.",
		// a name the entity stage knows by its first name: "Tavo Quillan has faced"
		// is no entity yet (only a dispute verb's own subject makes one)
		[][2]string{{"John Smith", "Ilse Daravan"}, {"Lagos", "Kisumu"}}},
	{"anaphor-noun",
		"Peter Brown said the mill had closed. John Smith denied the implication.",
		[][2]string{{"John Smith", "Tavo Quillan"}, {"Peter Brown", "Orrin Vasquel"}}},
	{"anaphor-cataphoric",
		"The weather was cold in Lagos on Monday. John Smith rejected allegations leveled against him by businessman Peter Brown. Brown had alleged in a video that Smith requested a bribe of $500.",
		[][2]string{{"John Smith", "Tavo Quillan"}, {"Smith", "Quillan"}, {"Peter Brown", "Orrin Vasquel"}, {"Brown", "Vasquel"}, {"Lagos", "Kisumu"}}},
	{"anaphor-cataphoric",
		"The weather was cold in Lagos on Monday. John Smith rebutted Peter Brown's allegations on Sunday. Brown had alleged that Smith requested a bribe of $500.",
		[][2]string{{"John Smith", "Tavo Quillan"}, {"Smith", "Quillan"}, {"Peter Brown", "Orrin Vasquel"}, {"Brown", "Vasquel"}, {"Lagos", "Kisumu"}}},
	{"anaphor-cataphoric",
		"Heavy rain fell over Dakar on Tuesday. Marta Okonjo dismissed the claims made by the Velmor Workers Union. The Velmor Workers Union said the plant had cut 300 jobs in secret.",
		[][2]string{{"Marta Okonjo", "Ilse Daravan"}, {"Velmor Workers Union", "Korrin Miners Union"}, {"Dakar", "Tromso"}}},
	// counterclaims_aside.go: a contrast aside marks the answer
	{"counterclaim-response",
		"Police said the march in Lagos had turned violent. John Smith, however, said the march was peaceful.",
		[][2]string{{"John Smith", "Tavo Quillan"}, {"Lagos", "Kisumu"}}},
	{"rebuttal-contrast-reply",
		"Senator Jane Whitlow said Mayor Tom Reyes had ordered the guards to stand down during the riot. Reyes, however, said there was never such an order.",
		[][2]string{{"Jane Whitlow", "Ilse Daravan"}, {"Tom Reyes", "Orrin Vasquel"}, {"Reyes", "Vasquel"}}},
	// rebuttals_campaign.go: a noun of falsity before a noun of a concerted act
	{"rebuttal-statement",
		`Peter Brown said the army killed 40 civilians in the village. "This is a smear campaign," the army said.`,
		[][2]string{{"Peter Brown", "Orrin Vasquel"}}},
	{"rebuttal-called",
		`Peter Brown said the army killed 40 civilians in the village. The Korvan Defence Ministry called the report "a baseless smear campaign".`,
		[][2]string{{"Peter Brown", "Orrin Vasquel"}, {"Korvan", "Daskar"}}},
	// counterclaims_accused.go: the accused answers, negated and marked
	{"counterclaim-accused-denial",
		"Peter Brown alleged that John Smith requested a bribe of $500. However, Smith said he had never met Brown.",
		[][2]string{{"John Smith", "Tavo Quillan"}, {"Smith", "Quillan"}, {"Peter Brown", "Orrin Vasquel"}, {"Brown", "Vasquel"}}},
	{"counterclaim-accused-denial",
		"Maria Okonjo alleged that Karl Vennor had hidden the reports from the board. Vennor, however, said he had not seen any reports before June.",
		[][2]string{{"Maria Okonjo", "Ilse Daravan"}, {"Karl Vennor", "Dario Pellkin"}, {"Vennor", "Pellkin"}}},
	// rebuttals_spread.go: a verb of spreading with a noun of falsity
	{"rebuttal-agent",
		"Peter Brown said the army killed 40 civilians in the village. John Smith said Brown was spreading false narratives.",
		[][2]string{{"John Smith", "Tavo Quillan"}, {"Peter Brown", "Orrin Vasquel"}, {"Brown", "Vasquel"}}},
	// rebuttal_filler completed: adjectives of degree before a rebuttal noun
	{"rebuttal-statement",
		`Police said the march in Lagos had turned violent. "Absolute nonsense. The march was peaceful," John Smith said.`,
		[][2]string{{"John Smith", "Tavo Quillan"}, {"Lagos", "Kisumu"}}},
	// disputes_pleas.go: pleas of not guilty and accusations answered from afar
	{"plea-not-guilty",
		"Prosecutors say Tom Reyes stole millions of dollars from the fund. Reyes pleaded not guilty on Monday.",
		[][2]string{{"Tom Reyes", "Tavo Quillan"}, {"Reyes", "Quillan"}}},
	{"plea-not-guilty",
		"Marta Kovacs pleaded not guilty on Friday in a Denver court.\nThe judge set a trial date in March.\nThe Justice Department indicted Kovacs last month, alleging that she hid losses at the pension fund.",
		[][2]string{{"Marta Kovacs", "Ilse Daravan"}, {"Kovacs", "Daravan"}, {"Denver", "Kisumu"}}},
	// disputes_reports.go: "Contrary to the reports, ..." in a statement
	{"contrary-to-reports",
		"Villagers said the Korvan Defence Ministry had shelled the hospital in Marno.\n\"Contrary to the reports made over the past day, our forces did not shell the hospital in Marno,\" the Korvan Defence Ministry said in a statement.",
		[][2]string{{"Korvan", "Daskar"}, {"Marno", "Kisumu"}}},
	{"rebuttal-called-about",
		"The Daily Ledger reported that Norland Corp. plans to close the mill.\n\nThe denial was made in an email, with a Norland Corp. spokesperson calling reports of the closure a \"rumor.\"",
		[][2]string{{"Norland", "Velmor"}, {"Daily Ledger", "Morning Quill"}}},
	// disputes_reports.go: a present-participle aside between the subject and the verb
	{"inline-noun-of",
		"The Korvan Defence Ministry, responding to the report, denied reports of shelling the hospital in Marno.",
		[][2]string{{"Korvan", "Daskar"}, {"Marno", "Kisumu"}}},
	{"inline-noun-said",
		"The Korvan Defence Ministry on Sunday rejected a report backed by the United Nations which stated that famine had spread to five provinces.",
		[][2]string{{"Korvan", "Daskar"}, {"United Nations", "Velmor Council"}}},
	{"passive-by",
		"Senator Jane Whitlow said the mill had been sold in June. The claims, however, were swiftly refuted by Tom Reyes.",
		[][2]string{{"Jane Whitlow", "Maria Dunleavy"}, {"Tom Reyes", "Paul Okafor"}}},
	{"anaphor-accusation-far",
		"The Justice Department indicted Jane Whitlow, alleging that she hid losses at the fund.\nAccording to the indictment, the losses ran for years.\nThe judge set a trial date in March.\nWhitlow has called the charges \"baseless.\"",
		[][2]string{{"Jane Whitlow", "Ilse Daravan"}, {"Whitlow", "Daravan"}}},
}

// TestDisputeTransferRulesRenamed runs transferRenames.
func TestDisputeTransferRulesRenamed(t *testing.T) {
	for _, c := range transferRenames {
		t.Run(c.rule+": "+c.text[:40], func(t *testing.T) {
			r := renameWords(c.text, c.renames)
			require.NotEqual(t, c.text, r.text, "the renaming changed nothing")
			orig, ren := Extract(c.text), Extract(r.text)
			a, b := ruleDisputes(orig, c.rule), ruleDisputes(ren, c.rule)
			require.NotEmpty(t, a, "no dispute of rule %s in %q", c.rule, c.text)
			require.Len(t, b, len(a), "renamed: %q", r.text)
			for i := range a {
				assert.Equal(t, renameWords(entityName(orig, &a[i].Disputer), c.renames).text, entityName(ren, &b[i].Disputer), "disputer")
				assert.Equal(t, renameWords(claimText(orig, a[i].Claim), c.renames).text, claimText(ren, b[i].Claim), "claim")
				assert.Equal(t, a[i].Kind, b[i].Kind, "kind")
				assert.Equal(t, a[i].Shape, b[i].Shape, "shape")
			}
		})
	}
}

// ruleDisputes returns the document's disputes recorded under the rule.
func ruleDisputes(d *Document, rule string) []Dispute {
	var out []Dispute
	for _, x := range d.Disputes {
		if strings.EqualFold(x.Rule, rule) {
			out = append(out, x)
		}
	}
	return out
}
