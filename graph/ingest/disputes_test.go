package ingest

import (
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/stretchr/testify/assert"
)

func TestPickDisputedClaims(t *testing.T) {
	ministryID, israelID := graph.AgentID("Gaza’s Health Ministry"), graph.AgentID("Israel")
	toll := Candidate{Claim: counted("more than 68,800 Palestinians dead", "more_than", 68800, "palestinians dead"), Speakers: []string{ministryID}}
	photos := Candidate{Claim: rep("families can identify their loved ones from photos posted online"), Speakers: []string{ministryID}}
	aid := Candidate{Claim: rep("aid trucks are being held at the Rafah crossing for inspection"), Speakers: []string{ministryID}}
	own := Candidate{Claim: counted("52,000 Palestinians dead", "", 52000, "palestinians dead"), Speakers: []string{israelID}}
	manyCounts := []Candidate{toll}
	for i, what := range []string{"people injured", "children killed", "women killed"} {
		manyCounts = append(manyCounts, Candidate{Claim: counted(what+" count", "", float64(1000+i), what), Speakers: []string{ministryID}})
	}
	names := []string{"Israel", "Gaza’s Health Ministry"}

	tests := []struct {
		name  string
		d     DisputeRef
		cands []Candidate
		want  []string
	}{
		{"speaker + figures → the count",
			DisputeRef{Sentence: "Israel disputes the Health Ministry's figures.", Names: names, BySpeaker: true},
			[]Candidate{toll, photos}, []string{toll.Claim.ID}},
		{"speaker + figures: the disputer's own count is never the target",
			DisputeRef{Sentence: "Israel disputes the Health Ministry's figures.", Names: names, BySpeaker: true},
			[]Candidate{own}, nil},
		{"speaker without figures needs a shared word",
			DisputeRef{Sentence: "Israel rejected the ministry's account of the Rafah crossing.", Names: names, BySpeaker: true},
			[]Candidate{toll, photos, aid}, []string{aid.Claim.ID}},
		{"speaker without figures and no shared word: no link",
			DisputeRef{Sentence: "Israel criticized the Health Ministry.", Names: names, BySpeaker: true},
			[]Candidate{toll, photos, aid}, nil},
		{"speaker + figures with too many counts: ambiguous",
			DisputeRef{Sentence: "Israel disputes the Health Ministry's figures.", Names: names, BySpeaker: true},
			manyCounts, nil},
		{"speaker + figures naming the counted thing picks it among many",
			DisputeRef{Sentence: "Israel disputes the Health Ministry's figures of Palestinians dead.", Names: names, BySpeaker: true},
			manyCounts, []string{toll.Claim.ID}},
		{"subject: figures of the counted thing",
			DisputeRef{Sentence: "Israel disputes the figures of Palestinians killed.", Names: []string{"Israel"}},
			[]Candidate{toll, aid}, []string{toll.Claim.ID}},
		{"subject: figures of something else: no link",
			DisputeRef{Sentence: "Israel disputes the figures on aid deliveries.", Names: []string{"Israel"}},
			[]Candidate{toll, aid}, nil},
		{"subject: anaphora alone names nothing",
			DisputeRef{Sentence: "Israel disputes these figures.", Names: []string{"Israel"}},
			[]Candidate{toll, aid}, nil},
		{"subject without figures needs two shared words",
			DisputeRef{Sentence: "Israel denied that aid trucks are held at Rafah.", Names: []string{"Israel"}},
			[]Candidate{toll, aid, photos}, []string{aid.Claim.ID}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, PickDisputedClaims(tt.d, israelID, tt.cands))
		})
	}
}
