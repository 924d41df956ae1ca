package graph

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestArticleInputDescribe(t *testing.T) {
	tests := []struct {
		in   ArticleInput
		want string
	}{
		{ArticleInput{Name: "corpus/a.md", URL: "https://x.example/a"}, "article corpus/a.md"},
		{ArticleInput{URL: "https://x.example/a"}, "article https://x.example/a"},
		{ArticleInput{Text: "Israel said it."}, "article"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.in.Describe())
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    Date
		wantErr bool
	}{
		{"", Date{}, false},
		{"unknown", Date{}, false},
		{" 2025 ", Date{Value: "2025", Precision: PrecisionYear}, false},
		{"2025-11", Date{Value: "2025-11", Precision: PrecisionMonth}, false},
		{"2025-11-04", Date{Value: "2025-11-04", Precision: PrecisionDay}, false},
		{"2025-13-04", Date{}, true},
		{"04/11/2025", Date{}, true},
		{"20251", Date{}, true},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if tt.wantErr {
			assert.Error(t, err, tt.in)
			assert.Contains(t, err.Error(), "want YYYY, YYYY-MM or YYYY-MM-DD")
			continue
		}
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, got, tt.in)
	}
}

func TestExtractorFunc(t *testing.T) {
	want := &Extraction{Graph: &ArticleGraph{Article: Article{ID: "a_1"}}}
	var got ArticleInput
	f := ExtractorFunc(func(ctx context.Context, a ArticleInput) (*Extraction, error) {
		got = a
		return want, nil
	})
	x, err := f.Extract(context.Background(), ArticleInput{Name: "n", Text: "t"})
	require.NoError(t, err)
	assert.Same(t, want, x)
	assert.Equal(t, ArticleInput{Name: "n", Text: "t"}, got)
}
