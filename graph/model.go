package graph

// Span is a stretch of an article's text in Unicode code points, end exclusive.
// Fragments, when present, list the pieces of a discontinuous span (a quote split by
// its cue: "X," he said, "Y."); Start and End then cover all of them.
type Span struct {
	Start     int      `json:"start"`
	End       int      `json:"end"`
	Text      string   `json:"text,omitempty"`
	Fragments [][2]int `json:"fragments,omitempty"`
}

// IsZero reports whether the span is unset.
func (s Span) IsZero() bool { return s.Start == 0 && s.End == 0 && len(s.Fragments) == 0 }

// DatePrecision says how much of a Date is known: a date may be known only to the
// month or the year, or not at all. Unknown is never filled in with a guess.
type DatePrecision string

// Date precisions.
const (
	PrecisionUnknown DatePrecision = ""
	PrecisionYear    DatePrecision = "year"
	PrecisionMonth   DatePrecision = "month"
	PrecisionDay     DatePrecision = "day"
)

// Date is a publication date with its precision. Value is "YYYY", "YYYY-MM" or
// "YYYY-MM-DD" matching Precision, or "" when unknown.
type Date struct {
	Value     string        `json:"value,omitempty"`
	Precision DatePrecision `json:"precision,omitempty"`
}

// Outlet is a publisher of articles (a prov:Agent): a newspaper, site or wire service.
type Outlet struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Domain string `json:"domain,omitempty"`
}

// Article is a news article (a prov:Entity attributed to its Outlet and authors).
// Metadata that the source does not state stays empty: it is never invented.
type Article struct {
	ID          string   `json:"id"`
	URL         string   `json:"url,omitempty"`
	Title       string   `json:"title,omitempty"`
	OutletID    string   `json:"outlet_id,omitempty"`
	Authors     []string `json:"authors,omitempty"`
	Published   Date     `json:"published"`
	Text        string   `json:"text"`
	ContentHash string   `json:"content_hash"`
	// Writer names the API key that wrote the article (its configured name, never
	// its value); empty for articles written otherwise (corpus load, CLI ingest). The
	// API lets only an admin key replace an article another key wrote.
	Writer string `json:"writer,omitempty"`
	// Version counts the texts stored under this id: 1 for the first, one more each
	// time the article is written again with another text (a new content hash). Stores
	// set it; Canonical makes an unset version 1.
	Version int `json:"version,omitempty"`
	// PreviousVersions lists the texts this version replaced, oldest first: what was
	// there before, for readers who saw an older version. Stores keep the newest
	// Retention.VersionsKeep of them (DefaultVersionsKeep, 20, unless configured):
	// older versions are dropped from the list when a new version is written.
	PreviousVersions []ArticleVersion `json:"previous_versions,omitempty"`
}

// ArticleVersion identifies one earlier text of an article: its version number and
// content hash (wire copies and re-fetches compare by hash).
type ArticleVersion struct {
	Version     int    `json:"version"`
	ContentHash string `json:"content_hash"`
}

// NextVersion returns the version and history of an article that replaces stored, a
// version of the same id with another text: one more than the stored version, with
// the stored text's hash appended to the history, of which the newest keep entries
// are kept (Retention.VersionsKeep; 0 keeps all). Both stores use it, in the
// transaction that writes the new version.
func NextVersion(stored Article, keep int) (int, []ArticleVersion) {
	v := max(stored.Version, 1)
	prev := append(append([]ArticleVersion(nil), stored.PreviousVersions...), ArticleVersion{Version: v, ContentHash: stored.ContentHash})
	return v + 1, CapVersions(prev, keep)
}

// AgentKind classifies an Agent.
type AgentKind string

// Agent kinds.
const (
	KindPerson       AgentKind = "person"
	KindOrganization AgentKind = "organization"
	KindCountry      AgentKind = "country"
	KindGroup        AgentKind = "group"  // "U.S. officials", "observers", anonymous sources
	KindOutlet       AgentKind = "outlet" // a news agency or outlet cited as a source
	KindUnknown      AgentKind = "unknown"
)

// Agent is a person, organization, country, group or outlet that says, reports or
// disputes things (a prov:Agent). Aliases are other names it goes by ("Spencer",
// "IDF"); Roles are titles and appositive descriptions ("Britain's minister for the
// Middle East and North Africa").
type Agent struct {
	ID      string    `json:"id"`
	Kind    AgentKind `json:"kind"`
	Name    string    `json:"name"`
	Aliases []string  `json:"aliases,omitempty"`
	Roles   []string  `json:"roles,omitempty"`
}

// ClaimKind says how a claim is expressed.
type ClaimKind string

