package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// judgedDisputes returns the disputes that the rules of disputes_article.go found.
func judgedDisputes(d *Document) []Dispute {
	rules := map[string]bool{}
	for _, r := range judgedRules {
		rules[r.name] = true
	}
	var out []Dispute
	for _, x := range d.Disputes {
		if rules[x.Rule] {
			out = append(out, x)
		}
	}
	return out
}

// Look-alikes of judged claims that are no dispute of the judged-claim rules: retracted
// or negated judgments, predicates, first-person retractions, judgments of nothing
// said, and words whose voice the text does not name. Invented sentences.
func TestJudgedClaimNonDisputes(t *testing.T) {
	tests := []struct{ name, text string }{
		{"denied judgment", "Mayor Tom Reyes denied falsely claiming that the mill had closed."},
		{"denied in a clause", "Mayor Tom Reyes denied that he had falsely claimed that the mill had closed."},
		{"negated adverb", "Mayor Tom Reyes did not falsely claim that the mill had closed."},
		{"never", "Mayor Tom Reyes never wrongly said that the mill had closed."},
		{"in doubt", "It is unclear whether Mayor Tom Reyes falsely claimed that the mill had closed."},
		{"predicate, negated", "Senator Jane Whitlow said the mill had closed. The claim was not false."},
		{"predicate negated twice", "The claim that the mill had closed is not false."},
		{"predicate in doubt", "It is unclear whether the claim that the mill had closed is false."},
		{"predicate of no claim noun", "The alarm that went off at noon was false."},
		{"relative clause, not the claim", "The story that circulated online was false."},
		{"relative clause of telling", "Mayor Tom Reyes repeated the baseless story that his aide told."},
		{"subject clause running into its predicate", "A false report that a gunman was in the mall sparked panic."},
		{"no proposition", "Police said the man gave a false name."},
		{"wrongly of no saying", "He was wrongly convicted of murder in 1990."},
		{"a lie told, not a claim", "She repeated the lie that he told."},
		{"judging noun as subject", "The lie that the mill had closed spread quickly."},
		{"predicate not ending its clause", "The claim that the mill had closed was false in part because of the strike."},
		{"first-person retraction", "“I was wrong to say the bridge had failed its inspection,” Mayor Tom Reyes said."},
		{"we erred", "“We erred in saying that the bridge had failed,” the mayor said."},
		{"evidence of something else", "Police arrested Mayor Tom Reyes without evidence of a crime."},
		{"without evidence, no claim", "Police arrested Mayor Tom Reyes without evidence."},
		{"adjective of no claim noun", "Officials said the fire was a false alarm."},
		{"wrong of no saying", "Mayor Tom Reyes was wrong about the weather."},
		{"adverb of no claim verb", "Senator Jane Whitlow was falsely imprisoned in 1990."},
		{"judged noun without its claim", "Mayor Tom Reyes repeated the baseless claim on Tuesday."},
		{"quoted, nobody named", "“Reyes falsely claimed that the mill had closed.”"},
		{"quoted judgment of a quote", "“Without evidence, we cannot act,” the mayor said."},
		{"no proposition claimed", "Mayor Tom Reyes falsely claimed responsibility for the attack."},
		{"called false: the caller's rebuttal", "The campaign calls this a false narrative that voters won't buy."},
		{"judgment between another cue and its content", "Mayor Tom Reyes insisted that Senator Jane Whitlow was wrong to say the mill had closed."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := Extract(tc.text)
			assert.Empty(t, judgedDisputes(d), "%q: %+v", tc.text, d.Disputes)
		})
	}
}

// The article's own judgments have no disputer; a judgment inside a speaker's
// statement is the speaker's.
func TestJudgedClaimVoice(t *testing.T) {
	tests := []struct {
		name, text, disputer string
		article              bool
	}{
		{"article", "Mayor Tom Reyes falsely claimed that the mill had closed.", "", true},
		{"quoted speaker", "“Mayor Tom Reyes falsely claimed that the mill had closed,” Senator Jane Whitlow said.", "Jane Whitlow", false},
		{"reported speaker", "Senator Jane Whitlow said that Mayor Tom Reyes had baselessly claimed that the mill had closed.", "Jane Whitlow", false},
		{"object of the claimant's verb", "Senator Jane Whitlow repeated her baseless claim that the bridge had failed.", "", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := Extract(tc.text)
			js := judgedDisputes(d)
			if !assert.Len(t, js, 1, "%+v", d.Disputes) {
				return
			}
			assert.Equal(t, tc.article, js[0].IsArticleVoice())
			if tc.disputer != "" {
				assert.Equal(t, entityIDNamed(d, tc.disputer), js[0].Disputer)
			}
		})
	}
}

// entityIDNamed returns the id of the entity of that name in d, or "".
func entityIDNamed(d *Document, name string) string {
	for _, e := range d.Entities {
		if e.Name == name {
			return e.ID
		}
	}
	return ""
}
