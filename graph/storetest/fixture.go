package storetest

import (
	"strings"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/graph"
)

// The Gaza fixture: three articles about the casualty count of the Gaza war, modelled
// on the seed articles. Article 1 reports the Health Ministry's toll of more than
// 68,800 dead through the Associated Press, Israel disputing it, a U.S. draft
// resolution reported by Axios and the AP (in that order), a quote of Mike Waltz and a sentence the
// article asserts itself. Article 2 (no URL, unknown date, no authors) repeats the
// ministry's toll through the AP, quotes Israeli officials with a conflicting 52,000,
// which the ministry rejects, and Israel accusing Hamas. Article 3 (same outlet as
// article 1) repeats the toll through Reuters, has the UN corroborate it, and repeats
// the conflict link of article 2 from the other side.
//
// Ids the tests name.
const (
	OutletGlobalPost  = "o_global-post"
	OutletDailyLedger = "o_daily-ledger"

	AgentHealthMinistry  = "ag_gazas-health-ministry"
	AgentIsrael          = "ag_israel"
	AgentIsraeliOfficial = "ag_israeli-officials"
	AgentAP              = "ag_associated-press"
	AgentAxios           = "ag_axios"
	AgentReuters         = "ag_reuters"
	AgentWaltz           = "ag_mike-waltz"
	AgentUSOfficials     = "ag_us-officials"
	AgentHamas           = "ag_hamas"
	AgentUN              = "ag_united-nations"
)

// Claim texts of the fixture (their ids are graph.ClaimID of these).
const (
	TextToll68800  = "The war has left more than 68,800 Palestinians dead"
	TextDraft      = "The United States circulated a draft resolution at the UN Security Council"
	TextForce      = "The force will ensure the demilitarization of Gaza"
	TextCeasefire  = "The ceasefire remains fragile"
	TextToll52000  = "The death toll is about 52,000"
	TextToll68000  = "More than 68,000 Palestinians have been killed"
	TextUnifiedCmd = "The force would operate under a unified command"
)

// Claim ids of the fixture.
var (
	ClaimToll68800 = graph.ClaimID(TextToll68800)
	ClaimDraft     = graph.ClaimID(TextDraft)
	ClaimForce     = graph.ClaimID(TextForce)
	ClaimCeasefire = graph.ClaimID(TextCeasefire)
	ClaimToll52000 = graph.ClaimID(TextToll52000)
	ClaimToll68000 = graph.ClaimID(TextToll68000)
	ClaimUnified   = graph.ClaimID(TextUnifiedCmd)
)

// Texts of the fixture articles.
const (
	Text1 = `The United States circulated a draft resolution at the UN Security Council on Tuesday, Axios and the Associated Press reported, citing U.S. officials. ` +
		`The war has left more than 68,800 Palestinians dead, according to Gaza’s Health Ministry, the AP reported. ` +
		`Israel disputes the ministry’s figures. ` +
		`“The force will ensure the demilitarization of Gaza,” said Mike Waltz, the U.S. ambassador to the United Nations. ` +
		`The ceasefire remains fragile.`
	Text2 = `More than 68,800 Palestinians have died in the war, the Health Ministry in Gaza said, according to the Associated Press. ` +
		`Israeli officials put the death toll at about 52,000, a figure the ministry rejects. ` +
		`Israel accused Hamas of violating the ceasefire.`
	Text3 = `Gaza’s Health Ministry reported that more than 68,800 Palestinians have been killed, Reuters reported. ` +
		`The United Nations said more than 68,000 Palestinians have been killed. ` +
		`Ambassador Waltz said the force would operate under a unified command, while Hamas was not consulted.`
)

// URLs of the fixture articles (article 2 has none: its id derives from its text).
const (
	URL1 = "https://globalpost.example/2025/11/04/gaza-un-draft"
	URL3 = "https://globalpost.example/2025/11/gaza-toll"
)

// Article ids of the fixture.
var (
	Article1 = graph.ArticleID(URL1, Text1)
	Article2 = graph.ArticleID("", Text2)
	Article3 = graph.ArticleID(URL3, Text3)
)

// Find returns the span of the first occurrence of sub in text, in code points, with
// its text. It panics when sub is absent: fixtures are written by hand.
func Find(text, sub string) graph.Span {
	i := strings.Index(text, sub)
	if i < 0 {
		panic("storetest: " + sub + " not in text")
	}
	start := utf8.RuneCountInString(text[:i])
	return graph.Span{Start: start, End: start + utf8.RuneCountInString(sub), Text: sub}
}