// Claim kinds.
const (
	ClaimDirectQuote    ClaimKind = "direct_quote"
	ClaimReportedSpeech ClaimKind = "reported_speech"
	ClaimStatistic      ClaimKind = "statistic"
	ClaimAssertion      ClaimKind = "assertion" // asserted by the article itself
)

// Modality marks a claim the text presents as a prediction or hedged.
type Modality string

// Modalities.
const (
	ModalityAsserted   Modality = "asserted"
	ModalityPrediction Modality = "prediction" // "is expected to", "would", "will"
	ModalityHedged     Modality = "hedged"     // "could", "may", "might"
)

// Quantity is a numeric fact inside a claim: "more than 68,800 Palestinians dead" is
// Value 68800, Qualifier "more_than", Counted "palestinians dead". Max is set for
// ranges ("50 to 60 troops"). Unit is "percent" for percentages, a currency code for
// money, and "count" otherwise.
type Quantity struct {
	Value     float64  `json:"value"`
	Max       *float64 `json:"max,omitempty"`
	Unit      string   `json:"unit"`
	Qualifier string   `json:"qualifier,omitempty"`
	Counted   string   `json:"counted,omitempty"`
	Text      string   `json:"text"`
	Span      Span     `json:"span"`
}

// Claim is something asserted, independent of who said it where (a prov:Entity).
// Text is normalized; the id derives from it, so the same words reported twice are one
// Claim.
type Claim struct {
	ID         string     `json:"id"`
	Text       string     `json:"text"`
	Kind       ClaimKind  `json:"kind"`
	Modality   Modality   `json:"modality,omitempty"`
	Quantities []Quantity `json:"quantities,omitempty"`
}

// SpeechKind says whether a statement quotes its speaker's words or reports them.
type SpeechKind string

// Speech kinds.
const (
	SpeechDirect   SpeechKind = "direct"
	SpeechReported SpeechKind = "reported"
	SpeechMixed    SpeechKind = "mixed" // reported speech with a quoted fragment
	SpeechNone     SpeechKind = "none"  // asserted by the article, no speaker
)

// Statement is one occurrence of a Claim in one Article (a prov:Entity derived from the
// article and attributed to its speaker). SpeakerID is empty when the article itself
// asserts the claim. Via lists the agencies it came through, in citation order.
// Sentence is the evidence context: the sentence(s) around the content.
type Statement struct {
	ID         string     `json:"id"`
	ClaimID    string     `json:"claim_id"`
	ArticleID  string     `json:"article_id"`
	SpeakerID  string     `json:"speaker_id,omitempty"`
	Via        []string   `json:"via,omitempty"`
	Kind       SpeechKind `json:"kind"`
	Cue        Span       `json:"cue"`
	Source     *Span      `json:"source,omitempty"`
	Content    Span       `json:"content"`
	Sentence   Span       `json:"sentence"`
	Confidence float64    `json:"confidence"`
}

// DisputeKind says how a disputer opposes a claim or agent.
type DisputeKind string

// Dispute kinds: the verbs the extractor recognizes (extract/lexicon/disputes.txt).
// The extractor emits criticizes, opposes and refuses only when their object is a
// claim ("opposed the claim"), and no longer emits accuses (an accusation is a claim
// of the accuser; the accused's denial disputes it); stores may hold older ones.
const (
	DisputeDisputes   DisputeKind = "disputes"
	DisputeDenies     DisputeKind = "denies"
	DisputeRejects    DisputeKind = "rejects"
	DisputeDismisses  DisputeKind = "dismisses"
	DisputeRefutes    DisputeKind = "refutes"
	DisputeRebuts     DisputeKind = "rebuts" // calls a claim false, baseless, a lie, nonsense ...
	DisputeContests   DisputeKind = "contests"
	DisputeQuestions  DisputeKind = "questions"
	DisputeCriticizes DisputeKind = "criticizes"
	DisputeOpposes    DisputeKind = "opposes"
	DisputeRefuses    DisputeKind = "refuses"
	DisputeAccuses    DisputeKind = "accuses"
	// DisputeContradicts: a speaker says the negation of another speaker's claim
	// ("police said the protest was peaceful; organisers said it was not peaceful").
	DisputeContradicts DisputeKind = "contradicts"
)

// DisputeShape says in which form the text states a dispute; the names are the
// shared dispute vocabulary of the annotations and the scorer.
type DisputeShape string

// Dispute shapes.
const (
	ShapeInline       DisputeShape = "inline"       // "aides denied a report that the campaign had run out of money"
	ShapeAnaphoric    DisputeShape = "anaphoric"    // "he has denied the claim", "Israel disputes these figures"
	ShapeRelative     DisputeShape = "relative"     // "... — a charge the firm denied"
	ShapeRebuttal     DisputeShape = "rebuttal"     // "'This is pure fiction,' said ...", "called the report false"
	ShapeAccusation   DisputeShape = "accusation"   // "X accused Y of Z"; Y denies it
	ShapeCounterclaim DisputeShape = "counterclaim" // opposing speakers' claims about one event
	ShapeFigures      DisputeShape = "figures"      // contested figures: "the toll, which the army disputes"
)

