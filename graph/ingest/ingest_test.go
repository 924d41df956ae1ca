package ingest

import (
	"context"
	"testing"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/storetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// doc describes a hand-made article bundle: what an extractor would give, so that the
// reasoning across articles is tested apart from the extractor.
type doc struct {
	url, outlet, date string
	authors           []string
	text              string
	agents            []graph.Agent
	stmts             []st
	disputes          []dsp
}

// st is one statement: its content (the claim text, found in the article text), the
// claim kind, speaker and agencies, and quantities as (text, value, qualifier, counted).
type st struct {
	content string
	kind    graph.ClaimKind
	speaker string
	via     []string
	qty     []q
}

type q struct {
	text, qualifier, counted string
	value                    float64
}

type dsp struct {
	disputer, target, claimContent, cue, sentence string
}

func (d doc) graph() *graph.ArticleGraph {
	id := graph.ArticleID(d.url, d.text)
	g := &graph.ArticleGraph{Article: graph.Article{ID: id, URL: d.url, Authors: d.authors, Text: d.text, ContentHash: graph.ContentHash(d.text)}}
	if d.date != "" {
		g.Article.Published = graph.Date{Value: d.date, Precision: graph.PrecisionDay}
	}
	if d.outlet != "" {
		g.Outlet = &graph.Outlet{ID: graph.OutletID(d.outlet), Name: d.outlet}
		g.Article.OutletID = g.Outlet.ID
	}
	g.Agents = d.agents
	for _, s := range d.stmts {
		// the text as the extractor gives it (extract.ToGraph keeps its case: proper
		// nouns tell counts of different events apart); the id is of the normalized text
		c := graph.Claim{Text: s.content, Kind: s.kind, Modality: graph.ModalityAsserted}
		c.ID = graph.ClaimID(c.Text)
		for _, x := range s.qty {
			c.Quantities = append(c.Quantities, graph.Quantity{Value: x.value, Unit: "count", Qualifier: x.qualifier, Counted: x.counted, Text: x.text, Span: storetest.Find(d.text, x.text)})
		}
		g.Claims = append(g.Claims, c)
		speech := graph.SpeechReported
		switch {
		case s.kind == graph.ClaimDirectQuote:
			speech = graph.SpeechDirect
		case s.speaker == "":
			speech = graph.SpeechNone
		}
		content := storetest.Find(d.text, s.content)
		g.Statements = append(g.Statements, graph.Statement{
			ID: graph.StatementID(id, c.ID, content), ClaimID: c.ID, ArticleID: id, SpeakerID: s.speaker, Via: s.via,
			Kind: speech, Content: content, Sentence: content, Confidence: 0.9,
		})
	}
	for _, x := range d.disputes {
		claimID := ""
		if x.claimContent != "" {
			claimID = graph.ClaimID(x.claimContent)
		}
		g.Disputes = append(g.Disputes, storetest.Disp(id, d.text, x.disputer, claimID, x.target, graph.DisputeDisputes, x.cue, x.sentence))
	}
	return g
}

var (
	person   = graph.KindPerson
	org      = graph.KindOrganization
	ministry = agent(org, "Gaza’s Health Ministry", "Health Ministry")
	israel   = agent(graph.KindCountry, "Israel")
	ap       = agent(graph.KindOutlet, "Associated Press", "AP")
)

// openStore opens a fresh embedded store in a temporary directory.
func openStore(t *testing.T) graph.Store {
	t.Helper()
	return newTestStore(t)
}

func stats(t *testing.T, s graph.Store) graph.Stats {
	t.Helper()
	n, err := s.Stats(context.Background())
	require.NoError(t, err)
	return n
}

func ingest(t *testing.T, in *Ingester, d doc) *Result {
	t.Helper()
	res, err := in.IngestGraph(t.Context(), d.graph(), nil)
	require.NoError(t, err)
	return res
}

const tollText = "The war has left more than 68,800 Palestinians dead, according to Gaza’s Health Ministry."

var articleA = doc{
	url: "https://a.example/toll", outlet: "Global Post", date: "2025-11-04",
	text:   tollText + " The draft would empower the mission to employ all necessary measures to ensure Gaza’s security, officials said.",
	agents: []graph.Agent{ministry, agent(graph.KindGroup, "officials")},
	stmts: []st{
		{content: "The war has left more than 68,800 Palestinians dead", kind: graph.ClaimStatistic, speaker: ministry.ID,
			qty: []q{{"more than 68,800", "more_than", "palestinians dead", 68800}}},
		{content: "The draft would empower the mission to employ all necessary measures to ensure Gaza’s security",
			kind: graph.ClaimReportedSpeech, speaker: graph.AgentID("officials")},
	},
}

func TestIngestIdempotent(t *testing.T) {
	s := openStore(t)
	in := New(s, extract.Extractor{}, Options{})
	first := ingest(t, in, articleA)
	assert.True(t, first.Created)
	assert.Equal(t, 2, first.Statements)
	before := stats(t, s)
	again := ingest(t, in, articleA)
	assert.False(t, again.Created)
	assert.Equal(t, first.ArticleID, again.ArticleID)
	assert.Equal(t, first.Statements, again.Statements)
	assert.Equal(t, len(first.Claims), len(again.Claims))
	assert.Equal(t, before, stats(t, s), "the second ingest changed nothing")
}

func TestIngestInvalidWritesNothing(t *testing.T) {
	s := openStore(t)
	in := New(s, extract.Extractor{}, Options{})
	bad := articleA.graph()
	bad.Statements[0].SpeakerID = "ag_nobody"
	_, err := in.IngestGraph(t.Context(), bad, nil)
	require.Error(t, err)
	assert.Equal(t, graph.EINVALID, graph.ErrorCode(err))
	assert.Contains(t, graph.ErrorMessage(err), "ag_nobody")
	assert.Equal(t, graph.Stats{}, stats(t, s))
}

func TestIngestMergesNearDuplicateClaims(t *testing.T) {
	s := openStore(t)
	in := New(s, extract.Extractor{}, Options{})
	a := ingest(t, in, articleA)
	b := ingest(t, in, doc{
		url: "https://b.example/draft", outlet: "Daily Ledger", date: "2025-11-05",
		text:   "According to Reuters, the draft would empower the mission to use all necessary measures to ensure Gaza's security. Israel will not withdraw from the whole of Gaza, officials said.",
		agents: []graph.Agent{agent(graph.KindOutlet, "Reuters"), agent(graph.KindGroup, "officials")},
		stmts: []st{
			{content: "the draft would empower the mission to use all necessary measures to ensure Gaza's security",
				kind: graph.ClaimReportedSpeech, speaker: graph.AgentID("Reuters")},
			{content: "Israel will not withdraw from the whole of Gaza", kind: graph.ClaimReportedSpeech, speaker: graph.AgentID("officials")},
		},
	})
	assert.Equal(t, 1, b.MergedClaims)
	draftA := graph.ClaimID("The draft would empower the mission to employ all necessary measures to ensure Gaza’s security")
	draftB := graph.ClaimID("the draft would empower the mission to use all necessary measures to ensure Gaza's security")
	var merged []string
	for _, c := range b.Claims {
		if c.Merged {
			merged = append(merged, c.ID)
		}
	}
	assert.Equal(t, []string{draftA}, merged)

	d, err := s.Claim(t.Context(), draftA)
	require.NoError(t, err)
	require.Len(t, d.Statements, 2, "one claim, two statements")
	arts := []string{d.Statements[0].ArticleID, d.Statements[1].ArticleID}
	assert.ElementsMatch(t, []string{a.ArticleID, b.ArticleID}, arts)
	_, err = s.Claim(t.Context(), draftB)
	assert.Equal(t, graph.ENOTFOUND, graph.ErrorCode(err), "the near duplicate made no claim of its own")

	// the negated claim stays its own
	_, err = s.Claim(t.Context(), graph.ClaimID("Israel will not withdraw from the whole of Gaza"))
	require.NoError(t, err)
}

func TestIngestDoesNotMergeDifferentQuotes(t *testing.T) {
	s := openStore(t)
	in := New(s, extract.Extractor{}, Options{})
	spencer := agent(person, "John Spencer")
	ingest(t, in, doc{url: "https://a.example/q", text: "“Kosovo gives you the best example of a mandate,” Spencer said.",
		agents: []graph.Agent{spencer},
		stmts:  []st{{content: "Kosovo gives you the best example of a mandate", kind: graph.ClaimDirectQuote, speaker: spencer.ID}}})
	b := ingest(t, in, doc{url: "https://b.example/q", text: "“Bosnia gives you the best example of a mandate,” Spencer said.",
		agents: []graph.Agent{spencer},
		stmts:  []st{{content: "Bosnia gives you the best example of a mandate", kind: graph.ClaimDirectQuote, speaker: spencer.ID}}})
	assert.Zero(t, b.MergedClaims)
	assert.Equal(t, 2, stats(t, s).Claims)
}

func TestIngestResolvesAgentsAcrossArticles(t *testing.T) {
	s := openStore(t)
	in := New(s, extract.Extractor{}, Options{})
	spencer := agent(person, "John Spencer")
	ingest(t, in, doc{url: "https://a.example/s", text: "John Spencer said the force needs a clear mandate from the Council.",
		agents: []graph.Agent{spencer},
		stmts:  []st{{content: "the force needs a clear mandate from the Council", kind: graph.ClaimReportedSpeech, speaker: spencer.ID}}})
	bare := agent(person, "Spencer")
	idfFull := agent(org, "Israeli Defense Forces")
	res := ingest(t, in, doc{url: "https://b.example/s", text: "Spencer said troops must hold cleared areas for months.",
		agents: []graph.Agent{bare},
		stmts:  []st{{content: "troops must hold cleared areas for months", kind: graph.ClaimReportedSpeech, speaker: bare.ID}}})
	assert.Equal(t, 1, res.ResolvedAgents)

	_, err := s.Agent(t.Context(), bare.ID)
	assert.Equal(t, graph.ENOTFOUND, graph.ErrorCode(err), "no second agent for the bare surname")
	got, err := s.Agent(t.Context(), spencer.ID)
	require.NoError(t, err)
	assert.Contains(t, got.Aliases, "Spencer")
	page, err := s.AgentClaims(t.Context(), spencer.ID, graph.PageRequest{})
	require.NoError(t, err)
	assert.Len(t, page.Items, 2, "both claims are John Spencer's")

	// an organization named by a variant, then by its acronym
	ingest(t, in, doc{url: "https://c.example/s", text: "The Israel Defense Forces said operations would continue in the north.",
		agents: []graph.Agent{agent(org, "Israel Defense Forces")},
		stmts:  []st{{content: "operations would continue in the north", kind: graph.ClaimReportedSpeech, speaker: graph.AgentID("Israel Defense Forces")}}})
	ingest(t, in, doc{url: "https://d.example/s", text: "The Israeli Defense Forces said the remains were returned to Israel.",
		agents: []graph.Agent{idfFull},
		stmts:  []st{{content: "the remains were returned to Israel", kind: graph.ClaimReportedSpeech, speaker: idfFull.ID}}})
	idf := agent(org, "IDF")
	ingest(t, in, doc{url: "https://e.example/s", text: "The IDF said a soldier was identified on Tuesday.",
		agents: []graph.Agent{idf},
		stmts:  []st{{content: "a soldier was identified on Tuesday", kind: graph.ClaimReportedSpeech, speaker: idf.ID}}})
	page, err = s.AgentClaims(t.Context(), graph.AgentID("Israel Defense Forces"), graph.PageRequest{})
	require.NoError(t, err)
	assert.Len(t, page.Items, 3, "IDF, Israeli and Israel Defense Forces are one agent")
	for _, id := range []string{idfFull.ID, idf.ID} {
		_, err := s.Agent(t.Context(), id)
		assert.Equal(t, graph.ENOTFOUND, graph.ErrorCode(err), id)
	}

	// a news agency stored without aliases, then cited by its acronym
	apFull := agent(graph.KindOutlet, "Associated Press")
	ingest(t, in, doc{url: "https://f.example/s", text: "The Associated Press reported that talks resumed in Cairo.",
		agents: []graph.Agent{apFull},
		stmts:  []st{{content: "talks resumed in Cairo", kind: graph.ClaimReportedSpeech, speaker: apFull.ID}}})
	apShort := agent(graph.KindOutlet, "AP")
	res = ingest(t, in, doc{url: "https://g.example/s", text: "The AP reported that aid reached Rafah.",
		agents: []graph.Agent{apShort},
		stmts:  []st{{content: "aid reached Rafah", kind: graph.ClaimReportedSpeech, speaker: apShort.ID}}})
	assert.Equal(t, 1, res.ResolvedAgents)
	page, err = s.AgentClaims(t.Context(), apFull.ID, graph.PageRequest{})
	require.NoError(t, err)
	assert.Len(t, page.Items, 2, "AP and Associated Press are one agent")
}

func TestIngestNumericConflictAndCorroboration(t *testing.T) {
	s := openStore(t)
	in := New(s, extract.Extractor{}, Options{})
	ingest(t, in, articleA)
	tollA := graph.ClaimID("The war has left more than 68,800 Palestinians dead")
	res := ingest(t, in, doc{
		url: "https://b.example/toll", outlet: "Daily Ledger", date: "2025-11-06",
		text:   "Israel said about 52,000 Palestinians have died, most of them militants.",
		agents: []graph.Agent{israel},
		stmts: []st{{content: "about 52,000 Palestinians have died, most of them militants", kind: graph.ClaimStatistic, speaker: israel.ID,
			qty: []q{{"about 52,000", "about", "palestinians dead", 52000}}}},
	})
	assert.Equal(t, 1, res.LinksMade)
	// the ministry repeating its own count is one source, not a corroboration of it
	res = ingest(t, in, doc{
		url: "https://e.example/toll", outlet: "Morning Post", date: "2025-11-07",
		text:   "More than 68,800 Palestinians have lost their lives in the war, the ministry said.",
		agents: []graph.Agent{ministry},
		stmts: []st{{content: "More than 68,800 Palestinians have lost their lives in the war", kind: graph.ClaimStatistic, speaker: ministry.ID,
			qty: []q{{"More than 68,800", "more_than", "palestinians dead", 68800}}}},
	})
	assert.Equal(t, 1, res.LinksMade, "conflicts with Israel's count only")
	un := agent(org, "United Nations")
	res = ingest(t, in, doc{
		url: "https://c.example/toll", outlet: "Evening Star", date: "2025-11-07",
		text:   "More than 68,800 Palestinians have been killed in the war, according to the United Nations.",
		agents: []graph.Agent{un},
		stmts: []st{{content: "More than 68,800 Palestinians have been killed in the war", kind: graph.ClaimStatistic, speaker: un.ID,
			qty: []q{{"More than 68,800", "more_than", "palestinians dead", 68800}}}},
	})
	assert.Equal(t, 3, res.LinksMade, "corroborates the ministry's two statements of its count, conflicts with Israel's")
	// a count a year later is not compared
	res = ingest(t, in, doc{
		url: "https://d.example/toll", date: "2026-12-01",
		text:  "Officials said 90,000 Palestinians have died since the war began.",
		stmts: []st{{content: "90,000 Palestinians have died since the war began", kind: graph.ClaimStatistic, qty: []q{{"90,000", "", "palestinians dead", 90000}}}},
	})
	assert.Zero(t, res.LinksMade)

	c, err := s.Contradictions(t.Context(), tollA)
	require.NoError(t, err)
	require.Len(t, c.Conflicts, 1)
	assert.Equal(t, graph.LinkConflicts, c.Conflicts[0].Link.Kind)
	assert.Equal(t, "about 52,000 (Israel) vs more than 68,800 (Gaza’s Health Ministry) palestinians dead", c.Conflicts[0].Link.Reason)
	require.Len(t, c.Corroborations, 1, "by the United Nations, not by the ministry's repetition")
	assert.Equal(t, graph.ClaimID("More than 68,800 Palestinians have been killed in the war"), c.Corroborations[0].Claim.ID)
}

func TestIngestLinksDisputesAcrossArticles(t *testing.T) {
	s := openStore(t)
	in := New(s, extract.Extractor{}, Options{})
	ingest(t, in, articleA)
	tollA := graph.ClaimID("The war has left more than 68,800 Palestinians dead")
	text := "Israel disputes the Health Ministry’s figures. Israel also criticized the Health Ministry for its closures."
	res := ingest(t, in, doc{
		url: "https://b.example/dispute", text: text, agents: []graph.Agent{israel, ministry},
		disputes: []dsp{
			{disputer: israel.ID, target: ministry.ID, cue: "disputes", sentence: "Israel disputes the Health Ministry’s figures."},
			{disputer: israel.ID, target: ministry.ID, cue: "criticized", sentence: "Israel also criticized the Health Ministry for its closures."},
		},
	})
	assert.Equal(t, 1, res.LinkedDisputes)
	c, err := s.Contradictions(t.Context(), tollA)
	require.NoError(t, err)
	require.Len(t, c.Disputes, 1, "the figures dispute is linked, the criticism is not")
	assert.Equal(t, israel.ID, c.Disputes[0].Disputer.ID)
	assert.Equal(t, res.ArticleID, c.Disputes[0].Article.ID)
	ag, err := s.ArticleGraph(t.Context(), res.ArticleID)
	require.NoError(t, err)
	require.Len(t, ag.Disputes, 2)
	for _, d := range ag.Disputes {
		cue := string([]rune(text)[d.Cue.Start:d.Cue.End])
		if cue == "criticized" {
			assert.Empty(t, d.ClaimID, "the criticism names no figures and shares no word with the claims")
		} else {
			assert.Equal(t, tollA, d.ClaimID)
		}
	}
}

func TestIngestUnlinkedDisputeBySubject(t *testing.T) {
	s := openStore(t)
	in := New(s, extract.Extractor{}, Options{})
	ingest(t, in, articleA)
	tollA := graph.ClaimID("The war has left more than 68,800 Palestinians dead")
	for _, tc := range []struct {
		text, cue string
		linked    bool
	}{
		{"Israel rejects the figures of Palestinians killed.", "rejects", true},
		{"Israel rejects these figures.", "rejects", false},
	} {
		d := doc{url: "https://b.example/" + tc.cue + tc.text[14:20], text: tc.text, agents: []graph.Agent{israel}}
		g := d.graph()
		cue := storetest.Find(tc.text, tc.cue)
		res, err := in.IngestGraph(t.Context(), g, []UnlinkedDispute{{DisputerID: israel.ID, Kind: graph.DisputeRejects, Cue: cue,
			Sentence: graph.Span{Start: 0, End: len([]rune(tc.text))}, Confidence: 0.7}})
		require.NoError(t, err)
		if tc.linked {
			assert.Equal(t, 1, res.LinkedDisputes, tc.text)
		} else {
			assert.Zero(t, res.LinkedDisputes, tc.text)
		}
	}
	c, err := s.Contradictions(t.Context(), tollA)
	require.NoError(t, err)
	assert.Len(t, c.Disputes, 1)
}

func TestIngestWireStoryCountsOnce(t *testing.T) {
	s := openStore(t)
	in := New(s, extract.Extractor{}, Options{})
	wire := "GAZA CITY (AP) — Aid convoys crossed into northern Gaza for the first time in weeks on Tuesday."
	claim := "Aid convoys crossed into northern Gaza for the first time in weeks on Tuesday"
	mk := func(url, outlet, lead string) doc {
		return doc{url: url, outlet: outlet, text: lead + wire,
			stmts: []st{{content: claim, kind: graph.ClaimAssertion}}}
	}
	ingest(t, in, mk("https://one.example/aid", "Morning Herald", "Updated 9:00. "))
	ingest(t, in, mk("https://two.example/aid", "Evening Star", "From our wire partners: "))
	c, err := s.Contradictions(t.Context(), graph.ClaimID(claim))
	require.NoError(t, err)
	assert.Equal(t, 1, c.IndependentOrigins, "a wire story run by two outlets counts once: %+v", c.Origins)
	require.Len(t, c.Origins, 1)
	assert.Len(t, c.Origins[0].StatementIDs, 2)
	assert.Equal(t, "via:"+graph.AgentID("Associated Press"), c.Origins[0].Origin)

	// an outlet's own reporting of the same fact is a second origin
	ingest(t, in, doc{url: "https://three.example/aid", outlet: "Local Courier",
		text:  "Our reporter saw it: aid convoys crossed into northern Gaza for the first time in weeks on Tuesday.",
		stmts: []st{{content: "aid convoys crossed into northern Gaza for the first time in weeks on Tuesday", kind: graph.ClaimAssertion}}})
	c, err = s.Contradictions(t.Context(), graph.ClaimID(claim))
	require.NoError(t, err)
	assert.Equal(t, 2, c.IndependentOrigins)
}

func TestIngestWithinArticleCounts(t *testing.T) {
	s := openStore(t)
	in := New(s, extract.Extractor{}, Options{})
	text := "Around 50,000 troops were deployed to Bosnia and the mission lasted a decade. Around 60,000 troops were deployed to Bosnia and the mission lasted a decade, Smith said. The ministry said 68,800 Palestinians died, but Israel said 52,000 Palestinians died."
	smith, min := agent(person, "Anna Smith"), ministry
	res := ingest(t, in, doc{url: "https://a.example/within", text: text, agents: []graph.Agent{smith, min, israel},
		stmts: []st{
			{content: "Around 50,000 troops were deployed to Bosnia and the mission lasted a decade", kind: graph.ClaimStatistic,
				qty: []q{{"Around 50,000 troops", "about", "troops", 50000}}},
			{content: "Around 60,000 troops were deployed to Bosnia and the mission lasted a decade, Smith said", kind: graph.ClaimStatistic, speaker: smith.ID,
				qty: []q{{"Around 60,000 troops", "about", "troops", 60000}}},
			{content: "68,800 Palestinians died", kind: graph.ClaimStatistic, speaker: min.ID, qty: []q{{"68,800 Palestinians", "", "palestinians dead", 68800}}},
			{content: "52,000 Palestinians died", kind: graph.ClaimStatistic, speaker: israel.ID, qty: []q{{"52,000 Palestinians", "", "palestinians dead", 52000}}},
		}})
	assert.Equal(t, 1, res.LinksMade, "the two speakers' tolls conflict; the article's own count and Smith's count are not both spoken")
	c, err := s.Contradictions(t.Context(), graph.ClaimID("68,800 Palestinians died"))
	require.NoError(t, err)
	require.Len(t, c.Conflicts, 1)
	assert.Equal(t, graph.ClaimID("52,000 Palestinians died"), c.Conflicts[0].Claim.ID)
}
