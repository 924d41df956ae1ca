package ingest

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestWireAgency(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		authors []string
		outlet  string
		want    string
	}{
		{"AP dateline", "GAZA CITY (AP) — The war has left more than 68,800 dead.", nil, "Daily Planet", "Associated Press"},
		{"Reuters dateline with date", "JERUSALEM, Nov 4 (Reuters) - Israel said on Tuesday...", nil, "", "Reuters"},
		{"AFP dateline", "Gaza City (AFP) – Rescuers said...", nil, "", "Agence France-Presse"},
		{"byline", "Ceasefire holds\nBy The Associated Press\n\nGAZA CITY — Aid trucks...", nil, "", "Associated Press"},
		{"staff byline", "Reuters Staff\nIsrael said...", nil, "", "Reuters"},
		{"author is the agency", "Israel said on Tuesday...", []string{"Associated Press"}, "", "Associated Press"},
		{"outlet is the agency", "Israel said on Tuesday...", nil, "Reuters", "Reuters"},
		{"citing an agency is not running its story", "According to the Associated Press, the draft (AP) is ...", nil, "Fox News", ""},
		{"a parenthesized AP far into the text is no dateline", longText() + " GAZA (AP) — x", nil, "", ""},
		{"reported by AP in the lead is not a credit", "The move, reported by the Associated Press and Axios, represents...", nil, "", ""},
		{"an ordinary author", "Text", []string{"Hiba Qasas"}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, WireAgency(tt.text, tt.authors, tt.outlet))
		})
	}
}

func longText() string {
	b := make([]byte, WireCreditWindow)
	for i := range b {
		b[i] = 'x'
	}
	return string(b)
}