// Dispute records that DisputerID disputes a claim (ClaimID) or an agent
// (TargetAgentID), or both ("Israel accused Hamas of violating the ceasefire" targets
// Hamas and the accusation's content). The evidence lies in ArticleID.
type Dispute struct {
	ID            string      `json:"id"`
	ArticleID     string      `json:"article_id"`
	DisputerID    string      `json:"disputer_id"`
	ClaimID       string      `json:"claim_id,omitempty"`
	TargetAgentID string      `json:"target_agent_id,omitempty"`
	Kind          DisputeKind `json:"kind"`
	Cue           Span        `json:"cue"`
	Sentence      Span        `json:"sentence"`
	Confidence    float64     `json:"confidence"`
}

// LinkKind says how two claims relate.
type LinkKind string

// Claim link kinds.
const (
	LinkConflicts    LinkKind = "conflicts"    // their quantities disagree beyond qualifiers
	LinkCorroborates LinkKind = "corroborates" // they state the same fact
)

// ClaimLink relates two claims. Links are symmetric in meaning; From is the claim of
// the article that created the link. Reason says why, for people ("68800 vs 52000
// palestinians dead").
type ClaimLink struct {
	ID        string   `json:"id"`
	From      string   `json:"from"`
	To        string   `json:"to"`
	Kind      LinkKind `json:"kind"`
	Reason    string   `json:"reason,omitempty"`
	ArticleID string   `json:"article_id"`
}

// Mention is one place an Agent is named in an article, for highlighting.
type Mention struct {
	AgentID string `json:"agent_id"`
	Span    Span   `json:"span"`
}

// ArticleGraph is one article with everything extracted from it: the unit a Store
// writes atomically. It is self-contained: every id it references (outlet, agents,
// claims, including claims of other articles that its links or disputes point at) is
// defined in it.
type ArticleGraph struct {
	Article    Article     `json:"article"`
	Outlet     *Outlet     `json:"outlet,omitempty"`
	Agents     []Agent     `json:"agents"`
	Claims     []Claim     `json:"claims"`
	Statements []Statement `json:"statements"`
	Disputes   []Dispute   `json:"disputes"`
	Links      []ClaimLink `json:"links"`
	Mentions   []Mention   `json:"mentions"`
	// Guard, when set, is checked by PutArticle against the stored article in the
	// write's transaction (see WriteGuard). It is a condition of the write, never
	// stored or encoded.
	Guard *WriteGuard `json:"-"`
	// Referenced lists claims of the bundle that it copied from the store only to
	// refer to them (the other end of a link, the claim a dispute targets), as ingest
	// does. PutArticle writes such a claim, when no statement of the bundle names it,
	// only if it is still stored in the write's transaction; otherwise it leaves the
	// claim out, with the disputes and links that name it (DropClaims). A delete that
	// removed the claim between ingest's read and the write would otherwise see it
	// written back without statements. A condition of the write, never stored or
	// encoded.
	Referenced []string `json:"-"`
}

// UnstatedReferences returns the claims of g.Referenced that g lists and that no
// statement of g names: the claims PutArticle writes only if they are stored.
func (g *ArticleGraph) UnstatedReferences() []string {
	if len(g.Referenced) == 0 {
		return nil
	}
	stated := map[string]bool{}
	for _, s := range g.Statements {
		stated[s.ClaimID] = true
	}
	listed := map[string]bool{}
	for _, c := range g.Claims {
		listed[c.ID] = true
	}
	var out []string
	for _, id := range g.Referenced {
		if listed[id] && !stated[id] {
			out = append(out, id)
		}
	}
	return out
}

// DropClaims removes the claims of gone from g, with the disputes and links that name
// them, in place.
func (g *ArticleGraph) DropClaims(gone map[string]bool) {
	if len(gone) == 0 {
		return
	}
	claims := g.Claims[:0]
	for _, c := range g.Claims {
		if !gone[c.ID] {
			claims = append(claims, c)
		}
	}
	g.Claims = claims
	disputes := g.Disputes[:0]
	for _, d := range g.Disputes {
		if !gone[d.ClaimID] {
			disputes = append(disputes, d)
		}
	}
	g.Disputes = disputes
	links := g.Links[:0]
	for _, l := range g.Links {
		if !gone[l.From] && !gone[l.To] {
			links = append(links, l)
		}
	}
	g.Links = links
}
