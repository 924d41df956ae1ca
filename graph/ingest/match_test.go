package ingest

import (
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/stretchr/testify/assert"
)

func rep(text string) graph.Claim {
	return graph.Claim{ID: graph.ClaimID(text), Text: text, Kind: graph.ClaimReportedSpeech}
}

func quote(text string) graph.Claim {
	return graph.Claim{ID: graph.ClaimID(text), Text: text, Kind: graph.ClaimDirectQuote}
}

func TestSameClaim(t *testing.T) {
	withQ := func(c graph.Claim, v float64) graph.Claim {
		c.Quantities = []graph.Quantity{{Value: v, Unit: "count", Counted: "troops"}}
		return c
	}
	tests := []struct {
		name string
		a, b graph.Claim
		same bool
	}{
		// merges
		{"identical after normalization",
			rep("The draft would empower the mission."), rep("“the draft  would empower the mission”"), true},
		{"reported: one word paraphrased in 15, inside the sentence",
			rep("the draft would empower the mission to employ all necessary measures to ensure Gaza's security"),
			rep("the draft would empower the mission to use all necessary measures to ensure Gaza's security"), true},
		{"reported: an inflection differs",
			rep("the draft would empower the mission to employ all necessary measures to ensure Gaza's security"),
			rep("the draft would empower the mission to employ all necessary measure to ensure Gaza's security"), true},
		{"reported: a function word differs",
			rep("the draft would empower the mission to employ all necessary measures to ensure Gaza's security"),
			rep("the draft will empower the mission to employ all necessary measures to ensure Gaza's security"), true},
		{"reported: trailing said clause",
			rep("the ceasefire will hold in Gaza for the coming weeks"),
			rep("the ceasefire will hold in Gaza for the coming weeks, officials said"), true},
		{"reported: trailing according-to clause",
			rep("talks on the hostages will resume in Cairo next week"),
			rep("talks on the hostages will resume in Cairo next week, according to two diplomats"), true},
		{"reported: leading attribution",
			rep("Egyptian mediators said talks on the hostages will resume in Cairo"),
			rep("talks on the hostages will resume in Cairo"), true},
		{"reported: a possessive resolved to a name",
			rep("its forces shelled the Varna dam on Tuesday night"), rep("Russian forces shelled the Varna dam on Tuesday night"), true},
		{"reported: curly quotes and apostrophes inside",
			rep("the minister called the plan “a betrayal” of the country’s farmers"),
			rep(`the minister called the plan "a betrayal" of the country's farmers`), true},
		{"reported: dashes and commas",
			rep("the army — which denies the charge — says its troops fired warning shots, not at people"),
			rep("the army, which denies the charge, says its troops fired warning shots not at people"), true},
		{"reported: punctuation and case differ",
			rep("The U.S. circulated a draft resolution at the Security Council, seeking an international force"),
			rep("the U.S. circulated a draft resolution at the Security Council seeking an international force"), true},
		{"reported: trimmed relative clause (containment)",
			rep("the draft, which is still in its early stages, is intended as a template for what are expected to be tough negotiations"),
			rep("the draft is intended as a template for what are expected to be tough negotiations"), true},
		{"quote: same words, curly vs straight quotes and case",
			quote("Kosovo gives you the best example."), quote("kosovo gives you the best example"), true},
		{"quote: one word differs in a 24-word quote",
			quote("You can create safe areas where a stabilization force, under the right mandate and equipped correctly, is stabilizing areas while you are also conducting operations"),
			quote("You can create safe areas where a stabilization force, under the right mandate and equipped properly, is stabilizing areas while you are also conducting operations"), false},
		{"quote: identical long quote with thousands separator written differently",
			quote("more than 68,800 Palestinians have been killed since the war began in October"),
			quote("more than 68800 Palestinians have been killed since the war began in October"), true},
		{"numbers equal across quantities",
			withQ(rep("approximately 200 U.S. personnel are already stationed in a coordination center in Israel"), 200),
			withQ(rep("approximately 200 U.S. personnel are stationed in a coordination center in Israel"), 200), true},

		// must not merge
		{"reported: different tail object",
			rep("the government will raise the minimum wage for workers in the public sector"),
			rep("the government will raise the minimum wage for workers in the private sector"), false},
		{"reported: different last word",
			rep("the envoy said negotiations on the hostage deal would resume in Cairo on Monday"),
			rep("the envoy said negotiations on the hostage deal would resume in Cairo on Tuesday"), false},
		{"reported: the longer text goes on (different tail)",
			rep("Israel will withdraw its troops from the northern part of the Gaza Strip next month"),
			rep("Israel will withdraw its troops from the northern part of the Gaza Strip next month and redeploy them to the border"), false},
		{"reported: different subject",
			rep("Russia will send more troops to the border region next week"),
			rep("Ukraine will send more troops to the border region next week"), false},
		{"reported: different subject inside a long sentence",
			rep("the foreign minister of France told reporters the embassy would reopen after the elections"),
			rep("the foreign minister of Italy told reporters the embassy would reopen after the elections"), false},
		{"reported: subject qualified on one side",
			rep("police officers were injured during the protests in the capital on Saturday night"),
			rep("Three police officers were injured during the protests in the capital on Saturday night"), false},
		{"reported: different numbers in a long sentence",
			rep("the ministry said 1,200 homes were destroyed in the strikes on the northern districts"),
			rep("the ministry said 1,300 homes were destroyed in the strikes on the northern districts"), false},
		{"reported: negation by never",
			rep("the company has paid the fines imposed by the regulator in full"),
			rep("the company has never paid the fines imposed by the regulator in full"), false},
		{"reported: negation by a contraction",
			rep("the company will pay the fines imposed by the regulator in full"),
			rep("the company won't pay the fines imposed by the regulator in full"), false},
		{"reported: negation inserted",
			rep("Israel will withdraw its troops from Gaza"), rep("Israel will not withdraw its troops from Gaza"), false},
		{"reported: different numbers",
			rep("more than 68,800 Palestinians have been killed in the war"), rep("more than 52,000 Palestinians have been killed in the war"), false},
		{"reported: number words differ via quantities",
			withQ(rep("the mandate would last two years with extensions possible"), 2),
			withQ(rep("the mandate would last three years with extensions possible"), 3), false},
		{"reported: condition added (containment refused)",
			rep("Israel will withdraw its troops from the whole of the Gaza Strip next month"),
			rep("Israel will withdraw its troops from the whole of the Gaza Strip next month only if Hamas disarms"), false},
		{"reported: same topic, different claim",
			rep("the force would oversee disarmament and protect civilians in Gaza"),
			rep("the force would be led by Egypt and funded by the Gulf states"), false},
		{"quote: a paraphrase of a quote is not the quote",
			quote("It had a clear disarmament mandate, a capable coalition and enough troops to enforce peace."),
			rep("it had a clear disarmament mandate, a capable coalition and troops enough to enforce the peace"), false},
		{"quote: three words changed in a 12-word quote",
			quote("History shows exactly what determines success: a clear mandate and enough troops."),
			quote("History shows clearly what determines success: a strong mandate and more troops."), false},
		{"short texts only merge when identical",
			rep("talks will resume"), rep("talks will resume soon"), false},
		{"containment needs a long enough shorter text",
			rep("the ceasefire holds in Gaza"), rep("the ceasefire holds in Gaza despite repeated strikes on the city"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := SameClaim(tt.a, tt.b)
			assert.Equal(t, tt.same, r.Same, "a,b: %+v", r)
			assert.Equal(t, tt.same, SameClaim(tt.b, tt.a).Same, "b,a: symmetric")
		})
	}
}

func TestSimilarity(t *testing.T) {
	j, c := Similarity("Israel will withdraw from Gaza", "Israel will not withdraw from Gaza")
	assert.InDelta(t, 0.5, j, 1e-9)
	assert.InDelta(t, 0.75, c, 1e-9)
	j, c = Similarity("", "anything")
	assert.Zero(t, j)
	assert.Zero(t, c)
}

func TestClaimTokens(t *testing.T) {
	assert.Equal(t, []string{"more", "than", "68800", "palestinians", "don't", "1.5", "u", "s"},
		claimTokens("More than 68,800 Palestinians — don’t 1.5 U.S."))
}

func TestCandidateTerms(t *testing.T) {
	assert.Equal(t, []string{"800", "palestinians", "ministry"},
		CandidateTerms("The war has left more than 68,800 Palestinians dead, said the Health Ministry", 3))
	assert.Empty(t, CandidateTerms("he said it was so", 3))
}