// Stmt builds a statement of claim in article at the first occurrence of content
// (cue and sentence found likewise), with its id derived as graph.StatementID does.
func Stmt(articleID, text, claimID, speaker string, via []string, kind graph.SpeechKind, cue, content, sentence string) graph.Statement {
	c := Find(text, content)
	s := graph.Statement{
		ID: graph.StatementID(articleID, claimID, c), ClaimID: claimID, ArticleID: articleID,
		SpeakerID: speaker, Via: via, Kind: kind, Content: c, Sentence: Find(text, sentence), Confidence: 0.9,
	}
	if cue != "" {
		s.Cue = Find(text, cue)
	}
	return s
}

// Disp builds a dispute in article at the first occurrence of cue.
func Disp(articleID, text, disputer, claimID, target string, kind graph.DisputeKind, cue, sentence string) graph.Dispute {
	c := Find(text, cue)
	return graph.Dispute{
		ID: graph.DisputeID(articleID, c, disputer, claimID, target), ArticleID: articleID,
		DisputerID: disputer, ClaimID: claimID, TargetAgentID: target, Kind: kind,
		Cue: c, Sentence: Find(text, sentence), Confidence: 0.8,
	}
}

// Link builds a claim link written by article.
func Link(articleID, from, to string, kind graph.LinkKind, reason string) graph.ClaimLink {
	return graph.ClaimLink{ID: graph.LinkID(from, to, kind), From: from, To: to, Kind: kind, Reason: reason, ArticleID: articleID}
}

// Mention builds a mention of agent at the first occurrence of name in text.
func Mention(text, agentID, name string) graph.Mention {
	return graph.Mention{AgentID: agentID, Span: Find(text, name)}
}

// Toll builds a count quantity of "palestinians dead".
func Toll(text string, value float64, qualifier, qtext string) graph.Quantity {
	return graph.Quantity{Value: value, Unit: "count", Qualifier: qualifier, Counted: "palestinians dead", Text: qtext, Span: Find(text, qtext)}
}

func ptr[T any](v T) *T { return &v }

// Gaza1 returns the first fixture article (see the package comment of the fixture).
func Gaza1() *graph.ArticleGraph {
	a, t := Article1, Text1
	return &graph.ArticleGraph{
		Article: graph.Article{
			ID: a, URL: URL1, Title: "U.S. circulates UN draft on a Gaza stabilization force", OutletID: OutletGlobalPost,
			Authors: []string{"Jane Doe", "Omar Haddad"}, Published: graph.Date{Value: "2025-11-04", Precision: graph.PrecisionDay},
			Text: t, ContentHash: graph.ContentHash(t),
		},
		Outlet: &graph.Outlet{ID: OutletGlobalPost, Name: "Global Post", Domain: "globalpost.example"},
		Agents: []graph.Agent{
			{ID: AgentHealthMinistry, Kind: graph.KindOrganization, Name: "Gaza's Health Ministry", Aliases: []string{"the ministry"}, Roles: []string{"part of the Hamas-run government"}},
			{ID: AgentIsrael, Kind: graph.KindCountry, Name: "Israel"},
			{ID: AgentAP, Kind: graph.KindOutlet, Name: "Associated Press", Aliases: []string{"AP", "the Associated Press"}},
			{ID: AgentAxios, Kind: graph.KindOutlet, Name: "Axios"},
			{ID: AgentWaltz, Kind: graph.KindPerson, Name: "Mike Waltz", Roles: []string{"the U.S. ambassador to the United Nations"}},
			{ID: AgentUSOfficials, Kind: graph.KindGroup, Name: "U.S. officials"},
		},
		Claims: []graph.Claim{
			{ID: ClaimToll68800, Text: graph.NormalizeClaimText(TextToll68800), Kind: graph.ClaimStatistic, Modality: graph.ModalityAsserted,
				Quantities: []graph.Quantity{Toll(t, 68800, "more_than", "more than 68,800")}},
			{ID: ClaimDraft, Text: graph.NormalizeClaimText(TextDraft), Kind: graph.ClaimReportedSpeech, Modality: graph.ModalityAsserted},
			{ID: ClaimForce, Text: graph.NormalizeClaimText(TextForce), Kind: graph.ClaimDirectQuote, Modality: graph.ModalityPrediction},
			{ID: ClaimCeasefire, Text: graph.NormalizeClaimText(TextCeasefire), Kind: graph.ClaimAssertion},
		},
		Statements: []graph.Statement{
			Stmt(a, t, ClaimDraft, AgentUSOfficials, []string{AgentAxios, AgentAP}, graph.SpeechReported, "reported,",
				"The United States circulated a draft resolution at the UN Security Council",
				"The United States circulated a draft resolution at the UN Security Council on Tuesday, Axios and the Associated Press reported, citing U.S. officials."),
			Stmt(a, t, ClaimToll68800, AgentHealthMinistry, []string{AgentAP}, graph.SpeechReported, "according to",
				"The war has left more than 68,800 Palestinians dead",
				"The war has left more than 68,800 Palestinians dead, according to Gaza’s Health Ministry, the AP reported."),
			Stmt(a, t, ClaimForce, AgentWaltz, nil, graph.SpeechDirect, "said",
				"The force will ensure the demilitarization of Gaza",
				"“The force will ensure the demilitarization of Gaza,” said Mike Waltz, the U.S. ambassador to the United Nations."),
			Stmt(a, t, ClaimCeasefire, "", nil, graph.SpeechNone, "",
				"The ceasefire remains fragile", "The ceasefire remains fragile."),
		},
		Disputes: []graph.Dispute{
			Disp(a, t, AgentIsrael, ClaimToll68800, AgentHealthMinistry, graph.DisputeDisputes, "disputes", "Israel disputes the ministry’s figures."),
		},
		Links: []graph.ClaimLink{},
		Mentions: []graph.Mention{
			Mention(t, AgentAP, "Associated Press"),
			Mention(t, AgentAxios, "Axios"),
			Mention(t, AgentHealthMinistry, "Gaza’s Health Ministry"),
			Mention(t, AgentIsrael, "Israel"),
			Mention(t, AgentWaltz, "Mike Waltz"),
		},
	}
}

