package graph

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseAge(t *testing.T) {
	cases := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"90d", 90 * 24 * time.Hour, true},
		{"0", 0, true},
		{"0d", 0, true},
		{"36h", 36 * time.Hour, true},
		{"1h30m", 90 * time.Minute, true},
		{"-1h", 0, false},
		{"-3d", 0, false},
		{"d", 0, false},
		{"1.5d", 0, false},
		{"ninety", 0, false},
		{"", 0, false},
	}
	for _, tc := range cases {
		got, err := ParseAge(tc.in)
		if !tc.ok {
			assert.Error(t, err, tc.in)
			continue
		}
		require.NoError(t, err, tc.in)
		assert.Equal(t, tc.want, got, tc.in)
		assert.Equal(t, got, must(ParseAge(FormatAge(got))), "FormatAge(%s) reads back", got)
	}
	assert.Equal(t, "90d", FormatAge(DefaultAuditMaxAge))
	assert.Equal(t, "36h0m0s", FormatAge(36*time.Hour))
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func TestNextVersionKeeps(t *testing.T) {
	hist := func(from, to int) []ArticleVersion {
		var out []ArticleVersion
		for v := from; v <= to; v++ {
			out = append(out, ArticleVersion{Version: v, ContentHash: "h" + string(rune('0'+v))})
		}
		return out
	}
	stored := Article{Version: 5, ContentHash: "h5", PreviousVersions: hist(1, 4)}
	cases := []struct {
		keep int
		want []ArticleVersion
	}{
		{0, hist(1, 5)},
		{1, hist(5, 5)},
		{3, hist(3, 5)},
		{5, hist(1, 5)},
		{9, hist(1, 5)},
	}
	for _, tc := range cases {
		v, prev := NextVersion(stored, tc.keep)
		assert.Equal(t, 6, v)
		assert.Equal(t, tc.want, prev, "keep %d", tc.keep)
	}
	assert.Equal(t, hist(1, 4), stored.PreviousVersions, "the stored history is not changed")
	first, prev := NextVersion(Article{ContentHash: "h1"}, 20)
	assert.Equal(t, 2, first)
	assert.Equal(t, hist(1, 1), prev)
}

func TestAuditPruneFor(t *testing.T) {
	at := time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)
	p := AuditPruneFor(Retention{AuditKeep: 7, AuditMaxAge: time.Hour}, at)
	assert.Equal(t, 7, p.Keep)
	assert.Equal(t, "au_20261204T090000.000000000Z", p.Before)
	older, newer := NewAuditID(at.Add(-time.Hour-time.Nanosecond)), NewAuditID(at.Add(-time.Hour))
	assert.Less(t, older, p.Before, "an entry older than the bound sorts below it")
	assert.Greater(t, newer, p.Before, "an entry of the bound itself stays")
	assert.Empty(t, AuditPruneFor(Retention{}, at).Before, "no age bound")
}
