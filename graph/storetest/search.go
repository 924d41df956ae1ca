package storetest

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

func testSearchClaims(t *testing.T, open Opener) {
	s := loaded(t, open)
	all := sorted(ClaimToll68800, ClaimDraft, ClaimForce, ClaimCeasefire, ClaimToll52000, ClaimToll68000, ClaimUnified)
	yes, no := ptr(true), ptr(false)

	tests := []struct {
		name string
		q    graph.ClaimQuery
		want []string
	}{
		{"everything", graph.ClaimQuery{}, all},
		{"sort id explicitly", graph.ClaimQuery{Sort: graph.SortByID}, all},
		{"one word", graph.ClaimQuery{Text: "palestinians"}, sorted(ClaimToll68800, ClaimToll68000)},
		{"all words, any case", graph.ClaimQuery{Text: "Palestinians DEAD"}, []string{ClaimToll68800}},
		{"words in any order", graph.ClaimQuery{Text: "gaza force"}, []string{ClaimForce}},
		{"number terms", graph.ClaimQuery{Text: "68,800"}, []string{ClaimToll68800}},
		{"whole words only", graph.ClaimQuery{Text: "palestin"}, []string{}},
		{"no match", graph.ClaimQuery{Text: "zebra"}, []string{}},
		{"one term missing", graph.ClaimQuery{Text: "force zebra"}, []string{}},
		{"no terms does not filter", graph.ClaimQuery{Text: " ?! "}, all},
		{"speaker", graph.ClaimQuery{SpeakerID: AgentWaltz}, sorted(ClaimForce, ClaimUnified)},
		{"speaker of none", graph.ClaimQuery{SpeakerID: AgentHamas}, []string{}},
		{"unknown speaker", graph.ClaimQuery{SpeakerID: "ag_nope"}, []string{}},
		{"article", graph.ClaimQuery{ArticleID: Article2}, sorted(ClaimToll68800, ClaimToll52000)},
		{"article lists only stated claims", graph.ClaimQuery{ArticleID: Article3}, sorted(ClaimToll68800, ClaimToll68000, ClaimUnified)},
		{"outlet", graph.ClaimQuery{OutletID: OutletGlobalPost}, sorted(ClaimToll68800, ClaimDraft, ClaimForce, ClaimCeasefire, ClaimToll68000, ClaimUnified)},
		{"other outlet", graph.ClaimQuery{OutletID: OutletDailyLedger}, sorted(ClaimToll68800, ClaimToll52000)},
		{"disputed", graph.ClaimQuery{Disputed: yes}, sorted(ClaimToll68800, ClaimToll52000)},
		{"undisputed", graph.ClaimQuery{Disputed: no}, sorted(ClaimDraft, ClaimForce, ClaimCeasefire, ClaimToll68000, ClaimUnified)},
		{"with quantity", graph.ClaimQuery{HasQuantity: yes}, sorted(ClaimToll68800, ClaimToll52000, ClaimToll68000)},
		{"without quantity", graph.ClaimQuery{HasQuantity: no}, sorted(ClaimDraft, ClaimForce, ClaimCeasefire, ClaimUnified)},
		{"speaker and article", graph.ClaimQuery{SpeakerID: AgentWaltz, ArticleID: Article1}, []string{ClaimForce}},
		{"speaker and outlet", graph.ClaimQuery{SpeakerID: AgentHealthMinistry, OutletID: OutletDailyLedger}, []string{ClaimToll68800}},
		{"text and undisputed", graph.ClaimQuery{Text: "palestinians", Disputed: no}, []string{ClaimToll68000}},
		{"text and no quantity", graph.ClaimQuery{Text: "palestinians", HasQuantity: no}, []string{}},
		{"outlet, disputed, quantity", graph.ClaimQuery{OutletID: OutletDailyLedger, Disputed: yes, HasQuantity: yes}, sorted(ClaimToll68800, ClaimToll52000)},
		{"article and text", graph.ClaimQuery{ArticleID: Article3, Text: "force"}, []string{ClaimUnified}},
		// Article1 is dated 2025-11-04, Article3 November 2025 (to the month), Article2
		// has no date: ClaimToll52000, stated only there, is in no date range.
		{"published from a day inside a month", graph.ClaimQuery{PublishedFrom: "2025-11-05"}, sorted(ClaimToll68800, ClaimToll68000, ClaimUnified)},
		{"published to the day", graph.ClaimQuery{PublishedTo: "2025-11-04"}, sorted(ClaimToll68800, ClaimDraft, ClaimForce, ClaimCeasefire, ClaimToll68000, ClaimUnified)},
		{"published on one day", graph.ClaimQuery{PublishedFrom: "2025-11-04", PublishedTo: "2025-11-04"}, sorted(ClaimToll68800, ClaimDraft, ClaimForce, ClaimCeasefire, ClaimToll68000, ClaimUnified)},
		{"published after every article", graph.ClaimQuery{PublishedFrom: "2025-12-01"}, []string{}},
		{"published before every article", graph.ClaimQuery{PublishedTo: "2025-10-31"}, []string{}},
		{"published range and text", graph.ClaimQuery{PublishedFrom: "2025-11-05", Text: "palestinians"}, sorted(ClaimToll68800, ClaimToll68000)},
		{"published range and speaker", graph.ClaimQuery{PublishedFrom: "2025-11-05", SpeakerID: AgentWaltz}, []string{ClaimUnified}},
		{"published range, most stated first", graph.ClaimQuery{PublishedFrom: "2025-11-05", Sort: graph.SortByStatements},
			append([]string{ClaimToll68800}, sorted(ClaimToll68000, ClaimUnified)...)},
		{"most stated first", graph.ClaimQuery{Sort: graph.SortByStatements},
			append([]string{ClaimToll68800}, sorted(ClaimDraft, ClaimForce, ClaimCeasefire, ClaimToll52000, ClaimToll68000, ClaimUnified)...)},
		{"most stated first, filtered", graph.ClaimQuery{Sort: graph.SortByStatements, HasQuantity: yes},
			append([]string{ClaimToll68800}, sorted(ClaimToll52000, ClaimToll68000)...)},
		{"most stated first, by text", graph.ClaimQuery{Sort: graph.SortByStatements, Text: "palestinians"},
			[]string{ClaimToll68800, ClaimToll68000}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			page, err := s.SearchClaims(ctx(t), tc.q)
			require.NoError(t, err)
			require.NotNil(t, page.Items)
			assert.Equal(t, tc.want, claimIDs(page.Items))
			assert.Empty(t, page.NextCursor)
		})
	}

	t.Run("Summaries", func(t *testing.T) {
		page, err := s.SearchClaims(ctx(t), graph.ClaimQuery{Text: "death toll"})
		require.NoError(t, err)
		assert.Equal(t, []graph.ClaimSummary{{
			Claim: canonicalClaim(t, Gaza2(), ClaimToll52000), Statements: 1, Disputes: 1,
			SpeakerIDs: []string{AgentIsraeliOfficial}, ArticleIDs: []string{Article2}, DisputerIDs: []string{AgentHealthMinistry},
		}}, page.Items)

		page, err = s.SearchClaims(ctx(t), graph.ClaimQuery{Text: "ceasefire"})
		require.NoError(t, err)
		assert.Equal(t, []graph.ClaimSummary{{
			Claim: canonicalClaim(t, Gaza1(), ClaimCeasefire), Statements: 1,
			SpeakerIDs: []string{}, ArticleIDs: []string{Article1}, DisputerIDs: []string{},
		}}, page.Items)

		page, err = s.SearchClaims(ctx(t), graph.ClaimQuery{SpeakerID: AgentHealthMinistry})
		require.NoError(t, err)
		assert.Equal(t, []graph.ClaimSummary{{
			Claim: canonicalClaim(t, Gaza1(), ClaimToll68800), Statements: 3, Disputes: 1,
			SpeakerIDs: []string{AgentHealthMinistry}, ArticleIDs: sorted(Article1, Article2, Article3), DisputerIDs: []string{AgentIsrael},
		}}, page.Items)
	})

	t.Run("FiltersAreIndependent", func(t *testing.T) {
		// Speaker and article filters need not hold for the same statement: a claim
		// said by the UN in one article and stated by someone else in another matches
		// (UN, the other article).
		s := loaded(t, open)
		g := Gaza2()
		g.Article.Text = Text2 + " The Health Ministry said the ceasefire remains fragile."
		g.Article.ContentHash = graph.ContentHash(g.Article.Text)
		g.Claims = append(g.Claims, graph.Claim{ID: ClaimCeasefire, Text: graph.NormalizeClaimText(TextCeasefire), Kind: graph.ClaimAssertion})
		g.Statements = append(g.Statements, Stmt(Article2, g.Article.Text, ClaimCeasefire, AgentHealthMinistry, nil, graph.SpeechReported,
			"said the", "the ceasefire remains fragile", "The Health Ministry said the ceasefire remains fragile."))
		put(t, s, g)
		page, err := s.SearchClaims(ctx(t), graph.ClaimQuery{SpeakerID: AgentHealthMinistry, ArticleID: Article1})
		require.NoError(t, err)
		// The ministry says the toll in article 1 and the ceasefire in article 2; the
		// ceasefire also stands (without speaker) in article 1.
		assert.Equal(t, sorted(ClaimToll68800, ClaimCeasefire), claimIDs(page.Items))
	})

	t.Run("LongWords", func(t *testing.T) {
		// A word is matched whole, however long: full-text engines cut words at a
		// length (Lucene at 255 UTF-16 units), and a piece of a word must not match.
		s := loaded(t, open)
		long := strings.Repeat("ab", 150)  // 300 letters: one word
		astral := strings.Repeat("𐌰", 200) // 200 Gothic letters, outside the BMP: 400 UTF-16 units
		text := "Officials said " + long + " and " + astral + " were sighted."
		g := Gaza2()
		g.Article.Text = Text2 + " " + text
		g.Article.ContentHash = graph.ContentHash(g.Article.Text)
		content := long + " and " + astral + " were sighted"
		id := graph.ClaimID(content)
		g.Claims = append(g.Claims, graph.Claim{ID: id, Text: content, Kind: graph.ClaimReportedSpeech})
		g.Statements = append(g.Statements, Stmt(Article2, g.Article.Text, id, "", nil, graph.SpeechReported,
			"said", content, text))
		put(t, s, g)
		astralWord := graph.Words(astral)[0]
		tests := []struct {
			name, q string
			want    []string
		}{
			{"the whole long word", long, []string{id}},
			{"the long word, any case", strings.ToUpper(long), []string{id}},
			{"its first 255 letters", long[:255], []string{}},
			{"its last 45 letters", long[255:], []string{}},
			{"the whole astral word", astralWord, []string{id}},
			{"the astral word's first 127 letters", string([]rune(astralWord)[:127]), []string{}},
			{"the astral word's last 73 letters", string([]rune(astralWord)[127:]), []string{}},
			{"both words", astralWord + " sighted " + long, []string{id}},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				page, err := s.SearchClaims(ctx(t), graph.ClaimQuery{Text: tc.q})
				require.NoError(t, err)
				assert.Equal(t, tc.want, claimIDs(page.Items))
			})
		}
	})

	t.Run("InvalidSort", func(t *testing.T) {
		_, err := s.SearchClaims(ctx(t), graph.ClaimQuery{Sort: "statements"})
		requireCode(t, err, graph.EINVALID)
	})

	t.Run("InvalidDateRange", func(t *testing.T) {
		for _, q := range []graph.ClaimQuery{
			{PublishedFrom: "2025-11"},
			{PublishedTo: "2025-02-30"},
			{PublishedFrom: "2025-11-05", PublishedTo: "2025-11-04"},
		} {
			_, err := s.SearchClaims(ctx(t), q)
			requireCode(t, err, graph.EINVALID)
		}
	})
}