// Gaza2 returns the second fixture article: no URL, no date, no authors, another
// outlet; a conflicting toll and two disputes.
func Gaza2() *graph.ArticleGraph {
	a, t := Article2, Text2
	return &graph.ArticleGraph{
		Article: graph.Article{ID: a, Title: "Toll disputed", OutletID: OutletDailyLedger, Text: t, ContentHash: graph.ContentHash(t)},
		Outlet:  &graph.Outlet{ID: OutletDailyLedger, Name: "Daily Ledger"},
		Agents: []graph.Agent{
			{ID: AgentHealthMinistry, Kind: graph.KindOrganization, Name: "Gaza's Health Ministry", Aliases: []string{"the Health Ministry in Gaza", "the ministry"}},
			{ID: AgentAP, Kind: graph.KindOutlet, Name: "Associated Press", Aliases: []string{"the Associated Press"}},
			{ID: AgentIsraeliOfficial, Kind: graph.KindGroup, Name: "Israeli officials"},
			{ID: AgentIsrael, Kind: graph.KindCountry, Name: "Israel", Aliases: []string{"Israeli government"}},
			{ID: AgentHamas, Kind: graph.KindUnknown, Name: "Hamas"},
		},
		Claims: []graph.Claim{
			// The toll as article 2's extractor saw it: a different kind and qualifier.
			// The stored claim of article 1 must be kept.
			{ID: ClaimToll68800, Text: graph.NormalizeClaimText(TextToll68800), Kind: graph.ClaimReportedSpeech,
				Quantities: []graph.Quantity{Toll(t, 68800, "", "68,800")}},
			{ID: ClaimToll52000, Text: graph.NormalizeClaimText(TextToll52000), Kind: graph.ClaimStatistic, Modality: graph.ModalityAsserted,
				Quantities: []graph.Quantity{Toll(t, 52000, "about", "about 52,000")}},
		},
		Statements: []graph.Statement{
			Stmt(a, t, ClaimToll68800, AgentHealthMinistry, []string{AgentAP}, graph.SpeechReported, "said",
				"More than 68,800 Palestinians have died in the war",
				"More than 68,800 Palestinians have died in the war, the Health Ministry in Gaza said, according to the Associated Press."),
			Stmt(a, t, ClaimToll52000, AgentIsraeliOfficial, nil, graph.SpeechReported, "put",
				"the death toll at about 52,000",
				"Israeli officials put the death toll at about 52,000, a figure the ministry rejects."),
		},
		Disputes: []graph.Dispute{
			Disp(a, t, AgentHealthMinistry, ClaimToll52000, "", graph.DisputeRejects, "rejects",
				"Israeli officials put the death toll at about 52,000, a figure the ministry rejects."),
			Disp(a, t, AgentIsrael, "", AgentHamas, graph.DisputeAccuses, "accused",
				"Israel accused Hamas of violating the ceasefire."),
		},
		Links: []graph.ClaimLink{
			Link(a, ClaimToll52000, ClaimToll68800, graph.LinkConflicts, "52000 vs 68800 palestinians dead"),
		},
		Mentions: []graph.Mention{
			Mention(t, AgentHealthMinistry, "the Health Ministry in Gaza"),
			Mention(t, AgentAP, "Associated Press"),
			Mention(t, AgentIsraeliOfficial, "Israeli officials"),
			Mention(t, AgentIsrael, "Israel accused"),
			Mention(t, AgentHamas, "Hamas"),
			Mention(t, AgentHamas, "Hamas"), // a repeat: stored once
		},
	}
}

