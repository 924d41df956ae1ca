package graph_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

func TestValidateDateRange(t *testing.T) {
	tests := []struct {
		name, from, to string
		wantErr        string // "" for valid
	}{
		{"no bounds", "", "", ""},
		{"from only", "2025-11-04", "", ""},
		{"to only", "", "2025-11-04", ""},
		{"one day", "2025-11-04", "2025-11-04", ""},
		{"leap day", "2024-02-29", "", ""},
		{"not a calendar day", "2025-02-29", "", "published_from"},
		{"month only", "2025-11", "", "published_from"},
		{"a timestamp", "", "2025-11-04T10:00:00Z", "published_to"},
		{"words", "", "yesterday", "published_to"},
		{"from after to", "2025-11-05", "2025-11-04", "swap them"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := graph.ValidateDateRange(tc.from, tc.to)
			if tc.wantErr == "" {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Equal(t, graph.EINVALID, graph.ErrorCode(err))
			assert.Contains(t, err.Error(), tc.wantErr)
		})
	}
}

func TestDateInRange(t *testing.T) {
	day := graph.Date{Value: "2025-11-04", Precision: graph.PrecisionDay}
	month := graph.Date{Value: "2025-11", Precision: graph.PrecisionMonth}
	year := graph.Date{Value: "2025", Precision: graph.PrecisionYear}
	unknown := graph.Date{}
	tests := []struct {
		name     string
		d        graph.Date
		from, to string
		want     bool
	}{
		{"day inside", day, "2025-11-01", "2025-11-30", true},
		{"day on both bounds", day, "2025-11-04", "2025-11-04", true},
		{"day before from", day, "2025-11-05", "", false},
		{"day after to", day, "", "2025-11-03", false},
		{"month overlaps from", month, "2025-11-20", "", true},
		{"month overlaps to", month, "", "2025-11-01", true},
		{"month before from", month, "2025-12-01", "", false},
		{"month after to", month, "", "2025-10-31", false},
		{"year overlaps", year, "2025-06-01", "2025-06-30", true},
		{"year after to", year, "", "2024-12-31", false},
		{"unknown date in no range", unknown, "2025-01-01", "", false},
		{"unknown date without bounds", unknown, "", "", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.d.InRange(tc.from, tc.to))
		})
	}
	assert.Equal(t, "2025-11-01", month.First())
	assert.Equal(t, "2025-11-31", month.Last())
	assert.Equal(t, "2025-01-01", year.First())
	assert.Equal(t, "2025-11-04", day.Last())
}