// Gaza3 returns the third fixture article: the same outlet as article 1, a month date;
// the toll through Reuters, a UN corroboration, the conflict link of article 2 from
// the other side, an agent of unknown kind that article 1 knows (Waltz) and one that
// article 2 left unknown (Hamas).
func Gaza3() *graph.ArticleGraph {
	a, t := Article3, Text3
	return &graph.ArticleGraph{
		Article: graph.Article{
			ID: a, URL: URL3, Title: "Ministry toll stands", OutletID: OutletGlobalPost, Authors: []string{"Jane Doe"},
			Published: graph.Date{Value: "2025-11", Precision: graph.PrecisionMonth}, Text: t, ContentHash: graph.ContentHash(t),
		},
		// The outlet as article 3 names it: the stored outlet of article 1 is kept.
		Outlet: &graph.Outlet{ID: OutletGlobalPost, Name: "The Global Post"},
		Agents: []graph.Agent{
			{ID: AgentHealthMinistry, Kind: graph.KindOrganization, Name: "Gaza's Health Ministry", Roles: []string{"the Hamas-run health authority"}},
			{ID: AgentReuters, Kind: graph.KindOutlet, Name: "Reuters"},
			{ID: AgentUN, Kind: graph.KindOrganization, Name: "United Nations", Aliases: []string{"UN", "the United Nations"}},
			{ID: AgentWaltz, Kind: graph.KindUnknown, Name: "Mike Waltz", Aliases: []string{"Waltz"}, Roles: []string{"Ambassador"}},
			{ID: AgentHamas, Kind: graph.KindOrganization, Name: "Hamas"},
		},
		Claims: []graph.Claim{
			{ID: ClaimToll68800, Text: graph.NormalizeClaimText(TextToll68800), Kind: graph.ClaimStatistic,
				Quantities: []graph.Quantity{Toll(t, 68800, "more_than", "more than 68,800")}},
			{ID: ClaimToll52000, Text: graph.NormalizeClaimText(TextToll52000), Kind: graph.ClaimStatistic},
			{ID: ClaimToll68000, Text: graph.NormalizeClaimText(TextToll68000), Kind: graph.ClaimStatistic, Modality: graph.ModalityAsserted,
				Quantities: []graph.Quantity{{Value: 68000, Unit: "count", Qualifier: "more_than", Counted: "palestinians killed", Text: "more than 68,000", Span: Find(t, "more than 68,000")}}},
			{ID: ClaimUnified, Text: graph.NormalizeClaimText(TextUnifiedCmd), Kind: graph.ClaimReportedSpeech, Modality: graph.ModalityPrediction},
		},
		Statements: []graph.Statement{
			Stmt(a, t, ClaimToll68800, AgentHealthMinistry, []string{AgentReuters}, graph.SpeechReported, "reported that",
				"more than 68,800 Palestinians have been killed",
				"Gaza’s Health Ministry reported that more than 68,800 Palestinians have been killed, Reuters reported."),
			Stmt(a, t, ClaimToll68000, AgentUN, nil, graph.SpeechReported, "said",
				"more than 68,000 Palestinians have been killed",
				"The United Nations said more than 68,000 Palestinians have been killed."),
			Stmt(a, t, ClaimUnified, AgentWaltz, nil, graph.SpeechReported, "said the",
				"the force would operate under a unified command",
				"Ambassador Waltz said the force would operate under a unified command, while Hamas was not consulted."),
		},
		Disputes: []graph.Dispute{},
		Links: []graph.ClaimLink{
			Link(a, ClaimToll68000, ClaimToll68800, graph.LinkCorroborates, "more than 68000 and more than 68800 palestinians killed agree"),
			// Article 2's link seen from the other side, with another reason: the
			// stored link of article 2 is kept.
			Link(a, ClaimToll68800, ClaimToll52000, graph.LinkConflicts, "68800 vs 52000"),
		},
		Mentions: []graph.Mention{
			Mention(t, AgentHealthMinistry, "Gaza’s Health Ministry"),
			Mention(t, AgentReuters, "Reuters"),
			Mention(t, AgentUN, "The United Nations"),
			Mention(t, AgentWaltz, "Waltz"),
			Mention(t, AgentHamas, "Hamas"),
		},
	}
}

// Gaza returns the three fixture articles in the order the tests write them.
func Gaza() []*graph.ArticleGraph { return []*graph.ArticleGraph{Gaza1(), Gaza2(), Gaza3()} }
